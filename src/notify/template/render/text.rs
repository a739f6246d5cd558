//! Template strings expanded into text: the value of each variable where it
//! ends up, trimming to Discord's limits, and the content's empty lines.

use twilight_validate::message::MESSAGE_CONTENT_LENGTH_MAX;

use super::RenderCtx;
use crate::notify::template::escape::{Ctx, ZWSP, escape, escape_mentions};
use crate::notify::template::parse::{Segment, parse};
use crate::notify::template::url::percent_encode;
use crate::notify::template::vars::{RELATIVE_PLAIN, TIME_PLAIN, Var};

/// The value of `var` in a context: escaped, encoded or formatted to fit.
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
        (Var::StartedAt, _) => v.started_at.format(TIME_PLAIN).to_string(),
        (Var::StartedRelative, _) => RELATIVE_PLAIN.to_owned(),
    }
}

/// `1234567` as `1,234,567`.
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

/// Expands a template string in a context (no trimming).
pub(super) fn expand(src: &str, rc: &RenderCtx, ctx: Ctx) -> String {
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
pub(super) fn render_text(src: &str, rc: &RenderCtx, ctx: Ctx, max: usize) -> String {
    truncate(expand(src, rc, ctx).trim(), max)
}

/// Cuts `s` to at most `max` chars at a char boundary, ending with "…" when
/// cut, and never leaving a dangling escape backslash or zero-width space.
pub(super) fn truncate(s: &str, max: usize) -> String {
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

pub(super) fn non_empty(s: String) -> Option<String> {
    if s.is_empty() { None } else { Some(s) }
}

/// [`render_text`], `None` when empty.
pub(super) fn render_opt(src: &str, rc: &RenderCtx, ctx: Ctx, max: usize) -> Option<String> {
    non_empty(render_text(src, rc, ctx, max))
}

/// Content: drops lines whose variables all rendered empty, trims, cuts to 2000.
pub(super) fn render_content(src: &str, rc: &RenderCtx) -> String {
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

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::notify::template::test_support::{
        assert_discord_accepts, embed, only_content, typical,
    };
    use crate::notify::template::{EmbedTemplate, Sample, Template, render};

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
}
