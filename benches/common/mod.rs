//! What the Rust benches share: many guilds seeded in one statement each,
//! the service (router and, where wanted, delivery worker) served on a local
//! port against the test stand-ins, and small statistics.

use std::time::Duration;

use streammaxing::{AppState, app, clock::Clock, config::Config, store::Db};

use crate::support::tw;
use crate::support::{discord::DiscordStandIn, twitch::TwitchStandIn};

pub const STREAMER: &str = "37402112";

/// Channel of bench guild `guild`.
pub fn channel_of(guild: i64) -> u64 {
    5_000_000_000_000_000 + guild as u64
}

macro_rules! numbers {
    () => {
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $1) "
    };
}

/// `guilds` guilds (ids 1..=guilds), each set up with its own channel and
/// tracking [`STREAMER`]: one statement per table, so 10,000 take a second.
pub async fn seed(db: &Db, guilds: i64) {
    let streamer = streammaxing::store::NewStreamer {
        twitch_id: &tw(STREAMER),
        login: "shroud",
        display_name: "shroud",
        avatar_url: Some("https://static-cdn.jtvnw.net/shroud-profile.png"),
    };
    db.upsert_streamer(&streamer, 1).await.expect("streamer");
    const STATEMENTS: [&str; 4] = [
        concat!(
            numbers!(),
            "INSERT INTO guilds (guild_id, name, installed_at) SELECT i, 'Bench guild', 1 FROM n"
        ),
        concat!(
            numbers!(),
            "INSERT INTO guild_config (guild_id, channel_id, updated_at) \
             SELECT i, 5000000000000000 + i, 1 FROM n"
        ),
        concat!(
            numbers!(),
            "INSERT INTO guild_streamers (guild_id, twitch_id, added_at) SELECT i, '37402112', 1 FROM n"
        ),
        // Each follow's one alert route, to the server's channel.
        concat!(
            numbers!(),
            "INSERT INTO routes (guild_id, twitch_id, added_at, updated_at) SELECT i, '37402112', 1, 1 FROM n"
        ),
    ];
    for sql in STATEMENTS {
        match db {
            Db::Sqlite(pool) => sqlx::query(sql).bind(guilds).execute(pool).await.map(drop),
            Db::Postgres(pool) => sqlx::query(sql).bind(guilds).execute(pool).await.map(drop),
        }
        .expect("seeding guilds");
    }
}

/// The service on a local port over the database at `database_url`, with
/// the pool `serve` uses; with `worker`, delivering like `serve`.
pub async fn serve(
    database_url: &str,
    twitch: &TwitchStandIn,
    discord: &DiscordStandIn,
    extra: &[(&str, &str)],
    worker: bool,
) -> (AppState, String) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("address"));
    let mut vars = crate::support::app::vars(twitch, discord, &url);
    vars.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    let config =
        Config::from_vars(|name| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()))
            .expect("configuration");
    let url_of_db = streammaxing::config::DatabaseUrl::parse(database_url).expect("database URL");
    let db = Db::connect(&url_of_db, streammaxing::store::PoolSettings::SERVER)
        .await
        .expect("connecting like serve");
    let state = AppState::new(config, db, Clock::system());
    let router = app(state.clone());
    tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });
    if worker {
        tokio::spawn(streammaxing::delivery::run_forever(state.clone()));
    }
    (state, url)
}

pub fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n == 0 {
        return f64::NAN;
    }
    if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

/// The `p`-th percentile (0–100) of `values`, nearest rank.
pub fn percentile(values: &mut [Duration], p: f64) -> Duration {
    values.sort();
    if values.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * values.len() as f64).ceil() as usize;
    values[rank.clamp(1, values.len()) - 1]
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// `cargo bench` passes `--bench`; `cargo test --all-targets` runs the same
/// binary without it, as a quick smoke run.
pub fn full_run() -> bool {
    std::env::args().any(|a| a == "--bench")
}

/// Comma-separated numbers from an environment variable.
pub fn list(var: &str, default: &[i64]) -> Vec<i64> {
    std::env::var(var)
        .ok()
        .map(|v| v.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| default.to_vec())
}

pub fn backends() -> Vec<String> {
    std::env::var("BENCH_BACKENDS")
        .unwrap_or_else(|_| "sqlite,postgres".into())
        .split(',')
        .map(|b| b.trim().to_owned())
        .collect()
}
