//! The message a route posts for a stream: its template (the route's
//! own, else the server's, else the default) rendered with the stream's
//! details, addressed to its channel, mentioning exactly the configured role
//! and no one else.

use chrono::{DateTime, Utc};
use twilight_model::{
    channel::message::{AllowedMentions, Component, Embed},
    id::{Id, marker::RoleMarker},
};

use super::{
    pings::ping_role,
    template::{self, Template, Vars},
};
use crate::ids::{ChannelId, RoleId};
use crate::{
    store::{GuildConfig, TrackedRoute},
    twitch::live::GoLive,
};

#[derive(Debug, Clone)]
pub struct Outgoing {
    pub channel_id: ChannelId,
    pub content: String,
    pub embeds: Vec<Embed>,
    pub components: Vec<Component>,
    /// The only mentions Discord may turn into pings.
    pub allowed_mentions: AllowedMentions,
    /// Publish to following servers (an announcement channel, and the guild
    /// wants it).
    pub publish: bool,
}

/// Discord's channel type for announcement channels.
const ANNOUNCEMENT: i32 = 5;

/// The template that applies to this route. A stored template that no
/// longer parses falls back to the default (and is logged); the default
/// speaks the server's language.
pub fn template_for(config: &GuildConfig, tracked: &TrackedRoute) -> Template {
    let stored = tracked
        .route
        .template
        .as_deref()
        .or(config.template.as_deref());
    stored
        .and_then(|json| {
            Template::from_json(json)
                .map_err(|e| tracing::warn!(guild.id = %config.guild_id, error = %e, "stored template unreadable; using the default"))
                .ok()
        })
        .unwrap_or_else(|| Template::default_in(config.lang()))
}

/// The template in force for the server, or for one route.
pub fn current_template(config: &GuildConfig, tracked: Option<&TrackedRoute>) -> Template {
    match tracked {
        Some(tracked) => template_for(config, tracked),
        None => config
            .template
            .as_deref()
            .and_then(|json| Template::from_json(json).ok())
            .unwrap_or_else(|| Template::default_in(config.lang())),
    }
}

/// Where this route posts: its own channel, else the server's.
pub fn channel_for(config: &GuildConfig, tracked: &TrackedRoute) -> Option<ChannelId> {
    tracked.route.channel_id.or(config.channel_id)
}

/// Is that channel an announcement channel whose posts the guild publishes?
fn publishes(config: &GuildConfig, tracked: &TrackedRoute) -> bool {
    let kind = match tracked.route.channel_id {
        Some(_) => tracked.route.channel_kind,
        None => config.channel_kind,
    };
    config.publish_announcements && kind == Some(ANNOUNCEMENT)
}

/// The template's variables for this stream.
pub fn vars(tracked: &TrackedRoute, details: &GoLive, started_at_ms: i64, mention: String) -> Vars {
    Vars {
        twitch_id: tracked.streamer.twitch_id.to_string(),
        streamer_login: details.login.clone(),
        streamer_display_name: details.display_name.clone(),
        streamer_avatar_url: details.avatar_url.clone(),
        stream_title: details.title.clone(),
        game_name: details.game_name.clone(),
        viewer_count: details.viewer_count,
        stream_thumbnail_url: details.thumbnail_url.clone(),
        started_at: DateTime::<Utc>::from_timestamp_millis(started_at_ms).unwrap_or_else(Utc::now),
        stream_url: format!("https://www.twitch.tv/{}", details.login),
        mention,
    }
}

/// Builds the message, or `None` when the guild has no channel for it.
/// With `pings == false` the mention is shown but pings nobody.
pub fn build(
    config: &GuildConfig,
    tracked: &TrackedRoute,
    details: &GoLive,
    started_at_ms: i64,
    cache_bust: &str,
    pings: bool,
) -> Option<Outgoing> {
    let channel_id = channel_for(config, tracked)?;
    let role = ping_role(config, tracked);
    let mention = role.map(|r| format!("<@&{r}>")).unwrap_or_default();
    let rendered = template::render(
        &template_for(config, tracked),
        &vars(tracked, details, started_at_ms, mention),
        cache_bust,
    );
    let roles: Vec<Id<RoleMarker>> = role.filter(|_| pings).map(RoleId::id).into_iter().collect();
    Some(Outgoing {
        channel_id,
        content: rendered.content,
        embeds: rendered.embeds,
        components: rendered.components,
        allowed_mentions: AllowedMentions {
            parse: vec![],
            roles,
            users: vec![],
            replied_user: false,
        },
        publish: publishes(config, tracked),
    })
}

/// Puts `note` on a line above the message (a stream announced late, when
/// it came to match the route's filters), when the message has room.
pub fn with_note(mut out: Outgoing, note: &str) -> Outgoing {
    let content = if out.content.is_empty() {
        note.to_owned()
    } else {
        format!("{note}\n{}", out.content)
    };
    if content.chars().count() <= 2000 {
        out.content = content;
    }
    out
}
