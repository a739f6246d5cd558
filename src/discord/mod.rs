//! Discord: the signed interactions endpoint, webhook events, the slash
//! commands that make Discord the dashboard, and the REST client.

pub mod api;
pub mod autocomplete;
pub mod commands;
pub mod components;
pub mod context;
pub mod events;
pub mod interactions;
pub mod permissions;
pub mod pings;
pub mod reply;
pub mod signature;
pub mod test_post;

use axum::http::HeaderMap;

use crate::error::ApiError;

/// Checks Discord's Ed25519 signature headers; 401 on anything wrong.
pub fn verify_request(
    state: &crate::AppState,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<(), ApiError> {
    let Some(discord) = state.config.discord.as_ref() else {
        return Err(ApiError::NotConfigured(
            "Discord: set DISCORD_APPLICATION_ID, DISCORD_PUBLIC_KEY and DISCORD_BOT_TOKEN",
        ));
    };
    let header = |name| headers.get(name).and_then(|v| v.to_str().ok());
    match (
        header("x-signature-ed25519"),
        header("x-signature-timestamp"),
    ) {
        (Some(sig), Some(ts)) if signature::is_valid(&discord.public_key, ts, body, sig) => {
            // The signature covers the timestamp: refusing old ones refuses
            // replays, of interactions and webhook events alike.
            if signature::is_fresh(ts, state.now_ms()) {
                Ok(())
            } else {
                tracing::warn!(
                    timestamp = ts,
                    "refused a signed Discord request whose timestamp is over 5 minutes from now"
                );
                Err(ApiError::Unauthorized)
            }
        }
        _ => Err(ApiError::Unauthorized),
    }
}
