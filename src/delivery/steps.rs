//! One claimed row, one step: the step is read from the row
//! ([`OutboxItem::step`]), taken, and the row released with its outcome.

use std::time::Duration;

use tracing::Instrument as _;

use super::{
    Outcome, announce,
    edits::{end, refresh},
    loaded::{Details, Loaded},
    policy::{self, Decision},
};
use crate::{
    discord::api::DiscordError,
    state::AppState,
    store::{Lease, OutboxItem, OutboxState, Step, Transition},
};

/// A claimed row and what releasing it needs.
pub struct Job<'a> {
    pub state: &'a AppState,
    pub lease: Lease,
    pub item: OutboxItem,
}

pub async fn deliver_one(
    state: &AppState,
    lease: Lease,
    item: OutboxItem,
    details: &Details,
    loaded: Option<Loaded>,
) -> Outcome {
    let span = tracing::info_span!("deliver", guild.id = item.guild_id, streamer.id = %item.twitch_id, stream.id = %item.stream_id);
    let job = Job { state, lease, item };
    let step = async {
        let result = match job.item.step() {
            Step::Announce => announce::announce(&job, details, loaded).await,
            Step::End => end(&job, loaded).await,
            Step::Refresh => refresh(&job, loaded).await,
            Step::Done => job.release(Transition::Ended, Outcome::Skipped).await,
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
    step.instrument(span).await
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

    /// Tries the step again after `wait`.
    pub async fn retry(&self, wait: Duration, why: String) -> anyhow::Result<Outcome> {
        let at = self.now() + i64::try_from(wait.as_millis()).unwrap_or(i64::MAX / 2);
        self.release(Transition::Retry { at, error: why }, Outcome::Retried)
            .await
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
