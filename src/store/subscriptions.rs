//! Twitch EventSub subscriptions as we last knew them.

use super::{
    Db, StoreResult, WriteTx, on_db,
    text::{text_column, text_serde},
};
use crate::ids::{GuildId, TwitchUserId};

/// Twitch's status of a subscription. Twitch may add statuses: one it
/// doesn't know yet is kept as it was spelled.
#[derive(Debug, Clone, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum SubscriptionStatus {
    Enabled,
    WebhookCallbackVerificationPending,
    WebhookCallbackVerificationFailed,
    NotificationFailuresExceeded,
    AuthorizationRevoked,
    ModeratorRemoved,
    UserRemoved,
    VersionRemoved,
    ChatUserBanned,
    BetaMaintenance,
    #[strum(default)]
    Other(String),
}

impl SubscriptionStatus {
    /// Delivering, or about to once Twitch's challenge is answered.
    pub fn is_healthy(&self) -> bool {
        matches!(
            self,
            Self::Enabled | Self::WebhookCallbackVerificationPending
        )
    }

    /// A revocation after which subscribing again can succeed.
    pub fn allows_resubscribing(&self) -> bool {
        matches!(
            self,
            Self::NotificationFailuresExceeded | Self::VersionRemoved | Self::AuthorizationRevoked
        )
    }
}

/// The EventSub types the bot subscribes to (and any other Twitch sends).
#[derive(Debug, Clone, PartialEq, Eq, Hash, strum::EnumString, strum::IntoStaticStr)]
pub enum SubscriptionType {
    #[strum(serialize = "stream.online")]
    StreamOnline,
    #[strum(serialize = "stream.offline")]
    StreamOffline,
    #[strum(serialize = "channel.update")]
    ChannelUpdate,
    #[strum(default)]
    Other(String),
}

/// Spelled as Twitch spells it; unknown spellings as they came.
macro_rules! spelled_as_twitch {
    ($ty:ty) => {
        impl AsRef<str> for $ty {
            fn as_ref(&self) -> &str {
                match self {
                    Self::Other(text) => text,
                    known => known.into(),
                }
            }
        }
        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.pad(self.as_ref())
            }
        }
        text_column!($ty);
        text_serde!($ty);
    };
}
spelled_as_twitch!(SubscriptionStatus);
spelled_as_twitch!(SubscriptionType);

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Subscription {
    pub subscription_id: String,
    pub twitch_id: TwitchUserId,
    pub sub_type: SubscriptionType,
    pub version: String,
    pub status: SubscriptionStatus,
    pub cost: i32,
    pub revoked_reason: Option<String>,
    /// When a revoked subscription should be created again, if it should.
    pub resubscribe_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

macro_rules! subscription_columns {
    () => {
        "subscription_id, twitch_id, sub_type, version, status, cost, \
     revoked_reason, resubscribe_at, created_at, updated_at"
    };
}

impl Db {
    /// Records a subscription Twitch reported (created or listed). A streamer
    /// has one subscription per type: a new id replaces the old row. An
    /// `enabled` row stays enabled when a late "verification pending" answer
    /// arrives after the challenge was already answered.
    pub async fn upsert_subscription(&self, s: &Subscription) -> StoreResult<()> {
        on_db!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            sqlx::query(
                "DELETE FROM eventsub_subscriptions WHERE twitch_id = $1 AND sub_type = $2 \
                 AND subscription_id <> $3",
            )
            .bind(&s.twitch_id)
            .bind(&s.sub_type)
            .bind(&s.subscription_id)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO eventsub_subscriptions (subscription_id, twitch_id, sub_type, version, \
                 status, cost, revoked_reason, resubscribe_at, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
                 ON CONFLICT (subscription_id) DO UPDATE SET \
                 status = CASE WHEN eventsub_subscriptions.status = 'enabled' \
                   AND excluded.status = 'webhook_callback_verification_pending' \
                   THEN eventsub_subscriptions.status ELSE excluded.status END, \
                 cost = excluded.cost, revoked_reason = excluded.revoked_reason, \
                 resubscribe_at = excluded.resubscribe_at, updated_at = excluded.updated_at",
            )
            .bind(&s.subscription_id)
            .bind(&s.twitch_id)
            .bind(&s.sub_type)
            .bind(&s.version)
            .bind(&s.status)
            .bind(s.cost)
            .bind(s.revoked_reason.as_deref())
            .bind(s.resubscribe_at)
            .bind(s.created_at)
            .bind(s.updated_at)
            .execute(&mut *tx)
            .await?;
            tx.commit().await
        })
    }

    /// Records a subscription whose challenge was answered as enabled, in
    /// one statement and only while a guild tracks the streamer: a late
    /// challenge can't bring back a subscription deleted after the last
    /// guild stopped tracking. Returns whether it was recorded.
    pub async fn record_confirmed_subscription(&self, s: &Subscription) -> StoreResult<bool> {
        on_db!(self, |pool| {
            let result = sqlx::query(
                "INSERT INTO eventsub_subscriptions (subscription_id, twitch_id, sub_type, version, \
                 status, cost, created_at, updated_at) \
                 SELECT $1, $2, $3, $4, 'enabled', $5, $6, $6 \
                 WHERE EXISTS (SELECT 1 FROM guild_streamers WHERE twitch_id = $2) \
                 ON CONFLICT (subscription_id) DO UPDATE SET status = 'enabled', updated_at = excluded.updated_at",
            )
            .bind(&s.subscription_id)
            .bind(&s.twitch_id)
            .bind(&s.sub_type)
            .bind(&s.version)
            .bind(s.cost)
            .bind(s.updated_at)
            .execute(pool)
            .await?;
            Ok(result.rows_affected() == 1)
        })
    }

    pub async fn set_subscription_status(
        &self,
        subscription_id: &str,
        status: &str,
        now: i64,
    ) -> StoreResult<bool> {
        on_db!(self, |pool| {
            let result = sqlx::query(
                "UPDATE eventsub_subscriptions SET status = $2, updated_at = $3 WHERE subscription_id = $1",
            )
            .bind(subscription_id)
            .bind(status)
            .bind(now)
            .execute(pool)
            .await?;
            Ok(result.rows_affected() == 1)
        })
    }

    /// Marks a subscription revoked with Twitch's reason, and when to
    /// subscribe again (if ever). Returns the updated row.
    pub async fn mark_subscription_revoked(
        &self,
        subscription_id: &str,
        reason: &str,
        resubscribe_at: Option<i64>,
        now: i64,
    ) -> StoreResult<Option<Subscription>> {
        on_db!(self, |pool| {
            sqlx::query_as(concat!(
                "UPDATE eventsub_subscriptions SET status = $2, revoked_reason = $2, \
                 resubscribe_at = $3, updated_at = $4 WHERE subscription_id = $1 RETURNING ",
                subscription_columns!()
            ))
            .bind(subscription_id)
            .bind(reason)
            .bind(resubscribe_at)
            .bind(now)
            .fetch_optional(pool)
            .await
        })
    }

    pub async fn subscriptions_for(
        &self,
        twitch_id: &TwitchUserId,
    ) -> StoreResult<Vec<Subscription>> {
        on_db!(self, |pool| {
            sqlx::query_as(concat!(
                "SELECT ",
                subscription_columns!(),
                " FROM eventsub_subscriptions WHERE twitch_id = $1 ORDER BY sub_type"
            ))
            .bind(twitch_id)
            .fetch_all(pool)
            .await
        })
    }

    /// The subscriptions of every streamer this guild tracks, in one query.
    pub async fn guild_subscriptions(&self, guild_id: GuildId) -> StoreResult<Vec<Subscription>> {
        on_db!(self, |pool| {
            sqlx::query_as(concat!(
                "SELECT ",
                subscription_columns!(),
                " FROM eventsub_subscriptions WHERE twitch_id IN \
                 (SELECT twitch_id FROM guild_streamers WHERE guild_id = $1) ORDER BY twitch_id, sub_type"
            ))
            .bind(guild_id)
            .fetch_all(pool)
            .await
        })
    }

    pub async fn all_subscriptions(&self) -> StoreResult<Vec<Subscription>> {
        on_db!(self, |pool| {
            sqlx::query_as(concat!(
                "SELECT ",
                subscription_columns!(),
                " FROM eventsub_subscriptions ORDER BY twitch_id, sub_type"
            ))
            .fetch_all(pool)
            .await
        })
    }

    /// Revoked subscriptions whose resubscription is due at `now`.
    pub async fn subscriptions_due_for_resubscribe(
        &self,
        now: i64,
    ) -> StoreResult<Vec<Subscription>> {
        on_db!(self, |pool| {
            sqlx::query_as(concat!(
                "SELECT ",
                subscription_columns!(),
                " FROM eventsub_subscriptions WHERE resubscribe_at IS NOT NULL AND resubscribe_at <= $1 \
                 ORDER BY resubscribe_at"
            ))
            .bind(now)
            .fetch_all(pool)
            .await
        })
    }

    pub async fn delete_subscription(&self, subscription_id: &str) -> StoreResult<bool> {
        on_db!(self, |pool| {
            let result =
                sqlx::query("DELETE FROM eventsub_subscriptions WHERE subscription_id = $1")
                    .bind(subscription_id)
                    .execute(pool)
                    .await?;
            Ok(result.rows_affected() == 1)
        })
    }
}
