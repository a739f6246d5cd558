//! Failure injection for a stand-in: some requests fail the ways a real
//! platform fails under load (5xx, 429 with `retry_after`, answers that
//! never come in time, connections closed without an answer).
//!
//! Random faults are decided per request from a seed, the request's path
//! and how many requests that path has had, so a run reproduces from its
//! seed (printed at the start; set `CHAOS_SEED` to replay one) whatever
//! order concurrent requests arrive in. Scripted faults hit the next
//! request whose path contains a given part.

use std::{collections::HashMap, time::Duration};

/// What one request suffers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fault {
    /// 500, 502 or 503 with a JSON error body.
    ServerError(u16),
    /// 429 with `retry_after` in the body and Discord's headers.
    RateLimited { retry_after: f64, global: bool },
    /// The answer comes after `for_` (longer than the client waits);
    /// `accepted`: the request took effect before the wait.
    Hang { for_: Duration, accepted: bool },
    /// The connection is closed without an answer; `accepted`: the request
    /// took effect first.
    Drop { accepted: bool },
}

impl Fault {
    pub fn kind(&self) -> &'static str {
        match self {
            Fault::ServerError(_) => "5xx",
            Fault::RateLimited { .. } => "429",
            Fault::Hang { .. } => "hang",
            Fault::Drop { .. } => "drop",
        }
    }
}

/// How long a hung answer takes: past the bot's 10-second client timeout.
pub const HANG: Duration = Duration::from_secs(12);

/// Random faults one path suffers in a row at most: a request that failed
/// this many times in a row gets through. Failing at random, a path can
/// otherwise draw a streak long enough (6 in a row: 0.2⁶ per path, about
/// once in 15 runs of 1,000 channels) that the bot's growing backoff, not
/// any fault of its own, outlasts a test's bound; a channel failing for
/// minutes is an outage, which `faults::database_down` and the hung-request
/// tests cover on their own. Three faults cost at most 3 × 10 s of client
/// timeouts and 14 s of backoff.
const MAX_STREAK: u32 = 3;

pub struct Chaos {
    pub seed: u64,
    /// Share of matching requests that fail at random.
    rate: f64,
    /// Only requests whose path contains this part are touched.
    only: String,
    /// Requests seen so far, by path.
    seen: HashMap<String, u64>,
    /// Random faults in a row, by path (see [`MAX_STREAK`]).
    streaks: HashMap<String, u32>,
    scripted: Vec<(String, Fault)>,
    /// Every fault injected, with its path, in order.
    pub injected: Vec<(String, Fault)>,
    /// Requests that matched `only`.
    pub requests: u64,
}

impl Chaos {
    /// Fails `rate` of the requests whose path contains `only`, seeded from
    /// `CHAOS_SEED` or at random (the seed is printed either way).
    pub fn random(rate: f64, only: &str) -> Self {
        let seed = std::env::var("CHAOS_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| fastrand::u64(..));
        eprintln!("chaos: seed {seed} (CHAOS_SEED={seed} replays this run), {rate} of {only}");
        Self {
            rate,
            ..Self::scripted(seed, only)
        }
    }

    /// No random faults: only those added with [`Chaos::script`].
    pub fn scripted(seed: u64, only: &str) -> Self {
        Self {
            seed,
            rate: 0.0,
            only: only.to_owned(),
            seen: HashMap::new(),
            streaks: HashMap::new(),
            scripted: Vec::new(),
            injected: Vec::new(),
            requests: 0,
        }
    }

    /// The next request whose path contains `path_part` suffers `fault`.
    pub fn script(&mut self, path_part: &str, fault: Fault) {
        self.scripted.push((path_part.to_owned(), fault));
    }

    /// Decides what the request to `path` suffers, if anything.
    pub fn roll(&mut self, method: &str, path: &str) -> Option<Fault> {
        if !path.contains(self.only.as_str()) {
            return None;
        }
        self.requests += 1;
        let fault = match self.scripted.iter().position(|(p, _)| path.contains(p)) {
            Some(i) => Some(self.scripted.remove(i).1),
            None => self.random_fault(method, path),
        };
        if let Some(fault) = fault {
            self.injected.push((path.to_owned(), fault));
        }
        fault
    }

    fn random_fault(&mut self, method: &str, path: &str) -> Option<Fault> {
        let nth = self.seen.entry(format!("{method} {path}")).or_default();
        *nth += 1;
        let key = fnv1a(format!("{method} {path} {nth}").as_bytes());
        let mut rng = fastrand::Rng::with_seed(self.seed ^ key);
        let streak = self.streaks.entry(format!("{method} {path}")).or_default();
        if rng.f64() >= self.rate || *streak >= MAX_STREAK {
            *streak = 0;
            return None;
        }
        *streak += 1;
        // A mix weighted toward what Discord does most: 5xx and 429s, with
        // the slow and the vanished answers that hurt the most.
        Some(match rng.u8(0..100) {
            0..30 => Fault::ServerError([500, 502, 503][rng.usize(0..3)]),
            30..60 => Fault::RateLimited {
                retry_after: f64::from(rng.u32(100..1_500)) / 1_000.0,
                global: rng.u8(0..10) == 0,
            },
            60..80 => Fault::Hang {
                for_: HANG,
                accepted: rng.bool(),
            },
            _ => Fault::Drop {
                accepted: rng.bool(),
            },
        })
    }

    /// Faults injected so far, by kind, in a stable order.
    pub fn counts(&self) -> Vec<(&'static str, usize)> {
        ["5xx", "429", "hang", "drop"]
            .into_iter()
            .map(|kind| {
                let n = self
                    .injected
                    .iter()
                    .filter(|(_, f)| f.kind() == kind)
                    .count();
                (kind, n)
            })
            .collect()
    }

    /// Faults after which the request had still taken effect.
    pub fn accepted_anyway(&self) -> usize {
        self.injected
            .iter()
            .filter(|(_, f)| {
                matches!(
                    f,
                    Fault::Hang { accepted: true, .. } | Fault::Drop { accepted: true }
                )
            })
            .count()
    }
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}
