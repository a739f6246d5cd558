//! The buttons under the message: a link to the stream and "notify me",
//! whose custom id the component handler reads back.

use twilight_model::channel::message::component::{ActionRow, Button, ButtonStyle};
use twilight_model::channel::message::{Component, EmojiReactionType};
use twilight_validate::component::{COMPONENT_BUTTON_LABEL_LENGTH, COMPONENT_CUSTOM_ID_LENGTH};

use super::RenderCtx;
use super::text::render_text;
use crate::notify::template::escape::Ctx;
use crate::notify::template::model::{ButtonsTemplate, DEFAULT_NOTIFY_LABEL, DEFAULT_WATCH_LABEL};
use crate::notify::template::url::{BUTTON_URL_MAX, valid_url};

const NOTIFY_PREFIX: &str = "notify:";
const BELL: &str = "🔔";

pub(super) fn render_buttons(b: &ButtonsTemplate, rc: &RenderCtx) -> Vec<Component> {
    let watch = b.watch.then(|| watch_button(b, rc)).flatten();
    let notify = b.notify_me.then(|| notify_button(b, rc)).flatten();
    let buttons: Vec<Component> = watch
        .into_iter()
        .chain(notify)
        .map(Component::Button)
        .collect();
    if buttons.is_empty() {
        return Vec::new();
    }
    vec![Component::ActionRow(ActionRow {
        components: buttons,
        id: None,
    })]
}

fn button_label(src: &str, rc: &RenderCtx, fallback: &str) -> String {
    let label = render_text(src, rc, Ctx::Plain, COMPONENT_BUTTON_LABEL_LENGTH);
    if label.is_empty() {
        fallback.to_owned()
    } else {
        label
    }
}

fn watch_button(b: &ButtonsTemplate, rc: &RenderCtx) -> Option<Button> {
    let url = rc.vars.stream_url.trim();
    let label = button_label(&b.watch_label, rc, DEFAULT_WATCH_LABEL);
    valid_url(url, BUTTON_URL_MAX).then(|| button(ButtonStyle::Link, label, Some(url.into()), None))
}

fn notify_button(b: &ButtonsTemplate, rc: &RenderCtx) -> Option<Button> {
    let id = rc.vars.twitch_id.trim();
    let custom_id = notify_custom_id(id);
    if id.is_empty() || custom_id.chars().count() > COMPONENT_CUSTOM_ID_LENGTH {
        return None;
    }
    let label = button_label(&b.notify_me_label, rc, DEFAULT_NOTIFY_LABEL);
    let bell = !label.starts_with(BELL);
    let mut button = button(ButtonStyle::Secondary, label, None, Some(custom_id));
    button.emoji = bell.then(|| EmojiReactionType::Unicode {
        name: BELL.to_owned(),
    });
    Some(button)
}

fn button(style: ButtonStyle, label: String, url: Option<String>, id: Option<String>) -> Button {
    Button {
        custom_id: id,
        disabled: false,
        emoji: None,
        id: None,
        label: Some(label),
        sku_id: None,
        style,
        url,
    }
}

/// Custom id of the "notify me" button: `notify:{twitch_id}`.
pub fn notify_custom_id(twitch_id: &str) -> String {
    format!("{NOTIFY_PREFIX}{twitch_id}")
}

/// The Twitch id of a `notify:{twitch_id}` custom id; `None` for anything else or an empty id.
pub fn parse_notify_custom_id(custom_id: &str) -> Option<&str> {
    custom_id
        .strip_prefix(NOTIFY_PREFIX)
        .filter(|id| !id.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notify::template::test_support::{buttons, typical};
    use crate::notify::template::{Template, render};

    #[test]
    fn default_template_has_watch_and_notify_buttons() {
        let r = render(&Template::default(), &typical(), "");
        let b = buttons(&r);
        assert_eq!(b.len(), 2);
        assert_eq!(
            (b[0].style, b[0].label.as_deref()),
            (ButtonStyle::Link, Some("Watch stream"))
        );
        assert_eq!(
            b[0].url.as_deref(),
            Some("https://www.twitch.tv/pixel_panda")
        );
        assert_eq!(
            (b[1].style, b[1].label.as_deref()),
            (ButtonStyle::Secondary, Some("Notify me"))
        );
        assert_eq!(b[1].custom_id.as_deref(), Some("notify:141981764"));
        assert_eq!(
            b[1].emoji,
            Some(EmojiReactionType::Unicode {
                name: "🔔".into()
            })
        );
    }

    #[test]
    fn notify_custom_id_round_trip() {
        assert_eq!(notify_custom_id("123"), "notify:123");
        assert_eq!(
            parse_notify_custom_id(&notify_custom_id("123")),
            Some("123")
        );
        assert_eq!(parse_notify_custom_id("notify:"), None);
        assert_eq!(parse_notify_custom_id("other:123"), None);
    }

    #[test]
    fn buttons_follow_the_switches() {
        let mut t = Template::default();
        t.buttons.notify_me_label = "🔔 Ping me".into();
        let b = buttons(&render(&t, &typical(), ""));
        assert_eq!((b.len(), b[1].emoji.is_none()), (2, true));
        t.buttons.notify_me = false;
        assert_eq!(buttons(&render(&t, &typical(), "")).len(), 1);
        t.buttons.watch = false;
        assert!(render(&t, &typical(), "").components.is_empty());
        let mut vars = typical();
        vars.twitch_id = "9".repeat(200);
        vars.stream_url = "not a url".into();
        assert!(
            render(&Template::default(), &vars, "")
                .components
                .is_empty()
        );
    }
}
