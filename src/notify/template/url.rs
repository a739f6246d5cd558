//! What counts as a URL: validation of URL fields, the check at render
//! time, percent-encoding of Twitch text, cache-busting.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use super::parse::Segment;
use super::vars::Var;

/// Discord's limit on a link button URL.
pub const BUTTON_URL_MAX: usize = 512;
/// Limit we apply to embed URLs.
pub const EMBED_URL_MAX: usize = 2048;

/// What [`percent_encode`] encodes: everything but RFC 3986's unreserved
/// characters (ASCII letters, digits, `-._~`); bytes past ASCII always are.
const ENCODED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Why a URL template cannot produce an `http(s)://` URL, if it cannot.
pub(super) fn url_problem(segments: &[Segment], image: bool) -> Option<String> {
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
pub(super) fn is_http_prefix(text: &str, more: bool) -> bool {
    let lower = text.to_ascii_lowercase();
    ["https://", "http://"]
        .iter()
        .any(|p| lower.starts_with(p) && (lower.len() > p.len() || more))
}

/// Whether `url` is an `http(s)://` URL of at most `max` chars without spaces.
pub(super) fn valid_url(url: &str, max: usize) -> bool {
    is_http_prefix(url, false)
        && url.chars().count() <= max
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Appends `t=<token>` as `?t=` or `&t=` (before any `#fragment`).
pub(super) fn with_cache_bust(url: &str, token: &str) -> String {
    if token.is_empty() {
        return url.to_owned();
    }
    let (base, fragment) = url.split_at(url.find('#').unwrap_or(url.len()));
    let sep = if base.contains('?') { '&' } else { '?' };
    format!("{base}{sep}t={}{fragment}", percent_encode(token))
}

/// Percent-encodes everything but ASCII letters, digits and `-._~`.
pub(super) fn percent_encode(raw: &str) -> String {
    utf8_percent_encode(raw, ENCODED).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notify::template::Template;
    use crate::notify::template::parse::parse;
    use crate::notify::template::test_support::errors;

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
}
