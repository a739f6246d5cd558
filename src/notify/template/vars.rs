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
/// far shorter; a longer one is still trimmed safely by [`render`](fn@super::render).
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumCount)]
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
    /// What the web editor's list of variables says about it.
    #[cfg_attr(
        not(test),
        expect(
            dead_code,
            reason = "read by the web app's generated copy (typescript.rs)"
        )
    )]
    pub description: &'static str,
    /// Where its value comes from.
    pub origin: Origin,
    /// Whether the value can legitimately be empty at render time.
    pub may_be_empty: bool,
    /// Worst-case length in chars where Discord renders timestamp tags.
    pub longest: usize,
    /// Worst-case length in chars everywhere else (differs only for times).
    pub longest_untagged: usize,
}

impl Var {
    /// Every variable, in the order the editor and error messages list them
    /// (a variable added to the enum but not here does not compile).
    pub(super) const ALL: [Var; <Var as strum::EnumCount>::COUNT] = [
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
        match self {
            Var::Login => Spec {
                name: "streamer_login",
                description: "Twitch login, e.g. pixel_panda",
                origin: TwitchText,
                may_be_empty: false,
                longest: LOGIN_MAX,
                longest_untagged: LOGIN_MAX,
            },
            Var::DisplayName => Spec {
                name: "streamer_display_name",
                description: "Display name, e.g. Pixel_Panda",
                origin: TwitchText,
                may_be_empty: false,
                longest: DISPLAY_NAME_MAX,
                longest_untagged: DISPLAY_NAME_MAX,
            },
            Var::Avatar => Spec {
                name: "streamer_avatar_url",
                description: "Profile picture (for image fields)",
                origin: TwitchUrl,
                may_be_empty: true,
                longest: URL_MAX,
                longest_untagged: URL_MAX,
            },
            Var::Title => Spec {
                name: "stream_title",
                description: "Title of the stream",
                origin: TwitchText,
                may_be_empty: true,
                longest: TITLE_MAX,
                longest_untagged: TITLE_MAX,
            },
            Var::Game => Spec {
                name: "game_name",
                description: "Category or game being played",
                origin: TwitchText,
                may_be_empty: true,
                longest: GAME_NAME_MAX,
                longest_untagged: GAME_NAME_MAX,
            },
            Var::Viewers => Spec {
                name: "viewer_count",
                description: "Viewers, e.g. 1,234",
                origin: Bot,
                may_be_empty: true,
                longest: VIEWER_COUNT_MAX,
                longest_untagged: VIEWER_COUNT_MAX,
            },
            Var::Thumbnail => Spec {
                name: "stream_thumbnail_url",
                description: "Live preview picture (for image fields)",
                origin: TwitchUrl,
                may_be_empty: false,
                longest: URL_MAX,
                longest_untagged: URL_MAX,
            },
            Var::StartedAt => Spec {
                name: "started_at",
                description: "Start time, in each reader's time zone",
                origin: Bot,
                may_be_empty: false,
                longest: TIMESTAMP_TAG_MAX,
                longest_untagged: "HH:MM UTC".len(),
            },
            Var::StartedRelative => Spec {
                name: "started_at_relative",
                description: "“3 minutes ago”, kept up to date",
                origin: Bot,
                may_be_empty: false,
                longest: TIMESTAMP_TAG_MAX,
                longest_untagged: RELATIVE_PLAIN.len(),
            },
            Var::StreamUrl => Spec {
                name: "stream_url",
                description: "Link to the stream",
                origin: TwitchUrl,
                may_be_empty: false,
                longest: URL_MAX,
                longest_untagged: URL_MAX,
            },
            Var::Mention => Spec {
                name: "mention",
                description: "The role or members to ping",
                origin: Bot,
                may_be_empty: true,
                longest: MENTION_MAX,
                longest_untagged: MENTION_MAX,
            },
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
