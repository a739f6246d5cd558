//! Helpers shared by the template engine's unit tests.

use twilight_model::channel::message::Component;
use twilight_model::channel::message::Embed;
use twilight_model::channel::message::component::Button;

use super::url::{EMBED_URL_MAX, valid_url};
use super::{FieldTemplate, Rendered, Sample, Template, TemplateError, Vars, validate};

pub(super) fn typical() -> Vars {
    Sample::Typical.vars()
}

pub(super) fn only_content(content: &str) -> Template {
    let mut t = Template {
        content: content.into(),
        ..Template::default()
    };
    t.embed.enabled = false;
    t
}

pub(super) fn errors(t: &Template) -> Vec<TemplateError> {
    validate(t).err().unwrap_or_default()
}

pub(super) fn embed(r: &Rendered) -> &Embed {
    r.embeds.first().expect("an embed")
}

pub(super) fn buttons(r: &Rendered) -> Vec<Button> {
    match r.components.first() {
        Some(Component::ActionRow(row)) => row
            .components
            .iter()
            .filter_map(|c| match c {
                Component::Button(b) => Some(b.clone()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Everything visible in the message, concatenated.
pub(super) fn all_text(r: &Rendered) -> String {
    let mut out = vec![r.content.clone()];
    for e in &r.embeds {
        out.extend(e.title.clone().into_iter().chain(e.description.clone()));
        out.extend(
            e.fields
                .iter()
                .flat_map(|f| [f.name.clone(), f.value.clone()]),
        );
        out.extend(e.author.as_ref().map(|a| a.name.clone()));
        out.extend(e.footer.as_ref().map(|f| f.text.clone()));
    }
    out.extend(buttons(r).into_iter().filter_map(|b| b.label));
    out.join("\n")
}

pub(super) fn assert_discord_accepts(r: &Rendered) {
    assert!(
        !r.content.is_empty() || !r.embeds.is_empty(),
        "empty message"
    );
    twilight_validate::message::content(&r.content).expect("content within limits");
    twilight_validate::message::embeds(&r.embeds).expect("embed within limits");
    twilight_validate::message::components(&r.components, false).expect("valid buttons");
    for e in &r.embeds {
        assert!(
            e.fields
                .iter()
                .all(|f| !f.name.is_empty() && !f.value.is_empty())
        );
        assert!(e.author.as_ref().is_none_or(|a| !a.name.is_empty()));
        let urls = [
            e.url.clone(),
            e.image.as_ref().map(|i| i.url.clone()),
            e.thumbnail.as_ref().map(|t| t.url.clone()),
        ];
        assert!(
            urls.iter().flatten().all(|u| valid_url(u, EMBED_URL_MAX)),
            "{urls:?}"
        );
    }
    assert!(
        buttons(r)
            .iter()
            .all(|b| b.label.as_deref().is_some_and(|l| !l.is_empty()))
    );
}

pub(super) fn assert_no_ping(text: &str) {
    for bad in ["@everyone", "@here", "<@", "<#", "</"] {
        assert!(!text.contains(bad), "{bad:?} in {text:?}");
    }
}

/// Every ping Discord would see: `@everyone`, `@here`, and `<@id>`,
/// `<@!id>`, `<@&id>`, `<#id>` with a snowflake id (17+ digits).
pub(super) fn pings(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    for (i, _) in text.match_indices(['@', '<']) {
        let rest = &text[i..];
        if let Some(word) = ["@everyone", "@here"]
            .into_iter()
            .find(|w| rest.starts_with(w))
        {
            found.push(&text[i..i + word.len()]);
            continue;
        }
        let prefix = ["<@!", "<@&", "<@", "<#"]
            .into_iter()
            .find(|p| rest.starts_with(p));
        if let Some(prefix) = prefix {
            let digits = rest[prefix.len()..]
                .bytes()
                .take_while(u8::is_ascii_digit)
                .count();
            let end = prefix.len() + digits;
            if digits >= 17 && rest[end..].starts_with('>') {
                found.push(&text[i..i + end + 1]);
            }
        }
    }
    found
}

/// Sets the `i`-th text of a template (content, embed texts and URLs, labels, a field).
pub(super) fn set_text(t: &mut Template, i: usize, text: String) {
    if let Some(slot) = t.texts_mut().into_iter().nth(i) {
        *slot = text;
        return;
    }
    t.embed.fields.push(FieldTemplate {
        name: text.clone(),
        value: text,
        inline: i.is_multiple_of(2),
    });
}
