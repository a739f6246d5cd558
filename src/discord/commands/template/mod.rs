//! `/template edit|preview|reset [streamer:] [channel:]`: what
//! notifications look like, for the whole server, one streamer (all their
//! routes) or one route (the streamer in one channel).

use twilight_interactions::command::{CommandModel, CreateCommand};
use twilight_model::{
    application::interaction::InteractionChannel, http::interaction::InteractionResponse,
};

pub mod form;
mod preview;

use super::target;
use crate::{
    discord::{context::Ctx, reply},
    ids::ChannelId,
    notify::message,
    store::TrackedRoute,
    tr,
};
pub use preview::Scope;
use preview::{preview, save};

#[derive(Debug, CommandModel, CreateCommand)]
#[command(
    name = "template",
    name_localizations = "cmd_template_name",
    desc_localizations = "cmd_template_desc",
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
    name_localizations = "cmd_template_edit_name",
    desc_localizations = "cmd_template_edit_desc"
)]
pub struct Edit {
    #[command(
        autocomplete = true,
        name_localizations = "opt_streamer_name",
        desc_localizations = "opt_template_streamer_desc"
    )]
    pub streamer: Option<String>,
    #[command(
        channel_types = "guild_text guild_announcement",
        name_localizations = "opt_channel_name",
        desc_localizations = "opt_template_channel_desc"
    )]
    pub channel: Option<InteractionChannel>,
}

#[derive(Debug, CommandModel, CreateCommand)]
#[command(
    name = "preview",
    name_localizations = "cmd_template_preview_name",
    desc_localizations = "cmd_template_preview_desc"
)]
pub struct Preview {
    #[command(
        autocomplete = true,
        name_localizations = "opt_streamer_name",
        desc_localizations = "opt_preview_streamer_desc"
    )]
    pub streamer: Option<String>,
    #[command(
        channel_types = "guild_text guild_announcement",
        name_localizations = "opt_channel_name",
        desc_localizations = "opt_template_channel_desc"
    )]
    pub channel: Option<InteractionChannel>,
}

#[derive(Debug, CommandModel, CreateCommand)]
#[command(
    name = "reset",
    name_localizations = "cmd_template_reset_name",
    desc_localizations = "cmd_template_reset_desc"
)]
pub struct Reset {
    #[command(
        autocomplete = true,
        name_localizations = "opt_streamer_name",
        desc_localizations = "opt_template_streamer_desc"
    )]
    pub streamer: Option<String>,
    #[command(
        channel_types = "guild_text guild_announcement",
        name_localizations = "opt_channel_name",
        desc_localizations = "opt_template_channel_desc"
    )]
    pub channel: Option<InteractionChannel>,
}

crate::names! {
    cmd_template_edit_name => "cmd-template-edit-name",
    cmd_template_name => "cmd-template-name",
    cmd_template_preview_name => "cmd-template-preview-name",
    cmd_template_reset_name => "cmd-template-reset-name",
    opt_channel_name => "opt-channel-name",
    opt_streamer_name => "opt-streamer-name",
}

crate::descriptions! {
    cmd_template_desc => "cmd-template-desc",
    cmd_template_edit_desc => "cmd-template-edit-desc",
    cmd_template_preview_desc => "cmd-template-preview-desc",
    cmd_template_reset_desc => "cmd-template-reset-desc",
    opt_preview_streamer_desc => "opt-preview-streamer-desc",
    opt_template_channel_desc => "opt-template-channel-desc",
    opt_template_streamer_desc => "opt-template-streamer-desc",
}

pub async fn run(ctx: &Ctx, cmd: Template) -> anyhow::Result<InteractionResponse> {
    if let Some(refusal) = ctx.refuse_unless_admin() {
        return Ok(refusal);
    }
    let (typed, channel) = match &cmd {
        Template::Edit(Edit { streamer, channel })
        | Template::Preview(Preview { streamer, channel })
        | Template::Reset(Reset { streamer, channel }) => (streamer.clone(), channel.as_ref()),
    };
    let routes = match typed {
        Some(typed) => match target::routes(ctx, &typed, channel).await? {
            Ok(routes) => routes,
            Err(reply) => return Ok(reply),
        },
        None => Vec::new(),
    };
    let tracked = routes.first();
    let scope = Scope {
        twitch_id: tracked.map(|t| t.streamer.twitch_id.clone()),
        channel_id: channel
            .filter(|_| tracked.is_some())
            .map(|c| ChannelId::from(c.id)),
    };
    let config = ctx.guild_config().await?;
    let current = message::current_template(&config, tracked);
    match cmd {
        Template::Edit(_) => Ok(form::template_form(ctx.lang, &scope, &current)),
        Template::Preview(_) => {
            Ok(preview(ctx, &current, tracked, &tr!(ctx.lang, "template-preview")).into_response())
        }
        Template::Reset(_) => reset(ctx, &scope, tracked).await,
    }
}

async fn reset(
    ctx: &Ctx,
    scope: &Scope,
    tracked: Option<&TrackedRoute>,
) -> anyhow::Result<InteractionResponse> {
    save(ctx, scope, None).await?;
    let text = match tracked {
        Some(t) => tr!(
            ctx.lang,
            "template-reset-streamer",
            name = reply::escape(&t.streamer.display_name)
        ),
        None => tr!(ctx.lang, "template-reset-server"),
    };
    Ok(reply::ephemeral(text))
}
