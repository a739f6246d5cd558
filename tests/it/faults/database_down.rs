//! The database goes away in the middle of a fan-out (Postgres stopped,
//! or SQLite's write lock held by another process past the busy timeout)
//! and comes back. Meanwhile Twitch is told to retry (a 5xx, never a 2xx
//! for an event that wasn't stored), health says what's wrong, and once
//! the database is back every guild gets exactly one message per stream,
//! including for the event Twitch re-sent.

use std::time::{Duration, Instant};

use serde_json::{Value, json};
use sqlx::{Connection, SqliteConnection};
use streammaxing::{
    config::DatabaseUrl,
    store::{Db, PoolSettings},
};

use super::{POKI, SHROUD, channel_of, followed_by, unsent, until};
use crate::support::{
    app::{notification, signed_eventsub},
    discord::DiscordStandIn,
    pg_cluster::PgCluster,
    serve::Serve,
    twitch::TwitchStandIn,
};

const GUILDS: i64 = 300;

/// What takes the database away, and gives it back.
enum Outage {
    Postgres(PgCluster),
    Sqlite {
        url: String,
        holder: Option<SqliteConnection>,
    },
}

impl Outage {
    async fn begin(&mut self) {
        match self {
            Outage::Postgres(cluster) => cluster.down("immediate").await,
            Outage::Sqlite { url, holder } => {
                let mut conn = SqliteConnection::connect(url).await.unwrap();
                sqlx::raw_sql("PRAGMA busy_timeout = 30000; BEGIN EXCLUSIVE")
                    .execute(&mut conn)
                    .await
                    .unwrap();
                *holder = Some(conn);
            }
        }
    }

    async fn end(&mut self) {
        match self {
            Outage::Postgres(cluster) => cluster.up().await,
            Outage::Sqlite { holder, .. } => {
                let mut conn = holder.take().unwrap();
                sqlx::raw_sql("ROLLBACK").execute(&mut conn).await.unwrap();
                conn.close().await.unwrap();
            }
        }
    }
}

fn online(broadcaster: &str, login: &str, stream: &str) -> String {
    notification(
        "stream.online",
        "1",
        broadcaster,
        json!({
            "id": stream, "broadcaster_user_id": broadcaster, "broadcaster_user_login": login,
            "broadcaster_user_name": login, "type": "live", "started_at": chrono::Utc::now().to_rfc3339()
        }),
    )
}

async fn health(url: &str) -> (u16, Value) {
    let response = reqwest::get(format!("{url}/api/health")).await.unwrap();
    (
        response.status().as_u16(),
        response.json().await.unwrap_or(Value::Null),
    )
}

fn accepted(discord: &DiscordStandIn) -> usize {
    discord.world().accepted.values().sum()
}

async fn survives(database_url: &str, mut outage: Outage) {
    let backend = if matches!(outage, Outage::Postgres(_)) {
        "postgres"
    } else {
        "sqlite"
    };
    let settings = PoolSettings {
        max_connections: 2,
        lazy: false,
    };
    let db = Db::connect(&DatabaseUrl::parse(database_url).unwrap(), settings)
        .await
        .unwrap();
    db.migrate().await.unwrap();
    let (twitch, discord) = (TwitchStandIn::start().await, DiscordStandIn::start().await);
    twitch.add_user(SHROUD, "shroud", "shroud");
    twitch.add_user(POKI, "pokimane", "pokimane");
    followed_by(&db, 1..=GUILDS, SHROUD, "shroud").await;
    followed_by(&db, 1..=GUILDS, POKI, "pokimane").await;
    // Slow enough that the outage lands mid-fan-out.
    discord.world().latency = Duration::from_millis(100);
    let serve = Serve::start(database_url, &twitch, &discord).await;
    let (db, discord, url) = (&db, &discord, serve.url.as_str());

    let started = Instant::now();
    assert_eq!(
        signed_eventsub(url, "m-1", &online(SHROUD, "shroud", "s-1")).await,
        204
    );
    until(
        "the fan-out under way",
        Duration::from_secs(30),
        || async move { accepted(discord) >= 40 },
    )
    .await;

    outage.begin().await;
    let down_at = Instant::now();
    let before = accepted(discord);
    let during_outage = &online(POKI, "pokimane", "s-2");
    let status = signed_eventsub(url, "m-2", during_outage).await;
    assert!(
        (500..600).contains(&status),
        "Twitch must retry an event that wasn't stored: got {status}"
    );
    let (status, body) = health(url).await;
    assert_eq!(status, 503, "{body}");
    assert_eq!(
        (
            body["status"].as_str(),
            body["database"]["reachable"].as_bool()
        ),
        (Some("degraded"), Some(false)),
        "{body}"
    );
    // Longer than SQLite's busy timeout (10 s) in all.
    tokio::time::sleep(Duration::from_secs(11).saturating_sub(down_at.elapsed())).await;
    let during = accepted(discord) - before;
    outage.end().await;
    let outage_lasted = down_at.elapsed();

    // Twitch's retry: the same message, the same id.
    until(
        "the event is accepted on retry",
        Duration::from_secs(20),
        || async move { signed_eventsub(url, "m-2", during_outage).await == 204 },
    )
    .await;
    until("healthy again", Duration::from_secs(10), || async move {
        health(url).await.0 == 200
    })
    .await;
    until(
        "every row recorded as sent",
        Duration::from_secs(90),
        || async move {
            unsent(db, 1..=GUILDS, "s-1").await.0.is_empty()
                && unsent(db, 1..=GUILDS, "s-2").await.0.is_empty()
        },
    )
    .await;
    for guild in 1..=GUILDS {
        assert_eq!(
            discord.accepted_in(channel_of(guild)),
            2,
            "guild {guild}: one message per stream"
        );
    }
    assert!(
        before < GUILDS as usize,
        "the outage landed mid-fan-out ({before} delivered before)"
    );
    let (_, attempts) = unsent(db, 1..=GUILDS, "s-1").await;
    eprintln!(
        "database down ({backend}): {GUILDS} guilds × 2 streams, {before} messages before the outage, {during} while it lasted ({:.1} s), \
         {} POSTs in all, {} retries of stream 1, everything delivered {:.1} s after the first event",
        outage_lasted.as_secs_f64(),
        discord.calls("POST", "/messages").len(),
        attempts - GUILDS,
        started.elapsed().as_secs_f64()
    );
    drop(serve);
}

#[tokio::test]
async fn postgres() {
    let cluster = PgCluster::start().await;
    let url = cluster.url();
    survives(&url, Outage::Postgres(cluster)).await;
}

#[tokio::test]
async fn sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("streammaxing.db").display());
    survives(
        &url,
        Outage::Sqlite {
            url: url.clone(),
            holder: None,
        },
    )
    .await;
}
