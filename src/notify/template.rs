//! Notification template engine: turns an admin-edited [`Template`] plus the
//! [`Vars`] of one stream into a Discord message ([`Rendered`]).
//!
//! Guarantees of [`render`]: it never panics, every text is within Discord's
//! limits, and text coming from Twitch can neither ping nor inject markdown.
//! [`validate`] tells an admin, before saving, everything that would be cut or
//! dropped, with the worst case of every variable (see the `*_MAX` consts).
//!
//! Syntax: `{variable}` (see [`VARIABLES`]), `{{` / `}}` for literal braces.
//! A lone `}` is accepted as a literal brace. Lengths are counted in chars.
//!
//! Defence in depth for callers: send with `AllowedMentions` limited to the
//! configured role/user, so even a hand-written `@everyone` in a template is inert.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use twilight_model::channel::message::component::{ActionRow, Button, ButtonStyle};
use twilight_model::channel::message::embed::{
    EmbedAuthor, EmbedField, EmbedFooter, EmbedImage, EmbedThumbnail,
};
use twilight_model::channel::message::{Component, Embed, EmojiReactionType};
use twilight_model::util::Timestamp;
use twilight_validate::component::{COMPONENT_BUTTON_LABEL_LENGTH, COMPONENT_CUSTOM_ID_LENGTH};
use twilight_validate::embed::{
    AUTHOR_NAME_LENGTH, COLOR_MAXIMUM, DESCRIPTION_LENGTH, EMBED_TOTAL_LENGTH, FIELD_COUNT,
    FIELD_NAME_LENGTH, FIELD_VALUE_LENGTH, FOOTER_TEXT_LENGTH, TITLE_LENGTH,
};
use twilight_validate::message::MESSAGE_CONTENT_LENGTH_MAX;

/// Embed colour used when the template sets none (Twitch purple).
pub const TWITCH_PURPLE: u32 = 0x9146FF;
/// Worst-case length of `{streamer_login}` (Twitch logins are at most 25 chars).
pub const LOGIN_MAX: usize = 25;
/// Worst-case length of `{streamer_display_name}` (25 chars, possibly multi-byte).
pub const DISPLAY_NAME_MAX: usize = 25;
/// Worst-case length of `{stream_title}` (Twitch caps titles at 140 chars).
pub const TITLE_MAX: usize = 140;
/// Worst-case length of `{game_name}`. Twitch category names are in practice
/// far shorter; a longer one is still trimmed safely by [`render`].
pub const GAME_NAME_MAX: usize = 128;
/// Worst-case length of URL variables.
pub const URL_MAX: usize = 300;
/// Worst-case length of `{mention}` (`<@&` + 20 digits + `>`).
pub const MENTION_MAX: usize = 25;
/// Worst-case length of `{viewer_count}` (`9,999,999,999`).
pub const VIEWER_COUNT_MAX: usize = 13;
/// Worst-case length of a Discord timestamp tag such as `<t:1700000000:f>`.
pub const TIMESTAMP_TAG_MAX: usize = 20;
/// Discord's limit on a link button URL.
pub const BUTTON_URL_MAX: usize = 512;
/// Limit we apply to embed URLs.
pub const EMBED_URL_MAX: usize = 2048;

/// Rendering of `{started_at_relative}` where Discord shows no timestamp tags.
const RELATIVE_PLAIN: &str = "just now";
const ZWSP: char = '\u{200B}';
const NOTIFY_PREFIX: &str = "notify:";
const DEFAULT_WATCH_LABEL: &str = "Watch stream";
const DEFAULT_NOTIFY_LABEL: &str = "Notify me";
const BELL: &str = "🔔";

/// The variable names usable in templates, without braces.
pub const VARIABLES: &[&str] = &[
    "streamer_login",
    "streamer_display_name",
    "streamer_avatar_url",
    "stream_title",
    "game_name",
    "viewer_count",
    "stream_thumbnail_url",
    "started_at",
    "started_at_relative",
    "stream_url",
    "mention",
];

/// A go-live message template: content, one embed and buttons.
///
/// Missing JSON fields take the value of [`Template::default`], so `{}`
/// deserialises to the default template and old stored templates keep working.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    /// RGB colour `0..=0xFFFFFF`; `None` = Twitch purple.
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
#[serde(default)]
pub struct ButtonsTemplate {
    /// Show a link button to the stream.
    pub watch: bool,
    /// Label of the watch button (plain text, variables allowed).
    pub watch_label: String,
    /// Show a "notify me" button (custom id from [`notify_custom_id`]).
    pub notify_me: bool,
    /// Label of the notify button; a 🔔 emoji is added unless it starts with one.
    pub notify_me_label: String,
}

impl Default for Template {
    /// The default template: role mention, a rich embed and both buttons.
    fn default() -> Self {
        Template {
            content: "{mention}".into(),
            embed: EmbedTemplate::default(),
            buttons: ButtonsTemplate::default(),
        }
    }
}

impl Default for EmbedTemplate {
    /// The embed of the default template.
    fn default() -> Self {
        let field = |name: &str, value: &str| FieldTemplate {
            name: name.into(),
            value: value.into(),
            inline: true,
        };
        EmbedTemplate {
            enabled: true,
            title: "{stream_title}".into(),
            url: "{stream_url}".into(),
            description:
                "**{streamer_display_name}** is live on Twitch! Started {started_at_relative}."
                    .into(),
            color: Some(TWITCH_PURPLE),
            author_name: "{streamer_display_name}".into(),
            author_url: "{stream_url}".into(),
            author_icon_url: "{streamer_avatar_url}".into(),
            thumbnail_url: "{streamer_avatar_url}".into(),
            image_url: "{stream_thumbnail_url}".into(),
            fields: vec![
                field("Game", "{game_name}"),
                field("Viewers", "{viewer_count}"),
            ],
            footer_text: "Twitch".into(),
            footer_icon_url: String::new(),
            timestamp: true,
        }
    }
}

impl Default for ButtonsTemplate {
    /// "Watch stream" link and "🔔 Notify me".
    fn default() -> Self {
        ButtonsTemplate {
            watch: true,
            watch_label: DEFAULT_WATCH_LABEL.into(),
            notify_me: true,
            notify_me_label: DEFAULT_NOTIFY_LABEL.into(),
        }
    }
}

impl Template {
    /// Parses a stored template; missing fields take default values, unknown ones are ignored.
    pub fn from_json(s: &str) -> Result<Template, String> {
        serde_json::from_str(s).map_err(|e| format!("invalid template JSON: {e}"))
    }

    /// Serialises the template (all fields written). Cannot fail in practice;
    /// on the impossible error returns `{}`, which reads back as the default.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{}".to_owned())
    }
}

/// Values for one notification. Values that come from Twitch are raw (unescaped).
#[derive(Debug, Clone, PartialEq)]
pub struct Vars {
    /// Twitch user id of the streamer (used in the notify button id).
    pub twitch_id: String,
    /// Twitch login (from Twitch).
    pub streamer_login: String,
    /// Display name (from Twitch).
    pub streamer_display_name: String,
    /// Profile picture URL, if known.
    pub streamer_avatar_url: Option<String>,
    /// Stream title (from Twitch, may be empty).
    pub stream_title: String,
    /// Category name (from Twitch, may be empty).
    pub game_name: String,
    /// Viewers, unknown right after going live.
    pub viewer_count: Option<u64>,
    /// Get Streams thumbnail URL (`{width}`/`{height}` placeholders are filled in), if known.
    pub stream_thumbnail_url: Option<String>,
    /// When the stream started.
    pub started_at: DateTime<Utc>,
    /// Link to the stream.
    pub stream_url: String,
    /// Role/user mention produced by the bot itself (e.g. `<@&123>` or empty); not escaped.
    pub mention: String,
}

/// A problem found by [`validate`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TemplateError {
    /// Where: `content`, `embed.title`, `embed.fields[2].value`, `buttons.watch_label`, `message`…
    pub location: String,
    /// What is wrong and how to fix it.
    pub message: String,
}

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

// ---------------------------------------------------------------- parsing

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Var {
    Login,
    DisplayName,
    Avatar,
    Title,
    Game,
    Viewers,
    Thumbnail,
    StartedAt,
    StartedRelative,
    StreamUrl,
    Mention,
}

const ALL_VARS: [Var; 11] = [
    Var::Login,
    Var::DisplayName,
    Var::Avatar,
    Var::Title,
    Var::Game,
    Var::Viewers,
    Var::Thumbnail,
    Var::StartedAt,
    Var::StartedRelative,
    Var::StreamUrl,
    Var::Mention,
];

/// Where a text ends up, which decides escaping and timestamp rendering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ctx {
    /// Markdown and `<t:…>` tags render: content, description, field values.
    Rich,
    /// Markdown renders, timestamp tags do not: title, field names.
    Heading,
    /// Nothing renders: author name, footer, button labels.
    Plain,
    /// A URL: Twitch text is percent-encoded, URLs inserted as is.
    Url,
}

impl Var {
    fn name(self) -> &'static str {
        let index = ALL_VARS.iter().position(|v| *v == self).unwrap_or(0);
        VARIABLES.get(index).copied().unwrap_or("")
    }

    fn from_name(name: &str) -> Option<Var> {
        ALL_VARS.iter().copied().find(|v| v.name() == name)
    }

    /// Raw text typed by a streamer on Twitch: must be escaped.
    fn is_twitch_text(self) -> bool {
        matches!(self, Var::Login | Var::DisplayName | Var::Title | Var::Game)
    }

    /// Twitch's text or a URL Twitch gave us (or built from its login):
    /// nothing in it may complete a ping.
    fn is_from_twitch(self) -> bool {
        self.is_twitch_text() || matches!(self, Var::Avatar | Var::Thumbnail | Var::StreamUrl)
    }

    /// Whether the value can legitimately be empty at render time.
    fn may_be_empty(self) -> bool {
        matches!(
            self,
            Var::Avatar | Var::Title | Var::Game | Var::Viewers | Var::Mention
        )
    }

    fn max_len(self, ctx: Ctx) -> usize {
        let tag = ctx == Ctx::Rich;
        match self {
            Var::Login => LOGIN_MAX,
            Var::DisplayName => DISPLAY_NAME_MAX,
            Var::Title => TITLE_MAX,
            Var::Game => GAME_NAME_MAX,
            Var::Avatar | Var::Thumbnail | Var::StreamUrl => URL_MAX,
            Var::Viewers => VIEWER_COUNT_MAX,
            Var::StartedAt if !tag => "HH:MM UTC".len(),
            Var::StartedRelative if !tag => RELATIVE_PLAIN.len(),
            Var::StartedAt | Var::StartedRelative => TIMESTAMP_TAG_MAX,
            Var::Mention => MENTION_MAX,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Segment {
    Text(String),
    Var(Var),
}

/// A parsed template string: segments to render, and syntax problems found.
#[derive(Debug, Default)]
struct Parsed {
    segments: Vec<Segment>,
    issues: Vec<String>,
}

impl Parsed {
    fn push_text(&mut self, text: &str) {
        match self.segments.last_mut() {
            Some(Segment::Text(t)) => t.push_str(text),
            _ if text.is_empty() => {}
            _ => self.segments.push(Segment::Text(text.to_owned())),
        }
    }
}

/// Parses a template string. Never fails: bad syntax renders literally and is
/// reported in `issues`.
fn parse(src: &str) -> Parsed {
    let mut p = Parsed::default();
    let mut rest = src;
    while let Some(i) = rest.find(['{', '}']) {
        p.push_text(&rest[..i]);
        let tail = &rest[i..];
        let doubled = tail.strip_prefix("{{").or_else(|| tail.strip_prefix("}}"));
        rest = if let Some(after) = doubled {
            p.push_text(&tail[..1]);
            after
        } else if let Some(after) = tail.strip_prefix('}') {
            p.push_text("}");
            after
        } else {
            parse_placeholder(&mut p, &tail[1..])
        };
    }
    p.push_text(rest);
    p
}

/// Handles what follows a single `{`; returns the unparsed remainder.
fn parse_placeholder<'a>(p: &mut Parsed, body: &'a str) -> &'a str {
    match body.find(['}', '{', '\n']) {
        Some(j) if body[j..].starts_with('}') => {
            let name = &body[..j];
            match Var::from_name(name) {
                Some(var) => p.segments.push(Segment::Var(var)),
                None => {
                    p.issues.push(unknown_variable_message(name));
                    p.push_text(&format!("{{{name}}}"));
                }
            }
            &body[j + 1..]
        }
        _ => {
            p.issues.push(
                "a `{` is never closed: close the variable with `}`, or write `{{` for a literal brace"
                    .to_owned(),
            );
            p.push_text("{");
            body
        }
    }
}

fn unknown_variable_message(name: &str) -> String {
    if name.trim().is_empty() {
        return "empty braces `{}`: put a variable name inside, or write `{{}}` for literal braces"
            .to_owned();
    }
    let hint = match suggest(name) {
        Some(s) => format!("did you mean {{{s}}}?"),
        None => format!(
            "available variables: {}",
            VARIABLES
                .iter()
                .map(|v| format!("{{{v}}}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    format!("unknown variable {{{name}}}: {hint} (write `{{{{` and `}}}}` for literal braces)")
}

const ALIASES: &[(&str, &str)] = &[
    ("name", "streamer_display_name"),
    ("user", "streamer_display_name"),
    ("username", "streamer_display_name"),
    ("role", "mention"),
    ("ping", "mention"),
    ("link", "stream_url"),
    ("time", "started_at"),
    ("category", "game_name"),
];

/// Closest known variable: exact after normalising, alias, all words present, edit distance.
fn suggest(name: &str) -> Option<&'static str> {
    let norm = name.trim().to_lowercase().replace([' ', '-'], "_");
    if let Some(var) = Var::from_name(&norm) {
        return Some(var.name());
    }
    if let Some((_, target)) = ALIASES.iter().find(|(alias, _)| *alias == norm) {
        return Some(target);
    }
    let words: Vec<&str> = norm.split('_').filter(|w| !w.is_empty()).collect();
    let closest = |candidates: &mut dyn Iterator<Item = &&'static str>| {
        candidates
            .min_by_key(|known| levenshtein(&norm, known))
            .copied()
    };
    let by_words = closest(
        &mut VARIABLES
            .iter()
            .filter(|known| !words.is_empty() && words.iter().all(|w| word_in(w, known))),
    );
    by_words.or_else(|| {
        closest(&mut VARIABLES.iter())
            .filter(|known| levenshtein(&norm, known) <= known.len().max(norm.len()) / 2)
    })
}

/// Whether `word` is (nearly) one of the underscore-separated words of `known`.
fn word_in(word: &str, known: &str) -> bool {
    known.split('_').any(|k| {
        k == word || (word.len() >= 3 && (k.starts_with(word) || levenshtein(word, k) <= 1))
    })
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}

// ---------------------------------------------------------------- validation

/// Checks a template; returns every problem found, each with its location and a fix.
///
/// Lengths are checked with every variable at its worst case (the `*_MAX`
/// consts, counted before escaping; escaping overhead is absorbed by
/// [`render`]'s trimming). A disabled embed and disabled buttons are not checked.
pub fn validate(t: &Template) -> Result<(), Vec<TemplateError>> {
    let mut c = Checker::default();
    c.text("content", &t.content, Ctx::Rich, MESSAGE_CONTENT_LENGTH_MAX);
    if t.embed.enabled {
        c.embed(&t.embed);
    }
    c.buttons(&t.buttons);
    let content_empty = parse(&t.content).segments.iter().all(|s| match s {
        Segment::Text(text) => text.trim().is_empty(),
        Segment::Var(var) => var.may_be_empty(),
    });
    if content_empty && (!t.embed.enabled || embed_is_empty(&t.embed)) {
        c.error("message", "the notification could be empty: write some content (not only optional variables like {mention}), or enable the embed and give it a title or description");
    }
    if c.errors.is_empty() {
        Ok(())
    } else {
        Err(c.errors)
    }
}

fn embed_is_empty(e: &EmbedTemplate) -> bool {
    let blank = |s: &str| s.trim().is_empty();
    [&e.title, &e.description, &e.author_name, &e.image_url]
        .iter()
        .all(|s| blank(s))
        && e.fields.iter().all(|f| blank(&f.name) || blank(&f.value))
}

#[derive(Default)]
struct Checker {
    errors: Vec<TemplateError>,
}

impl Checker {
    fn error(&mut self, location: &str, message: impl Into<String>) {
        self.errors.push(TemplateError {
            location: location.to_owned(),
            message: message.into(),
        });
    }

    /// Checks syntax and worst-case length of a text; returns the worst-case length.
    fn text(&mut self, loc: &str, src: &str, ctx: Ctx, max: usize) -> usize {
        let parsed = parse(src);
        for issue in parsed.issues {
            self.error(loc, issue);
        }
        let worst: usize = parsed
            .segments
            .iter()
            .map(|s| match s {
                Segment::Text(t) => t.chars().count(),
                Segment::Var(v) => v.max_len(ctx),
            })
            .sum();
        if worst > max {
            self.error(loc, format!(
                "can reach {worst} characters when every variable is at its longest, but Discord allows {max}: shorten it by {} characters or use fewer/shorter variables",
                worst - max
            ));
        }
        worst
    }

    fn embed(&mut self, e: &EmbedTemplate) {
        let mut total = 0;
        for (loc, src, ctx, max) in [
            ("embed.title", &e.title, Ctx::Heading, TITLE_LENGTH),
            (
                "embed.description",
                &e.description,
                Ctx::Rich,
                DESCRIPTION_LENGTH,
            ),
            (
                "embed.author_name",
                &e.author_name,
                Ctx::Plain,
                AUTHOR_NAME_LENGTH,
            ),
            (
                "embed.footer_text",
                &e.footer_text,
                Ctx::Plain,
                FOOTER_TEXT_LENGTH,
            ),
        ] {
            total += self.text(loc, src, ctx, max);
        }
        total += self.fields(&e.fields);
        if total > EMBED_TOTAL_LENGTH {
            self.error("embed", format!("title, description, author, footer and fields together can reach {total} characters, but Discord allows {EMBED_TOTAL_LENGTH} in total: shorten the description or remove fields"));
        }
        self.embed_urls(e);
        if let Some(color) = e.color.filter(|c| *c > COLOR_MAXIMUM) {
            self.error("embed.color", format!("{color:#X} is not an RGB colour: pick one between 0x000000 and 0xFFFFFF, or none for Twitch purple"));
        }
        if embed_is_empty(e) {
            self.error("embed", "the embed has no title, description, author, image or complete field, so it would never be shown: fill one in or turn the embed off");
        }
    }

    fn embed_urls(&mut self, e: &EmbedTemplate) {
        for (loc, url, image) in [
            ("embed.url", &e.url, false),
            ("embed.author_url", &e.author_url, false),
            ("embed.author_icon_url", &e.author_icon_url, true),
            ("embed.thumbnail_url", &e.thumbnail_url, true),
            ("embed.image_url", &e.image_url, true),
            ("embed.footer_icon_url", &e.footer_icon_url, true),
        ] {
            self.url(loc, url, image);
        }
    }

    fn fields(&mut self, fields: &[FieldTemplate]) -> usize {
        if fields.len() > FIELD_COUNT {
            self.error(
                "embed.fields",
                format!(
                    "{} fields, but Discord allows {FIELD_COUNT}: remove {}",
                    fields.len(),
                    fields.len() - FIELD_COUNT
                ),
            );
        }
        let mut total = 0;
        for (i, f) in fields.iter().enumerate() {
            let loc = format!("embed.fields[{i}]");
            if f.name.trim().is_empty() || f.value.trim().is_empty() {
                self.error(&loc, "every field needs both a name and a value: fill in the missing one or remove the field");
                continue;
            }
            let (name_loc, value_loc) = (format!("{loc}.name"), format!("{loc}.value"));
            total += self.text(&name_loc, &f.name, Ctx::Heading, FIELD_NAME_LENGTH);
            total += self.text(&value_loc, &f.value, Ctx::Rich, FIELD_VALUE_LENGTH);
        }
        total
    }

    fn url(&mut self, loc: &str, src: &str, image: bool) {
        let parsed = parse(src);
        for issue in &parsed.issues {
            self.error(loc, issue.clone());
        }
        if let Some(problem) = url_problem(&parsed.segments, image) {
            self.error(loc, problem);
        }
    }

    fn buttons(&mut self, b: &ButtonsTemplate) {
        let (watch, notify) = ("buttons.watch_label", "buttons.notify_me_label");
        for (on, loc, label, example) in [
            (b.watch, watch, &b.watch_label, DEFAULT_WATCH_LABEL),
            (
                b.notify_me,
                notify,
                &b.notify_me_label,
                DEFAULT_NOTIFY_LABEL,
            ),
        ] {
            if !on {
                continue;
            }
            if label.trim().is_empty() {
                self.error(loc, format!("the button is on but has no label: type one (e.g. \"{example}\") or turn the button off"));
            } else {
                self.text(loc, label, Ctx::Plain, COMPONENT_BUTTON_LABEL_LENGTH);
            }
        }
    }
}

/// Why a URL template cannot produce an `http(s)://` URL, if it cannot.
fn url_problem(segments: &[Segment], image: bool) -> Option<String> {
    let has_space = segments
        .iter()
        .any(|s| matches!(s, Segment::Text(t) if t.chars().any(char::is_whitespace)));
    if has_space {
        return Some("URLs cannot contain spaces: remove them".to_owned());
    }
    match segments {
        [] | [Segment::Var(Var::StreamUrl), ..] => None,
        [Segment::Var(Var::Avatar | Var::Thumbnail)] if image => None,
        [Segment::Var(v @ (Var::Avatar | Var::Thumbnail)), ..] if image => Some(format!(
            "{{{}}} must be used alone in an image field (the bot completes it): remove the rest",
            v.name()
        )),
        [Segment::Text(t), rest @ ..] if is_http_prefix(t, !rest.is_empty()) => None,
        _ => Some(format!(
            "must be empty, a link starting with https:// or {{stream_url}}{}",
            if image {
                ", or exactly {streamer_avatar_url} or {stream_thumbnail_url}"
            } else {
                ""
            }
        )),
    }
}

/// `https://host…` (a host may come from a following variable).
fn is_http_prefix(text: &str, more: bool) -> bool {
    let lower = text.to_ascii_lowercase();
    ["https://", "http://"]
        .iter()
        .any(|p| lower.starts_with(p) && (lower.len() > p.len() || more))
}

// ---------------------------------------------------------------- rendering

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

/// Appends `t=<token>` as `?t=` or `&t=` (before any `#fragment`).
fn with_cache_bust(url: &str, token: &str) -> String {
    if token.is_empty() {
        return url.to_owned();
    }
    let (base, fragment) = url.split_at(url.find('#').unwrap_or(url.len()));
    let sep = if base.contains('?') { '&' } else { '?' };
    format!("{base}{sep}t={}{fragment}", percent_encode(token))
}

fn var_value(var: Var, rc: &RenderCtx, ctx: Ctx) -> String {
    let v = rc.vars;
    let twitch = |raw: &str| match ctx {
        Ctx::Url => percent_encode(raw),
        _ => escape(raw, ctx),
    };
    // A URL stays as it is where a URL goes; in text, Discord links it
    // anyway, and only its mentions are defused (markdown escapes would
    // break the link).
    let link = |raw: &str| match ctx {
        Ctx::Url => raw.to_owned(),
        _ => escape_mentions(raw),
    };
    let ts = v.started_at.timestamp();
    match (var, ctx) {
        (Var::Login, _) => twitch(&v.streamer_login),
        (Var::DisplayName, _) => twitch(&v.streamer_display_name),
        (Var::Title, _) => twitch(&v.stream_title),
        (Var::Game, _) => twitch(&v.game_name),
        (Var::Avatar, _) => link(v.streamer_avatar_url.as_deref().unwrap_or_default()),
        (Var::Thumbnail, _) => link(&rc.thumbnail),
        (Var::StreamUrl, _) => link(&v.stream_url),
        (Var::Mention, Ctx::Url) => percent_encode(&v.mention),
        (Var::Mention, _) => v.mention.clone(),
        (Var::Viewers, Ctx::Url) => v.viewer_count.map(|n| n.to_string()).unwrap_or_default(),
        (Var::Viewers, _) => v.viewer_count.map(group_thousands).unwrap_or_default(),
        (Var::StartedAt | Var::StartedRelative, Ctx::Url) => ts.to_string(),
        (Var::StartedAt, Ctx::Rich) => format!("<t:{ts}:f>"),
        (Var::StartedRelative, Ctx::Rich) => format!("<t:{ts}:R>"),
        (Var::StartedAt, _) => v.started_at.format("%H:%M UTC").to_string(),
        (Var::StartedRelative, _) => RELATIVE_PLAIN.to_owned(),
    }
}

/// Escapes Twitch text: markdown (in markdown contexts) with backslashes,
/// mentions with a zero-width space after `@` and `<`, control chars to spaces,
/// bidi overrides removed (they could reverse the template text that follows).
fn escape(raw: &str, ctx: Ctx) -> String {
    escape_with(raw, matches!(ctx, Ctx::Rich | Ctx::Heading))
}

/// [`escape`] without the markdown: for URLs shown as text.
fn escape_mentions(raw: &str) -> String {
    escape_with(raw, false)
}

fn escape_with(raw: &str, markdown: bool) -> String {
    let mut out = String::with_capacity(raw.len() + 8);
    for c in raw.chars() {
        match c {
            '@' | '<' => {
                out.push(c);
                out.push(ZWSP);
            }
            '\\' | '*' | '_' | '~' | '`' | '|' | '>' | '#' | '-' | '[' | ']' | '(' | ')'
                if markdown =>
            {
                out.push('\\');
                out.push(c);
            }
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {} // bidi overrides
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Escapes text we did not write (names, titles, what a member typed) for
/// a message or embed: markdown is escaped and mentions cannot ping.
pub fn escape_markdown(raw: &str) -> String {
    escape(raw, Ctx::Rich)
}

fn percent_encode(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for byte in raw.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Appends a value; Twitch text gets a leading zero-width space when the text
/// before it could combine with it: `@` + `everyone`, `<@` + `123>`, `\` + `\*`,
/// and also where the template began the word itself (`@every` + `one`,
/// `<@12` + `3>`), so letters and digits before the value are looked past.
fn push_value(out: &mut String, var: Var, value: &str, ctx: Ctx) {
    let joins = out
        .trim_end_matches(char::is_alphanumeric)
        .ends_with(['@', '<', '&', '!', '#', '\\', ':', '/']);
    if var.is_from_twitch() && ctx != Ctx::Url && joins && !value.is_empty() {
        out.push(ZWSP);
    }
    out.push_str(value);
}

/// Expands a template string in a context (no trimming).
fn expand(src: &str, rc: &RenderCtx, ctx: Ctx) -> String {
    let mut out = String::new();
    for segment in parse(src).segments {
        match segment {
            Segment::Text(t) => out.push_str(&t),
            Segment::Var(var) => push_value(&mut out, var, &var_value(var, rc, ctx), ctx),
        }
    }
    out
}

/// Expands, trims whitespace and cuts to `max` chars.
fn render_text(src: &str, rc: &RenderCtx, ctx: Ctx, max: usize) -> String {
    truncate(expand(src, rc, ctx).trim(), max)
}

/// Cuts `s` to at most `max` chars at a char boundary, ending with "…" when
/// cut, and never leaving a dangling escape backslash or zero-width space.
fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let kept: String = s.chars().take(max.saturating_sub(1)).collect();
    let mut kept = kept.trim_end_matches(ZWSP).trim_end().to_owned();
    let backslashes = kept.len() - kept.trim_end_matches('\\').len();
    if backslashes % 2 == 1 {
        kept.pop();
    }
    if max > 0 {
        kept.push('…');
    }
    kept
}

fn non_empty(s: String) -> Option<String> {
    if s.is_empty() { None } else { Some(s) }
}

/// [`render_text`], `None` when empty.
fn render_opt(src: &str, rc: &RenderCtx, ctx: Ctx, max: usize) -> Option<String> {
    non_empty(render_text(src, rc, ctx, max))
}

fn valid_url(url: &str, max: usize) -> bool {
    is_http_prefix(url, false)
        && url.chars().count() <= max
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Renders a URL field; `None` unless it is a valid `http(s)://` URL.
fn render_url(src: &str, rc: &RenderCtx) -> Option<String> {
    let url = expand(src, rc, Ctx::Url).trim().to_owned();
    valid_url(&url, EMBED_URL_MAX).then_some(url)
}

/// Content: drops lines whose variables all rendered empty, trims, cuts to 2000.
fn render_content(src: &str, rc: &RenderCtx) -> String {
    let mut lines: Vec<String> = Vec::new();
    let (mut line, mut had_var, mut filled) = (String::new(), false, false);
    for segment in parse(src).segments {
        match segment {
            Segment::Var(var) => {
                let value = var_value(var, rc, Ctx::Rich);
                had_var = true;
                filled |= !value.trim().is_empty();
                push_value(&mut line, var, &value, Ctx::Rich);
            }
            Segment::Text(text) => {
                let mut parts = text.split('\n');
                line.push_str(parts.next().unwrap_or_default());
                for part in parts {
                    let done = std::mem::replace(&mut line, part.to_owned());
                    if !(had_var && !filled && done.trim().is_empty()) {
                        lines.push(done);
                    }
                    (had_var, filled) = (false, false);
                }
            }
        }
    }
    if !(had_var && !filled && line.trim().is_empty()) {
        lines.push(line);
    }
    truncate(lines.join("\n").trim(), MESSAGE_CONTENT_LENGTH_MAX)
}

fn render_embed(e: &EmbedTemplate, rc: &RenderCtx) -> Option<Embed> {
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

fn embed_chars(e: &Embed) -> usize {
    let count = |s: &Option<String>| s.as_deref().map_or(0, |s| s.chars().count());
    count(&e.title)
        + count(&e.description)
        + e.author.as_ref().map_or(0, |a| a.name.chars().count())
        + e.footer.as_ref().map_or(0, |f| f.text.chars().count())
        + e.fields
            .iter()
            .map(|f| f.name.chars().count() + f.value.chars().count())
            .sum::<usize>()
}

/// Keeps the embed total within 6000 chars: cuts the description, then the last fields.
fn fit_total(embed: &mut Embed) {
    let excess = embed_chars(embed).saturating_sub(EMBED_TOTAL_LENGTH);
    if excess > 0
        && let Some(description) = embed.description.take()
    {
        let keep = description.chars().count().saturating_sub(excess);
        embed.description = non_empty(truncate(&description, keep));
    }
    loop {
        let excess = embed_chars(embed).saturating_sub(EMBED_TOTAL_LENGTH);
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

fn render_buttons(b: &ButtonsTemplate, rc: &RenderCtx) -> Vec<Component> {
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

// ---------------------------------------------------------------- samples

/// Sample data the web editor offers for previews.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sample {
    /// A typical stream with everything known.
    Typical,
    /// A 140-char title, long names and a big viewer count.
    LongTitle,
    /// Just went live: no game, viewers or thumbnail yet, no mention.
    NoGame,
    /// A title full of emoji, markdown and mention tricks.
    Emoji,
}

impl Sample {
    /// All samples, in menu order.
    pub fn all() -> [Sample; 4] {
        [
            Sample::Typical,
            Sample::LongTitle,
            Sample::NoGame,
            Sample::Emoji,
        ]
    }

    /// Stable identifier for the editor (`typical`, `long_title`, `no_game`, `emoji`).
    pub fn name(self) -> &'static str {
        match self {
            Sample::Typical => "typical",
            Sample::LongTitle => "long_title",
            Sample::NoGame => "no_game",
            Sample::Emoji => "emoji",
        }
    }

    /// The values of this sample (stream started 3 minutes ago).
    pub fn vars(self) -> Vars {
        let base = Vars {
            twitch_id: "141981764".into(),
            streamer_login: "pixel_panda".into(),
            streamer_display_name: "Pixel_Panda".into(),
            streamer_avatar_url: Some("https://static-cdn.jtvnw.net/jtv_user_pictures/pixel_panda-profile_image-300x300.png".into()),
            stream_title: "Ranked grind to Diamond! Come hang out".into(),
            game_name: "VALORANT".into(),
            viewer_count: Some(1234),
            stream_thumbnail_url: Some("https://static-cdn.jtvnw.net/previews-ttv/live_user_pixel_panda-{width}x{height}.jpg".into()),
            started_at: Utc::now() - Duration::minutes(3),
            stream_url: "https://www.twitch.tv/pixel_panda".into(),
            mention: "<@&111111111111111111>".into(),
        };
        match self {
            Sample::Typical => base,
            Sample::LongTitle => Vars {
                streamer_display_name: "ThisIsAVeryLongTwitchName".into(),
                stream_title: "🎉 24 HOUR CHARITY SUBATHON 🎉 ".repeat(6).chars().take(TITLE_MAX).collect(),
                game_name: "Warhammer 40,000: Dawn of War - Definitive Edition".into(),
                viewer_count: Some(1_234_567),
                ..base
            },
            Sample::NoGame => Vars {
                game_name: String::new(),
                viewer_count: None,
                stream_thumbnail_url: None,
                mention: String::new(),
                ..base
            },
            Sample::Emoji => Vars {
                streamer_display_name: "ピクセル_パンダ".into(),
                stream_title: "🔴 LIVE @everyone @here <@&123> **bold** __u__ ||spoiler|| `code` [link](https://evil.example) 👨‍👩‍👧🔥".into(),
                game_name: "Pokémon Scarlet & Violet".into(),
                ..base
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn typical() -> Vars {
        Sample::Typical.vars()
    }

    fn only_content(content: &str) -> Template {
        let mut t = Template {
            content: content.into(),
            ..Template::default()
        };
        t.embed.enabled = false;
        t
    }

    fn errors(t: &Template) -> Vec<TemplateError> {
        validate(t).err().unwrap_or_default()
    }

    fn embed(r: &Rendered) -> &Embed {
        r.embeds.first().expect("an embed")
    }

    fn buttons(r: &Rendered) -> Vec<Button> {
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
    fn all_text(r: &Rendered) -> String {
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

    fn assert_discord_accepts(r: &Rendered) {
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

    fn assert_no_ping(text: &str) {
        for bad in ["@everyone", "@here", "<@", "<#", "</"] {
            assert!(!text.contains(bad), "{bad:?} in {text:?}");
        }
    }

    #[test]
    fn default_template_validates() {
        assert_eq!(validate(&Template::default()), Ok(()));
    }

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
    fn every_sample_renders_acceptably_with_the_default_template() {
        for sample in Sample::all() {
            let r = render(&Template::default(), &sample.vars(), "1");
            assert_discord_accepts(&r);
            assert!(!sample.name().is_empty());
        }
    }

    #[test]
    fn unknown_variable_is_named_with_a_suggestion() {
        let errs = errors(&only_content(
            "Hi {streamer_name}! {viewers} {zzzzzzzzzzzz}",
        ));
        assert_eq!(errs.len(), 3, "{errs:?}");
        assert!(errs.iter().all(|e| e.location == "content"));
        assert!(errs[0].message.contains("{streamer_name}"));
        assert!(
            errs[0]
                .message
                .contains("did you mean {streamer_display_name}?")
        );
        assert!(errs[1].message.contains("did you mean {viewer_count}?"));
        assert!(errs[2].message.contains("available variables"));
    }

    #[test]
    fn unclosed_brace_and_empty_braces_are_errors() {
        assert_eq!(errors(&only_content("Live {stream_title")).len(), 1);
        assert!(
            errors(&only_content("Live {}"))[0]
                .message
                .contains("empty braces")
        );
    }

    #[test]
    fn limits_are_checked_against_worst_case_expansion() {
        let long = "a".repeat(1990);
        let errs = errors(&only_content(&format!("{long}{{stream_title}}")));
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].location, "content");
        assert!(errs[0].message.contains("2130"), "{}", errs[0].message);
        assert_eq!(
            validate(&only_content(&format!(
                "{}{{stream_title}}",
                "a".repeat(1860)
            ))),
            Ok(())
        );
        let mut t = Template::default();
        t.embed.title = "{streamer_display_name} plays {game_name}: {stream_title}".into();
        t.embed.fields = vec![
            FieldTemplate {
                name: "x".into(),
                value: "y".repeat(1025),
                inline: false
            };
            26
        ];
        let locations: Vec<_> = errors(&t).into_iter().map(|e| e.location).collect();
        assert!(locations.contains(&"embed.title".to_owned()));
        assert!(locations.contains(&"embed.fields".to_owned()));
        assert!(locations.contains(&"embed.fields[25].value".to_owned()));
        assert!(
            locations.contains(&"embed".to_owned()),
            "total over 6000: {locations:?}"
        );
    }

    #[test]
    fn url_fields_must_produce_http_urls() {
        let check = |url: &str, image: bool| url_problem(&parse(url).segments, image).is_none();
        assert!(
            check("", false)
                && check("{stream_url}", false)
                && check("{stream_url}?ref=discord", false)
        );
        assert!(check("https://twitch.tv/{streamer_login}", false) && check("http://x.y", false));
        assert!(check("{stream_thumbnail_url}", true) && check("{streamer_avatar_url}", true));
        assert!(
            !check("twitch.tv/x", false)
                && !check("https://", false)
                && !check("https://a b", false)
        );
        assert!(
            !check("{stream_thumbnail_url}", false),
            "image variables only in image fields"
        );
        assert!(!check("{stream_thumbnail_url}?x=1", true) && !check("{stream_title}", true));
        let mut t = Template::default();
        t.embed.image_url = "ftp://x".into();
        t.embed.author_url = "{streamer_avatar_url}".into();
        let locations: Vec<_> = errors(&t).into_iter().map(|e| e.location).collect();
        assert_eq!(locations, ["embed.author_url", "embed.image_url"]);
    }

    #[test]
    fn validation_returns_all_errors_with_fixes() {
        let mut t = only_content("{mention}");
        t.embed.color = Some(0x1000000);
        t.buttons.watch_label = " ".into();
        t.buttons.notify_me = false;
        t.buttons.notify_me_label = String::new();
        let errs = errors(&t);
        let locations: Vec<_> = errs.iter().map(|e| e.location.as_str()).collect();
        assert_eq!(
            locations,
            ["buttons.watch_label", "message"],
            "disabled embed/button not checked"
        );
        t.embed.enabled = true;
        t.embed = EmbedTemplate {
            color: Some(0x1000000),
            title: String::new(),
            description: String::new(),
            author_name: String::new(),
            image_url: String::new(),
            fields: vec![],
            ..t.embed
        };
        let locations: Vec<_> = errors(&t).into_iter().map(|e| e.location).collect();
        assert_eq!(
            locations,
            ["embed.color", "embed", "buttons.watch_label", "message"]
        );
    }

    #[test]
    fn double_braces_are_literal() {
        let t = only_content("{{stream_title}} = {stream_title} }}");
        assert_eq!(validate(&t), Ok(()));
        let r = render(&t, &typical(), "");
        assert_eq!(
            r.content,
            "{stream_title} = Ranked grind to Diamond! Come hang out }"
        );
    }

    #[test]
    fn mention_injection_in_twitch_text_never_pings() {
        let mut vars = typical();
        vars.stream_title =
            "@everyone @here <@123> <@!123> <@&123> <#123> </cmd:1> **bold**".into();
        vars.streamer_display_name = "@here".into();
        vars.streamer_login = "everyone".into();
        vars.game_name = "&123>".into();
        let mut t = Template {
            content: "@{streamer_login} {stream_title}".into(),
            ..Template::default()
        };
        t.embed.footer_text = "{stream_title}".into();
        t.embed.fields.push(FieldTemplate {
            name: "{stream_title}".into(),
            value: "{stream_title}".into(),
            inline: false,
        });
        t.buttons.watch_label = "{streamer_display_name}".into();
        let r = render(&t, &vars, "");
        assert_no_ping(&all_text(&r));
        assert!(r.content.contains("\\*\\*bold\\*\\*"));
        assert_discord_accepts(&r);
        let r = render(&only_content("<@{game_name} <#{stream_title}"), &vars, "");
        assert!(
            !r.content.contains("<@&") && !r.content.contains("<#@"),
            "template + Twitch text do not combine"
        );
    }

    #[test]
    fn twitch_text_never_completes_a_ping_the_template_started() {
        // Found by the `template` fuzz target: `@every` + a title `one`.
        let mut vars = typical();
        vars.stream_title = "one".into();
        vars.game_name = "re".into();
        vars.streamer_display_name = "8>".into();
        let mut t = only_content("@every{stream_title} @he{game_name}");
        t.embed.enabled = true;
        t.embed.footer_text = "<@12345678901234567{streamer_display_name}".into();
        let r = render(&t, &vars, "");
        assert_eq!(r.content, "@every\u{200B}one @he\u{200B}re");
        let footer = &embed(&r).footer.as_ref().expect("footer").text;
        assert_eq!(footer, "<@12345678901234567\u{200B}8>");
        assert_eq!(pings(&all_text(&r)), Vec::<&str>::new());
    }

    #[test]
    fn urls_from_twitch_shown_as_text_never_ping() {
        // Found by the `template` fuzz target: an avatar URL with `@here` in
        // it, shown in the content, was pasted in as it came.
        let mut vars = typical();
        vars.streamer_avatar_url = Some("https://cdn.example/l@here".into());
        vars.stream_url = "everyone".into();
        let mut t = only_content("{streamer_avatar_url} @{stream_url}");
        t.embed.enabled = true;
        t.embed.description = "<@&{stream_thumbnail_url}".into();
        t.embed.author_icon_url = "{streamer_avatar_url}".into();
        let r = render(&t, &vars, "");
        assert_eq!(
            r.content,
            "https://cdn.example/l@\u{200B}here @\u{200B}everyone"
        );
        assert_eq!(pings(&all_text(&r)), Vec::<&str>::new());
        // Where a URL is expected it is left exactly as Twitch gave it.
        let author = embed(&r).author.as_ref().expect("author");
        assert_eq!(author.icon_url, vars.streamer_avatar_url);

        // Found by CI's minute of fuzzing: the fallback for an empty
        // message shows the stream URL too.
        vars.stream_url = "https://www.twitch.tv/c@here".into();
        vars.mention = String::new();
        let mut t = only_content("{mention}");
        t.embed.enabled = false;
        let r = render(&t, &vars, "");
        assert!(
            r.content.ends_with("https://www.twitch.tv/c@\u{200B}here"),
            "{}",
            r.content
        );
        assert_eq!(pings(&all_text(&r)), Vec::<&str>::new());
    }

    /// Every ping Discord would see: `@everyone`, `@here`, and `<@id>`,
    /// `<@!id>`, `<@&id>`, `<#id>` with a snowflake id (17+ digits).
    fn pings(text: &str) -> Vec<&str> {
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

    /// Template pieces that start pings of their own, for Twitch text to finish.
    const PING_FRAGMENTS: &str = "@¦@every¦@he¦<¦<@¦<@!¦<@&¦<#¦12345678901234567¦>¦ ¦\n¦{stream_title}¦{game_name}¦{streamer_login}¦{streamer_display_name}¦{mention}";

    fn ping_text() -> impl Strategy<Value = String> {
        let pieces: Vec<String> = PING_FRAGMENTS.split('¦').map(str::to_owned).collect();
        proptest::collection::vec(proptest::sample::select(pieces), 0..8).prop_map(|v| v.concat())
    }

    fn ping_twitch_text() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("one".to_owned()),
            Just("re".to_owned()),
            Just("everyone".to_owned()),
            Just("8>".to_owned()),
            Just("@".to_owned()),
            "[a-z0-9@<>&!#]{0,12}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]
        #[test]
        fn twitch_text_adds_no_ping_to_the_admins_text(
            edits in proptest::collection::vec((0..16usize, ping_text()), 1..8),
            texts in proptest::array::uniform4(ping_twitch_text()),
        ) {
            let mut t = Template::default();
            for (i, text) in edits {
                set_text(&mut t, i, text);
            }
            let e = &t.embed;
            let mut written = vec![t.content.clone(), e.title.clone(), e.description.clone(), e.author_name.clone(), e.footer_text.clone(), t.buttons.watch_label.clone(), t.buttons.notify_me_label.clone()];
            written.extend(e.fields.iter().flat_map(|f| [f.name.clone(), f.value.clone()]));
            let written = written.join("\n");
            let mut vars = typical();
            let [login, name, title, game] = texts;
            (vars.streamer_login, vars.streamer_display_name) = (login, name);
            (vars.stream_title, vars.game_name) = (title, game);
            let r = render(&t, &vars, "");
            assert_discord_accepts(&r);
            for ping in pings(&all_text(&r)) {
                prop_assert!(ping == vars.mention || written.contains(ping), "{ping:?} in {r:?}");
            }
        }
    }

    #[test]
    fn markdown_in_twitch_text_is_escaped_only_where_it_renders() {
        let mut vars = typical();
        vars.stream_title = "**big** _it_ ~~s~~ `c` ||sp|| > q # h [l](https://x.y) \\".into();
        let mut t = only_content("{stream_title}");
        t.buttons.watch_label = "{stream_title}".into();
        let r = render(&t, &vars, "");
        let expected = "\\*\\*big\\*\\* \\_it\\_ \\~\\~s\\~\\~ \\`c\\` \\|\\|sp\\|\\| \\> q \\# h \\[l\\]\\(https://x.y\\) \\\\";
        assert_eq!(r.content, expected);
        assert_eq!(
            buttons(&r)[0].label.as_deref(),
            Some("**big** _it_ ~~s~~ `c` ||sp|| > q # h [l](https://x.y) \\")
        );
    }

    #[test]
    fn long_multibyte_values_are_cut_at_char_boundaries() {
        let mut vars = typical();
        vars.stream_title = "👨‍👩‍👧é🔥".repeat(3000);
        vars.streamer_display_name = "名".repeat(500);
        let mut t = Template {
            content: "{stream_title}".into(),
            ..Template::default()
        };
        t.embed.description = "{stream_title}{stream_title}".into();
        let r = render(&t, &vars, "x");
        assert_eq!(r.content.chars().count(), 2000);
        assert!(r.content.ends_with('…'));
        let e = embed(&r);
        assert_eq!(e.title.as_ref().map(|s| s.chars().count()), Some(256));
        assert_eq!(e.author.as_ref().map(|a| a.name.chars().count()), Some(256));
        assert_discord_accepts(&r);
    }

    #[test]
    fn trimming_never_leaves_a_dangling_escape() {
        let mut vars = typical();
        vars.stream_title = "*".repeat(1500);
        let r = render(&only_content("{stream_title}"), &vars, "");
        assert!(r.content.ends_with("\\*…"), "{}", r.content);
        for max in 0..10 {
            let cut = truncate("\\*\\*\\*\\*", max);
            assert!(cut.chars().count() <= max);
            let backslashes = cut.trim_end_matches('…').len()
                - cut.trim_end_matches('…').trim_end_matches('\\').len();
            assert_eq!(backslashes % 2, 0, "{cut:?}");
        }
    }

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
        assert_eq!(embed_chars(e), EMBED_TOTAL_LENGTH);
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

    #[test]
    fn viewer_count_uses_thousands_separators() {
        let fmt: Vec<_> = [0, 999, 1000, 12345, 1234567]
            .into_iter()
            .map(group_thousands)
            .collect();
        assert_eq!(fmt, ["0", "999", "1,000", "12,345", "1,234,567"]);
    }

    #[test]
    fn content_lines_with_only_empty_variables_disappear() {
        let mut vars = Sample::NoGame.vars();
        let t = only_content(
            "{mention}\n\nNow playing: {game_name}\n{streamer_display_name} is live\n {viewer_count} ",
        );
        let r = render(&t, &vars, "");
        assert_eq!(r.content, "Now playing: \nPixel\\_Panda is live");
        vars.viewer_count = Some(5);
        vars.mention = "<@&1>".into();
        assert_eq!(
            render(&t, &vars, "").content,
            "<@&1>\n\nNow playing: \nPixel\\_Panda is live\n 5"
        );
    }

    #[test]
    fn started_at_uses_discord_tags_only_where_they_render() {
        let mut vars = typical();
        vars.started_at = DateTime::from_timestamp(1_700_000_000, 0).unwrap_or_default();
        let mut t = only_content("{started_at} {started_at_relative}");
        t.embed = EmbedTemplate {
            title: "Live since {started_at}, {started_at_relative}".into(),
            ..EmbedTemplate::default()
        };
        let r = render(&t, &vars, "");
        assert_eq!(r.content, "<t:1700000000:f> <t:1700000000:R>");
        assert_eq!(
            embed(&r).title.as_deref(),
            Some("Live since 22:13 UTC, just now")
        );
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

    #[test]
    fn an_empty_result_still_sends_a_valid_message() {
        let r = render(&only_content("{mention}"), &Sample::NoGame.vars(), "");
        assert_eq!(
            r.content,
            "**Pixel\\_Panda** is live on Twitch! https://www.twitch.tv/pixel_panda"
        );
        assert!(validate(&only_content("{mention} {game_name}")).is_err());
    }

    /// Template pieces, separated by `¦`; no `@` or `<`, so any ping would come from Twitch text.
    const FRAGMENTS: &str = "{stream_title}¦{game_name}¦{streamer_login}¦{streamer_display_name}¦{viewer_count}¦{stream_url}¦{stream_thumbnail_url}¦{streamer_avatar_url}¦{started_at}¦{started_at_relative}¦{mention}¦{{¦}}¦{¦}¦{nope}¦\n¦ ¦https://¦**¦\\¦&¦!¦#¦:¦/¦é¦Live ";

    fn text() -> impl Strategy<Value = String> {
        let pieces: Vec<String> = FRAGMENTS.split('¦').map(str::to_owned).collect();
        let fragment = prop_oneof![
            8 => proptest::sample::select(pieces),
            1 => Just("x".repeat(700)),
            1 => Just("🎮".repeat(300)),
        ];
        proptest::collection::vec(fragment, 0..10).prop_map(|v| v.concat())
    }

    fn twitch_text() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("@everyone <@&1> <@!2> <#3> </a:4> @here".to_owned()),
            Just("\\".repeat(300)),
            Just("👨‍👩‍👧*".repeat(400)),
            Just("everyone".to_owned()),
            Just(String::new()),
            any::<String>(),
        ]
    }

    /// Sets the `i`-th text of a template (content, embed texts and URLs, labels, a field).
    fn set_text(t: &mut Template, i: usize, text: String) {
        let e = &mut t.embed;
        let slot = match i {
            0 => &mut t.content,
            1 => &mut e.title,
            2 => &mut e.url,
            3 => &mut e.description,
            4 => &mut e.author_name,
            5 => &mut e.author_url,
            6 => &mut e.author_icon_url,
            7 => &mut e.thumbnail_url,
            8 => &mut e.image_url,
            9 => &mut e.footer_text,
            10 => &mut e.footer_icon_url,
            11 => &mut t.buttons.watch_label,
            12 => &mut t.buttons.notify_me_label,
            _ => {
                let name = text.clone();
                e.fields.push(FieldTemplate {
                    name,
                    value: text,
                    inline: i.is_multiple_of(2),
                });
                return;
            }
        };
        *slot = text;
    }

    /// The default template with random texts, switches, colour and up to ~30 fields.
    fn template() -> impl Strategy<Value = Template> {
        let edits = proptest::collection::vec((0..16usize, text()), 0..40);
        (edits, any::<[bool; 5]>(), any::<Option<u32>>()).prop_map(|(edits, flags, color)| {
            let mut t = Template::default();
            [t.embed.enabled, t.embed.timestamp] = [flags[0], flags[1]];
            [t.buttons.watch, t.buttons.notify_me] = [flags[2], flags[3]];
            t.embed.color = color;
            for (i, text) in edits {
                set_text(&mut t, i, text);
            }
            if flags[4] {
                let title = "{stream_title}".to_owned();
                let many = FieldTemplate {
                    name: title.clone(),
                    value: title,
                    inline: true,
                };
                t.embed.fields.extend(std::iter::repeat_n(many, 26));
            }
            t
        })
    }

    fn vars() -> impl Strategy<Value = Vars> {
        let url = proptest::option::of(prop_oneof![
            Just("https://a.b/c?d=1".to_owned()),
            Just("junk".to_owned()),
            Just(format!("https://a.b/{}", "p".repeat(3000)))
        ]);
        let texts = (
            twitch_text(),
            twitch_text(),
            twitch_text(),
            twitch_text(),
            "[0-9]{0,120}",
        );
        let other = (
            url.clone(),
            url,
            any::<Option<u64>>(),
            -100_000_000_000i64..100_000_000_000,
            "https://twitch.tv/[a-z_]{0,30}|junk",
        );
        (texts, other).prop_map(
            |((login, name, title, game, id), (avatar, thumb, viewers, secs, stream_url))| Vars {
                twitch_id: id,
                streamer_login: login,
                streamer_display_name: name,
                streamer_avatar_url: avatar,
                stream_title: title,
                game_name: game,
                viewer_count: viewers,
                stream_thumbnail_url: thumb,
                started_at: DateTime::from_timestamp(secs, 0).unwrap_or_default(),
                stream_url,
                mention: String::new(),
            },
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]
        #[test]
        fn render_is_always_within_limits_and_never_pings(t in template(), v in vars(), bust in ".{0,20}") {
            let r = render(&t, &v, &bust);
            assert_discord_accepts(&r);
            assert_no_ping(&all_text(&r));
            let _ = validate(&t);
        }
    }
}
