//! A claimed outbox row and the ways a step gives it back: each one a
//! single `Db::release` with its transition.

use std::time::Duration;

use super::{
    Outcome,
    policy::{self, Decision},
};
use crate::{
    discord::api::DiscordError,
    state::AppState,
    store::{Lease, OutboxItem, OutboxState, Transition},
};

/// A claimed row and what releasing it needs.
pub struct Job<'a> {
    pub state: &'a AppState,
    pub lease: Lease,
    pub item: OutboxItem,
}

impl Job<'_> {
    pub fn now(&self) -> i64 {
        self.state.now_ms()
    }

    /// When the stream started (as Twitch said, else when it was queued).
    pub fn started_at(&self) -> i64 {
        self.item.stream_started_at.unwrap_or(self.item.created_at)
    }

    /// Changes once a minute, so Discord fetches a fresh preview image.
    pub fn cache_bust(&self) -> String {
        format!("{}-{}", self.item.stream_id, self.now() / 60_000)
    }

    /// Releases the row with `transition`; the step went as `outcome` says.
    pub async fn release(
        &self,
        transition: Transition,
        outcome: Outcome,
    ) -> anyhow::Result<Outcome> {
        self.state
            .db
            .release(&self.lease, &transition, self.now())
            .await?;
        Ok(outcome)
    }

    /// The live message was refreshed (or could not be): as of this claim,
    /// next at `next` (`None`: no more periodic refreshes).
    pub fn refreshed(&self, next: Option<i64>) -> Transition {
        Transition::Refreshed {
            claimed_due: self.item.refresh_due_at,
            next,
        }
    }

    /// Tries the step again after `wait`.
    pub async fn retry(&self, wait: Duration, why: String) -> anyhow::Result<Outcome> {
        let at = self.now() + i64::try_from(wait.as_millis()).unwrap_or(i64::MAX / 2);
        let outcome = self
            .release(Transition::Retry { at, error: why }, Outcome::Retried)
            .await;
        self.state.wake_delivery_after(wait);
        outcome
    }

    /// The message will not be sent: `Skipped` on purpose, or `Failed`.
    pub async fn unsent(&self, state: OutboxState, reason: String) -> anyhow::Result<Outcome> {
        let outcome = match state {
            OutboxState::Skipped => Outcome::Skipped,
            _ => Outcome::Failed,
        };
        self.release(Transition::Unsent { state, reason }, outcome)
            .await
    }

    /// An edit (refresh or end) failed: try again when that can help,
    /// otherwise leave the message as it is and release with `done`.
    pub async fn edit_failed(
        &self,
        e: &DiscordError,
        done: Transition,
        outcome: Outcome,
    ) -> anyhow::Result<Outcome> {
        match policy::decide(e, self.item.attempts) {
            Decision::RetryAfter(wait, why) => self.retry(wait, why).await,
            Decision::GiveUp(_) | Decision::LostAccess(_) => {
                tracing::info!(error = %e, "could not edit the notification; leaving it");
                self.release(done, outcome).await
            }
        }
    }
}
