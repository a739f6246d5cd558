//! Driving the real router in-process.

use axum::{
    body::Body,
    http::{Request, Response},
};
use http_body_util::BodyExt;
use streammaxing::{AppState, app, clock::Clock, config::Config};
use tower::ServiceExt;

use super::db::TestDb;

/// Builds the real router over `db` with the given configuration variables.
pub fn state(db: &TestDb, vars: &[(&str, &str)]) -> AppState {
    let config = Config::from_vars(|name| {
        vars.iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
    })
    .expect("test configuration");
    AppState::new(config, db.db.clone(), Clock::system())
}

/// Sends one request through the router and returns status, headers and body.
pub async fn send(state: &AppState, request: Request<Body>) -> (Response<()>, Vec<u8>) {
    let response = app(state.clone())
        .oneshot(request)
        .await
        .expect("infallible router");
    let (parts, body) = response.into_parts();
    let bytes = body
        .collect()
        .await
        .expect("response body")
        .to_bytes()
        .to_vec();
    (Response::from_parts(parts, ()), bytes)
}
