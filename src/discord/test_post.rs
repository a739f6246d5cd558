//! `/streamers test`: post a real notification now on each of a streamer's
//! routes, pinging nobody, through the same create-message path as a
//! go-live, or say exactly why it can't be posted; and say whether the
//! current stream would pass each route's filters.

use super::{
    api::{DiscordCode, DiscordError},
    context::Ctx,
    reply::{Reply, escape},
};
use crate::{
    delivery::send,
    notify::{
        filters::{self, StreamFacts},
        message,
    },
    store::TrackedRoute,
    twitch::live::{GoLive, go_live_details},
};

/// Routes tested at once at most (each is one Discord message).
const MAX_ROUTES: usize = 5;

/// Tests each route (up to [`MAX_ROUTES`]) and sums up.
pub async fn post_all(ctx: &Ctx, routes: &[TrackedRoute]) -> anyhow::Result<Reply> {
    let mut lines = Vec::new();
    for (i, tracked) in routes.iter().take(MAX_ROUTES).enumerate() {
        lines.push(post(ctx, tracked, i).await?);
    }
    if routes.len() > MAX_ROUTES {
        lines.push(format!(
            "…and {} more routes: test them one at a time with `channel:`.",
            routes.len() - MAX_ROUTES
        ));
    }
    Ok(Reply::text(lines.join("\n\n")))
}

/// Tests one route; `n` tells its post apart from the others of this
/// interaction (each gets its own nonce).
async fn post(ctx: &Ctx, tracked: &TrackedRoute, n: usize) -> anyhow::Result<String> {
    let state = &ctx.state;
    let config = ctx.guild_config().await?;
    let streamer = &tracked.streamer;
    let details = match state.twitch.as_deref() {
        Some(helix) => go_live_details(helix, &state.db, streamer, state.now_ms()).await,
        None => GoLive::from_stored(streamer),
    };
    let cache_bust = format!("test{}", state.now_ms() / 1000);
    let built = message::build(
        &config,
        tracked,
        &details,
        state.now_ms(),
        &cache_bust,
        false,
    );
    let Some(mut out) = built else {
        return Ok(
            "There's no channel to post in yet. Choose one with `/setup channel:#your-channel`."
                .to_owned(),
        );
    };
    out.content = format!(
        "🧪 **Test notification** (nobody was pinged)\n{}",
        out.content
    )
    .trim_end()
    .to_owned();
    // One test per route and interaction: Discord's nonce keeps a retried
    // send single.
    let nonce = format!("t{}-{n}", ctx.interaction.id);
    let where_ = format!("<#{}>", out.channel_id);
    let message_id = match send::post(ctx.discord()?, &out, &nonce).await {
        Ok(id) => id,
        Err(e) => return explain_failure(&e, &where_).ok_or_else(|| e.into()),
    };
    // Posting works again: a route held back by a past failure resumes.
    let resumed = if state
        .db
        .clear_route_attention(tracked.route.id, state.now_ms())
        .await?
    {
        " This route had stopped after an earlier failure; it is back on."
    } else {
        ""
    };
    Ok(format!(
        "✅ Posted a test notification for **{}** in {where_}: https://discord.com/channels/{}/{}/{message_id}. Nobody was pinged.{resumed}\n{}",
        escape(&streamer.display_name),
        ctx.guild_id,
        out.channel_id,
        would_announce(tracked, &details),
    ))
}

/// Whether the stream as it is now would pass the route's filters, and why.
pub fn would_announce(tracked: &TrackedRoute, details: &GoLive) -> String {
    let f = tracked.route.filters();
    if f.is_empty() {
        return "No filters on this route: every stream is announced.".to_owned();
    }
    let facts = StreamFacts {
        title: &details.title,
        game_id: &details.game_id,
        game_name: &details.game_name,
    };
    let now = if tracked.streamer.live_stream_id.is_some() {
        "their stream now"
    } else {
        "a stream with their current title and game"
    };
    match filters::check(&f, facts) {
        Ok(()) => format!("🟢 Filters: {now} would be announced."),
        Err(blocked) => format!(
            "🟡 Filters: {now} would **not** be announced: {}.",
            escape(&blocked.to_string())
        ),
    }
}

/// What an admin should do about a failed post, for the failures they can fix.
pub fn explain_failure(error: &DiscordError, channel: &str) -> Option<String> {
    Some(match error.code()? {
        code if code.is_not_allowed() => format!(
            "❌ I can't post in {channel}: I'm missing permissions there. Give the StreamMaxing role **View Channel**, \
             **Send Messages** and **Embed Links** in that channel's settings, then try again."
        ),
        DiscordCode::UnknownChannel => format!(
            "❌ The channel {channel} no longer exists. Choose a new one with `/setup channel:` (or `/streamers add channel:` for this streamer's own channel)."
        ),
        code => format!(
            "❌ Discord refused the message (error {}). Check the template with `/template preview`.",
            code.as_u64()
        ),
    })
}
