//! Discord's per-route buckets, kept before a request goes rather than
//! learned from 429s. A bucket is keyed by Discord's `X-RateLimit-Bucket`
//! hash plus the top-level resource (the channel, guild or webhook), since
//! routes that share a hash share a limit per resource. Until a bucket's
//! first answer has said what its limit is, only one request to it is in
//! flight (for a second at most, should it hang); the rest queue for that
//! answer. An answer without rate-limit
//! headers means the route has no per-route limit.

use std::{
    collections::HashMap,
    sync::{Mutex, MutexGuard},
    time::{Duration, Instant},
};

use reqwest::header::HeaderMap;
use tokio::sync::Notify;

use crate::discord::api::DiscordError;

/// How long the first request of an unknown bucket holds the others back:
/// Discord answers in well under a second, and a request that hangs must
/// not hold up its channel until it times out.
const PROBE_PATIENCE: Duration = Duration::from_secs(1);
/// Past this many buckets, the idle ones are forgotten (one per channel
/// posted to: a long-running process must not keep them all).
const KEPT: usize = 4096;

#[derive(Default)]
pub struct Buckets {
    state: Mutex<State>,
    /// A bucket's answer came back or a request gave up its place.
    changed: Notify,
}

#[derive(Default)]
struct State {
    /// Route → the bucket hash Discord named for it.
    hashes: HashMap<String, String>,
    /// Bucket key → what is known of it.
    buckets: HashMap<String, Bucket>,
}

#[derive(Default, Debug)]
struct Bucket {
    /// Requests per window; `None` until an answer said.
    limit: Option<u32>,
    /// An answer came back without rate-limit headers: no per-route limit.
    unlimited: bool,
    remaining: u32,
    /// When the current window ends, if one is known to be running.
    reset: Option<Instant>,
    in_flight: u32,
    /// When the last request went while the limit was unknown.
    probe_since: Option<Instant>,
}

/// What a request may do now.
enum Turn {
    Go,
    /// Wait for this moment, or (`None`) for an answer to come back.
    Wait(Option<Instant>),
}

impl Bucket {
    fn turn(&mut self, now: Instant) -> Turn {
        if self.reset.is_some_and(|reset| reset <= now) {
            self.reset = None;
            self.remaining = self.limit.unwrap_or(1);
        }
        let go = match self.limit {
            _ if self.unlimited => true,
            None => {
                let patience = self.probe_since.map(|since| since + PROBE_PATIENCE);
                if self.in_flight > 0 && patience.is_some_and(|until| until > now) {
                    return Turn::Wait(patience);
                }
                self.probe_since = Some(now);
                true
            }
            Some(_) if self.remaining > 0 => {
                self.remaining -= 1;
                true
            }
            Some(_) => return Turn::Wait(self.reset),
        };
        if go {
            self.in_flight += 1;
            Turn::Go
        } else {
            Turn::Wait(None)
        }
    }

    fn idle(&self, now: Instant) -> bool {
        self.in_flight == 0 && self.reset.is_none_or(|reset| reset <= now)
    }
}

/// A request's place in its bucket, given back when dropped (answered or
/// not).
pub struct Ticket<'a> {
    buckets: &'a Buckets,
    pub(super) route: String,
}

impl Drop for Ticket<'_> {
    fn drop(&mut self) {
        let mut state = self.buckets.lock();
        let key = state.key(&self.route);
        if let Some(bucket) = state.buckets.get_mut(&key) {
            bucket.in_flight = bucket.in_flight.saturating_sub(1);
            // Every request of a fresh window went without an answer (a
            // network error): let one probe again rather than wait forever.
            if bucket.in_flight == 0 && bucket.reset.is_none() && bucket.remaining == 0 {
                bucket.remaining = 1;
            }
        }
        drop(state);
        self.buckets.changed.notify_waiters();
    }
}

impl State {
    fn key(&self, route: &str) -> String {
        match self.hashes.get(route) {
            Some(hash) => format!("{hash}:{}", major(route)),
            None => route.to_owned(),
        }
    }

    /// The bucket `route` draws from, moved under its hash's key the first
    /// time Discord names it.
    fn bucket(&mut self, route: &str, hash: Option<&str>) -> &mut Bucket {
        if let Some(hash) = hash.filter(|h| self.hashes.get(route).map(String::as_str) != Some(*h))
        {
            let old = self.key(route);
            self.hashes.insert(route.to_owned(), hash.to_owned());
            let moved = self.buckets.remove(&old);
            let bucket = self.buckets.entry(self.key(route)).or_default();
            if let Some(moved) = moved {
                bucket.in_flight += moved.in_flight;
            }
        }
        let key = self.key(route);
        self.buckets.entry(key).or_default()
    }
}

/// The top-level resource of a route key (`POST /channels/1/messages` →
/// `channels/1`; a webhook is its id and token).
fn major(route: &str) -> &str {
    let path = route.split_once(' ').map_or(route, |(_, path)| path);
    let path = path.trim_start_matches('/');
    let parts = if path.starts_with("webhooks/") { 3 } else { 2 };
    let end = path
        .match_indices('/')
        .nth(parts - 1)
        .map_or(path.len(), |(i, _)| i);
    &path[..end]
}

fn header<T: std::str::FromStr>(headers: &HeaderMap, name: &str) -> Option<T> {
    headers.get(name)?.to_str().ok()?.parse().ok()
}

impl Buckets {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Waits for a place in `route`'s bucket; gives up with `RateLimited`
    /// when that would take past `deadline`.
    pub async fn acquire(
        &self,
        route: &str,
        deadline: Instant,
    ) -> Result<Ticket<'_>, DiscordError> {
        loop {
            let changed = self.changed.notified();
            tokio::pin!(changed);
            changed.as_mut().enable();
            let now = Instant::now();
            let until = match self.lock().bucket(route, None).turn(now) {
                Turn::Go => {
                    return Ok(Ticket {
                        buckets: self,
                        route: route.to_owned(),
                    });
                }
                Turn::Wait(until) => until,
            };
            if until.is_some_and(|until| until > deadline) || now >= deadline {
                let retry_after = until.map_or(Duration::from_secs(1), |u| u - now);
                return Err(DiscordError::RateLimited {
                    retry_after,
                    global: false,
                });
            }
            let wake = until.unwrap_or(deadline);
            tokio::select! {
                () = changed => {}
                () = tokio::time::sleep_until(wake.into()) => {}
            }
        }
    }

    /// Learns the bucket from an answer's headers.
    pub fn answered(&self, route: &str, headers: &HeaderMap) {
        let now = Instant::now();
        let mut state = self.lock();
        let hash: Option<String> = header(headers, "x-ratelimit-bucket");
        let bucket = state.bucket(route, hash.as_deref());
        match (
            header::<f64>(headers, "x-ratelimit-remaining"),
            header::<f64>(headers, "x-ratelimit-reset-after"),
        ) {
            (Some(remaining), Some(reset_after)) => {
                let remaining = remaining.max(0.0) as u32;
                let others = bucket.in_flight.saturating_sub(1);
                bucket.unlimited = false;
                bucket.limit = header(headers, "x-ratelimit-limit").or(Some(remaining + 1));
                bucket.remaining = if bucket.reset.is_some_and(|reset| reset > now) {
                    bucket.remaining.min(remaining)
                } else {
                    remaining.saturating_sub(others)
                };
                bucket.reset = Some(now + Duration::from_secs_f64(reset_after.clamp(0.0, 3600.0)));
            }
            _ => bucket.unlimited = bucket.limit.is_none(),
        }
        if state.buckets.len() > KEPT {
            state.buckets.retain(|_, bucket| !bucket.idle(now));
        }
        drop(state);
        self.changed.notify_waiters();
    }

    /// A route 429: nothing more in this bucket until `retry_after` passed.
    pub fn exhausted(&self, route: &str, retry_after: Duration) {
        let mut state = self.lock();
        let bucket = state.bucket(route, None);
        bucket.limit = bucket.limit.or(Some(1));
        bucket.unlimited = false;
        bucket.remaining = 0;
        bucket.reset = Some(Instant::now() + retry_after);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (name, value) in pairs {
            h.insert(*name, value.parse().unwrap());
        }
        h
    }

    #[test]
    fn the_top_level_resource_is_the_channel_guild_or_webhook() {
        assert_eq!(major("POST /channels/1/messages"), "channels/1");
        assert_eq!(major("GET /channels/1"), "channels/1");
        assert_eq!(major("PUT /guilds/7/members/roles"), "guilds/7");
        assert_eq!(major("PATCH /webhooks/3/abc"), "webhooks/3/abc");
    }

    #[tokio::test]
    async fn an_unknown_bucket_lets_one_request_go_until_its_answer_says_the_limit() {
        let buckets = Buckets::default();
        let later = Instant::now() + Duration::from_millis(50);
        let first = buckets.acquire("POST /channels/1/messages", later).await;
        let first = first.unwrap();
        // A second one must wait for the first's answer: here it gives up.
        let second = buckets.acquire("POST /channels/1/messages", later).await;
        assert!(matches!(second, Err(DiscordError::RateLimited { .. })));
        let answer = headers(&[
            ("x-ratelimit-bucket", "abc"),
            ("x-ratelimit-limit", "5"),
            ("x-ratelimit-remaining", "4"),
            ("x-ratelimit-reset-after", "5.000"),
        ]);
        buckets.answered("POST /channels/1/messages", &answer);
        drop(first);
        let soon = Instant::now() + Duration::from_millis(50);
        let mut four = Vec::new();
        for _ in 0..4 {
            four.push(
                buckets
                    .acquire("POST /channels/1/messages", soon)
                    .await
                    .unwrap(),
            );
        }
        // The window's five are spent: the sixth waits for the reset (5 s).
        let sixth = buckets.acquire("POST /channels/1/messages", soon).await;
        match sixth {
            Err(DiscordError::RateLimited {
                retry_after,
                global,
            }) => {
                assert!(!global);
                assert!(retry_after > Duration::from_secs(4), "{retry_after:?}");
            }
            other => panic!("expected to wait for the window: {:?}", other.is_ok()),
        }
        // Another channel has its own bucket under the same hash.
        assert!(
            buckets
                .acquire("POST /channels/2/messages", soon)
                .await
                .is_ok()
        );
    }

    #[tokio::test]
    async fn an_answer_without_headers_means_no_per_route_limit() {
        let buckets = Buckets::default();
        let soon = Instant::now() + Duration::from_millis(50);
        let first = buckets.acquire("GET /guilds/1/roles", soon).await.unwrap();
        buckets.answered("GET /guilds/1/roles", &HeaderMap::new());
        let _second = buckets.acquire("GET /guilds/1/roles", soon).await.unwrap();
        let _third = buckets.acquire("GET /guilds/1/roles", soon).await.unwrap();
        drop(first);
    }
}
