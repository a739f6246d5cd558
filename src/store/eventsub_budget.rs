//! Twitch's EventSub budget as last reported, and the streamers waiting for
//! room in it.

use super::{Db, StoreResult, on_db};
use crate::ids::TwitchUserId;

/// What Twitch reports with every subscription list and every creation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::FromRow)]
pub struct Budget {
    pub total: i64,
    pub total_cost: i64,
    pub max_total_cost: i64,
    pub observed_at: i64,
    pub freed_at: i64,
}

impl Budget {
    /// Whether `cost` more still fits under the maximum.
    pub fn fits(&self, cost: i64) -> bool {
        cost <= 0 || self.total_cost.saturating_add(cost) <= self.max_total_cost
    }

    /// What is left to spend.
    pub fn room(&self) -> i64 {
        (self.max_total_cost - self.total_cost).max(0)
    }
}

/// A streamer whose subscriptions Twitch refused for lack of budget.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Refusal {
    pub twitch_id: TwitchUserId,
    pub refused_at: i64,
    pub message: String,
}

impl Db {
    /// Records Twitch's numbers as of `now` (when the request that got them
    /// was sent): a report older than what is kept changes nothing.
    /// `freed_at` moves when room grew (a lower total cost or a higher
    /// maximum).
    pub async fn record_budget(
        &self,
        total: i64,
        total_cost: i64,
        max_total_cost: i64,
        now: i64,
    ) -> StoreResult<()> {
        on_db!(self, |pool| {
            sqlx::query(
                "INSERT INTO eventsub_budget (id, total, total_cost, max_total_cost, observed_at, freed_at) \
                 VALUES (1, $1, $2, $3, $4, $4) \
                 ON CONFLICT (id) DO UPDATE SET total = excluded.total, total_cost = excluded.total_cost, \
                 max_total_cost = excluded.max_total_cost, observed_at = excluded.observed_at, \
                 freed_at = CASE WHEN excluded.max_total_cost - excluded.total_cost \
                   > eventsub_budget.max_total_cost - eventsub_budget.total_cost \
                   THEN excluded.observed_at ELSE eventsub_budget.freed_at END \
                 WHERE excluded.observed_at >= eventsub_budget.observed_at",
            )
            .bind(total)
            .bind(total_cost)
            .bind(max_total_cost)
            .bind(now)
            .execute(pool)
            .await?;
            Ok(())
        })
    }

    /// A subscription costing `cost` was deleted at `now`: Twitch does not
    /// report the budget on deletion, so it is counted down here (and a
    /// report asked for before now no longer overwrites it).
    pub async fn budget_released(&self, cost: i64, now: i64) -> StoreResult<()> {
        on_db!(self, |pool| {
            sqlx::query(
                "UPDATE eventsub_budget SET total = CASE WHEN total > 0 THEN total - 1 ELSE 0 END, \
                 total_cost = CASE WHEN total_cost > $1 THEN total_cost - $1 ELSE 0 END, \
                 observed_at = CASE WHEN observed_at > $2 THEN observed_at ELSE $2 END, \
                 freed_at = CASE WHEN $1 > 0 THEN $2 ELSE freed_at END WHERE id = 1",
            )
            .bind(cost.max(0))
            .bind(now)
            .execute(pool)
            .await?;
            Ok(())
        })
    }

    /// The budget as Twitch last reported it; None before the first report.
    pub async fn budget(&self) -> StoreResult<Option<Budget>> {
        on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT total, total_cost, max_total_cost, observed_at, freed_at \
                 FROM eventsub_budget WHERE id = 1",
            )
            .fetch_optional(pool)
            .await
        })
    }

    /// Records that Twitch refused a streamer's subscription for lack of
    /// budget; returns whether this is news (it was not waiting already).
    pub async fn record_refusal(
        &self,
        twitch_id: &TwitchUserId,
        message: &str,
        now: i64,
    ) -> StoreResult<bool> {
        on_db!(self, |pool| {
            let waiting: Option<i64> =
                sqlx::query_scalar("SELECT refused_at FROM eventsub_refusals WHERE twitch_id = $1")
                    .bind(twitch_id)
                    .fetch_optional(pool)
                    .await?;
            sqlx::query(
                "INSERT INTO eventsub_refusals (twitch_id, refused_at, message) VALUES ($1, $2, $3) \
                 ON CONFLICT (twitch_id) DO UPDATE SET refused_at = excluded.refused_at, \
                 message = excluded.message",
            )
            .bind(twitch_id)
            .bind(now)
            .bind(message)
            .execute(pool)
            .await?;
            Ok(waiting.is_none())
        })
    }

    /// The streamer no longer waits (subscribed, linked or unfollowed).
    pub async fn clear_refusal(&self, twitch_id: &TwitchUserId) -> StoreResult<bool> {
        on_db!(self, |pool| {
            let result = sqlx::query("DELETE FROM eventsub_refusals WHERE twitch_id = $1")
                .bind(twitch_id)
                .execute(pool)
                .await?;
            Ok(result.rows_affected() == 1)
        })
    }

    pub async fn refusal(&self, twitch_id: &TwitchUserId) -> StoreResult<Option<Refusal>> {
        on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT twitch_id, refused_at, message FROM eventsub_refusals WHERE twitch_id = $1",
            )
            .bind(twitch_id)
            .fetch_optional(pool)
            .await
        })
    }

    /// Streamers some server follows: how many, and how many of them linked
    /// their Twitch account (their subscriptions cost nothing).
    pub async fn followed_streamer_counts(&self) -> StoreResult<(i64, i64)> {
        on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT COUNT(*), COALESCE(SUM(CASE WHEN linked THEN 1 ELSE 0 END), 0) FROM streamers \
                 WHERE twitch_id IN (SELECT twitch_id FROM guild_streamers)",
            )
            .fetch_one(pool)
            .await
        })
    }

    pub async fn refusals(&self) -> StoreResult<Vec<Refusal>> {
        on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT twitch_id, refused_at, message FROM eventsub_refusals ORDER BY refused_at, twitch_id",
            )
            .fetch_all(pool)
            .await
        })
    }
}
