//! The one Discord REST client of the bot: every call it makes to Discord
//! (messages, roles, members, channels, commands, interaction responses)
//! goes through [`Api`], with one rate-limit state per bot token
//! ([`limits::Pacer`]) and one error type ([`DiscordError`]).
//!
//! Discord's types are twilight-model's. twilight-http is not used: it
//! retries a global 429 at once, which under load walks straight into
//! Discord's invalid-request ban, and it keeps a rate-limit state of its own
//! that the delivery path could not share. Requests go to
//! `{DISCORD_API_URL}/api/v10/…`.

mod calls;
mod error;
pub mod limits;
mod webhooks;

use std::{sync::Arc, time::Duration};

use reqwest::Method;
use secrecy::{ExposeSecret, SecretString};
use serde::{Serialize, de::DeserializeOwned};
use serde_json::Value;

use crate::{metrics::Metrics, store::Db};

pub use calls::MessageBody;
pub use error::{DiscordCode, DiscordError, Verdict};
pub use webhooks::{RecentMessage, WebhookBody};

pub struct Api {
    http: reqwest::Client,
    base: String,
    token: SecretString,
    pacer: limits::Pacer,
    metrics: Arc<Metrics>,
}

/// The bot's key in the shared budget: Discord counts the global limit per
/// token, so two bots on one database keep two budgets. A digest: the token
/// itself is never stored.
fn bot_key(token: &SecretString) -> String {
    use sha2::Digest as _;
    let digest = sha2::Sha256::digest(token.expose_secret().as_bytes());
    hex::encode(&digest[..16])
}

/// Whether a call counts against the bot's global limit (interaction
/// responses don't).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Budget {
    Global,
    Exempt,
}

/// One request: where it goes and which bucket it draws from.
struct Request<'a, B> {
    method: Method,
    path: String,
    /// The rate-limit bucket key (the route with its top-level resource).
    route: String,
    body: Option<&'a B>,
    budget: Budget,
}

impl Api {
    /// A client paced to `per_second` requests a second (0: unpaced, for a
    /// test bench whose stand-in has no limit), sharing that budget with
    /// every process that books it in `budget` (the database they share).
    pub fn new(
        api_url: &url::Url,
        token: SecretString,
        per_second: u32,
        budget: Option<Db>,
    ) -> Self {
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
            pacer: limits::Pacer::new(
                per_second,
                budget.map(|db| limits::Shared {
                    db,
                    bot: bot_key(&token),
                }),
            ),
            token,
            metrics: Arc::default(),
        }
    }

    /// Counts its 429s into `metrics` (by default, into counters of its own).
    #[must_use]
    pub fn with_metrics(mut self, metrics: Arc<Metrics>) -> Self {
        self.metrics = metrics;
        self
    }

    /// Sends `request` when its turn comes and reads Discord's answer.
    async fn send<B: Serialize, T: DeserializeOwned>(
        &self,
        request: Request<'_, B>,
    ) -> Result<T, DiscordError> {
        let Request {
            method,
            path,
            route,
            body,
            budget,
        } = request;
        let ticket = self
            .pacer
            .wait_for_turn(&route, budget == Budget::Global)
            .await?;
        let mut builder = self
            .http
            .request(method, format!("{}{path}", self.base))
            .header(
                "Authorization",
                format!("Bot {}", self.token.expose_secret()),
            );
        if let Some(body) = body {
            builder = builder.json(body);
        }
        let response = builder
            .send()
            .await
            // Without the URL: a webhook's carries its token.
            .map_err(|e| DiscordError::Transport(e.without_url().to_string()))?;
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        self.pacer.answered(&ticket, &headers);
        let text = response.text().await.unwrap_or_default();
        let json: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        match status {
            200..=299 => {
                serde_json::from_value(json).map_err(|e| DiscordError::Unreadable(e.to_string()))
            }
            429 => {
                self.metrics
                    .discord_rate_limited(rate_limit_scope(&headers, &json));
                Err(self.pacer.rate_limited(&route, &headers, &json).await)
            }
            _ => Err(DiscordError::Refused {
                status,
                code: json["code"].as_u64().map(DiscordCode::from_u64),
                message: json["message"]
                    .as_str()
                    .unwrap_or(&text)
                    .chars()
                    .take(200)
                    .collect(),
            }),
        }
    }
}

/// A 429's `X-RateLimit-Scope` (user, shared, global), from a fixed set; a
/// global one says so in its body even without the header.
fn rate_limit_scope(headers: &reqwest::header::HeaderMap, body: &Value) -> &'static str {
    let scope = headers
        .get("x-ratelimit-scope")
        .and_then(|v| v.to_str().ok());
    match scope {
        Some("global") => "global",
        Some("shared") => "shared",
        _ if body["global"].as_bool() == Some(true) => "global",
        _ => "user",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_429_counts_under_its_scope() {
        let with = |scope: &'static str| {
            let mut headers = reqwest::header::HeaderMap::new();
            headers.insert("x-ratelimit-scope", scope.parse().unwrap());
            headers
        };
        let none = reqwest::header::HeaderMap::new();
        assert_eq!(rate_limit_scope(&with("user"), &Value::Null), "user");
        assert_eq!(rate_limit_scope(&with("shared"), &Value::Null), "shared");
        assert_eq!(rate_limit_scope(&with("global"), &Value::Null), "global");
        let global = serde_json::json!({"global": true, "retry_after": 1.0});
        assert_eq!(rate_limit_scope(&none, &global), "global");
        assert_eq!(rate_limit_scope(&none, &Value::Null), "user");
        assert_eq!(rate_limit_scope(&with("nonsense"), &Value::Null), "user");
    }
}
