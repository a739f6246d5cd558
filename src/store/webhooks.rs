//! The bot's webhook in each channel that posts as the streamer
//! (`channel_webhooks`): created on first use, one per channel however many
//! deliveries race to create it, replaced when an admin deletes it.

use secrecy::SecretString;

use super::{Db, StoreResult, on_db};
use crate::ids::{ChannelId, GuildId, WebhookId};

/// A channel's webhook. The token lets anyone post as it: it is a secret
/// (it never prints, not even in `Debug`).
#[derive(Debug, Clone)]
pub struct ChannelWebhook {
    pub id: WebhookId,
    pub token: SecretString,
}

#[derive(sqlx::FromRow)]
struct Row {
    webhook_id: WebhookId,
    token: String,
}

impl Db {
    /// The webhook stored for `channel_id`, if any.
    pub async fn channel_webhook(
        &self,
        channel_id: ChannelId,
    ) -> StoreResult<Option<ChannelWebhook>> {
        let row: Option<Row> = on_db!(self, |pool| {
            sqlx::query_as("SELECT webhook_id, token FROM channel_webhooks WHERE channel_id = $1")
                .bind(channel_id)
                .fetch_optional(pool)
                .await
        })?;
        Ok(row.map(|r| ChannelWebhook {
            id: r.webhook_id,
            token: r.token.into(),
        }))
    }

    /// Stores `webhook` as the channel's only if the one stored is still
    /// `replacing` (none yet, or the one found deleted): of deliveries that
    /// each created one at the same moment, one wins; false tells the others
    /// to delete theirs and use the winner's.
    pub async fn claim_channel_webhook(
        &self,
        guild_id: GuildId,
        channel_id: ChannelId,
        replacing: Option<WebhookId>,
        webhook: &ChannelWebhook,
        now: i64,
    ) -> StoreResult<bool> {
        use secrecy::ExposeSecret as _;
        let token = webhook.token.expose_secret();
        let affected = on_db!(self, |pool| match replacing {
            None => {
                sqlx::query(
                    "INSERT INTO channel_webhooks (channel_id, guild_id, webhook_id, token, created_at) \
                     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (channel_id) DO NOTHING",
                )
                .bind(channel_id)
                .bind(guild_id)
                .bind(webhook.id)
                .bind(token)
                .bind(now)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
            }
            Some(old) => {
                sqlx::query(
                    "UPDATE channel_webhooks SET webhook_id = $3, token = $4, created_at = $5 \
                     WHERE channel_id = $1 AND webhook_id = $2",
                )
                .bind(channel_id)
                .bind(old)
                .bind(webhook.id)
                .bind(token)
                .bind(now)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
            }
        })?;
        Ok(affected == 1)
    }
}
