//! `/template edit|preview|reset [streamer:]`: what notifications look like,
//! for the whole server or one streamer.

use twilight_interactions::command::{CommandModel, CreateCommand};
use twilight_model::http::interaction::InteractionResponse;

use super::streamers::find_tracked;
use crate::{
    discord::{
        context::Ctx,
        modals,
        reply::{self, Reply},
    },
    links,
    notify::{message, template},
    store::TrackedStreamer,
    twitch::live::GoLive,
};

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
    let current = current_template(&config, tracked.as_ref());
    match cmd {
        Template::Edit(_) => Ok(modals::template_form(
            tracked.as_ref().map(|t| t.streamer.twitch_id.as_str()),
            &current,
        )),
        Template::Preview(_) => {
            Ok(preview(ctx, &current, tracked.as_ref(), "Preview").into_response())
        }
        Template::Reset(_) => reset(ctx, tracked.as_ref()).await,
    }
}

/// The template in force for the server, or for one streamer.
pub fn current_template(
    config: &crate::store::GuildConfig,
    tracked: Option<&TrackedStreamer>,
) -> template::Template {
    match tracked {
        Some(tracked) => message::template_for(config, tracked),
        None => config
            .template
            .as_deref()
            .and_then(|json| template::Template::from_json(json).ok())
            .unwrap_or_default(),
    }
}

/// The notification rendered exactly as it will be posted (pinging nobody
/// here), with sample stream details, plus a button to the web editor.
pub fn preview(
    ctx: &Ctx,
    t: &template::Template,
    tracked: Option<&TrackedStreamer>,
    heading: &str,
) -> Reply {
    let mut vars = template::Sample::Typical.vars();
    if let Some(tracked) = tracked {
        let s = &tracked.streamer;
        let details = GoLive {
            login: s.login.clone(),
            display_name: s.display_name.clone(),
            avatar_url: s.avatar_url.clone(),
            title: s.title.clone().unwrap_or(vars.stream_title.clone()),
            game_name: s.game_name.clone().unwrap_or(vars.game_name.clone()),
            viewer_count: vars.viewer_count,
            thumbnail_url: None,
        };
        vars = message::vars(
            tracked,
            &details,
            vars.started_at.timestamp_millis(),
            vars.mention.clone(),
        );
    }
    let rendered = template::render(t, &vars, "preview");
    let mut components = rendered.components;
    if let Some(url) = editor_url(ctx, tracked) {
        components.push(reply::link_button("Open the web editor", url));
    }
    let content = format!(
        "**{heading}** (sample stream; pings nobody here)\n{}",
        rendered.content
    );
    Reply {
        content: content.trim_end().to_owned(),
        embeds: rendered.embeds,
        components,
    }
}

/// A signed, expiring link to the web editor for this server (and streamer).
fn editor_url(ctx: &Ctx, tracked: Option<&TrackedStreamer>) -> Option<String> {
    use secrecy::ExposeSecret;
    let secret = ctx.state.config.app_secret.as_ref()?;
    let claims = links::Claims {
        purpose: links::Purpose::Editor,
        guild_id: ctx.guild_id,
        twitch_id: tracked.map(|t| t.streamer.twitch_id.clone()),
        user_id: ctx.user_id,
        expires_at: ctx.now() + links::LINK_TTL_MS,
        nonce: links::nonce(),
    };
    let token = links::sign(secret.expose_secret(), &claims);
    Some(format!(
        "{}/editor?token={token}",
        ctx.state.config.public_url.as_str().trim_end_matches('/')
    ))
}

async fn reset(
    ctx: &Ctx,
    tracked: Option<&TrackedStreamer>,
) -> anyhow::Result<InteractionResponse> {
    save(ctx, tracked.map(|t| t.streamer.twitch_id.as_str()), None).await?;
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

/// Stores a template (or, with `None`, removes the customisation).
pub async fn save(ctx: &Ctx, twitch_id: Option<&str>, json: Option<String>) -> anyhow::Result<()> {
    let db = &ctx.state.db;
    let now = ctx.now();
    match twitch_id {
        Some(twitch_id) => {
            let mut overrides = db
                .tracked_streamer(ctx.guild_id, twitch_id)
                .await?
                .map(|t| t.overrides)
                .ok_or_else(|| anyhow::anyhow!("streamer {twitch_id} is not tracked here"))?;
            overrides.template = json;
            db.set_streamer_overrides(ctx.guild_id, twitch_id, &overrides)
                .await?;
        }
        None => {
            let mut config = db.ensure_guild(ctx.guild_id, None, now).await?;
            config.template = json;
            db.save_guild_config(&config, now).await?;
        }
    }
    Ok(())
}
