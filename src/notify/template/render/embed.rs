//! The embed: every part rendered and trimmed, then the whole kept within
//! Discord's total.

use twilight_model::channel::message::Embed;
use twilight_model::channel::message::embed::{
    EmbedAuthor, EmbedField, EmbedFooter, EmbedImage, EmbedThumbnail,
};
use twilight_model::util::Timestamp;
use twilight_validate::embed::{
    AUTHOR_NAME_LENGTH, COLOR_MAXIMUM, DESCRIPTION_LENGTH, EMBED_TOTAL_LENGTH, FIELD_COUNT,
    FIELD_NAME_LENGTH, FIELD_VALUE_LENGTH, FOOTER_TEXT_LENGTH, TITLE_LENGTH,
};

use super::RenderCtx;
use super::text::{expand, non_empty, render_opt, render_text, truncate};
use crate::notify::template::escape::Ctx;
use crate::notify::template::model::{EmbedTemplate, FieldTemplate, TWITCH_PURPLE};
use crate::notify::template::url::{EMBED_URL_MAX, valid_url};

/// Renders a URL field; `None` unless it is a valid `http(s)://` URL.
fn render_url(src: &str, rc: &RenderCtx) -> Option<String> {
    let url = expand(src, rc, Ctx::Url).trim().to_owned();
    valid_url(&url, EMBED_URL_MAX).then_some(url)
}

pub(super) fn render_embed(e: &EmbedTemplate, rc: &RenderCtx) -> Option<Embed> {
    if !e.enabled {
        return None;
    }
    let color = e.color.filter(|c| *c <= COLOR_MAXIMUM);
    let start = Timestamp::from_secs(rc.vars.started_at.timestamp()).ok();
    let mut embed = Embed {
        author: render_author(e, rc),
        color: Some(color.unwrap_or(TWITCH_PURPLE)),
        description: render_opt(&e.description, rc, Ctx::Rich, DESCRIPTION_LENGTH),
        fields: render_fields(&e.fields, rc),
        flags: None,
        footer: render_footer(e, rc),
        image: render_url(&e.image_url, rc).map(image),
        kind: "rich".to_owned(),
        provider: None,
        thumbnail: render_url(&e.thumbnail_url, rc).map(thumbnail),
        timestamp: e.timestamp.then_some(start).flatten(),
        title: render_opt(&e.title, rc, Ctx::Heading, TITLE_LENGTH),
        url: render_url(&e.url, rc),
        video: None,
    };
    fit_total(&mut embed);
    let shown = embed.title.is_some() || embed.description.is_some() || !embed.fields.is_empty();
    (shown || embed.image.is_some() || embed.author.is_some()).then_some(embed)
}

fn image(url: String) -> EmbedImage {
    EmbedImage {
        url,
        height: None,
        width: None,
        proxy_url: None,
        content_type: None,
        placeholder: None,
        placeholder_version: None,
        flags: None,
    }
}

fn thumbnail(url: String) -> EmbedThumbnail {
    EmbedThumbnail {
        url,
        height: None,
        width: None,
        proxy_url: None,
    }
}

fn render_author(e: &EmbedTemplate, rc: &RenderCtx) -> Option<EmbedAuthor> {
    let name = render_opt(&e.author_name, rc, Ctx::Plain, AUTHOR_NAME_LENGTH)?;
    Some(EmbedAuthor {
        icon_url: render_url(&e.author_icon_url, rc),
        name,
        proxy_icon_url: None,
        url: render_url(&e.author_url, rc),
    })
}

fn render_footer(e: &EmbedTemplate, rc: &RenderCtx) -> Option<EmbedFooter> {
    let text = render_opt(&e.footer_text, rc, Ctx::Plain, FOOTER_TEXT_LENGTH)?;
    Some(EmbedFooter {
        icon_url: render_url(&e.footer_icon_url, rc),
        proxy_icon_url: None,
        text,
    })
}

fn render_fields(fields: &[FieldTemplate], rc: &RenderCtx) -> Vec<EmbedField> {
    fields
        .iter()
        .filter_map(|f| {
            let name = render_text(&f.name, rc, Ctx::Heading, FIELD_NAME_LENGTH);
            let value = render_text(&f.value, rc, Ctx::Rich, FIELD_VALUE_LENGTH);
            (!name.is_empty() && !value.is_empty()).then_some(EmbedField {
                inline: f.inline,
                name,
                value,
            })
        })
        .take(FIELD_COUNT)
        .collect()
}

/// Keeps the embed total within 6000 chars: cuts the description, then the
/// last fields. The total is counted as Discord and twilight count it.
fn fit_total(embed: &mut Embed) {
    let excess = twilight_validate::embed::chars(embed).saturating_sub(EMBED_TOTAL_LENGTH);
    if excess > 0
        && let Some(description) = embed.description.take()
    {
        let keep = description.chars().count().saturating_sub(excess);
        embed.description = non_empty(truncate(&description, keep));
    }
    loop {
        let excess = twilight_validate::embed::chars(embed).saturating_sub(EMBED_TOTAL_LENGTH);
        let Some(field) = embed.fields.last_mut().filter(|_| excess > 0) else {
            return;
        };
        let len = field.value.chars().count();
        if len > excess + 1 {
            field.value = truncate(&field.value, len - excess);
        } else {
            embed.fields.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notify::template::test_support::{assert_discord_accepts, embed, typical};
    use crate::notify::template::{Sample, Template, Vars, render};

    #[test]
    fn embed_total_is_kept_within_6000_description_first() {
        let mut t = Template::default();
        t.embed.description = "d".repeat(4096);
        t.embed.fields = vec![
            FieldTemplate {
                name: "n".into(),
                value: "v".repeat(1000),
                inline: false
            };
            3
        ];
        let r = render(&t, &typical(), "");
        let e = embed(&r);
        assert_eq!(twilight_validate::embed::chars(e), EMBED_TOTAL_LENGTH);
        assert_eq!(e.fields.len(), 3, "fields kept, description cut");
        assert!(e.description.as_ref().is_some_and(|d| d.ends_with('…')));
        assert_discord_accepts(&r);
    }

    #[test]
    fn empty_game_and_unknown_viewers_drop_their_fields() {
        let mut vars = typical();
        vars.game_name = String::new();
        let names = |v: &Vars| {
            embed(&render(&Template::default(), v, ""))
                .fields
                .iter()
                .map(|f| f.name.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(names(&vars), ["Viewers"]);
        vars.game_name = "Chess".into();
        vars.viewer_count = None;
        assert_eq!(names(&vars), ["Game"]);
        assert!(names(&Sample::NoGame.vars()).is_empty());
    }
}
