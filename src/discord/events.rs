//! `POST /webhooks/discord`: Discord's webhook events (same Ed25519
//! signing). PING is type 0 and gets 204; `APPLICATION_AUTHORIZED` for a
//! guild install records the guild with a default configuration.

use axum::{body::Bytes, extract::State, http::HeaderMap, http::StatusCode};
use serde::Deserialize;

use crate::ids::GuildId;
use crate::{error::ApiError, state::AppState};

#[derive(Deserialize)]
struct EventBody {
    #[serde(rename = "type")]
    kind: u8,
    event: Option<Event>,
}

#[derive(Deserialize)]
struct Event {
    #[serde(rename = "type")]
    kind: String,
    data: Option<Authorized>,
}

#[derive(Deserialize)]
struct Authorized {
    /// 0 = guild install, 1 = user install.
    integration_type: Option<u8>,
    guild: Option<Guild>,
}

#[derive(Deserialize)]
struct Guild {
    id: String,
    name: Option<String>,
}

pub async fn receive(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<StatusCode, ApiError> {
    super::verify_request(&state, &headers, &body)?;
    let body: EventBody = serde_json::from_slice(&body)
        .map_err(|e| ApiError::BadRequest(format!("malformed webhook event: {e}")))?;
    if body.kind != 1 {
        return Ok(StatusCode::NO_CONTENT);
    }
    let Some(Event {
        kind,
        data: Some(data),
    }) = body.event
    else {
        return Ok(StatusCode::NO_CONTENT);
    };
    if kind == "APPLICATION_AUTHORIZED"
        && data.integration_type.unwrap_or(0) == 0
        && let Some(guild) = data.guild
    {
        let guild_id: GuildId = guild
            .id
            .parse()
            .map_err(|_| ApiError::BadRequest("guild id is not a snowflake".into()))?;
        state
            .db
            .ensure_guild(guild_id, guild.name.as_deref(), state.now_ms())
            .await
            .map_err(|e| ApiError::Unavailable(e.into()))?;
        tracing::info!(guild.id = %guild_id, "added to a server");
    }
    Ok(StatusCode::NO_CONTENT)
}
