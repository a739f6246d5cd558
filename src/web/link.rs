//! The Twitch link page's server side: a streamer, given a signed link from
//! `/streamers link`, authorises StreamMaxing on Twitch; the server then
//! follows them in that Discord server, marks them linked (their
//! subscriptions then cost nothing against Twitch's limit) and spends the
//! link.
//!
//! CSRF, and a URL that gives nothing away: `start` keeps the sign-in in
//! this browser, in an HttpOnly, SameSite=Lax cookie holding a random nonce
//! and the link token; the signed `state` that travels through Twitch's
//! authorize URL carries only a SHA-256 digest of that cookie (a reference
//! to the attempt) and an expiry. `callback` accepts only a state whose
//! digest matches this browser's cookie. Someone who sees the authorize URL
//! (a screenshot, a shared screen, a proxy log) learns neither the link nor
//! a cookie value that would match. No Twitch user token is kept: once the
//! user is known, the token is dropped.

use axum::{
    Json,
    extract::{Query, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use secrecy::ExposeSecret;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::{link_error, templates::unavailable};
use crate::{
    error::ApiError,
    links::{self, Claims, LinkFailure, Purpose},
    state::AppState,
    store::NewStreamer,
    twitch::subscriptions,
};

const COOKIE: &str = "sm_oauth";
/// How long a sign-in attempt may take on Twitch's side.
const STATE_TTL_MS: i64 = 10 * 60 * 1000;

#[derive(Deserialize)]
pub struct TokenQuery {
    token: String,
}

#[derive(Deserialize)]
pub struct CallbackQuery {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

/// What the signed OAuth `state` carries: a reference to this browser's
/// sign-in, never the link itself.
#[derive(Serialize, Deserialize)]
struct OAuthState {
    /// SHA-256 (hex) of the cookie set in this browser.
    h: String,
    /// Expiry, Unix ms.
    e: i64,
}

/// The cookie's value: a fresh nonce, then the link token the flow started
/// from (a link token never contains `~`).
fn attempt_cookie_value(nonce: &str, link_token: &str) -> String {
    format!("{nonce}~{link_token}")
}

/// The link token in a cookie made by [`attempt_cookie_value`].
fn link_token_of(cookie: &str) -> Option<&str> {
    cookie
        .split_once('~')
        .map(|(_, token)| token)
        .filter(|t| !t.is_empty())
}

fn digest(cookie: &str) -> String {
    hex::encode(Sha256::digest(cookie.as_bytes()))
}

fn secret(state: &AppState) -> Result<&str, ApiError> {
    state
        .config
        .app_secret
        .as_ref()
        .map(|s| s.expose_secret())
        .ok_or(ApiError::NotConfigured("the link page: set APP_SECRET"))
}

/// A usable (signed, unexpired, unspent) link.
async fn usable_link(state: &AppState, token: &str) -> Result<Claims, ApiError> {
    let claims = links::verify(secret(state)?, token, Purpose::TwitchLink, state.now_ms())
        .map_err(link_error)?;
    if state
        .db
        .link_token_used(&claims.nonce)
        .await
        .map_err(unavailable)?
    {
        return Err(ApiError::Link {
            reason: LinkFailure::Used,
            message: "this link was already used".into(),
        });
    }
    Ok(claims)
}

/// `GET /api/link?token=`: what the link page shows before connecting.
pub async fn info(
    State(state): State<AppState>,
    Query(q): Query<TokenQuery>,
) -> Result<Json<Value>, ApiError> {
    let claims = usable_link(&state, &q.token).await?;
    let guild_name = state
        .db
        .guild_name(claims.guild_id)
        .await
        .map_err(unavailable)?;
    Ok(Json(
        json!({ "guild_name": guild_name, "expires_at": claims.expires_at }),
    ))
}

/// `GET /api/auth/twitch/start?token=`: off to Twitch's consent page.
pub async fn start(State(state): State<AppState>, Query(q): Query<TokenQuery>) -> Response {
    let (Some(helix), Ok(secret)) = (state.twitch.as_deref(), secret(&state)) else {
        return failure_page(LinkFailure::NotConfigured);
    };
    if let Err(e) = usable_link(&state, &q.token).await {
        return failure_page(reason_of(&e));
    }
    let attempt = attempt_cookie_value(&links::nonce(), &q.token);
    let signed = links::sign_state(
        secret,
        &OAuthState {
            h: digest(&attempt),
            e: state.now_ms() + STATE_TTL_MS,
        },
    );
    let query = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("client_id", helix.client_id())
        .append_pair("redirect_uri", &redirect_uri(&state))
        .append_pair("response_type", "code")
        .append_pair("scope", "")
        .append_pair("state", &signed)
        // Always ask: a page that sends a browser here must not link an
        // account silently because its owner once said yes to this app.
        .append_pair("force_verify", "true")
        .finish();
    let cookie = attempt_cookie(&state, &attempt, STATE_TTL_MS / 1000);
    let mut response = redirect(&format!("{}/authorize?{query}", helix.oauth_url()));
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

/// `GET /api/auth/twitch/callback`: Twitch sends the browser back here.
pub async fn callback(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<CallbackQuery>,
) -> Response {
    let mut response = match link_streamer(&state, &headers, q).await {
        Ok((login, name)) => to_page("/link/done", &[("streamer", &login), ("name", &name)]),
        Err(reason) => failure_page(reason),
    };
    if let Ok(value) = HeaderValue::from_str(&attempt_cookie(&state, "", 0)) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

/// The whole link flow after Twitch; the error is the reason the page shows.
async fn link_streamer(
    state: &AppState,
    headers: &HeaderMap,
    q: CallbackQuery,
) -> Result<(String, String), LinkFailure> {
    let secret = secret(state).map_err(|_| LinkFailure::NotConfigured)?;
    let helix = state.twitch.as_deref().ok_or(LinkFailure::NotConfigured)?;
    let signed: OAuthState = links::verify_state(secret, q.state.as_deref().unwrap_or(""))
        .map_err(|_| LinkFailure::State)?;
    let cookie = cookie(headers, COOKIE).unwrap_or_default();
    if signed.e <= state.now_ms()
        || !constant_time_eq(digest(&cookie).as_bytes(), signed.h.as_bytes())
    {
        return Err(LinkFailure::State);
    }
    let link_token = link_token_of(&cookie).ok_or(LinkFailure::State)?;
    if q.error.is_some() {
        return Err(LinkFailure::Denied);
    }
    let claims = usable_link(state, link_token)
        .await
        .map_err(|e| reason_of(&e))?;
    let code = q.code.ok_or(LinkFailure::Twitch)?;
    let token = helix
        .exchange_code(&code, &redirect_uri(state))
        .await
        .map_err(|e| twitch_failed(&e))?;
    let user = helix
        .user_for_token(&token)
        .await
        .map_err(|e| twitch_failed(&e))?;
    drop(token);
    let (db, now) = (&state.db, state.now_ms());
    if !db
        .use_link_token(&claims.nonce, claims.expires_at, now)
        .await
        .map_err(|_| LinkFailure::Twitch)?
    {
        return Err(LinkFailure::Used);
    }
    let streamer = NewStreamer::from(&user);
    let stored = async {
        db.upsert_streamer(&streamer, now).await?;
        db.set_streamer_linked(&user.id, true, now).await?;
        db.ensure_guild(claims.guild_id, None, now).await?;
        db.track_streamer(claims.guild_id, &user.id, Some(claims.user_id), now)
            .await
    };
    stored.await.map_err(|e| {
        tracing::error!(error = %e, "storing a linked streamer failed");
        LinkFailure::Twitch
    })?;
    // Their subscriptions cost nothing now: those created before at cost 1
    // are replaced (old ones go once the new ones are enabled).
    if let Err(e) = subscriptions::relink::linked(state, &user.id).await {
        tracing::warn!(
            error = format!("{e:#}"),
            "subscribing a linked streamer failed; maintenance will retry"
        );
    }
    tracing::info!(guild.id = %claims.guild_id, streamer.login = %user.login, "streamer linked their Twitch account");
    Ok((user.login, user.display_name))
}

/// The cookie that binds a sign-in to the browser that started it: no
/// script can read it (HttpOnly), other sites' requests don't carry it
/// (SameSite=Lax still sends it on Twitch's top-level redirect back), only
/// the OAuth routes see it, and over HTTPS it never travels in clear.
fn attempt_cookie(state: &AppState, value: &str, max_age_secs: i64) -> String {
    Cookie::build((COOKIE, value))
        .http_only(true)
        .same_site(SameSite::Lax)
        .path("/api/auth/twitch")
        .max_age(cookie::time::Duration::seconds(max_age_secs))
        .secure(state.config.public_url.scheme() == "https")
        .build()
        .to_string()
}
fn twitch_failed(e: &crate::twitch::HelixError) -> LinkFailure {
    tracing::warn!(error = %e, "Twitch refused the link flow");
    LinkFailure::Twitch
}

fn reason_of(e: &ApiError) -> LinkFailure {
    match e {
        ApiError::Link { reason, .. } => *reason,
        ApiError::NotConfigured(_) => LinkFailure::NotConfigured,
        _ => LinkFailure::Twitch,
    }
}

/// The web app's page that says why linking did not work.
fn failure_page(reason: LinkFailure) -> Response {
    to_page("/link/error", &[("reason", reason.as_ref())])
}

fn redirect_uri(state: &AppState) -> String {
    format!(
        "{}/api/auth/twitch/callback",
        state.config.public_url.as_str().trim_end_matches('/')
    )
}

fn redirect(location: &str) -> Response {
    let mut response = StatusCode::FOUND.into_response();
    if let Ok(value) = HeaderValue::from_str(location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// A redirect to one of the web app's pages with query parameters.
fn to_page(path: &str, params: &[(&str, &str)]) -> Response {
    let query = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(params)
        .finish();
    redirect(&format!("{path}?{query}"))
}

fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    CookieJar::from_headers(headers)
        .get(name)
        .map(|c| c.value().to_owned())
}
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len()
        && !a.is_empty()
        && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_are_found_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; sm_oauth=abc123; sm_oauthx=no"),
        );
        assert_eq!(cookie(&headers, COOKIE).as_deref(), Some("abc123"));
        assert_eq!(cookie(&HeaderMap::new(), COOKIE), None);
    }

    #[test]
    fn the_cookie_holds_the_link_and_the_state_only_its_digest() {
        let link = "eyJhIjoxfQ.c2lnbmF0dXJl";
        let cookie = attempt_cookie_value("0f1e2d", link);
        assert_eq!(link_token_of(&cookie), Some(link));
        assert!(!digest(&cookie).contains(link) && digest(&cookie).len() == 64);
        assert_eq!(link_token_of("0f1e2d"), None);
        assert_eq!(link_token_of("0f1e2d~"), None);
    }

    #[test]
    fn comparison_needs_equal_non_empty_values() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"", b""));
        assert!(!constant_time_eq(b"abc", b"abcd"));
    }
}
