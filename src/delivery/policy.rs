//! What a failed Discord call means for a notification: the one mapping
//! from Discord's answer to retry-after, give-up or lost-access, for the
//! post, the refresh edit and the end edit alike.

use std::time::Duration;

use crate::ids::ChannelId;
use crate::{
    discord::api::{DiscordCode, DiscordError, Verdict},
    store::Attention,
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

/// The needs-attention reason and the fix an admin reads for lost access.
pub fn lost_access(code: DiscordCode, channel_id: ChannelId) -> (Attention, String) {
    match code {
        DiscordCode::UnknownChannel => (
            Attention::UnknownChannel,
            format!(
                "The notification channel <#{channel_id}> was deleted. Choose another with `/setup channel:`."
            ),
        ),
        DiscordCode::UnknownWebhook => (
            Attention::UnknownWebhook,
            "The webhook used for notifications was deleted. Run `/setup` again.".to_owned(),
        ),
        _ => (
            Attention::MissingPermissions,
            format!(
                "I can't post in <#{channel_id}>: give the StreamMaxing role **View Channel**, **Send Messages** and **Embed Links** there, then run `/setup` again."
            ),
        ),
    }
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
