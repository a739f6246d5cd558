//! Twitch Helix and OAuth over reqwest: an app access token cached until it
//! expires (and fetched anew once on a 401), timeouts on every call, retries
//! with backoff on 5xx and on rate limits (a 429 with `Ratelimit-Remaining:
//! 0`, honouring `Ratelimit-Reset`), and Twitch's own error message in every
//! error. EventSub's other 429, a full subscription budget, is never retried.

use std::{sync::Arc, time::Duration};

use reqwest::{Method, StatusCode};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize, de::DeserializeOwned};
use tokio::sync::Mutex;

use super::types::{
    Channel, EventSubSubscription, FoundChannel, SearchedCategory, Stream, Team, User, Video,
};
use crate::ids::TwitchUserId;
use crate::{clock::Clock, config::TwitchConfig, metrics::Metrics};

/// Helix accepts up to 100 ids or logins per lookup.
pub const BATCH: usize = 100;
const ATTEMPTS: u32 = 3;
/// Never wait longer than this for a rate-limit reset inside one call.
const MAX_RATE_LIMIT_WAIT: Duration = Duration::from_secs(10);

#[derive(Debug, thiserror::Error)]
pub enum HelixError {
    /// Twitch answered with an error status; `message` is Twitch's own.
    #[error("Twitch answered {status}: {message}")]
    Api { status: u16, message: String },
    #[error("Twitch could not be reached")]
    Transport(#[from] reqwest::Error),
    #[error("unexpected answer from Twitch: {0}")]
    Decode(String),
    /// A 429 that is not a rate limit (`Ratelimit-Remaining` is not 0):
    /// Twitch refused a new subscription because the app's EventSub budget
    /// (`max_total_cost`) is spent. Waiting does not help; room does.
    #[error("Twitch's subscription budget is full: {0}")]
    BudgetFull(String),
    /// Helix's rate limit (`Ratelimit-Remaining: 0`) outlasted the retries.
    #[error("Twitch is rate limiting us: {0}")]
    RateLimited(String),
}

impl HelixError {
    pub fn status(&self) -> Option<u16> {
        match self {
            HelixError::Api { status, .. } => Some(*status),
            HelixError::RateLimited(_) | HelixError::BudgetFull(_) => Some(429),
            _ => None,
        }
    }
}

pub struct Helix {
    http: reqwest::Client,
    helix_url: String,
    oauth_url: String,
    client_id: String,
    client_secret: SecretString,
    token: Mutex<Option<AppToken>>,
    clock: Clock,
    metrics: Arc<Metrics>,
}

struct AppToken {
    access_token: SecretString,
    expires_at_ms: i64,
}

#[derive(Deserialize)]
struct TokenResponse {
    access_token: String,
    expires_in: i64,
}

/// Helix's list envelope; EventSub answers also carry the budget.
#[derive(Deserialize)]
struct Page<T> {
    data: Vec<T>,
    #[serde(default)]
    pagination: Pagination,
    #[serde(default)]
    total: Option<i64>,
    #[serde(default)]
    total_cost: Option<i64>,
    #[serde(default)]
    max_total_cost: Option<i64>,
}

impl<T> Page<T> {
    fn budget(&self) -> Option<BudgetReport> {
        Some(BudgetReport {
            total: self.total.unwrap_or_default(),
            total_cost: self.total_cost?,
            max_total_cost: self.max_total_cost?,
        })
    }
}

/// The EventSub budget as Twitch reports it with a list or a creation:
/// subscriptions, what they cost, and the most they may cost together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BudgetReport {
    pub total: i64,
    pub total_cost: i64,
    pub max_total_cost: i64,
}

/// Get EventSub Subscriptions: the subscriptions and the budget.
#[derive(Debug, Clone)]
pub struct SubscriptionList {
    pub subscriptions: Vec<EventSubSubscription>,
    pub budget: Option<BudgetReport>,
}

#[derive(Deserialize, Default)]
struct Pagination {
    cursor: Option<String>,
}

/// What Create EventSub Subscription asks for.
#[derive(Debug, Clone, Serialize)]
pub struct NewSubscription<'a> {
    #[serde(rename = "type")]
    pub sub_type: &'a str,
    pub version: &'a str,
    pub condition: Condition<'a>,
    pub transport: NewTransport<'a>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Condition<'a> {
    pub broadcaster_user_id: &'a TwitchUserId,
}

#[derive(Clone, Serialize)]
pub struct NewTransport<'a> {
    pub method: &'static str,
    pub callback: &'a str,
    /// The EventSub secret: sent to Twitch, never printed.
    pub secret: &'a str,
}

impl std::fmt::Debug for NewTransport<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewTransport")
            .field("method", &self.method)
            .field("callback", &self.callback)
            .field("secret", &"[REDACTED]")
            .finish()
    }
}

/// The outcome of creating a subscription.
#[derive(Debug)]
pub enum Created {
    New(EventSubSubscription),
    /// 409: a subscription with this type and condition already exists.
    AlreadyExists,
}

/// Which subscriptions to list (Twitch accepts one filter at a time).
#[derive(Debug, Clone, Copy)]
pub enum SubscriptionFilter<'a> {
    All,
    Status(&'a str),
    Type(&'a str),
    Broadcaster(&'a str),
}

impl Helix {
    pub fn new(
        config: &TwitchConfig,
        helix_url: &url::Url,
        oauth_url: &url::Url,
        clock: Clock,
    ) -> Self {
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(5))
            .timeout(Duration::from_secs(10))
            .user_agent(concat!("StreamMaxing/", env!("CARGO_PKG_VERSION")))
            .build()
            .unwrap_or_default();
        Self {
            http,
            helix_url: helix_url.as_str().trim_end_matches('/').to_owned(),
            oauth_url: oauth_url.as_str().trim_end_matches('/').to_owned(),
            client_id: config.client_id.clone(),
            client_secret: config.client_secret.clone(),
            token: Mutex::new(None),
            clock,
            metrics: Arc::default(),
        }
    }

    /// Counts its calls into `metrics` (by default, into counters of its own).
    #[must_use]
    pub fn with_metrics(mut self, metrics: Arc<Metrics>) -> Self {
        self.metrics = metrics;
        self
    }

    pub fn client_id(&self) -> &str {
        &self.client_id
    }

    pub fn oauth_url(&self) -> &str {
        &self.oauth_url
    }

    /// Exchanges an authorization code (the link page's OAuth callback) for
    /// a user access token.
    pub async fn exchange_code(
        &self,
        code: &str,
        redirect_uri: &str,
    ) -> Result<SecretString, HelixError> {
        let response = self
            .http
            .post(format!("{}/token", self.oauth_url))
            .form(&[
                ("client_id", self.client_id.as_str()),
                ("client_secret", self.client_secret.expose_secret()),
                ("code", code),
                ("grant_type", "authorization_code"),
                ("redirect_uri", redirect_uri),
            ])
            .send()
            .await?;
        if !response.status().is_success() {
            return Err(api_error(response).await);
        }
        let token: TokenResponse = decode(response).await?;
        Ok(SecretString::from(token.access_token))
    }

    /// The user a user access token belongs to.
    pub async fn user_for_token(&self, user_token: &SecretString) -> Result<User, HelixError> {
        let response = self
            .http
            .get(format!("{}/users", self.helix_url))
            .bearer_auth(user_token.expose_secret())
            .header("Client-Id", &self.client_id)
            .send()
            .await?;
        if !response.status().is_success() {
            return Err(api_error(response).await);
        }
        let page: Page<User> = decode(response).await?;
        page.data
            .into_iter()
            .next()
            .ok_or_else(|| HelixError::Decode("no user for that token".into()))
    }

    /// Get Users by login, batched; unknown logins are simply absent.
    pub async fn users_by_login(&self, logins: &[&str]) -> Result<Vec<User>, HelixError> {
        self.batched("users", "login", logins).await
    }

    /// Get Users by id, batched.
    pub async fn users_by_id(&self, ids: &[&str]) -> Result<Vec<User>, HelixError> {
        self.batched("users", "id", ids).await
    }

    /// Get Channel Information: title and game, reliable as soon as a stream starts.
    pub async fn channels(&self, broadcaster_ids: &[&str]) -> Result<Vec<Channel>, HelixError> {
        self.batched("channels", "broadcaster_id", broadcaster_ids)
            .await
    }

    /// Get Streams: live streams only, and often empty for the first minute.
    pub async fn streams(&self, user_ids: &[&str]) -> Result<Vec<Stream>, HelixError> {
        self.batched("streams", "user_id", user_ids).await
    }

    /// Search Categories: games and categories whose name matches `query`,
    /// best matches first (at most `first`).
    pub async fn search_categories(
        &self,
        query: &str,
        first: u8,
    ) -> Result<Vec<SearchedCategory>, HelixError> {
        let first = first.clamp(1, 100).to_string();
        let query = [("query", query), ("first", first.as_str())];
        let page: Page<SearchedCategory> = decode(
            self.send(Method::GET, "search/categories", &query, None)
                .await?,
        )
        .await?;
        Ok(page.data)
    }

    /// Search Channels: channels whose name matches `query`, live or not,
    /// in Twitch's order of relevance (at most `first`).
    pub async fn search_channels(
        &self,
        query: &str,
        first: u8,
    ) -> Result<Vec<FoundChannel>, HelixError> {
        let first = first.clamp(1, 100).to_string();
        let query = [("query", query), ("first", first.as_str())];
        let page: Page<FoundChannel> = decode(
            self.send(Method::GET, "search/channels", &query, None)
                .await?,
        )
        .await?;
        Ok(page.data)
    }

    /// Get Teams by name: the team and its members, or `None` when Twitch
    /// knows no team of that name.
    pub async fn team(&self, name: &str) -> Result<Option<Team>, HelixError> {
        let response = match self
            .send(Method::GET, "teams", &[("name", name)], None)
            .await
        {
            Ok(response) => response,
            // Twitch answers an unknown team with 404 (or 400 for a name it can't parse).
            Err(HelixError::Api {
                status: 404 | 400, ..
            }) => return Ok(None),
            Err(e) => return Err(e),
        };
        let page: Page<Team> = decode(response).await?;
        Ok(page.data.into_iter().next())
    }

    /// The broadcaster's most recent VOD (archive), if Twitch keeps one.
    pub async fn latest_archive(&self, user_id: &str) -> Result<Option<Video>, HelixError> {
        let query = [("user_id", user_id), ("type", "archive"), ("first", "1")];
        let page: Page<Video> =
            decode(self.send(Method::GET, "videos", &query, None).await?).await?;
        Ok(page.data.into_iter().next())
    }

    pub async fn create_subscription(
        &self,
        new: &NewSubscription<'_>,
    ) -> Result<Created, HelixError> {
        Ok(self.create_subscription_reporting(new).await?.0)
    }

    /// Creates a subscription; with a new one, the budget Twitch reported.
    /// Past the budget this is [`HelixError::BudgetFull`], never retried.
    pub async fn create_subscription_reporting(
        &self,
        new: &NewSubscription<'_>,
    ) -> Result<(Created, Option<BudgetReport>), HelixError> {
        let body = serde_json::to_value(new).map_err(|e| HelixError::Decode(e.to_string()))?;
        match self
            .send(Method::POST, "eventsub/subscriptions", &[], Some(&body))
            .await
        {
            Ok(response) => {
                let page: Page<EventSubSubscription> = decode(response).await?;
                let budget = page.budget();
                let sub = page.data.into_iter().next().ok_or_else(|| {
                    HelixError::Decode("subscription missing from 202 answer".into())
                })?;
                Ok((Created::New(sub), budget))
            }
            Err(HelixError::Api { status: 409, .. }) => Ok((Created::AlreadyExists, None)),
            Err(HelixError::Api {
                status: 429,
                message,
            }) => Err(HelixError::BudgetFull(message)),
            Err(e) => Err(e),
        }
    }

    /// Every subscription matching `filter`, following pagination.
    pub async fn subscriptions(
        &self,
        filter: SubscriptionFilter<'_>,
    ) -> Result<Vec<EventSubSubscription>, HelixError> {
        Ok(self.subscription_list(filter).await?.subscriptions)
    }

    /// Every subscription matching `filter`, and the budget (which is the
    /// whole app's, whatever the filter).
    pub async fn subscription_list(
        &self,
        filter: SubscriptionFilter<'_>,
    ) -> Result<SubscriptionList, HelixError> {
        let mut query: Vec<(&str, String)> = match filter {
            SubscriptionFilter::All => vec![],
            SubscriptionFilter::Status(s) => vec![("status", s.into())],
            SubscriptionFilter::Type(t) => vec![("type", t.into())],
            SubscriptionFilter::Broadcaster(id) => vec![("user_id", id.into())],
        };
        let mut all = Vec::new();
        let mut budget = None;
        // A bound on pages guards against a cursor that never ends.
        for _ in 0..1_000 {
            let pairs: Vec<(&str, &str)> = query.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let page: Page<EventSubSubscription> = decode(
                self.send(Method::GET, "eventsub/subscriptions", &pairs, None)
                    .await?,
            )
            .await?;
            budget = page.budget().or(budget);
            all.extend(page.data);
            match page.pagination.cursor.filter(|c| !c.is_empty()) {
                Some(cursor) => {
                    query.retain(|(k, _)| *k != "after");
                    query.push(("after", cursor));
                }
                None => {
                    return Ok(SubscriptionList {
                        subscriptions: all,
                        budget,
                    });
                }
            }
        }
        Err(HelixError::Decode(
            "subscription list did not end after 1000 pages".into(),
        ))
    }

    /// Deletes a subscription; false when Twitch no longer had it.
    pub async fn delete_subscription(&self, id: &str) -> Result<bool, HelixError> {
        match self
            .send(
                Method::DELETE,
                "eventsub/subscriptions",
                &[("id", id)],
                None,
            )
            .await
        {
            Ok(_) => Ok(true),
            Err(HelixError::Api { status: 404, .. }) => Ok(false),
            Err(e) => Err(e),
        }
    }

    async fn batched<T: DeserializeOwned>(
        &self,
        path: &str,
        key: &str,
        values: &[&str],
    ) -> Result<Vec<T>, HelixError> {
        let mut all = Vec::with_capacity(values.len());
        for chunk in values.chunks(BATCH) {
            let mut query: Vec<(&str, &str)> = chunk.iter().map(|v| (key, *v)).collect();
            if path == "streams" {
                query.push(("first", "100"));
            }
            let page: Page<T> = decode(self.send(Method::GET, path, &query, None).await?).await?;
            all.extend(page.data);
        }
        Ok(all)
    }

    /// Sends one Helix request with the app token, renewing the token once
    /// on 401 and retrying transient failures; counted by endpoint family.
    async fn send(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, &str)],
        body: Option<&serde_json::Value>,
    ) -> Result<reqwest::Response, HelixError> {
        let result = self.send_uncounted(method, path, query, body).await;
        self.metrics.helix(endpoint_family(path), result.is_err());
        result
    }

    async fn send_uncounted(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, &str)],
        body: Option<&serde_json::Value>,
    ) -> Result<reqwest::Response, HelixError> {
        let url = format!("{}/{path}", self.helix_url);
        let mut renewed = false;
        let mut attempt = 0;
        loop {
            attempt += 1;
            let token = self.app_token().await?;
            let mut request = self
                .http
                .request(method.clone(), &url)
                .query(query)
                .bearer_auth(token.expose_secret())
                .header("Client-Id", &self.client_id);
            if let Some(body) = body {
                request = request.json(body);
            }
            let response = match request.send().await {
                Ok(response) => response,
                Err(e)
                    if attempt < ATTEMPTS
                        && (e.is_connect() || e.is_timeout() || e.is_request()) =>
                {
                    tokio::time::sleep(backoff(attempt)).await;
                    continue;
                }
                Err(e) => return Err(e.into()),
            };
            let status = response.status();
            if status == StatusCode::UNAUTHORIZED && !renewed {
                renewed = true;
                attempt -= 1;
                self.forget_token(&token).await;
                continue;
            }
            // Only a 429 that says the rate limit is spent is one; EventSub
            // answers 429 for a full budget too, and waiting won't fix that.
            if attempt < ATTEMPTS
                && status == StatusCode::TOO_MANY_REQUESTS
                && rate_limited(&response)
            {
                tokio::time::sleep(self.rate_limit_wait(&response, attempt)).await;
                continue;
            }
            if attempt < ATTEMPTS && status.is_server_error() {
                tokio::time::sleep(backoff(attempt)).await;
                continue;
            }
            if status.is_success() {
                return Ok(response);
            }
            if status == StatusCode::TOO_MANY_REQUESTS && rate_limited(&response) {
                return Err(match api_error(response).await {
                    HelixError::Api { message, .. } => HelixError::RateLimited(message),
                    other => other,
                });
            }
            return Err(api_error(response).await);
        }
    }

    /// How long until `Ratelimit-Reset` (Unix seconds), within bounds.
    fn rate_limit_wait(&self, response: &reqwest::Response, attempt: u32) -> Duration {
        let reset_ms = response
            .headers()
            .get("ratelimit-reset")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<i64>().ok())
            .map(|secs| secs * 1000 - self.clock.now_ms());
        match reset_ms {
            Some(ms) => Duration::from_millis(u64::try_from(ms.max(0)).unwrap_or(0))
                .min(MAX_RATE_LIMIT_WAIT),
            None => backoff(attempt),
        }
    }

    /// The cached app token, or a new one (one fetch at a time).
    async fn app_token(&self) -> Result<SecretString, HelixError> {
        let mut cached = self.token.lock().await;
        if let Some(token) = cached
            .as_ref()
            .filter(|t| t.expires_at_ms > self.clock.now_ms())
        {
            return Ok(token.access_token.clone());
        }
        let response = self
            .http
            .post(format!("{}/token", self.oauth_url))
            .form(&[
                ("client_id", self.client_id.as_str()),
                ("client_secret", self.client_secret.expose_secret()),
                ("grant_type", "client_credentials"),
            ])
            .send()
            .await?;
        if !response.status().is_success() {
            return Err(api_error(response).await);
        }
        let token: TokenResponse = decode(response).await?;
        // Renew a minute early so a token never expires mid-request.
        let expires_at_ms = self.clock.now_ms() + (token.expires_in - 60).max(0) * 1000;
        let access_token = SecretString::from(token.access_token);
        *cached = Some(AppToken {
            access_token: access_token.clone(),
            expires_at_ms,
        });
        Ok(access_token)
    }

    /// Drops the cached token if it is still the one that was refused (a
    /// concurrent request may already have renewed it).
    async fn forget_token(&self, refused: &SecretString) {
        let mut cached = self.token.lock().await;
        if cached
            .as_ref()
            .is_some_and(|t| t.access_token.expose_secret() == refused.expose_secret())
        {
            *cached = None;
        }
    }
}

/// The first segment of a Helix path, from a fixed set (a metric label).
fn endpoint_family(path: &str) -> &'static str {
    match path.split('/').next().unwrap_or_default() {
        "users" => "users",
        "channels" => "channels",
        "streams" => "streams",
        "search" => "search",
        "teams" => "teams",
        "videos" => "videos",
        "eventsub" => "eventsub",
        _ => "other",
    }
}

/// A real Helix rate limit: a 429 with `Ratelimit-Remaining: 0`.
fn rate_limited(response: &reqwest::Response) -> bool {
    response
        .headers()
        .get("ratelimit-remaining")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim() == "0")
}

/// Exponential backoff with jitter: about 250 ms, 500 ms, 1 s, …
pub fn backoff(attempt: u32) -> Duration {
    let base = 250u64 << attempt.saturating_sub(1).min(6);
    Duration::from_millis(base / 2 + fastrand::u64(0..=base / 2))
}

async fn decode<T: DeserializeOwned>(response: reqwest::Response) -> Result<T, HelixError> {
    let bytes = response.bytes().await?;
    serde_json::from_slice(&bytes).map_err(|e| HelixError::Decode(e.to_string()))
}

/// Twitch errors look like `{"error":"Conflict","status":409,"message":"…"}`.
async fn api_error(response: reqwest::Response) -> HelixError {
    #[derive(Deserialize)]
    struct Body {
        error: Option<String>,
        message: Option<String>,
    }
    let status = response.status().as_u16();
    let text = response.text().await.unwrap_or_default();
    let message = match serde_json::from_str::<Body>(&text) {
        Ok(Body {
            message: Some(m), ..
        }) if !m.is_empty() => m,
        Ok(Body { error: Some(e), .. }) => e,
        _ => text.chars().take(200).collect(),
    };
    HelixError::Api { status, message }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calls_count_under_a_fixed_set_of_endpoint_families() {
        assert_eq!(endpoint_family("streams"), "streams");
        assert_eq!(endpoint_family("eventsub/subscriptions"), "eventsub");
        assert_eq!(endpoint_family("search/channels"), "search");
        assert_eq!(endpoint_family("anything/else"), "other");
    }

    #[test]
    fn backoff_grows_and_stays_bounded() {
        for attempt in 1..10 {
            let base = 250u64 << (attempt - 1).min(6);
            let wait = backoff(attempt).as_millis() as u64;
            assert!(
                (base / 2..=base).contains(&wait),
                "attempt {attempt}: {wait} ms"
            );
        }
    }

    #[test]
    fn a_new_subscription_prints_without_its_secret() {
        let new = NewSubscription {
            sub_type: "stream.online",
            version: "1",
            condition: Condition {
                broadcaster_user_id: &crate::ids::TwitchUserId::from("1"),
            },
            transport: NewTransport {
                method: "webhook",
                callback: "https://example.com/webhooks/twitch",
                secret: "eventsub-secret-value",
            },
        };
        let printed = format!("{new:?}");
        assert!(!printed.contains("eventsub-secret-value"), "{printed}");
        assert!(printed.contains("https://example.com/webhooks/twitch"));
        let sent = serde_json::to_value(&new).unwrap();
        assert_eq!(sent["transport"]["secret"], "eventsub-secret-value");
    }
}
