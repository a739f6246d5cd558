//! The template editor's API: the one template engine, in Rust. Rendering
//! is open (the editor doubles as a playground); loading and saving need a
//! signed, expiring editor link from `/template preview`.

use axum::{
    Json,
    extract::{Query, State, rejection::JsonRejection},
    http::StatusCode,
};
use secrecy::ExposeSecret;
use serde::Deserialize;
use serde_json::{Value, json};

use super::link_error;
use crate::{
    error::ApiError,
    links::{self, Claims, Purpose},
    notify::{
        message,
        template::{self, Sample, Template},
    },
    state::AppState,
    store::RouteEdit,
};

#[derive(Deserialize)]
pub struct TokenQuery {
    token: String,
}

#[derive(Deserialize)]
pub struct RenderRequest {
    template: Template,
    #[serde(default)]
    sample: Option<String>,
}

#[derive(Deserialize)]
pub struct SaveRequest {
    template: Template,
}

pub async fn default() -> Json<Value> {
    Json(json!({ "template": Template::default() }))
}

/// Renders a template with sample data, exactly as Discord will get it,
/// with every validation problem (the message is rendered regardless).
pub async fn render(
    body: Result<Json<RenderRequest>, JsonRejection>,
) -> Result<Json<Value>, ApiError> {
    let Json(request) = body.map_err(malformed)?;
    let sample = match request.sample.as_deref() {
        None => Sample::Typical,
        Some(name) => name
            .parse()
            .map_err(|_| ApiError::BadRequest(format!("unknown sample {name:?}")))?,
    };
    let rendered = template::render(&request.template, &sample.vars(), "preview");
    let errors = template::validate(&request.template)
        .err()
        .unwrap_or_default();
    Ok(Json(json!({
        "message": { "content": rendered.content, "embeds": rendered.embeds, "components": rendered.components },
        "errors": errors,
    })))
}

/// The editor link's claims, after checking it.
fn editor_claims(state: &AppState, token: &str) -> Result<Claims, ApiError> {
    let secret = state
        .config
        .app_secret
        .as_ref()
        .ok_or(ApiError::NotConfigured(
            "the template editor: set APP_SECRET",
        ))?;
    links::verify(
        secret.expose_secret(),
        token,
        Purpose::Editor,
        state.now_ms(),
    )
    .map_err(link_error)
}

pub async fn load(
    State(state): State<AppState>,
    Query(q): Query<TokenQuery>,
) -> Result<Json<Value>, ApiError> {
    let claims = editor_claims(&state, &q.token)?;
    let db = &state.db;
    let config = db
        .guild_config(claims.guild_id)
        .await
        .map_err(unavailable)?
        .ok_or(ApiError::NotFound)?;
    let (template, streamer) = match &claims.twitch_id {
        Some(id) => {
            let tracked = db
                .tracked_streamer(claims.guild_id, id)
                .await
                .map_err(unavailable)?
                .ok_or(ApiError::NotFound)?;
            let streamer = json!({ "login": tracked.streamer.login, "display_name": tracked.streamer.display_name });
            (message::template_for(&config, &tracked), Some(streamer))
        }
        None => (
            config
                .template
                .as_deref()
                .and_then(|t| Template::from_json(t).ok())
                .unwrap_or_default(),
            None,
        ),
    };
    let guild_name = db.guild_name(claims.guild_id).await.map_err(unavailable)?;
    Ok(Json(
        json!({ "template": template, "guild_name": guild_name, "streamer": streamer }),
    ))
}

/// Saves after the same validation as `/template edit`; the link's claims
/// decide which server (and streamer) it is for, never the request body.
pub async fn save(
    State(state): State<AppState>,
    Query(q): Query<TokenQuery>,
    body: Result<Json<SaveRequest>, JsonRejection>,
) -> Result<Json<Value>, ApiError> {
    let claims = editor_claims(&state, &q.token)?;
    let Json(request) = body.map_err(malformed)?;
    template::validate(&request.template).map_err(ApiError::Invalid)?;
    let (db, now, json) = (&state.db, state.now_ms(), request.template.to_json());
    match &claims.twitch_id {
        // The streamer's template: every route of theirs in the server.
        Some(id) => {
            let routes = db
                .streamer_routes(claims.guild_id, id)
                .await
                .map_err(unavailable)?;
            if routes.is_empty() {
                return Err(ApiError::NotFound);
            }
            let edit = RouteEdit {
                template: Some(Some(json)),
                ..RouteEdit::default()
            };
            for t in routes {
                db.edit_route(t.route.id, &edit, now)
                    .await
                    .map_err(unavailable)?;
            }
        }
        None => {
            let mut config = db
                .guild_config(claims.guild_id)
                .await
                .map_err(unavailable)?
                .ok_or(ApiError::NotFound)?;
            config.template = Some(json);
            db.save_guild_config(&config, now)
                .await
                .map_err(unavailable)?;
        }
    }
    tracing::info!(
        guild.id = %claims.guild_id,
        user.id = %claims.user_id,
        "template saved from the web editor"
    );
    Ok(Json(json!({ "saved": true })))
}

/// A body that isn't a template: 400 with the reason, or 413 when it went
/// over the size limit before it could be read.
fn malformed(e: JsonRejection) -> ApiError {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::TooLarge
    } else {
        ApiError::BadRequest(format!("malformed template: {}", e.body_text()))
    }
}

pub fn unavailable(e: sqlx::Error) -> ApiError {
    ApiError::Unavailable(e.into())
}
