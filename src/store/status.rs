//! What the operator's `streammaxing status` reads: the whole bot, from the
//! database alone.

use super::{Attention, Db, StoreResult, on_db};
use crate::ids::{ChannelId, GuildId, TwitchUserId};

/// A route that stopped until an admin acts.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow, serde::Serialize)]
pub struct BrokenRoute {
    pub guild_id: GuildId,
    pub guild_name: Option<String>,
    pub route_id: i64,
    pub streamer: String,
    pub channel_id: Option<ChannelId>,
    pub reason: Attention,
    pub detail: Option<String>,
    pub since: Option<i64>,
}

/// A delivery that failed (or is retrying), newest first.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow, serde::Serialize)]
pub struct DeliveryError {
    pub guild_id: GuildId,
    pub twitch_id: TwitchUserId,
    pub state: String,
    pub attempts: i64,
    pub error: String,
    pub at: i64,
}

impl Db {
    /// Up to `limit` routes needing attention, longest broken first.
    pub async fn broken_routes(&self, limit: i64) -> StoreResult<Vec<BrokenRoute>> {
        on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT r.guild_id, g.name AS guild_name, r.id AS route_id, s.login AS streamer, \
                 r.channel_id, r.needs_attention AS reason, r.needs_attention_detail AS detail, \
                 r.needs_attention_since AS since FROM routes r \
                 JOIN guilds g ON g.guild_id = r.guild_id JOIN streamers s ON s.twitch_id = r.twitch_id \
                 WHERE r.needs_attention IS NOT NULL \
                 ORDER BY r.needs_attention_since, r.id LIMIT $1",
            )
            .bind(limit)
            .fetch_all(pool)
            .await
        })
    }

    /// How many routes need attention.
    pub async fn broken_route_count(&self) -> StoreResult<i64> {
        on_db!(self, |pool| {
            sqlx::query_scalar("SELECT COUNT(*) FROM routes WHERE needs_attention IS NOT NULL")
                .fetch_one(pool)
                .await
        })
    }

    /// Notifications waiting to be delivered.
    pub async fn pending_notifications(&self) -> StoreResult<i64> {
        on_db!(self, |pool| {
            sqlx::query_scalar("SELECT COUNT(*) FROM notification_log WHERE state = 'pending'")
                .fetch_one(pool)
                .await
        })
    }

    /// The latest `limit` deliveries that recorded an error.
    pub async fn recent_delivery_errors(&self, limit: i64) -> StoreResult<Vec<DeliveryError>> {
        on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT guild_id, twitch_id, state, CAST(attempts AS BIGINT) AS attempts, \
                 last_error AS error, updated_at AS at FROM notification_log \
                 WHERE last_error IS NOT NULL ORDER BY updated_at DESC, id DESC LIMIT $1",
            )
            .bind(limit)
            .fetch_all(pool)
            .await
        })
    }

    /// Servers marked as having removed the bot (awaiting the grace period).
    pub async fn gone_guild_count(&self) -> StoreResult<i64> {
        on_db!(self, |pool| {
            sqlx::query_scalar("SELECT COUNT(*) FROM guild_config WHERE gone_since IS NOT NULL")
                .fetch_one(pool)
                .await
        })
    }
}
