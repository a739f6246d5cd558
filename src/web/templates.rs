//! The template editor's API: the one template engine, in Rust. Rendering
//! is open (the editor doubles as a playground), so it is bounded: a body
//! no larger than a Discord message allows, a rate per client, and a few
//! blocking workers that leave the other cores to Discord. Loading and
//! saving need a signed, expiring editor link from `/template preview`.

use std::time::Instant;

use anyhow::anyhow;
use axum::{
    Json,
    extract::{FromRequestParts, Query, State, rejection::JsonRejection},
    http::{StatusCode, header, request::Parts},
    response::{IntoResponse, Response},
};
use secrecy::ExposeSecret;
use serde::Deserialize;
use serde_json::{Value, json};

use super::{client::client_address, link_error};
use crate::i18n::Lang;
use crate::{
    error::ApiError,
    links::{self, Claims, Purpose},
    notify::{
        message,
        template::{self, Sample, TEMPLATE_JSON_MAX, Template},
    },
    state::AppState,
    store::RouteEdit,
    throttle::RENDER_QUEUE_WAIT,
};

/// The most a template request's body may hold: the largest template
/// Discord's limits leave room for ([`TEMPLATE_JSON_MAX`], 46,976 bytes),
/// and 1 KiB for its wrapper (`{"template": …, "sample": "long_title"}`)
/// and whitespace. Larger is a 413 that says so; the 64 KiB every route
/// shares (`app::MAX_BODY_BYTES`) stays the limit elsewhere.
pub const TEMPLATE_BODY_MAX: usize = TEMPLATE_JSON_MAX + 1024;

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

#[derive(Deserialize)]
pub struct DefaultQuery {
    /// A language tag or Discord locale (`de`, `pt-BR`, the browser's).
    #[serde(default)]
    lang: Option<String>,
}

/// The default template, its fixed words in the language asked for
/// (English when none or one the bot does not speak).
pub async fn default(Query(q): Query<DefaultQuery>) -> Json<Value> {
    let lang = Lang::of(q.lang.as_deref());
    Json(json!({ "template": Template::default_in(lang), "language": lang.tag() }))
}

/// Renders a template with sample data, exactly as Discord will get it,
/// with its validation problems (the message is rendered regardless).
/// The work runs on a blocking worker; when all are busy for
/// [`RENDER_QUEUE_WAIT`], the answer is 503 with `Retry-After`.
pub async fn render(
    _: RenderAllowed,
    State(state): State<AppState>,
    body: Result<Json<RenderRequest>, JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(request) = body.map_err(malformed)?;
    let sample = match request.sample.as_deref() {
        None => Sample::Typical,
        Some(name) => name
            .parse()
            .map_err(|_| ApiError::BadRequest(format!("unknown sample {name:?}")))?,
    };
    let workers = state.render.workers.clone();
    let permit = tokio::time::timeout(RENDER_QUEUE_WAIT, workers.acquire_owned())
        .await
        .map_err(|_| ApiError::Busy)?
        .map_err(|_| ApiError::Busy)?;
    let body = tokio::task::spawn_blocking(move || {
        let _permit = permit;
        render_json(&request.template, sample)
    })
    .await
    .map_err(|e| ApiError::Internal(anyhow!("rendering a template preview: {e}")))?
    .map_err(|e| ApiError::Internal(anyhow!("serialising a template preview: {e}")))?;
    Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response())
}

/// The preview's JSON: the message and the (bounded) list of problems.
fn render_json(t: &Template, sample: Sample) -> serde_json::Result<Vec<u8>> {
    let rendered = template::render(t, &sample.vars(), "preview");
    let errors = template::validate(t).err().unwrap_or_default();
    serde_json::to_vec(&json!({
        "message": { "content": rendered.content, "embeds": rendered.embeds, "components": rendered.components },
        "errors": errors,
    }))
}

/// The caller may render now: its address has a token left in
/// [`RenderLimits::rate`](crate::throttle::RenderLimits). Checked before
/// the body is read; otherwise 429 with `Retry-After`.
pub struct RenderAllowed;

impl FromRequestParts<AppState> for RenderAllowed {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let client = client_address(parts, state.config.trust_forwarded_for);
        match state.render.rate.check(client, Instant::now()) {
            Ok(()) => Ok(RenderAllowed),
            Err(wait) => {
                // Debug only: a flood must not become a flood of log lines.
                tracing::debug!(client = ?client, "template previews rate-limited");
                let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
                Err(ApiError::RateLimited {
                    retry_after: seconds.max(1),
                })
            }
        }
    }
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
        None => (message::current_template(&config, None), None),
    };
    let guild_name = db.guild_name(claims.guild_id).await.map_err(unavailable)?;
    Ok(Json(json!({
        "template": template,
        "guild_name": guild_name,
        "streamer": streamer,
        "language": config.lang().tag(),
    })))
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
/// over [`TEMPLATE_BODY_MAX`] before it could be read.
fn malformed(e: JsonRejection) -> ApiError {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::TemplateTooLarge(TEMPLATE_BODY_MAX)
    } else {
        ApiError::BadRequest(format!("malformed template: {}", e.body_text()))
    }
}

pub fn unavailable(e: sqlx::Error) -> ApiError {
    ApiError::Unavailable(e.into())
}
