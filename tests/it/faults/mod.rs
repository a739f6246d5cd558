//! Hostile conditions: Discord failing at random, the database going away
//! mid-fan-out. Whatever happens, every tracking server gets its message,
//! exactly once.

mod database_down;
mod flaky_discord;

use std::{
    future::Future,
    time::{Duration, Instant},
};

use crate::support::sf;
use crate::support::tw;
use streammaxing::store::{Db, NewStreamer, OutboxState};

pub const SHROUD: &str = "37402112";
pub const POKI: &str = "44445592";

pub fn channel_of(guild: i64) -> u64 {
    7_000_000_000_000_000 + guild as u64
}

/// Guilds `guilds` follow `twitch_id`, each posting to its own channel.
pub async fn followed_by(
    db: &Db,
    guilds: impl IntoIterator<Item = i64>,
    twitch_id: &str,
    login: &str,
) {
    let twitch_id = &tw(twitch_id);
    let streamer = NewStreamer {
        twitch_id,
        login,
        display_name: login,
        avatar_url: None,
    };
    db.upsert_streamer(&streamer, 1).await.unwrap();
    for guild in guilds {
        let mut config = db.ensure_guild(sf(guild), None, 1).await.unwrap();
        if config.channel_id.is_none() {
            config.channel_id = Some(sf(channel_of(guild) as i64));
            db.save_guild_config(&config, 1).await.unwrap();
        }
        db.track_streamer(sf(guild), twitch_id, None, 1)
            .await
            .unwrap();
    }
}

/// Polls `check` until it holds; panics after `limit`.
pub async fn until<F: Future<Output = bool>>(what: &str, limit: Duration, check: impl Fn() -> F) {
    let deadline = Instant::now() + limit;
    while !check().await {
        assert!(Instant::now() < deadline, "not within {limit:?}: {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The guilds whose row for `stream` is not (yet) recorded as sent, and
/// the attempts all rows took.
pub async fn unsent(
    db: &Db,
    guilds: impl IntoIterator<Item = i64>,
    stream: &str,
) -> (Vec<i64>, i64) {
    let (mut left, mut attempts) = (Vec::new(), 0);
    for guild in guilds {
        match db.notification(sf(guild), stream).await {
            Ok(Some(row)) if row.state == OutboxState::Sent => attempts += i64::from(row.attempts),
            Ok(row) => {
                attempts += row.map_or(0, |r| i64::from(r.attempts));
                left.push(guild);
            }
            Err(_) => left.push(guild),
        }
    }
    (left, attempts)
}
