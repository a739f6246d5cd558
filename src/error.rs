//! Errors at the HTTP edge, with one `IntoResponse`.

use axum::{
    Json,
    http::StatusCode,
    response::{IntoResponse, Response},
};
use serde_json::json;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The request is malformed; the reason goes back to the caller.
    #[error("{0}")]
    BadRequest(String),
    #[error("invalid request signature")]
    Unauthorized,
    #[error("{0}")]
    Forbidden(String),
    #[error("not found")]
    NotFound,
    /// The feature this route needs is switched off; says how to switch it on.
    #[error("{0} is not configured")]
    NotConfigured(&'static str),
    /// A dependency (usually the database) is down; the caller should retry.
    #[error("service unavailable")]
    Unavailable(#[source] anyhow::Error),
    #[error("internal error")]
    Internal(#[from] anyhow::Error),
}

impl ApiError {
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::Unauthorized => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::Unavailable(_) | ApiError::NotConfigured(_) => {
                StatusCode::SERVICE_UNAVAILABLE
            }
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        // 5xx details are logged once, here, and never shown to the caller.
        if let ApiError::Unavailable(e) | ApiError::Internal(e) = &self {
            tracing::error!(error = format!("{e:#}"), "{status}");
        }
        (status, Json(json!({ "error": self.to_string() }))).into_response()
    }
}
