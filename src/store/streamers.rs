//! Twitch streamers known to any guild.

use super::{Db, StoreResult, on_db, text::text_column};
use crate::ids::TwitchUserId;

/// Something wrong with a streamer that admins should see.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumString, strum::AsRefStr)]
#[strum(serialize_all = "snake_case")]
pub enum StreamerProblem {
    /// Twitch removed the account (deleted or banned).
    UserRemoved,
}

text_column!(StreamerProblem);

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Streamer {
    pub twitch_id: TwitchUserId,
    pub login: String,
    pub display_name: String,
    pub avatar_url: Option<String>,
    /// The streamer authorised our app on the link page.
    pub linked: bool,
    pub linked_at: Option<i64>,
    /// A problem admins should see.
    pub problem: Option<StreamerProblem>,
    pub live_stream_id: Option<String>,
    pub live_since: Option<i64>,
    pub last_offline_at: Option<i64>,
    pub title: Option<String>,
    pub game_name: Option<String>,
    /// Twitch's category id for `game_name` (what game filters compare).
    pub game_id: Option<String>,
    /// Twitch's message timestamp of the last stream.online/offline applied.
    pub state_event_at: Option<i64>,
    /// Twitch's message timestamp of the last channel.update applied.
    pub channel_event_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

/// What Twitch's Get Users tells us about a streamer.
#[derive(Debug, Clone)]
pub struct NewStreamer<'a> {
    pub twitch_id: &'a TwitchUserId,
    pub login: &'a str,
    pub display_name: &'a str,
    pub avatar_url: Option<&'a str>,
}

macro_rules! streamer_columns {
    () => {
        "twitch_id, login, display_name, avatar_url, linked, \
     linked_at, problem, live_stream_id, live_since, last_offline_at, title, game_name, \
     game_id, state_event_at, channel_event_at, created_at, updated_at"
    };
}

impl Db {
    /// Inserts or refreshes a streamer's public profile.
    pub async fn upsert_streamer(&self, s: &NewStreamer<'_>, now: i64) -> StoreResult<Streamer> {
        on_db!(self, |pool| {
            sqlx::query_as(concat!("INSERT INTO streamers (twitch_id, login, display_name, avatar_url, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $5) \
                 ON CONFLICT (twitch_id) DO UPDATE SET login = excluded.login, \
                 display_name = excluded.display_name, \
                 avatar_url = COALESCE(excluded.avatar_url, streamers.avatar_url), \
                 updated_at = excluded.updated_at \
                 RETURNING ", streamer_columns!()))
            .bind(s.twitch_id)
            .bind(s.login.to_ascii_lowercase())
            .bind(s.display_name)
            .bind(s.avatar_url)
            .bind(now)
            .fetch_one(pool)
            .await
        })
    }

    pub async fn streamer(&self, twitch_id: &TwitchUserId) -> StoreResult<Option<Streamer>> {
        on_db!(self, |pool| {
            sqlx::query_as(concat!(
                "SELECT ",
                streamer_columns!(),
                " FROM streamers WHERE twitch_id = $1"
            ))
            .bind(twitch_id)
            .fetch_optional(pool)
            .await
        })
    }

    /// Looks a streamer up by login, case-insensitively (logins are stored
    /// lowercase). The most recently refreshed wins if a login was reused.
    pub async fn streamer_by_login(&self, login: &str) -> StoreResult<Option<Streamer>> {
        on_db!(self, |pool| {
            sqlx::query_as(concat!(
                "SELECT ",
                streamer_columns!(),
                " FROM streamers WHERE login = $1 \
                 ORDER BY updated_at DESC LIMIT 1"
            ))
            .bind(login.to_ascii_lowercase())
            .fetch_optional(pool)
            .await
        })
    }

    /// Records that the streamer authorised (or revoked) our app.
    pub async fn set_streamer_linked(
        &self,
        twitch_id: &TwitchUserId,
        linked: bool,
        now: i64,
    ) -> StoreResult<bool> {
        on_db!(self, |pool| {
            let result = sqlx::query(
                "UPDATE streamers SET linked = $2, linked_at = CASE WHEN $2 THEN $3 ELSE NULL END, \
                 updated_at = $3 WHERE twitch_id = $1",
            )
            .bind(twitch_id)
            .bind(linked)
            .bind(now)
            .execute(pool)
            .await?;
            Ok(result.rows_affected() == 1)
        })
    }

    /// Flags (or with `None` clears) a problem admins should see.
    pub async fn set_streamer_problem(
        &self,
        twitch_id: &TwitchUserId,
        problem: Option<StreamerProblem>,
        now: i64,
    ) -> StoreResult<bool> {
        on_db!(self, |pool| {
            let result = sqlx::query(
                "UPDATE streamers SET problem = $2, updated_at = $3 WHERE twitch_id = $1",
            )
            .bind(twitch_id)
            .bind(problem)
            .bind(now)
            .execute(pool)
            .await?;
            Ok(result.rows_affected() == 1)
        })
    }

    /// Deletes the profiles of streamers no server follows whose row has
    /// not changed since `cutoff` (an unfollow, a follow and every Twitch
    /// event touch it) and that no EventSub subscription still names;
    /// returns how many. One statement: a follow that commits meanwhile
    /// touched the row first (`Db::add_route`), so the delete re-checks it
    /// and keeps it, or the follow finds it gone and fails rather than
    /// being cascaded away.
    pub async fn forget_unfollowed_streamers(&self, cutoff: i64) -> StoreResult<u64> {
        on_db!(self, |pool| {
            let result = sqlx::query(
                "DELETE FROM streamers WHERE updated_at < $1 \
                 AND NOT EXISTS (SELECT 1 FROM guild_streamers gs WHERE gs.twitch_id = streamers.twitch_id) \
                 AND NOT EXISTS (SELECT 1 FROM eventsub_subscriptions es WHERE es.twitch_id = streamers.twitch_id)",
            )
            .bind(cutoff)
            .execute(pool)
            .await?;
            Ok(result.rows_affected())
        })
    }
}
