//! Notifications by subscription type, handed to the notification pipeline
//! through the outbox: once recorded, delivery no longer depends on this
//! request.

use chrono::DateTime;
use serde::Deserialize;

use serde_json::value::RawValue;

use super::types::EventSubSubscription;
use crate::ids::TwitchUserId;
use crate::{
    error::ApiError,
    metrics::EventSubOutcome,
    state::AppState,
    store::{Applied, StreamEvent, SubscriptionType},
};

#[derive(Deserialize)]
pub struct Notification<'a> {
    pub subscription: EventSubSubscription,
    #[serde(borrow)]
    pub event: &'a RawValue,
}

pub fn parse<'a, T: Deserialize<'a>>(body: &'a [u8]) -> Result<T, ApiError> {
    serde_json::from_slice(body)
        .map_err(|e| ApiError::BadRequest(format!("malformed EventSub payload: {e}")))
}

#[derive(Debug, Deserialize)]
struct StreamOnline {
    id: String,
    broadcaster_user_id: TwitchUserId,
    #[serde(default)]
    broadcaster_user_login: String,
    #[serde(rename = "type", default = "live")]
    stream_type: String,
    #[serde(default)]
    started_at: String,
}

fn live() -> String {
    "live".into()
}

#[derive(Debug, Deserialize)]
struct StreamOffline {
    broadcaster_user_id: TwitchUserId,
}

#[derive(Debug, Deserialize)]
struct ChannelUpdate {
    broadcaster_user_id: TwitchUserId,
    #[serde(default)]
    title: String,
    #[serde(default)]
    category_id: String,
    #[serde(default)]
    category_name: String,
}

/// Records the notification; duplicates and types we don't use are
/// acknowledged and dropped (and said so, for the metrics). A database
/// failure is an error, so that Twitch sends the event again rather than it
/// being lost.
pub(super) async fn handle(
    state: &AppState,
    message_id: &str,
    sent_at: i64,
    n: Notification<'_>,
) -> Result<EventSubOutcome, ApiError> {
    let now = state.now_ms();
    let event_json = n.event.get().as_bytes();
    let (online, offline, update);
    let event = match &n.subscription.sub_type {
        SubscriptionType::StreamOnline => {
            online = parse::<StreamOnline>(event_json)?;
            if online.stream_type != "live" {
                tracing::info!(streamer.login = %online.broadcaster_user_login, kind = %online.stream_type, "not announcing a stream that is not live");
                return Ok(EventSubOutcome::Accepted);
            }
            StreamEvent::Online {
                twitch_id: &online.broadcaster_user_id,
                stream_id: &online.id,
                started_at: DateTime::parse_from_rfc3339(&online.started_at)
                    .map_or(now, |t| t.timestamp_millis()),
            }
        }
        SubscriptionType::StreamOffline => {
            offline = parse::<StreamOffline>(event_json)?;
            StreamEvent::Offline {
                twitch_id: &offline.broadcaster_user_id,
            }
        }
        SubscriptionType::ChannelUpdate => {
            update = parse::<ChannelUpdate>(event_json)?;
            StreamEvent::Updated {
                twitch_id: &update.broadcaster_user_id,
                title: &update.title,
                game_id: &update.category_id,
                game_name: &update.category_name,
            }
        }
        other => {
            tracing::warn!(subscription.type = %other, "ignoring a notification type we never subscribe to");
            return Ok(EventSubOutcome::Accepted);
        }
    };
    let applied = state
        .db
        .apply_stream_event(message_id, sent_at, &event, now)
        .await
        .map_err(|e| {
            ApiError::Unavailable(
                anyhow::Error::new(e).context("recording an EventSub notification"),
            )
        })?;
    Ok(match applied {
        Applied::Duplicate => {
            tracing::info!("duplicate EventSub message ignored");
            EventSubOutcome::Duplicate
        }
        Applied::Stale => {
            tracing::info!(
                subscription.type = %n.subscription.sub_type,
                "EventSub message older than one already applied for this streamer: recorded and ignored"
            );
            EventSubOutcome::Stale
        }
        Applied::Recorded { queued } => {
            tracing::info!(subscription.type = %n.subscription.sub_type, queued, "EventSub notification recorded");
            // A go-live to fan out, messages to end or refresh, or streams
            // held by filters to check again.
            if queued {
                state.wake_delivery();
            }
            EventSubOutcome::Accepted
        }
    })
}
