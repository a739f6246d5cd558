//! A local stand-in for the AWS Parameters and Secrets Lambda Extension:
//! `GET /secretsmanager/get?secretId=…` answers Secrets Manager's
//! `GetSecretValue` JSON when the `X-Aws-Parameters-Secrets-Token` header
//! carries the session token (401 otherwise; 400 for an unknown secret, as
//! the extension relays Secrets Manager's error), and records every request.

use std::sync::{Arc, Mutex};

use axum::{
    Json, Router,
    extract::{Query, State},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Response},
    routing::get,
};
use serde_json::{Value, json};

/// One request: the secret asked for and the token header sent.
#[derive(Debug, Clone)]
pub struct Asked {
    pub secret_id: String,
    pub token: Option<String>,
}

struct Inner {
    secret_id: String,
    secret_string: String,
    session_token: String,
    asked: Mutex<Vec<Asked>>,
}

#[derive(Clone)]
pub struct SecretsExtension {
    pub port: u16,
    inner: Arc<Inner>,
}

impl SecretsExtension {
    /// Serves one secret, `secret_id`, whose `SecretString` is `secret`.
    pub async fn start(secret_id: &str, secret: &Value, session_token: &str) -> Self {
        let inner = Arc::new(Inner {
            secret_id: secret_id.to_owned(),
            secret_string: secret.to_string(),
            session_token: session_token.to_owned(),
            asked: Mutex::default(),
        });
        let router = Router::new()
            .route("/secretsmanager/get", get(get_secret))
            .with_state(inner.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind the secrets extension stand-in");
        let port = listener.local_addr().expect("address").port();
        tokio::spawn(async move {
            let _ = axum::serve(listener, router).await;
        });
        Self { port, inner }
    }

    pub fn asked(&self) -> Vec<Asked> {
        self.inner.asked.lock().unwrap().clone()
    }
}

#[derive(serde::Deserialize)]
struct Params {
    #[serde(rename = "secretId")]
    secret_id: String,
}

async fn get_secret(
    State(inner): State<Arc<Inner>>,
    headers: HeaderMap,
    Query(params): Query<Params>,
) -> Response {
    let token = headers
        .get("x-aws-parameters-secrets-token")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    inner.asked.lock().unwrap().push(Asked {
        secret_id: params.secret_id.clone(),
        token: token.clone(),
    });
    if token.as_deref() != Some(inner.session_token.as_str()) {
        return (StatusCode::UNAUTHORIZED, "invalid or missing token").into_response();
    }
    if params.secret_id != inner.secret_id {
        return (
            StatusCode::BAD_REQUEST,
            "ResourceNotFoundException: Secrets Manager can't find the specified secret.",
        )
            .into_response();
    }
    Json(json!({
        "ARN": format!("arn:aws:secretsmanager:eu-west-1:123456789012:secret:{}-AbCdEf", inner.secret_id),
        "Name": inner.secret_id,
        "SecretString": inner.secret_string,
        "VersionId": "0a1b2c3d-0000-0000-0000-000000000001",
        "VersionStages": ["AWSCURRENT"],
        "CreatedDate": "2026-11-30T12:00:00.000Z",
    }))
    .into_response()
}
