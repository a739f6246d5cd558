//! The calls the bot makes, one typed method each.

use reqwest::Method;
use serde::{Deserialize, Serialize};
use twilight_model::{
    application::command::Command,
    channel::{
        Channel,
        message::{AllowedMentions, Component, Embed},
    },
    guild::{Member, Role},
    id::{
        Id,
        marker::{
            ApplicationMarker, ChannelMarker, GuildMarker, MessageMarker, RoleMarker, UserMarker,
        },
    },
};

use super::{Api, Budget, DiscordError, Request};

/// A message to create or edit. `content: None` clears it on an edit.
#[derive(Debug, Serialize)]
pub struct MessageBody<'a> {
    pub content: Option<&'a str>,
    pub embeds: &'a [Embed],
    pub components: &'a [Component],
    /// Always explicit: Discord's default would parse every mention.
    pub allowed_mentions: &'a AllowedMentions,
}

#[derive(Serialize)]
struct Create<'a> {
    #[serde(flatten)]
    message: &'a MessageBody<'a>,
    nonce: &'a str,
    enforce_nonce: bool,
}

#[derive(Deserialize)]
struct Created {
    id: Id<MessageMarker>,
}

/// A role the bot creates. Every field is explicit: a role created without
/// `permissions` gets @everyone's, and members who take it with 🔔 would
/// get back whatever an admin later takes from @everyone.
#[derive(Serialize)]
struct NewRole<'a> {
    name: &'a str,
    permissions: &'a str,
    hoist: bool,
    mentionable: bool,
}

/// A request with no body.
pub(super) const NONE: Option<&()> = None;

impl Api {
    pub(super) fn request<'a, B>(
        method: Method,
        path: String,
        route: String,
        body: Option<&'a B>,
    ) -> Request<'a, B> {
        Request {
            method,
            path,
            route,
            body,
            budget: Budget::Global,
        }
    }

    /// Creates a message with an enforced `nonce`: sent again with the same
    /// nonce (a retry after an answer that never arrived), Discord hands
    /// back the message it already created instead of posting a second one.
    pub async fn create_message(
        &self,
        channel: Id<ChannelMarker>,
        message: &MessageBody<'_>,
        nonce: &str,
    ) -> Result<Id<MessageMarker>, DiscordError> {
        let body = Create {
            message,
            nonce,
            enforce_nonce: true,
        };
        let path = format!("/channels/{channel}/messages");
        let route = format!("POST {path}");
        let created: Created = self
            .send(Self::request(Method::POST, path, route, Some(&body)))
            .await?;
        Ok(created.id)
    }

    pub async fn edit_message(
        &self,
        channel: Id<ChannelMarker>,
        message: Id<MessageMarker>,
        body: &MessageBody<'_>,
    ) -> Result<(), DiscordError> {
        let route = format!("PATCH /channels/{channel}/messages");
        let path = format!("/channels/{channel}/messages/{message}");
        self.unit(Self::request(Method::PATCH, path, route, Some(body)))
            .await
    }

    pub async fn delete_message(
        &self,
        channel: Id<ChannelMarker>,
        message: Id<MessageMarker>,
    ) -> Result<(), DiscordError> {
        let route = format!("DELETE /channels/{channel}/messages");
        let path = format!("/channels/{channel}/messages/{message}");
        self.unit(Self::request(Method::DELETE, path, route, NONE))
            .await
    }

    /// Publishes an announcement-channel message to following servers.
    pub async fn crosspost(
        &self,
        channel: Id<ChannelMarker>,
        message: Id<MessageMarker>,
    ) -> Result<(), DiscordError> {
        let route = format!("POST /channels/{channel}/messages/crosspost");
        let path = format!("/channels/{channel}/messages/{message}/crosspost");
        self.unit(Self::request(Method::POST, path, route, NONE))
            .await
    }

    pub async fn channel(&self, channel: Id<ChannelMarker>) -> Result<Channel, DiscordError> {
        let path = format!("/channels/{channel}");
        let route = format!("GET {path}");
        self.send(Self::request(Method::GET, path, route, NONE))
            .await
    }

    pub async fn roles(&self, guild: Id<GuildMarker>) -> Result<Vec<Role>, DiscordError> {
        let path = format!("/guilds/{guild}/roles");
        let route = format!("GET {path}");
        self.send(Self::request(Method::GET, path, route, NONE))
            .await
    }

    pub async fn create_role(
        &self,
        guild: Id<GuildMarker>,
        name: &str,
        mentionable: bool,
    ) -> Result<Role, DiscordError> {
        let path = format!("/guilds/{guild}/roles");
        let route = format!("POST {path}");
        let body = NewRole {
            name,
            permissions: "0",
            hoist: false,
            mentionable,
        };
        self.send(Self::request(Method::POST, path, route, Some(&body)))
            .await
    }

    pub async fn delete_role(
        &self,
        guild: Id<GuildMarker>,
        role: Id<RoleMarker>,
    ) -> Result<(), DiscordError> {
        let route = format!("DELETE /guilds/{guild}/roles");
        let path = format!("/guilds/{guild}/roles/{role}");
        self.unit(Self::request(Method::DELETE, path, route, NONE))
            .await
    }

    pub async fn member(
        &self,
        guild: Id<GuildMarker>,
        user: Id<UserMarker>,
    ) -> Result<Member, DiscordError> {
        let path = format!("/guilds/{guild}/members/{user}");
        let route = format!("GET /guilds/{guild}/members");
        self.send(Self::request(Method::GET, path, route, NONE))
            .await
    }

    /// Gives (`on`) or takes a member's role.
    pub async fn set_member_role(
        &self,
        guild: Id<GuildMarker>,
        user: Id<UserMarker>,
        role: Id<RoleMarker>,
        on: bool,
    ) -> Result<(), DiscordError> {
        let method = if on { Method::PUT } else { Method::DELETE };
        let route = format!("{method} /guilds/{guild}/members/roles");
        let path = format!("/guilds/{guild}/members/{user}/roles/{role}");
        self.unit(Self::request(method, path, route, NONE)).await
    }

    /// Bulk-overwrites the application's commands, in one guild or globally.
    pub async fn set_commands(
        &self,
        application: Id<ApplicationMarker>,
        guild: Option<Id<GuildMarker>>,
        commands: &[Command],
    ) -> Result<Vec<Command>, DiscordError> {
        let path = match guild {
            Some(guild) => format!("/applications/{application}/guilds/{guild}/commands"),
            None => format!("/applications/{application}/commands"),
        };
        let route = format!("PUT {path}");
        self.send(Self::request(Method::PUT, path, route, Some(&commands)))
            .await
    }

    /// Replaces an interaction's deferred "thinking…" with its answer
    /// (exempt from the global limit, as Discord counts it).
    pub async fn edit_original_response(
        &self,
        application: Id<ApplicationMarker>,
        token: &str,
        body: &MessageBody<'_>,
    ) -> Result<(), DiscordError> {
        let path = format!("/webhooks/{application}/{token}/messages/@original");
        // Discord buckets a webhook by id and token: one interaction each.
        let route = format!("PATCH /webhooks/{application}/{token}");
        let mut request = Self::request(Method::PATCH, path, route, Some(body));
        request.budget = Budget::Exempt;
        self.unit(request).await
    }

    /// A call whose answer (often a 204 with no body) says nothing we keep.
    pub(super) async fn unit<B: Serialize>(
        &self,
        request: Request<'_, B>,
    ) -> Result<(), DiscordError> {
        let _: serde::de::IgnoredAny = self.send(request).await?;
        Ok(())
    }

    /// Asks for the server itself: Ok while the bot is in it; 10004 Unknown
    /// Guild or 50001 Missing Access once it was removed.
    pub async fn guild(&self, guild: Id<GuildMarker>) -> Result<(), DiscordError> {
        let path = format!("/guilds/{guild}");
        let route = format!("GET {path}");
        self.unit(Self::request(Method::GET, path, route, NONE))
            .await
    }
}
