//! Rendering: a template and the values of one stream into the message
//! Discord gets. Never panics, never exceeds Discord's limits.

mod buttons;
mod embed;
#[cfg(test)]
mod proptests;
mod text;

use twilight_model::channel::message::{Component, Embed};
use twilight_validate::message::MESSAGE_CONTENT_LENGTH_MAX;

use super::escape::{Ctx, escape, escape_mentions};
use super::model::Template;
use super::url::{EMBED_URL_MAX, percent_encode, valid_url, with_cache_bust};
use super::vars::Vars;
use buttons::render_buttons;
use embed::render_embed;
use text::{render_content, truncate};

pub use buttons::{notify_custom_id, parse_notify_custom_id};

/// A rendered message, ready for twilight's create-message builder.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    /// Message content (never empty if `embeds` is empty).
    pub content: String,
    /// Zero or one embed.
    pub embeds: Vec<Embed>,
    /// Zero or one action row of buttons.
    pub components: Vec<Component>,
}

/// Everything a render needs besides the template.
struct RenderCtx<'a> {
    vars: &'a Vars,
    /// Live thumbnail (or preview fallback) with cache-busting, or empty.
    thumbnail: String,
}

/// Renders a template for one stream. Never panics and never exceeds Discord
/// limits, whatever the template (validated or not) and the values. Invalid
/// syntax renders literally; URLs that are not `http(s)://` are dropped; if
/// everything ends up empty, a plain "X is live" content is used.
pub fn render(t: &Template, vars: &Vars, cache_bust: &str) -> Rendered {
    let rc = RenderCtx {
        vars,
        thumbnail: live_thumbnail_url(vars, cache_bust),
    };
    let mut content = render_content(&t.content, &rc);
    let embeds: Vec<Embed> = render_embed(&t.embed, &rc).into_iter().collect();
    if content.is_empty() && embeds.is_empty() {
        content = fallback_content(&rc);
    }
    Rendered {
        content,
        embeds,
        components: render_buttons(&t.buttons, &rc),
    }
}

/// The message when nothing else rendered: `**Name** is live on Twitch! <url>`.
fn fallback_content(rc: &RenderCtx) -> String {
    let name = match rc.vars.streamer_display_name.trim() {
        "" => "A streamer".to_owned(),
        n => format!("**{}**", escape(n, Ctx::Rich)),
    };
    let url = Some(rc.vars.stream_url.trim()).filter(|u| valid_url(u, EMBED_URL_MAX));
    let text = format!(
        "{name} is live on Twitch! {}",
        escape_mentions(url.unwrap_or_default())
    );
    truncate(text.trim(), MESSAGE_CONTENT_LENGTH_MAX)
}

/// The live thumbnail URL (Twitch's or the preview fallback), cache-busted; empty if unknown.
fn live_thumbnail_url(vars: &Vars, cache_bust: &str) -> String {
    let known = vars
        .stream_thumbnail_url
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty());
    let base = match known {
        Some(url) => url.replace("{width}", "1280").replace("{height}", "720"),
        None if !vars.streamer_login.trim().is_empty() => format!(
            "https://static-cdn.jtvnw.net/previews-ttv/live_user_{}-1280x720.jpg",
            percent_encode(&vars.streamer_login.trim().to_lowercase())
        ),
        None => return String::new(),
    };
    with_cache_bust(&base, cache_bust)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notify::template::test_support::{
        assert_discord_accepts, embed, only_content, typical,
    };
    use crate::notify::template::{Sample, TWITCH_PURPLE, validate};

    #[test]
    fn default_template_renders_every_part_for_a_typical_stream() {
        let vars = typical();
        let r = render(&Template::default(), &vars, "abc");
        assert_eq!(r.content, "<@&111111111111111111>");
        let e = embed(&r);
        assert_eq!(
            e.title.as_deref(),
            Some("Ranked grind to Diamond! Come hang out")
        );
        assert_eq!(e.url.as_deref(), Some("https://www.twitch.tv/pixel_panda"));
        let ts = vars.started_at.timestamp();
        let expected = format!("**Pixel\\_Panda** is live on Twitch! Started <t:{ts}:R>.");
        assert_eq!(e.description.as_deref(), Some(expected.as_str()));
        let author = e.author.as_ref().expect("author");
        assert_eq!(author.name, "Pixel_Panda");
        assert_eq!(author.icon_url, vars.streamer_avatar_url);
        assert_eq!(
            author.url.as_deref(),
            Some("https://www.twitch.tv/pixel_panda")
        );
        let fields: Vec<_> = e
            .fields
            .iter()
            .map(|f| (f.name.as_str(), f.value.as_str(), f.inline))
            .collect();
        assert_eq!(
            fields,
            [("Game", "VALORANT", true), ("Viewers", "1,234", true)]
        );
        let image = e.image.as_ref().map(|i| i.url.as_str());
        assert_eq!(
            image,
            Some(
                "https://static-cdn.jtvnw.net/previews-ttv/live_user_pixel_panda-1280x720.jpg?t=abc"
            )
        );
        assert_eq!(
            e.thumbnail.as_ref().map(|t| t.url.clone()),
            vars.streamer_avatar_url
        );
        assert_eq!(e.color, Some(TWITCH_PURPLE));
        assert_eq!(e.footer.as_ref().map(|f| f.text.as_str()), Some("Twitch"));
        assert_eq!(e.timestamp.map(|t| t.as_secs()), Some(ts));
        assert_discord_accepts(&r);
    }

    #[test]
    fn live_thumbnail_is_cache_busted() {
        let mut vars = typical();
        vars.stream_thumbnail_url = Some("https://cdn.example/thumb.jpg?size=big".into());
        assert_eq!(
            live_thumbnail_url(&vars, "s1 7"),
            "https://cdn.example/thumb.jpg?size=big&t=s1%207"
        );
        vars.stream_thumbnail_url = Some("https://cdn.example/live-{width}x{height}.jpg".into());
        assert_eq!(
            live_thumbnail_url(&vars, "42"),
            "https://cdn.example/live-1280x720.jpg?t=42"
        );
        assert_eq!(
            with_cache_bust("https://a.b/x#top", "1"),
            "https://a.b/x?t=1#top"
        );
    }

    #[test]
    fn unknown_thumbnail_falls_back_to_the_twitch_preview() {
        let r = render(&Template::default(), &Sample::NoGame.vars(), "9");
        let url = embed(&r).image.as_ref().map(|i| i.url.clone());
        assert_eq!(
            url.as_deref(),
            Some(
                "https://static-cdn.jtvnw.net/previews-ttv/live_user_pixel_panda-1280x720.jpg?t=9"
            )
        );
        let mut vars = Sample::NoGame.vars();
        vars.streamer_avatar_url = None;
        let r = render(&Template::default(), &vars, "9");
        assert!(
            embed(&r).thumbnail.is_none()
                && embed(&r)
                    .author
                    .as_ref()
                    .is_some_and(|a| a.icon_url.is_none())
        );
    }

    #[test]
    fn an_empty_result_still_sends_a_valid_message() {
        let r = render(&only_content("{mention}"), &Sample::NoGame.vars(), "");
        assert_eq!(
            r.content,
            "**Pixel\\_Panda** is live on Twitch! https://www.twitch.tv/pixel_panda"
        );
        assert!(validate(&only_content("{mention} {game_name}")).is_err());
    }
}
