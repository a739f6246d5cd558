//! What a failed Discord call means for a notification: the one mapping
//! from Discord's answer to retry-after, give-up or lost-access, for the
//! post, the refresh edit and the end edit alike.

use std::time::Duration;

use crate::ids::ChannelId;
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
) -> (Attention, String) {
    let login = &route.streamer.login;
    let name = escape_markdown(&route.streamer.display_name);
    let own = route.route.channel_id.is_some();
    let test = if own {
        format!("`/streamers test streamer:{login} channel:#that-channel`")
    } else {
        format!("`/streamers test streamer:{login}`")
    };
    match code {
        DiscordCode::UnknownChannel if own => (
            Attention::UnknownChannel,
            format!(
                "{name}'s alert channel <#{channel_id}> was deleted. `/streamers add login:{login} channel:#new-channel` moves this route to another channel."
            ),
        ),
        DiscordCode::UnknownChannel => (
            Attention::UnknownChannel,
            format!(
                "The server's alert channel <#{channel_id}> was deleted, so {name}'s alerts stopped. Choose another with `/setup channel:#new-channel`."
            ),
        ),
        DiscordCode::UnknownWebhook => (
            Attention::UnknownWebhook,
            format!("The webhook {name}'s alerts went through was deleted. Run {test}."),
        ),
        _ => (
            Attention::MissingPermissions,
            format!(
                "I can't post {name}'s alerts in <#{channel_id}>: give the StreamMaxing role **View Channel**, **Send Messages** and **Embed Links** there, then run {test}."
            ),
        ),
    }
}

/// The fix when a route has no channel at all (it follows the server's,
/// and none is set).
pub fn no_channel(route: &TrackedRoute) -> String {
    format!(
        "No alert channel for {}: choose the server's with `/setup channel:#your-channel` (or give this streamer their own with `/streamers add login:{} channel:#…`).",
        escape_markdown(&route.streamer.display_name),
        route.streamer.login
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
