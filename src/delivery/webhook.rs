//! Posting as the streamer: the alert goes through a webhook the bot
//! creates in the channel (once, reused by every alert there), under the
//! streamer's display name and avatar.
//!
//! Exactly once without a nonce: Execute Webhook takes none, so a post
//! whose answer never came (a timeout, a dropped connection, a 5xx after
//! Discord may have applied it, a worker that died before recording it)
//! can't simply be sent again. Every alert carries its outbox row's marker
//! (`sm=<row id>` in the first embed's link, which Twitch ignores; an alert
//! without an embed is recognised by the webhook and its exact text), and a
//! claim that is not the row's first reads the channel's messages posted
//! since the row was queued before posting: if the alert is there, it is
//! adopted instead of posted again. See docs/RELIABILITY.md §3.6.

use twilight_model::id::{Id, marker::MessageMarker};

use super::{job::Job, send::Via};
use crate::{
    discord::api::{Api, DiscordCode, DiscordError, MessageBody, RecentMessage, WebhookBody},
    ids::{ChannelId, MessageId, WebhookId},
    notify::message::Outgoing,
    store::ChannelWebhook,
    twitch::live::GoLive,
};

/// The name of the webhook the bot creates (what admins see in the
/// channel's Integrations settings).
const WEBHOOK_NAME: &str = "StreamMaxing";
/// Messages read per page when looking for an alert's marker (Discord's maximum).
const PAGE: u8 = 100;
/// Pages read at most: 500 messages posted in the channel between the
/// alert being queued and its retry. Past that the alert is posted again.
const PAGES: usize = 5;
/// Discord's clock may run behind ours: look this far before the queueing.
const CLOCK_SLACK_MS: i64 = 60_000;
/// Discord's epoch for snowflakes (2015-01-01), in Unix milliseconds.
const DISCORD_EPOCH_MS: i64 = 1_420_070_400_000;

/// An alert posted through the channel's webhook.
pub struct Posted {
    pub message_id: MessageId,
    pub webhook_id: WebhookId,
}

/// Why an alert could not be posted as the streamer.
pub enum Failure {
    /// The bot may not create a webhook here (no Manage Webhooks): post as
    /// the bot instead.
    NoWebhook(DiscordError),
    Discord(DiscordError),
}

impl From<DiscordError> for Failure {
    fn from(e: DiscordError) -> Self {
        Self::Discord(e)
    }
}

/// Posts `out` through the channel's webhook as the streamer in `live`,
/// creating the webhook on first use and once more if it was deleted.
pub async fn post(
    job: &Job<'_>,
    api: &Api,
    out: &Outgoing,
    live: &GoLive,
) -> Result<Posted, Failure> {
    let mut out = out.clone();
    mark(&mut out, job.item.id, &live.login);
    let channel = out.channel_id;
    let mut hook = webhook(job, api, channel, None).await?;
    if job.item.attempts > 1
        && let Some(found) = find_posted(job, api, &out).await?
    {
        tracing::info!("the alert was already posted by an earlier attempt; adopting it");
        return Ok(found);
    }
    let username = username(&live.display_name);
    let message = body(&out);
    let body = WebhookBody {
        message: &message,
        username: username.as_deref(),
        avatar_url: live.avatar_url.as_deref(),
    };
    let message_id = match api.execute_webhook(&hook, &body).await {
        Err(e) if e.code() == Some(DiscordCode::UnknownWebhook) => {
            // Deleted by an admin: nothing was posted. Make a new one, once.
            tracing::info!("the channel's webhook was deleted; creating a new one");
            hook = webhook(job, api, channel, Some(hook.id)).await?;
            api.execute_webhook(&hook, &body).await?
        }
        other => other?,
    };
    Ok(Posted {
        message_id: message_id.into(),
        webhook_id: hook.id,
    })
}

/// How a message that was posted through `webhook_id` is edited: through
/// that webhook, if it is still the channel's (`None`: it was deleted, and
/// its messages can no longer be edited by anyone).
pub async fn via(
    job: &Job<'_>,
    channel: ChannelId,
    webhook_id: Option<WebhookId>,
) -> anyhow::Result<Option<Via>> {
    let Some(id) = webhook_id else {
        return Ok(Some(Via::Bot));
    };
    let stored = job.state.db.channel_webhook(channel).await?;
    Ok(stored.filter(|h| h.id == id).map(Via::Webhook))
}

/// The channel's webhook: the stored one, or a new one when there is none
/// (or `replacing` is the stored one, found deleted). Of deliveries racing
/// to create it, one stores its webhook; the others delete theirs.
async fn webhook(
    job: &Job<'_>,
    api: &Api,
    channel: ChannelId,
    replacing: Option<WebhookId>,
) -> Result<ChannelWebhook, Failure> {
    let db = &job.state.db;
    let stored = db.channel_webhook(channel).await.map_err(store_failed)?;
    match (&stored, replacing) {
        (Some(hook), None) => return Ok(hook.clone()),
        (Some(hook), Some(old)) if hook.id != old => return Ok(hook.clone()),
        _ => {}
    }
    let created = match api.create_webhook(channel.id(), WEBHOOK_NAME).await {
        Err(e) if e.code().is_some_and(DiscordCode::is_not_allowed) => {
            return Err(Failure::NoWebhook(e));
        }
        other => other?,
    };
    let won = db
        .claim_channel_webhook(job.item.guild_id, channel, replacing, &created, job.now())
        .await
        .map_err(store_failed)?;
    if won {
        return Ok(created);
    }
    if let Err(e) = api.delete_webhook(&created).await {
        tracing::warn!(error = %e, "could not delete a webhook another delivery made redundant");
    }
    db.channel_webhook(channel)
        .await
        .map_err(store_failed)?
        .ok_or_else(|| {
            Failure::Discord(DiscordError::Unreadable(
                "the channel's webhook vanished".into(),
            ))
        })
}

/// A database failure while getting the webhook: retried like a transient
/// Discord failure (nothing was posted).
fn store_failed(e: sqlx::Error) -> Failure {
    Failure::Discord(DiscordError::Transport(format!("database: {e}")))
}

/// Looks for the alert among the channel's messages since the row was
/// queued: found, it was posted by an earlier attempt. Without Read Message
/// History nothing can be read: the alert is posted (and may repeat).
async fn find_posted(
    job: &Job<'_>,
    api: &Api,
    out: &Outgoing,
) -> Result<Option<Posted>, DiscordError> {
    let marker = format!("sm={}", job.item.id);
    let mut after = snowflake_at(job.item.created_at - CLOCK_SLACK_MS);
    for _ in 0..PAGES {
        let page = match api.messages_after(out.channel_id.id(), after, PAGE).await {
            Err(e) if e.code().is_some_and(DiscordCode::is_not_allowed) => {
                tracing::warn!(error = %e, "can't read the channel's history to check for an earlier post (Read Message History); posting");
                return Ok(None);
            }
            other => other?,
        };
        if let Some(m) = page.iter().find(|m| is_the_alert(m, &marker, out)) {
            return Ok(m.webhook_id.map(|w| Posted {
                message_id: m.id.into(),
                webhook_id: w.into(),
            }));
        }
        match page.iter().map(|m| m.id).max() {
            Some(last) if page.len() == usize::from(PAGE) => after = last,
            _ => return Ok(None),
        }
    }
    tracing::warn!("more messages than checked since the alert was queued; posting it again");
    Ok(None)
}

/// Is `m` the alert `out` (posted by a webhook, carrying its marker)?
fn is_the_alert(m: &RecentMessage, marker: &str, out: &Outgoing) -> bool {
    if m.webhook_id.is_none() {
        return false;
    }
    let marked = m
        .embeds
        .iter()
        .filter_map(|e| e.url.as_deref())
        .any(|url| has_marker(url, marker));
    marked || (out.embeds.is_empty() && m.content == out.content)
}

/// Whether `url`'s query has exactly `marker` as one of its parameters.
fn has_marker(url: &str, marker: &str) -> bool {
    url.split_once('?')
        .is_some_and(|(_, query)| query.split('&').any(|p| p == marker))
}

/// Puts the row's marker in the first embed's link (the stream's page when
/// the embed links nowhere: shown only as the title's link, if at all).
fn mark(out: &mut Outgoing, row: i64, login: &str) {
    let Some(embed) = out.embeds.first_mut() else {
        return;
    };
    let url = embed
        .url
        .take()
        .unwrap_or_else(|| format!("https://www.twitch.tv/{login}"));
    let sep = if url.contains('?') { '&' } else { '?' };
    embed.url = Some(format!("{url}{sep}sm={row}"));
}

/// The snowflake of the moment `ms` (Unix milliseconds): messages after it
/// were posted after that moment.
fn snowflake_at(ms: i64) -> Id<MessageMarker> {
    let since_epoch = u64::try_from(ms - DISCORD_EPOCH_MS).unwrap_or(0);
    Id::new_checked(since_epoch << 22).unwrap_or(Id::new(1))
}

/// The streamer's name as a webhook may use it: Discord refuses names
/// containing "discord" or "clyde" (the webhook's own name is used then).
fn username(display_name: &str) -> Option<String> {
    let lower = display_name.to_lowercase();
    let name: String = display_name.chars().take(80).collect();
    (!name.trim().is_empty() && !lower.contains("discord") && !lower.contains("clyde"))
        .then_some(name)
}

fn body(out: &Outgoing) -> MessageBody<'_> {
    MessageBody {
        content: Some(&out.content),
        embeds: &out.embeds,
        components: &out.components,
        allowed_mentions: &out.allowed_mentions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use secrecy::ExposeSecret as _;

    #[test]
    fn the_marker_is_matched_exactly() {
        assert!(has_marker("https://www.twitch.tv/shroud?sm=12", "sm=12"));
        assert!(has_marker("https://x.tv/a?b=1&sm=12", "sm=12"));
        assert!(!has_marker("https://www.twitch.tv/shroud?sm=123", "sm=12"));
        assert!(!has_marker("https://www.twitch.tv/shroud", "sm=12"));
    }

    #[test]
    fn names_discord_refuses_fall_back_to_the_webhooks() {
        assert_eq!(username("shroud").as_deref(), Some("shroud"));
        assert_eq!(username("DiscordFan"), None);
        assert_eq!(username("   "), None);
        assert_eq!(username(&"a".repeat(100)).map(|n| n.len()), Some(80));
    }

    #[test]
    fn snowflakes_follow_the_clock() {
        assert_eq!(snowflake_at(0).get(), 1);
        assert_eq!(snowflake_at(DISCORD_EPOCH_MS + 1).get(), 1 << 22);
    }

    #[test]
    fn a_token_never_prints() {
        let hook = ChannelWebhook {
            id: WebhookId::new(5).unwrap(),
            token: "very-secret".to_owned().into(),
        };
        assert!(!format!("{hook:?}").contains("very-secret"));
        assert_eq!(hook.token.expose_secret(), "very-secret");
    }
}
