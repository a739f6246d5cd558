//! Subscriptions replaced by a cheaper one after their streamer linked:
//! kept on Twitch until the replacement is enabled, then deleted.

use super::{Db, StoreResult, on_db};
use crate::ids::TwitchUserId;

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Superseded {
    pub subscription_id: String,
    pub twitch_id: TwitchUserId,
    pub replaced_by: String,
    /// What it costs against the budget until it is deleted.
    pub cost: i64,
    pub created_at: i64,
}

impl Db {
    /// `old` keeps delivering until `new` is enabled, then goes.
    pub async fn record_superseded(&self, s: &Superseded) -> StoreResult<()> {
        on_db!(self, |pool| {
            sqlx::query(
                "INSERT INTO eventsub_superseded (subscription_id, twitch_id, replaced_by, cost, created_at) \
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT (subscription_id) DO UPDATE SET \
                 replaced_by = excluded.replaced_by",
            )
            .bind(&s.subscription_id)
            .bind(&s.twitch_id)
            .bind(&s.replaced_by)
            .bind(s.cost)
            .bind(s.created_at)
            .execute(pool)
            .await?;
            Ok(())
        })
    }

    /// Superseded subscriptions, all or one streamer's.
    pub async fn superseded(
        &self,
        twitch_id: Option<&TwitchUserId>,
    ) -> StoreResult<Vec<Superseded>> {
        on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT subscription_id, twitch_id, replaced_by, cost, created_at FROM eventsub_superseded \
                 WHERE $1 IS NULL OR twitch_id = $1 ORDER BY created_at, subscription_id",
            )
            .bind(twitch_id)
            .fetch_all(pool)
            .await
        })
    }

    pub async fn forget_superseded(&self, subscription_id: &str) -> StoreResult<bool> {
        on_db!(self, |pool| {
            let result = sqlx::query("DELETE FROM eventsub_superseded WHERE subscription_id = $1")
                .bind(subscription_id)
                .execute(pool)
                .await?;
            Ok(result.rows_affected() == 1)
        })
    }
}
