//! What Discord answered when it did not do what we asked, and the one
//! policy that turns an answer into a decision: wait, retry, or stop.

use std::time::Duration;

/// The JSON error codes the bot acts on; anything else is `Other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiscordCode {
    UnknownChannel,
    UnknownGuild,
    UnknownMessage,
    UnknownRole,
    UnknownWebhook,
    MissingAccess,
    MissingPermissions,
    /// The server has Discord's maximum of 250 roles.
    MaxRoles,
    Other(u64),
}

impl DiscordCode {
    pub fn from_u64(code: u64) -> Self {
        match code {
            10003 => Self::UnknownChannel,
            10004 => Self::UnknownGuild,
            10008 => Self::UnknownMessage,
            10011 => Self::UnknownRole,
            10015 => Self::UnknownWebhook,
            50001 => Self::MissingAccess,
            50013 => Self::MissingPermissions,
            30005 => Self::MaxRoles,
            other => Self::Other(other),
        }
    }

    pub fn as_u64(self) -> u64 {
        match self {
            Self::UnknownChannel => 10003,
            Self::UnknownGuild => 10004,
            Self::UnknownMessage => 10008,
            Self::UnknownRole => 10011,
            Self::UnknownWebhook => 10015,
            Self::MissingAccess => 50001,
            Self::MissingPermissions => 50013,
            Self::MaxRoles => 30005,
            Self::Other(code) => code,
        }
    }

    /// "You may not do that here": the bot lacks access or permissions.
    pub fn is_not_allowed(self) -> bool {
        matches!(self, Self::MissingAccess | Self::MissingPermissions)
    }

    /// The channel (or webhook) a notification goes to can't be posted to:
    /// stop knocking on a door Discord has closed.
    pub fn is_lost_access(self) -> bool {
        self.is_not_allowed()
            || matches!(
                self,
                Self::UnknownChannel | Self::UnknownGuild | Self::UnknownWebhook
            )
    }

    /// What Discord answers about a server's resources once the bot is no
    /// longer in it (and, for 50001, about a channel the bot may not see):
    /// worth asking whether the server itself is still reachable. An
    /// unknown channel is not: a channel can be deleted while the bot stays.
    pub fn may_mean_removed(self) -> bool {
        matches!(self, Self::MissingAccess | Self::UnknownGuild)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DiscordError {
    #[error("rate limited by Discord for {retry_after:?} (global: {global})")]
    RateLimited { retry_after: Duration, global: bool },
    #[error("Discord answered {status}: {message} (code {code:?})")]
    Refused {
        status: u16,
        code: Option<DiscordCode>,
        message: String,
    },
    #[error("Discord could not be reached: {0}")]
    Transport(String),
    #[error("Discord's answer could not be read: {0}")]
    Unreadable(String),
}

/// What to do about a failed call, whoever made it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Rate limited: try again after this long.
    RetryAfter(Duration),
    /// Discord or the network hiccuped: try again with backoff.
    Transient(String),
    /// The channel, webhook or permission is gone: stop and tell the admins.
    LostAccess(DiscordCode),
    /// The thing was already gone (an unknown message or role).
    Gone(DiscordCode),
    /// Discord refused this request; sending it again won't help.
    Refused(String),
}

impl DiscordError {
    pub fn code(&self) -> Option<DiscordCode> {
        match self {
            Self::Refused { code, .. } => *code,
            _ => None,
        }
    }

    /// The one classification of a failure (see [`Verdict`]).
    pub fn verdict(&self) -> Verdict {
        match self {
            Self::RateLimited { retry_after, .. } => {
                Verdict::RetryAfter(*retry_after + Duration::from_millis(50))
            }
            Self::Transport(why) => Verdict::Transient(why.clone()),
            Self::Refused { status, .. } if *status >= 500 => Verdict::Transient(self.to_string()),
            Self::Refused {
                code: Some(code), ..
            } if code.is_lost_access() => Verdict::LostAccess(*code),
            Self::Refused {
                code: Some(code @ (DiscordCode::UnknownMessage | DiscordCode::UnknownRole)),
                ..
            } => Verdict::Gone(*code),
            Self::Refused { .. } | Self::Unreadable(_) => Verdict::Refused(self.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(status: u16, code: u64) -> DiscordError {
        DiscordError::Refused {
            status,
            code: Some(DiscordCode::from_u64(code)),
            message: String::new(),
        }
    }

    #[test]
    fn every_code_the_bot_names_round_trips() {
        for code in [
            10003, 10004, 10008, 10011, 10015, 30005, 50001, 50013, 50035,
        ] {
            assert_eq!(DiscordCode::from_u64(code).as_u64(), code);
        }
    }

    #[test]
    fn only_missing_access_and_unknown_guild_may_mean_the_bot_was_removed() {
        let removed: Vec<u64> = [10003, 10004, 10008, 10015, 50001, 50013]
            .into_iter()
            .filter(|code| DiscordCode::from_u64(*code).may_mean_removed())
            .collect();
        assert_eq!(removed, [10004, 50001]);
        assert_eq!(
            refused(404, 10004).verdict(),
            Verdict::LostAccess(DiscordCode::UnknownGuild)
        );
    }

    #[test]
    fn failures_are_classified_once_for_every_caller() {
        assert_eq!(
            refused(404, 10003).verdict(),
            Verdict::LostAccess(DiscordCode::UnknownChannel)
        );
        assert_eq!(
            refused(403, 50013).verdict(),
            Verdict::LostAccess(DiscordCode::MissingPermissions)
        );
        assert_eq!(
            refused(404, 10008).verdict(),
            Verdict::Gone(DiscordCode::UnknownMessage)
        );
        assert!(matches!(refused(502, 0).verdict(), Verdict::Transient(_)));
        assert!(matches!(refused(400, 50035).verdict(), Verdict::Refused(_)));
        let limited = DiscordError::RateLimited {
            retry_after: Duration::from_secs(2),
            global: false,
        };
        assert!(matches!(limited.verdict(), Verdict::RetryAfter(d) if d > Duration::from_secs(2)));
    }
}
