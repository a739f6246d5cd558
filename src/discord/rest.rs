//! The Discord REST calls on the delivery path (create, edit, delete and
//! publish messages), with rate limits handled explicitly:
//!
//! - per-route buckets follow `X-RateLimit-Remaining` / `-Reset-After`, so a
//!   request waits for its bucket instead of earning a 429;
//! - global traffic is paced to Discord's 50 requests per second;
//! - a 429 (route or global) is never retried here: the caller gets
//!   `retry_after` and schedules the work for later, and a global 429 pauses
//!   every request of this process until it has passed.
//!
//! (twilight-http retries a global 429 at once, which under load would walk
//! straight into Discord's invalid-request ban; this path must not.)

use std::{
    collections::HashMap,
    time::{Duration, Instant},
};

use secrecy::{ExposeSecret, SecretString};
use serde_json::Value;
use tokio::sync::Mutex;

/// Discord's global limit per bot token.
pub const GLOBAL_PER_SECOND: u32 = 50;

#[derive(Debug, thiserror::Error)]
pub enum RestError {
    #[error("rate limited by Discord for {retry_after:?} (global: {global})")]
    RateLimited { retry_after: Duration, global: bool },
    #[error("Discord answered {status}: {message} (code {code:?})")]
    Discord {
        status: u16,
        code: Option<u64>,
        message: String,
    },
    #[error("Discord could not be reached: {0}")]
    Transport(String),
}

impl RestError {
    pub fn code(&self) -> Option<u64> {
        match self {
            RestError::Discord { code, .. } => *code,
            _ => None,
        }
    }
}

pub struct DiscordRest {
    http: reqwest::Client,
    base: String,
    token: SecretString,
    limits: Mutex<Limits>,
}

#[derive(Default)]
struct Limits {
    /// No request before this (a global 429 was received).
    paused_until: Option<Instant>,
    /// Start of the current one-second window and requests sent in it.
    window: Option<(Instant, u32)>,
    /// Route key → (remaining, resets at).
    routes: HashMap<String, (u64, Instant)>,
}

impl DiscordRest {
    pub fn new(api_url: &url::Url, token: SecretString) -> Self {
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(5))
            .timeout(Duration::from_secs(10))
            .user_agent(concat!(
                "DiscordBot (streammaxing, ",
                env!("CARGO_PKG_VERSION"),
                ")"
            ))
            .build()
            .unwrap_or_default();
        Self {
            http,
            base: format!("{}/api/v10", api_url.as_str().trim_end_matches('/')),
            token,
            limits: Mutex::default(),
        }
    }

    /// Creates a message; returns its id.
    pub async fn create_message(&self, channel: u64, body: &Value) -> Result<u64, RestError> {
        let route = format!("POST /channels/{channel}/messages");
        let answer = self
            .send(
                reqwest::Method::POST,
                &format!("/channels/{channel}/messages"),
                &route,
                Some(body),
            )
            .await?;
        answer["id"]
            .as_str()
            .and_then(|id| id.parse().ok())
            .ok_or_else(|| RestError::Transport("message id missing from Discord's answer".into()))
    }

    pub async fn edit_message(
        &self,
        channel: u64,
        message: u64,
        body: &Value,
    ) -> Result<(), RestError> {
        let route = format!("PATCH /channels/{channel}/messages");
        self.send(
            reqwest::Method::PATCH,
            &format!("/channels/{channel}/messages/{message}"),
            &route,
            Some(body),
        )
        .await
        .map(drop)
    }

    pub async fn delete_message(&self, channel: u64, message: u64) -> Result<(), RestError> {
        let route = format!("DELETE /channels/{channel}/messages");
        self.send(
            reqwest::Method::DELETE,
            &format!("/channels/{channel}/messages/{message}"),
            &route,
            None,
        )
        .await
        .map(drop)
    }

    /// Publishes an announcement-channel message to following servers.
    pub async fn crosspost(&self, channel: u64, message: u64) -> Result<(), RestError> {
        let route = format!("POST /channels/{channel}/messages/crosspost");
        let path = format!("/channels/{channel}/messages/{message}/crosspost");
        self.send(reqwest::Method::POST, &path, &route, None)
            .await
            .map(drop)
    }

    async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        route: &str,
        body: Option<&Value>,
    ) -> Result<Value, RestError> {
        self.wait_for_turn(route).await;
        let mut request = self
            .http
            .request(method, format!("{}{path}", self.base))
            .header(
                "Authorization",
                format!("Bot {}", self.token.expose_secret()),
            );
        if let Some(body) = body {
            request = request.json(body);
        }
        let response = request
            .send()
            .await
            .map_err(|e| RestError::Transport(e.to_string()))?;
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        self.note_bucket(route, &headers).await;
        let text = response.text().await.unwrap_or_default();
        let json: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        match status {
            200..=299 => Ok(json),
            429 => Err(self.rate_limited(route, &headers, &json).await),
            _ => Err(RestError::Discord {
                status,
                code: json["code"].as_u64(),
                message: json["message"]
                    .as_str()
                    .unwrap_or(&text)
                    .chars()
                    .take(200)
                    .collect(),
            }),
        }
    }

    /// Waits out a global pause, the one-second global window and the
    /// route's bucket; then takes a slot.
    async fn wait_for_turn(&self, route: &str) {
        loop {
            let wait = {
                let mut limits = self.limits.lock().await;
                let now = Instant::now();
                let paused = limits
                    .paused_until
                    .filter(|until| *until > now)
                    .map(|until| until - now);
                let bucket = limits
                    .routes
                    .get(route)
                    .filter(|(remaining, reset)| *remaining == 0 && *reset > now)
                    .map(|(_, reset)| *reset - now);
                let window = match limits.window {
                    Some((start, sent))
                        if now - start < Duration::from_secs(1) && sent >= GLOBAL_PER_SECOND =>
                    {
                        Some(start + Duration::from_secs(1) - now)
                    }
                    _ => None,
                };
                match paused.or(bucket).or(window) {
                    Some(wait) => wait,
                    None => {
                        limits.window = match limits.window {
                            Some((start, sent)) if now - start < Duration::from_secs(1) => {
                                Some((start, sent + 1))
                            }
                            _ => Some((now, 1)),
                        };
                        if let Some((remaining, _)) = limits.routes.get_mut(route) {
                            *remaining = remaining.saturating_sub(1);
                        }
                        return;
                    }
                }
            };
            tokio::time::sleep(wait).await;
        }
    }

    async fn note_bucket(&self, route: &str, headers: &reqwest::header::HeaderMap) {
        let number = |name: &str| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.parse::<f64>().ok())
        };
        if let (Some(remaining), Some(reset_after)) = (
            number("x-ratelimit-remaining"),
            number("x-ratelimit-reset-after"),
        ) {
            let reset = Instant::now() + Duration::from_secs_f64(reset_after.max(0.0));
            self.limits
                .lock()
                .await
                .routes
                .insert(route.to_owned(), (remaining as u64, reset));
        }
    }

    async fn rate_limited(
        &self,
        route: &str,
        headers: &reqwest::header::HeaderMap,
        body: &Value,
    ) -> RestError {
        let header = |name: &str| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let retry_after = body["retry_after"]
            .as_f64()
            .or_else(|| header("retry-after").and_then(|v| v.parse().ok()))
            .unwrap_or(1.0)
            .clamp(0.0, 3600.0);
        let global = body["global"].as_bool().unwrap_or(false)
            || header("x-ratelimit-global").as_deref() == Some("true");
        let until = Instant::now() + Duration::from_secs_f64(retry_after);
        let mut limits = self.limits.lock().await;
        if global {
            limits.paused_until = Some(until);
        } else {
            limits.routes.insert(route.to_owned(), (0, until));
        }
        tracing::warn!(retry_after, global, route, "rate limited by Discord");
        RestError::RateLimited {
            retry_after: Duration::from_secs_f64(retry_after),
            global,
        }
    }
}
