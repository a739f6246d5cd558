//! Limits on what one client may cost: a token bucket per client address
//! with a bounded number of clients remembered, and the gate in front of
//! the CPU-bound template rendering ([`RenderLimits`]).

use std::{
    collections::HashMap,
    net::IpAddr,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use tokio::sync::Semaphore;

/// Renders a client may start at once; the web editor renders 250 ms after
/// the last keystroke, so a burst this size is a long typing spurt.
pub const RENDER_BURST: u32 = 20;
/// Renders per second a client earns back: faster than the editor asks while
/// someone types.
pub const RENDER_PER_SECOND: u32 = 4;
/// Clients whose buckets are remembered (about 40 bytes each). Past this,
/// buckets that have filled up again are forgotten; if none has, new clients
/// share one bucket until some have.
pub const MAX_CLIENTS: usize = 10_000;
/// How long a render waits for a free worker before the answer is 503:
/// long enough that two editors rendering at once both get through, short
/// enough that a flood is told to come back rather than queued.
pub const RENDER_QUEUE_WAIT: Duration = Duration::from_millis(250);

/// What the template rendering route may use: a rate per client, and a few
/// blocking workers (half the cores, at least one) so that the other half
/// keep answering Discord whatever the editor's callers send.
pub struct RenderLimits {
    pub rate: ClientRate,
    pub workers: Arc<Semaphore>,
}

impl Default for RenderLimits {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        Self {
            rate: ClientRate::new(RENDER_BURST, RENDER_PER_SECOND, MAX_CLIENTS),
            workers: Arc::new(Semaphore::new((cores / 2).max(1))),
        }
    }
}

/// A token bucket per client; `None` is the client whose address is
/// unknown (and the overflow when [`MAX_CLIENTS`] are remembered).
pub struct ClientRate {
    buckets: Mutex<HashMap<Option<IpAddr>, Bucket>>,
    burst: f64,
    per_second: f64,
    max_clients: usize,
}

#[derive(Clone, Copy)]
struct Bucket {
    tokens: f64,
    at: Instant,
}

impl Bucket {
    fn refilled(self, now: Instant, burst: f64, per_second: f64) -> f64 {
        let earned = now.saturating_duration_since(self.at).as_secs_f64() * per_second;
        (self.tokens + earned).min(burst)
    }
}

impl ClientRate {
    pub fn new(burst: u32, per_second: u32, max_clients: usize) -> Self {
        Self {
            buckets: Mutex::new(HashMap::new()),
            burst: f64::from(burst.max(1)),
            per_second: f64::from(per_second.max(1)),
            max_clients: max_clients.max(1),
        }
    }

    /// Takes one token from `client`'s bucket, or says how long until it
    /// has one.
    pub fn check(&self, client: Option<IpAddr>, now: Instant) -> Result<(), Duration> {
        let (burst, per_second) = (self.burst, self.per_second);
        // A panic elsewhere cannot leave a bucket half-updated: use it anyway.
        let mut buckets = self
            .buckets
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut key = client;
        if !buckets.contains_key(&key) && buckets.len() >= self.max_clients {
            buckets.retain(|_, b| b.refilled(now, burst, per_second) < burst);
            if buckets.len() >= self.max_clients {
                key = None;
            }
        }
        let bucket = buckets.entry(key).or_insert(Bucket {
            tokens: burst,
            at: now,
        });
        let tokens = bucket.refilled(now, burst, per_second);
        if tokens >= 1.0 {
            *bucket = Bucket {
                tokens: tokens - 1.0,
                at: now,
            };
            Ok(())
        } else {
            *bucket = Bucket { tokens, at: now };
            Err(Duration::from_secs_f64((1.0 - tokens) / per_second))
        }
    }

    /// How many clients are remembered.
    pub fn clients(&self) -> usize {
        self.buckets
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(n: u32) -> Option<IpAddr> {
        Some(IpAddr::from(n.to_be_bytes()))
    }

    #[test]
    fn a_client_gets_its_burst_then_waits_for_the_rate() {
        let rate = ClientRate::new(3, 2, 100);
        let t0 = Instant::now();
        for _ in 0..3 {
            assert_eq!(rate.check(ip(1), t0), Ok(()));
        }
        assert_eq!(rate.check(ip(1), t0), Err(Duration::from_millis(500)));
        assert_eq!(
            rate.check(ip(2), t0),
            Ok(()),
            "another client is not held back"
        );
        let later = t0 + Duration::from_millis(500);
        assert_eq!(rate.check(ip(1), later), Ok(()));
        assert!(rate.check(ip(1), later).is_err());
    }

    #[test]
    fn the_clients_remembered_stay_bounded() {
        let rate = ClientRate::new(2, 1, 10);
        let t0 = Instant::now();
        for n in 0..1000 {
            let _ = rate.check(ip(n), t0);
        }
        assert!(rate.clients() <= 11, "{}", rate.clients());
        // Past the bound, newcomers share one bucket: the flood is limited too.
        assert!(rate.check(ip(5000), t0).is_err());
        // Once the old buckets have filled up again they are forgotten.
        let later = t0 + Duration::from_secs(10);
        assert_eq!(rate.check(ip(6000), later), Ok(()));
        assert!(rate.clients() <= 2, "{}", rate.clients());
    }
}
