//! The delivery worker: claims due outbox rows, renders each guild's
//! message and posts it, with bounded concurrency.
//!
//! Exactly once: the outbox row is unique per (guild, stream), and every post
//! carries the row's id as a `nonce` with `enforce_nonce`, so a worker that
//! dies between Discord accepting the message and recording it re-sends the
//! same nonce after its lease and Discord hands back the message it already
//! created instead of posting a second one.
//!
//! Failures are classified: 429 waits for `retry_after`; 5xx and network
//! errors retry with exponential backoff and jitter, a bounded number of
//! times; lost access (10003, 10015, 50001, 50013) stops delivery to that
//! guild and marks it as needing attention, so the bot never keeps knocking
//! on a door Discord has closed (and never drifts toward the invalid-request
//! ban). When the stream ends, the message is edited, deleted or kept.

use std::{collections::HashMap, sync::Arc, time::Duration};

use anyhow::Context as _;
use tokio::{
    sync::{Mutex, OnceCell},
    task::JoinSet,
};
use tracing::Instrument as _;
use twilight_model::channel::message::{AllowedMentions, Component, component::ButtonStyle};

use super::message::{self, Outgoing};
use crate::{
    discord::rest::{DiscordRest, RestError},
    state::AppState,
    store::{GuildConfig, OfflineMode, OutboxItem, OutboxState, Streamer, TrackedStreamer},
    twitch::live::{GoLive, go_live_details},
};

/// How long a claimed row is ours before another worker may take it.
pub const LEASE_MS: i64 = 20_000;
/// Attempts before a notification is given up (each claim is one).
pub const MAX_ATTEMPTS: i32 = 10;
/// Notifications in flight at once: at Discord's ~50 ms per request this
/// keeps well over 2,000 a second moving when the rate limit allows it.
const CONCURRENCY: usize = 256;
/// Discord errors that mean this guild's channel can't be posted to.
const LOST_ACCESS: [u64; 4] = [10003, 10015, 50001, 50013];
const UNKNOWN_MESSAGE: u64 = 10008;

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Report {
    pub sent: usize,
    pub ended: usize,
    pub retried: usize,
    pub failed: usize,
    pub skipped: usize,
}

#[derive(Debug, Clone, Copy)]
enum Outcome {
    Sent,
    Ended,
    Retried,
    Failed,
    Skipped,
    /// Could not even record what happened; the lease will bring it back.
    Error,
}

/// Delivers everything due now. Up to [`CONCURRENCY`] notifications are in
/// flight at once, each in its own task; more are claimed whenever half of
/// them have finished, so a slow answer from Discord never holds up a whole
/// batch. Once nothing is left to claim, the pass still looks again when new
/// work is announced (or a second has passed) while requests are out: a
/// request that hangs until its timeout delays only its own guild, never the
/// next stream's fan-out.
///
/// The deliveries run as tasks, not as futures polled by this loop: while
/// the loop awaits a claim, a delivery that holds a pooled connection must
/// still be able to finish its query and give the connection back, or the
/// claim waits for a connection that never comes.
pub async fn deliver_due(state: &AppState) -> anyhow::Result<Report> {
    let owner = format!("worker-{}-{:x}", std::process::id(), fastrand::u64(..));
    let details = Arc::new(Details::default());
    let mut report = Report::default();
    let mut in_flight = JoinSet::new();
    // The last claim found nothing due: claim again only once all is done,
    // or when woken.
    let mut drained = false;
    let mut look_again = tokio::time::Instant::now();
    loop {
        let room = CONCURRENCY - in_flight.len();
        if in_flight.is_empty() || (!drained && room >= CONCURRENCY / 2) {
            match claim(state, &owner, room).await {
                Ok(batch) => {
                    drained = batch.is_empty();
                    if drained && in_flight.is_empty() {
                        return Ok(report);
                    }
                    let preloaded = preload(state, &batch).await;
                    for item in batch {
                        let loaded = preloaded.as_ref().map(|p| p.of(&item));
                        let (state, owner, details) =
                            (state.clone(), owner.clone(), details.clone());
                        in_flight.spawn(async move {
                            deliver_one(&state, &owner, item, &details, loaded).await
                        });
                    }
                }
                Err(e) if in_flight.is_empty() => return Err(e),
                // Finish what is in flight; the next claim reports the error.
                Err(_) => drained = true,
            }
            look_again = tokio::time::Instant::now() + Duration::from_secs(1);
        }
        tokio::select! {
            outcome = in_flight.join_next() => report.count(outcome.and_then(Result::ok)),
            () = state.delivery.notified(), if drained => drained = false,
            () = tokio::time::sleep_until(look_again), if drained => drained = false,
        }
    }
}

impl Report {
    fn count(&mut self, outcome: Option<Outcome>) {
        match outcome {
            Some(Outcome::Sent) => self.sent += 1,
            Some(Outcome::Ended) => self.ended += 1,
            Some(Outcome::Retried) => self.retried += 1,
            Some(Outcome::Failed) => self.failed += 1,
            Some(Outcome::Skipped) => self.skipped += 1,
            Some(Outcome::Error) | None => {}
        }
    }
}

/// Fans out recorded go-lives, then claims up to `limit` due rows.
async fn claim(state: &AppState, owner: &str, limit: usize) -> anyhow::Result<Vec<OutboxItem>> {
    let queued = state.db.expand_stream_fanouts(state.now_ms()).await?;
    if queued > 0 {
        tracing::info!(queued, "go-live fanned out");
    }
    Ok(state
        .db
        .claim_due_notifications(owner, state.now_ms(), LEASE_MS, limit as i64)
        .await?)
}

/// A delivery's guild configuration and tracked streamer (`None` when the
/// guild or its tracking is gone), as loaded with the rest of its claim.
type Loaded = (Option<GuildConfig>, Option<TrackedStreamer>);

/// What every delivery of a claim reads first, loaded for the whole claim
/// in one query per table (and streamer) instead of two per delivery.
struct Preloaded {
    configs: HashMap<i64, GuildConfig>,
    tracked: HashMap<(i64, String), TrackedStreamer>,
}

impl Preloaded {
    fn of(&self, item: &OutboxItem) -> Loaded {
        (
            self.configs.get(&item.guild_id).cloned(),
            self.tracked
                .get(&(item.guild_id, item.twitch_id.clone()))
                .cloned(),
        )
    }
}

/// `None` if the database failed: each delivery then loads its own.
async fn preload(state: &AppState, batch: &[OutboxItem]) -> Option<Preloaded> {
    if batch.is_empty() {
        return None;
    }
    let mut guilds: Vec<i64> = batch.iter().map(|item| item.guild_id).collect();
    guilds.sort_unstable();
    guilds.dedup();
    let configs = state.db.guild_configs(&guilds).await.ok()?;
    let mut streamers: Vec<&str> = batch.iter().map(|item| item.twitch_id.as_str()).collect();
    streamers.sort_unstable();
    streamers.dedup();
    let mut tracked = HashMap::new();
    for twitch_id in streamers {
        let guilds: Vec<i64> = batch
            .iter()
            .filter(|item| item.twitch_id == twitch_id)
            .map(|item| item.guild_id)
            .collect();
        for (guild_id, streamer) in state
            .db
            .tracked_streamer_in(twitch_id, &guilds)
            .await
            .ok()?
        {
            tracked.insert((guild_id, twitch_id.to_owned()), streamer);
        }
    }
    Some(Preloaded {
        configs: configs.into_iter().map(|c| (c.guild_id, c)).collect(),
        tracked,
    })
}

/// The guild's configuration and tracked streamer: preloaded, or read now.
async fn config_and_tracked(
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

/// `serve`'s worker: delivers whenever the outbox is woken, and every
/// second for retries that have come due.
pub async fn run_forever(state: AppState) {
    loop {
        if let Err(e) = deliver_due(&state).await {
            tracing::warn!(
                error = format!("{e:#}"),
                "delivery pass failed; retrying shortly"
            );
        }
        tokio::select! {
            () = state.delivery.notified() => {}
            () = tokio::time::sleep(Duration::from_secs(1)) => {}
        }
    }
}

async fn deliver_one(
    state: &AppState,
    owner: &str,
    item: OutboxItem,
    details: &Details,
    loaded: Option<Loaded>,
) -> Outcome {
    let span = tracing::info_span!("deliver", guild.id = item.guild_id, streamer.id = %item.twitch_id, stream.id = %item.stream_id);
    let steps = async {
        let result = match (item.state, item.end_state.as_deref(), item.refresh_due_at) {
            (OutboxState::Pending, ..) => announce(state, owner, &item, details, loaded).await,
            (_, Some("pending"), _) => end(state, owner, &item, loaded).await,
            (_, _, Some(_)) => refresh(state, owner, &item, loaded).await,
            _ => state
                .db
                .finish_notification_end(item.id, owner, state.now_ms())
                .await
                .map(|_| Outcome::Skipped)
                .map_err(Into::into),
        };
        result.unwrap_or_else(|e| {
            tracing::warn!(
                error = format!("{e:#}"),
                "delivery step failed; the row will be retried after its lease"
            );
            Outcome::Error
        })
    };
    // Instrumented, not entered: an entered span held across awaits leaks
    // into whatever else runs on the thread meanwhile.
    steps.instrument(span).await
}

/// Posts the go-live message (or resumes the previous one after a flap).
async fn announce(
    state: &AppState,
    owner: &str,
    item: &OutboxItem,
    details: &Details,
    loaded: Option<Loaded>,
) -> anyhow::Result<Outcome> {
    let (db, now) = (&state.db, state.now_ms());
    let skip = |why: &'static str| async move {
        db.finish_notification_unsent(item.id, owner, OutboxState::Skipped, why, now)
            .await?;
        db.finish_notification_end(item.id, owner, now).await?;
        Ok(Outcome::Skipped)
    };
    let (Some(config), Some(tracked)) = config_and_tracked(state, item, loaded).await? else {
        return skip("the server no longer follows this streamer").await;
    };
    if item.ended_at.is_some() {
        return skip("the stream ended before it could be announced").await;
    }
    if !config.enabled {
        return skip("notifications are paused in this server").await;
    }
    if let Some(code) = &config.needs_attention {
        let why =
            format!("not sent: the server needs attention ({code}); an admin fixes it with /setup");
        db.finish_notification_unsent(item.id, owner, OutboxState::Failed, &why, now)
            .await?;
        return Ok(Outcome::Failed);
    }
    let Some(rest) = state.rest.as_deref() else {
        return retry(
            state,
            owner,
            item,
            "Discord is not configured",
            Duration::from_secs(60),
        )
        .await;
    };
    let live = details.get(state, &tracked.streamer, &item.stream_id).await;
    let started_at = item.stream_started_at.unwrap_or(item.created_at);
    if let Some(outcome) =
        resume_after_flap(state, owner, item, &config, &tracked, &live, started_at).await?
    {
        return Ok(outcome);
    }
    let cache_bust = format!("{}-{}", item.stream_id, now / 60_000);
    let Some(out) = message::build(&config, &tracked, &live, started_at, &cache_bust, true) else {
        db.set_needs_attention(
            item.guild_id,
            "no_channel",
            "No notification channel is set. Run `/setup channel:#your-channel`.",
            now,
        )
        .await?;
        db.finish_notification_unsent(
            item.id,
            owner,
            OutboxState::Failed,
            "no notification channel set",
            now,
        )
        .await?;
        return Ok(Outcome::Failed);
    };
    match post(rest, &out, &format!("sm{}", item.id)).await {
        Ok(message_id) => {
            db.mark_notification_sent(
                item.id,
                owner,
                out.channel_id,
                snowflake(message_id),
                state.now_ms(),
            )
            .await?;
            if out.publish {
                publish(rest, out.channel_id, message_id).await;
            }
            Ok(Outcome::Sent)
        }
        Err(e) => failed(state, owner, item, &e, out.channel_id).await,
    }
}

/// A stream that comes back within the guild's cooldown after ending gets
/// its previous message edited back to live: no new message, no new ping.
async fn resume_after_flap(
    state: &AppState,
    owner: &str,
    item: &OutboxItem,
    config: &GuildConfig,
    tracked: &TrackedStreamer,
    live: &GoLive,
    started_at: i64,
) -> anyhow::Result<Option<Outcome>> {
    let (db, now) = (&state.db, state.now_ms());
    let cooldown_ms = i64::from(config.cooldown_secs) * 1000;
    let Some(previous) = db
        .previous_notification(item.guild_id, &item.twitch_id, &item.stream_id)
        .await?
    else {
        return Ok(None);
    };
    let recent = previous
        .ended_at
        .is_some_and(|ended| now - ended <= cooldown_ms);
    let (Some(channel_id), Some(message_id)) = (previous.channel_id, previous.message_id) else {
        return Ok(None);
    };
    if !recent || config.offline_mode == OfflineMode::Delete {
        return Ok(None);
    }
    let rest = state.rest.as_deref().context("Discord is not configured")?;
    let cache_bust = format!("{}-{}", item.stream_id, now / 60_000);
    let Some(out) = message::build(config, tracked, live, started_at, &cache_bust, false) else {
        return Ok(None);
    };
    match edit(rest, channel_id, message_id, &out).await {
        Ok(()) => {
            db.finish_notification_end(previous.id, owner, now)
                .await
                .ok();
            db.mark_notification_sent(item.id, owner, channel_id, message_id, now)
                .await?;
            tracing::info!("stream came back within the cooldown: resumed the previous message");
            Ok(Some(Outcome::Sent))
        }
        // The old message is gone: announce normally.
        Err(e) if e.code() == Some(UNKNOWN_MESSAGE) => Ok(None),
        Err(e) => failed(state, owner, item, &e, channel_id).await.map(Some),
    }
}

/// Publishes an announcement-channel post to following servers. Discord
/// limits this (about 10 an hour per channel); a refusal never fails or
/// delays the notification itself.
async fn publish(rest: &DiscordRest, channel_id: i64, message_id: u64) {
    if let Err(e) = rest.crosspost(id_of(channel_id), message_id).await {
        tracing::info!(error = %e, "could not publish the notification to following servers");
    }
}

/// What editing a posted message needs; `None` when it can't be edited any
/// more (the server or streamer is gone, or Discord isn't configured).
struct Posted<'a> {
    config: GuildConfig,
    tracked: TrackedStreamer,
    channel_id: i64,
    message_id: i64,
    rest: &'a DiscordRest,
}

async fn posted<'a>(
    state: &'a AppState,
    item: &OutboxItem,
    loaded: Option<Loaded>,
) -> anyhow::Result<Option<Posted<'a>>> {
    let (config, tracked) = config_and_tracked(state, item, loaded).await?;
    Ok(
        match (
            config,
            tracked,
            item.channel_id,
            item.message_id,
            state.rest.as_deref(),
        ) {
            (Some(config), Some(tracked), Some(channel_id), Some(message_id), Some(rest)) => {
                Some(Posted {
                    config,
                    tracked,
                    channel_id,
                    message_id,
                    rest,
                })
            }
            _ => None,
        },
    )
}

/// The title or game changed while live: the message shows the new ones
/// (the event scheduled this at most once a minute per message).
async fn refresh(
    state: &AppState,
    owner: &str,
    item: &OutboxItem,
    loaded: Option<Loaded>,
) -> anyhow::Result<Outcome> {
    let (db, now) = (&state.db, state.now_ms());
    let Some(Posted {
        config,
        tracked,
        channel_id,
        message_id,
        rest,
    }) = posted(state, item, loaded).await?
    else {
        db.finish_notification_refresh(item.id, owner, now).await?;
        return Ok(Outcome::Skipped);
    };
    let started_at = item.stream_started_at.unwrap_or(item.created_at);
    let cache_bust = format!("{}-{}", item.stream_id, now / 60_000);
    let live = GoLive::from_stored(&tracked.streamer);
    let Some(mut out) = message::build(&config, &tracked, &live, started_at, &cache_bust, false)
    else {
        db.finish_notification_refresh(item.id, owner, now).await?;
        return Ok(Outcome::Skipped);
    };
    out.channel_id = channel_id;
    match edit(rest, channel_id, message_id, &out).await {
        Ok(()) => {
            db.finish_notification_refresh(item.id, owner, now).await?;
            Ok(Outcome::Ended)
        }
        Err(e) => match classify(&e) {
            Class::RateLimited(wait) => {
                retry(state, owner, item, "rate limited by Discord", wait).await
            }
            Class::Transient(why) if item.attempts < MAX_ATTEMPTS => {
                retry(state, owner, item, &why, backoff(item.attempts)).await
            }
            _ => {
                tracing::info!(error = %e, "could not refresh the live message; leaving it");
                db.finish_notification_refresh(item.id, owner, now).await?;
                Ok(Outcome::Skipped)
            }
        },
    }
}

/// The stream ended: edit the message to its ended state, delete it, or
/// leave it, as the guild chose.
async fn end(
    state: &AppState,
    owner: &str,
    item: &OutboxItem,
    loaded: Option<Loaded>,
) -> anyhow::Result<Outcome> {
    let (db, now) = (&state.db, state.now_ms());
    let Some(Posted {
        config,
        tracked,
        channel_id,
        message_id,
        rest,
    }) = posted(state, item, loaded).await?
    else {
        db.finish_notification_end(item.id, owner, now).await?;
        return Ok(Outcome::Skipped);
    };
    let result = match config.offline_mode {
        OfflineMode::Keep => Ok(()),
        OfflineMode::Delete => delete(rest, channel_id, message_id).await,
        OfflineMode::Edit => {
            let started_at = item.stream_started_at.unwrap_or(item.created_at);
            let cache_bust = format!("{}-ended", item.stream_id);
            match message::build(
                &config,
                &tracked,
                &GoLive::from_stored(&tracked.streamer),
                started_at,
                &cache_bust,
                false,
            ) {
                Some(out) => {
                    let vod = vod_for(state, item).await;
                    let ended = ended_message(
                        out,
                        &tracked.streamer,
                        item.ended_at.unwrap_or(now) - started_at,
                        vod,
                    );
                    edit(rest, channel_id, message_id, &ended).await
                }
                None => Ok(()),
            }
        }
    };
    match result {
        Ok(()) => {
            db.finish_notification_end(item.id, owner, now).await?;
            Ok(Outcome::Ended)
        }
        Err(e)
            if matches!(classify(&e), Class::Transient(_) | Class::RateLimited(_))
                && item.attempts < MAX_ATTEMPTS =>
        {
            let wait = match classify(&e) {
                Class::RateLimited(wait) => wait,
                _ => backoff(item.attempts),
            };
            retry(state, owner, item, &e.to_string(), wait).await
        }
        // Gone, or no longer ours to touch: nothing more to do.
        Err(e) => {
            tracing::info!(error = %e, "could not update the ended stream's message; leaving it");
            db.finish_notification_end(item.id, owner, now).await?;
            Ok(Outcome::Ended)
        }
    }
}

/// The VOD of this stream, if Twitch already has one (asked briefly; the
/// ended message never waits long for it).
async fn vod_for(state: &AppState, item: &OutboxItem) -> Option<String> {
    let helix = state.twitch.as_deref()?;
    let video = tokio::time::timeout(
        Duration::from_secs(2),
        helix.latest_archive(&item.twitch_id),
    )
    .await
    .ok()?
    .ok()??;
    (video.stream_id.as_deref() == Some(item.stream_id.as_str())).then_some(video.url)
}

/// The ended state: no ping, a grey card saying how long the stream lasted,
/// no stale live preview, and the link pointing at the VOD when there is one.
fn ended_message(
    mut out: Outgoing,
    streamer: &Streamer,
    lasted_ms: i64,
    vod: Option<String>,
) -> Outgoing {
    out.content = String::new();
    let lasted = duration(lasted_ms);
    for embed in &mut out.embeds {
        embed.color = Some(0x4F545C);
        embed.image = None;
        embed.description = Some(format!(
            "⚫ **{}** was live for {lasted}.",
            super::template::escape_markdown(&streamer.display_name)
        ));
        embed.fields.retain(|f| f.name != "Viewers");
    }
    if let Some(vod) = vod {
        for row in &mut out.components {
            let Component::ActionRow(row) = row else {
                continue;
            };
            for button in &mut row.components {
                if let Component::Button(button) = button
                    && button.style == ButtonStyle::Link
                {
                    (button.url, button.label) =
                        (Some(vod.clone()), Some("Watch the VOD".to_owned()));
                }
            }
        }
    }
    out
}

/// "2 h 13 min", "45 min".
pub fn duration(ms: i64) -> String {
    let minutes = (ms.max(0) + 30_000) / 60_000;
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

enum Class {
    RateLimited(Duration),
    Transient(String),
    /// The guild's channel is unreachable: stop and tell the admins.
    LostAccess(u64),
    /// Discord refused this message; retrying won't help.
    Refused(String),
}

fn classify(e: &RestError) -> Class {
    match e {
        RestError::RateLimited { retry_after, .. } => {
            Class::RateLimited(*retry_after + Duration::from_millis(50))
        }
        RestError::Transport(why) => Class::Transient(why.clone()),
        RestError::Discord { status, .. } if *status >= 500 => Class::Transient(e.to_string()),
        RestError::Discord {
            code: Some(code), ..
        } if LOST_ACCESS.contains(code) => Class::LostAccess(*code),
        RestError::Discord { .. } => Class::Refused(e.to_string()),
    }
}

/// What to do after Discord refused or failed a post.
async fn failed(
    state: &AppState,
    owner: &str,
    item: &OutboxItem,
    e: &RestError,
    channel_id: i64,
) -> anyhow::Result<Outcome> {
    let (db, now) = (&state.db, state.now_ms());
    match classify(e) {
        Class::RateLimited(wait) => {
            retry(state, owner, item, "rate limited by Discord", wait).await
        }
        Class::Transient(why) if item.attempts < MAX_ATTEMPTS => {
            retry(state, owner, item, &why, backoff(item.attempts)).await
        }
        Class::Transient(why) => {
            let why = format!("gave up after {} attempts: {why}", item.attempts);
            db.finish_notification_unsent(item.id, owner, OutboxState::Failed, &why, now)
                .await?;
            Ok(Outcome::Failed)
        }
        Class::LostAccess(code) => {
            let (name, fix) = lost_access(code, channel_id);
            db.set_needs_attention(item.guild_id, name, &fix, now)
                .await?;
            db.finish_notification_unsent(
                item.id,
                owner,
                OutboxState::Failed,
                &format!("{code} {name}"),
                now,
            )
            .await?;
            tracing::warn!(
                code,
                "lost access to the notification channel; the server needs attention"
            );
            Ok(Outcome::Failed)
        }
        Class::Refused(why) => {
            db.finish_notification_unsent(item.id, owner, OutboxState::Failed, &why, now)
                .await?;
            Ok(Outcome::Failed)
        }
    }
}

fn lost_access(code: u64, channel_id: i64) -> (&'static str, String) {
    match code {
        10003 => (
            "unknown_channel",
            format!(
                "The notification channel <#{channel_id}> was deleted. Choose another with `/setup channel:`."
            ),
        ),
        10015 => (
            "unknown_webhook",
            "The webhook used for notifications was deleted. Run `/setup` again.".to_owned(),
        ),
        _ => (
            "missing_permissions",
            format!(
                "I can't post in <#{channel_id}>: give the StreamMaxing role **View Channel**, **Send Messages** and **Embed Links** there, then run `/setup` again."
            ),
        ),
    }
}

async fn retry(
    state: &AppState,
    owner: &str,
    item: &OutboxItem,
    why: &str,
    wait: Duration,
) -> anyhow::Result<Outcome> {
    let now = state.now_ms();
    let at = now + i64::try_from(wait.as_millis()).unwrap_or(i64::MAX / 2);
    state
        .db
        .schedule_notification_retry(item.id, owner, at, why, now)
        .await?;
    Ok(Outcome::Retried)
}

/// 2 s, 4 s, 8 s, … up to 5 minutes, with jitter.
fn backoff(attempts: i32) -> Duration {
    let base = 2_000u64
        .saturating_mul(1 << attempts.clamp(1, 8).saturating_sub(1))
        .min(300_000);
    Duration::from_millis(base / 2 + fastrand::u64(0..=base / 2))
}

fn snowflake(id: u64) -> i64 {
    i64::try_from(id).unwrap_or(i64::MAX)
}

/// Creates the message with an enforced nonce (see the module docs).
async fn post(rest: &DiscordRest, out: &Outgoing, nonce: &str) -> Result<u64, RestError> {
    let body = serde_json::json!({
        "content": out.content,
        "embeds": out.embeds,
        "components": out.components,
        "allowed_mentions": out.allowed_mentions,
        "nonce": nonce,
        "enforce_nonce": true,
    });
    rest.create_message(id_of(out.channel_id), &body).await
}

async fn edit(
    rest: &DiscordRest,
    channel_id: i64,
    message_id: i64,
    out: &Outgoing,
) -> Result<(), RestError> {
    let body = serde_json::json!({
        "content": Some(out.content.as_str()).filter(|c| !c.is_empty()),
        "embeds": out.embeds,
        "components": out.components,
        "allowed_mentions": AllowedMentions::default(),
    });
    rest.edit_message(id_of(channel_id), id_of(message_id), &body)
        .await
}

async fn delete(rest: &DiscordRest, channel_id: i64, message_id: i64) -> Result<(), RestError> {
    match rest
        .delete_message(id_of(channel_id), id_of(message_id))
        .await
    {
        Err(e) if e.code() == Some(UNKNOWN_MESSAGE) => Ok(()),
        other => other,
    }
}

/// Ids from our own rows are Discord snowflakes.
fn id_of(value: i64) -> u64 {
    u64::try_from(value).unwrap_or(0)
}

/// The stream's details, fetched from Twitch once per stream however many
/// guilds are being told.
#[derive(Default)]
struct Details(Mutex<HashMap<String, Arc<OnceCell<GoLive>>>>);

impl Details {
    async fn get(&self, state: &AppState, streamer: &Streamer, stream_id: &str) -> GoLive {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration(45 * 60_000), "45 min");
        assert_eq!(duration(2 * 3_600_000 + 13 * 60_000), "2 h 13 min");
        assert_eq!(duration(3 * 3_600_000), "3 h");
        assert_eq!(duration(-5), "0 min");
    }

    #[test]
    fn backoff_grows_to_five_minutes_at_most() {
        let first = backoff(1).as_millis();
        assert!((1_000..=2_000).contains(&first), "{first}");
        assert!(backoff(20).as_millis() <= 300_000);
        assert!(backoff(4).as_millis() >= 8_000);
    }
}
