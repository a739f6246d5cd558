//! What `/template preview`, the form and the web editor share: the
//! notification rendered exactly as it will be posted (with sample or the
//! streamer's own details), and saving a template where it belongs.

use crate::{
    discord::test_post::would_announce_in,
    discord::{
        context::Ctx,
        reply::{self, Reply},
    },
    ids::{ChannelId, TwitchUserId},
    links,
    notify::{message, template},
    store::{RouteEdit, TrackedRoute},
    tr,
    twitch::live::GoLive,
};

/// Whose template: the server's, a streamer's (every route of theirs), or
/// one route (the streamer's in one channel).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    pub twitch_id: Option<TwitchUserId>,
    pub channel_id: Option<ChannelId>,
}

impl Scope {
    /// As a form's custom id carries it: `*`, `<twitch id>` or
    /// `<twitch id>@<channel id>`.
    pub fn encode(&self) -> String {
        match (&self.twitch_id, self.channel_id) {
            (None, _) => "*".to_owned(),
            (Some(id), None) => id.to_string(),
            (Some(id), Some(channel)) => format!("{id}@{channel}"),
        }
    }

    pub fn decode(text: &str) -> Self {
        if text == "*" {
            return Self::default();
        }
        let (id, channel) = match text.split_once('@') {
            Some((id, channel)) => (id, channel.parse::<ChannelId>().ok()),
            None => (text, None),
        };
        Self {
            twitch_id: Some(TwitchUserId::from(id)),
            channel_id: channel,
        }
    }
}

/// The notification rendered exactly as it will be posted (pinging nobody
/// here), with sample stream details, plus a button to the web editor.
pub fn preview(
    ctx: &Ctx,
    t: &template::Template,
    tracked: Option<&TrackedRoute>,
    heading: &str,
) -> Reply {
    let mut vars = template::Sample::Typical.vars();
    let mut filters_note = None;
    if let Some(tracked) = tracked {
        let s = &tracked.streamer;
        let details = GoLive {
            login: s.login.clone(),
            display_name: s.display_name.clone(),
            avatar_url: s.avatar_url.clone(),
            title: s.title.clone().unwrap_or(vars.stream_title.clone()),
            game_id: s.game_id.clone().unwrap_or_default(),
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
        filters_note = Some(would_announce_in(
            ctx.lang,
            tracked,
            &GoLive::from_stored(s),
        ));
    }
    let rendered = template::render(t, &vars, "preview");
    let mut components = rendered.components;
    if let Some(url) = editor_url(ctx, tracked) {
        components.push(reply::link_button(
            &tr!(ctx.lang, "template-open-editor"),
            url,
        ));
    }
    let note = filters_note.map(|n| format!("{n}\n")).unwrap_or_default();
    let above = format!(
        "{}\n{note}",
        tr!(ctx.lang, "template-preview-heading", heading = heading)
    );
    // The rendered text may use all of Discord's 2,000 characters: what
    // stands above it (in the member's language) takes its end.
    let room = MESSAGE_CHARS.saturating_sub(above.chars().count());
    let content = format!("{above}{}", cut(&rendered.content, room));
    Reply {
        content: content.trim_end().to_owned(),
        embeds: rendered.embeds,
        components,
    }
}

/// Discord's limit for a message's text.
const MESSAGE_CHARS: usize = 2_000;

/// `text` cut to at most `max` characters, the cut marked with "…".
fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// A signed, expiring link to the web editor for this server (and streamer).
fn editor_url(ctx: &Ctx, tracked: Option<&TrackedRoute>) -> Option<String> {
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

/// Stores a template (or, with `None`, removes the customisation) where
/// `scope` says: the server, every route of a streamer, or one route.
pub async fn save(ctx: &Ctx, scope: &Scope, json: Option<String>) -> anyhow::Result<()> {
    let db = &ctx.state.db;
    let now = ctx.now();
    let Some(twitch_id) = &scope.twitch_id else {
        let mut config = db.ensure_guild(ctx.guild_id, None, now).await?;
        config.template = json;
        db.save_guild_config(&config, now).await?;
        return Ok(());
    };
    let config = ctx.guild_config().await?;
    let routes: Vec<TrackedRoute> = db
        .streamer_routes(ctx.guild_id, twitch_id)
        .await?
        .into_iter()
        .filter(|t| {
            scope.channel_id.is_none() || message::channel_for(&config, t) == scope.channel_id
        })
        .collect();
    anyhow::ensure!(
        !routes.is_empty(),
        "streamer {twitch_id} has no such route here"
    );
    let edit = RouteEdit {
        template: Some(json),
        ..RouteEdit::default()
    };
    for t in routes {
        db.edit_route(t.route.id, &edit, now).await?;
    }
    Ok(())
}
