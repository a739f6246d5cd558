//! `GET /metrics`: what an operator's Prometheus scrapes, read back the way
//! Prometheus reads it.

use std::time::{Duration, Instant};

use serde_json::json;
use streammaxing::metrics::exposition::Exposition;

use crate::notify::delivery::{SHROUD, channel_of, followed_by};
use crate::support::{
    app::{METRICS_TOKEN, TestApp, notification},
    db::on_both_backends,
    http,
    interactions::{AS_ADMIN, slash, sub},
};

fn sent(m: &Exposition) -> f64 {
    m.sum("streammaxing_deliveries_total", &[("outcome", "sent")])
}

fn eventsub(m: &Exposition, message_type: &str, outcome: &str) -> f64 {
    m.sum(
        "streammaxing_eventsub_messages_total",
        &[("message_type", message_type), ("outcome", outcome)],
    )
}

/// Scrapes until `done` says so (at most 30 s), returning the last scrape.
async fn scrape_until(app: &TestApp, what: &str, done: impl Fn(&Exposition) -> bool) -> Exposition {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let m = app.metrics().await;
        if done(&m) {
            return m;
        }
        assert!(
            Instant::now() < deadline,
            "never happened: {what}; last scrape: {m:?}"
        );
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

async fn get_metrics(app: &TestApp, authorization: Option<&str>) -> u16 {
    let mut request = reqwest::Client::new().get(format!("{}/metrics", app.url));
    if let Some(value) = authorization {
        request = request.header("Authorization", value);
    }
    request.send().await.expect("request").status().as_u16()
}

on_both_backends! {
    async fn a_go_live_to_a_hundred_servers_shows_in_the_scraped_counters_and_gauges(db) {
        let app = TestApp::start(db).await;
        followed_by(&app, 100).await;
        let before = app.metrics().await;
        assert_eq!(sent(&before), 0.0);
        assert_eq!(before.sum("streammaxing_outbox_pending", &[]), 0.0);
        // Slow enough that the fan-out is still going when it is scraped.
        app.discord.world().latency = Duration::from_millis(20);

        assert_eq!(app.twitch_online("m-1", SHROUD, "s-1").await.status(), 204);
        // A copy Twitch sends again, and one nobody signed.
        assert_eq!(app.twitch_online("m-1", SHROUD, "s-1").await.status(), 204);
        let body = notification("stream.online", "1", SHROUD, json!({"id": "s-2", "broadcaster_user_id": SHROUD, "type": "live"}));
        let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Nanos, true);
        let forged = app.post_eventsub(&[
            ("Twitch-Eventsub-Message-Id", "m-forged"),
            ("Twitch-Eventsub-Message-Type", "notification"),
            ("Twitch-Eventsub-Message-Signature", &format!("sha256={}", "0".repeat(64))),
            ("Twitch-Eventsub-Message-Timestamp", &now),
        ], body).await;
        assert_eq!(forged.status(), 403);

        // During the fan-out: the notification counted once, whatever the
        // deliveries have reached.
        let during = app.metrics().await;
        assert_eq!(eventsub(&during, "notification", "accepted"), 1.0, "{during:?}");
        assert!(sent(&during) <= 100.0);

        let after = scrape_until(&app, "100 sent and the outbox empty", |m| {
            sent(m) >= 100.0 && m.sum("streammaxing_outbox_pending", &[]) == 0.0
        }).await;
        assert_eq!(sent(&after), 100.0, "one message per server");
        for guild in [1, 50, 100] {
            assert_eq!(app.discord.messages_in(channel_of(guild)).len(), 1, "guild {guild}");
        }
        assert_eq!(after.sum("streammaxing_outbox_oldest_pending_seconds", &[]), 0.0);
        assert_eq!(after.sum("streammaxing_deliveries_total", &[("outcome", "failed")]), 0.0);
        assert_eq!(
            after.sum("streammaxing_eventsub_messages_total", &[
                ("message_type", "notification"),
                ("subscription_type", "stream.online"),
                ("outcome", "accepted"),
            ]),
            1.0,
            "the go-live counted once"
        );
        assert_eq!(eventsub(&after, "notification", "duplicate"), 1.0);
        assert_eq!(eventsub(&after, "notification", "forged"), 1.0);
        assert_eq!(after.kind("streammaxing_deliveries"), Some("counter"));
        assert_eq!(after.kind("streammaxing_outbox_pending"), Some("gauge"));

        // An interaction counts by command and outcome, with its latency.
        let (status, _) = app.interaction(&slash(AS_ADMIN, "streamers", sub("list", json!([])), json!({}))).await;
        assert_eq!(status, 200);
        app.settle().await;
        let later = app.metrics().await;
        assert_eq!(
            later.sum("streammaxing_interactions_total", &[("kind", "command"), ("command", "streamers"), ("outcome", "ok")]),
            1.0,
            "{later:?}"
        );
        assert_eq!(
            later.sum("streammaxing_interaction_duration_seconds_count", &[("command", "streamers")]),
            1.0
        );
    }

    async fn metrics_need_the_token_and_do_not_exist_without_one(db) {
        let app = TestApp::start(db).await;
        assert_eq!(get_metrics(&app, None).await, 401, "no token");
        assert_eq!(get_metrics(&app, Some("Bearer not-the-token")).await, 401, "a wrong token");
        assert_eq!(get_metrics(&app, Some(&format!("Bearer {METRICS_TOKEN}x"))).await, 401, "a longer token");
        assert_eq!(get_metrics(&app, Some(&format!("Basic {METRICS_TOKEN}"))).await, 401, "not a bearer token");
        assert_eq!(get_metrics(&app, Some(&format!("Bearer {METRICS_TOKEN}"))).await, 200);

        // Without METRICS_TOKEN the endpoint is off.
        let off = http::state(&app.db, &[]);
        let request = axum::http::Request::get("/metrics")
            .header("Authorization", format!("Bearer {METRICS_TOKEN}"))
            .body(axum::body::Body::empty())
            .unwrap();
        let (response, _) = http::send(&off, request).await;
        assert_eq!(response.status(), 404);
    }
}
