//! `TestApp`: the real router served on a local port, a fresh database,
//! and stand-ins for Twitch and Discord, with one method per thing
//! a user or platform does.

use std::{sync::Arc, time::Duration};

use serde_json::{Value, json};
use streammaxing::{AppState, app, clock::Clock, config::Config, twitch::signature};
use tokio::task::JoinHandle;

use super::{
    db::TestDb,
    discord::{APP_ID, DiscordStandIn},
    sf, tw,
    twitch::{self as twitch_stand_in, TwitchStandIn},
};

pub const EVENTSUB_SECRET: &str = "s3cr3t-eventsub-for-tests";
pub const APP_SECRET: &str = "test-app-secret-0123456789abcdef0123456789";

/// The key the tests sign interactions with, as Discord signs with its own.
pub fn discord_signing_key() -> ed25519_dalek::SigningKey {
    ed25519_dalek::SigningKey::from_bytes(&[42u8; 32])
}

pub struct TestApp {
    pub state: AppState,
    pub url: String,
    pub db: Arc<TestDb>,
    pub twitch: TwitchStandIn,
    pub discord: DiscordStandIn,
    server: JoinHandle<()>,
}

/// Stops the delivery worker when the server task ends.
struct AbortOnDrop(JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.server.abort();
    }
}

/// How the test app's privacy policy and terms say to reach its operator.
pub const OPERATOR_CONTACT: &str = "privacy@example.com";

/// The bearer token the test app's `GET /metrics` asks for.
pub const METRICS_TOKEN: &str = "test-metrics-token";

/// Configuration variables for an app whose platforms are the stand-ins.
pub fn vars(
    twitch: &TwitchStandIn,
    discord: &DiscordStandIn,
    public_url: &str,
) -> Vec<(String, String)> {
    [
        ("DISCORD_APPLICATION_ID", APP_ID.to_string()),
        (
            "DISCORD_PUBLIC_KEY",
            hex::encode(discord_signing_key().verifying_key().to_bytes()),
        ),
        ("DISCORD_BOT_TOKEN", "test-bot-token".to_owned()),
        ("DISCORD_API_URL", discord.url.clone()),
        ("APP_SECRET", APP_SECRET.to_owned()),
        ("PUBLIC_URL", public_url.to_owned()),
        ("TWITCH_CLIENT_ID", twitch_stand_in::CLIENT_ID.to_owned()),
        (
            "TWITCH_CLIENT_SECRET",
            twitch_stand_in::CLIENT_SECRET.to_owned(),
        ),
        ("TWITCH_EVENTSUB_SECRET", EVENTSUB_SECRET.to_owned()),
        ("TWITCH_HELIX_URL", twitch.helix_url()),
        ("TWITCH_OAUTH_URL", twitch.oauth_url()),
        ("OPERATOR_CONTACT", OPERATOR_CONTACT.to_owned()),
        ("METRICS_TOKEN", METRICS_TOKEN.to_owned()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect()
}

impl TestApp {
    pub async fn start(db: TestDb) -> Self {
        let twitch = TwitchStandIn::start().await;
        let discord = DiscordStandIn::start().await;
        Self::start_with(Arc::new(db), twitch, discord).await
    }

    /// Another instance over the same database and stand-ins, as after a
    /// restart or beside a concurrent instance.
    pub async fn start_with(
        db: Arc<TestDb>,
        twitch: TwitchStandIn,
        discord: DiscordStandIn,
    ) -> Self {
        Self::start_with_clock(db, twitch, discord, Clock::system()).await
    }

    /// An app whose clock the test holds (`Clock::manual`) and moves.
    pub async fn start_at(db: TestDb, clock: Clock) -> Self {
        let twitch = TwitchStandIn::start().await;
        let discord = DiscordStandIn::start().await;
        Self::start_with_clock(Arc::new(db), twitch, discord, clock).await
    }

    /// An app with no delivery worker of its own: the test plays every
    /// worker itself (claims, leases, `deliver_due`), with nothing racing it.
    pub async fn start_without_worker(db: TestDb) -> Self {
        let twitch = TwitchStandIn::start().await;
        let discord = DiscordStandIn::start().await;
        Self::start_inner(Arc::new(db), twitch, discord, Clock::system(), false).await
    }

    async fn start_with_clock(
        db: Arc<TestDb>,
        twitch: TwitchStandIn,
        discord: DiscordStandIn,
        clock: Clock,
    ) -> Self {
        Self::start_inner(db, twitch, discord, clock, true).await
    }

    async fn start_inner(
        db: Arc<TestDb>,
        twitch: TwitchStandIn,
        discord: DiscordStandIn,
        clock: Clock,
        with_worker: bool,
    ) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind app");
        let url = format!("http://{}", listener.local_addr().expect("address"));
        let vars = vars(&twitch, &discord, &url);
        let config =
            Config::from_vars(|name| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()))
                .expect("test configuration");
        let state = AppState::new(config, db.db.clone(), clock);
        let router = app(state.clone());
        let worker = tokio::spawn({
            let state = state.clone();
            async move {
                if with_worker {
                    streammaxing::delivery::run_forever(state).await;
                }
            }
        });
        let server = tokio::spawn(async move {
            let _ = axum::serve(listener, router).await;
        });
        let server = tokio::spawn(async move {
            let _guard = AbortOnDrop(worker);
            let _ = server.await;
        });
        Self {
            state,
            url,
            db,
            twitch,
            discord,
            server,
        }
    }

    /// Posts an interaction signed exactly as Discord signs it; returns the
    /// status and the JSON answer (Null when the body is not JSON).
    pub async fn interaction(&self, body: &Value) -> (u16, Value) {
        post_interaction(&self.url, body).await
    }

    /// Posts to a Discord-signed endpoint with the given signature headers.
    pub async fn post_signed(
        &self,
        path: &str,
        signature: &str,
        timestamp: &str,
        body: String,
    ) -> reqwest::Response {
        reqwest::Client::new()
            .post(format!("{}{path}", self.url))
            .header("Content-Type", "application/json")
            .header("X-Signature-Ed25519", signature)
            .header("X-Signature-Timestamp", timestamp)
            .body(body)
            .timeout(Duration::from_secs(10))
            .send()
            .await
            .expect("signed request")
    }

    /// Waits for deferred work (interaction follow-ups) to finish.
    pub async fn settle(&self) {
        tokio::time::timeout(Duration::from_secs(10), self.state.background.idle())
            .await
            .expect("background work finished");
    }

    /// The answer a member sees: the immediate reply, or for a deferred
    /// one the reply it was edited into (as `{"type": 4, "data": …}`,
    /// with the deferral's flags).
    pub async fn answer(&self, body: &Value) -> (u16, Value) {
        let (status, reply) = self.interaction(body).await;
        if reply["type"] != 5 {
            return (status, reply);
        }
        let before = self.discord.calls("PATCH", "/messages/@original").len();
        self.settle().await;
        let calls = self.discord.calls("PATCH", "/messages/@original");
        assert!(calls.len() > before, "the deferred reply was delivered");
        let mut data = calls[calls.len() - 1].body.clone();
        data["flags"] = reply["data"]["flags"].clone();
        (status, serde_json::json!({"type": 4, "data": data}))
    }

    /// Guilds tracking a streamer, set up directly in the store.
    pub async fn track(&self, guilds: &[i64], twitch_id: &str, login: &str) {
        let twitch_id = &tw(twitch_id);
        let streamer = streammaxing::store::NewStreamer {
            twitch_id,
            login,
            display_name: login,
            avatar_url: None,
        };
        self.db
            .upsert_streamer(&streamer, 1)
            .await
            .expect("streamer");
        for guild in guilds {
            self.db
                .ensure_guild(sf(*guild), None, 1)
                .await
                .expect("guild");
            self.db
                .track_streamer(sf(*guild), twitch_id, None, 1)
                .await
                .expect("track");
        }
    }

    /// Scrapes `GET /metrics` as Prometheus would, and reads it.
    pub async fn metrics(&self) -> streammaxing::metrics::exposition::Exposition {
        let response = reqwest::Client::new()
            .get(format!("{}/metrics", self.url))
            .bearer_auth(METRICS_TOKEN)
            .timeout(Duration::from_secs(10))
            .send()
            .await
            .expect("scrape");
        assert_eq!(response.status(), 200, "scrape with the token");
        let text = response.text().await.expect("exposition");
        assert!(
            text.ends_with("# EOF\n"),
            "an OpenMetrics exposition ends so: {text}"
        );
        streammaxing::metrics::exposition::parse(&text).expect("a valid exposition")
    }

    /// Posts an EventSub message signed exactly as Twitch signs it.
    pub async fn eventsub(
        &self,
        message_type: &str,
        message_id: &str,
        body: &str,
    ) -> reqwest::Response {
        let timestamp = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Nanos, true);
        self.eventsub_at(message_type, message_id, &timestamp, body)
            .await
    }

    pub async fn eventsub_at(
        &self,
        message_type: &str,
        message_id: &str,
        timestamp: &str,
        body: &str,
    ) -> reqwest::Response {
        let signature = signature::sign(
            EVENTSUB_SECRET.as_bytes(),
            message_id,
            timestamp,
            body.as_bytes(),
        );
        self.post_eventsub(
            &[
                ("Twitch-Eventsub-Message-Id", message_id),
                ("Twitch-Eventsub-Message-Retry", "0"),
                ("Twitch-Eventsub-Message-Type", message_type),
                ("Twitch-Eventsub-Message-Signature", &signature),
                ("Twitch-Eventsub-Message-Timestamp", timestamp),
                ("Twitch-Eventsub-Subscription-Type", "stream.online"),
                ("Twitch-Eventsub-Subscription-Version", "1"),
            ],
            body.to_owned(),
        )
        .await
    }

    /// Posts to the EventSub endpoint with exactly these headers.
    pub async fn post_eventsub(&self, headers: &[(&str, &str)], body: String) -> reqwest::Response {
        let mut request = reqwest::Client::new()
            .post(format!("{}/webhooks/twitch", self.url))
            .header("Content-Type", "application/json")
            .timeout(Duration::from_secs(10));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        request.body(body).send().await.expect("EventSub request")
    }

    /// A `stream.online` notification, shaped like twitch-cli's.
    pub async fn twitch_online(
        &self,
        message_id: &str,
        broadcaster: &str,
        stream_id: &str,
    ) -> reqwest::Response {
        self.eventsub("notification", message_id, &notification("stream.online", "1", broadcaster, json!({
            "id": stream_id,
            "broadcaster_user_id": broadcaster,
            "broadcaster_user_login": "shroud",
            "broadcaster_user_name": "shroud",
            "type": "live",
            "started_at": chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Nanos, true),
        })))
        .await
    }
}

/// Posts an interaction to the service at `base_url`, signed exactly as
/// Discord signs it; returns the status and the JSON answer.
pub async fn post_interaction(base_url: &str, body: &Value) -> (u16, Value) {
    try_post_interaction(base_url, body)
        .await
        .expect("interaction request")
}

/// [`post_interaction`], with a failed request (connection refused or
/// dropped, timeout) as an error.
pub async fn try_post_interaction(base_url: &str, body: &Value) -> reqwest::Result<(u16, Value)> {
    use ed25519_dalek::Signer;
    let body = body.to_string();
    let timestamp = chrono::Utc::now().timestamp().to_string();
    let signature = discord_signing_key().sign(format!("{timestamp}{body}").as_bytes());
    let response = reqwest::Client::new()
        .post(format!("{base_url}/interactions"))
        .header("Content-Type", "application/json")
        .header("X-Signature-Ed25519", hex::encode(signature.to_bytes()))
        .header("X-Signature-Timestamp", timestamp)
        .body(body)
        .timeout(Duration::from_secs(10))
        .send()
        .await?;
    let status = response.status().as_u16();
    Ok((status, response.json().await.unwrap_or(Value::Null)))
}

/// Posts an EventSub notification to the service at `base_url`, signed as
/// Twitch signs it; returns the status.
pub async fn signed_eventsub(base_url: &str, message_id: &str, body: &str) -> u16 {
    let timestamp = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Nanos, true);
    let signature = signature::sign(
        EVENTSUB_SECRET.as_bytes(),
        message_id,
        &timestamp,
        body.as_bytes(),
    );
    reqwest::Client::new()
        .post(format!("{base_url}/webhooks/twitch"))
        .header("Content-Type", "application/json")
        .header("Twitch-Eventsub-Message-Id", message_id)
        .header("Twitch-Eventsub-Message-Retry", "0")
        .header("Twitch-Eventsub-Message-Type", "notification")
        .header("Twitch-Eventsub-Message-Signature", signature)
        .header("Twitch-Eventsub-Message-Timestamp", timestamp)
        .body(body.to_owned())
        .send()
        .await
        .expect("EventSub request")
        .status()
        .as_u16()
}

/// An EventSub revocation body: the subscription, its status the reason.
pub fn revocation(sub: &streammaxing::store::Subscription, reason: &str) -> String {
    json!({
        "subscription": {
            "id": sub.subscription_id,
            "status": reason,
            "type": sub.sub_type,
            "version": sub.version,
            "cost": sub.cost,
            "condition": {"broadcaster_user_id": sub.twitch_id},
            "transport": {"method": "webhook", "callback": "https://example.com/webhooks/twitch"},
            "created_at": "2026-11-26T12:00:00.000000000Z"
        }
    })
    .to_string()
}

/// An EventSub notification body.
pub fn notification(sub_type: &str, version: &str, broadcaster: &str, event: Value) -> String {
    json!({
        "subscription": {
            "id": "f1c2a387-161a-49f9-a165-0f21d7a4e1c4",
            "status": "enabled",
            "type": sub_type,
            "version": version,
            "condition": {"broadcaster_user_id": broadcaster},
            "transport": {"method": "webhook", "callback": "null"},
            "created_at": "2026-11-26T12:00:00.000000000Z",
            "cost": 0
        },
        "event": event
    })
    .to_string()
}
