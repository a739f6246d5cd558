//! A local stand-in for Twitch's Helix and OAuth APIs. Like Twitch, it
//! issues app tokens, refuses stale ones with 401, pages lists, answers 409
//! for a duplicate subscription, and, when a subscription is created, sends
//! the signed challenge to the callback and enables the subscription only if
//! the answer is right. Like Twitch, it keeps an EventSub budget: each
//! subscription costs 1, or 0 when its broadcaster authorized the app, and a
//! creation past `max_total_cost` is refused with a 429 that is not a rate
//! limit (`Ratelimit-Remaining` is not 0). Tests can queue failures (5xx,
//! 429 with `Ratelimit-Reset`) and read back every request.

use std::{
    collections::{HashSet, VecDeque},
    sync::{Arc, Mutex},
    time::{Duration, Instant, SystemTime, UNIX_EPOCH},
};

use axum::{
    Form, Json, Router,
    extract::{RawQuery, State},
    http::{HeaderMap, Method, StatusCode, Uri},
    response::{IntoResponse, Response},
    routing::{get, post},
};
use serde_json::{Value, json};
use streammaxing::twitch::signature;

pub const CLIENT_ID: &str = "test-client-id";
pub const CLIENT_SECRET: &str = "test-client-secret";

#[derive(Debug, Clone)]
pub enum Failure {
    Status(u16),
    /// 429 with `Ratelimit-Reset` this far in the future.
    RateLimited(Duration),
}

#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: Method,
    pub path: String,
    pub query: String,
    pub at: Instant,
}

#[derive(Default)]
pub struct World {
    pub users: Vec<Value>,
    pub channels: Vec<Value>,
    pub streams: Vec<Value>,
    pub videos: Vec<Value>,
    pub subscriptions: Vec<Value>,
    pub valid_tokens: HashSet<String>,
    pub tokens_issued: u32,
    pub token_expires_in: i64,
    pub page_size: usize,
    pub failures: VecDeque<Failure>,
    /// Failures for requests whose path contains the key, in order.
    pub path_failures: Vec<(String, Failure)>,
    pub requests: Vec<Recorded>,
    /// Broadcasters who authorised the app: their subscriptions cost 0.
    pub authorized: HashSet<String>,
    next_id: u32,
    /// The user who consents on the authorize page (None: they cancel).
    pub consenting_user: Option<String>,
    /// Authorization codes and user tokens → user id.
    pub codes: std::collections::HashMap<String, (String, String)>,
    pub user_tokens: std::collections::HashMap<String, String>,
    /// Seconds a Get Streams call takes (to test that nothing waits on it).
    pub streams_delay: Duration,
    /// The most all subscriptions may cost together (Twitch: 10,000).
    pub max_total_cost: i64,
    /// Twitch Teams (as Get Teams returns them).
    pub teams: Vec<Value>,
    /// How long a Search Channels call takes.
    pub search_delay: Duration,
    /// What happened to subscriptions, in order: `created <id> cost <n>`,
    /// `enabled <id>`, `deleted <id>`, `refused <type> <broadcaster>`.
    pub journal: Vec<String>,
}

impl World {
    fn total_cost(&self) -> i64 {
        self.subscriptions
            .iter()
            .map(|s| s["cost"].as_i64().unwrap_or(0))
            .sum()
    }
}

#[derive(Clone)]
pub struct TwitchStandIn {
    pub url: String,
    pub world: Arc<Mutex<World>>,
}

impl TwitchStandIn {
    pub async fn start() -> Self {
        let world = Arc::new(Mutex::new(World {
            token_expires_in: 3600,
            page_size: 100,
            max_total_cost: 10_000,
            ..World::default()
        }));
        let router = Router::new()
            .route("/oauth2/token", post(token))
            .route("/oauth2/authorize", get(authorize))
            .route("/helix/users", get(users))
            .route("/helix/channels", get(channels))
            .route("/helix/streams", get(streams))
            .route("/helix/videos", get(videos))
            .route("/helix/search/channels", get(search_channels))
            .route("/helix/teams", get(teams))
            .route(
                "/helix/eventsub/subscriptions",
                post(create).get(list).delete(delete),
            )
            .with_state(world.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind stand-in");
        let url = format!("http://{}", listener.local_addr().expect("address"));
        tokio::spawn(async move { axum::serve(listener, router).await });
        Self { url, world }
    }

    pub fn helix_url(&self) -> String {
        format!("{}/helix", self.url)
    }

    pub fn oauth_url(&self) -> String {
        format!("{}/oauth2", self.url)
    }

    pub fn world(&self) -> std::sync::MutexGuard<'_, World> {
        self.world.lock().expect("stand-in state")
    }

    pub fn add_user(&self, id: &str, login: &str, display_name: &str) {
        let mut w = self.world();
        w.users.push(json!({
            "id": id, "login": login, "display_name": display_name, "type": "", "broadcaster_type": "partner",
            "description": "", "profile_image_url": format!("https://static-cdn.jtvnw.net/{login}-profile.png"),
            "offline_image_url": "", "view_count": 0, "created_at": "2013-06-03T19:12:02Z"
        }));
        w.channels.push(json!({
            "broadcaster_id": id, "broadcaster_login": login, "broadcaster_name": display_name,
            "broadcaster_language": "en", "game_id": "516575", "game_name": "VALORANT",
            "title": format!("{display_name} ranked grind"), "delay": 0, "tags": [], "content_classification_labels": [],
            "is_branded_content": false
        }));
    }

    /// A Twitch Team whose members are the users (added before) with these ids.
    pub fn set_team(&self, id: &str, name: &str, display_name: &str, member_ids: &[&str]) {
        let mut w = self.world();
        let users: Vec<Value> = member_ids
            .iter()
            .filter_map(|m| w.users.iter().find(|u| u["id"] == *m))
            .map(|u| json!({"user_id": u["id"], "user_login": u["login"], "user_name": u["display_name"]}))
            .collect();
        let mut team = json!({
            "background_image_url": null, "banner": null, "created_at": "2019-02-11T12:09:22Z",
            "updated_at": "2020-11-18T15:56:41Z", "info": "<p>A team.</p>",
            "thumbnail_url": "https://static-cdn.jtvnw.net/jtv_user_pictures/team.png",
            "team_name": name, "team_display_name": display_name, "id": id
        });
        // Twitch omits `users` for a team without members.
        if !users.is_empty() {
            team["users"] = json!(users);
        }
        w.teams.retain(|t| t["id"] != id);
        w.teams.push(team);
    }

    pub fn set_live(&self, id: &str, login: &str, viewers: u64) {
        self.world().streams.push(json!({
            "id": "40952121085", "user_id": id, "user_login": login, "user_name": login, "game_id": "516575",
            "game_name": "VALORANT", "type": "live", "title": "ranked grind", "viewer_count": viewers,
            "started_at": "2026-11-26T12:00:00Z", "language": "en",
            "thumbnail_url": format!("https://static-cdn.jtvnw.net/previews-ttv/live_user_{login}-{{width}}x{{height}}.jpg"),
            "tags": [], "is_mature": false
        }));
    }

    /// Adds a subscription directly, as if created earlier (possibly by
    /// someone else, for another callback).
    pub fn add_subscription(
        &self,
        sub_type: &str,
        version: &str,
        broadcaster: &str,
        callback: &str,
        status: &str,
    ) -> String {
        let mut w = self.world();
        w.next_id += 1;
        let id = format!("f1c2a387-161a-49f9-a165-0f21d7a4e{:03}", w.next_id);
        w.subscriptions.push(subscription(
            &id,
            sub_type,
            version,
            broadcaster,
            callback,
            status,
            1,
        ));
        id
    }

    /// Create EventSub Subscription calls so far.
    pub fn create_calls(&self) -> usize {
        self.requests("/helix/eventsub/subscriptions")
            .iter()
            .filter(|r| r.method == Method::POST)
            .count()
    }

    pub fn journal(&self) -> Vec<String> {
        self.world().journal.clone()
    }

    pub fn subscriptions(&self) -> Vec<Value> {
        self.world().subscriptions.clone()
    }

    /// Subscriptions of one broadcaster, as (type, status).
    pub fn subscriptions_of(&self, broadcaster: &str) -> Vec<(String, String)> {
        let mut subs: Vec<(String, String)> = self
            .subscriptions()
            .iter()
            .filter(|s| s["condition"]["broadcaster_user_id"] == broadcaster)
            .map(|s| {
                (
                    s["type"].as_str().unwrap_or("").into(),
                    s["status"].as_str().unwrap_or("").into(),
                )
            })
            .collect();
        subs.sort();
        subs
    }

    /// Waits until every subscription has left "verification pending".
    pub async fn challenges_settled(&self) {
        for _ in 0..200 {
            if !self
                .subscriptions()
                .iter()
                .any(|s| s["status"] == "webhook_callback_verification_pending")
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        panic!("challenges never settled: {:?}", self.subscriptions());
    }

    pub fn fail_next(&self, failure: Failure) {
        self.world().failures.push_back(failure);
    }

    pub fn fail_path(&self, path_part: &str, failure: Failure) {
        self.world()
            .path_failures
            .push((path_part.to_owned(), failure));
    }

    pub fn revoke_tokens(&self) {
        self.world().valid_tokens.clear();
    }

    pub fn requests(&self, path: &str) -> Vec<Recorded> {
        self.world()
            .requests
            .iter()
            .filter(|r| r.path == path)
            .cloned()
            .collect()
    }
}

fn subscription(
    id: &str,
    sub_type: &str,
    version: &str,
    broadcaster: &str,
    callback: &str,
    status: &str,
    cost: i64,
) -> Value {
    json!({
        "id": id, "status": status, "type": sub_type, "version": version,
        "condition": {"broadcaster_user_id": broadcaster},
        "transport": {"method": "webhook", "callback": callback},
        "created_at": "2026-11-26T12:00:00.000000000Z", "cost": cost
    })
}

fn error(status: u16, message: &str) -> Response {
    let code = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = json!({"error": code.canonical_reason().unwrap_or("Error"), "status": status, "message": message});
    (code, Json(body)).into_response()
}

/// Twitch's answer past the budget: a 429 whose rate-limit headers show
/// requests left, so it is no rate limit.
fn over_budget() -> Response {
    let mut response = error(
        429,
        "subscription limit exceeded: the total cost of subscriptions would exceed max_total_cost",
    );
    let reset = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs()
        + 60;
    let headers = response.headers_mut();
    headers.insert("ratelimit-limit", "800".parse().expect("header"));
    headers.insert("ratelimit-remaining", "799".parse().expect("header"));
    headers.insert(
        "ratelimit-reset",
        reset.to_string().parse().expect("header"),
    );
    response
}

type Shared = State<Arc<Mutex<World>>>;

async fn token(State(world): Shared, Form(form): Form<Vec<(String, String)>>) -> Response {
    let get = |k: &str| {
        form.iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.as_str())
    };
    if get("client_id") != Some(CLIENT_ID) || get("client_secret") != Some(CLIENT_SECRET) {
        return error(403, "invalid client secret");
    }
    let mut w = world.lock().expect("state");
    if get("grant_type") == Some("authorization_code") {
        let code = get("code").unwrap_or("");
        let Some((user, redirect_uri)) = w.codes.remove(code) else {
            return error(400, "Invalid authorization code");
        };
        if get("redirect_uri") != Some(redirect_uri.as_str()) {
            return error(400, "Parameter redirect_uri does not match registered URI");
        }
        w.tokens_issued += 1;
        let token = format!("user-token-{}", w.tokens_issued);
        w.user_tokens.insert(token.clone(), user.clone());
        w.authorized.insert(user);
        return Json(json!({"access_token": token, "refresh_token": "r", "expires_in": 14000, "scope": [], "token_type": "bearer"})).into_response();
    }
    if get("grant_type") != Some("client_credentials") {
        return error(400, "unsupported grant type");
    }
    w.tokens_issued += 1;
    let token = format!("app-token-{}", w.tokens_issued);
    w.valid_tokens.insert(token.clone());
    Json(json!({"access_token": token, "expires_in": w.token_expires_in, "token_type": "bearer"}))
        .into_response()
}

/// Records the request, applies a queued failure, and checks the token;
/// returns the refusal, if any.
fn gate(world: &Mutex<World>, method: Method, uri: &Uri, headers: &HeaderMap) -> Option<Response> {
    let mut w = world.lock().expect("state");
    w.requests.push(Recorded {
        method,
        path: uri.path().to_owned(),
        query: uri.query().unwrap_or("").to_owned(),
        at: Instant::now(),
    });
    let for_path = w
        .path_failures
        .iter()
        .position(|(part, _)| uri.path().contains(part.as_str()));
    let failure = match for_path {
        Some(i) => Some(w.path_failures.remove(i).1),
        None => w.failures.pop_front(),
    };
    if let Some(failure) = failure {
        return Some(match failure {
            Failure::Status(s) => error(s, "stand-in failure"),
            Failure::RateLimited(after) => {
                let reset = (SystemTime::now() + after)
                    .duration_since(UNIX_EPOCH)
                    .unwrap_or_default()
                    .as_secs_f64()
                    .ceil();
                let mut response = error(429, "Too Many Requests");
                response.headers_mut().insert(
                    "ratelimit-reset",
                    (reset as u64).to_string().parse().expect("header"),
                );
                response
                    .headers_mut()
                    .insert("ratelimit-remaining", "0".parse().expect("header"));
                response
            }
        });
    }
    let bearer = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    if headers.get("client-id").and_then(|v| v.to_str().ok()) != Some(CLIENT_ID) {
        return Some(error(401, "Client ID and OAuth token do not match"));
    }
    match bearer {
        Some(token) if w.valid_tokens.contains(token) => None,
        _ => Some(error(401, "Invalid OAuth token")),
    }
}

fn params(query: &Option<String>) -> Vec<(String, String)> {
    url::form_urlencoded::parse(query.as_deref().unwrap_or("").as_bytes())
        .into_owned()
        .collect()
}

fn lookup(rows: &[Value], field: &str, wanted: &[String]) -> Vec<Value> {
    rows.iter()
        .filter(|r| wanted.iter().any(|w| r[field].as_str() == Some(w)))
        .cloned()
        .collect()
}

/// Twitch's consent page, answered at once by the configured user.
async fn authorize(State(world): Shared, RawQuery(q): RawQuery) -> Response {
    let p = params(&q);
    let get = |k: &str| {
        p.iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let (redirect_uri, state) = (get("redirect_uri"), get("state"));
    if get("client_id") != CLIENT_ID || get("response_type") != "code" {
        return error(400, "invalid client or response type");
    }
    let mut w = world.lock().expect("state");
    let query = match w.consenting_user.clone() {
        Some(user) => {
            w.next_id += 1;
            let code = format!("auth-code-{}", w.next_id);
            w.codes.insert(code.clone(), (user, redirect_uri.clone()));
            url::form_urlencoded::Serializer::new(String::new())
                .append_pair("code", &code)
                .append_pair("scope", "")
                .append_pair("state", &state)
                .finish()
        }
        None => url::form_urlencoded::Serializer::new(String::new())
            .append_pair("error", "access_denied")
            .append_pair("error_description", "The user denied you access")
            .append_pair("state", &state)
            .finish(),
    };
    let mut response = StatusCode::FOUND.into_response();
    response.headers_mut().insert(
        "location",
        format!("{redirect_uri}?{query}").parse().expect("location"),
    );
    response
}

async fn users(
    State(world): Shared,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> Response {
    let bearer = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    let owner = world
        .lock()
        .expect("state")
        .user_tokens
        .get(bearer)
        .cloned();
    if let Some(owner) = owner {
        // A user token without a query: Twitch answers with its owner.
        let w = world.lock().expect("state");
        return Json(json!({"data": lookup(&w.users, "id", &[owner])})).into_response();
    }
    if let Some(r) = gate(&world, method, &uri, &headers) {
        return r;
    }
    let p = params(&q);
    if p.len() > 100 {
        return error(
            400,
            "The parameters must not contain more than 100 ids and logins combined",
        );
    }
    let ids: Vec<String> = p
        .iter()
        .filter(|(k, _)| k == "id")
        .map(|(_, v)| v.clone())
        .collect();
    let logins: Vec<String> = p
        .iter()
        .filter(|(k, _)| k == "login")
        .map(|(_, v)| v.to_lowercase())
        .collect();
    let w = world.lock().expect("state");
    let mut data = lookup(&w.users, "id", &ids);
    data.extend(lookup(&w.users, "login", &logins));
    Json(json!({"data": data})).into_response()
}

async fn channels(
    State(world): Shared,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> Response {
    if let Some(r) = gate(&world, method, &uri, &headers) {
        return r;
    }
    let ids: Vec<String> = params(&q)
        .into_iter()
        .filter(|(k, _)| k == "broadcaster_id")
        .map(|(_, v)| v)
        .collect();
    let w = world.lock().expect("state");
    Json(json!({"data": lookup(&w.channels, "broadcaster_id", &ids)})).into_response()
}

async fn streams(
    State(world): Shared,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> Response {
    if let Some(r) = gate(&world, method, &uri, &headers) {
        return r;
    }
    let delay = world.lock().expect("state").streams_delay;
    tokio::time::sleep(delay).await;
    let ids: Vec<String> = params(&q)
        .into_iter()
        .filter(|(k, _)| k == "user_id")
        .map(|(_, v)| v)
        .collect();
    let w = world.lock().expect("state");
    Json(json!({"data": lookup(&w.streams, "user_id", &ids), "pagination": {}})).into_response()
}

async fn videos(
    State(world): Shared,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> Response {
    if let Some(r) = gate(&world, method, &uri, &headers) {
        return r;
    }
    let ids: Vec<String> = params(&q)
        .into_iter()
        .filter(|(k, _)| k == "user_id")
        .map(|(_, v)| v)
        .collect();
    let w = world.lock().expect("state");
    Json(json!({"data": lookup(&w.videos, "user_id", &ids), "pagination": {}})).into_response()
}

async fn create(
    State(world): Shared,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> Response {
    if let Some(r) = gate(&world, method, &uri, &headers) {
        return r;
    }
    let (sub_type, version) = (
        body["type"].as_str().unwrap_or(""),
        body["version"].as_str().unwrap_or(""),
    );
    let broadcaster = body["condition"]["broadcaster_user_id"]
        .as_str()
        .unwrap_or("");
    let callback = body["transport"]["callback"].as_str().unwrap_or("");
    let secret = body["transport"]["secret"]
        .as_str()
        .unwrap_or("")
        .to_owned();
    if body["transport"]["method"] != "webhook"
        || !(10..=100).contains(&secret.len())
        || broadcaster.is_empty()
    {
        return error(400, "invalid transport or condition");
    }
    let (sub, response) = {
        let mut w = world.lock().expect("state");
        let exists = w.subscriptions.iter().any(|s| {
            s["type"] == sub_type
                && s["version"] == version
                && s["condition"]["broadcaster_user_id"] == broadcaster
                && s["transport"]["callback"] == callback
                && !s["status"].as_str().unwrap_or("").contains("failed")
        });
        if exists {
            return error(409, "subscription already exists");
        }
        let cost = if w.authorized.contains(broadcaster) {
            0
        } else {
            1
        };
        if w.total_cost() + cost > w.max_total_cost {
            w.journal.push(format!("refused {sub_type} {broadcaster}"));
            return over_budget();
        }
        w.next_id += 1;
        let id = format!("0b7f3361-672b-4d39-b307-dd5b576c9b{:02}", w.next_id);
        w.journal.push(format!("created {id} cost {cost}"));
        let sub = subscription(
            &id,
            sub_type,
            version,
            broadcaster,
            callback,
            "webhook_callback_verification_pending",
            cost,
        );
        w.subscriptions.push(sub.clone());
        let response = json!({"data": [sub.clone()], "total": w.subscriptions.len(), "total_cost": w.total_cost(), "max_total_cost": w.max_total_cost});
        (sub, response)
    };
    // Like Twitch: answer 202, then send the signed challenge to the callback.
    tokio::spawn(send_challenge(world.clone(), sub, secret));
    (StatusCode::ACCEPTED, Json(response)).into_response()
}

async fn send_challenge(world: Arc<Mutex<World>>, sub: Value, secret: String) {
    let challenge = format!("pogchamp-kappa-{}", sub["id"].as_str().unwrap_or(""));
    let body = json!({"challenge": challenge, "subscription": sub}).to_string();
    let message_id = format!("challenge-{}", sub["id"].as_str().unwrap_or(""));
    let timestamp = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Nanos, true);
    let callback = sub["transport"]["callback"]
        .as_str()
        .unwrap_or("")
        .to_owned();
    let answer = reqwest::Client::new()
        .post(&callback)
        .header("Content-Type", "application/json")
        .header("Twitch-Eventsub-Message-Id", &message_id)
        .header("Twitch-Eventsub-Message-Retry", "0")
        .header(
            "Twitch-Eventsub-Message-Type",
            "webhook_callback_verification",
        )
        .header(
            "Twitch-Eventsub-Message-Signature",
            signature::sign(secret.as_bytes(), &message_id, &timestamp, body.as_bytes()),
        )
        .header("Twitch-Eventsub-Message-Timestamp", &timestamp)
        .header(
            "Twitch-Eventsub-Subscription-Type",
            sub["type"].as_str().unwrap_or(""),
        )
        .header(
            "Twitch-Eventsub-Subscription-Version",
            sub["version"].as_str().unwrap_or(""),
        )
        .body(body)
        .timeout(Duration::from_secs(10))
        .send()
        .await;
    let ok = match answer {
        Ok(r) => {
            let text_plain = r
                .headers()
                .get("content-type")
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.starts_with("text/plain"));
            r.status().is_success() && text_plain && r.text().await.is_ok_and(|b| b == challenge)
        }
        Err(_) => false,
    };
    let mut w = world.lock().expect("state");
    if let Some(s) = w.subscriptions.iter_mut().find(|s| s["id"] == sub["id"]) {
        s["status"] = json!(if ok {
            "enabled"
        } else {
            "webhook_callback_verification_failed"
        });
        let entry = format!(
            "{} {}",
            if ok { "enabled" } else { "failed" },
            sub["id"].as_str().unwrap_or("")
        );
        w.journal.push(entry);
    }
}

async fn list(
    State(world): Shared,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> Response {
    if let Some(r) = gate(&world, method, &uri, &headers) {
        return r;
    }
    let p = params(&q);
    let get = |k: &str| p.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone());
    let w = world.lock().expect("state");
    let matching: Vec<&Value> = w
        .subscriptions
        .iter()
        .filter(|s| get("status").is_none_or(|v| s["status"] == v.as_str()))
        .filter(|s| get("type").is_none_or(|v| s["type"] == v.as_str()))
        .filter(|s| {
            get("user_id").is_none_or(|v| s["condition"]["broadcaster_user_id"] == v.as_str())
        })
        .collect();
    let start: usize = get("after").and_then(|c| c.parse().ok()).unwrap_or(0);
    let page: Vec<&Value> = matching
        .iter()
        .skip(start)
        .take(w.page_size)
        .copied()
        .collect();
    let next = start + page.len();
    let pagination = if next < matching.len() {
        json!({"cursor": next.to_string()})
    } else {
        json!({})
    };
    Json(json!({"data": page, "total": w.subscriptions.len(), "total_cost": w.total_cost(), "max_total_cost": w.max_total_cost, "pagination": pagination}))
        .into_response()
}

async fn delete(
    State(world): Shared,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> Response {
    if let Some(r) = gate(&world, method, &uri, &headers) {
        return r;
    }
    let id = params(&q)
        .into_iter()
        .find(|(k, _)| k == "id")
        .map(|(_, v)| v)
        .unwrap_or_default();
    let mut w = world.lock().expect("state");
    let before = w.subscriptions.len();
    w.subscriptions.retain(|s| s["id"] != id.as_str());
    if w.subscriptions.len() == before {
        return error(404, "subscription not found");
    }
    w.journal.push(format!("deleted {id}"));
    StatusCode::NO_CONTENT.into_response()
}

/// Search Channels: channels whose login or display name contains the
/// query (any case) or whose login the query contains, exact login first,
/// live or not (unless `live_only`).
async fn search_channels(
    State(world): Shared,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> Response {
    if let Some(r) = gate(&world, method, &uri, &headers) {
        return r;
    }
    let delay = world.lock().expect("state").search_delay;
    tokio::time::sleep(delay).await;
    let p = params(&q);
    let get = |key: &str| p.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
    let Some(query) = get("query").filter(|q| !q.is_empty()) else {
        return error(400, "Missing required parameter \"query\"");
    };
    let query = query.to_lowercase();
    let first = get("first")
        .and_then(|f| f.parse::<usize>().ok())
        .unwrap_or(20);
    if !(1..=100).contains(&first) {
        return error(
            400,
            "The parameter \"first\" was malformed: the value must be between 1 and 100",
        );
    }
    let live_only = get("live_only").as_deref() == Some("true");
    let w = world.lock().expect("state");
    let mut found: Vec<Value> = w
        .users
        .iter()
        .filter(|u| {
            let (login, name) = (u["login"].as_str().unwrap_or(""), u["display_name"].as_str().unwrap_or(""));
            // Partial matches either way, as Twitch's search finds "shroud" for "shroudd".
            login.contains(&query) || name.to_lowercase().contains(&query) || (login.len() >= 4 && query.contains(login))
        })
        .map(|u| {
            let stream = w.streams.iter().find(|s| s["user_id"] == u["id"]);
            let channel = w.channels.iter().find(|c| c["broadcaster_id"] == u["id"]);
            json!({
                "broadcaster_language": "en", "broadcaster_login": u["login"], "display_name": u["display_name"],
                "game_id": channel.map_or(json!(""), |c| c["game_id"].clone()),
                "game_name": channel.map_or(json!(""), |c| c["game_name"].clone()),
                "id": u["id"], "is_live": stream.is_some(), "tag_ids": [], "tags": [],
                "thumbnail_url": u["profile_image_url"],
                "title": channel.map_or(json!(""), |c| c["title"].clone()),
                "started_at": stream.map_or(json!(""), |s| s["started_at"].clone())
            })
        })
        .filter(|c| !live_only || c["is_live"] == true)
        .collect();
    found.sort_by_key(|c| {
        (
            c["broadcaster_login"] != query.as_str(),
            c["broadcaster_login"].as_str().unwrap_or("").to_owned(),
        )
    });
    found.truncate(first);
    Json(json!({"data": found, "pagination": {}})).into_response()
}

/// Get Teams: exactly one of `name` and `id`; 404 for a team Twitch doesn't know.
async fn teams(
    State(world): Shared,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> Response {
    if let Some(r) = gate(&world, method, &uri, &headers) {
        return r;
    }
    let p = params(&q);
    let keys: Vec<&(String, String)> = p.iter().filter(|(k, _)| k == "name" || k == "id").collect();
    let [(key, value)] = keys.as_slice() else {
        return error(
            400,
            "Exactly one of the parameters \"name\" and \"id\" is required",
        );
    };
    let field = if key == "name" { "team_name" } else { "id" };
    let w = world.lock().expect("state");
    match w.teams.iter().find(|t| t[field] == value.as_str()) {
        Some(team) => Json(json!({"data": [team]})).into_response(),
        None => error(404, "The specified team was not found"),
    }
}
