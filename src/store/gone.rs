//! Servers that removed the bot: the mark set when Discord confirms the bot
//! lost the server, and the removal of the server's data once the grace
//! period has passed.

use super::{Db, StoreResult, WriteTx, on_db};
use crate::ids::{GuildId, TwitchUserId};

impl Db {
    /// Marks the guild as having removed the bot, as of `now`; false when
    /// it was marked already (the first mark's time stands) or is unknown.
    pub async fn mark_guild_gone(&self, guild_id: GuildId, now: i64) -> StoreResult<bool> {
        on_db!(self, |pool| {
            let result = sqlx::query(
                "UPDATE guild_config SET gone_since = $2 \
                 WHERE guild_id = $1 AND gone_since IS NULL",
            )
            .bind(guild_id)
            .bind(now)
            .execute(pool)
            .await?;
            Ok(result.rows_affected() == 1)
        })
    }

    /// The guild answers again: clears its mark; false if it had none.
    pub async fn clear_guild_gone(&self, guild_id: GuildId) -> StoreResult<bool> {
        on_db!(self, |pool| {
            let result = sqlx::query(
                "UPDATE guild_config SET gone_since = NULL \
                 WHERE guild_id = $1 AND gone_since IS NOT NULL",
            )
            .bind(guild_id)
            .execute(pool)
            .await?;
            Ok(result.rows_affected() == 1)
        })
    }

    /// Up to `limit` guilds marked gone at or before `cutoff`, longest
    /// gone first.
    pub async fn guilds_gone_before(&self, cutoff: i64, limit: i64) -> StoreResult<Vec<GuildId>> {
        on_db!(self, |pool| {
            sqlx::query_scalar(
                "SELECT guild_id FROM guild_config \
                 WHERE gone_since IS NOT NULL AND gone_since <= $1 \
                 ORDER BY gone_since, guild_id LIMIT $2",
            )
            .bind(cutoff)
            .bind(limit)
            .fetch_all(pool)
            .await
        })
    }

    /// Removes everything the guild has (its configuration, follows,
    /// routes, outbox rows, members' preferences, template drafts: every
    /// table with a `guild_id` goes with the `guilds` row), if it is still
    /// marked gone at or before `cutoff`. Returns the streamers it
    /// followed (whose subscriptions may now go), or `None` when nothing
    /// was removed (the mark was cleared meanwhile, or the guild is gone).
    pub async fn remove_gone_guild(
        &self,
        guild_id: GuildId,
        cutoff: i64,
    ) -> StoreResult<Option<Vec<TwitchUserId>>> {
        self.remove_guild_data(guild_id, Some(cutoff)).await
    }

    /// Removes everything the guild has, on request (`streammaxing forget
    /// --guild`): like [`Db::remove_gone_guild`] without the grace period.
    /// Returns the streamers it followed, or `None` for an unknown guild.
    pub async fn forget_guild(&self, guild_id: GuildId) -> StoreResult<Option<Vec<TwitchUserId>>> {
        self.remove_guild_data(guild_id, None).await
    }

    /// Both of the above: with a `cutoff`, only a guild marked gone by then.
    async fn remove_guild_data(
        &self,
        guild_id: GuildId,
        cutoff: Option<i64>,
    ) -> StoreResult<Option<Vec<TwitchUserId>>> {
        on_db!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            let followed: Vec<TwitchUserId> = sqlx::query_scalar(
                "SELECT twitch_id FROM guild_streamers WHERE guild_id = $1 ORDER BY twitch_id",
            )
            .bind(guild_id)
            .fetch_all(&mut *tx)
            .await?;
            let removed = sqlx::query(
                "DELETE FROM guilds WHERE guild_id = $1 AND ($2 IS NULL OR EXISTS (SELECT 1 \
                 FROM guild_config WHERE guild_id = $1 AND gone_since IS NOT NULL AND gone_since <= $2))",
            )
            .bind(guild_id)
            .bind(cutoff)
            .execute(&mut *tx)
            .await?
            .rows_affected()
                == 1;
            if !removed {
                return Ok(None);
            }
            tx.commit().await?;
            Ok(Some(followed))
        })
    }
}
