//! `GET /metrics`: this process's counters and the database's figures in
//! the Prometheus text format, for a scraper holding `METRICS_TOKEN`.
//!
//! Off unless configured: without `METRICS_TOKEN` the path does not exist
//! (404). With it, a request without `Authorization: Bearer <token>` (or
//! with another token) gets 401.

use axum::{
    extract::State,
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Response},
};
use secrecy::ExposeSecret;
use sha2::{Digest, Sha256};

use crate::{metrics::CONTENT_TYPE, state::AppState, status};

pub async fn metrics(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let Some(token) = state.config.metrics_token.as_ref() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let presented = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    if !presented.is_some_and(|p| same_secret(p, token.expose_secret())) {
        return (
            StatusCode::UNAUTHORIZED,
            [(header::WWW_AUTHENTICATE, "Bearer")],
        )
            .into_response();
    }
    match status::gauges(&state).await {
        Ok(values) => state.metrics.set_gauges(values),
        Err(e) => {
            // The counters are still worth having; the gauges keep their
            // last values and the log says why.
            tracing::warn!(
                error = format!("{e:#}"),
                "metrics: reading the database failed"
            );
        }
    }
    (
        [(header::CONTENT_TYPE, CONTENT_TYPE)],
        state.metrics.render(),
    )
        .into_response()
}

/// Compares in time independent of where the two differ or of either's
/// length: both are hashed first, then every byte is looked at.
fn same_secret(presented: &str, expected: &str) -> bool {
    let (a, b) = (
        Sha256::digest(presented.as_bytes()),
        Sha256::digest(expected.as_bytes()),
    );
    a.iter()
        .zip(b.iter())
        .fold(0u8, |acc, (x, y)| acc | (x ^ y))
        == 0
}

#[cfg(test)]
mod tests {
    use super::same_secret;

    #[test]
    fn only_the_same_token_matches() {
        assert!(same_secret("s3cret-token", "s3cret-token"));
        assert!(!same_secret("s3cret-tokeN", "s3cret-token"));
        assert!(!same_secret("s3cret", "s3cret-token"));
        assert!(!same_secret("", "s3cret-token"));
    }
}
