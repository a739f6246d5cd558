//! The web app's server side: the single-page app's files, and the few
//! APIs it needs (the Twitch link flow and the template editor). Everything
//! else happens in Discord.

pub mod assets;
pub mod client;
pub mod link;
pub mod templates;

use axum::{
    Json, Router,
    extract::{DefaultBodyLimit, State},
    routing::{get, post},
};
use serde_json::{Value, json};

use crate::{error::ApiError, links::LinkError, state::AppState};

/// What the bot may do in a server, as the "Add to Discord" link asks for it:
/// View Channel, Send Messages, Embed Links, Mention @everyone, @here and
/// All Roles (opt-in roles are not mentionable by members, so only the bot
/// can ping them), Manage Roles (opt-in pings).
pub const BOT_PERMISSIONS: u64 = (1 << 10) | (1 << 11) | (1 << 14) | (1 << 17) | (1 << 28);

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/config", get(config))
        .route("/api/link", get(link::info))
        .route("/api/auth/twitch/start", get(link::start))
        .route("/api/auth/twitch/callback", get(link::callback))
        .route("/api/templates/default", get(templates::default))
        .route(
            "/api/templates/render",
            post(templates::render).layer(DefaultBodyLimit::max(templates::TEMPLATE_BODY_MAX)),
        )
        .route(
            "/api/templates",
            get(templates::load)
                .put(templates::save)
                .layer(DefaultBodyLimit::max(templates::TEMPLATE_BODY_MAX)),
        )
}

/// The install link, which features this instance has, and how to reach
/// the operator (for the privacy policy and terms pages).
async fn config(State(state): State<AppState>) -> Json<Value> {
    let invite_url = state.config.discord.as_ref().map(|d| {
        format!(
            "https://discord.com/oauth2/authorize?client_id={}&scope=bot%20applications.commands&permissions={BOT_PERMISSIONS}&integration_type=0",
            d.application_id
        )
    });
    Json(json!({
        "invite_url": invite_url,
        "features": state.config.features(),
        "operator_contact": state.config.operator_contact,
    }))
}

/// A link error as the web app shows it: a reason it knows and a sentence.
pub fn link_error(e: LinkError) -> ApiError {
    ApiError::Link {
        reason: e.into(),
        message: e.to_string(),
    }
}
