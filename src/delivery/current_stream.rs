//! A streamer added while they are live: their current stream is posted to
//! the new route at once, without a ping, so the admin sees the route
//! works. It goes through the outbox like any go-live (one row, exactly
//! once, paced, retried, ended when the stream ends); their next go-live
//! posts and pings as usual.

use std::time::Duration;

use anyhow::Context as _;
use chrono::DateTime;

use crate::{ids::TwitchUserId, state::AppState, twitch::types::Stream};

/// The add's answer never waits longer than this for Twitch.
const STREAMS_TIMEOUT: Duration = Duration::from_secs(2);

/// Queues the stream `twitch_id` is live with right now for `route_id`
/// alone, pinging nobody. True when a post was queued; false when they are
/// not live, Twitch didn't answer in time, or the route already has a row
/// for that stream.
pub async fn announce_current_stream(
    state: &AppState,
    route_id: i64,
    twitch_id: &TwitchUserId,
) -> anyhow::Result<bool> {
    let Some(stream) = live_stream(state, twitch_id).await else {
        return Ok(false);
    };
    let now = state.now_ms();
    let started_at =
        DateTime::parse_from_rfc3339(&stream.started_at).map_or(now, |t| t.timestamp_millis());
    let queued = state
        .db
        .enqueue_current_stream(route_id, &stream.id, started_at, now)
        .await
        .with_context(|| {
            format!("queueing the current stream of {twitch_id} for route {route_id}")
        })?;
    if queued {
        tracing::info!(route.id = route_id, stream.id = %stream.id, "added while live: posting the current stream");
        state.wake_delivery();
    }
    Ok(queued)
}

/// The streamer's live stream, if Get Streams says so in time.
async fn live_stream(state: &AppState, twitch_id: &TwitchUserId) -> Option<Stream> {
    let helix = state.twitch.as_deref()?;
    let ids = [twitch_id.as_str()];
    match tokio::time::timeout(STREAMS_TIMEOUT, helix.streams(&ids)).await {
        Ok(Ok(streams)) => streams
            .into_iter()
            .find(|s| s.user_id == twitch_id.as_str() && !s.id.is_empty()),
        Ok(Err(e)) => {
            tracing::info!(error = %e, streamer.id = %twitch_id, "could not ask Twitch whether they are live; nothing posted");
            None
        }
        Err(_) => {
            tracing::info!(streamer.id = %twitch_id, "Twitch didn't say in time whether they are live; nothing posted");
            None
        }
    }
}
