//! EventSub acknowledgement latency: a verified `stream.online` (a new
//! stream each time, so every request records a real go-live) for a
//! streamer tracked by 1, 100 and 10,000 guilds, timed at the client over
//! loopback. The fan-out happens in the delivery worker, not here (the
//! worker is left off so only the request is measured; `benches/fanout.rs`
//! measures the worker).
//!
//! `cargo bench --bench eventsub_ack`; environment: `ACK_GUILDS`
//! (1,100,10000), `ACK_REQUESTS` (1000), `BENCH_RUNS` (3),
//! `BENCH_BACKENDS` (sqlite,postgres).

#![allow(
    dead_code,
    reason = "the shared test support has more than this bench uses"
)]

#[path = "../tests/it/support/mod.rs"]
#[allow(unused_macros, unused_imports, reason = "test-only helpers")]
mod support;

mod common;

use std::time::{Duration, Instant};

use common::{STREAMER, median, ms, percentile};
use serde_json::json;
use support::{
    app::{EVENTSUB_SECRET, notification},
    db::TestDb,
    discord::DiscordStandIn,
    twitch::TwitchStandIn,
};

async fn run(backend: &str, guilds: i64, requests: usize) -> (Duration, Duration) {
    let db = match backend {
        "postgres" => TestDb::postgres().await,
        _ => TestDb::sqlite().await,
    };
    common::seed(&db.db, guilds).await;
    let (twitch, discord) = (TwitchStandIn::start().await, DiscordStandIn::start().await);
    let (_state, url) = common::serve(&db.url, &twitch, &discord, &[], false).await;
    let client = reqwest::Client::new();
    let endpoint = format!("{url}/webhooks/twitch");
    let mut latencies = Vec::with_capacity(requests);
    for i in 0..requests {
        let message_id = format!("ack-{i}-{}", fastrand::u64(..));
        let body = notification(
            "stream.online",
            "1",
            STREAMER,
            json!({
                "id": format!("5{i:010}"), "broadcaster_user_id": STREAMER,
                "broadcaster_user_login": "shroud", "broadcaster_user_name": "shroud", "type": "live",
                "started_at": chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Nanos, true),
            }),
        );
        let timestamp = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Nanos, true);
        let signature = streammaxing::twitch::signature::sign(
            EVENTSUB_SECRET.as_bytes(),
            &message_id,
            &timestamp,
            body.as_bytes(),
        );
        let request = client
            .post(&endpoint)
            .header("Content-Type", "application/json")
            .header("Twitch-Eventsub-Message-Id", &message_id)
            .header("Twitch-Eventsub-Message-Retry", "0")
            .header("Twitch-Eventsub-Message-Type", "notification")
            .header("Twitch-Eventsub-Message-Signature", signature)
            .header("Twitch-Eventsub-Message-Timestamp", timestamp)
            .header("Twitch-Eventsub-Subscription-Type", "stream.online")
            .header("Twitch-Eventsub-Subscription-Version", "1")
            .body(body);
        let start = Instant::now();
        let response = request.send().await.expect("EventSub request");
        latencies.push(start.elapsed());
        assert_eq!(response.status(), 204, "acknowledged");
    }
    (
        percentile(&mut latencies, 50.0),
        percentile(&mut latencies, 99.0),
    )
}

#[tokio::main]
async fn main() {
    let full = common::full_run();
    let sizes = if full {
        common::list("ACK_GUILDS", &[1, 100, 10_000])
    } else {
        vec![100]
    };
    let requests = if full {
        common::list("ACK_REQUESTS", &[1000])[0] as usize
    } else {
        20
    };
    let runs = if full {
        common::list("BENCH_RUNS", &[3])[0] as usize
    } else {
        1
    };
    let backends = if full {
        common::backends()
    } else {
        vec!["sqlite".into()]
    };
    println!("backend   guilds  requests  runs  p50_ms  p99_ms");
    for backend in &backends {
        for &guilds in &sizes {
            let (mut p50s, mut p99s) = (Vec::new(), Vec::new());
            for _ in 0..runs {
                let (p50, p99) = run(backend, guilds, requests).await;
                p50s.push(ms(p50));
                p99s.push(ms(p99));
            }
            println!(
                "{backend:<9} {guilds:>6}  {requests:>8}  {runs:>4}  {:>6.2}  {:>6.2}",
                median(&mut p50s),
                median(&mut p99s)
            );
        }
    }
}
