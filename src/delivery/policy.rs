//! What a failed Discord call means for a notification: the one mapping
//! from Discord's answer to retry-after, give-up or lost-access, for the
//! post, the refresh edit and the end edit alike.

use std::time::Duration;

use crate::i18n::Lang;
use crate::ids::ChannelId;
use crate::tr;
use crate::{
    discord::api::{DiscordCode, DiscordError, Verdict},
    notify::template::escape_markdown,
    store::{Attention, TrackedRoute},
};

/// Attempts before a notification is given up (each claim is one).
pub const MAX_ATTEMPTS: i32 = 10;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Release the row to be claimed again after this long.
    RetryAfter(Duration, String),
    /// Stop: retrying won't help (or the attempts are used up).
    GiveUp(String),
    /// The route's channel is unreachable: stop and tell the admins.
    LostAccess(DiscordCode),
}

/// Decides what to do after attempt number `attempts` failed with `e`.
pub fn decide(e: &DiscordError, attempts: i32) -> Decision {
    match e.verdict() {
        Verdict::RetryAfter(wait) => Decision::RetryAfter(wait, "rate limited by Discord".into()),
        Verdict::Transient(why) if attempts < MAX_ATTEMPTS => {
            Decision::RetryAfter(backoff(attempts), why)
        }
        Verdict::Transient(why) => {
            Decision::GiveUp(format!("gave up after {attempts} attempts: {why}"))
        }
        Verdict::LostAccess(code) => Decision::LostAccess(code),
        Verdict::Gone(_) | Verdict::Refused(_) => Decision::GiveUp(e.to_string()),
    }
}

/// 2 s, 4 s, 8 s, … up to 5 minutes, with jitter.
pub fn backoff(attempts: i32) -> Duration {
    let base = 2_000u64
        .saturating_mul(1 << attempts.clamp(1, 8).saturating_sub(1))
        .min(300_000);
    Duration::from_millis(base / 2 + fastrand::u64(0..=base / 2))
}

/// The needs-attention reason and the fix an admin reads when `route`
/// lost access to `channel_id`: it names the route and the one command
/// that fixes it.
pub fn lost_access(
    code: DiscordCode,
    channel_id: ChannelId,
    route: &TrackedRoute,
    lang: Lang,
) -> (Attention, String) {
    let login = route.streamer.login.as_str();
    let name = escape_markdown(&route.streamer.display_name);
    let channel = channel_id.to_string();
    let own = route.route.channel_id.is_some();
    let test = if own {
        tr!(lang, "attention-test-route", login = login)
    } else {
        tr!(lang, "attention-test-server", login = login)
    };
    match code {
        DiscordCode::UnknownChannel if own => (
            Attention::UnknownChannel,
            tr!(
                lang,
                "attention-route-channel-deleted",
                name = name,
                channel = channel,
                login = login
            ),
        ),
        DiscordCode::UnknownChannel => (
            Attention::UnknownChannel,
            tr!(
                lang,
                "attention-server-channel-deleted",
                name = name,
                channel = channel
            ),
        ),
        DiscordCode::UnknownWebhook => (
            Attention::UnknownWebhook,
            tr!(lang, "attention-webhook-deleted", name = name, test = test),
        ),
        _ => (
            Attention::MissingPermissions,
            tr!(
                lang,
                "attention-missing-permissions",
                name = name,
                channel = channel,
                test = test
            ),
        ),
    }
}

/// The fix when a route has no channel at all (it follows the server's,
/// and none is set).
pub fn no_channel(route: &TrackedRoute, lang: Lang) -> String {
    tr!(
        lang,
        "attention-no-channel",
        name = escape_markdown(&route.streamer.display_name),
        login = route.streamer.login.as_str()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_to_five_minutes_at_most() {
        let first = backoff(1).as_millis();
        assert!((1_000..=2_000).contains(&first), "{first}");
        assert!(backoff(20).as_millis() <= 300_000);
        assert!(backoff(4).as_millis() >= 8_000);
    }

    #[test]
    fn a_server_error_is_retried_until_the_attempts_run_out() {
        let e = DiscordError::Refused {
            status: 502,
            code: None,
            message: "Bad Gateway".into(),
        };
        assert!(matches!(decide(&e, 1), Decision::RetryAfter(..)));
        assert!(
            matches!(decide(&e, MAX_ATTEMPTS), Decision::GiveUp(why) if why.contains("gave up"))
        );
        let gone = DiscordError::Refused {
            status: 403,
            code: Some(DiscordCode::MissingAccess),
            message: String::new(),
        };
        assert_eq!(
            decide(&gone, 1),
            Decision::LostAccess(DiscordCode::MissingAccess)
        );
    }
}
