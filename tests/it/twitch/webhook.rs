use serde_json::json;
use streammaxing::twitch::subscriptions;

use crate::support::sf;
use crate::support::tw;
use crate::support::{
    app::{EVENTSUB_SECRET, TestApp, notification, revocation},
    db::on_both_backends,
};

const SHROUD: &str = "37402112";

fn offline_body() -> String {
    notification(
        "stream.offline",
        "1",
        SHROUD,
        json!({
            "broadcaster_user_id": SHROUD, "broadcaster_user_login": "shroud", "broadcaster_user_name": "shroud"
        }),
    )
}

async fn error_of(response: reqwest::Response) -> String {
    let body: serde_json::Value = response.json().await.expect("JSON error body");
    body["error"].as_str().unwrap_or_default().to_owned()
}

/// The guild's notification for the stream, once the worker has queued it
/// (within 5 s).
async fn queued(
    app: &TestApp,
    guild: i64,
    stream_id: &str,
) -> Option<streammaxing::store::OutboxItem> {
    for _ in 0..200 {
        if let Some(item) = app.db.notification(sf(guild), stream_id).await.unwrap() {
            return Some(item);
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    None
}

on_both_backends! {
    async fn a_created_subscription_completes_the_challenge_round_trip(db) {
        let app = TestApp::start(db).await;
        app.track(&[1], SHROUD, "shroud").await;
        subscriptions::ensure(&app.state, &tw(SHROUD)).await.unwrap();
        app.twitch.challenges_settled().await;
        let at_twitch = app.twitch.subscriptions_of(SHROUD);
        assert_eq!(at_twitch.len(), 3);
        assert!(at_twitch.iter().all(|(_, status)| status == "enabled"), "{at_twitch:?}");
        let ours = app.db.subscriptions_for(&tw(SHROUD)).await.unwrap();
        assert_eq!(ours.len(), 3);
        assert!(ours.iter().all(|s| s.status.as_ref() == "enabled"), "{ours:?}");
    }

    async fn a_verification_request_like_twitch_clis_gets_the_challenge_as_plain_text(db) {
        let app = TestApp::start(db).await;
        let body = json!({
            "challenge": "f3fec4b6-91b3-d1e4-4fbd-c4e4fe4ad20a",
            "subscription": {"id": "a1b2", "status": "webhook_callback_verification_pending", "type": "stream.online",
                "version": "1", "condition": {"broadcaster_user_id": "7731"},
                "transport": {"method": "webhook", "callback": "http://localhost:3000/webhooks/twitch"},
                "created_at": "2026-11-26T12:00:00.123456789Z"}
        }).to_string();
        let response = app.eventsub("webhook_callback_verification", "m-verify", &body).await;
        assert_eq!(response.status(), 200);
        assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/plain"));
        assert_eq!(response.text().await.unwrap(), "f3fec4b6-91b3-d1e4-4fbd-c4e4fe4ad20a");
        assert!(app.db.all_subscriptions().await.unwrap().is_empty(), "unknown broadcasters are not recorded");
    }

    async fn forged_or_unsigned_messages_are_refused_with_403(db) {
        let app = TestApp::start(db).await;
        app.track(&[1], SHROUD, "shroud").await;
        let body = offline_body();
        let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Nanos, true);
        let good = streammaxing::twitch::signature::sign(EVENTSUB_SECRET.as_bytes(), "m-1", &now, body.as_bytes());
        let forged = streammaxing::twitch::signature::sign(b"not-the-secret", "m-1", &now, body.as_bytes());
        let base = [("Twitch-Eventsub-Message-Id", "m-1"), ("Twitch-Eventsub-Message-Timestamp", now.as_str()), ("Twitch-Eventsub-Message-Type", "notification")];
        fn with<'a>(base: &[(&'a str, &'a str)], sig: &'a str) -> Vec<(&'a str, &'a str)> {
            let mut headers = base.to_vec();
            headers.push(("Twitch-Eventsub-Message-Signature", sig));
            headers
        }
        for (case, headers, body) in [
            ("no signature", base.to_vec(), body.clone()),
            ("forged signature", with(&base, &forged), body.clone()),
            ("garbage signature", with(&base, "sha256=nothex"), body.clone()),
            ("tampered body", with(&base, &good), body.replace("shroud", "shrouf")),
            ("no message id", with(&base, &good)[1..].to_vec(), body.clone()),
        ] {
            let response = app.post_eventsub(&headers, body).await;
            assert_eq!(response.status(), 403, "{case}");
        }
        let stale = (chrono::Utc::now() - chrono::Duration::minutes(11)).to_rfc3339_opts(chrono::SecondsFormat::Nanos, true);
        let response = app.eventsub_at("notification", "m-2", &stale, &body).await;
        assert_eq!(response.status(), 403);
        assert!(error_of(response).await.contains("10-minute"));
        assert_eq!(app.db.streamer(&tw(SHROUD)).await.unwrap().unwrap().last_offline_at, None, "nothing was applied");
    }

    async fn malformed_or_unknown_messages_get_400_with_a_reason(db) {
        let app = TestApp::start(db).await;
        let response = app.eventsub("notification", "m-1", "{not json").await;
        assert_eq!(response.status(), 400);
        assert!(error_of(response).await.contains("malformed EventSub payload"));
        let response = app.eventsub("notification", "m-2", r#"{"subscription": {"id": "x"}}"#).await;
        assert_eq!(response.status(), 400);
        let response = app.eventsub("telepathy", "m-3", &offline_body()).await;
        assert_eq!(response.status(), 400);
        assert!(error_of(response).await.contains("telepathy"));
        let online_without_id = notification("stream.online", "1", SHROUD, json!({"broadcaster_user_id": SHROUD}));
        assert_eq!(app.eventsub("notification", "m-4", &online_without_id).await.status(), 400);
    }

    async fn oversized_bodies_get_413(db) {
        let app = TestApp::start(db).await;
        let huge = format!("{{\"pad\": \"{}\"}}", "x".repeat(70 * 1024));
        assert_eq!(app.eventsub("notification", "m-1", &huge).await.status(), 413);
    }

    async fn going_live_is_acknowledged_and_handed_to_the_outbox(db) {
        let app = TestApp::start(db).await;
        app.track(&[1, 2, 3], SHROUD, "shroud").await;
        let response = app.twitch_online("m-1", SHROUD, "40952121085").await;
        assert_eq!(response.status(), 204);
        // The worker fans the go-live out to every tracking guild.
        for guild in [1, 2, 3] {
            assert!(queued(&app, guild, "40952121085").await.is_some(), "guild {guild}");
        }
        assert_eq!(app.db.streamer(&tw(SHROUD)).await.unwrap().unwrap().live_stream_id.as_deref(), Some("40952121085"));
    }

    async fn a_repeated_message_id_is_acknowledged_and_ignored_even_after_a_restart(db) {
        let app = TestApp::start(db).await;
        app.track(&[1], SHROUD, "shroud").await;
        assert_eq!(app.twitch_online("m-1", SHROUD, "stream-a").await.status(), 204);
        // Restart: a new instance over the same database.
        let (db, twitch) = (app.db.clone(), app.twitch.clone());
        drop(app);
        let app = TestApp::start_with(db, twitch, crate::support::discord::DiscordStandIn::start().await).await;
        let response = app.twitch_online("m-1", SHROUD, "stream-b").await;
        assert_eq!(response.status(), 204);
        assert_eq!(app.db.notification(sf(1), "stream-b").await.unwrap(), None, "the resend changed nothing");
        assert_eq!(app.db.streamer(&tw(SHROUD)).await.unwrap().unwrap().live_stream_id.as_deref(), Some("stream-a"));
    }

    async fn concurrent_instances_record_a_message_once(db) {
        let first = TestApp::start(db).await;
        first.track(&[1], SHROUD, "shroud").await;
        let second = TestApp::start_with(first.db.clone(), first.twitch.clone(), first.discord.clone()).await;
        let body = notification("channel.update", "2", SHROUD, json!({"broadcaster_user_id": SHROUD, "title": "t", "category_name": "g"}));
        let sends = (0..8).map(|i| {
            let app = if i % 2 == 0 { &first } else { &second };
            app.eventsub("notification", "m-same", &body)
        });
        let statuses: Vec<u16> = futures_util::future::join_all(sends).await.iter().map(|r| r.status().as_u16()).collect();
        assert!(statuses.iter().all(|s| *s == 204), "{statuses:?}");
        assert!(!first.db.remember_eventsub_message("m-same", 0).await.unwrap());
    }

    async fn stream_end_and_title_changes_are_recorded(db) {
        let app = TestApp::start(db).await;
        app.track(&[1], SHROUD, "shroud").await;
        app.twitch_online("m-1", SHROUD, "stream-a").await;
        let update = notification("channel.update", "2", SHROUD, json!({
            "broadcaster_user_id": SHROUD, "broadcaster_user_login": "shroud", "broadcaster_user_name": "shroud",
            "title": "new title", "language": "en", "category_id": "1", "category_name": "Just Chatting",
            "content_classification_labels": []
        }));
        assert_eq!(app.eventsub("notification", "m-2", &update).await.status(), 204);
        assert_eq!(app.eventsub("notification", "m-3", &offline_body()).await.status(), 204);
        let s = app.db.streamer(&tw(SHROUD)).await.unwrap().unwrap();
        assert_eq!((s.title.as_deref(), s.game_name.as_deref(), s.live_stream_id), (Some("new title"), Some("Just Chatting"), None));
        assert!(s.last_offline_at.is_some());
        // The worker fans out the go-live on its own time; the row it queues
        // already knows the stream ended.
        assert!(queued(&app, 1, "stream-a").await.expect("queued").ended_at.is_some());
    }

    async fn an_unreachable_database_answers_503_so_twitch_retries(db) {
        let app = TestApp::start(db).await;
        app.track(&[1], SHROUD, "shroud").await;
        app.db.close().await;
        let response = app.twitch_online("m-1", SHROUD, "stream-a").await;
        assert_eq!(response.status(), 503);
    }

    async fn each_revocation_reason_is_recorded_and_handled(db) {
        let app = TestApp::start(db).await;
        app.track(&[1], SHROUD, "shroud").await;
        subscriptions::ensure(&app.state, &tw(SHROUD)).await.unwrap();
        app.twitch.challenges_settled().await;
        app.db.set_streamer_linked(&tw(SHROUD), true, 1).await.unwrap();
        let subs = app.db.subscriptions_for(&tw(SHROUD)).await.unwrap();
        for (i, (sub, reason)) in subs.iter().zip(["notification_failures_exceeded", "authorization_revoked", "user_removed"]).enumerate() {
            let body = revocation(sub, reason);
            assert_eq!(app.eventsub("revocation", &format!("r-{i}"), &body).await.status(), 204, "{reason}");
            let row = app.db.subscriptions_for(&tw(SHROUD)).await.unwrap().into_iter().find(|s| s.subscription_id == sub.subscription_id).unwrap();
            assert_eq!(row.revoked_reason.as_deref(), Some(reason));
            assert_eq!(row.resubscribe_at.is_some(), reason != "user_removed", "{reason}");
            // Twitch removes a revoked subscription from its list.
            app.twitch.world().subscriptions.retain(|s| s["id"] != sub.subscription_id.as_str());
        }
        let s = app.db.streamer(&tw(SHROUD)).await.unwrap().unwrap();
        assert_eq!((s.problem, s.linked), (Some(streammaxing::store::StreamerProblem::UserRemoved), false));
        // The scheduled resubscription recreates what can work again.
        streammaxing::maintenance::run_once(&app.state).await.unwrap();
        app.twitch.challenges_settled().await;
        let types: Vec<String> = app.twitch.subscriptions_of(SHROUD).into_iter().map(|(t, _)| t).collect();
        assert_eq!(types.len(), 3, "{types:?}");
        assert!(app.db.subscriptions_due_for_resubscribe(i64::MAX).await.unwrap().is_empty());
    }

    async fn notification_types_we_do_not_use_are_acknowledged(db) {
        let app = TestApp::start(db).await;
        let follow = notification("channel.follow", "2", SHROUD, json!({"user_id": "1"}));
        assert_eq!(app.eventsub("notification", "m-1", &follow).await.status(), 204);
        let rerun = notification("stream.online", "1", SHROUD, json!({"id": "9", "broadcaster_user_id": SHROUD, "type": "rerun", "started_at": "2026-11-26T12:00:00Z"}));
        app.track(&[1], SHROUD, "shroud").await;
        assert_eq!(app.eventsub("notification", "m-2", &rerun).await.status(), 204);
        assert_eq!(app.db.notification(sf(1), "9").await.unwrap(), None, "reruns are not announced");
    }
}

#[tokio::test]
async fn the_webhook_answers_503_when_twitch_is_not_configured() {
    let db = crate::support::db::TestDb::sqlite().await;
    let state = crate::support::http::state(&db, &[]);
    let request = axum::http::Request::post("/webhooks/twitch")
        .body(axum::body::Body::from("{}"))
        .unwrap();
    let (response, body) = crate::support::http::send(&state, request).await;
    assert_eq!(response.status(), 503);
    assert!(String::from_utf8_lossy(&body).contains("TWITCH_EVENTSUB_SECRET"));
}
