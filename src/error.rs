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
    /// The body is over the size limit every route shares.
    #[error("the request body is too large")]
    TooLarge,
    /// A signed link that can't be used; `reason` is for the web app.
    #[error("{message}")]
    Link {
        reason: crate::links::LinkFailure,
        message: String,
    },
    /// The template has problems; each names where and how to fix it.
    #[error("the template has problems")]
    Invalid(Vec<crate::notify::template::TemplateError>),
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
            ApiError::BadRequest(_) | ApiError::Invalid(_) => StatusCode::BAD_REQUEST,
            ApiError::Link {
                reason: crate::links::LinkFailure::Used,
                ..
            } => StatusCode::GONE,
            ApiError::Link { .. } => StatusCode::FORBIDDEN,
            ApiError::Unauthorized => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
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
        let body = match &self {
            ApiError::Link { reason, .. } => json!({ "error": self.to_string(), "reason": reason }),
            ApiError::Invalid(errors) => json!({ "error": self.to_string(), "errors": errors }),
            ApiError::NotConfigured(_) => {
                json!({ "error": self.to_string(), "reason": crate::links::LinkFailure::NotConfigured })
            }
            _ => json!({ "error": self.to_string() }),
        };
        (status, Json(body)).into_response()
    }
}
