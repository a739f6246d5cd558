//! Templates typed into `/template edit` that did not validate, kept for a
//! while so the member can fix them without retyping.

use super::{Db, StoreResult, on_db};
use crate::ids::{ChannelId, GuildId, TwitchUserId, UserId};

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct TemplateDraft {
    pub id: i64,
    pub guild_id: GuildId,
    pub user_id: UserId,
    pub twitch_id: Option<TwitchUserId>,
    /// With `twitch_id`: only that streamer's route in this channel.
    pub channel_id: Option<ChannelId>,
    pub template: String,
    pub created_at: i64,
}

impl Db {
    pub async fn save_template_draft(
        &self,
        guild_id: GuildId,
        user_id: UserId,
        twitch_id: Option<&TwitchUserId>,
        channel_id: Option<ChannelId>,
        template: &str,
        now: i64,
    ) -> StoreResult<i64> {
        on_db!(self, |pool| {
            sqlx::query_scalar(
                "INSERT INTO template_drafts (guild_id, user_id, twitch_id, channel_id, template, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(guild_id)
            .bind(user_id)
            .bind(twitch_id)
            .bind(channel_id)
            .bind(template)
            .bind(now)
            .fetch_one(pool)
            .await
        })
    }

    /// A draft, only for the member who typed it, in the guild it was typed in.
    pub async fn template_draft(
        &self,
        id: i64,
        guild_id: GuildId,
        user_id: UserId,
    ) -> StoreResult<Option<TemplateDraft>> {
        on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT id, guild_id, user_id, twitch_id, channel_id, template, created_at FROM template_drafts \
                 WHERE id = $1 AND guild_id = $2 AND user_id = $3",
            )
            .bind(id)
            .bind(guild_id)
            .bind(user_id)
            .fetch_optional(pool)
            .await
        })
    }

    pub async fn forget_template_drafts_before(&self, cutoff: i64) -> StoreResult<u64> {
        on_db!(self, |pool| {
            let result = sqlx::query("DELETE FROM template_drafts WHERE created_at < $1")
                .bind(cutoff)
                .execute(pool)
                .await?;
            Ok(result.rows_affected())
        })
    }
}
