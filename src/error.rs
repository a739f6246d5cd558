//! Errors at the HTTP edge, with one `IntoResponse`.

use axum::{
    Json,
    http::{HeaderValue, StatusCode, header},
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
    /// A template request over the template routes' own limit, which
    /// Discord's message limits set (see `web::templates::TEMPLATE_BODY_MAX`).
    #[error(
        "the template is too large: a template request may be at most {0} bytes, more than a Discord message can hold; shorten it"
    )]
    TemplateTooLarge(usize),
    /// This client asked too often; it may ask again after `retry_after` s.
    #[error("too many previews from your address: try again in {retry_after} s")]
    RateLimited { retry_after: u64 },
    /// Every worker for this kind of request is busy; try again shortly.
    #[error("the server is busy rendering previews: try again in a moment")]
    Busy,
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
            ApiError::TooLarge | ApiError::TemplateTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Busy => StatusCode::SERVICE_UNAVAILABLE,
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
            ApiError::TemplateTooLarge(limit) => {
                json!({ "error": self.to_string(), "reason": "too_large", "limit": limit })
            }
            ApiError::RateLimited { retry_after } => {
                json!({ "error": self.to_string(), "reason": "rate_limited", "retry_after": retry_after })
            }
            ApiError::Busy => {
                json!({ "error": self.to_string(), "reason": "busy", "retry_after": 1 })
            }
            _ => json!({ "error": self.to_string() }),
        };
        let retry_after = match &self {
            ApiError::RateLimited { retry_after } => Some(*retry_after),
            ApiError::Busy => Some(1),
            _ => None,
        };
        let mut response = (status, Json(body)).into_response();
        if let Some(seconds) = retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}
