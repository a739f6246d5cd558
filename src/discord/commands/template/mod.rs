//! `/template edit|preview|reset [streamer:]`: what notifications look like,
//! for the whole server or one streamer.

use twilight_interactions::command::{CommandModel, CreateCommand};
use twilight_model::http::interaction::InteractionResponse;

pub mod form;
mod preview;

use super::streamers::find_tracked;
use crate::{
    discord::{context::Ctx, reply},
    notify::message,
    store::TrackedStreamer,
};
use preview::{preview, save};

#[derive(Debug, CommandModel, CreateCommand)]
#[command(
    name = "template",
    desc = "Customise what live notifications look like",
    default_permissions = "super::manage_guild",
    contexts = "guild",
    integration_types = "guild_install"
)]
pub enum Template {
    #[command(name = "edit")]
    Edit(Edit),
    #[command(name = "preview")]
    Preview(Preview),
    #[command(name = "reset")]
    Reset(Reset),
}

#[derive(Debug, CommandModel, CreateCommand)]
#[command(
    name = "edit",
    desc = "Edit the notification template (for the server, or one streamer)"
)]
pub struct Edit {
    /// Only for this streamer (leave empty for the whole server)
    #[command(autocomplete = true)]
    pub streamer: Option<String>,
}

#[derive(Debug, CommandModel, CreateCommand)]
#[command(
    name = "preview",
    desc = "Show a notification exactly as it will be posted"
)]
pub struct Preview {
    /// Preview this streamer's notification (default: the server's template)
    #[command(autocomplete = true)]
    pub streamer: Option<String>,
}

#[derive(Debug, CommandModel, CreateCommand)]
#[command(name = "reset", desc = "Go back to the default template")]
pub struct Reset {
    /// Only for this streamer (leave empty for the whole server)
    #[command(autocomplete = true)]
    pub streamer: Option<String>,
}

pub async fn run(ctx: &Ctx, cmd: Template) -> anyhow::Result<InteractionResponse> {
    if let Some(refusal) = ctx.refuse_unless_admin() {
        return Ok(refusal);
    }
    let typed = match &cmd {
        Template::Edit(Edit { streamer })
        | Template::Preview(Preview { streamer })
        | Template::Reset(Reset { streamer }) => streamer.clone(),
    };
    let tracked = match typed {
        Some(typed) => match find_tracked(ctx, &typed).await? {
            Ok(tracked) => Some(tracked),
            Err(reply) => return Ok(reply),
        },
        None => None,
    };
    let config = ctx.guild_config().await?;
    let current = message::current_template(&config, tracked.as_ref());
    match cmd {
        Template::Edit(_) => Ok(form::template_form(
            tracked.as_ref().map(|t| t.streamer.twitch_id.as_str()),
            &current,
        )),
        Template::Preview(_) => {
            Ok(preview(ctx, &current, tracked.as_ref(), "Preview").into_response())
        }
        Template::Reset(_) => reset(ctx, tracked.as_ref()).await,
    }
}

async fn reset(
    ctx: &Ctx,
    tracked: Option<&TrackedStreamer>,
) -> anyhow::Result<InteractionResponse> {
    save(ctx, tracked.map(|t| &t.streamer.twitch_id), None).await?;
    let whose = match tracked {
        Some(t) => format!(
            "**{}** now uses the server's template",
            reply::escape(&t.streamer.display_name)
        ),
        None => "The server is back on the default template".to_owned(),
    };
    Ok(reply::ephemeral(format!(
        "↩️ {whose}. `/template preview` shows it."
    )))
}
