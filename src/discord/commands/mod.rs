//! The slash commands: one file per command. Each command's type both
//! describes it (what Discord registers, exported to `commands/*.json`) and
//! parses its options.

pub mod filter;
mod many;
pub mod notify;
pub mod setup;
pub mod streamers;
mod target;
pub mod template;

use std::path::Path;

use anyhow::Context as _;
use twilight_interactions::command::{CommandInputData, CommandModel, CreateCommand};
use twilight_model::{
    application::command::Command, guild::Permissions, http::interaction::InteractionResponse,
};

use super::{context::Ctx, reply};
use crate::tr;

/// Who may use admin commands by default (admins can change this per server).
pub fn manage_guild() -> Permissions {
    Permissions::MANAGE_GUILD
}

/// Every command, as registered with Discord.
pub fn definitions() -> Vec<(&'static str, Command)> {
    vec![
        ("filter", filter::Filter::create_command().into()),
        ("notify", notify::Notify::create_command().into()),
        ("setup", setup::Setup::create_command().into()),
        ("streamers", streamers::Streamers::create_command().into()),
        ("template", template::Template::create_command().into()),
    ]
}

/// The JSON checked in as `commands/<name>.json`.
pub fn to_json(command: &Command) -> String {
    // Through a `Value`, whose objects keep their keys sorted: the
    // localizations are hash maps, in a different order on every run.
    let value = serde_json::to_value(command).unwrap_or_default();
    let mut json = serde_json::to_string_pretty(&value).unwrap_or_default();
    json.push('\n');
    json
}

/// Writes `commands/*.json` from the code; returns the files written.
pub fn export(dir: &Path) -> anyhow::Result<Vec<String>> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let mut written = Vec::new();
    for (name, command) in definitions() {
        let path = dir.join(format!("{name}.json"));
        std::fs::write(&path, to_json(&command))
            .with_context(|| format!("writing {}", path.display()))?;
        written.push(path.display().to_string());
    }
    Ok(written)
}

/// Bulk-overwrites the commands, in one guild or globally; returns the names.
pub async fn register(
    config: &crate::config::Config,
    guild: Option<u64>,
) -> anyhow::Result<Vec<String>> {
    let discord = config.discord.as_ref().context(
        "registering commands needs DISCORD_APPLICATION_ID, DISCORD_PUBLIC_KEY and DISCORD_BOT_TOKEN",
    )?;
    // Registering is one request, done by hand: no pacing needed.
    let api = super::api::Api::new(&config.discord_api_url, discord.bot_token.clone(), 0, None);
    let app_id =
        twilight_model::id::Id::new_checked(discord.application_id).context("application id")?;
    let commands: Vec<Command> = definitions().into_iter().map(|(_, c)| c).collect();
    let guild = guild.and_then(twilight_model::id::Id::new_checked);
    let registered = api
        .set_commands(app_id, guild, &commands)
        .await
        .context("Discord refused the commands")?;
    Ok(registered.into_iter().map(|c| c.name).collect())
}

/// Runs the command the interaction names.
pub async fn run(ctx: &Ctx) -> anyhow::Result<InteractionResponse> {
    let data = ctx
        .command_data()
        .context("command interaction without data")?;
    let input = CommandInputData::from(data.clone());
    macro_rules! parse {
        ($ty:ty) => {
            match <$ty>::from_interaction(input) {
                Ok(command) => command,
                Err(e) => {
                    tracing::warn!(error = %e, command = %data.name, "could not parse command options");
                    return Ok(reply::ephemeral(tr!(ctx.lang, "common-unreadable-options")));
                }
            }
        };
    }
    // Admin commands carry a one-line warning while a route is broken; a
    // deferred reply reads the flag when it is sent, so set it first.
    let admin_command = ctx.is_admin() && data.name != "notify";
    if admin_command {
        ctx.warn_admins();
    }
    let response = match data.name.as_str() {
        "setup" => setup::run(ctx, parse!(setup::Setup)).await,
        "streamers" => streamers::run(ctx, parse!(streamers::Streamers)).await,
        "template" => template::run(ctx, parse!(template::Template)).await,
        "filter" => filter::run(ctx, parse!(filter::Filter)).await,
        "notify" => return notify::run(ctx, parse!(notify::Notify)).await,
        other => {
            return Ok(reply::ephemeral(tr!(
                ctx.lang,
                "common-unknown-command",
                command = other
            )));
        }
    }?;
    if admin_command {
        return with_attention_warning(ctx, response).await;
    }
    Ok(response)
}

/// Puts the attention warning above an immediate reply's text.
async fn with_attention_warning(
    ctx: &Ctx,
    mut response: InteractionResponse,
) -> anyhow::Result<InteractionResponse> {
    let Some(data) = response.data.as_mut() else {
        return Ok(response);
    };
    if response.kind
        != twilight_model::http::interaction::InteractionResponseType::ChannelMessageWithSource
    {
        return Ok(response);
    }
    if let Some(warning) = ctx.attention_warning().await? {
        data.content = Some(match data.content.take() {
            Some(text) if !text.is_empty() => format!("{warning}\n{text}"),
            _ => warning,
        });
    }
    Ok(response)
}
