//! Discord's global budget for one bot token, shared by every process:
//! a generic cell rate algorithm whose one number, the earliest free send
//! slot, lives in the database. A booking of `count` slots moves it forward
//! by `count × spacing` in one atomic statement, so two processes never get
//! the same slot, whatever their number.
//!
//! On Postgres the slots are on the database's own clock (`clock_timestamp()`),
//! so instances on machines whose clocks disagree still interleave; the
//! answer carries that clock's "now" and the caller only uses the
//! difference. SQLite is shared by processes of one machine, on one clock,
//! which the statement reads itself (a "now" taken before waiting for the
//! write lock would be stale by the wait).

use std::time::Duration;

use super::{Db, StoreResult};

/// The answer to a booking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Booking {
    /// The first booked slot is this far from now; the others follow it
    /// one spacing apart.
    Booked { first_in: Duration },
    /// Every slot before this wait is taken already: nothing was booked.
    Full { free_in: Duration },
}

fn micros(d: Duration) -> i64 {
    i64::try_from(d.as_micros()).unwrap_or(i64::MAX)
}

fn until(from_us: i64, to_us: i64) -> Duration {
    Duration::from_micros(u64::try_from(to_us - from_us).unwrap_or(0))
}

impl Db {
    /// Books `count` send slots `spacing` apart for `bot`, unless the first
    /// free one is more than `max_wait` away.
    pub async fn book_discord_slots(
        &self,
        bot: &str,
        count: u32,
        spacing: Duration,
        max_wait: Duration,
    ) -> StoreResult<Booking> {
        let span = micros(spacing) * i64::from(count.max(1));
        let booked: Option<(i64, i64)> = match self {
            Db::Postgres(pool) => {
                // clock_timestamp(), not a CTE's one reading: the row lock
                // may be waited for, and the clock must be read after it.
                sqlx::query_as(
                    "INSERT INTO discord_budget (bot, next_free_us) \
                     VALUES ($1, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint + $2) \
                     ON CONFLICT (bot) DO UPDATE \
                     SET next_free_us = GREATEST(discord_budget.next_free_us, \
                         (extract(epoch FROM clock_timestamp()) * 1000000)::bigint) + $2 \
                     WHERE discord_budget.next_free_us <= \
                         (extract(epoch FROM clock_timestamp()) * 1000000)::bigint + $3 \
                     RETURNING next_free_us, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint",
                )
                .bind(bot)
                .bind(span)
                .bind(micros(max_wait))
                .fetch_optional(pool)
                .await?
            }
            Db::Sqlite(pool) => {
                sqlx::query_as(
                    "INSERT INTO discord_budget (bot, next_free_us) \
                     VALUES ($1, CAST(unixepoch('subsec') * 1000000 AS INTEGER) + $2) \
                     ON CONFLICT (bot) DO UPDATE \
                     SET next_free_us = MAX(discord_budget.next_free_us, \
                         CAST(unixepoch('subsec') * 1000000 AS INTEGER)) + $2 \
                     WHERE discord_budget.next_free_us <= \
                         CAST(unixepoch('subsec') * 1000000 AS INTEGER) + $3 \
                     RETURNING next_free_us, CAST(unixepoch('subsec') * 1000000 AS INTEGER)",
                )
                .bind(bot)
                .bind(span)
                .bind(micros(max_wait))
                .fetch_optional(pool)
                .await?
            }
        };
        if let Some((next_free, now)) = booked {
            return Ok(Booking::Booked {
                first_in: until(now, next_free - span),
            });
        }
        let (next_free, now) = self.discord_budget_next_free(bot).await?;
        Ok(Booking::Full {
            free_in: until(now, next_free),
        })
    }

    /// No slot for `bot` before `wait` from now (Discord answered a global
    /// 429): every process pauses, not only the one that was told.
    pub async fn pause_discord_budget(&self, bot: &str, wait: Duration) -> StoreResult<()> {
        match self {
            Db::Postgres(pool) => {
                sqlx::query(
                    "INSERT INTO discord_budget (bot, next_free_us) VALUES ($1, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint + $2) \
                     ON CONFLICT (bot) DO UPDATE \
                     SET next_free_us = GREATEST(discord_budget.next_free_us, EXCLUDED.next_free_us)",
                )
                .bind(bot)
                .bind(micros(wait))
                .execute(pool)
                .await?;
            }
            Db::Sqlite(pool) => {
                sqlx::query(
                    "INSERT INTO discord_budget (bot, next_free_us) \
                     VALUES ($1, CAST(unixepoch('subsec') * 1000000 AS INTEGER) + $2) \
                     ON CONFLICT (bot) DO UPDATE \
                     SET next_free_us = MAX(discord_budget.next_free_us, EXCLUDED.next_free_us)",
                )
                .bind(bot)
                .bind(micros(wait))
                .execute(pool)
                .await?;
            }
        }
        Ok(())
    }

    /// The earliest free slot and the clock's now, both in microseconds.
    async fn discord_budget_next_free(&self, bot: &str) -> StoreResult<(i64, i64)> {
        let found: Option<(i64, i64)> = match self {
            Db::Postgres(pool) => {
                sqlx::query_as(
                    "SELECT next_free_us, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint FROM discord_budget WHERE bot = $1",
                )
                .bind(bot)
                .fetch_optional(pool)
                .await?
            }
            Db::Sqlite(pool) => {
                sqlx::query_as(
                    "SELECT next_free_us, CAST(unixepoch('subsec') * 1000000 AS INTEGER) \
                     FROM discord_budget WHERE bot = $1",
                )
                .bind(bot)
                    .fetch_optional(pool)
                    .await?
            }
        };
        Ok(found.unwrap_or((0, 0)))
    }
}
