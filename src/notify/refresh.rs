//! When a live message is refreshed with a fresh preview and the current
//! viewer count: a server setting (`/setup refresh:`), in minutes.
//!
//! The first refresh comes [`FIRST_AFTER_MS`] after the post: at go-live
//! Twitch has not rendered a preview yet (the post shows its grey
//! placeholder, or the last stream's picture), and it has one a few
//! minutes later. Then one every interval until the stream ends.

/// Twitch renders a stream's first preview a few minutes after go-live.
pub const FIRST_AFTER_MS: i64 = 5 * 60_000;

/// Get Streams may not list a stream yet for about a minute after it went
/// live; past this, a stream it doesn't list is over (or ending).
pub const LISTING_LAG_MS: i64 = 3 * 60_000;

/// The first refresh of a message posted at `posted_at`, if the server
/// wants them (`refresh_minutes` 0: never).
pub fn first_at(refresh_minutes: i32, posted_at: i64) -> Option<i64> {
    interval_ms(refresh_minutes).map(|every| posted_at + every.min(FIRST_AFTER_MS))
}

/// The refresh after one made at `refreshed_at`.
pub fn next_at(refresh_minutes: i32, refreshed_at: i64) -> Option<i64> {
    interval_ms(refresh_minutes).map(|every| refreshed_at + every)
}

fn interval_ms(refresh_minutes: i32) -> Option<i64> {
    (refresh_minutes > 0).then(|| i64::from(refresh_minutes) * 60_000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_refresh_waits_for_twitchs_preview_then_the_interval_repeats() {
        assert_eq!(first_at(10, 1_000), Some(1_000 + FIRST_AFTER_MS));
        assert_eq!(next_at(10, 1_000), Some(1_000 + 600_000));
        // An interval shorter than the wait for the preview comes first.
        assert_eq!(first_at(3, 0), Some(180_000));
    }

    #[test]
    fn zero_turns_refreshes_off() {
        assert_eq!(first_at(0, 1_000), None);
        assert_eq!(next_at(0, 1_000), None);
        assert_eq!(next_at(-5, 1_000), None);
    }
}
