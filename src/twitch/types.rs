//! Helix and EventSub payloads we read.

use serde::Deserialize;

use crate::ids::TwitchUserId;
use crate::store::{SubscriptionStatus, SubscriptionType};

#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct User {
    pub id: TwitchUserId,
    pub login: String,
    pub display_name: String,
    #[serde(default)]
    pub profile_image_url: String,
}

impl<'a> From<&'a User> for crate::store::NewStreamer<'a> {
    fn from(user: &'a User) -> Self {
        Self {
            twitch_id: &user.id,
            login: &user.login,
            display_name: &user.display_name,
            avatar_url: Some(user.profile_image_url.as_str()).filter(|u| !u.is_empty()),
        }
    }
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Channel {
    pub broadcaster_id: String,
    #[serde(default)]
    pub broadcaster_login: String,
    #[serde(default)]
    pub broadcaster_name: String,
    #[serde(default)]
    pub game_id: String,
    #[serde(default)]
    pub game_name: String,
    #[serde(default)]
    pub title: String,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Stream {
    pub id: String,
    pub user_id: String,
    #[serde(default)]
    pub user_login: String,
    #[serde(default)]
    pub game_name: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub viewer_count: u64,
    #[serde(default)]
    pub started_at: String,
    /// With `{width}` and `{height}` placeholders.
    #[serde(default)]
    pub thumbnail_url: String,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct EventSubSubscription {
    pub id: String,
    pub status: SubscriptionStatus,
    #[serde(rename = "type")]
    pub sub_type: SubscriptionType,
    pub version: String,
    #[serde(default)]
    pub condition: SubscriptionCondition,
    pub transport: Transport,
    #[serde(default)]
    pub created_at: String,
    #[serde(default)]
    pub cost: i64,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
pub struct SubscriptionCondition {
    pub broadcaster_user_id: Option<TwitchUserId>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Transport {
    pub method: String,
    #[serde(default)]
    pub callback: Option<String>,
}

/// A video from Get Videos; archives (VODs) name the stream they recorded.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Video {
    pub id: String,
    #[serde(default)]
    pub stream_id: Option<String>,
    pub url: String,
}

/// A channel from Search Channels.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct FoundChannel {
    pub id: TwitchUserId,
    pub broadcaster_login: String,
    pub display_name: String,
    #[serde(default)]
    pub is_live: bool,
    #[serde(default)]
    pub game_name: String,
}

/// A Twitch Team from Get Teams.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Team {
    pub id: String,
    pub team_name: String,
    pub team_display_name: String,
    /// Omitted by Twitch when the team has no members.
    #[serde(default)]
    pub users: Vec<TeamMember>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct TeamMember {
    pub user_id: TwitchUserId,
    pub user_login: String,
    pub user_name: String,
}

/// A category from Search Categories.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct SearchedCategory {
    pub id: String,
    pub name: String,
}
