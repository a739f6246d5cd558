//! Discord's rate limits for one bot token, handled before a request goes
//! rather than learned from 429s:
//!
//! - per-route buckets follow `X-RateLimit-Remaining` / `-Reset-After`, so a
//!   request waits for its bucket instead of earning a 429;
//! - global traffic is paced evenly to Discord's 50 requests per second
//!   (one request every 20.4 ms, so no one-second window, however Discord
//!   aligns it, ever holds more than 50), or to the higher limit Discord
//!   granted a large bot (`DISCORD_GLOBAL_RATE_LIMIT`); slots that fire
//!   late together (a busy process) still wait until the last 50 sends
//!   span 1.02 s; interaction responses are exempt from the global limit;
//! - a request that would have to wait more than a few seconds (a global
//!   pause, an exhausted route bucket) fails at once with `RateLimited`, so
//!   the caller reschedules it rather than sitting on its outbox lease;
//! - a 429 (route or global) is never retried here: the caller gets
//!   `retry_after` and schedules the work for later, and a global 429 pauses
//!   every request of this process until it has passed.

use std::{
    collections::{HashMap, VecDeque},
    time::{Duration, Instant},
};

use serde_json::Value;
use tokio::sync::Mutex;

use super::DiscordError;

/// Longest wait for a turn before giving the request back to the caller.
const MAX_WAIT: Duration = Duration::from_secs(5);

/// The limits of one bot token, as this process knows them.
pub struct Pacer {
    /// Time between two requests; `None` sends as fast as Discord answers.
    spacing: Option<Duration>,
    per_second: u32,
    limits: Mutex<Limits>,
}

#[derive(Default)]
struct Limits {
    /// No request before this (a global 429 was received).
    paused_until: Option<Instant>,
    /// The earliest moment the next request may go (even pacing).
    next_slot: Option<Instant>,
    /// When the last requests really went, one paced second's worth: a
    /// request whose slot came late (the process was busy) still waits
    /// until no window would hold more than the limit.
    sent: VecDeque<Instant>,
    /// Route key → (remaining, resets at).
    routes: HashMap<String, (u64, Instant)>,
}

impl Pacer {
    /// Paced to `per_second` requests a second (0: unpaced, for a test
    /// bench whose stand-in has no limit).
    pub fn new(per_second: u32) -> Self {
        Self {
            // 2 % under the limit: clock jitter never tips a window over it.
            spacing: (per_second > 0).then(|| Duration::from_secs(1).mul_f64(1.02) / per_second),
            per_second,
            limits: Mutex::default(),
        }
    }

    /// Waits out a global pause and the route's bucket, then takes the
    /// next evenly paced slot; gives up with `RateLimited` when that would
    /// take longer than [`MAX_WAIT`].
    pub async fn wait_for_turn(&self, route: &str, global: bool) -> Result<(), DiscordError> {
        loop {
            let wait = {
                let mut limits = self.limits.lock().await;
                let now = Instant::now();
                let paused = limits.paused_until.filter(|until| global && *until > now);
                let bucket = limits
                    .routes
                    .get(route)
                    .filter(|(remaining, reset)| *remaining == 0 && *reset > now)
                    .map(|(_, reset)| *reset);
                match (paused, bucket) {
                    (Some(until), _) | (None, Some(until)) => {
                        if until - now > MAX_WAIT {
                            return Err(DiscordError::RateLimited {
                                retry_after: until - now,
                                global: paused.is_some(),
                            });
                        }
                        until - now
                    }
                    (None, None) => {
                        if let Some((remaining, _)) = limits.routes.get_mut(route) {
                            *remaining = remaining.saturating_sub(1);
                        }
                        let Some(spacing) = self.spacing.filter(|_| global) else {
                            return Ok(());
                        };
                        let slot = limits.next_slot.map_or(now, |next| next.max(now));
                        limits.next_slot = Some(slot + spacing);
                        drop(limits);
                        tokio::time::sleep_until(slot.into()).await;
                        self.take_window_place(spacing).await;
                        return Ok(());
                    }
                }
            };
            tokio::time::sleep(wait).await;
        }
    }

    /// Records a send, first waiting while the last `per_second` sends all
    /// fall within one paced second (slots that fired late, all at once,
    /// because the process was busy).
    async fn take_window_place(&self, spacing: Duration) {
        let window = spacing * self.per_second;
        loop {
            let mut limits = self.limits.lock().await;
            let now = Instant::now();
            while limits
                .sent
                .front()
                .is_some_and(|at| now.duration_since(*at) >= window)
            {
                limits.sent.pop_front();
            }
            match limits.sent.front() {
                Some(oldest) if limits.sent.len() >= self.per_second as usize => {
                    let wait = (*oldest + window).saturating_duration_since(now);
                    drop(limits);
                    tokio::time::sleep(wait).await;
                }
                _ => {
                    limits.sent.push_back(now);
                    return;
                }
            }
        }
    }

    pub async fn note_bucket(&self, route: &str, headers: &reqwest::header::HeaderMap) {
        let number = |name: &str| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.parse::<f64>().ok())
        };
        if let (Some(remaining), Some(reset_after)) = (
            number("x-ratelimit-remaining"),
            number("x-ratelimit-reset-after"),
        ) {
            let now = Instant::now();
            let reset = now + Duration::from_secs_f64(reset_after.clamp(0.0, 3600.0));
            let mut limits = self.limits.lock().await;
            // One entry per channel posted to: forget the spent ones now
            // and then, so a long-running process doesn't keep them all.
            if limits.routes.len() >= 4096 {
                limits.routes.retain(|_, (_, reset)| *reset > now);
            }
            limits
                .routes
                .insert(route.to_owned(), (remaining as u64, reset));
        }
    }

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
        let until = Instant::now() + Duration::from_secs_f64(retry_after);
        let mut limits = self.limits.lock().await;
        if global {
            limits.paused_until = Some(until);
        } else {
            limits.routes.insert(route.to_owned(), (0, until));
        }
        tracing::warn!(retry_after, global, route, "rate limited by Discord");
        DiscordError::RateLimited {
            retry_after: Duration::from_secs_f64(retry_after),
            global,
        }
    }
}
