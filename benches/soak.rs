//! Soak: the real `serve` binary under a steady mix of traffic for a long
//! time, against the Twitch and Discord stand-ins (Discord answering in
//! 50 ms and enforcing its 50 requests/s global limit).
//!
//! Every second: `INTERACTIONS_PER_SECOND` signed interactions (a mix of
//! `/notify off|on`, `/notify list`, `/streamers list` and autocomplete),
//! and every `EVENT_EVERY` seconds one streamer goes live or offline
//! (Twitch-signed EventSub), each go-live announced in all `GUILDS` guilds.
//! Each window reports the service's resident memory, requests, errors and
//! latency; at the end every go-live must have exactly one message per
//! guild, no request may have failed, and memory must not have grown.
//!
//! `cargo bench --bench soak` (10 minutes); environment: `SOAK_SECONDS`
//! (600), `BENCH_BACKENDS` (sqlite). Without `--bench` (as `cargo test`
//! runs it) it soaks for 30 seconds.

#![allow(
    dead_code,
    reason = "the shared test support has more than this bench uses"
)]

#[path = "../tests/it/support/mod.rs"]
#[allow(unused_macros, unused_imports, reason = "test-only helpers")]
mod support;

mod common;

use std::time::{Duration, Instant};

use common::{median, ms, percentile};
use serde_json::{Value, json};
use support::sf;
use support::tw;
use support::{
    app::{notification, signed_eventsub, try_post_interaction},
    db::TestDb,
    discord::DiscordStandIn,
    interactions::{AS_MEMBER, GUILD, autocomplete, slash, string, sub},
    serve::Serve,
    twitch::TwitchStandIn,
};

const GUILDS: i64 = 20;
const STREAMERS: [(&str, &str); 4] = [
    ("37402112", "shroud"),
    ("71092938", "xqc"),
    ("26261471", "asmongold"),
    ("19571641", "ninja"),
];
const INTERACTIONS_PER_SECOND: u32 = 40;
const EVENT_EVERY: u64 = 3;
const WINDOW: Duration = Duration::from_secs(30);

fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn interaction(n: u64) -> Value {
    let (_, login) = STREAMERS[(n as usize / 5) % STREAMERS.len()];
    match n % 5 {
        0 => slash(
            AS_MEMBER,
            "notify",
            sub("off", json!([string("streamer", login)])),
            json!({}),
        ),
        1 => slash(
            AS_MEMBER,
            "notify",
            sub("on", json!([string("streamer", login)])),
            json!({}),
        ),
        2 => slash(AS_MEMBER, "notify", sub("list", json!([])), json!({})),
        3 => slash(AS_MEMBER, "streamers", sub("list", json!([])), json!({})),
        _ => autocomplete(AS_MEMBER, "notify", "off", "streamer", &login[..2]),
    }
}

#[derive(Default)]
struct Window {
    latencies: Vec<Duration>,
    errors: usize,
}

async fn soak(backend: &str, seconds: u64) {
    let db = match backend {
        "postgres" => TestDb::postgres().await,
        _ => TestDb::sqlite().await,
    };
    let (twitch, discord) = (TwitchStandIn::start().await, DiscordStandIn::start().await);
    {
        let mut world = discord.world();
        world.latency = Duration::from_millis(50);
        world.realistic_limits = Some(50);
    }
    // GUILDS guilds (GUILD among them) each following every streamer.
    for (id, login) in STREAMERS {
        twitch.add_user(id, login, login);
        let streamer = streammaxing::store::NewStreamer {
            twitch_id: &tw(id),
            login,
            display_name: login,
            avatar_url: Some("https://static-cdn.jtvnw.net/profile.png"),
        };
        db.upsert_streamer(&streamer, 1).await.unwrap();
    }
    let guilds: Vec<i64> = (1..GUILDS).chain([GUILD as i64]).collect();
    for &guild in &guilds {
        db.ensure_guild(sf(guild), None, 1).await.unwrap();
        let mut config = db.guild_config(sf(guild)).await.unwrap().unwrap();
        config.channel_id = Some(sf(common::channel_of(guild) as i64));
        // Streams here come back within seconds; with the default cooldown
        // the bot would (rightly) revive the previous message instead of
        // posting, and every go-live is to count as one new message.
        config.cooldown_secs = 0;
        db.save_guild_config(&config, 1).await.unwrap();
        for (id, _) in STREAMERS {
            db.track_streamer(sf(guild), &tw(id), None, 1)
                .await
                .unwrap();
        }
    }
    let serve = Serve::start(&db.url, &twitch, &discord).await;
    let pid = serve.pid().expect("serve runs");
    let url = serve.url.clone();

    println!(
        "backend {backend}: {seconds} s, {INTERACTIONS_PER_SECOND} interactions/s, an event every {EVENT_EVERY} s, {GUILDS} guilds"
    );
    println!("window  rss_MiB  requests  errors  p50_ms  p99_ms  messages");
    let start = Instant::now();
    let mut tick = tokio::time::interval(Duration::from_secs(1) / INTERACTIONS_PER_SECOND);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<(Duration, bool)>();
    let mut window = Window::default();
    let mut window_start = Instant::now();
    let mut rss = Vec::new();
    let (mut sent, mut online_streams, mut total_errors) = (0u64, Vec::new(), 0usize);
    let mut live = [false; STREAMERS.len()];
    let mut next_event = Instant::now();
    while start.elapsed() < Duration::from_secs(seconds) {
        tick.tick().await;
        let body = interaction(sent);
        let (results, base) = (tx.clone(), url.clone());
        tokio::spawn(async move {
            let begun = Instant::now();
            let ok = match try_post_interaction(&base, &body).await {
                Ok((status, _)) => status == 200,
                Err(e) => {
                    eprintln!("interaction request failed: {e:?}");
                    false
                }
            };
            let _ = results.send((begun.elapsed(), ok));
        });
        sent += 1;
        if Instant::now() >= next_event {
            next_event += Duration::from_secs(EVENT_EVERY);
            let i = fastrand::usize(..STREAMERS.len());
            let (id, login) = STREAMERS[i];
            let (kind, event) = if live[i] {
                (
                    "stream.offline",
                    json!({"broadcaster_user_id": id, "broadcaster_user_login": login, "broadcaster_user_name": login}),
                )
            } else {
                let stream_id = format!("9{:09}", online_streams.len());
                online_streams.push(stream_id.clone());
                (
                    "stream.online",
                    json!({
                        "id": stream_id, "broadcaster_user_id": id, "broadcaster_user_login": login,
                        "broadcaster_user_name": login, "type": "live",
                        "started_at": chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Nanos, true),
                    }),
                )
            };
            live[i] = !live[i];
            let body = notification(kind, "1", id, event);
            let (results, base) = (tx.clone(), url.clone());
            tokio::spawn(async move {
                let begun = Instant::now();
                let status =
                    signed_eventsub(&base, &format!("soak-{}", fastrand::u64(..)), &body).await;
                let _ = results.send((begun.elapsed(), status == 204));
            });
        }
        while let Ok((latency, ok)) = rx.try_recv() {
            window.latencies.push(latency);
            window.errors += usize::from(!ok);
        }
        if window_start.elapsed() >= WINDOW {
            let kib = rss_kib(pid);
            rss.push(kib as f64 / 1024.0);
            total_errors += window.errors;
            println!(
                "{:>5}s  {:>7.1}  {:>8}  {:>6}  {:>6.2}  {:>6.2}  {:>8}",
                start.elapsed().as_secs(),
                kib as f64 / 1024.0,
                window.latencies.len(),
                window.errors,
                ms(percentile(&mut window.latencies, 50.0)),
                ms(percentile(&mut window.latencies, 99.0)),
                discord.world().messages.len(),
            );
            window = Window::default();
            window_start = Instant::now();
        }
    }
    // Let the last requests and deliveries finish.
    tokio::time::sleep(Duration::from_secs(3)).await;
    while let Ok((_, ok)) = rx.try_recv() {
        total_errors += usize::from(!ok);
    }
    let expected = online_streams.len() * guilds.len();
    for _ in 0..600 {
        if discord.world().messages.len() >= expected {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let messages = discord.world().messages.len();
    println!(
        "requests sent: {sent} interactions; go-lives: {}; messages: {messages} of {expected}",
        online_streams.len()
    );
    assert_eq!(total_errors, 0, "requests failed during the soak");
    assert_eq!(messages, expected, "one message per guild per go-live");
    if rss.len() >= 4 {
        let quarter = rss.len() / 4;
        let early = median(&mut rss[..quarter.max(1)].to_vec());
        let late = median(&mut rss[rss.len() - quarter.max(1)..].to_vec());
        println!("memory: {early:.1} MiB early, {late:.1} MiB late");
        assert!(
            late <= early * 1.2 + 2.0,
            "memory grew from {early:.1} to {late:.1} MiB"
        );
    }
    serve.kill().await;
}

#[tokio::main]
async fn main() {
    let full = common::full_run();
    let seconds = if full {
        common::list("SOAK_SECONDS", &[600])[0] as u64
    } else {
        30
    };
    let backends = if full {
        std::env::var("BENCH_BACKENDS")
            .map(|_| common::backends())
            .unwrap_or_else(|_| vec!["sqlite".into()])
    } else {
        vec!["sqlite".into()]
    };
    for backend in backends {
        soak(&backend, seconds).await;
    }
}
