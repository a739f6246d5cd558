//! Which routes a command means: `streamer:` (a followed streamer, by
//! login or display name) and, optionally, `channel:` (one of their
//! routes). Without `channel:` a command means every route of the
//! streamer.

use twilight_model::{
    application::interaction::InteractionChannel, http::interaction::InteractionResponse,
};

use crate::{
    discord::{context::Ctx, reply},
    i18n::Lang,
    ids::ChannelId,
    notify::message,
    store::{GuildConfig, TrackedRoute},
    tr,
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
        return Ok(Err(reply::ephemeral(tr!(
            ctx.lang,
            "filter-not-followed",
            streamer = reply::escape(typed.trim())
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
        let places: Vec<String> = elsewhere
            .iter()
            .map(|t| place(ctx.lang, &config, t))
            .collect();
        return Ok(Err(reply::ephemeral(tr!(
            ctx.lang,
            "filter-not-in-channel",
            streamer = name,
            channel = wanted.to_string(),
            places = places.join(&tr!(ctx.lang, "setup-list-separator"))
        ))));
    }
    Ok(Ok(here))
}

/// Where a route posts, as admins read it, in `lang`.
pub fn place(lang: Lang, config: &GuildConfig, t: &TrackedRoute) -> String {
    match (t.route.channel_id, config.channel_id) {
        (Some(own), _) => format!("<#{own}>"),
        (None, Some(server)) => tr!(lang, "filter-place-server", channel = server.to_string()),
        (None, None) => tr!(lang, "filter-place-none"),
    }
}
