//! What every delivery of a claim reads before it acts: the guild's
//! configuration, the route with its streamer, and the stream's details.

use std::{collections::HashMap, sync::Arc, time::Duration};

use tokio::sync::{Mutex, OnceCell};

use crate::{
    ids::{GuildId, TwitchUserId},
    state::AppState,
    store::{GuildConfig, OutboxItem, Streamer, TrackedRoute},
    twitch::{
        live::{GoLive, go_live_details},
        types::Stream,
    },
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
/// guilds are being told; and what Get Streams says now, for refreshes.
#[derive(Default)]
pub struct Details {
    go_lives: Mutex<HashMap<String, Arc<OnceCell<GoLive>>>>,
    pub live_now: LiveNow,
}

impl Details {
    pub async fn get(&self, state: &AppState, streamer: &Streamer, stream_id: &str) -> GoLive {
        let cell = self
            .go_lives
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

/// What Get Streams says about a streamer right now.
#[derive(Debug, Clone)]
pub enum Now {
    Live(Box<Stream>),
    /// Twitch lists no stream of theirs.
    NotLive,
    /// Twitch didn't answer (or isn't configured).
    Unknown,
}

/// How long an answer of Get Streams is used before asking again.
const FRESH_MS: i64 = 60_000;
/// The longest a refresh waits for Get Streams.
const STREAMS_TIMEOUT: Duration = Duration::from_secs(3);

/// One Get Streams request (up to 100 ids a call) for every streamer of a
/// claim, answered once however many routes follow each of them.
struct Round {
    ids: Vec<TwitchUserId>,
    asked_at: i64,
    answer: OnceCell<Option<HashMap<String, Stream>>>,
}

/// Get Streams for the refreshes of one delivery pass: the streamers of a
/// claim are asked together ([`LiveNow::plan`]), each at most once a
/// minute, never once per route.
#[derive(Default)]
pub struct LiveNow(std::sync::Mutex<HashMap<TwitchUserId, Arc<Round>>>);

impl LiveNow {
    /// Asks about these streamers together, except those asked within the
    /// last minute.
    pub fn plan<'a>(&self, ids: impl IntoIterator<Item = &'a TwitchUserId>, now: i64) {
        let mut rounds = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let mut ids: Vec<TwitchUserId> = ids
            .into_iter()
            .filter(|id| {
                rounds
                    .get(*id)
                    .is_none_or(|round| now - round.asked_at >= FRESH_MS)
            })
            .cloned()
            .collect();
        ids.sort_unstable_by(|a, b| a.as_str().cmp(b.as_str()));
        ids.dedup();
        if ids.is_empty() {
            return;
        }
        let round = Arc::new(Round {
            ids: ids.clone(),
            asked_at: now,
            answer: OnceCell::new(),
        });
        for id in ids {
            rounds.insert(id, round.clone());
        }
    }

    /// What Get Streams says about `id` (asked with the rest of its round).
    pub async fn get(&self, state: &AppState, id: &TwitchUserId) -> Now {
        self.plan([id], state.now_ms());
        let round = self
            .0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(id)
            .cloned();
        let Some(round) = round else {
            return Now::Unknown;
        };
        let answer = round
            .answer
            .get_or_init(|| async {
                let helix = state.twitch.as_deref()?;
                let ids: Vec<&str> = round.ids.iter().map(TwitchUserId::as_str).collect();
                let streams = tokio::time::timeout(STREAMS_TIMEOUT, helix.streams(&ids))
                    .await
                    .ok()?
                    .map_err(
                        |e| tracing::info!(error = %e, "Get Streams failed; refreshing without it"),
                    )
                    .ok()?;
                Some(
                    streams
                        .into_iter()
                        .map(|s| (s.user_id.clone(), s))
                        .collect(),
                )
            })
            .await;
        match answer {
            None => Now::Unknown,
            Some(streams) => streams
                .get(id.as_str())
                .map_or(Now::NotLive, |s| Now::Live(Box::new(s.clone()))),
        }
    }
}
