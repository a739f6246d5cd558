//! Guilds (Discord servers) and their notification settings.

use super::{Db, StoreResult, WriteTx, on_db, text::text_column};
use crate::i18n::Lang;
use crate::ids::{ChannelId, GuildId, RoleId};

/// Whom a notification pings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumString, strum::AsRefStr)]
#[strum(serialize_all = "snake_case")]
pub enum PingMode {
    /// Nobody.
    None,
    /// The configured role.
    Role,
    /// A notification role per streamer, managed by the bot (`/notify`).
    StreamerRole,
}

/// What happens to the live message when the stream ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumString, strum::AsRefStr)]
#[strum(serialize_all = "snake_case")]
pub enum OfflineMode {
    Edit,
    Delete,
    Keep,
}

/// Whose name and avatar an alert shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumString, strum::AsRefStr)]
#[strum(serialize_all = "snake_case")]
pub enum PostAs {
    /// The bot's own.
    Bot,
    /// The streamer's, through a webhook the bot keeps in the channel.
    Streamer,
}

text_column!(PingMode);
text_column!(OfflineMode);
text_column!(PostAs);

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct GuildConfig {
    pub guild_id: GuildId,
    pub channel_id: Option<ChannelId>,
    /// Discord's channel type for `channel_id` (5 = announcement).
    pub channel_kind: Option<i32>,
    pub ping_mode: PingMode,
    pub ping_role_id: Option<RoleId>,
    pub enabled: bool,
    /// The guild's template as JSON; `None` means the default template.
    pub template: Option<String>,
    pub offline_mode: OfflineMode,
    pub publish_announcements: bool,
    /// A stream that comes back within this long after ending resumes its
    /// message instead of posting a new one (0: never).
    pub cooldown_secs: i32,
    /// Live messages are edited this often with a fresh preview and the
    /// current viewer count (0: never).
    pub refresh_minutes: i32,
    pub updated_at: i64,
    /// When the bot was found removed from the server (Discord answered
    /// that the server itself is out of reach); `None` while it is there.
    pub gone_since: Option<i64>,
    /// Whose name and avatar the alerts show.
    pub post_as: PostAs,
    /// The language an admin chose for alerts (a catalog tag); `None`:
    /// the server's own.
    pub language: Option<String>,
    /// The server's preferred locale, as Discord last sent it.
    pub locale: Option<String>,
}

impl GuildConfig {
    /// The language the server's alerts speak.
    pub fn lang(&self) -> Lang {
        Lang::of(self.language.as_deref().or(self.locale.as_deref()))
    }
}

macro_rules! config_columns {
    () => {
        "guild_id, channel_id, channel_kind, ping_mode, ping_role_id, enabled, template, \
     offline_mode, publish_announcements, cooldown_secs, refresh_minutes, updated_at, gone_since, post_as, \
     language, locale"
    };
}

impl Db {
    /// Records the guild (keeping a known name when none is given) and gives
    /// it a default configuration if it has none; returns the configuration.
    /// A guild that speaks to us (an interaction, the bot added again) still
    /// has the bot: a mark saying it removed the bot is cleared (the config
    /// returned still shows it, so the caller can tell).
    pub async fn ensure_guild(
        &self,
        guild_id: GuildId,
        name: Option<&str>,
        now: i64,
    ) -> StoreResult<GuildConfig> {
        // Every interaction ensures its guild: when it is known and there
        // is no name to record, a read does (no write lock, no commit).
        if name.is_none()
            && let Some(config) = self.guild_config(guild_id).await?
        {
            if config.gone_since.is_some() {
                self.clear_guild_gone(guild_id).await?;
            }
            return Ok(config);
        }
        on_db!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            sqlx::query(
                "INSERT INTO guilds (guild_id, name, installed_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (guild_id) DO UPDATE SET name = COALESCE(excluded.name, guilds.name)",
            )
            .bind(guild_id)
            .bind(name)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO guild_config (guild_id, updated_at) VALUES ($1, $2) \
                 ON CONFLICT (guild_id) DO NOTHING",
            )
            .bind(guild_id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            let config = sqlx::query_as(concat!(
                "SELECT ",
                config_columns!(),
                " FROM guild_config WHERE guild_id = $1"
            ))
            .bind(guild_id)
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query(
                "UPDATE guild_config SET gone_since = NULL \
                 WHERE guild_id = $1 AND gone_since IS NOT NULL",
            )
            .bind(guild_id)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(config)
        })
    }

    /// The configurations of `guild_ids` (those that exist), in one query:
    /// the delivery worker loads a whole claim's at once.
    pub async fn guild_configs(&self, guild_ids: &[GuildId]) -> StoreResult<Vec<GuildConfig>> {
        match self {
            Db::Sqlite(pool) => {
                sqlx::query_as(concat!(
                    "SELECT ",
                    config_columns!(),
                    " FROM guild_config WHERE guild_id IN (SELECT value FROM json_each($1))"
                ))
                .bind(super::id_list(guild_ids))
                .fetch_all(pool)
                .await
            }
            Db::Postgres(pool) => {
                sqlx::query_as(concat!(
                    "SELECT ",
                    config_columns!(),
                    " FROM guild_config WHERE guild_id = ANY($1)"
                ))
                .bind(super::raw_ids(guild_ids))
                .fetch_all(pool)
                .await
            }
        }
    }

    pub async fn guild_config(&self, guild_id: GuildId) -> StoreResult<Option<GuildConfig>> {
        on_db!(self, |pool| {
            sqlx::query_as(concat!(
                "SELECT ",
                config_columns!(),
                " FROM guild_config WHERE guild_id = $1"
            ))
            .bind(guild_id)
            .fetch_optional(pool)
            .await
        })
    }

    /// Saves every setting an admin can change; returns false when the guild
    /// has no configuration row (call [`Db::ensure_guild`] first).
    pub async fn save_guild_config(&self, config: &GuildConfig, now: i64) -> StoreResult<bool> {
        on_db!(self, |pool| {
            let result = sqlx::query(
                "UPDATE guild_config SET channel_id = $2, ping_mode = $3, ping_role_id = $4, \
                 enabled = $5, template = $6, offline_mode = $7, publish_announcements = $8, \
                 cooldown_secs = $9, updated_at = $10, channel_kind = $11, refresh_minutes = $12, post_as = $13, \
                 language = $14 WHERE guild_id = $1",
            )
            .bind(config.guild_id)
            .bind(config.channel_id)
            .bind(config.ping_mode)
            .bind(config.ping_role_id)
            .bind(config.enabled)
            .bind(config.template.as_deref())
            .bind(config.offline_mode)
            .bind(config.publish_announcements)
            .bind(config.cooldown_secs)
            .bind(now)
            .bind(config.channel_kind)
            .bind(config.refresh_minutes)
            .bind(config.post_as)
            .bind(config.language.as_deref())
            .execute(pool)
            .await?;
            Ok(result.rows_affected() == 1)
        })
    }

    /// Records the server's preferred locale when Discord sends a new one
    /// (one write when it changes, none otherwise).
    pub async fn note_guild_locale(&self, guild_id: GuildId, locale: &str) -> StoreResult<bool> {
        on_db!(self, |pool| {
            let result = sqlx::query(
                "UPDATE guild_config SET locale = $2 \
                 WHERE guild_id = $1 AND (locale IS NULL OR locale <> $2)",
            )
            .bind(guild_id)
            .bind(locale)
            .execute(pool)
            .await?;
            Ok(result.rows_affected() == 1)
        })
    }

    /// The guild's name, when Discord told us (on install).
    pub async fn guild_name(&self, guild_id: GuildId) -> StoreResult<Option<String>> {
        on_db!(self, |pool| {
            let name: Option<Option<String>> =
                sqlx::query_scalar("SELECT name FROM guilds WHERE guild_id = $1")
                    .bind(guild_id)
                    .fetch_optional(pool)
                    .await?;
            Ok(name.flatten())
        })
    }

    /// Forgets a guild and everything that belongs to it.
    pub async fn remove_guild(&self, guild_id: GuildId) -> StoreResult<bool> {
        on_db!(self, |pool| {
            let result = sqlx::query("DELETE FROM guilds WHERE guild_id = $1")
                .bind(guild_id)
                .execute(pool)
                .await?;
            Ok(result.rows_affected() == 1)
        })
    }
}
