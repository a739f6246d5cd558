//! Twitch Teams a server follows, and which routes each team's roster added.

use super::{Db, StoreResult, on_db};
use crate::ids::{ChannelId, GuildId, TwitchUserId, UserId};

/// A team a server follows.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct TeamFollow {
    pub guild_id: GuildId,
    pub team_id: String,
    pub team_name: String,
    pub display_name: String,
    pub channel_id: Option<ChannelId>,
    pub channel_kind: Option<i32>,
    pub added_by: Option<UserId>,
    pub checked_at: i64,
    pub last_change: Option<String>,
    pub last_change_at: Option<i64>,
}

/// `SELECT <columns> FROM team_follows <rest>`, as one static string.
macro_rules! select {
    ($rest:literal) => {
        concat!(
            "SELECT guild_id, team_id, team_name, display_name, channel_id, channel_kind, \
             added_by, checked_at, last_change, last_change_at FROM team_follows ",
            $rest
        )
    };
}

impl Db {
    /// Follows the team in the guild (or updates its name and channel when
    /// followed already), checked as of `now`.
    pub async fn follow_team(&self, team: &TeamFollow, now: i64) -> StoreResult<()> {
        on_db!(self, |pool| {
            sqlx::query(
                "INSERT INTO team_follows (guild_id, team_id, team_name, display_name, channel_id, \
                 channel_kind, added_by, created_at, checked_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) \
                 ON CONFLICT (guild_id, team_id) DO UPDATE SET team_name = excluded.team_name, \
                 display_name = excluded.display_name, channel_id = excluded.channel_id, \
                 channel_kind = excluded.channel_kind, checked_at = excluded.checked_at",
            )
            .bind(team.guild_id)
            .bind(&team.team_id)
            .bind(&team.team_name)
            .bind(&team.display_name)
            .bind(team.channel_id)
            .bind(team.channel_kind)
            .bind(team.added_by)
            .bind(now)
            .execute(pool)
            .await?;
            Ok(())
        })
    }

    /// The teams the guild follows, by name.
    pub async fn team_follows(&self, guild_id: GuildId) -> StoreResult<Vec<TeamFollow>> {
        on_db!(self, |pool| {
            sqlx::query_as(select!("WHERE guild_id = $1 ORDER BY team_name"))
                .bind(guild_id)
                .fetch_all(pool)
                .await
        })
    }

    /// Up to `limit` team follows last checked at or before `cutoff`,
    /// longest unchecked first.
    pub async fn team_follows_due(&self, cutoff: i64, limit: i64) -> StoreResult<Vec<TeamFollow>> {
        on_db!(self, |pool| {
            sqlx::query_as(select!(
                "WHERE checked_at <= $1 ORDER BY checked_at, guild_id, team_id LIMIT $2"
            ))
            .bind(cutoff)
            .bind(limit)
            .fetch_all(pool)
            .await
        })
    }

    /// Records a roster check at `now`, and what it changed (if anything).
    pub async fn team_checked(
        &self,
        guild_id: GuildId,
        team_id: &str,
        change: Option<&str>,
        now: i64,
    ) -> StoreResult<()> {
        on_db!(self, |pool| {
            sqlx::query(
                "UPDATE team_follows SET checked_at = $3, \
                 last_change = COALESCE($4, last_change), \
                 last_change_at = CASE WHEN $4 IS NULL THEN last_change_at ELSE $3 END \
                 WHERE guild_id = $1 AND team_id = $2",
            )
            .bind(guild_id)
            .bind(team_id)
            .bind(now)
            .bind(change)
            .execute(pool)
            .await?;
            Ok(())
        })
    }

    /// Stops following the team; the routes it added stay (see
    /// [`Db::team_routes`] to remove them). False when it wasn't followed.
    pub async fn unfollow_team(&self, guild_id: GuildId, team_id: &str) -> StoreResult<bool> {
        on_db!(self, |pool| {
            let result =
                sqlx::query("DELETE FROM team_follows WHERE guild_id = $1 AND team_id = $2")
                    .bind(guild_id)
                    .bind(team_id)
                    .execute(pool)
                    .await?;
            Ok(result.rows_affected() == 1)
        })
    }

    /// Marks the route as added by the team's roster (`Some`), or as
    /// followed by name (`None`: the team leaving keeps it).
    pub async fn set_route_team(&self, route_id: i64, team_id: Option<&str>) -> StoreResult<()> {
        on_db!(self, |pool| {
            sqlx::query("UPDATE routes SET team_id = $2 WHERE id = $1")
                .bind(route_id)
                .bind(team_id)
                .execute(pool)
                .await?;
            Ok(())
        })
    }

    /// The routes the team's roster added in the guild: (route id, streamer).
    pub async fn team_routes(
        &self,
        guild_id: GuildId,
        team_id: &str,
    ) -> StoreResult<Vec<(i64, TwitchUserId)>> {
        on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT id, twitch_id FROM routes WHERE guild_id = $1 AND team_id = $2 ORDER BY id",
            )
            .bind(guild_id)
            .bind(team_id)
            .fetch_all(pool)
            .await
        })
    }
}
