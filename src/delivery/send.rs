//! A built message, sent through the one Discord client: the same path
//! for a go-live, an edit and `/streamers test`.

use twilight_model::channel::message::AllowedMentions;

use crate::ids::{ChannelId, MessageId};
use crate::{
    discord::api::{Api, DiscordCode, DiscordError, MessageBody},
    notify::message::Outgoing,
    store::ChannelWebhook,
};

/// Who posted a message, and so who edits and deletes it.
#[derive(Debug, Clone)]
pub enum Via {
    /// The bot, as itself.
    Bot,
    /// The channel's webhook, as the streamer.
    Webhook(ChannelWebhook),
}

/// Creates the message with an enforced nonce (sent again after an answer
/// that never arrived, Discord returns the message it already made).
pub async fn post(api: &Api, out: &Outgoing, nonce: &str) -> Result<MessageId, DiscordError> {
    let body = MessageBody {
        content: Some(&out.content),
        embeds: &out.embeds,
        components: &out.components,
        allowed_mentions: &out.allowed_mentions,
    };
    let id = api
        .create_message(out.channel_id.id(), &body, nonce)
        .await?;
    Ok(id.into())
}

/// Edits a posted message to `out` (through the webhook that posted it,
/// if one did); an edit never pings.
pub async fn edit(
    api: &Api,
    via: &Via,
    channel_id: ChannelId,
    message_id: MessageId,
    out: &Outgoing,
) -> Result<(), DiscordError> {
    let none = AllowedMentions::default();
    let body = MessageBody {
        content: Some(out.content.as_str()).filter(|c| !c.is_empty()),
        embeds: &out.embeds,
        components: &out.components,
        allowed_mentions: &none,
    };
    match via {
        Via::Bot => {
            api.edit_message(channel_id.id(), message_id.id(), &body)
                .await
        }
        Via::Webhook(hook) => api.edit_webhook_message(hook, message_id.id(), &body).await,
    }
}

/// Deletes a posted message; one that is already gone is deleted.
pub async fn delete(
    api: &Api,
    via: &Via,
    channel_id: ChannelId,
    message_id: MessageId,
) -> Result<(), DiscordError> {
    let deleted = match via {
        Via::Bot => api.delete_message(channel_id.id(), message_id.id()).await,
        Via::Webhook(hook) => api.delete_webhook_message(hook, message_id.id()).await,
    };
    match deleted {
        Err(e) if e.code() == Some(DiscordCode::UnknownMessage) => Ok(()),
        other => other,
    }
}

/// Publishes an announcement-channel post to following servers. Discord
/// limits this (about 10 an hour per channel); a refusal never fails or
/// delays the notification itself.
pub async fn publish(api: &Api, channel_id: ChannelId, message_id: MessageId) {
    if let Err(e) = api.crosspost(channel_id.id(), message_id.id()).await {
        tracing::info!(error = %e, "could not publish the notification to following servers");
    }
}
