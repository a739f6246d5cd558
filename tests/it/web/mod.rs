//! The web app's server side: the link flow, the editor API, the files.

mod assets;
mod browser;
pub mod link;
mod templates;

use streammaxing::links::{self, Claims, Purpose};

use crate::support::sf;
use crate::support::{app::APP_SECRET, interactions::GUILD};

/// A signed link as the bot hands out, valid for an hour.
pub fn token(purpose: Purpose, twitch_id: Option<&str>) -> String {
    token_expiring(
        purpose,
        twitch_id,
        chrono::Utc::now().timestamp_millis() + 3_600_000,
    )
}

pub fn token_expiring(purpose: Purpose, twitch_id: Option<&str>, expires_at: i64) -> String {
    let claims = Claims {
        purpose,
        guild_id: sf(GUILD),
        twitch_id: twitch_id.map(streammaxing::ids::TwitchUserId::from),
        user_id: sf(42),
        expires_at,
        nonce: links::nonce(),
    };
    links::sign(APP_SECRET, &claims)
}

/// A browser-like client that does not follow redirects.
pub fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

pub fn location(response: &reqwest::Response) -> String {
    response.headers()["location"].to_str().unwrap().to_owned()
}
