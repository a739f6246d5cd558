//! `/streamers test`: post a real notification now, pinging nobody, or say
//! exactly why it can't be posted.

use anyhow::Context as _;
use twilight_model::id::Id;

use super::{message, roles::discord_code};
use crate::{
    discord::reply::{Reply, escape},
    state::AppState,
    store::TrackedStreamer,
    twitch::live::{GoLive, go_live_details},
};

pub async fn post(
    state: &AppState,
    guild_id: i64,
    tracked: &TrackedStreamer,
) -> anyhow::Result<Reply> {
    let config = state
        .db
        .ensure_guild(guild_id, None, state.now_ms())
        .await?;
    let streamer = &tracked.streamer;
    let details = match state.twitch.as_deref() {
        Some(helix) => go_live_details(helix, &state.db, streamer, state.now_ms()).await,
        None => GoLive::from_stored(streamer),
    };
    let cache_bust = format!("test{}", state.now_ms() / 1000);
    let Some(out) = message::build(
        &config,
        tracked,
        &details,
        state.now_ms(),
        &cache_bust,
        false,
    ) else {
        return Ok(Reply::text(
            "There's no channel to post in yet. Choose one with `/setup channel:#your-channel`.",
        ));
    };
    let client = state
        .discord
        .as_deref()
        .context("Discord is not configured")?;
    let channel = Id::new_checked(out.channel_id as u64).context("channel id")?;
    let content = format!(
        "🧪 **Test notification** (nobody was pinged)\n{}",
        out.content
    );
    let result = client
        .create_message(channel)
        .content(content.trim_end())
        .embeds(&out.embeds)
        .components(&out.components)
        .allowed_mentions(Some(&out.allowed_mentions))
        .await;
    let where_ = format!("<#{}>", out.channel_id);
    match result {
        Ok(response) => {
            let message = response
                .model()
                .await
                .context("reading the posted message")?;
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
                "✅ Posted a test notification for **{}** in {where_}: https://discord.com/channels/{guild_id}/{}/{}. Nobody was pinged.{resumed}",
                escape(&streamer.display_name),
                out.channel_id,
                message.id
            )))
        }
        Err(e) => Ok(Reply::text(explain_failure(&e, &where_).ok_or(e)?)),
    }
}

/// What an admin should do about a failed post, for the failures they can fix.
pub fn explain_failure(error: &twilight_http::Error, channel: &str) -> Option<String> {
    Some(match discord_code(error)? {
        50001 | 50013 => format!(
            "❌ I can't post in {channel}: I'm missing permissions there. Give the StreamMaxing role **View Channel**, \
             **Send Messages** and **Embed Links** in that channel's settings, then try again."
        ),
        10003 => {
            "❌ The notification channel no longer exists. Choose a new one with `/setup channel:`."
                .to_owned()
        }
        code => format!(
            "❌ Discord refused the message (error {code}). Check the template with `/template preview`."
        ),
    })
}
