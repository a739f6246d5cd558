//! `/setup [channel:] [role:] [ping:] [enabled:] [after_stream:] [publish:]
//! [cooldown:] [refresh:] [post_as:]`: the server's defaults (the channel and ping of every route
//! that doesn't choose its own), with a check that the bot can actually
//! post there. Options left out keep their stored values; `channel:` is
//! needed only the first time.

use std::time::Duration;

use twilight_interactions::command::{CommandModel, CommandOption, CreateCommand, CreateOption};
use twilight_model::{
    application::interaction::InteractionChannel,
    guild::{Permissions, Role},
    http::interaction::InteractionResponse,
};
use twilight_util::builder::embed::{EmbedBuilder, EmbedFieldBuilder};

use crate::{
    discord::{
        context::Ctx,
        permissions::{self, TO_POST},
        reply::{self, Reply},
    },
    i18n::Lang,
    ids::ChannelId,
    notify::refresh,
    store::{GuildConfig, OfflineMode, PingMode, PostAs},
    tr,
};

#[derive(Debug, CommandModel, CreateCommand)]
#[command(
    name = "setup",
    name_localizations = "setup_name",
    desc_localizations = "setup_desc",
    default_permissions = "super::manage_guild",
    contexts = "guild",
    integration_types = "guild_install"
)]
pub struct Setup {
    #[command(
        channel_types = "guild_text guild_announcement",
        name_localizations = "channel_name",
        desc_localizations = "channel_desc"
    )]
    pub channel: Option<InteractionChannel>,
    #[command(name_localizations = "role_name", desc_localizations = "role_desc")]
    pub role: Option<Role>,
    #[command(name_localizations = "ping_name", desc_localizations = "ping_desc")]
    pub ping: Option<Ping>,
    #[command(
        name_localizations = "enabled_name",
        desc_localizations = "enabled_desc"
    )]
    pub enabled: Option<bool>,
    #[command(
        name_localizations = "after_stream_name",
        desc_localizations = "after_stream_desc"
    )]
    pub after_stream: Option<AfterStream>,
    #[command(
        name_localizations = "publish_name",
        desc_localizations = "publish_desc"
    )]
    pub publish: Option<bool>,
    #[command(
        min_value = 0,
        max_value = 1440,
        name_localizations = "cooldown_name",
        desc_localizations = "cooldown_desc"
    )]
    pub cooldown: Option<i64>,
    #[command(
        min_value = 0,
        max_value = 60,
        name_localizations = "refresh_name",
        desc_localizations = "refresh_desc"
    )]
    pub refresh: Option<i64>,
    #[command(
        name_localizations = "post_as_name",
        desc_localizations = "post_as_desc"
    )]
    pub post_as: Option<PostAsOption>,
    #[command(
        name_localizations = "language_name",
        desc_localizations = "language_desc"
    )]
    pub language: Option<Language>,
}

crate::names! {
    setup_name => "cmd-setup-name",
    channel_name => "opt-channel-name",
    role_name => "opt-role-name",
    ping_name => "opt-ping-name",
    enabled_name => "opt-enabled-name",
    after_stream_name => "opt-after-stream-name",
    publish_name => "opt-publish-name",
    cooldown_name => "opt-cooldown-name",
    refresh_name => "opt-refresh-name",
    post_as_name => "opt-post-as-name",
    language_name => "opt-language-name",
    bot_choice => "choice-post-as-bot",
    streamer_choice => "choice-post-as-streamer",
    edit_choice => "choice-after-stream-edit",
    delete_choice => "choice-after-stream-delete",
    keep_choice => "choice-after-stream-keep",
    server_language_choice => "choice-language-server",
    nobody_choice => "choice-ping-none",
    role_choice => "choice-ping-role",
    opt_in_choice => "choice-ping-streamer-role",
}

crate::descriptions! {
    setup_desc => "cmd-setup-desc",
    channel_desc => "opt-setup-channel-desc",
    role_desc => "opt-setup-role-desc",
    ping_desc => "opt-setup-ping-desc",
    enabled_desc => "opt-setup-enabled-desc",
    after_stream_desc => "opt-setup-after-stream-desc",
    publish_desc => "opt-setup-publish-desc",
    cooldown_desc => "opt-setup-cooldown-desc",
    refresh_desc => "opt-setup-refresh-desc",
    post_as_desc => "opt-setup-post-as-desc",
    language_desc => "opt-setup-language-desc",
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, CommandOption, CreateOption)]
pub enum PostAsOption {
    #[option(
        name = "The bot (StreamMaxing)",
        name_localizations = "bot_choice",
        value = "bot"
    )]
    Bot,
    #[option(
        name = "The streamer (their name and avatar, through a webhook I create)",
        name_localizations = "streamer_choice",
        value = "streamer"
    )]
    Streamer,
}

/// The language of alerts: each language's choice is its own name (the
/// same in every locale), "the server's" is translated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, CommandOption, CreateOption)]
pub enum Language {
    #[option(
        name = "The server's language (as Discord has it)",
        name_localizations = "server_language_choice",
        value = "server"
    )]
    Server,
    #[option(name = "English", value = "en-US")]
    En,
    #[option(name = "Deutsch", value = "de")]
    De,
    #[option(name = "Français", value = "fr")]
    Fr,
    #[option(name = "Español", value = "es-ES")]
    Es,
    #[option(name = "Português do Brasil", value = "pt-BR")]
    PtBr,
    #[option(name = "日本語", value = "ja")]
    Ja,
}

impl Language {
    /// What `guild_config.language` stores: a catalog tag, or none.
    fn stored(self) -> Option<String> {
        let lang = match self {
            Language::Server => return None,
            Language::En => Lang::En,
            Language::De => Lang::De,
            Language::Fr => Lang::Fr,
            Language::Es => Lang::Es,
            Language::PtBr => Lang::PtBr,
            Language::Ja => Lang::Ja,
        };
        Some(lang.tag().to_owned())
    }
}

/// The shortest refresh interval: Twitch renders a new preview every few
/// minutes, so editing more often only spends Discord's budget.
pub const MIN_REFRESH_MINUTES: i64 = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, CommandOption, CreateOption)]
pub enum AfterStream {
    #[option(
        name = "Edit it to say how long the stream lasted",
        name_localizations = "edit_choice",
        value = "edit"
    )]
    Edit,
    #[option(
        name = "Delete it",
        name_localizations = "delete_choice",
        value = "delete"
    )]
    Delete,
    #[option(
        name = "Leave it as it is",
        name_localizations = "keep_choice",
        value = "keep"
    )]
    Keep,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, CommandOption, CreateOption)]
pub enum Ping {
    #[option(name = "Nobody", name_localizations = "nobody_choice", value = "none")]
    Nobody,
    #[option(
        name = "The role I pick",
        name_localizations = "role_choice",
        value = "role"
    )]
    Role,
    #[option(
        name = "Members who opt in per streamer with /notify",
        name_localizations = "opt_in_choice",
        value = "streamer_role"
    )]
    OptIn,
}

pub async fn run(ctx: &Ctx, cmd: Setup) -> anyhow::Result<InteractionResponse> {
    if let Some(refusal) = ctx.refuse_unless_admin() {
        return Ok(refusal);
    }
    let now = ctx.now();
    let mut config = ctx.guild_config().await?;
    if let Some(channel) = &cmd.channel {
        config.channel_id = Some(channel.id.into());
        config.channel_kind = Some(i32::from(u8::from(channel.kind)));
    }
    let Some(channel_id) = config.channel_id else {
        return Ok(reply::ephemeral(tr!(
            ctx.lang,
            "setup-choose-channel-first"
        )));
    };
    // Options left out keep what is stored.
    match (cmd.ping, &cmd.role) {
        (Some(Ping::Nobody), _) => (config.ping_mode, config.ping_role_id) = (PingMode::None, None),
        (Some(Ping::Role) | None, Some(role)) => {
            (config.ping_mode, config.ping_role_id) = (PingMode::Role, Some(role.id.into()));
        }
        (Some(Ping::Role), None) if config.ping_role_id.is_none() => {
            return Ok(reply::ephemeral(tr!(ctx.lang, "setup-role-needed")));
        }
        (Some(Ping::Role), None) => config.ping_mode = PingMode::Role,
        (Some(Ping::OptIn), _) => config.ping_mode = PingMode::StreamerRole,
        (None, None) => {}
    }
    config.offline_mode = match cmd.after_stream {
        Some(AfterStream::Edit) => OfflineMode::Edit,
        Some(AfterStream::Delete) => OfflineMode::Delete,
        Some(AfterStream::Keep) => OfflineMode::Keep,
        None => config.offline_mode,
    };
    config.publish_announcements = cmd.publish.unwrap_or(config.publish_announcements);
    config.enabled = cmd.enabled.unwrap_or(config.enabled);
    config.post_as = match cmd.post_as {
        Some(PostAsOption::Bot) => PostAs::Bot,
        Some(PostAsOption::Streamer) => PostAs::Streamer,
        None => config.post_as,
    };
    if let Some(language) = cmd.language {
        config.language = language.stored();
    }
    if let Some(minutes) = cmd.cooldown {
        config.cooldown_secs = i32::try_from(minutes.clamp(0, 1440) * 60).unwrap_or(600);
    }
    let refresh_was = config.refresh_minutes;
    if let Some(minutes) = cmd.refresh {
        let minutes = match minutes {
            ..=0 => 0,
            m => m.clamp(MIN_REFRESH_MINUTES, 60),
        };
        config.refresh_minutes = i32::try_from(minutes).unwrap_or(10);
    }
    ctx.state.db.save_guild_config(&config, now).await?;
    if config.refresh_minutes != refresh_was {
        // Messages live right now follow the new interval (or stop).
        let first = refresh::first_at(config.refresh_minutes, now);
        ctx.state
            .db
            .reschedule_refreshes(ctx.guild_id, first, now)
            .await?;
    }
    let role = cmd.role.clone();
    if ctx.state.discord.is_none() {
        return Ok(summary(ctx.lang, &config, &[]).into_response());
    }
    // Checking the bot's permissions asks Discord (up to three calls):
    // answer at once, finish in the deferred reply.
    Ok(ctx.defer(move |ctx| async move {
        let problems = check_permissions(&ctx, channel_id, &config, role.as_ref()).await;
        if problems.is_empty() {
            ctx.state
                .db
                .clear_server_channel_attention(ctx.guild_id, ctx.now())
                .await?;
        }
        Ok(summary(ctx.lang, &config, &problems))
    }))
}

/// What would stop notifications from working, each with its fix, in the
/// member's language.
async fn check_permissions(
    ctx: &Ctx,
    channel_id: ChannelId,
    config: &GuildConfig,
    role: Option<&Role>,
) -> Vec<String> {
    let (lang, mode) = (ctx.lang, config.ping_mode);
    let channel = channel_id.to_string();
    let lookup = tokio::time::timeout(
        Duration::from_secs(2),
        permissions::bot_permissions(ctx, channel_id),
    );
    let (in_channel, guild) = match lookup.await {
        Ok(Ok(perms)) => perms,
        Ok(Err(e)) => {
            tracing::warn!(
                error = format!("{e:#}"),
                "could not compute the bot's permissions"
            );
            return vec![tr!(lang, "setup-check-failed", channel = channel)];
        }
        Err(_) => {
            return vec![tr!(lang, "setup-check-slow", channel = channel)];
        }
    };
    let mut problems = Vec::new();
    let missing = permissions::missing(in_channel, TO_POST);
    if !missing.is_empty() {
        problems.push(tr!(
            lang,
            "setup-missing-permissions",
            count = missing.len(),
            permissions = permissions::and_list(lang, &missing),
            channel = &channel
        ));
    }
    if let (PingMode::Role, Some(role)) = (mode, role)
        && !role.mentionable
        && !permissions::missing(in_channel, Permissions::MENTION_EVERYONE).is_empty()
    {
        problems.push(tr!(
            lang,
            "setup-role-unmentionable",
            role = role.id.to_string(),
            name = &role.name,
            channel = &channel
        ));
    }
    if mode == PingMode::StreamerRole
        && !permissions::missing(guild, Permissions::MANAGE_ROLES).is_empty()
    {
        problems.push(tr!(lang, "setup-opt-in-needs-manage-roles"));
    }
    if mode == PingMode::StreamerRole
        && !permissions::missing(in_channel, Permissions::MENTION_EVERYONE).is_empty()
    {
        problems.push(tr!(
            lang,
            "setup-opt-in-needs-mention-all",
            channel = &channel
        ));
    }
    if config.post_as == PostAs::Streamer {
        let publishes = config.publish_announcements && config.channel_kind == Some(ANNOUNCEMENT);
        problems.extend(as_streamer_problems(lang, in_channel, &channel, publishes));
    }
    problems
}

/// What posting as the streamer needs beyond posting: Manage Webhooks to
/// create the channel's webhook, Read Message History to check, before
/// retrying a post whose answer was lost, that it isn't there already, and
/// in an announcement channel that publishes, Manage Messages (the alert is
/// the webhook's message, not the bot's).
fn as_streamer_problems(
    lang: Lang,
    in_channel: Permissions,
    channel: &str,
    publishes: bool,
) -> Vec<String> {
    let mut problems = Vec::new();
    if !permissions::missing(in_channel, Permissions::MANAGE_WEBHOOKS).is_empty() {
        problems.push(tr!(lang, "setup-webhooks-needed", channel = channel));
    }
    if !permissions::missing(in_channel, Permissions::READ_MESSAGE_HISTORY).is_empty() {
        problems.push(tr!(lang, "setup-history-needed", channel = channel));
    }
    if publishes && !permissions::missing(in_channel, Permissions::MANAGE_MESSAGES).is_empty() {
        problems.push(tr!(lang, "setup-manage-messages-needed", channel = channel));
    }
    problems
}

/// Discord's channel type for announcement channels.
const ANNOUNCEMENT: i32 = 5;

/// The whole configuration as saved, with what needs fixing, in `lang`.
fn summary(lang: Lang, config: &GuildConfig, problems: &[String]) -> Reply {
    let (mode, enabled) = (config.ping_mode, config.enabled);
    let after = match config.offline_mode {
        OfflineMode::Edit => tr!(lang, "setup-after-edit"),
        OfflineMode::Delete => tr!(lang, "setup-after-delete"),
        OfflineMode::Keep => tr!(lang, "setup-after-keep"),
    };
    let pings = match (mode, config.ping_role_id) {
        (PingMode::Role, Some(role)) => format!("<@&{role}>"),
        (PingMode::StreamerRole, _) => tr!(lang, "setup-pings-opt-in"),
        _ => tr!(lang, "setup-pings-nobody"),
    };
    let cooldown = match config.cooldown_secs / 60 {
        0 => tr!(lang, "setup-cooldown-off"),
        m => tr!(lang, "setup-cooldown", minutes = m),
    };
    let refresh = match config.refresh_minutes {
        0 => tr!(lang, "setup-refresh-off"),
        m => tr!(lang, "setup-refresh", minutes = m),
    };
    let (title, color) = match (problems.is_empty(), enabled) {
        (true, true) => (tr!(lang, "setup-title-ok"), reply::COLOR_OK),
        (true, false) => (tr!(lang, "setup-title-paused"), reply::COLOR),
        (false, _) => (tr!(lang, "setup-title-problems"), reply::COLOR_WARN),
    };
    let channel = config
        .channel_id
        .map_or_else(|| tr!(lang, "setup-channel-none"), |c| format!("<#{c}>"));
    let publish = if config.publish_announcements {
        tr!(lang, "setup-publish-yes")
    } else {
        tr!(lang, "setup-publish-no")
    };
    let posted_as = match config.post_as {
        PostAs::Bot => "StreamMaxing".to_owned(),
        PostAs::Streamer => tr!(lang, "setup-posted-as-streamer"),
    };
    // The language alerts speak: the one `/setup language:` chose, else
    // the server's own.
    let language = match config.language.as_deref().and_then(Lang::from_locale) {
        Some(chosen) => chosen.native_name().to_owned(),
        None => tr!(
            lang,
            "setup-language-server",
            language = config.lang().native_name()
        ),
    };
    let status = if enabled {
        tr!(lang, "setup-status-on")
    } else {
        tr!(lang, "setup-status-paused")
    };
    let field = |name: String, value: String| EmbedFieldBuilder::new(name, value).inline();
    let description = if problems.is_empty() {
        tr!(lang, "setup-defaults-explained")
    } else {
        problems
            .iter()
            .map(|p| format!("• {p}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let embed = EmbedBuilder::new()
        .title(title)
        .color(color)
        .description(description)
        .field(field(tr!(lang, "setup-field-channel"), channel))
        .field(field(tr!(lang, "setup-field-pings"), pings))
        .field(field(tr!(lang, "setup-field-after-stream"), after))
        .field(field(tr!(lang, "setup-field-publish"), publish))
        .field(field(tr!(lang, "setup-field-drops"), cooldown))
        .field(field(tr!(lang, "setup-field-while-live"), refresh))
        .field(field(tr!(lang, "setup-field-posted-as"), posted_as))
        .field(field(tr!(lang, "setup-field-language"), language))
        .field(field(tr!(lang, "setup-field-status"), status));
    Reply::embed(embed.build())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every problem `/setup` can report at once, with the longest role
    /// name Discord allows, in `lang`.
    fn every_problem(lang: Lang, channel: &str) -> Vec<String> {
        let all = Permissions::all();
        let missing = permissions::missing(Permissions::empty(), all);
        let mut problems = vec![
            tr!(
                lang,
                "setup-missing-permissions",
                count = missing.len(),
                permissions = permissions::and_list(lang, &missing),
                channel = channel
            ),
            tr!(
                lang,
                "setup-role-unmentionable",
                role = channel,
                name = "R".repeat(100),
                channel = channel
            ),
            tr!(lang, "setup-opt-in-needs-manage-roles"),
            tr!(lang, "setup-opt-in-needs-mention-all", channel = channel),
        ];
        problems.extend(as_streamer_problems(
            lang,
            Permissions::empty(),
            channel,
            true,
        ));
        problems
    }

    #[test]
    fn the_summary_fits_discords_embed_limits_in_every_language() {
        let channel = "1200000000000000777";
        for lang in Lang::ALL {
            let config = GuildConfig {
                guild_id: "1100000000000000001".parse().unwrap(),
                channel_id: Some(channel.parse().unwrap()),
                channel_kind: Some(ANNOUNCEMENT),
                ping_mode: PingMode::StreamerRole,
                ping_role_id: None,
                enabled: false,
                template: None,
                offline_mode: OfflineMode::Edit,
                publish_announcements: true,
                cooldown_secs: 1440 * 60,
                refresh_minutes: 60,
                updated_at: 0,
                gone_since: None,
                post_as: PostAs::Streamer,
                language: None,
                locale: Some("pt-BR".to_owned()),
            };
            let problems = every_problem(lang, channel);
            assert_eq!(problems.len(), 7);
            let reply = summary(lang, &config, &problems);
            let embed = &reply.embeds[0];
            let chars = |s: &str| s.chars().count();
            let title = chars(embed.title.as_deref().unwrap_or_default());
            let description = chars(embed.description.as_deref().unwrap_or_default());
            assert!(title <= 256, "{lang:?}: title {title}");
            assert!(description <= 4096, "{lang:?}: description {description}");
            let mut total = title + description;
            for field in &embed.fields {
                assert!(chars(&field.name) <= 256 && chars(&field.value) <= 1024);
                total += chars(&field.name) + chars(&field.value);
            }
            assert!(total <= 6000, "{lang:?}: {total} characters in all");
        }
    }
}
