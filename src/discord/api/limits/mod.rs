//! Discord's rate limits for one bot token, kept before a request goes
//! rather than learned from 429s:
//!
//! - per-route buckets ([`buckets`]), local to the process: one request in
//!   flight until a bucket's limit is known, then as many as it allows,
//!   the rest queued for the window's reset;
//! - the global limit ([`global`]), shared by every process through the
//!   database; interaction responses are exempt from it;
//! - a request that would have to wait more than a few seconds (a global
//!   pause, an exhausted bucket) fails at once with `RateLimited`, so the
//!   caller reschedules it rather than sitting on its outbox lease;
//! - a 429 (route or global) is never retried here: the caller gets
//!   `retry_after` and schedules the work for later; a global 429 pauses
//!   every process of the bot until it has passed.

mod buckets;
mod global;

use std::time::{Duration, Instant};

use serde_json::Value;

pub use buckets::Ticket;
pub use global::Shared;

use super::DiscordError;
use buckets::Buckets;
use global::Global;

/// Longest wait for a turn before giving the request back to the caller.
const MAX_WAIT: Duration = Duration::from_secs(5);

/// The limits of one bot token, as this process keeps them.
pub struct Pacer {
    buckets: Buckets,
    global: Global,
}

impl Pacer {
    /// Paced to `per_second` requests a second (0: unpaced, for a test
    /// bench whose stand-in has no limit), shared with every process that
    /// books in `shared`.
    pub fn new(per_second: u32, shared: Option<Shared>) -> Self {
        Self {
            buckets: Buckets::default(),
            global: Global::new(per_second, shared),
        }
    }

    /// Waits for a place in the route's bucket, then (unless exempt) for a
    /// global slot; gives up with `RateLimited` when that would take longer
    /// than [`MAX_WAIT`]. The ticket is the request's place in its bucket.
    pub async fn wait_for_turn(
        &self,
        route: &str,
        global: bool,
    ) -> Result<Ticket<'_>, DiscordError> {
        let deadline = Instant::now() + MAX_WAIT;
        let ticket = self.buckets.acquire(route, deadline).await?;
        if global {
            self.global.take_slot(deadline).await?;
        }
        Ok(ticket)
    }

    /// Learns the route's bucket from an answer.
    pub fn answered(&self, ticket: &Ticket<'_>, headers: &reqwest::header::HeaderMap) {
        self.buckets.answered(&ticket.route, headers);
    }

    /// A 429: the route's bucket or, for a global one, every process waits
    /// `retry_after`.
    pub async fn rate_limited(
        &self,
        route: &str,
        headers: &reqwest::header::HeaderMap,
        body: &Value,
    ) -> DiscordError {
        let header = |name: &str| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let retry_after = body["retry_after"]
            .as_f64()
            .or_else(|| header("retry-after").and_then(|v| v.parse().ok()))
            .unwrap_or(1.0)
            .clamp(0.0, 3600.0);
        let global = body["global"].as_bool().unwrap_or(false)
            || header("x-ratelimit-global").as_deref() == Some("true");
        let wait = Duration::from_secs_f64(retry_after);
        if global {
            self.global.pause(wait).await;
        } else {
            self.buckets.exhausted(route, wait);
        }
        tracing::warn!(retry_after, global, route, "rate limited by Discord");
        DiscordError::RateLimited {
            retry_after: wait,
            global,
        }
    }
}
