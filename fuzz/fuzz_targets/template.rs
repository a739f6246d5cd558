//! Template parsing, validation and rendering with arbitrary template text
//! (every text of the message, embed and buttons, or a stored JSON template)
//! and arbitrary Twitch values (login, display name, title, game, URLs).
//!
//! Oracles: never a panic; Discord would accept the message (twilight's
//! own validators for content, embeds and buttons; never empty); and no
//! ping appears that the admin did not write: every `@everyone`, `@here`,
//! `<@id>`, `<@!id>`, `<@&id>` or `<#id>` in the visible text must be in the
//! template's own text, with or without its variables (`@{mention}here`
//! with no mention is the admin's own `@here`), or be the bot's `{mention}`.
#![no_main]

use chrono::DateTime;
use libfuzzer_sys::{
    arbitrary::{self, Arbitrary},
    fuzz_target,
};
use streammaxing::notify::template::{FieldTemplate, Rendered, Template, Vars, render, validate};
use twilight_model::channel::message::Component;

#[derive(Arbitrary, Debug)]
struct Input {
    /// (slot, text) edits applied to the default template; see `set_text`.
    edits: Vec<(u8, String)>,
    /// Parsed with `Template::from_json` instead, when present.
    json: Option<String>,
    switches: [bool; 4],
    color: Option<u32>,
    login: String,
    display_name: String,
    title: String,
    game: String,
    viewers: Option<u64>,
    started_at: i64,
    avatar: Option<String>,
    thumbnail: Option<String>,
    stream_url: String,
    mention: bool,
    cache_bust: String,
}

const MENTION: &str = "<@&111111111111111111>";

fuzz_target!(|input: Input| {
    let template = match &input.json {
        Some(json) => match Template::from_json(json) {
            Ok(t) => t,
            Err(_) => return,
        },
        None => edited(&input),
    };
    let _ = validate(&template);
    let vars = Vars {
        twitch_id: "12826".to_owned(),
        streamer_login: input.login,
        streamer_display_name: input.display_name,
        streamer_avatar_url: input.avatar,
        stream_title: input.title,
        game_name: input.game,
        viewer_count: input.viewers,
        stream_thumbnail_url: input.thumbnail,
        started_at: DateTime::from_timestamp(input.started_at % 100_000_000_000, 0)
            .unwrap_or_default(),
        stream_url: input.stream_url,
        mention: if input.mention { MENTION.to_owned() } else { String::new() },
    };
    let rendered = render(&template, &vars, &input.cache_bust);
    assert_discord_accepts(&rendered);
    let written = template_text(&template);
    // The admin's text with the variables left out: `@{mention}here` with
    // no mention is the admin's own `@here`.
    let literal = without_variables(&written);
    for ping in pings(&visible_text(&rendered)) {
        assert!(
            ping == MENTION && input.mention || written.contains(ping) || literal.contains(ping),
            "ping {ping:?} made from Twitch text; template {template:?}, vars {vars:?}"
        );
    }
});

fn edited(input: &Input) -> Template {
    let mut t = Template::default();
    [t.embed.enabled, t.embed.timestamp] = [input.switches[0], input.switches[1]];
    [t.buttons.watch, t.buttons.notify_me] = [input.switches[2], input.switches[3]];
    t.embed.color = input.color;
    for (slot, text) in &input.edits {
        set_text(&mut t, *slot, text.clone());
    }
    t
}

/// Sets one text of the template; high slots add a field.
fn set_text(t: &mut Template, slot: u8, text: String) {
    let n = slot % 20;
    if let Some(target) = t.texts_mut().into_iter().nth(usize::from(n)) {
        *target = text;
        return;
    }
    let (name, value) = match text.split_once('|') {
        Some((name, value)) => (name.to_owned(), value.to_owned()),
        None => (text.clone(), text),
    };
    t.embed.fields.push(FieldTemplate {
        name,
        value,
        inline: n % 2 == 0,
    });
}

/// Everything the admin typed, joined: the only allowed source of pings.
fn template_text(t: &Template) -> String {
    let e = &t.embed;
    let mut parts = vec![
        t.content.as_str(),
        &e.title,
        &e.description,
        &e.author_name,
        &e.footer_text,
        &t.buttons.watch_label,
        &t.buttons.notify_me_label,
    ];
    for f in &e.fields {
        parts.extend([f.name.as_str(), f.value.as_str()]);
    }
    parts.join("\n")
}

/// `text` without its `{name}` variables (anything else kept as written:
/// a lone `{` is literal text to the template parser too).
fn without_variables(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let name = after
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
            .count();
        if name > 0 && after[name..].starts_with('}') {
            rest = &after[name + 1..];
        } else {
            out.push('{');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

fn assert_discord_accepts(r: &Rendered) {
    assert!(!r.content.is_empty() || !r.embeds.is_empty(), "empty message");
    twilight_validate::message::content(&r.content).expect("content within limits");
    twilight_validate::message::embeds(&r.embeds).expect("embed within limits");
    twilight_validate::message::components(&r.components, false).expect("valid buttons");
    assert!(r.embeds.len() <= 1 && r.components.len() <= 1);
}

/// Content, embed texts and button labels, one per line.
fn visible_text(r: &Rendered) -> String {
    let mut out = vec![r.content.clone()];
    for e in &r.embeds {
        out.extend(e.title.clone().into_iter().chain(e.description.clone()));
        out.extend(e.fields.iter().flat_map(|f| [f.name.clone(), f.value.clone()]));
        out.extend(e.author.as_ref().map(|a| a.name.clone()));
        out.extend(e.footer.as_ref().map(|f| f.text.clone()));
    }
    for row in &r.components {
        if let Component::ActionRow(row) = row {
            for c in &row.components {
                if let Component::Button(b) = c {
                    out.extend(b.label.clone());
                }
            }
        }
    }
    out.join("\n")
}

/// Every ping Discord would see: `@everyone`, `@here`, and `<@id>`,
/// `<@!id>`, `<@&id>`, `<#id>` with a snowflake id (17 digits or more, so
/// a viewer count next to `<@` is not taken for one).
fn pings(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    for (i, _) in text.match_indices(['@', '<']) {
        let rest = &text[i..];
        if let Some(word) = ["@everyone", "@here"].into_iter().find(|w| rest.starts_with(w)) {
            found.push(&text[i..i + word.len()]);
            continue;
        }
        let prefix = ["<@!", "<@&", "<@", "<#"].into_iter().find(|p| rest.starts_with(p));
        if let Some(prefix) = prefix {
            let digits = rest[prefix.len()..].bytes().take_while(u8::is_ascii_digit).count();
            let end = prefix.len() + digits;
            if digits >= 17 && rest[end..].starts_with('>') {
                found.push(&text[i..i + end + 1]);
            }
        }
    }
    found
}
