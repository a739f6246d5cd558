//! `/streamers test`: post a real notification now, pinging nobody, through
//! the same create-message path as a go-live, or say exactly why it can't
//! be posted.

use super::{
    api::{DiscordCode, DiscordError},
    context::Ctx,
    reply::{Reply, escape},
};
use crate::{
    delivery::send,
    notify::message,
    store::TrackedStreamer,
    twitch::live::{GoLive, go_live_details},
};

pub async fn post(ctx: &Ctx, tracked: &TrackedStreamer) -> anyhow::Result<Reply> {
    let (state, guild_id) = (&ctx.state, ctx.guild_id);
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
        return Ok(Reply::text(
            "There's no channel to post in yet. Choose one with `/setup channel:#your-channel`.",
        ));
    };
    out.content = format!(
        "🧪 **Test notification** (nobody was pinged)\n{}",
        out.content
    )
    .trim_end()
    .to_owned();
    // One test per interaction: Discord's nonce keeps a retried send single.
    let nonce = format!("t{}", ctx.interaction.id);
    let where_ = format!("<#{}>", out.channel_id);
    let message_id = match send::post(ctx.discord()?, &out, &nonce).await {
        Ok(id) => id,
        Err(e) => return Ok(Reply::text(explain_failure(&e, &where_).ok_or(e)?)),
    };
    // Posting works again: a server held back by a past failure resumes.
    let resumed = if config.needs_attention.is_some() {
        state
            .db
            .clear_needs_attention(guild_id, state.now_ms())
            .await?;
        " Notifications were paused after an earlier failure; they are back on."
    } else {
        ""
    };
    Ok(Reply::text(format!(
        "✅ Posted a test notification for **{}** in {where_}: https://discord.com/channels/{guild_id}/{}/{message_id}. Nobody was pinged.{resumed}",
        escape(&streamer.display_name),
        out.channel_id,
    )))
}

/// What an admin should do about a failed post, for the failures they can fix.
pub fn explain_failure(error: &DiscordError, channel: &str) -> Option<String> {
    Some(match error.code()? {
        code if code.is_not_allowed() => format!(
            "❌ I can't post in {channel}: I'm missing permissions there. Give the StreamMaxing role **View Channel**, \
             **Send Messages** and **Embed Links** in that channel's settings, then try again."
        ),
        DiscordCode::UnknownChannel => {
            "❌ The notification channel no longer exists. Choose a new one with `/setup channel:`."
                .to_owned()
        }
        code => format!(
            "❌ Discord refused the message (error {}). Check the template with `/template preview`.",
            code.as_u64()
        ),
    })
}
