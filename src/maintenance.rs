//! Housekeeping that runs every minute in `serve` (and from the scheduled
//! invocation on Lambda): resubscribe what Twitch revoked, forget old
//! EventSub message ids, spent link tokens, month-old notifications,
//! members' choices about streamers their server no longer follows and,
//! a day after the last server stopped following them, streamers' profiles.

use std::time::Duration;

use crate::{state::AppState, twitch::subscriptions};

/// EventSub ids are kept well past Twitch's retry horizon.
const KEEP_MESSAGE_IDS_MS: i64 = 24 * 60 * 60 * 1000;
/// Finished notifications are kept a month (for `/streamers list`'s "last
/// posted" and a stream that ends days later), then forgotten.
const KEEP_NOTIFICATIONS_MS: i64 = 30 * 24 * 60 * 60 * 1000;
/// A streamer no server follows keeps their profile this long after the
/// last change to it (the last unfollow touches it), then it is deleted.
pub const KEEP_UNFOLLOWED_STREAMERS_MS: i64 = 24 * 60 * 60 * 1000;
pub const INTERVAL: Duration = Duration::from_secs(60);
/// Streamers whose subscriptions are repaired per run (Twitch rate limits).
const REPAIRS_PER_RUN: usize = 50;

pub async fn run_once(state: &AppState) -> anyhow::Result<()> {
    let now = state.now_ms();
    if state.twitch.is_some() {
        let resubscribed = subscriptions::resubscribe_due(state).await?;
        if resubscribed > 0 {
            tracing::info!(resubscribed, "recreated revoked EventSub subscriptions");
        }
        let repaired = subscriptions::repair_missing(state, REPAIRS_PER_RUN).await?;
        if repaired > 0 {
            tracing::info!(repaired, "created missing EventSub subscriptions");
        }
    }
    state
        .db
        .forget_eventsub_messages_before(now - KEEP_MESSAGE_IDS_MS)
        .await?;
    state.db.forget_expired_link_tokens(now).await?;
    state
        .db
        .forget_template_drafts_before(now - KEEP_MESSAGE_IDS_MS)
        .await?;
    state
        .db
        .forget_notifications_before(now - KEEP_NOTIFICATIONS_MS)
        .await?;
    state.db.forget_unfollowed_preferences().await?;
    let forgotten = state
        .db
        .forget_unfollowed_streamers(now - KEEP_UNFOLLOWED_STREAMERS_MS)
        .await?;
    if forgotten > 0 {
        tracing::info!(
            forgotten,
            "deleted the profiles of streamers no server follows"
        );
    }
    // Servers that removed the bot over a day ago lose their data.
    crate::gone_guilds::remove_expired(state).await?;
    // Followed Twitch Teams: members who joined or left.
    crate::teams::check_due(state).await?;
    Ok(())
}

/// Runs [`run_once`] every [`INTERVAL`] until the task is dropped.
pub async fn run_forever(state: AppState) {
    let mut tick = tokio::time::interval(INTERVAL);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        if let Err(e) = run_once(&state).await {
            tracing::warn!(
                error = format!("{e:#}"),
                "maintenance failed; will try again"
            );
        }
    }
}
