//! Autocomplete for every `streamer:` option: the server's tracked
//! streamers that match what has been typed (at most 25).

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

pub async fn suggest(ctx: &Ctx) -> anyhow::Result<InteractionResponse> {
    let typed = ctx
        .command_data()
        .and_then(|d| focused(&d.options))
        .unwrap_or_default()
        .to_lowercase();
    let tracked = ctx.state.db.tracked_streamers(ctx.guild_id).await?;
    let mut matches: Vec<_> = tracked
        .iter()
        .map(|t| &t.streamer)
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

/// The value of the option being typed, however deep in subcommands.
fn focused(options: &[CommandDataOption]) -> Option<&str> {
    options.iter().find_map(|o| match &o.value {
        CommandOptionValue::Focused(value, _) => Some(value.as_str()),
        CommandOptionValue::SubCommand(inner) | CommandOptionValue::SubCommandGroup(inner) => {
            focused(inner)
        }
        _ => None,
    })
}
