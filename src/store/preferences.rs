//! Members' own choices: `/notify on|off` per streamer.

use super::{Db, StoreResult, WriteTx, on_db};
use crate::ids::{GuildId, TwitchUserId, UserId};

impl Db {
    pub async fn set_notify_preference(
        &self,
        guild_id: GuildId,
        user_id: UserId,
        twitch_id: &TwitchUserId,
        notify: bool,
        now: i64,
    ) -> StoreResult<()> {
        on_db!(self, |pool| {
            sqlx::query(
                "INSERT INTO user_preferences (guild_id, user_id, twitch_id, notify, updated_at) \
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT (guild_id, user_id, twitch_id) \
                 DO UPDATE SET notify = excluded.notify, updated_at = excluded.updated_at",
            )
            .bind(guild_id)
            .bind(user_id)
            .bind(twitch_id)
            .bind(notify)
            .bind(now)
            .execute(pool)
            .await
            .map(drop)
        })
    }

    /// Deletes members' choices about streamers their server does not
    /// follow (any more): the unfollow deletes them itself; this catches a
    /// choice saved while the server was unfollowing. Returns how many.
    pub async fn forget_unfollowed_preferences(&self) -> StoreResult<u64> {
        on_db!(self, |pool| {
            let result = sqlx::query(
                "DELETE FROM user_preferences WHERE NOT EXISTS (SELECT 1 FROM guild_streamers gs \
                 WHERE gs.guild_id = user_preferences.guild_id AND gs.twitch_id = user_preferences.twitch_id)",
            )
            .execute(pool)
            .await?;
            Ok(result.rows_affected())
        })
    }

    /// The member's explicit choices in this guild: (twitch id, notify).
    pub async fn notify_preferences(
        &self,
        guild_id: GuildId,
        user_id: UserId,
    ) -> StoreResult<Vec<(TwitchUserId, bool)>> {
        on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT twitch_id, notify FROM user_preferences WHERE guild_id = $1 AND user_id = $2 \
                 ORDER BY twitch_id",
            )
            .bind(guild_id)
            .bind(user_id)
            .fetch_all(pool)
            .await
        })
    }
}

impl Db {
    /// Erases what the bot keeps about a member in a guild: their choices and
    /// form drafts go, and their id is cleared from the streamers, routes
    /// and teams they added. Returns how many choices and drafts went.
    pub async fn forget_member(&self, guild_id: GuildId, user_id: UserId) -> StoreResult<u64> {
        on_db!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            let mut erased = 0;
            for delete in [
                "DELETE FROM user_preferences WHERE guild_id = $1 AND user_id = $2",
                "DELETE FROM template_drafts WHERE guild_id = $1 AND user_id = $2",
            ] {
                erased += sqlx::query(delete)
                    .bind(guild_id)
                    .bind(user_id)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
            }
            for clear in [
                "UPDATE guild_streamers SET added_by = NULL WHERE guild_id = $1 AND added_by = $2",
                "UPDATE routes SET added_by = NULL WHERE guild_id = $1 AND added_by = $2",
                "UPDATE team_follows SET added_by = NULL WHERE guild_id = $1 AND added_by = $2",
            ] {
                sqlx::query(clear)
                    .bind(guild_id)
                    .bind(user_id)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok(erased)
        })
    }
}
