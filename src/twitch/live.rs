//! What a go-live notification shows, gathered without ever letting Get
//! Streams (often empty for the first minute) hold up or fail delivery.

use std::time::Duration;

use super::helix::Helix;
use crate::store::{NewStreamer, Streamer};

/// Get Channel Information is reliable at once; give it a moment.
const CHANNEL_TIMEOUT: Duration = Duration::from_secs(3);
/// Get Streams is a bonus: take what it has right now or go without.
const STREAMS_TIMEOUT: Duration = Duration::from_millis(1_500);

#[derive(Debug, Clone, PartialEq)]
pub struct GoLive {
    pub login: String,
    pub display_name: String,
    pub avatar_url: Option<String>,
    pub title: String,
    /// Twitch's category id (what game filters compare); empty if unknown.
    pub game_id: String,
    pub game_name: String,
    pub viewer_count: Option<u64>,
    /// With the size filled in (1280×720), before cache-busting.
    pub thumbnail_url: Option<String>,
}

impl GoLive {
    /// What we know without asking Twitch (the last profile and
    /// `channel.update` we saw).
    pub fn from_stored(s: &Streamer) -> Self {
        Self {
            login: s.login.clone(),
            display_name: s.display_name.clone(),
            avatar_url: s.avatar_url.clone(),
            title: s.title.clone().unwrap_or_default(),
            game_id: s.game_id.clone().unwrap_or_default(),
            game_name: s.game_name.clone().unwrap_or_default(),
            viewer_count: None,
            thumbnail_url: None,
        }
    }
}

/// Title and game from Get Channel Information (or from the last
/// `channel.update` when Helix doesn't answer, or when that update came
/// during this stream: Twitch pushed it at the change, where Helix may
/// still serve a cached answer), profile from our cache (refreshed when the
/// avatar is unknown), viewers and thumbnail from Get Streams if it answers.
pub async fn go_live_details(
    helix: &Helix,
    db: &crate::store::Db,
    streamer: &Streamer,
    now: i64,
) -> GoLive {
    let ids = [streamer.twitch_id.as_str()];
    let (channel, stream, user) = tokio::join!(
        tokio::time::timeout(CHANNEL_TIMEOUT, helix.channels(&ids)),
        tokio::time::timeout(STREAMS_TIMEOUT, helix.streams(&ids)),
        async {
            if streamer.avatar_url.is_some() {
                return None;
            }
            tokio::time::timeout(CHANNEL_TIMEOUT, helix.users_by_id(&ids))
                .await
                .ok()?
                .ok()?
                .into_iter()
                .next()
        },
    );
    let channel = channel
        .ok()
        .and_then(Result::ok)
        .and_then(|c| c.into_iter().next());
    let stream = stream
        .ok()
        .and_then(Result::ok)
        .and_then(|s| s.into_iter().next());
    let updated_while_live = matches!(
        (streamer.channel_event_at, streamer.live_since),
        (Some(update), Some(start)) if update >= start
    );
    let stored = GoLive::from_stored(streamer);
    let (title, game_id, game_name) = match channel {
        Some(c) if !updated_while_live => (c.title, c.game_id, c.game_name),
        _ => (stored.title, stored.game_id, stored.game_name),
    };
    let mut details = GoLive {
        login: streamer.login.clone(),
        display_name: streamer.display_name.clone(),
        avatar_url: streamer.avatar_url.clone(),
        title,
        game_id,
        game_name,
        viewer_count: stream.as_ref().map(|s| s.viewer_count),
        thumbnail_url: stream
            .map(|s| {
                s.thumbnail_url
                    .replace("{width}", "1280")
                    .replace("{height}", "720")
            })
            .filter(|u| !u.is_empty()),
    };
    if let Some(user) = user
        && let Ok(updated) = db.upsert_streamer(&NewStreamer::from(&user), now).await
    {
        details.display_name = updated.display_name;
        details.avatar_url = updated.avatar_url;
    }
    details
}
