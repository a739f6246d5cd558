//! What every delivery of a claim reads before it acts: the guild's
//! configuration, the tracked streamer, and the stream's details.

use std::{collections::HashMap, sync::Arc};

use tokio::sync::{Mutex, OnceCell};

use crate::{
    ids::{GuildId, TwitchUserId},
    state::AppState,
    store::{GuildConfig, OutboxItem, Streamer, TrackedStreamer},
    twitch::live::{GoLive, go_live_details},
};

/// A delivery's guild configuration and tracked streamer (`None` when the
/// guild or its tracking is gone), as loaded with the rest of its claim.
pub type Loaded = (Option<GuildConfig>, Option<TrackedStreamer>);

/// What every delivery of a claim reads first, loaded for the whole claim
/// in one query per table (and streamer) instead of two per delivery.
pub struct Preloaded {
    configs: HashMap<GuildId, GuildConfig>,
    tracked: HashMap<(GuildId, TwitchUserId), TrackedStreamer>,
}

impl Preloaded {
    pub fn of(&self, item: &OutboxItem) -> Loaded {
        (
            self.configs.get(&item.guild_id).cloned(),
            self.tracked
                .get(&(item.guild_id, item.twitch_id.clone()))
                .cloned(),
        )
    }
}

/// `None` if the database failed: each delivery then loads its own.
pub async fn preload(state: &AppState, batch: &[OutboxItem]) -> Option<Preloaded> {
    if batch.is_empty() {
        return None;
    }
    let mut guilds: Vec<GuildId> = batch.iter().map(|item| item.guild_id).collect();
    guilds.sort_unstable();
    guilds.dedup();
    let configs = state.db.guild_configs(&guilds).await.ok()?;
    let mut streamers: Vec<&TwitchUserId> = batch.iter().map(|item| &item.twitch_id).collect();
    streamers.sort_unstable();
    streamers.dedup();
    let mut tracked = HashMap::new();
    for twitch_id in streamers {
        let guilds: Vec<GuildId> = batch
            .iter()
            .filter(|item| &item.twitch_id == twitch_id)
            .map(|item| item.guild_id)
            .collect();
        for (guild_id, streamer) in state
            .db
            .tracked_streamer_in(twitch_id, &guilds)
            .await
            .ok()?
        {
            tracked.insert((guild_id, twitch_id.clone()), streamer);
        }
    }
    Some(Preloaded {
        configs: configs.into_iter().map(|c| (c.guild_id, c)).collect(),
        tracked,
    })
}

/// The guild's configuration and tracked streamer: preloaded, or read now.
pub async fn config_and_tracked(
    state: &AppState,
    item: &OutboxItem,
    loaded: Option<Loaded>,
) -> anyhow::Result<Loaded> {
    Ok(match loaded {
        Some(loaded) => loaded,
        None => (
            state.db.guild_config(item.guild_id).await?,
            state
                .db
                .tracked_streamer(item.guild_id, &item.twitch_id)
                .await?,
        ),
    })
}

/// The stream's details, fetched from Twitch once per stream however many
/// guilds are being told.
#[derive(Default)]
pub struct Details(Mutex<HashMap<String, Arc<OnceCell<GoLive>>>>);

impl Details {
    pub async fn get(&self, state: &AppState, streamer: &Streamer, stream_id: &str) -> GoLive {
        let cell = self
            .0
            .lock()
            .await
            .entry(stream_id.to_owned())
            .or_default()
            .clone();
        cell.get_or_init(|| async {
            match state.twitch.as_deref() {
                Some(helix) => go_live_details(helix, &state.db, streamer, state.now_ms()).await,
                None => GoLive::from_stored(streamer),
            }
        })
        .await
        .clone()
    }
}
