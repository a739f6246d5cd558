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
    i18n::Lang,
    notify::{
        filters::{self, StreamFacts},
        message,
    },
    store::TrackedRoute,
    tr,
    twitch::live::{GoLive, go_live_details},
};

/// Routes tested at once at most (each is one Discord message).
const MAX_ROUTES: usize = 5;
/// A message's content holds 2,000 characters.
const MAX_CHARS: usize = 2_000;

/// Tests each route (up to [`MAX_ROUTES`]) and sums up.
pub async fn post_all(ctx: &Ctx, routes: &[TrackedRoute]) -> anyhow::Result<Reply> {
    let mut lines = Vec::new();
    for (i, tracked) in routes.iter().take(MAX_ROUTES).enumerate() {
        lines.push(post(ctx, tracked, i).await?);
    }
    if routes.len() > MAX_ROUTES {
        lines.push(tr!(
            ctx.lang,
            "streamers-test-more",
            count = routes.len() - MAX_ROUTES
        ));
    }
    // Five routes' answers in a longer language can outgrow a message.
    let mut text = lines.join("\n\n");
    if text.chars().count() > MAX_CHARS {
        text = text.chars().take(MAX_CHARS - 2).collect::<String>() + " …";
    }
    Ok(Reply::text(text))
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
        return Ok(tr!(ctx.lang, "streamers-test-no-channel"));
    };
    // The sample is posted in the channel: it speaks the server's language.
    out.content = format!(
        "{}\n{}",
        tr!(config.lang(), "streamers-test-header"),
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
        Err(e) => return explain_failure(ctx.lang, &e, &where_).ok_or_else(|| e.into()),
    };
    // Posting works again: a route held back by a past failure resumes.
    let resumed = state
        .db
        .clear_route_attention(tracked.route.id, state.now_ms())
        .await?;
    let mut text = tr!(
        ctx.lang,
        "streamers-test-posted",
        name = escape(&streamer.display_name),
        channel = &where_,
        link = format!(
            "https://discord.com/channels/{}/{}/{message_id}",
            ctx.guild_id, out.channel_id
        )
    );
    if resumed {
        text.push(' ');
        text.push_str(&tr!(ctx.lang, "streamers-test-resumed"));
    }
    text.push('\n');
    text.push_str(&would_announce_in(ctx.lang, tracked, &details));
    Ok(text)
}

/// Whether the stream as it is now would pass the route's filters, and why.
pub fn would_announce_in(lang: Lang, tracked: &TrackedRoute, details: &GoLive) -> String {
    let f = tracked.route.filters();
    if f.is_empty() {
        return tr!(lang, "streamers-filters-none");
    }
    let facts = StreamFacts {
        title: &details.title,
        game_id: &details.game_id,
        game_name: &details.game_name,
    };
    let live = tracked.streamer.live_stream_id.is_some();
    match (filters::check(&f, facts), live) {
        (Ok(()), true) => tr!(lang, "streamers-filters-pass-live"),
        (Ok(()), false) => tr!(lang, "streamers-filters-pass-offline"),
        (Err(blocked), true) => tr!(
            lang,
            "streamers-filters-block-live",
            why = escape(&blocked.text(lang))
        ),
        (Err(blocked), false) => tr!(
            lang,
            "streamers-filters-block-offline",
            why = escape(&blocked.text(lang))
        ),
    }
}

/// What an admin should do about a failed post, for the failures they can fix.
pub fn explain_failure(lang: Lang, error: &DiscordError, channel: &str) -> Option<String> {
    Some(match error.code()? {
        code if code.is_not_allowed() => {
            tr!(lang, "streamers-post-not-allowed", channel = channel)
        }
        DiscordCode::UnknownChannel => {
            tr!(lang, "streamers-post-unknown-channel", channel = channel)
        }
        code => tr!(
            lang,
            "streamers-post-refused",
            code = code.as_u64().to_string()
        ),
    })
}
