//! Which routes a command means: `streamer:` (a followed streamer, by
//! login or display name) and, optionally, `channel:` (one of their
//! routes). Without `channel:` a command means every route of the
//! streamer.

use twilight_model::{
    application::interaction::InteractionChannel, http::interaction::InteractionResponse,
};

use crate::{
    discord::{context::Ctx, reply},
    ids::ChannelId,
    notify::message,
    store::{GuildConfig, TrackedRoute},
};

/// The routes a `streamer:` (and `channel:`) option names, first added
/// first, or the reply saying why there are none.
pub async fn routes(
    ctx: &Ctx,
    typed: &str,
    channel: Option<&InteractionChannel>,
) -> anyhow::Result<Result<Vec<TrackedRoute>, InteractionResponse>> {
    let login = typed.trim().trim_start_matches('@').to_ascii_lowercase();
    let all = ctx.state.db.tracked_routes(ctx.guild_id).await?;
    let routes: Vec<TrackedRoute> = all
        .into_iter()
        .filter(|t| {
            t.streamer.login == login || t.streamer.display_name.eq_ignore_ascii_case(&login)
        })
        .collect();
    if routes.is_empty() {
        return Ok(Err(reply::ephemeral(format!(
            "This server doesn't follow **{}**. `/streamers list` shows who it follows; `/streamers add` adds someone.",
            reply::escape(typed.trim())
        ))));
    }
    let Some(channel) = channel else {
        return Ok(Ok(routes));
    };
    let config = ctx.guild_config().await?;
    let wanted = ChannelId::from(channel.id);
    let (here, elsewhere): (Vec<_>, Vec<_>) = routes
        .into_iter()
        .partition(|t| message::channel_for(&config, t) == Some(wanted));
    if here.is_empty() {
        let name = reply::escape(&elsewhere[0].streamer.display_name);
        let places: Vec<String> = elsewhere.iter().map(|t| place(&config, t)).collect();
        return Ok(Err(reply::ephemeral(format!(
            "**{name}** has no alerts in <#{wanted}>. Their alerts go to {}. Leave out `channel:` to mean all of them.",
            places.join(", ")
        ))));
    }
    Ok(Ok(here))
}

/// Where a route posts, for replies: `#channel`, marked when it is the
/// server's channel.
pub fn place(config: &GuildConfig, t: &TrackedRoute) -> String {
    match (t.route.channel_id, config.channel_id) {
        (Some(own), _) => format!("<#{own}>"),
        (None, Some(server)) => format!("<#{server}> (the server's channel)"),
        (None, None) => "the server's channel (none chosen yet: `/setup channel:`)".to_owned(),
    }
}
