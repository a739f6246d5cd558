//! Everything an admin should fix before saving a template, each problem
//! with where it is and how to fix it.

use serde::Serialize;
use twilight_validate::component::COMPONENT_BUTTON_LABEL_LENGTH;
use twilight_validate::embed::{
    AUTHOR_NAME_LENGTH, COLOR_MAXIMUM, DESCRIPTION_LENGTH, EMBED_TOTAL_LENGTH, FIELD_COUNT,
    FIELD_NAME_LENGTH, FIELD_VALUE_LENGTH, FOOTER_TEXT_LENGTH, TITLE_LENGTH,
};
use twilight_validate::message::MESSAGE_CONTENT_LENGTH_MAX;

use super::escape::Ctx;
use super::model::{
    ButtonsTemplate, DEFAULT_NOTIFY_LABEL, DEFAULT_WATCH_LABEL, EmbedTemplate, FieldTemplate,
    Template,
};
use super::parse::{Issue, Segment, parse};
use super::url::url_problem;

/// At most this many problems are reported; one more line says how many
/// were left out. Enough for a template that breaks every length limit at
/// once (26 over-long fields, their count, the title, the embed's total:
/// 29) to be reported in full; a pasted wall of `{...}` could have
/// thousands, and an admin fixes the first ones first.
pub const MAX_PROBLEMS: usize = 30;
/// Where the "and K more" line points: the template as a whole.
const MORE_LOCATION: &str = "message";

/// A problem found by [`validate`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct TemplateError {
    /// Where: `content`, `embed.title`, `embed.fields[2].value`, `buttons.watch_label`, `message`…
    pub location: String,
    /// What is wrong and how to fix it.
    pub message: String,
}

/// Checks a template; returns the problems found, each with its location
/// and a fix: the first [`MAX_PROBLEMS`], then one line saying how many more
/// there are. Each message is short: an unknown name is shortened, and the
/// list of variables is given once.
///
/// Lengths are checked with every variable at its worst case (the `*_MAX`
/// consts, counted before escaping; escaping overhead is absorbed by
/// [`render`](fn@super::render)'s trimming). A disabled embed and disabled buttons are not checked.
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
    c.finish()
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
    /// Problems found beyond [`MAX_PROBLEMS`]: counted, not written.
    omitted: usize,
    /// Whether a message already lists the variables.
    listed_variables: bool,
}

impl Checker {
    fn error(&mut self, location: &str, message: impl Into<String>) {
        if self.errors.len() < MAX_PROBLEMS {
            self.errors.push(TemplateError {
                location: location.to_owned(),
                message: message.into(),
            });
        } else {
            self.omitted += 1;
        }
    }

    /// A syntax problem; its message is only written if it will be shown.
    fn issue(&mut self, location: &str, issue: &Issue) {
        if self.errors.len() >= MAX_PROBLEMS {
            self.omitted += 1;
            return;
        }
        let (message, listed) = issue.message(!self.listed_variables);
        self.listed_variables |= listed;
        self.error(location, message);
    }

    fn finish(mut self) -> Result<(), Vec<TemplateError>> {
        if self.omitted > 0 {
            let (shown, more) = (self.errors.len(), self.omitted);
            self.errors.push(TemplateError {
                location: MORE_LOCATION.to_owned(),
                message: format!(
                    "…and {more} more problems not listed: fix the {shown} above first"
                ),
            });
        }
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(self.errors)
        }
    }

    /// Checks syntax and worst-case length of a text; returns the worst-case length.
    fn text(&mut self, loc: &str, src: &str, ctx: Ctx, max: usize) -> usize {
        let parsed = parse(src);
        for issue in &parsed.issues {
            self.issue(loc, issue);
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
            self.issue(loc, issue);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notify::template::test_support::{errors, only_content};

    #[test]
    fn default_template_validates() {
        assert_eq!(validate(&Template::default()), Ok(()));
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
    fn a_wall_of_problems_is_reported_as_the_first_few_and_a_count() {
        let wall = "{a}".repeat(3000);
        let mut t = only_content(&wall);
        t.buttons.watch_label = "{zzz".into();
        let errs = errors(&t);
        assert_eq!(errs.len(), MAX_PROBLEMS + 1, "{errs:?}");
        assert!(errs[..MAX_PROBLEMS].iter().all(|e| e.location == "content"));
        let last = errs.last().unwrap();
        assert_eq!(last.location, "message");
        // 3000 unknown variables, the content's length, the label's
        // unclosed brace: MAX_PROBLEMS of them shown.
        let more = 3000 + 1 + 1 - MAX_PROBLEMS;
        assert!(
            last.message.contains(&format!("and {more} more problems")),
            "{}",
            last.message
        );
        let listing = errs
            .iter()
            .filter(|e| e.message.contains("{streamer_login}"))
            .count();
        assert_eq!(listing, 1, "the variables are listed once");
    }
}
