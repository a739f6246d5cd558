//! The delivery worker: claims due outbox rows, takes each one step
//! (announce, refresh or end) and releases it with the step's outcome,
//! with bounded concurrency.
//!
//! Exactly once: the outbox row is unique per (route, stream), and every post
//! carries the row's id as a `nonce` with `enforce_nonce`, so a worker that
//! dies between Discord accepting the message and recording it re-sends the
//! same nonce after its lease and Discord hands back the message it already
//! created instead of posting a second one. Posting as the streamer goes
//! through a channel webhook, which takes no nonce: there a retry first
//! looks for the alert's marker in the channel ([`webhook`]).
//!
//! Failures are decided in one place ([`policy`]): 429 waits for
//! `retry_after`; 5xx and network errors retry with exponential backoff and
//! jitter, a bounded number of times; lost access (unknown channel or
//! webhook, missing access or permissions) stops delivery on that route
//! (only that one: the server's other routes go on) and marks it as
//! needing attention, so the bot never keeps knocking on a door
//! Discord has closed (and never drifts toward the invalid-request ban).
//! When the stream ends, the message is edited, deleted or kept.

mod announce;
pub mod current_stream;
mod edits;
mod job;
mod loaded;
pub mod policy;
pub mod send;
mod steps;
mod webhook;

use std::{sync::Arc, time::Duration};

use tokio::task::JoinSet;

use crate::{
    metrics::DeliveryOutcome,
    state::AppState,
    store::{Claim, Lease, OutboxItem, Step},
};
use loaded::{Details, preload};
pub use policy::MAX_ATTEMPTS;
use steps::deliver_one;

/// How long a claimed row is ours before another worker may take it.
pub const LEASE_MS: i64 = 20_000;
/// Notifications in flight at once: at Discord's ~50 ms per request this
/// keeps well over 2,000 a second moving when the rate limit allows it.
const CONCURRENCY: usize = 256;
/// Refresh edits of live messages in flight at once, at most, and only
/// while no post or end edit is due or out: a go-live's posts queue behind
/// these few at Discord's global limit (about 170 ms at 50 a second), never
/// behind a round of refreshes.
const REFRESHES_IN_FLIGHT: usize = 8;

/// What a delivery pass did, step by step.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Report {
    pub sent: usize,
    pub refreshed: usize,
    pub ended: usize,
    pub retried: usize,
    pub failed: usize,
    pub skipped: usize,
    /// Held back by a route's filters until the stream changes.
    pub held: usize,
}

/// How one step went.
#[derive(Debug, Clone, Copy)]
enum Outcome {
    Sent,
    Refreshed,
    Ended,
    Retried,
    Failed,
    Skipped,
    Held,
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
    deliver_due_until(state, None).await
}

/// [`deliver_due`], claiming nothing new after `stop_claiming` (what is in
/// flight then still finishes): a Lambda invocation stops before its
/// timeout and leaves the rest to the next one, never killed mid-send.
pub async fn deliver_due_until(
    state: &AppState,
    stop_claiming: Option<tokio::time::Instant>,
) -> anyhow::Result<Report> {
    let owner: Arc<str> = format!("worker-{}-{:x}", std::process::id(), fastrand::u64(..)).into();
    let details = Arc::new(Details::default());
    let mut report = Report::default();
    let mut in_flight = JoinSet::new();
    // The last claim found nothing due: claim again only once all is done,
    // or when woken.
    let mut drained = false;
    let mut look_again = tokio::time::Instant::now();
    // Refresh edits among those in flight.
    let mut refreshing = 0;
    loop {
        let room = CONCURRENCY - in_flight.len();
        if stop_claiming.is_some_and(|at| tokio::time::Instant::now() >= at) {
            while let Some(outcome) = in_flight.join_next().await {
                report.count(outcome.ok().map(|(_, outcome)| outcome));
            }
            return Ok(report);
        }
        if in_flight.is_empty() || (!drained && room >= CONCURRENCY / 2) {
            // Refreshes wait while a post or end edit is out.
            let refresh_room = match in_flight.len() > refreshing {
                true => 0,
                false => REFRESHES_IN_FLIGHT.saturating_sub(refreshing),
            };
            match claim(state, &owner, room, refresh_room).await {
                Ok(batch) => {
                    drained = batch.is_empty();
                    if drained && in_flight.is_empty() {
                        return Ok(report);
                    }
                    let preloaded = preload(state, &batch).await;
                    let refreshes = batch.iter().filter(|item| item.step() == Step::Refresh);
                    details
                        .live_now
                        .plan(refreshes.map(|item| &item.twitch_id), state.now_ms());
                    for item in batch {
                        let loaded = preloaded.as_ref().map(|p| p.of(&item));
                        let lease = Lease {
                            id: item.id,
                            owner: owner.clone(),
                        };
                        let is_refresh = item.step() == Step::Refresh;
                        refreshing += usize::from(is_refresh);
                        let (state, details) = (state.clone(), details.clone());
                        in_flight.spawn(async move {
                            let outcome = deliver_one(&state, lease, item, &details, loaded).await;
                            if let Some(counted) = outcome.counted() {
                                state.metrics.delivery(counted);
                            }
                            (is_refresh, outcome)
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
            done = in_flight.join_next() => {
                let done = done.and_then(Result::ok);
                let was_refresh = done.is_some_and(|(is_refresh, _)| is_refresh);
                refreshing = refreshing.saturating_sub(usize::from(was_refresh));
                report.count(done.map(|(_, outcome)| outcome));
            }
            () = state.delivery.notified(), if drained => drained = false,
            () = tokio::time::sleep_until(look_again), if drained => drained = false,
        }
    }
}

impl Outcome {
    /// How the step counts in the metrics (`None`: not finished).
    fn counted(self) -> Option<DeliveryOutcome> {
        Some(match self {
            Outcome::Sent => DeliveryOutcome::Sent,
            Outcome::Refreshed => DeliveryOutcome::Refreshed,
            Outcome::Ended => DeliveryOutcome::Ended,
            Outcome::Retried => DeliveryOutcome::Retried,
            Outcome::Failed => DeliveryOutcome::Failed,
            Outcome::Skipped => DeliveryOutcome::Skipped,
            Outcome::Held => DeliveryOutcome::Held,
            Outcome::Error => return None,
        })
    }
}

impl Report {
    fn count(&mut self, outcome: Option<Outcome>) {
        match outcome {
            Some(Outcome::Sent) => self.sent += 1,
            Some(Outcome::Refreshed) => self.refreshed += 1,
            Some(Outcome::Ended) => self.ended += 1,
            Some(Outcome::Retried) => self.retried += 1,
            Some(Outcome::Failed) => self.failed += 1,
            Some(Outcome::Skipped) => self.skipped += 1,
            Some(Outcome::Held) => self.held += 1,
            Some(Outcome::Error) | None => {}
        }
    }
}

/// Fans out recorded go-lives, then claims up to `limit` due rows: posts
/// and end edits, or, when none is due, up to `refreshes` refresh edits.
async fn claim(
    state: &AppState,
    owner: &str,
    limit: usize,
    refreshes: usize,
) -> anyhow::Result<Vec<OutboxItem>> {
    let db = &state.db;
    let queued = db.expand_stream_fanouts(state.now_ms()).await?;
    if queued > 0 {
        tracing::info!(queued, "go-live fanned out");
    }
    let mut batch = db
        .claim_due(Claim::Urgent, owner, state.now_ms(), LEASE_MS, limit as i64)
        .await?;
    let room = refreshes.min(limit);
    if batch.is_empty() && room > 0 {
        let refreshes = db
            .claim_due(
                Claim::Refreshes,
                owner,
                state.now_ms(),
                LEASE_MS,
                room as i64,
            )
            .await?;
        batch.extend(refreshes);
    }
    Ok(batch)
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
