//! The template variables, each described once ([`Var::spec`]): its name,
//! where its value comes from, whether it may be empty and its worst-case
//! length. [`VARIABLES`] and everything else that lists them derive from it.
//! [`Vars`] holds the values for one stream.

use chrono::{DateTime, Utc};

use super::escape::Ctx;

/// Worst-case length of `{streamer_login}` (Twitch logins are at most 25 chars).
pub const LOGIN_MAX: usize = 25;
/// Worst-case length of `{streamer_display_name}` (25 chars, possibly multi-byte).
pub const DISPLAY_NAME_MAX: usize = 25;
/// Worst-case length of `{stream_title}` (Twitch caps titles at 140 chars).
pub const TITLE_MAX: usize = 140;
/// Worst-case length of `{game_name}`. Twitch category names are in practice
/// far shorter; a longer one is still trimmed safely by [`render`](super::render).
pub const GAME_NAME_MAX: usize = 128;
/// Worst-case length of URL variables.
pub const URL_MAX: usize = 300;
/// Worst-case length of `{mention}` (`<@&` + 20 digits + `>`).
pub const MENTION_MAX: usize = 25;
/// Worst-case length of `{viewer_count}` (`9,999,999,999`).
pub const VIEWER_COUNT_MAX: usize = 13;
/// Worst-case length of a Discord timestamp tag such as `<t:1700000000:f>`.
pub const TIMESTAMP_TAG_MAX: usize = 20;

/// Rendering of `{started_at_relative}` where Discord shows no timestamp tags.
pub(super) const RELATIVE_PLAIN: &str = "just now";
/// Format of `{started_at}` where Discord shows no timestamp tags.
pub(super) const TIME_PLAIN: &str = "%H:%M UTC";

/// A template variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Var {
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

/// Where a value comes from, which decides how it is made safe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Origin {
    /// Raw text typed by a streamer on Twitch: escaped.
    TwitchText,
    /// A URL Twitch gave us (or built from its login): its mentions are defused.
    TwitchUrl,
    /// Produced by the bot itself (numbers, times, the configured mention).
    Bot,
}

/// Everything known about one variable.
#[derive(Debug, Clone, Copy)]
pub(super) struct Spec {
    /// The name written between braces.
    pub name: &'static str,
    pub origin: Origin,
    /// Whether the value can legitimately be empty at render time.
    pub may_be_empty: bool,
    /// Worst-case length in chars where Discord renders timestamp tags.
    pub longest: usize,
    /// Worst-case length in chars everywhere else (differs only for times).
    pub longest_untagged: usize,
}

impl Var {
    /// Every variable, in the order the editor and error messages list them.
    pub(super) const ALL: [Var; 11] = [
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

    /// The one description of each variable.
    pub(super) const fn spec(self) -> Spec {
        use Origin::{Bot, TwitchText, TwitchUrl};
        const TIME: usize = "HH:MM UTC".len();
        const RELATIVE: usize = RELATIVE_PLAIN.len();
        // The two worst cases: where timestamp tags render, and everywhere else.
        #[rustfmt::skip]
        let (name, origin, may_be_empty, longest, longest_untagged) = match self {
            //                       name                     origin      empty? worst cases
            Var::Login =>           ("streamer_login",        TwitchText, false, LOGIN_MAX, LOGIN_MAX),
            Var::DisplayName =>     ("streamer_display_name", TwitchText, false, DISPLAY_NAME_MAX, DISPLAY_NAME_MAX),
            Var::Avatar =>          ("streamer_avatar_url",   TwitchUrl,  true,  URL_MAX, URL_MAX),
            Var::Title =>           ("stream_title",          TwitchText, true,  TITLE_MAX, TITLE_MAX),
            Var::Game =>            ("game_name",             TwitchText, true,  GAME_NAME_MAX, GAME_NAME_MAX),
            Var::Viewers =>         ("viewer_count",          Bot,        true,  VIEWER_COUNT_MAX, VIEWER_COUNT_MAX),
            Var::Thumbnail =>       ("stream_thumbnail_url",  TwitchUrl,  false, URL_MAX, URL_MAX),
            Var::StartedAt =>       ("started_at",            Bot,        false, TIMESTAMP_TAG_MAX, TIME),
            Var::StartedRelative => ("started_at_relative",   Bot,        false, TIMESTAMP_TAG_MAX, RELATIVE),
            Var::StreamUrl =>       ("stream_url",            TwitchUrl,  false, URL_MAX, URL_MAX),
            Var::Mention =>         ("mention",               Bot,        true,  MENTION_MAX, MENTION_MAX),
        };
        Spec {
            name,
            origin,
            may_be_empty,
            longest,
            longest_untagged,
        }
    }

    pub(super) fn name(self) -> &'static str {
        self.spec().name
    }

    pub(super) fn from_name(name: &str) -> Option<Var> {
        Var::ALL.into_iter().find(|v| v.name() == name)
    }

    /// Twitch's text or a URL Twitch gave us (or built from its login):
    /// nothing in it may complete a ping.
    pub(super) fn is_from_twitch(self) -> bool {
        self.spec().origin != Origin::Bot
    }

    /// Whether the value can legitimately be empty at render time.
    pub(super) fn may_be_empty(self) -> bool {
        self.spec().may_be_empty
    }

    /// Worst-case length in chars in a context, counted before escaping.
    pub(super) fn max_len(self, ctx: Ctx) -> usize {
        let spec = self.spec();
        if ctx == Ctx::Rich {
            spec.longest
        } else {
            spec.longest_untagged
        }
    }
}

/// The variable names usable in templates, without braces.
pub const VARIABLES: &[&str] = &{
    let mut names = [""; Var::ALL.len()];
    let mut i = 0;
    while i < names.len() {
        names[i] = Var::ALL[i].spec().name;
        i += 1;
    }
    names
};

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_variable_is_listed_once_under_its_own_name() {
        for (i, var) in Var::ALL.into_iter().enumerate() {
            assert_eq!(var as usize, i, "Var::ALL follows the enum's order");
            assert_eq!(VARIABLES[i], var.name());
            assert_eq!(Var::from_name(var.name()), Some(var));
        }
    }
}
