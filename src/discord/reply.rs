//! Replies: ephemeral for configuration, never pinging anyone.

use twilight_model::{
    application::command::CommandOptionChoice,
    channel::message::{AllowedMentions, Component, Embed, MessageFlags, component::ButtonStyle},
    http::interaction::{InteractionResponse, InteractionResponseData, InteractionResponseType},
};
use twilight_util::builder::{
    interaction_response::{AutocompleteBuilder, ChannelMessageBuilder},
    message::{ActionRowBuilder, ButtonBuilder},
};

use super::api::MessageBody;

/// Twitch purple, for our own embeds.
pub const COLOR: u32 = crate::notify::template::TWITCH_PURPLE;
pub const COLOR_OK: u32 = 0x3BA55C;
pub const COLOR_WARN: u32 = 0xFAA61A;

/// Escapes Discord markdown and neutralises mentions in text we did not
/// write (names and titles from Twitch, what a user typed).
pub fn escape(text: &str) -> String {
    crate::notify::template::escape_markdown(text)
}

/// A row with one link button.
pub fn link_button(label: &str, url: String) -> Component {
    let button = ButtonBuilder::new(ButtonStyle::Link)
        .label(label)
        .url(url)
        .build();
    Component::ActionRow(ActionRowBuilder::new().component(button).build())
}

/// A configuration reply: text, embeds and components.
#[derive(Debug, Clone, Default)]
pub struct Reply {
    pub content: String,
    pub embeds: Vec<Embed>,
    pub components: Vec<Component>,
}

impl Reply {
    /// As a message body: nobody is pinged, whatever the text says.
    pub fn body<'a>(&'a self, none: &'a AllowedMentions) -> MessageBody<'a> {
        MessageBody {
            content: Some(self.content.as_str()).filter(|c| !c.is_empty()),
            embeds: &self.embeds,
            components: &self.components,
            allowed_mentions: none,
        }
    }

    pub fn text(content: impl Into<String>) -> Self {
        Self {
            content: content.into(),
            ..Self::default()
        }
    }

    pub fn embed(embed: Embed) -> Self {
        Self {
            embeds: vec![embed],
            ..Self::default()
        }
    }

    pub fn with_components(mut self, components: Vec<Component>) -> Self {
        self.components = components;
        self
    }

    pub fn into_response(self) -> InteractionResponse {
        let mut message = ChannelMessageBuilder::new()
            .flags(MessageFlags::EPHEMERAL)
            .allowed_mentions(AllowedMentions::default());
        if !self.content.is_empty() {
            message = message.content(self.content);
        }
        if !self.embeds.is_empty() {
            message = message.embeds(self.embeds);
        }
        if !self.components.is_empty() {
            message = message.components(self.components);
        }
        message.build()
    }
}

pub fn ephemeral(content: impl Into<String>) -> InteractionResponse {
    Reply::text(content).into_response()
}

/// "StreamMaxing is thinking…", visible only to the member (twilight-util
/// has no builder for a deferred answer).
pub fn deferred() -> InteractionResponse {
    InteractionResponse {
        kind: InteractionResponseType::DeferredChannelMessageWithSource,
        data: Some(InteractionResponseData {
            flags: Some(MessageFlags::EPHEMERAL),
            ..InteractionResponseData::default()
        }),
    }
}

pub fn autocomplete(choices: Vec<CommandOptionChoice>) -> InteractionResponse {
    AutocompleteBuilder::new(choices).build()
}
