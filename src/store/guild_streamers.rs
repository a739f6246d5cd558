//! Which guild tracks which streamer, with per-streamer overrides.

use super::{Db, PingMode, StoreResult, Streamer, on_db};
use crate::ids::{ChannelId, GuildId, RoleId, TwitchUserId, UserId};

/// Settings a guild can override for one streamer; `None` inherits the
/// guild's configuration.
#[derive(Debug, Clone, Default, PartialEq, sqlx::FromRow)]
pub struct StreamerOverrides {
    pub channel_id: Option<ChannelId>,
    /// Discord's channel type for `channel_id`.
    pub channel_kind: Option<i32>,
    pub ping_mode: Option<PingMode>,
    pub ping_role_id: Option<RoleId>,
    pub template: Option<String>,
}

/// The columns of a [`TrackedStreamer`] (and the guild, as
/// `tracking_guild_id`) from `guild_streamers gs` joined to `streamers s`.
macro_rules! tracked_from {
    () => {
        "SELECT gs.guild_id AS tracking_guild_id, s.*, gs.channel_id, gs.channel_kind, \
         gs.ping_mode, gs.ping_role_id, gs.template, gs.notify_role_id, gs.added_by, gs.added_at \
         FROM guild_streamers gs JOIN streamers s ON s.twitch_id = gs.twitch_id"
    };
}

/// A streamer as one guild tracks it.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct TrackedStreamer {
    #[sqlx(flatten)]
    pub streamer: Streamer,
    #[sqlx(flatten)]
    pub overrides: StreamerOverrides,
    /// The role the bot manages for `/notify` on this streamer, once created.
    pub notify_role_id: Option<RoleId>,
    pub added_by: Option<UserId>,
    pub added_at: i64,
}

impl Db {
    /// Starts tracking; returns false if the guild already tracked it.
    pub async fn track_streamer(
        &self,
        guild_id: GuildId,
        twitch_id: &TwitchUserId,
        added_by: Option<UserId>,
        now: i64,
    ) -> StoreResult<bool> {
        on_db!(self, |pool| {
            let result = sqlx::query(
                "INSERT INTO guild_streamers (guild_id, twitch_id, added_by, added_at) \
                 VALUES ($1, $2, $3, $4) ON CONFLICT (guild_id, twitch_id) DO NOTHING",
            )
            .bind(guild_id)
            .bind(twitch_id)
            .bind(added_by)
            .bind(now)
            .execute(pool)
            .await?;
            Ok(result.rows_affected() == 1)
        })
    }

    /// Stops tracking; returns false if the guild did not track it.
    pub async fn untrack_streamer(
        &self,
        guild_id: GuildId,
        twitch_id: &TwitchUserId,
    ) -> StoreResult<bool> {
        on_db!(self, |pool| {
            let result =
                sqlx::query("DELETE FROM guild_streamers WHERE guild_id = $1 AND twitch_id = $2")
                    .bind(guild_id)
                    .bind(twitch_id)
                    .execute(pool)
                    .await?;
            Ok(result.rows_affected() == 1)
        })
    }

    /// The guild's streamers, by login.
    pub async fn tracked_streamers(&self, guild_id: GuildId) -> StoreResult<Vec<TrackedStreamer>> {
        on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT s.*, gs.channel_id, gs.channel_kind, gs.ping_mode, gs.ping_role_id, gs.template, \
                 gs.notify_role_id, gs.added_by, gs.added_at \
                 FROM guild_streamers gs JOIN streamers s ON s.twitch_id = gs.twitch_id \
                 WHERE gs.guild_id = $1 ORDER BY s.login",
            )
            .bind(guild_id)
            .fetch_all(pool)
            .await
        })
    }

    /// `twitch_id` as each of `guild_ids` tracks it (those that do), in one
    /// query, keyed by guild: the delivery worker loads a whole claim's at
    /// once.
    pub async fn tracked_streamer_in(
        &self,
        twitch_id: &TwitchUserId,
        guild_ids: &[GuildId],
    ) -> StoreResult<Vec<(GuildId, TrackedStreamer)>> {
        macro_rules! select {
            ($guilds:literal) => {
                concat!(tracked_from!(), " WHERE gs.twitch_id = $1 AND ", $guilds)
            };
        }
        #[derive(sqlx::FromRow)]
        struct Row {
            tracking_guild_id: GuildId,
            #[sqlx(flatten)]
            tracked: TrackedStreamer,
        }
        let rows: Vec<Row> = match self {
            Db::Sqlite(pool) => {
                sqlx::query_as(select!("gs.guild_id IN (SELECT value FROM json_each($2))"))
                    .bind(twitch_id)
                    .bind(super::id_list(guild_ids))
                    .fetch_all(pool)
                    .await?
            }
            Db::Postgres(pool) => {
                sqlx::query_as(select!("gs.guild_id = ANY($2)"))
                    .bind(twitch_id)
                    .bind(super::raw_ids(guild_ids))
                    .fetch_all(pool)
                    .await?
            }
        };
        Ok(rows
            .into_iter()
            .map(|r| (r.tracking_guild_id, r.tracked))
            .collect())
    }

    /// One tracked streamer of a guild.
    pub async fn tracked_streamer(
        &self,
        guild_id: GuildId,
        twitch_id: &TwitchUserId,
    ) -> StoreResult<Option<TrackedStreamer>> {
        on_db!(self, |pool| {
            sqlx::query_as(concat!(
                tracked_from!(),
                " WHERE gs.guild_id = $1 AND gs.twitch_id = $2"
            ))
            .bind(guild_id)
            .bind(twitch_id)
            .fetch_optional(pool)
            .await
        })
    }

    /// Every streamer at least one guild tracks.
    pub async fn tracked_twitch_ids(&self) -> StoreResult<Vec<TwitchUserId>> {
        on_db!(self, |pool| {
            sqlx::query_scalar("SELECT DISTINCT twitch_id FROM guild_streamers ORDER BY twitch_id")
                .fetch_all(pool)
                .await
        })
    }

    /// How many guilds track the streamer (0 means its subscriptions can go).
    pub async fn tracking_guild_count(&self, twitch_id: &TwitchUserId) -> StoreResult<i64> {
        on_db!(self, |pool| {
            sqlx::query_scalar("SELECT COUNT(*) FROM guild_streamers WHERE twitch_id = $1")
                .bind(twitch_id)
                .fetch_one(pool)
                .await
        })
    }

    /// Replaces the guild's overrides for one streamer.
    pub async fn set_streamer_overrides(
        &self,
        guild_id: GuildId,
        twitch_id: &TwitchUserId,
        o: &StreamerOverrides,
    ) -> StoreResult<bool> {
        on_db!(self, |pool| {
            let result = sqlx::query(
                "UPDATE guild_streamers SET channel_id = $3, ping_mode = $4, ping_role_id = $5, \
                 template = $6, channel_kind = $7 WHERE guild_id = $1 AND twitch_id = $2",
            )
            .bind(guild_id)
            .bind(twitch_id)
            .bind(o.channel_id)
            .bind(o.ping_mode)
            .bind(o.ping_role_id)
            .bind(o.template.as_deref())
            .bind(o.channel_kind)
            .execute(pool)
            .await?;
            Ok(result.rows_affected() == 1)
        })
    }

    /// Remembers the notification role the bot created for this streamer.
    pub async fn set_notify_role(
        &self,
        guild_id: GuildId,
        twitch_id: &TwitchUserId,
        role_id: Option<RoleId>,
    ) -> StoreResult<bool> {
        on_db!(self, |pool| {
            let result = sqlx::query(
                "UPDATE guild_streamers SET notify_role_id = $3 WHERE guild_id = $1 AND twitch_id = $2",
            )
            .bind(guild_id)
            .bind(twitch_id)
            .bind(role_id)
            .execute(pool)
            .await?;
            Ok(result.rows_affected() == 1)
        })
    }
}
