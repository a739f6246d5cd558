//! Fan-out: from the acknowledgement of a verified `stream.online` until
//! Discord has accepted the last of one message per tracking guild.
//!
//! - `limited`: the Discord stand-in enforces the global limit of 50
//!   requests in any one-second window (429 beyond), sends per-route
//!   `x-ratelimit-*` headers and answers after 50 ms; the bot runs with its
//!   default pacing. Goal: ≥ 95 % of 50/s, zero 429s.
//! - `unlimited`: no limit at the stand-in, `DISCORD_GLOBAL_RATE_LIMIT=0`,
//!   still 50 ms per answer: the engine's own ceiling.
//!
//! `cargo bench --bench fanout`; environment: `FANOUT_GUILDS` (1000,10000),
//! `FANOUT_MODES` (limited,unlimited), `BENCH_RUNS` (3),
//! `BENCH_BACKENDS` (sqlite,postgres). Without `--bench` (as `cargo test`
//! runs it) it does one small run as a smoke test.

#![allow(
    dead_code,
    reason = "the shared test support has more than this bench uses"
)]

#[path = "../tests/it/support/mod.rs"]
#[allow(unused_macros, unused_imports, reason = "test-only helpers")]
mod support;

mod common;

use std::time::{Duration, Instant};

use common::{STREAMER, median, ms};
use serde_json::json;
use support::{
    app::{notification, signed_eventsub},
    db::TestDb,
    discord::DiscordStandIn,
    twitch::TwitchStandIn,
};

struct Run {
    ack: Duration,
    fanout: Duration,
    global_429s: usize,
}

async fn run(backend: &str, guilds: i64, limited: bool, run_no: usize) -> Run {
    let db = match backend {
        "postgres" => TestDb::postgres().await,
        _ => TestDb::sqlite().await,
    };
    common::seed(&db.db, guilds).await;
    let twitch = TwitchStandIn::start().await;
    twitch.add_user(STREAMER, "shroud", "shroud");
    let discord = DiscordStandIn::start().await;
    {
        let mut world = discord.world();
        world.latency = Duration::from_millis(50);
        world.realistic_limits = limited.then_some(50);
    }
    let extra: &[(&str, &str)] = if limited {
        &[]
    } else {
        &[("DISCORD_GLOBAL_RATE_LIMIT", "0")]
    };
    let (_state, url) = common::serve(&db.url, &twitch, &discord, extra, true).await;
    let stream_id = format!("4095212{run_no:04}");
    let body = notification(
        "stream.online",
        "1",
        STREAMER,
        json!({
            "id": stream_id, "broadcaster_user_id": STREAMER, "broadcaster_user_login": "shroud",
            "broadcaster_user_name": "shroud", "type": "live",
            "started_at": chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Nanos, true),
        }),
    );
    let sent = Instant::now();
    let status = signed_eventsub(&url, &format!("bench-{run_no}"), &body).await;
    let acked = Instant::now();
    assert_eq!(status, 204, "stream.online acknowledged");
    // Generous: 10,000 guilds at 50/s take 200 s.
    let deadline = acked + Duration::from_secs(60 + guilds as u64 / 25);
    loop {
        let (created, last) = {
            let world = discord.world();
            (world.messages.len() as i64, world.last_created)
        };
        if created >= guilds {
            let world = discord.world();
            let mut channels: Vec<&str> = world
                .messages
                .values()
                .filter_map(|m| m["channel_id"].as_str())
                .collect();
            channels.sort_unstable();
            channels.dedup();
            assert_eq!(channels.len() as i64, guilds, "one message per guild");
            return Run {
                ack: acked - sent,
                fanout: last.expect("a message was created") - acked,
                global_429s: world.global_429s,
            };
        }
        assert!(
            Instant::now() < deadline,
            "only {created} of {guilds} messages after {:?}",
            acked.elapsed()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::main]
async fn main() {
    if std::env::var_os("RUST_LOG").is_some() {
        streammaxing::telemetry::init(streammaxing::config::LogFormat::Text);
    }
    let full = common::full_run();
    let sizes = if full {
        common::list("FANOUT_GUILDS", &[1000, 10_000])
    } else {
        vec![20]
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
    let modes = std::env::var("FANOUT_MODES").unwrap_or_else(|_| "limited,unlimited".into());
    println!("mode       backend   guilds  runs  ack_ms  fanout_s  msgs_per_s  pct_of_50  429s");
    for mode in modes.split(',').map(str::trim) {
        let limited = mode == "limited";
        for backend in &backends {
            for &guilds in &sizes {
                let (mut acks, mut secs, mut rates) = (Vec::new(), Vec::new(), Vec::new());
                let mut throttled = 0;
                for run_no in 0..runs {
                    let r = run(backend, guilds, limited, run_no).await;
                    acks.push(ms(r.ack));
                    secs.push(r.fanout.as_secs_f64());
                    rates.push(guilds as f64 / r.fanout.as_secs_f64());
                    throttled += r.global_429s;
                }
                let rate = median(&mut rates);
                println!(
                    "{mode:<10} {backend:<9} {guilds:>6}  {runs:>4}  {:>6.1}  {:>8.2}  {rate:>10.1}  {:>8.1}%  {throttled:>4}",
                    median(&mut acks),
                    median(&mut secs),
                    rate / 50.0 * 100.0,
                );
                if limited {
                    assert_eq!(throttled, 0, "the bot was rate limited by the stand-in");
                }
            }
        }
    }
}
