//! Channel webhooks: the bot creates one per channel that posts as the
//! streamer, and posts, edits and deletes alerts through it.
//!
//! Every call carries the bot's `Authorization`, so it counts against the
//! bot's global limit, which the pacer already books across processes: one
//! budget governs every request the bot makes, and the per-IP limit that
//! unauthenticated webhook calls would fall under is never reached first.
//! The token is in the path only; the rate-limit route key (the one thing
//! the client logs) names the webhook by id.

use reqwest::Method;
use secrecy::ExposeSecret as _;
use serde::{Deserialize, Serialize};
use twilight_model::id::{
    Id,
    marker::{ChannelMarker, MessageMarker, WebhookMarker},
};

use super::{Api, DiscordError, MessageBody, calls::NONE};
use crate::store::ChannelWebhook;

/// A message posted through a webhook, under another name and avatar.
#[derive(Debug, Serialize)]
pub struct WebhookBody<'a> {
    #[serde(flatten)]
    pub message: &'a MessageBody<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avatar_url: Option<&'a str>,
}

#[derive(Serialize)]
struct NewWebhook<'a> {
    name: &'a str,
}

#[derive(Deserialize)]
struct Created {
    id: Id<WebhookMarker>,
    token: Option<String>,
}

#[derive(Deserialize)]
struct Posted {
    id: Id<MessageMarker>,
}

/// What the bot reads of a channel's recent message to recognise its own.
#[derive(Debug, Clone, Deserialize)]
pub struct RecentMessage {
    pub id: Id<MessageMarker>,
    #[serde(default)]
    pub webhook_id: Option<Id<WebhookMarker>>,
    #[serde(default)]
    pub content: String,
    #[serde(default)]
    pub embeds: Vec<RecentEmbed>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct RecentEmbed {
    #[serde(default)]
    pub url: Option<String>,
}

impl Api {
    /// Creates a webhook in `channel` (needs Manage Webhooks). Owned by the
    /// application, so its messages may carry buttons.
    pub async fn create_webhook(
        &self,
        channel: Id<ChannelMarker>,
        name: &str,
    ) -> Result<ChannelWebhook, DiscordError> {
        let path = format!("/channels/{channel}/webhooks");
        let route = format!("POST {path}");
        let body = NewWebhook { name };
        let created: Created = self
            .send(Self::request(Method::POST, path, route, Some(&body)))
            .await?;
        let token = created.token.ok_or_else(|| {
            DiscordError::Unreadable("the new webhook came without a token".into())
        })?;
        Ok(ChannelWebhook {
            id: created.id.into(),
            token: token.into(),
        })
    }

    /// Posts through `webhook` and waits for the message (`wait=true`);
    /// `with_components` lets an application-owned webhook send buttons.
    /// Takes no nonce: see `delivery::webhook` for how a retry stays single.
    pub async fn execute_webhook(
        &self,
        webhook: &ChannelWebhook,
        body: &WebhookBody<'_>,
    ) -> Result<Id<MessageMarker>, DiscordError> {
        let (id, token) = (webhook.id, webhook.token.expose_secret());
        let path = format!("/webhooks/{id}/{token}?wait=true&with_components=true");
        let route = format!("POST /webhooks/{id}");
        let posted: Posted = self
            .send(Self::request(Method::POST, path, route, Some(body)))
            .await?;
        Ok(posted.id)
    }

    pub async fn edit_webhook_message(
        &self,
        webhook: &ChannelWebhook,
        message: Id<MessageMarker>,
        body: &MessageBody<'_>,
    ) -> Result<(), DiscordError> {
        let (id, token) = (webhook.id, webhook.token.expose_secret());
        let path = format!("/webhooks/{id}/{token}/messages/{message}?with_components=true");
        let route = format!("PATCH /webhooks/{id}");
        self.unit(Self::request(Method::PATCH, path, route, Some(body)))
            .await
    }

    pub async fn delete_webhook_message(
        &self,
        webhook: &ChannelWebhook,
        message: Id<MessageMarker>,
    ) -> Result<(), DiscordError> {
        let (id, token) = (webhook.id, webhook.token.expose_secret());
        let path = format!("/webhooks/{id}/{token}/messages/{message}");
        let route = format!("DELETE /webhooks/{id}");
        self.unit(Self::request(Method::DELETE, path, route, NONE))
            .await
    }

    /// Deletes the webhook itself (one that lost a race to be the channel's).
    pub async fn delete_webhook(&self, webhook: &ChannelWebhook) -> Result<(), DiscordError> {
        let (id, token) = (webhook.id, webhook.token.expose_secret());
        let path = format!("/webhooks/{id}/{token}");
        let route = format!("DELETE /webhooks/{id}");
        self.unit(Self::request(Method::DELETE, path, route, NONE))
            .await
    }

    /// Up to `limit` (at most 100) messages of `channel` posted after
    /// `after` (needs Read Message History).
    pub async fn messages_after(
        &self,
        channel: Id<ChannelMarker>,
        after: Id<MessageMarker>,
        limit: u8,
    ) -> Result<Vec<RecentMessage>, DiscordError> {
        let path = format!("/channels/{channel}/messages?after={after}&limit={limit}");
        let route = format!("GET /channels/{channel}/messages");
        self.send(Self::request(Method::GET, path, route, NONE))
            .await
    }
}
