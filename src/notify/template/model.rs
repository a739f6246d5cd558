//! The template as stored and edited: content, one embed and buttons, and the
//! default every missing JSON field falls back to.

use serde::{Deserialize, Serialize};
use twilight_validate::component::COMPONENT_BUTTON_LABEL_LENGTH;
use twilight_validate::embed::EMBED_TOTAL_LENGTH;
use twilight_validate::message::MESSAGE_CONTENT_LENGTH_MAX;

use super::url::EMBED_URL_MAX;
use crate::i18n::Lang;
use crate::tr;

/// The largest template, as JSON, that Discord's limits leave room for:
/// 46,976 bytes.
///
/// - Text: the content (2,000 chars), everything the embed's 6,000-char
///   total counts (title 256, description 4,096, 25 fields of 256 + 1,024,
///   footer 2,048, author 256: together at most 6,000) and the two button
///   labels (80 each): 8,160 chars, at 4 bytes each (the longest UTF-8
///   char; `JSON.stringify` writes non-ASCII as is, and escapes `"`, `\`
///   and line breaks in 2 bytes).
/// - URLs: six embed URL fields of 2,048 bytes (ASCII, percent-encoded).
/// - Structure: the keys, quotes and 25 fields' punctuation, under 2 KiB.
///
/// Validation reports anything longer as too long; a body past this (plus
/// its wrapper) is no template an admin could save.
pub const TEMPLATE_JSON_MAX: usize = 4
    * (MESSAGE_CONTENT_LENGTH_MAX + EMBED_TOTAL_LENGTH + 2 * COMPONENT_BUTTON_LABEL_LENGTH)
    + 6 * EMBED_URL_MAX
    + 2048;

/// Embed colour used when the template sets none (Twitch purple).
pub const TWITCH_PURPLE: u32 = 0x9146FF;
/// Label of the watch button when the template's renders empty (the
/// English default template's, which a test holds to the catalog).
pub(super) const DEFAULT_WATCH_LABEL: &str = "Watch stream";
/// Label of the notify button when the template's renders empty.
pub(super) const DEFAULT_NOTIFY_LABEL: &str = "Notify me";

/// A go-live message template: content, one embed and buttons.
///
/// Missing JSON fields take the value of [`Template::default`], so `{}`
/// deserialises to the default template and old stored templates keep working.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(default)]
pub struct Template {
    /// Message text (above the embed); may ping through `{mention}`.
    pub content: String,
    /// The embed.
    pub embed: EmbedTemplate,
    /// Buttons under the message.
    pub buttons: ButtonsTemplate,
}

/// The embed part of a [`Template`]. Empty strings mean "absent".
/// Missing JSON fields take the values of the default embed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(default)]
pub struct EmbedTemplate {
    /// Whether the embed is sent at all.
    pub enabled: bool,
    /// Title (markdown, no timestamp tags).
    pub title: String,
    /// Link of the title (URL field).
    pub url: String,
    /// Description (markdown and timestamp tags).
    pub description: String,
    /// RGB colour `0..=0xFFFFFF`; none (`null` in JSON) means Twitch purple.
    pub color: Option<u32>,
    /// Author line text (plain).
    pub author_name: String,
    /// Author link (URL field).
    pub author_url: String,
    /// Author icon (image URL field).
    pub author_icon_url: String,
    /// Small image top right (image URL field).
    pub thumbnail_url: String,
    /// Large image (image URL field).
    pub image_url: String,
    /// Fields; a field that renders empty is dropped.
    pub fields: Vec<FieldTemplate>,
    /// Footer text (plain).
    pub footer_text: String,
    /// Footer icon (image URL field).
    pub footer_icon_url: String,
    /// Whether the embed timestamp shows the stream start.
    pub timestamp: bool,
}

/// One embed field.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(default)]
pub struct FieldTemplate {
    /// Field name (markdown, no timestamp tags).
    pub name: String,
    /// Field value (markdown and timestamp tags).
    pub value: String,
    /// Whether the field sits beside its neighbours.
    pub inline: bool,
}

/// The buttons of a [`Template`]. Missing JSON fields take the default values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(default)]
pub struct ButtonsTemplate {
    /// Show a link button to the stream.
    pub watch: bool,
    /// Label of the watch button (plain text, variables allowed).
    pub watch_label: String,
    /// Show a "notify me" button (custom id from [`notify_custom_id`](super::notify_custom_id)).
    pub notify_me: bool,
    /// Label of the notify button; a 🔔 emoji is added unless it starts with one.
    pub notify_me_label: String,
}

impl Default for Template {
    /// The default template in English: see [`Template::default_in`].
    fn default() -> Self {
        Template::default_in(Lang::En)
    }
}

impl Default for EmbedTemplate {
    /// The embed of the English default template.
    fn default() -> Self {
        EmbedTemplate::default_in(Lang::En)
    }
}

impl Default for ButtonsTemplate {
    /// "Watch stream" link and "🔔 Notify me".
    fn default() -> Self {
        ButtonsTemplate::default_in(Lang::En)
    }
}

impl Template {
    /// The default template, its fixed words in `lang`: role mention, a
    /// rich embed and both buttons.
    pub fn default_in(lang: Lang) -> Self {
        Template {
            content: "{mention}".into(),
            embed: EmbedTemplate::default_in(lang),
            buttons: ButtonsTemplate::default_in(lang),
        }
    }
}

impl EmbedTemplate {
    fn default_in(lang: Lang) -> Self {
        let field = |name: String, value: &str| FieldTemplate {
            name,
            value: value.into(),
            inline: true,
        };
        EmbedTemplate {
            enabled: true,
            title: "{stream_title}".into(),
            url: "{stream_url}".into(),
            description: tr!(
                lang,
                "alert-default-description",
                streamer = "{streamer_display_name}",
                started = "{started_at_relative}"
            ),
            color: Some(TWITCH_PURPLE),
            author_name: "{streamer_display_name}".into(),
            author_url: "{stream_url}".into(),
            author_icon_url: "{streamer_avatar_url}".into(),
            thumbnail_url: "{streamer_avatar_url}".into(),
            image_url: "{stream_thumbnail_url}".into(),
            fields: vec![
                field(tr!(lang, "alert-field-game"), "{game_name}"),
                field(tr!(lang, "alert-field-viewers"), "{viewer_count}"),
            ],
            footer_text: "Twitch".into(),
            footer_icon_url: String::new(),
            timestamp: true,
        }
    }
}

impl ButtonsTemplate {
    fn default_in(lang: Lang) -> Self {
        ButtonsTemplate {
            watch: true,
            watch_label: tr!(lang, "alert-watch"),
            notify_me: true,
            notify_me_label: tr!(lang, "alert-notify-me"),
        }
    }
}

impl Template {
    /// Parses a stored template; missing fields take default values, unknown ones are ignored.
    pub fn from_json(s: &str) -> Result<Template, String> {
        serde_json::from_str(s).map_err(|e| format!("invalid template JSON: {e}"))
    }

    /// Every single text an admin types (content, the embed's texts and
    /// URLs, the button labels; fields aside), in a fixed order: what the
    /// property tests and the fuzzer fill in.
    pub fn texts_mut(&mut self) -> [&mut String; 13] {
        let (e, b) = (&mut self.embed, &mut self.buttons);
        [
            &mut self.content,
            &mut e.title,
            &mut e.url,
            &mut e.description,
            &mut e.author_name,
            &mut e.author_url,
            &mut e.author_icon_url,
            &mut e.thumbnail_url,
            &mut e.image_url,
            &mut e.footer_text,
            &mut e.footer_icon_url,
            &mut b.watch_label,
            &mut b.notify_me_label,
        ]
    }

    /// Serialises the template (all fields written). Cannot fail in practice;
    /// on the impossible error returns `{}`, which reads back as the default.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{}".to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_largest_template_discord_allows_fits_the_json_bound() {
        // Every text at its limit in 4-byte chars, every URL at its limit.
        let text = |chars: usize| "😀".repeat(chars);
        let url = format!("https://example.com/{}", "a".repeat(EMBED_URL_MAX - 20));
        let field = FieldTemplate {
            name: text(100),
            value: text(100),
            inline: true,
        };
        let mut t = Template {
            content: text(2000),
            ..Template::default()
        };
        t.embed = EmbedTemplate {
            title: text(256),
            description: text(400),
            author_name: text(256),
            // 25 × 200 + 256 + 400 + 256 + 88 = 6,000, the embed's total.
            footer_text: text(88),
            fields: vec![field; 25],
            url: url.clone(),
            author_url: url.clone(),
            author_icon_url: url.clone(),
            thumbnail_url: url.clone(),
            image_url: url.clone(),
            footer_icon_url: url,
            ..t.embed
        };
        t.buttons.watch_label = text(80);
        t.buttons.notify_me_label = text(80);
        assert_eq!(
            super::super::validate(&t),
            Ok(()),
            "at the limits, not past them"
        );
        let json = serde_json::to_string(&t).unwrap();
        assert!(
            json.len() <= TEMPLATE_JSON_MAX,
            "{} > {TEMPLATE_JSON_MAX}",
            json.len()
        );
        assert!(
            json.len() > TEMPLATE_JSON_MAX - 2048,
            "the bound is tight: {}",
            json.len()
        );
    }

    #[test]
    fn json_round_trip_and_defaults() {
        let mut t = Template {
            content: "Hey {mention} {{x}}".into(),
            ..Template::default()
        };
        t.embed.color = None;
        assert_eq!(Template::from_json(&t.to_json()), Ok(t));
        assert_eq!(
            Template::from_json("{}"),
            Ok(Template::default()),
            "`{{}}` is the default template"
        );
        let old = Template::from_json(
            r#"{"content":"hi","embed":{"title":"T","legacy":1},"extra":true}"#,
        );
        let old = old.expect("old template loads");
        assert_eq!(
            (old.content.as_str(), old.embed.title.as_str()),
            ("hi", "T")
        );
        assert_eq!(old.embed.description, EmbedTemplate::default().description);
        assert_eq!(old.buttons, ButtonsTemplate::default());
        assert!(Template::from_json("[1]").is_err());
    }

    #[test]
    fn the_default_template_speaks_each_language_and_english_is_unchanged() {
        let en = Template::default();
        assert_eq!(
            en.embed.description,
            "**{streamer_display_name}** is live on Twitch! Started {started_at_relative}."
        );
        assert_eq!(
            (
                en.buttons.watch_label.as_str(),
                en.buttons.notify_me_label.as_str()
            ),
            (DEFAULT_WATCH_LABEL, DEFAULT_NOTIFY_LABEL)
        );
        let de = Template::default_in(Lang::De);
        assert_eq!(
            de.embed.description,
            "**{streamer_display_name}** ist live auf Twitch! Gestartet {started_at_relative}."
        );
        assert_eq!(de.embed.fields[1].name, "Zuschauer");
        for lang in Lang::ALL {
            let t = Template::default_in(lang);
            assert_eq!(
                crate::notify::template::validate(&t).err(),
                None,
                "{lang:?}: the default template validates"
            );
            assert!(t.embed.description.contains("{streamer_display_name}"));
            assert!(t.embed.description.contains("{started_at_relative}"));
        }
    }
}
