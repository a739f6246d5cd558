//! `GET /api/health`: is the service up, and can it reach its database?

use std::time::Duration;

use axum::{Json, extract::State, http::StatusCode};
use serde::Serialize;

use crate::{
    config::{Backend, Features},
    state::AppState,
};

#[derive(Debug, Serialize)]
pub struct Health {
    pub status: &'static str,
    pub version: &'static str,
    pub database: DatabaseHealth,
    pub features: Features,
}

#[derive(Debug, Serialize)]
pub struct DatabaseHealth {
    pub backend: Backend,
    pub reachable: bool,
}

pub async fn health(State(state): State<AppState>) -> (StatusCode, Json<Health>) {
    let reachable = match tokio::time::timeout(Duration::from_secs(2), state.db.ping()).await {
        Ok(Ok(())) => true,
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "health check: database unreachable");
            false
        }
        Err(_) => {
            tracing::warn!("health check: database did not answer within 2 s");
            false
        }
    };
    let status = if reachable {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    let body = Health {
        status: if reachable { "ok" } else { "degraded" },
        version: env!("CARGO_PKG_VERSION"),
        database: DatabaseHealth {
            backend: state.db.backend(),
            reachable,
        },
        features: state.config.features(),
    };
    (status, Json(body))
}

/// Liveness: the process answers HTTP. No database, no work: what a load
/// balancer polls, and the ceiling the benches compare endpoints against.
pub async fn live() -> &'static str {
    "ok"
}
