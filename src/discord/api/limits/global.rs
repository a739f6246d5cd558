//! Discord's global limit, counted per bot token: 50 requests a second
//! (or the higher limit Discord granted a large bot).
//!
//! Sends are paced evenly, one slot every 20.8 ms (4 % under the limit, so
//! a late send never tips a one-second window over it). With a database,
//! the slots are booked in it ([`crate::store::Booking`]): every process of
//! the bot (two `serve`s, a dozen warm Lambda instances) draws from the one
//! budget, a few slots at a time (as many as it has requests waiting, up to
//! half a second's worth), so a fan-out costs one booking per batch, not
//! one per message. A process whose slots fire late (it was busy) still
//! waits until its last 50 sends span a second. A global 429 pauses every
//! process. If the database cannot be reached, the process paces itself
//! alone for a minute rather than stop talking to Discord.

use std::{
    collections::VecDeque,
    sync::{Mutex, MutexGuard},
    time::{Duration, Instant},
};

use tokio::sync::Notify;

use crate::{
    discord::api::DiscordError,
    store::{Booking, Db},
};

/// Slots are this much further apart than the limit allows: a send whose
/// slot fired up to 40 ms late (a busy process, a slow network) still never
/// makes a one-second window hold more than the limit.
const MARGIN: f64 = 1.04;
/// Slots booked at once, at most: half a second at 50/s.
const BATCH: u32 = 25;
/// A slot this far in the past is not used: sent now, the request would
/// bunch up with the slots after it (another process's, maybe).
const STALE: Duration = Duration::from_millis(10);
/// A request refused because every slot within its wait is booked comes
/// back this much before the first free one.
const RETURN_EARLY: Duration = Duration::from_secs(3);
/// How long the process paces itself after the database failed a booking.
const ALONE_FOR: Duration = Duration::from_secs(60);

/// The budget every process shares: the database and the bot's key in it
/// (a digest of the token, never the token).
pub struct Shared {
    pub db: Db,
    pub bot: String,
}

pub struct Global {
    /// Time between two sends; `None` sends as fast as Discord answers.
    spacing: Option<Duration>,
    per_second: u32,
    shared: Option<Shared>,
    state: Mutex<State>,
    changed: Notify,
}

#[derive(Default)]
struct State {
    /// No request before this: a global 429, or every shared slot before
    /// it is booked.
    paused_until: Option<Instant>,
    /// Pacing alone (no shared budget, or the database failed): the
    /// earliest next slot.
    next_slot: Option<Instant>,
    alone_until: Option<Instant>,
    /// Slots booked in the shared budget, not used yet.
    booked: VecDeque<Instant>,
    booking: bool,
    /// Requests waiting for a slot (the size of the next booking).
    waiting: u32,
    /// When this process's last sends went, one paced second's worth.
    sent: VecDeque<Instant>,
}

/// What a waiting request does next.
enum Next {
    Go(Instant),
    Sleep(Instant),
    WaitForBooking,
    Book(u32),
}

/// Counts a request as waiting while it is (also when it is dropped).
struct Waiting<'a>(&'a Global);

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        let mut state = self.0.lock();
        state.waiting = state.waiting.saturating_sub(1);
    }
}

/// Marks a booking as under way; ends it even if the request is dropped
/// mid-booking.
struct BookingUnderWay<'a>(&'a Global);

impl Drop for BookingUnderWay<'_> {
    fn drop(&mut self) {
        self.0.lock().booking = false;
        self.0.changed.notify_waiters();
    }
}

impl Global {
    pub fn new(per_second: u32, shared: Option<Shared>) -> Self {
        Self {
            spacing: (per_second > 0).then(|| Duration::from_secs(1).mul_f64(MARGIN) / per_second),
            per_second,
            shared,
            state: Mutex::default(),
            changed: Notify::new(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Waits for this request's global slot; gives up with `RateLimited`
    /// when that would take past `deadline`.
    pub async fn take_slot(&self, deadline: Instant) -> Result<(), DiscordError> {
        let Some(spacing) = self.spacing else {
            return Ok(());
        };
        loop {
            let slot = self.slot(spacing, deadline).await?;
            tokio::time::sleep_until(slot.into()).await;
            // Woken late (a busy process): sent now, this request would
            // bunch up with the slots after it, maybe another process's.
            // A slot missed is a slot lost, never a burst.
            if Instant::now() <= slot + STALE {
                break;
            }
        }
        self.take_window_place().await;
        Ok(())
    }

    async fn slot(&self, spacing: Duration, deadline: Instant) -> Result<Instant, DiscordError> {
        self.lock().waiting += 1;
        let _waiting = Waiting(self);
        loop {
            let changed = self.changed.notified();
            tokio::pin!(changed);
            changed.as_mut().enable();
            match self.next(spacing, deadline)? {
                Next::Go(slot) => return Ok(slot),
                Next::Sleep(until) => tokio::time::sleep_until(until.into()).await,
                Next::WaitForBooking => changed.await,
                Next::Book(count) => self.book(count, spacing, deadline).await?,
            }
        }
    }

    fn next(&self, spacing: Duration, deadline: Instant) -> Result<Next, DiscordError> {
        let mut state = self.lock();
        let now = Instant::now();
        if let Some(until) = state.paused_until.filter(|until| *until > now) {
            if until > deadline {
                return Err(DiscordError::RateLimited {
                    retry_after: until - now,
                    global: true,
                });
            }
            return Ok(Next::Sleep(until));
        }
        if self.shared.is_none() || state.alone_until.is_some_and(|until| until > now) {
            let slot = state.next_slot.map_or(now, |next| next.max(now));
            state.next_slot = Some(slot + spacing);
            return Ok(Next::Go(slot));
        }
        while state.booked.front().is_some_and(|slot| *slot + STALE < now) {
            state.booked.pop_front();
        }
        if let Some(slot) = state.booked.pop_front() {
            return Ok(Next::Go(slot));
        }
        if state.booking {
            return Ok(Next::WaitForBooking);
        }
        state.booking = true;
        Ok(Next::Book(state.waiting.clamp(1, BATCH)))
    }

    /// Books `count` slots in the shared budget.
    async fn book(
        &self,
        count: u32,
        spacing: Duration,
        deadline: Instant,
    ) -> Result<(), DiscordError> {
        let _under_way = BookingUnderWay(self);
        let Some(shared) = &self.shared else {
            return Ok(());
        };
        let max_wait = deadline.saturating_duration_since(Instant::now());
        let booked = shared
            .db
            .book_discord_slots(&shared.bot, count, spacing, max_wait)
            .await;
        let now = Instant::now();
        let mut state = self.lock();
        match booked {
            Ok(Booking::Booked { first_in }) => {
                let first = now + first_in;
                state.booked.extend((0..count).map(|i| first + spacing * i));
                Ok(())
            }
            Ok(Booking::Full { free_in }) => {
                let until = now + free_in;
                state.paused_until = Some(state.paused_until.map_or(until, |u| u.max(until)));
                // Come back while the slots booked ahead still run, so the
                // next booking follows them without a gap.
                Err(DiscordError::RateLimited {
                    retry_after: free_in
                        .saturating_sub(RETURN_EARLY)
                        .max(Duration::from_millis(250)),
                    global: true,
                })
            }
            Err(e) => {
                tracing::warn!(
                    error = %e,
                    "could not book Discord's shared budget; pacing this process alone for a minute"
                );
                state.alone_until = Some(now + ALONE_FOR);
                Ok(())
            }
        }
    }

    /// Records a send, first waiting while the last `per_second` sends all
    /// fall within one second (slots that fired late, all at once, because
    /// the process was busy).
    async fn take_window_place(&self) {
        let window = Duration::from_millis(1_005);
        loop {
            let wait = {
                let mut state = self.lock();
                let now = Instant::now();
                while state
                    .sent
                    .front()
                    .is_some_and(|at| now.duration_since(*at) >= window)
                {
                    state.sent.pop_front();
                }
                match state.sent.front() {
                    Some(oldest) if state.sent.len() >= self.per_second as usize => {
                        (*oldest + window).saturating_duration_since(now)
                    }
                    _ => {
                        state.sent.push_back(now);
                        return;
                    }
                }
            };
            tokio::time::sleep(wait).await;
        }
    }

    /// A global 429: no request of any process before `wait` has passed.
    pub async fn pause(&self, wait: Duration) {
        {
            let mut state = self.lock();
            let until = Instant::now() + wait;
            state.paused_until = Some(state.paused_until.map_or(until, |u| u.max(until)));
            state.booked.clear();
        }
        if let Some(shared) = &self.shared
            && let Err(e) = shared.db.pause_discord_budget(&shared.bot, wait).await
        {
            tracing::warn!(error = %e, "could not share Discord's global pause");
        }
    }
}
