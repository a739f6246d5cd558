//! `/setup channel: [role:] [ping:] [enabled:]`: where notifications go and
//! whom they ping, with a check that the bot can actually post there.

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
    store::{GuildConfig, OfflineMode, PingMode},
};

#[derive(Debug, CommandModel, CreateCommand)]
#[command(
    name = "setup",
    desc = "Choose where live notifications are posted and whom they ping",
    default_permissions = "super::manage_guild",
    contexts = "guild",
    integration_types = "guild_install"
)]
pub struct Setup {
    /// Channel for live notifications (text or announcement)
    #[command(channel_types = "guild_text guild_announcement")]
    pub channel: InteractionChannel,
    /// Role to ping when a streamer goes live
    pub role: Option<Role>,
    /// Who gets pinged (default: the role if you pick one, otherwise nobody)
    pub ping: Option<Ping>,
    /// Turn live notifications on or off for this server
    pub enabled: Option<bool>,
    /// What happens to the message when the stream ends (default: edit it)
    pub after_stream: Option<AfterStream>,
    /// In announcement channels, publish notifications to following servers (default: on)
    pub publish: Option<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, CommandOption, CreateOption)]
pub enum AfterStream {
    #[option(name = "Edit it to say how long the stream lasted", value = "edit")]
    Edit,
    #[option(name = "Delete it", value = "delete")]
    Delete,
    #[option(name = "Leave it as it is", value = "keep")]
    Keep,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, CommandOption, CreateOption)]
pub enum Ping {
    #[option(name = "Nobody", value = "none")]
    Nobody,
    #[option(name = "The role I pick", value = "role")]
    Role,
    #[option(
        name = "Members who opt in per streamer with /notify",
        value = "streamer_role"
    )]
    OptIn,
}

pub async fn run(ctx: &Ctx, cmd: Setup) -> anyhow::Result<InteractionResponse> {
    if let Some(refusal) = ctx.refuse_unless_admin() {
        return Ok(refusal);
    }
    let mode = match (cmd.ping, &cmd.role) {
        (Some(Ping::Nobody), _) | (None, None) => PingMode::None,
        (Some(Ping::Role), None) => {
            return Ok(reply::ephemeral(
                "To ping a role, pick it with the `role:` option, e.g. `/setup channel:#live role:@Live`.",
            ));
        }
        (Some(Ping::Role) | None, Some(_)) => PingMode::Role,
        (Some(Ping::OptIn), _) => PingMode::StreamerRole,
    };
    let problems = check_permissions(ctx, &cmd, mode).await;
    let now = ctx.now();
    let mut config = ctx.state.db.ensure_guild(ctx.guild_id, None, now).await?;
    config.channel_id = Some(cmd.channel.id.into());
    config.channel_kind = Some(i32::from(u8::from(cmd.channel.kind)));
    config.offline_mode = match cmd.after_stream {
        Some(AfterStream::Edit) => OfflineMode::Edit,
        Some(AfterStream::Delete) => OfflineMode::Delete,
        Some(AfterStream::Keep) => OfflineMode::Keep,
        None => config.offline_mode,
    };
    config.publish_announcements = cmd.publish.unwrap_or(config.publish_announcements);
    config.ping_mode = mode;
    config.ping_role_id = cmd
        .role
        .as_ref()
        .filter(|_| mode == PingMode::Role)
        .map(|r| r.id.into());
    config.enabled = cmd.enabled.unwrap_or(config.enabled);
    ctx.state.db.save_guild_config(&config, now).await?;
    if problems.is_empty() {
        ctx.state
            .db
            .clear_needs_attention(ctx.guild_id, now)
            .await?;
    }
    Ok(summary(&cmd, &config, &problems).into_response())
}

/// What would stop notifications from working, each with its fix.
async fn check_permissions(ctx: &Ctx, cmd: &Setup, mode: PingMode) -> Vec<String> {
    let channel = format!("<#{}>", cmd.channel.id);
    let lookup = tokio::time::timeout(
        Duration::from_secs(2),
        permissions::bot_permissions(ctx, cmd.channel.id.into()),
    );
    let (in_channel, guild) = match lookup.await {
        Ok(Ok(perms)) => perms,
        Ok(Err(e)) => {
            tracing::warn!(
                error = format!("{e:#}"),
                "could not compute the bot's permissions"
            );
            return vec![format!(
                "I couldn't check my permissions in {channel} just now. Run `/streamers test` to check that I can post there."
            )];
        }
        Err(_) => {
            return vec![format!(
                "Discord was slow to tell me my permissions in {channel}. Run `/streamers test` to check that I can post there."
            )];
        }
    };
    let mut problems = Vec::new();
    let missing = permissions::missing(in_channel, TO_POST);
    if !missing.is_empty() {
        problems.push(format!(
            "I'm missing {} in {channel}. Open the channel's settings → Permissions, add the StreamMaxing role and allow {}.",
            permissions::and_list(&missing),
            if missing.len() == 1 { "it" } else { "them" }
        ));
    }
    if let (PingMode::Role, Some(role)) = (mode, &cmd.role)
        && !role.mentionable
        && !permissions::missing(in_channel, Permissions::MENTION_EVERYONE).is_empty()
    {
        problems.push(format!(
                "<@&{}> can't be mentioned, so the ping would reach nobody. In Server Settings → Roles → {}, turn on \
                 **Allow anyone to @mention this role** (or give me **Mention @everyone, @here and All Roles** in {channel}).",
                role.id, role.name
            ));
    }
    if mode == PingMode::StreamerRole
        && !permissions::missing(guild, Permissions::MANAGE_ROLES).is_empty()
    {
        problems.push(
            "Opt-in pings need a role per streamer that I create and hand out, so I need **Manage Roles** \
             (Server Settings → Roles → StreamMaxing)."
                .to_owned(),
        );
    }
    problems
}

fn summary(cmd: &Setup, config: &GuildConfig, problems: &[String]) -> Reply {
    let (mode, enabled) = (config.ping_mode, config.enabled);
    let after = match config.offline_mode {
        OfflineMode::Edit => "edited to say how long it lasted",
        OfflineMode::Delete => "deleted",
        OfflineMode::Keep => "left as it is",
    };
    let pings = match (mode, &cmd.role) {
        (PingMode::Role, Some(role)) => format!("<@&{}>", role.id),
        (PingMode::StreamerRole, _) => "members who opted in with `/notify on`".to_owned(),
        _ => "nobody".to_owned(),
    };
    let (title, color) = match (problems.is_empty(), enabled) {
        (true, true) => ("✅ Live notifications are set up", reply::COLOR_OK),
        (true, false) => ("⏸️ Saved: live notifications are paused", reply::COLOR),
        (false, _) => ("⚠️ Saved, but something needs fixing", reply::COLOR_WARN),
    };
    let mut embed = EmbedBuilder::new()
        .title(title)
        .color(color)
        .field(EmbedFieldBuilder::new("Channel", format!("<#{}>", cmd.channel.id)).inline())
        .field(EmbedFieldBuilder::new("Pings", pings).inline())
        .field(
            EmbedFieldBuilder::new("When a stream ends", format!("its message is {after}"))
                .inline(),
        )
        .field(
            EmbedFieldBuilder::new(
                "Status",
                if enabled {
                    "on"
                } else {
                    "paused (`/setup enabled:True` to resume)"
                },
            )
            .inline(),
        );
    if !problems.is_empty() {
        embed = embed.description(
            problems
                .iter()
                .map(|p| format!("• {p}"))
                .collect::<Vec<_>>()
                .join("\n"),
        );
    } else {
        embed = embed.description("Next: follow a streamer with `/streamers add login:<their Twitch name>`, then try `/streamers test`.");
    }
    Reply::embed(embed.build())
}
