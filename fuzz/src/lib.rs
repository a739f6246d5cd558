//! What the fuzz targets share: the real router (`streammaxing::app`) over
//! an in-memory SQLite database, driven in-process with `tower::oneshot`.
//! Discord and Twitch point at a local stand-in that answers every call
//! with a 400, so handlers that call out fail at once instead of retrying.
//!
//! One harness per process, built on first use. The database is replaced
//! every [`FRESH_DB_EVERY`] requests so memory stays flat over long runs.

use std::{sync::Mutex, time::Duration};

use axum::{
    Json, Router,
    body::Body,
    http::{Request, StatusCode},
};
use ed25519_dalek::{Signer, SigningKey};
use http_body_util::BodyExt;
use streammaxing::{
    AppState, app,
    clock::Clock,
    config::Config,
    store::{Db, PoolSettings},
};
use tokio::runtime::Runtime;
use tower::ServiceExt;

/// The harness clock stands still here: 2026-11-27T00:00:00Z.
pub const NOW_MS: i64 = 1_795_737_600_000;
/// `NOW_MS` as Discord's `X-Signature-Timestamp` (Unix seconds).
pub const DISCORD_TIMESTAMP: &str = "1795737600";
/// `NOW_MS` as Twitch's `Twitch-Eventsub-Message-Timestamp`.
pub const TWITCH_TIMESTAMP: &str = "2026-11-27T00:00:00.123456789Z";
pub const EVENTSUB_SECRET: &str = "fuzz-eventsub-secret-0123456789";
/// Requests served before the database is replaced by a fresh one.
pub const FRESH_DB_EVERY: u32 = 5_000;
/// Deferred work (interaction follow-ups) must finish within this.
const BACKGROUND_LIMIT: Duration = Duration::from_secs(5);

/// The key interactions are signed with; its public half is configured.
pub fn discord_key() -> SigningKey {
    SigningKey::from_bytes(&[42u8; 32])
}

/// `X-Signature-Ed25519` for `timestamp ‖ body`, as Discord computes it.
pub fn discord_signature(timestamp: &str, body: &[u8]) -> String {
    let mut message = timestamp.as_bytes().to_vec();
    message.extend_from_slice(body);
    hex::encode(discord_key().sign(&message).to_bytes())
}

pub struct Harness {
    rt: Runtime,
    stand_in: String,
    app: Option<(AppState, Router)>,
    served: u32,
}

/// Runs `f` with the process's harness, building it on first use.
pub fn with_harness<T>(f: impl FnOnce(&mut Harness) -> T) -> T {
    static HARNESS: Mutex<Option<Harness>> = Mutex::new(None);
    let mut guard = HARNESS.lock().unwrap_or_else(|e| e.into_inner());
    f(guard.get_or_insert_with(Harness::new))
}

impl Harness {
    fn new() -> Self {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("tokio runtime");
        let stand_in = rt.block_on(start_stand_in());
        Self {
            rt,
            stand_in,
            app: None,
            served: 0,
        }
    }

    /// Sends one request through the router; waits for the work it left
    /// running after the response. Returns the status and body.
    pub fn send(&mut self, request: Request<Body>) -> (StatusCode, Vec<u8>) {
        if self.app.is_none() || self.served >= FRESH_DB_EVERY {
            self.app = Some(self.rt.block_on(build_app(&self.stand_in)));
            self.served = 0;
        }
        self.served += 1;
        let (state, router) = self.app.clone().expect("app built above");
        self.rt.block_on(async move {
            let response = router.oneshot(request).await.expect("infallible");
            let status = response.status();
            let body = response
                .into_body()
                .collect()
                .await
                .map(|b| b.to_bytes().to_vec())
                .unwrap_or_default();
            let settled = tokio::time::timeout(BACKGROUND_LIMIT, state.background.idle()).await;
            assert!(settled.is_ok(), "background work still running after 5 s");
            (status, body)
        })
    }
}

fn vars(stand_in: &str) -> Vec<(&'static str, String)> {
    vec![
        ("DATABASE_URL", "sqlite::memory:".to_owned()),
        ("DISCORD_APPLICATION_ID", "1000000000000000001".to_owned()),
        (
            "DISCORD_PUBLIC_KEY",
            hex::encode(discord_key().verifying_key().to_bytes()),
        ),
        ("DISCORD_BOT_TOKEN", "fuzz-bot-token".to_owned()),
        ("DISCORD_API_URL", stand_in.to_owned()),
        ("DISCORD_GLOBAL_RATE_LIMIT", "0".to_owned()),
        ("APP_SECRET", "fuzz-app-secret-0123456789abcdef0123456789".to_owned()),
        ("PUBLIC_URL", "http://localhost:3000".to_owned()),
        ("TWITCH_CLIENT_ID", "fuzz-client-id".to_owned()),
        ("TWITCH_CLIENT_SECRET", "fuzz-client-secret".to_owned()),
        ("TWITCH_EVENTSUB_SECRET", EVENTSUB_SECRET.to_owned()),
        ("TWITCH_HELIX_URL", format!("{stand_in}/helix")),
        ("TWITCH_OAUTH_URL", format!("{stand_in}/oauth2")),
    ]
}

async fn build_app(stand_in: &str) -> (AppState, Router) {
    let vars = vars(stand_in);
    let config = Config::from_vars(|name| {
        vars.iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.clone())
    })
    .expect("fuzz configuration");
    let db = Db::connect(&config.database_url, PoolSettings::SERVER)
        .await
        .expect("in-memory database");
    db.migrate().await.expect("migrations");
    let state = AppState::new(config, db, Clock::manual(NOW_MS));
    let router = app(state.clone());
    (state, router)
}

/// Discord and Twitch as seen by a bot whose every call is refused.
async fn start_stand_in() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind stand-in");
    let url = format!("http://{}", listener.local_addr().expect("address"));
    let refuse = Router::new().fallback(|| async {
        (
            StatusCode::BAD_REQUEST,
            Json(serde_json::json!({"code": 50035, "message": "fuzz stand-in", "status": 400})),
        )
    });
    tokio::spawn(async move {
        let _ = axum::serve(listener, refuse).await;
    });
    url
}

/// Splits `data` at the first `\n`: (line, rest). No newline: (data, "").
pub fn take_line(data: &[u8]) -> (&[u8], &[u8]) {
    match data.iter().position(|&b| b == b'\n') {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[]),
    }
}

/// The status must never be a server error for anything a caller sends.
pub fn assert_not_5xx(status: StatusCode, body: &[u8], what: &str) {
    assert!(
        !status.is_server_error(),
        "{what}: {status} {}",
        String::from_utf8_lossy(body)
    );
}
