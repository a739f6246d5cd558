//! Autocomplete: every `streamer:` option offers the server's followed
//! streamers that match what has been typed; `game:` offers Twitch's
//! categories (at most 25 either way, always within Discord's window).

use twilight_model::{
    application::{
        command::CommandOptionChoice,
        command::CommandOptionChoiceValue,
        interaction::application_command::{CommandDataOption, CommandOptionValue},
    },
    http::interaction::InteractionResponse,
};

use super::{context::Ctx, reply};

const MAX_CHOICES: usize = 25;

/// How long Twitch may take to suggest categories: the answer must reach
/// Discord within 3 seconds, and an empty list beats an error.
const TWITCH_WAIT: std::time::Duration = std::time::Duration::from_millis(2_000);

pub async fn suggest(ctx: &Ctx) -> anyhow::Result<InteractionResponse> {
    let (option, typed) = ctx
        .command_data()
        .and_then(|d| focused(&d.options))
        .unwrap_or_default();
    if option == "game" {
        return Ok(reply::autocomplete(categories(ctx, typed).await));
    }
    let typed = typed.to_lowercase();
    let routes = ctx.state.db.tracked_routes(ctx.guild_id).await?;
    let mut streamers: Vec<_> = routes.iter().map(|t| &t.streamer).collect();
    streamers.dedup_by_key(|s| &s.twitch_id);
    let mut matches: Vec<_> = streamers
        .into_iter()
        .filter(|s| s.login.contains(&typed) || s.display_name.to_lowercase().contains(&typed))
        .collect();
    // Names that start with what was typed come first.
    matches.sort_by_key(|s| (!s.login.starts_with(&typed), s.login.clone()));
    let choices = matches
        .into_iter()
        .take(MAX_CHOICES)
        .map(|s| CommandOptionChoice {
            name: if s.display_name.eq_ignore_ascii_case(&s.login) {
                s.display_name.clone()
            } else {
                format!("{} ({})", s.display_name, s.login)
                    .chars()
                    .take(100)
                    .collect()
            },
            name_localizations: None,
            value: CommandOptionChoiceValue::String(s.login.clone()),
        })
        .collect();
    Ok(reply::autocomplete(choices))
}

/// Twitch's categories matching `typed`, best first.
async fn categories(ctx: &Ctx, typed: &str) -> Vec<CommandOptionChoice> {
    let (Some(helix), typed) = (ctx.state.twitch.as_deref(), typed.trim()) else {
        return Vec::new();
    };
    if typed.is_empty() {
        return Vec::new();
    }
    let search = helix.search_categories(typed, MAX_CHOICES as u8);
    let found = match tokio::time::timeout(TWITCH_WAIT, search).await {
        Ok(Ok(found)) => found,
        Ok(Err(e)) => {
            tracing::info!(error = %e, "category search failed; suggesting nothing");
            return Vec::new();
        }
        Err(_) => return Vec::new(),
    };
    found
        .into_iter()
        .take(MAX_CHOICES)
        .map(|c| {
            let category = crate::store::Category {
                id: c.id,
                name: c.name,
            };
            CommandOptionChoice {
                name: category.name.chars().take(100).collect(),
                name_localizations: None,
                value: CommandOptionChoiceValue::String(super::commands::filter::category_value(
                    &category,
                )),
            }
        })
        .collect()
}

/// The option being typed (name and value), however deep in subcommands.
fn focused(options: &[CommandDataOption]) -> Option<(&str, &str)> {
    options.iter().find_map(|o| match &o.value {
        CommandOptionValue::Focused(value, _) => Some((o.name.as_str(), value.as_str())),
        CommandOptionValue::SubCommand(inner) | CommandOptionValue::SubCommandGroup(inner) => {
            focused(inner)
        }
        _ => None,
    })
}
