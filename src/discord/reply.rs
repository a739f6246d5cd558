//! Replies: ephemeral for configuration, never pinging anyone.

use super::api::MessageBody;
use twilight_model::{
    application::command::CommandOptionChoice,
    channel::message::{AllowedMentions, Component, Embed, MessageFlags},
    http::interaction::{InteractionResponse, InteractionResponseData, InteractionResponseType},
};

/// Twitch purple, for our own embeds.
pub const COLOR: u32 = 0x9146FF;
pub const COLOR_OK: u32 = 0x3BA55C;
pub const COLOR_WARN: u32 = 0xFAA61A;

/// Escapes Discord markdown and neutralises mentions in text we did not
/// write (names and titles from Twitch, what a user typed).
pub fn escape(text: &str) -> String {
    crate::notify::template::escape_markdown(text)
}

/// A row with one link button.
pub fn link_button(label: &str, url: String) -> Component {
    use twilight_model::channel::message::component::{ActionRow, Button, ButtonStyle};
    Component::ActionRow(ActionRow {
        id: None,
        components: vec![Component::Button(Button {
            custom_id: None,
            disabled: false,
            emoji: None,
            id: None,
            label: Some(label.to_owned()),
            style: ButtonStyle::Link,
            url: Some(url),
            sku_id: None,
        })],
    })
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
        InteractionResponse {
            kind: InteractionResponseType::ChannelMessageWithSource,
            data: Some(InteractionResponseData {
                content: Some(self.content).filter(|c| !c.is_empty()),
                embeds: Some(self.embeds).filter(|e| !e.is_empty()),
                components: Some(self.components).filter(|c| !c.is_empty()),
                flags: Some(MessageFlags::EPHEMERAL),
                allowed_mentions: Some(AllowedMentions::default()),
                ..InteractionResponseData::default()
            }),
        }
    }
}

pub fn ephemeral(content: impl Into<String>) -> InteractionResponse {
    Reply::text(content).into_response()
}

/// "StreamMaxing is thinking…", visible only to the member.
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
    InteractionResponse {
        kind: InteractionResponseType::ApplicationCommandAutocompleteResult,
        data: Some(InteractionResponseData {
            choices: Some(choices),
            ..InteractionResponseData::default()
        }),
    }
}
