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
use crate::{
    tr,
    twitch::{TwitchLogin, search},
};

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
    if option == "login" {
        return Ok(reply::autocomplete(channels(ctx, typed).await));
    }
    if option == "team" {
        return Ok(reply::autocomplete(teams(ctx, typed).await?));
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

/// `/streamers add login:`: Twitch channels matching the last name typed
/// (several may be typed, separated by spaces or commas), the exact login
/// first, then live ones, each marked live with its game; streamers this
/// server follows already are marked too. The name as typed is offered
/// when Twitch has nothing (yet), so the admin is never stuck.
async fn channels(ctx: &Ctx, typed: &str) -> Vec<CommandOptionChoice> {
    let (before, last) = split_last_name(typed);
    let query = search::normalize(last);
    let Some(helix) = ctx.state.twitch.as_ref().filter(|_| !query.is_empty()) else {
        return Vec::new();
    };
    let mut found = ctx
        .state
        .channel_search
        .find(helix, &query, TWITCH_WAIT)
        .await;
    // Exact login first, then live channels, then Twitch's own order.
    found.sort_by_key(|c| (c.broadcaster_login != query, !c.is_live));
    let followed: Vec<_> = match ctx.state.db.tracked_routes(ctx.guild_id).await {
        Ok(routes) => routes.into_iter().map(|t| t.streamer.twitch_id).collect(),
        Err(_) => Vec::new(),
    };
    let mut choices: Vec<CommandOptionChoice> = found
        .iter()
        .map(|c| {
            let mut name = if c.display_name.eq_ignore_ascii_case(&c.broadcaster_login) {
                c.display_name.clone()
            } else {
                format!("{} ({})", c.display_name, c.broadcaster_login)
            };
            if c.is_live {
                name = tr!(ctx.lang, "streamers-choice-live", name = name);
                if !c.game_name.is_empty() {
                    name.push_str(&format!(" · {}", c.game_name));
                }
            }
            if followed.contains(&c.id) {
                name.push_str(" · ");
                name.push_str(&tr!(ctx.lang, "streamers-choice-followed"));
            }
            choice(name, &format!("{before}{}", c.broadcaster_login))
        })
        .filter(|c| matches!(&c.value, CommandOptionChoiceValue::String(v) if v.len() <= 100))
        .take(MAX_CHOICES)
        .collect();
    if choices.is_empty() && TwitchLogin::parse(&query).is_ok() {
        choices.push(choice(query.clone(), &format!("{before}{query}")));
    }
    choices
}

/// The teams this server follows whose name contains `typed`.
async fn teams(ctx: &Ctx, typed: &str) -> anyhow::Result<Vec<CommandOptionChoice>> {
    let typed = typed.trim().to_lowercase();
    Ok(ctx
        .state
        .db
        .team_follows(ctx.guild_id)
        .await?
        .into_iter()
        .filter(|t| t.team_name.contains(&typed) || t.display_name.to_lowercase().contains(&typed))
        .take(MAX_CHOICES)
        .map(|t| {
            choice(
                format!("{} ({})", t.display_name, t.team_name),
                &t.team_name,
            )
        })
        .collect())
}

/// "a, b, c" → ("a, b, ", "c"): the names already typed, and the one being typed.
fn split_last_name(typed: &str) -> (&str, &str) {
    match typed.rfind([',', ' ', ';', '\n']) {
        Some(at) => typed.split_at(at + 1),
        None => ("", typed),
    }
}

fn choice(name: String, value: &str) -> CommandOptionChoice {
    CommandOptionChoice {
        name: name.chars().take(100).collect(),
        name_localizations: None,
        value: CommandOptionChoiceValue::String(value.to_owned()),
    }
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
