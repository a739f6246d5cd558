//! Twitch: the EventSub webhook, the Helix client and subscriptions.

pub mod events;
pub mod helix;
pub mod live;
pub mod search;
pub mod signature;
pub mod subscriptions;
pub mod types;
pub mod webhook;

pub use helix::{Helix, HelixError};

/// A Twitch login as a user types it: trimmed, `@` and a pasted
/// `twitch.tv/` URL removed, lowercased, and checked against Twitch's rules
/// (letters, digits and underscores, at most 25 characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TwitchLogin(String);

impl TwitchLogin {
    /// The login, or what was typed (cut short and made safe to show in
    /// Markdown) for the reply that says it isn't one.
    pub fn parse(typed: &str) -> Result<Self, String> {
        let trimmed = typed.trim().trim_end_matches('/');
        let login = trimmed
            .rsplit_once("twitch.tv/")
            .map_or(trimmed, |(_, login)| login)
            .trim_start_matches('@');
        let valid = !login.is_empty()
            && login.len() <= 25
            && login
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_');
        if valid {
            Ok(Self(login.to_ascii_lowercase()))
        } else {
            Err(typed
                .trim()
                .chars()
                .take(60)
                .collect::<String>()
                .replace(['*', '_', '`', '~', '|', '<', '@'], ""))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::TwitchLogin;

    #[test]
    fn logins_are_accepted_the_way_people_paste_them() {
        for typed in [
            "shroud",
            " Shroud ",
            "@shroud",
            "https://www.twitch.tv/shroud",
            "twitch.tv/shroud/",
        ] {
            assert_eq!(
                TwitchLogin::parse(typed).unwrap().as_str(),
                "shroud",
                "{typed}"
            );
        }
        for typed in [
            "",
            "two words",
            "a".repeat(26).as_str(),
            "<@&123>",
            "emoji😀",
        ] {
            let shown = TwitchLogin::parse(typed).unwrap_err();
            assert!(!shown.contains("<@"), "never echoes a mention: {shown}");
            assert!(shown.chars().count() <= 60);
        }
    }
}
