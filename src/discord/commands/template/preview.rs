//! What `/template preview`, the form and the web editor share: the
//! notification rendered exactly as it will be posted (with sample or the
//! streamer's own details), and saving a template where it belongs.

use crate::{
    discord::{
        context::Ctx,
        reply::{self, Reply},
    },
    ids::TwitchUserId,
    links,
    notify::{message, template},
    store::TrackedStreamer,
    twitch::live::GoLive,
};

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

/// Stores a template (or, with `None`, removes the customisation).
pub async fn save(
    ctx: &Ctx,
    twitch_id: Option<&TwitchUserId>,
    json: Option<String>,
) -> anyhow::Result<()> {
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
