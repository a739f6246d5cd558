//! Which server follows which streamer (`guild_streamers`), and where each
//! follow posts: its alert routes (`routes`). A route is (server, streamer,
//! channel) with its own ping, template, filters, on/off switch and health,
//! so one broken channel stops only its own route.

use serde::{Deserialize, Serialize};

use super::{
    Db, PingMode, StoreResult, Streamer, WriteTx, on_db,
    text::{json_column, text_column},
};
use crate::ids::{ChannelId, GuildId, RoleId, TwitchUserId, UserId};

/// Why a route's notifications stopped until an admin acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumString, strum::AsRefStr, strum::Display)]
#[strum(serialize_all = "snake_case")]
pub enum Attention {
    /// No notification channel is set.
    NoChannel,
    /// The notification channel was deleted.
    UnknownChannel,
    /// The webhook notifications went through was deleted.
    UnknownWebhook,
    /// The bot may not post in the channel.
    MissingPermissions,
}

text_column!(Attention);
super::text::text_serde!(Attention);

/// A Twitch category (game), stored by id and shown by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    pub id: String,
    pub name: String,
}

/// Which streams a route announces. Empty lists don't filter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RouteFilters {
    /// Announce only while the stream is in one of these categories.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub games: Vec<Category>,
    /// Never announce while the stream is in one of these categories.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skip_games: Vec<Category>,
    /// Announce only when the title has one of these words or phrases.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub title_has: Vec<String>,
    /// Never announce when the title has one of these words or phrases.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub title_skips: Vec<String>,
}

impl RouteFilters {
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }
}

json_column!(RouteFilters);

/// One alert route. `None` settings follow the server's (`/setup`).
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Route {
    #[sqlx(rename = "r_id")]
    pub id: i64,
    #[sqlx(rename = "r_guild_id")]
    pub guild_id: GuildId,
    #[sqlx(rename = "r_twitch_id")]
    pub twitch_id: TwitchUserId,
    /// `None`: the server's channel, followed when it changes.
    #[sqlx(rename = "r_channel_id")]
    pub channel_id: Option<ChannelId>,
    /// Discord's channel type for `channel_id` (5 = announcement).
    #[sqlx(rename = "r_channel_kind")]
    pub channel_kind: Option<i32>,
    #[sqlx(rename = "r_ping_mode")]
    pub ping_mode: Option<PingMode>,
    #[sqlx(rename = "r_ping_role_id")]
    pub ping_role_id: Option<RoleId>,
    /// The route's template as JSON; `None` uses the server's.
    #[sqlx(rename = "r_template")]
    pub template: Option<String>,
    #[sqlx(rename = "r_filters")]
    pub filters: Option<RouteFilters>,
    #[sqlx(rename = "r_enabled")]
    pub enabled: bool,
    /// Why this route stopped until an admin acts, with the fix.
    #[sqlx(rename = "r_needs_attention")]
    pub needs_attention: Option<Attention>,
    #[sqlx(rename = "r_needs_attention_detail")]
    pub needs_attention_detail: Option<String>,
    #[sqlx(rename = "r_needs_attention_since")]
    pub needs_attention_since: Option<i64>,
    #[sqlx(rename = "r_added_by")]
    pub added_by: Option<UserId>,
    #[sqlx(rename = "r_added_at")]
    pub added_at: i64,
    /// The Twitch Team whose roster added this route (`None`: named by hand).
    #[sqlx(rename = "r_team_id")]
    pub team_id: Option<String>,
}

impl Route {
    /// The route's filters (none stored: none).
    pub fn filters(&self) -> RouteFilters {
        self.filters.clone().unwrap_or_default()
    }
}

/// A route with its streamer and the server's opt-in role for them.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct TrackedRoute {
    #[sqlx(flatten)]
    pub streamer: Streamer,
    #[sqlx(flatten)]
    pub route: Route,
    /// The role the bot manages for `/notify` on this streamer in this
    /// server (shared by the streamer's routes), once created.
    pub notify_role_id: Option<RoleId>,
}

/// What changes on a route; `None` keeps the stored value.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RouteEdit {
    /// The channel (`None` inside: the server's) and its Discord type.
    pub channel: Option<(Option<ChannelId>, Option<i32>)>,
    /// Whom it pings (`None` inside: the server's choice) and the role.
    pub ping: Option<(Option<PingMode>, Option<RoleId>)>,
    /// The template JSON (`None` inside: the server's).
    pub template: Option<Option<String>>,
    pub enabled: Option<bool>,
}

/// The columns of a [`Route`], from `routes r`.
macro_rules! route_columns {
    () => {
        "r.id AS r_id, r.guild_id AS r_guild_id, r.twitch_id AS r_twitch_id, \
         r.channel_id AS r_channel_id, r.channel_kind AS r_channel_kind, \
         r.ping_mode AS r_ping_mode, r.ping_role_id AS r_ping_role_id, r.template AS r_template, \
         r.filters AS r_filters, r.enabled AS r_enabled, r.needs_attention AS r_needs_attention, \
         r.needs_attention_detail AS r_needs_attention_detail, \
         r.needs_attention_since AS r_needs_attention_since, r.added_by AS r_added_by, r.team_id AS r_team_id, \
         r.added_at AS r_added_at"
    };
}

/// A [`TrackedRoute`]: the route, its streamer, the follow's opt-in role.
macro_rules! tracked_from {
    () => {
        concat!(
            "SELECT s.*, ",
            route_columns!(),
            ", gs.notify_role_id FROM routes r \
             JOIN guild_streamers gs ON gs.guild_id = r.guild_id AND gs.twitch_id = r.twitch_id \
             JOIN streamers s ON s.twitch_id = r.twitch_id"
        )
    };
}

/// Inserts route (`$1` guild, `$2` streamer, `$3` channel, `$4` its type,
/// `$5` who, `$6` when) unless that channel already has one.
const INSERT_ROUTE: &str = "INSERT INTO routes (guild_id, twitch_id, channel_id, channel_kind, \
     added_by, added_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) \
     ON CONFLICT (guild_id, twitch_id, COALESCE(channel_id, 0)) DO NOTHING";

/// The server follows (`$1` guild, `$2` streamer, `$3` who, `$4` when).
const INSERT_FOLLOW: &str = "INSERT INTO guild_streamers (guild_id, twitch_id, added_by, added_at) \
     VALUES ($1, $2, $3, $4) ON CONFLICT (guild_id, twitch_id) DO NOTHING";

/// What a server's unfollow also does: its members' choices about the
/// streamer go (`$1` guild, `$2` streamer), and the streamer's row is
/// touched ([`TOUCH_STREAMER`]), so that its profile is forgotten a grace
/// period after the last server stopped following
/// ([`Db::forget_unfollowed_streamers`]).
const FORGET_CHOICES: &str = "DELETE FROM user_preferences WHERE guild_id = $1 AND twitch_id = $2";

/// Marks the streamer's row (`$1`) as changed at `$2`, never back in time.
const TOUCH_STREAMER: &str = "UPDATE streamers SET updated_at = CASE WHEN updated_at < $2 \
     THEN $2 ELSE updated_at END WHERE twitch_id = $1";

/// Where a route was added, and whether it is new.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Added {
    pub route_id: i64,
    /// A new route (false: that channel already had one).
    pub new_route: bool,
    /// The server did not follow the streamer before.
    pub new_follow: bool,
}

impl Db {
    /// Follows the streamer with a route to the server's channel; returns
    /// false if the server already followed them.
    pub async fn track_streamer(
        &self,
        guild_id: GuildId,
        twitch_id: &TwitchUserId,
        added_by: Option<UserId>,
        now: i64,
    ) -> StoreResult<bool> {
        let added = self
            .add_route(guild_id, twitch_id, None, added_by, now)
            .await?;
        Ok(added.new_follow)
    }

    /// Adds a route to `channel` (`None`: the server's channel, with its
    /// Discord type), following the streamer first if needed, in one
    /// transaction; an existing route for that channel is kept as it is.
    pub async fn add_route(
        &self,
        guild_id: GuildId,
        twitch_id: &TwitchUserId,
        channel: Option<(ChannelId, i32)>,
        added_by: Option<UserId>,
        now: i64,
    ) -> StoreResult<Added> {
        let (channel_id, kind) = (channel.map(|c| c.0), channel.map(|c| c.1));
        on_db!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            // Touched (and locked) first: the sweep of unfollowed profiles
            // keeps it, or the follow below fails on the missing streamer.
            sqlx::query(TOUCH_STREAMER)
                .bind(twitch_id)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            let new_follow = sqlx::query(INSERT_FOLLOW)
                .bind(guild_id)
                .bind(twitch_id)
                .bind(added_by)
                .bind(now)
                .execute(&mut *tx)
                .await?
                .rows_affected()
                == 1;
            let new_route = sqlx::query(INSERT_ROUTE)
                .bind(guild_id)
                .bind(twitch_id)
                .bind(channel_id)
                .bind(kind)
                .bind(added_by)
                .bind(now)
                .execute(&mut *tx)
                .await?
                .rows_affected()
                == 1;
            let route_id: i64 = sqlx::query_scalar(
                "SELECT id FROM routes WHERE guild_id = $1 AND twitch_id = $2 \
                 AND COALESCE(channel_id, 0) = COALESCE($3, 0)",
            )
            .bind(guild_id)
            .bind(twitch_id)
            .bind(channel_id)
            .fetch_one(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(Added {
                route_id,
                new_route,
                new_follow,
            })
        })
    }

    /// Applies `edit` to the route, field by field (what it leaves out is
    /// kept, whoever else changes the route meanwhile); false if it's gone.
    pub async fn edit_route(&self, route_id: i64, edit: &RouteEdit, now: i64) -> StoreResult<bool> {
        let (channel, kind) = edit.channel.unwrap_or_default();
        let (mode, role) = edit.ping.unwrap_or_default();
        on_db!(self, |pool| {
            let result = sqlx::query(
                "UPDATE routes SET \
                 channel_id = CASE WHEN $2 THEN $3 ELSE channel_id END, \
                 channel_kind = CASE WHEN $2 THEN $4 ELSE channel_kind END, \
                 ping_mode = CASE WHEN $5 THEN $6 ELSE ping_mode END, \
                 ping_role_id = CASE WHEN $5 THEN $7 ELSE ping_role_id END, \
                 template = CASE WHEN $8 THEN $9 ELSE template END, \
                 enabled = COALESCE($10, enabled), updated_at = $11 WHERE id = $1",
            )
            .bind(route_id)
            .bind(edit.channel.is_some())
            .bind(channel)
            .bind(kind)
            .bind(edit.ping.is_some())
            .bind(mode)
            .bind(role)
            .bind(edit.template.is_some())
            .bind(edit.template.clone().flatten())
            .bind(edit.enabled)
            .bind(now)
            .execute(pool)
            .await?;
            Ok(result.rows_affected() == 1)
        })
    }

    /// Changes the route's filters with `change`, holding the route's row
    /// while it does, so two admins editing filters at once both count.
    /// Returns the filters as saved, or `None` if the route is gone.
    pub async fn edit_filters(
        &self,
        route_id: i64,
        change: impl FnOnce(&mut RouteFilters),
        now: i64,
    ) -> StoreResult<Option<RouteFilters>> {
        on_db!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            // Writing first takes the row (Postgres) or the database
            // (SQLite) before the read, so no one saves in between.
            let found = sqlx::query("UPDATE routes SET updated_at = $2 WHERE id = $1")
                .bind(route_id)
                .bind(now)
                .execute(&mut *tx)
                .await?
                .rows_affected()
                == 1;
            if !found {
                return Ok(None);
            }
            let stored: Option<RouteFilters> =
                sqlx::query_scalar("SELECT filters FROM routes WHERE id = $1")
                    .bind(route_id)
                    .fetch_one(&mut *tx)
                    .await?;
            let mut filters = stored.unwrap_or_default();
            change(&mut filters);
            let saved = Some(filters).filter(|f| !f.is_empty());
            sqlx::query("UPDATE routes SET filters = $2 WHERE id = $1")
                .bind(route_id)
                .bind(&saved)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(Some(saved.unwrap_or_default()))
        })
    }

    /// Removes one route; the server stops following the streamer when it
    /// was their last (see [`FORGET_CHOICES`]). Returns (route removed, follow
    /// gone).
    pub async fn remove_route(&self, route_id: i64, now: i64) -> StoreResult<(bool, bool)> {
        on_db!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            let removed: Option<(GuildId, TwitchUserId)> =
                sqlx::query_as("DELETE FROM routes WHERE id = $1 RETURNING guild_id, twitch_id")
                    .bind(route_id)
                    .fetch_optional(&mut *tx)
                    .await?;
            let Some((guild_id, twitch_id)) = removed else {
                return Ok((false, false));
            };
            let unfollowed = sqlx::query(
                "DELETE FROM guild_streamers WHERE guild_id = $1 AND twitch_id = $2 \
                 AND NOT EXISTS (SELECT 1 FROM routes WHERE guild_id = $1 AND twitch_id = $2)",
            )
            .bind(guild_id)
            .bind(&twitch_id)
            .execute(&mut *tx)
            .await?
            .rows_affected()
                == 1;
            if unfollowed {
                sqlx::query(FORGET_CHOICES)
                    .bind(guild_id)
                    .bind(&twitch_id)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query(TOUCH_STREAMER)
                    .bind(&twitch_id)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok((true, unfollowed))
        })
    }

    /// Stops following (every route goes, see [`FORGET_CHOICES`]); false if the
    /// guild did not.
    pub async fn untrack_streamer(
        &self,
        guild_id: GuildId,
        twitch_id: &TwitchUserId,
        now: i64,
    ) -> StoreResult<bool> {
        on_db!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            let unfollowed =
                sqlx::query("DELETE FROM guild_streamers WHERE guild_id = $1 AND twitch_id = $2")
                    .bind(guild_id)
                    .bind(twitch_id)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected()
                    == 1;
            if unfollowed {
                sqlx::query(FORGET_CHOICES)
                    .bind(guild_id)
                    .bind(twitch_id)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query(TOUCH_STREAMER)
                    .bind(twitch_id)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok(unfollowed)
        })
    }

    /// Every route of the server, by streamer login, then in the order
    /// they were added.
    pub async fn tracked_routes(&self, guild_id: GuildId) -> StoreResult<Vec<TrackedRoute>> {
        on_db!(self, |pool| {
            sqlx::query_as(concat!(
                tracked_from!(),
                " WHERE r.guild_id = $1 ORDER BY s.login, s.twitch_id, r.id"
            ))
            .bind(guild_id)
            .fetch_all(pool)
            .await
        })
    }

    /// One streamer's routes in the server, first added first.
    pub async fn streamer_routes(
        &self,
        guild_id: GuildId,
        twitch_id: &TwitchUserId,
    ) -> StoreResult<Vec<TrackedRoute>> {
        on_db!(self, |pool| {
            sqlx::query_as(concat!(
                tracked_from!(),
                " WHERE r.guild_id = $1 AND r.twitch_id = $2 ORDER BY r.id"
            ))
            .bind(guild_id)
            .bind(twitch_id)
            .fetch_all(pool)
            .await
        })
    }

    /// The streamer's first route in the server (the one a single-channel
    /// server has), if the server follows them.
    pub async fn tracked_streamer(
        &self,
        guild_id: GuildId,
        twitch_id: &TwitchUserId,
    ) -> StoreResult<Option<TrackedRoute>> {
        Ok(self
            .streamer_routes(guild_id, twitch_id)
            .await?
            .into_iter()
            .next())
    }

    pub async fn route(&self, route_id: i64) -> StoreResult<Option<TrackedRoute>> {
        on_db!(self, |pool| {
            sqlx::query_as(concat!(tracked_from!(), " WHERE r.id = $1"))
                .bind(route_id)
                .fetch_optional(pool)
                .await
        })
    }

    /// The routes with these ids (those that still exist), in one query:
    /// the delivery worker loads a whole claim's at once.
    pub async fn routes(&self, route_ids: &[i64]) -> StoreResult<Vec<TrackedRoute>> {
        match self {
            Db::Sqlite(pool) => {
                sqlx::query_as(concat!(
                    tracked_from!(),
                    " WHERE r.id IN (SELECT value FROM json_each($1))"
                ))
                .bind(serde_json::to_string(route_ids).unwrap_or_else(|_| "[]".into()))
                .fetch_all(pool)
                .await
            }
            Db::Postgres(pool) => {
                sqlx::query_as(concat!(tracked_from!(), " WHERE r.id = ANY($1)"))
                    .bind(route_ids)
                    .fetch_all(pool)
                    .await
            }
        }
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

    /// Stores `role` as the streamer's notification role only if the one
    /// stored is still `replacing` (none yet, or the one an admin deleted):
    /// of members opting in at the same moment, each creating a role, one
    /// wins; false tells the others to use the winner's and delete theirs.
    pub async fn claim_notify_role(
        &self,
        guild_id: GuildId,
        twitch_id: &TwitchUserId,
        replacing: Option<RoleId>,
        role: RoleId,
    ) -> StoreResult<bool> {
        on_db!(self, |pool| {
            let result = sqlx::query(
                "UPDATE guild_streamers SET notify_role_id = $4 \
                 WHERE guild_id = $1 AND twitch_id = $2 \
                 AND (notify_role_id = $3 OR (notify_role_id IS NULL AND CAST($3 AS BIGINT) IS NULL))",
            )
            .bind(guild_id)
            .bind(twitch_id)
            .bind(replacing)
            .bind(role)
            .execute(pool)
            .await?;
            Ok(result.rows_affected() == 1)
        })
    }

    /// Marks one route as needing an admin's attention (kept from the first
    /// time it was seen until cleared); the server's other routes go on.
    pub async fn set_route_attention(
        &self,
        route_id: i64,
        reason: Attention,
        detail: &str,
        now: i64,
    ) -> StoreResult<()> {
        on_db!(self, |pool| {
            sqlx::query(
                "UPDATE routes SET needs_attention = $2, needs_attention_detail = $3, \
                 needs_attention_since = COALESCE(needs_attention_since, $4), updated_at = $4 \
                 WHERE id = $1",
            )
            .bind(route_id)
            .bind(reason)
            .bind(detail)
            .bind(now)
            .execute(pool)
            .await
            .map(drop)
        })
    }

    /// The route works again; returns false if it was not marked.
    pub async fn clear_route_attention(&self, route_id: i64, now: i64) -> StoreResult<bool> {
        on_db!(self, |pool| {
            let result = sqlx::query(
                "UPDATE routes SET needs_attention = NULL, needs_attention_detail = NULL, \
                 needs_attention_since = NULL, updated_at = $2 \
                 WHERE id = $1 AND needs_attention IS NOT NULL",
            )
            .bind(route_id)
            .bind(now)
            .execute(pool)
            .await?;
            Ok(result.rows_affected() == 1)
        })
    }

    /// The server's channel was set or checked and works: the routes that
    /// post there are no longer held back. Returns how many were.
    pub async fn clear_server_channel_attention(
        &self,
        guild_id: GuildId,
        now: i64,
    ) -> StoreResult<u64> {
        on_db!(self, |pool| {
            let result = sqlx::query(
                "UPDATE routes SET needs_attention = NULL, needs_attention_detail = NULL, \
                 needs_attention_since = NULL, updated_at = $2 \
                 WHERE guild_id = $1 AND channel_id IS NULL AND needs_attention IS NOT NULL",
            )
            .bind(guild_id)
            .bind(now)
            .execute(pool)
            .await?;
            Ok(result.rows_affected())
        })
    }

    /// How many of the server's routes need attention.
    pub async fn routes_needing_attention(&self, guild_id: GuildId) -> StoreResult<i64> {
        on_db!(self, |pool| {
            sqlx::query_scalar(
                "SELECT COUNT(*) FROM routes WHERE guild_id = $1 AND needs_attention IS NOT NULL",
            )
            .bind(guild_id)
            .fetch_one(pool)
            .await
        })
    }
}
