//! What every delivery of a claim reads before it acts: the guild's
//! configuration, the route with its streamer, and the stream's details.

use std::{collections::HashMap, sync::Arc};

use tokio::sync::{Mutex, OnceCell};

use crate::{
    ids::GuildId,
    state::AppState,
    store::{GuildConfig, OutboxItem, Streamer, TrackedRoute},
    twitch::live::{GoLive, go_live_details},
};

/// A delivery's guild configuration and route (`None` when the guild or
/// the route is gone), as loaded with the rest of its claim.
pub type Loaded = (Option<GuildConfig>, Option<TrackedRoute>);

/// What every delivery of a claim reads first, loaded for the whole claim
/// in one query per table instead of two per delivery.
pub struct Preloaded {
    configs: HashMap<GuildId, GuildConfig>,
    routes: HashMap<i64, TrackedRoute>,
}

impl Preloaded {
    pub fn of(&self, item: &OutboxItem) -> Loaded {
        (
            self.configs.get(&item.guild_id).cloned(),
            item.route_id.and_then(|id| self.routes.get(&id).cloned()),
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
    let mut route_ids: Vec<i64> = batch.iter().filter_map(|item| item.route_id).collect();
    route_ids.sort_unstable();
    route_ids.dedup();
    let routes = state.db.routes(&route_ids).await.ok()?;
    Some(Preloaded {
        configs: configs.into_iter().map(|c| (c.guild_id, c)).collect(),
        routes: routes.into_iter().map(|r| (r.route.id, r)).collect(),
    })
}

/// The guild's configuration and the route: preloaded, or read now.
pub async fn config_and_tracked(
    state: &AppState,
    item: &OutboxItem,
    loaded: Option<Loaded>,
) -> anyhow::Result<Loaded> {
    Ok(match loaded {
        Some(loaded) => loaded,
        None => (
            state.db.guild_config(item.guild_id).await?,
            match item.route_id {
                Some(id) => state.db.route(id).await?,
                None => None,
            },
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
