//! `POST /webhooks/twitch`: EventSub over webhooks.
//!
//! Every message is verified (signature, then the 10-minute replay window)
//! before its body is even parsed. Challenges are answered with the challenge
//! as `text/plain`; notifications are recorded durably (de-duplicated by
//! message id) and acknowledged without waiting for Discord; revocations are
//! recorded and, where it helps, a new subscription is scheduled.

use axum::{
    body::Bytes,
    extract::State,
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Response},
};
use serde::Deserialize;

use super::{events, signature, subscriptions, types::EventSubSubscription};
use crate::{error::ApiError, metrics::EventSubOutcome, state::AppState, store::SubscriptionType};

const MESSAGE_ID: &str = "twitch-eventsub-message-id";
const TIMESTAMP: &str = "twitch-eventsub-message-timestamp";
const SIGNATURE: &str = "twitch-eventsub-message-signature";
const MESSAGE_TYPE: &str = "twitch-eventsub-message-type";

#[derive(Deserialize)]
struct Challenge {
    challenge: String,
    subscription: EventSubSubscription,
}

#[derive(Deserialize)]
struct Revocation {
    subscription: EventSubSubscription,
}

pub async fn receive(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let Some(twitch) = state.config.twitch.as_ref() else {
        return Err(ApiError::NotConfigured(
            "Twitch EventSub: set TWITCH_EVENTSUB_SECRET",
        ));
    };
    let kind = header_str(&headers, MESSAGE_TYPE);
    // Counted under a fixed set of names, whatever the headers say.
    let mut counted = Counted {
        message_type: match kind {
            Some("notification") => "notification",
            Some("webhook_callback_verification") => "verification",
            Some("revocation") => "revocation",
            _ => "other",
        },
        subscription_type: "unknown",
    };
    let (message_id, sent_at) = match verify(&headers, &body, twitch.eventsub_key(), state.now_ms())
    {
        Ok(verified) => verified,
        Err((outcome, e)) => {
            counted.count(&state, outcome);
            return Err(e);
        }
    };
    let span = tracing::Span::current();
    span.record("twitch.message_id", message_id);
    let answer = answer(&state, kind, message_id, sent_at, &body, &mut counted).await;
    let outcome = match &answer {
        Ok((_, outcome)) => *outcome,
        Err(ApiError::BadRequest(_)) => EventSubOutcome::Malformed,
        Err(_) => EventSubOutcome::Failed,
    };
    counted.count(&state, outcome);
    answer.map(|(response, _)| response)
}

/// How a message is counted: its type, and its subscription's once read.
struct Counted {
    message_type: &'static str,
    subscription_type: &'static str,
}

impl Counted {
    fn read(&mut self, subscription: &EventSubSubscription) {
        self.subscription_type = match subscription.sub_type {
            SubscriptionType::StreamOnline => "stream.online",
            SubscriptionType::StreamOffline => "stream.offline",
            SubscriptionType::ChannelUpdate => "channel.update",
            SubscriptionType::Other(_) => "other",
        };
    }

    fn count(&self, state: &AppState, outcome: EventSubOutcome) {
        state
            .metrics
            .eventsub(self.message_type, self.subscription_type, outcome);
    }
}

/// A verified message's answer, and how it counts.
async fn answer(
    state: &AppState,
    kind: Option<&str>,
    message_id: &str,
    sent_at: i64,
    body: &[u8],
    counted: &mut Counted,
) -> Result<(Response, EventSubOutcome), ApiError> {
    match kind {
        Some("webhook_callback_verification") => {
            let Challenge {
                challenge,
                subscription,
            } = events::parse(body)?;
            counted.read(&subscription);
            subscriptions::confirmed(state, &subscription).await;
            Ok((
                (
                    [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                    challenge,
                )
                    .into_response(),
                EventSubOutcome::Accepted,
            ))
        }
        Some("revocation") => {
            let Revocation { subscription } = events::parse(body)?;
            counted.read(&subscription);
            subscriptions::revoked(state, &subscription)
                .await
                .map_err(ApiError::Unavailable)?;
            Ok((
                StatusCode::NO_CONTENT.into_response(),
                EventSubOutcome::Accepted,
            ))
        }
        Some("notification") => {
            let notification: events::Notification = events::parse(body)?;
            counted.read(&notification.subscription);
            let outcome = events::handle(state, message_id, sent_at, notification).await?;
            Ok((StatusCode::NO_CONTENT.into_response(), outcome))
        }
        Some(other) => Err(ApiError::BadRequest(format!(
            "unknown Twitch-Eventsub-Message-Type {other:?}"
        ))),
        None => Err(ApiError::BadRequest(
            "missing Twitch-Eventsub-Message-Type".into(),
        )),
    }
}

/// Checks the signature and replay window; returns the message id and
/// when Twitch sent it, or how the rejection counts and the answer.
fn verify<'h>(
    headers: &'h HeaderMap,
    body: &[u8],
    secret: &[u8],
    now_ms: i64,
) -> Result<(&'h str, i64), (EventSubOutcome, ApiError)> {
    let forged = |why: String| (EventSubOutcome::Forged, ApiError::Forbidden(why));
    let required = |name: &'static str| {
        header_str(headers, name).ok_or_else(|| forged(format!("missing {name} header")))
    };
    let (message_id, timestamp, signature) = (
        required(MESSAGE_ID)?,
        required(TIMESTAMP)?,
        required(SIGNATURE)?,
    );
    if !signature::is_valid(secret, message_id, timestamp, body, signature) {
        return Err(forged("invalid EventSub signature".into()));
    }
    if !signature::is_fresh(timestamp, now_ms) {
        return Err((
            EventSubOutcome::Stale,
            ApiError::Forbidden("message timestamp is outside the 10-minute window".into()),
        ));
    }
    Ok((message_id, signature::sent_at(timestamp).unwrap_or(now_ms)))
}

fn header_str<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}
