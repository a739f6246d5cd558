//! A local stand-in for Discord's REST API (`/api/v10`), recording what the
//! bot sends: command registrations, interaction follow-ups and edits,
//! messages, role changes. Channels, roles and members are set up by the
//! test; requests can be made to fail the way Discord fails (403 with a JSON
//! error code, 404, 429 with `retry_after`), and can be given a [`Chaos`]
//! that fails requests at random (hung answers and dropped connections too).

use std::{
    collections::HashMap,
    sync::{Arc, Mutex, MutexGuard},
    time::{Duration, Instant},
};

use axum::{
    Json, Router,
    extract::{Path, Request, State},
    http::{Method, StatusCode, Uri},
    middleware::{self, Next},
    response::{IntoResponse, Response},
    routing::{get, patch, post, put},
};
use serde_json::{Value, json};

use super::chaos::{Chaos, Fault};

mod webhooks;
pub use webhooks::{MANAGE_WEBHOOKS, READ_MESSAGE_HISTORY, Webhook};

pub const APP_ID: u64 = 1_300_000_000_000_000_001;

#[derive(Debug, Clone)]
pub struct Call {
    pub method: Method,
    pub path: String,
    pub body: Value,
    pub at: Instant,
}

/// How a request to some path fails.
#[derive(Debug, Clone)]
pub enum Failure {
    /// An HTTP status with Discord's JSON error code.
    Code(u16, u64, &'static str),
    RateLimited {
        retry_after: f64,
        global: bool,
    },
}

#[derive(Default)]
pub struct World {
    pub calls: Vec<Call>,
    /// channel id → (type, permission overwrites)
    pub channels: HashMap<u64, (u8, Value)>,
    /// guild id → roles
    pub roles: HashMap<u64, Vec<Value>>,
    /// (guild, user) → role ids
    pub members: HashMap<(u64, u64), Vec<u64>>,
    /// Failures for paths containing the key, consumed in order.
    pub failures: Vec<(String, Failure)>,
    next_id: u64,
    /// (channel, nonce) → the message created with it, for `enforce_nonce`.
    pub nonces: HashMap<(u64, String), Value>,
    /// Messages that exist, by id (created, edited; deleted ones removed).
    pub messages: HashMap<u64, Value>,
    /// Delay before answering message posts.
    pub latency: Duration,
    /// Discord's own rate limits: at most this many requests in any
    /// one-second window (else a global 429; interaction responses are
    /// exempt), and message posts limited to 5 per channel per 5 s, with
    /// honest `x-ratelimit-*` headers (else a per-route 429).
    pub realistic_limits: Option<u32>,
    /// Arrival times of recent requests (for the global limit).
    pub recent: std::collections::VecDeque<Instant>,
    /// Global 429s answered because of `realistic_limits`.
    pub global_429s: usize,
    /// channel → (when its bucket's window started, posts in it).
    pub channel_windows: HashMap<u64, (Instant, u32)>,
    /// Per-route 429s answered because of `realistic_limits`.
    pub route_429s: usize,
    /// When the latest message was created.
    pub last_created: Option<Instant>,
    /// Random or scripted faults, applied before any handler runs. A
    /// faulted request that never reaches its handler is not in `calls`;
    /// `chaos.injected` lists every fault.
    pub chaos: Option<Chaos>,
    /// channel id → messages created there (a repeated nonce creates none).
    pub accepted: HashMap<u64, usize>,
    /// Servers that removed the bot: asking for one answers 403 Missing
    /// Access (a server never known answers 404 Unknown Guild).
    pub removed_guilds: std::collections::HashSet<u64>,
    /// Channel webhooks, by id.
    pub webhooks: HashMap<u64, Webhook>,
    /// Messages published to following servers (crossposted).
    pub published: Vec<u64>,
}

#[derive(Clone)]
pub struct DiscordStandIn {
    pub url: String,
    pub world: Arc<Mutex<World>>,
}

impl DiscordStandIn {
    pub async fn start() -> Self {
        let world = Arc::new(Mutex::new(World {
            next_id: 1_400_000_000_000_000_000,
            ..World::default()
        }));
        let api = Router::new()
            .route("/applications/{app}/commands", put(echo_commands))
            .route(
                "/applications/{app}/guilds/{guild}/commands",
                put(echo_commands),
            )
            .route(
                "/webhooks/{id}/{token}/messages/{message}",
                patch(webhooks::edit_message).delete(webhooks::delete_message),
            )
            .route(
                "/webhooks/{id}/{token}",
                post(webhooks::execute).delete(webhooks::delete_webhook),
            )
            .route("/channels/{channel}", get(channel))
            .route(
                "/channels/{channel}/messages",
                post(create_message).get(webhooks::list_messages),
            )
            .route(
                "/channels/{channel}/webhooks",
                post(webhooks::create_webhook),
            )
            .route(
                "/channels/{channel}/messages/{message}",
                patch(edit_message).delete(delete_message),
            )
            .route(
                "/channels/{channel}/messages/{message}/crosspost",
                post(crosspost),
            )
            .route("/guilds/{guild}", get(guild))
            .route("/guilds/{guild}/roles", get(roles).post(create_role))
            .route(
                "/guilds/{guild}/roles/{role}",
                axum::routing::delete(delete_role),
            )
            .route("/guilds/{guild}/members/{user}", get(member))
            .route(
                "/guilds/{guild}/members/{user}/roles/{role}",
                put(add_role).delete(remove_role),
            )
            .layer(middleware::from_fn_with_state(world.clone(), chaos))
            .with_state(world.clone());
        let router = Router::new().nest("/api/v10", api);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind stand-in");
        let url = format!("http://{}", listener.local_addr().expect("address"));
        tokio::spawn(async move { axum::serve(listener, router).await });
        Self { url, world }
    }

    pub fn world(&self) -> MutexGuard<'_, World> {
        self.world.lock().expect("stand-in state")
    }

    /// Every recorded call whose path ends with `suffix` (or contains it).
    pub fn calls(&self, method: &str, path_part: &str) -> Vec<Call> {
        self.world()
            .calls
            .iter()
            .filter(|c| c.method == method && c.path.contains(path_part))
            .cloned()
            .collect()
    }

    /// A text channel (type 0) or announcement channel (type 5) in which the
    /// bot is denied `deny` (a permission bitfield) for @everyone.
    pub fn add_channel(&self, guild: u64, channel: u64, kind: u8, deny: u64) {
        let overwrites =
            json!([{"id": guild.to_string(), "type": 0, "allow": "0", "deny": deny.to_string()}]);
        self.world().channels.insert(channel, (kind, overwrites));
    }

    /// The guild's roles: @everyone with `everyone` permissions, and the
    /// bot's own role with `bot` permissions, which the bot holds.
    pub fn add_guild(&self, guild: u64, everyone: u64, bot: u64) {
        let bot_role = guild + 1;
        let mut w = self.world();
        w.roles.insert(
            guild,
            vec![
                role(guild, "@everyone", everyone, 0, false),
                role(bot_role, "StreamMaxing", bot, 1, false),
            ],
        );
        w.members.insert((guild, APP_ID), vec![bot_role]);
    }

    pub fn fail(&self, path_part: &str, failure: Failure) {
        self.world().failures.push((path_part.to_owned(), failure));
    }

    /// Messages that exist in a channel (each created once).
    pub fn messages_in(&self, channel: u64) -> Vec<Value> {
        let mut found: Vec<Value> = self
            .world()
            .messages
            .values()
            .filter(|m| m["channel_id"].as_str() == Some(channel.to_string().as_str()))
            .cloned()
            .collect();
        found.sort_by_key(|m| m["id"].as_str().unwrap_or("").to_owned());
        found
    }

    /// Installs failure injection (see [`Chaos`]).
    pub fn set_chaos(&self, chaos: Chaos) {
        self.world().chaos = Some(chaos);
    }

    /// Messages Discord created in `channel` (not counting the ones a
    /// repeated nonce handed back).
    pub fn accepted_in(&self, channel: u64) -> usize {
        self.world().accepted.get(&channel).copied().unwrap_or(0)
    }

    /// The server removes the bot: Discord forgets its roles and members
    /// for us, and asking for the server answers 403 Missing Access.
    pub fn remove_bot_from(&self, guild: u64) {
        let mut w = self.world();
        w.roles.remove(&guild);
        w.members.retain(|(g, _), _| *g != guild);
        w.removed_guilds.insert(guild);
    }

    /// Fills the server up to Discord's maximum of 250 roles.
    pub fn fill_roles(&self, guild: u64) {
        let mut w = self.world();
        let roles = w.roles.entry(guild).or_default();
        for n in roles.len()..MAX_ROLES {
            roles.push(role(
                guild + 1_000 + n as u64,
                &format!("role {n}"),
                0,
                1,
                false,
            ));
        }
    }

    /// The channel's webhooks, by id.
    pub fn webhooks_in(&self, channel: u64) -> Vec<u64> {
        let mut ids: Vec<u64> = self
            .world()
            .webhooks
            .iter()
            .filter(|(_, h)| h.channel == channel)
            .map(|(id, _)| *id)
            .collect();
        ids.sort_unstable();
        ids
    }

    /// An admin deletes the channel's webhooks (Discord keeps their messages).
    pub fn delete_webhooks_in(&self, channel: u64) {
        self.world().webhooks.retain(|_, h| h.channel != channel);
    }

    pub fn member_roles(&self, guild: u64, user: u64) -> Vec<u64> {
        self.world()
            .members
            .get(&(guild, user))
            .cloned()
            .unwrap_or_default()
    }
}

/// Discord's limit on roles in a server.
const MAX_ROLES: usize = 250;
const MENTION_EVERYONE: u64 = 1 << 17;
pub const MANAGE_MESSAGES: u64 = 1 << 13;
const ADMINISTRATOR: u64 = 1 << 3;

/// The roles a message's content pings, as Discord decides: `<@&id>` in the
/// content, allowed by `allowed_mentions` (all when it is absent), and
/// either mentionable or sent by a bot allowed to Mention All Roles in the
/// channel.
fn mention_roles(w: &World, channel: u64, body: &Value) -> Vec<String> {
    let content = body["content"].as_str().unwrap_or("");
    let allowed = &body["allowed_mentions"];
    let permitted = |id: &str| {
        allowed.is_null()
            || allowed["parse"]
                .as_array()
                .is_some_and(|p| p.contains(&json!("roles")))
            || allowed["roles"]
                .as_array()
                .is_some_and(|r| r.contains(&json!(id)))
    };
    let mut found = Vec::new();
    for part in content.split("<@&").skip(1) {
        let Some((id, _)) = part.split_once('>') else {
            continue;
        };
        let Some((guild, role)) = w
            .roles
            .iter()
            .find_map(|(g, roles)| roles.iter().find(|r| r["id"] == id).map(|r| (*g, r)))
        else {
            continue;
        };
        let pingable = role["mentionable"] == true || bot_may_mention_all(w, guild, channel);
        if permitted(id) && pingable && !found.iter().any(|f| f == id) {
            found.push(id.to_owned());
        }
    }
    found
}

/// A snowflake as Discord's JSON writes it (a string) equals `id`.
fn id_is(value: &Value, id: u64) -> bool {
    value.as_str().and_then(|s| s.parse::<u64>().ok()) == Some(id)
}

/// Does the bot have `permission` in `channel` (of the guild its @everyone
/// overwrite names, as [`DiscordStandIn::add_channel`] sets it up)?
fn bot_has(w: &World, channel: u64, permission: u64) -> bool {
    let guild = w
        .channels
        .get(&channel)
        .and_then(|(_, o)| o[0]["id"].as_str()?.parse::<u64>().ok());
    guild.is_some_and(|g| bot_permissions(w, g, channel) & permission == permission)
}

/// Does the bot have Mention @everyone, @here and All Roles in `channel`?
fn bot_may_mention_all(w: &World, guild: u64, channel: u64) -> bool {
    bot_permissions(w, guild, channel) & MENTION_EVERYONE != 0
}

/// The bot's permissions in `channel`, as Discord computes them (all of
/// them for an administrator).
fn bot_permissions(w: &World, guild: u64, channel: u64) -> u64 {
    let held = w.members.get(&(guild, APP_ID)).cloned().unwrap_or_default();
    let perms = |id: u64| {
        w.roles
            .get(&guild)
            .into_iter()
            .flatten()
            .find(|r| id_is(&r["id"], id))
            .and_then(|r| r["permissions"].as_str()?.parse::<u64>().ok())
            .unwrap_or(0)
    };
    let mut have = held.iter().fold(perms(guild), |acc, r| acc | perms(*r));
    if have & ADMINISTRATOR != 0 {
        return u64::MAX;
    }
    if let Some((_, overwrites)) = w.channels.get(&channel) {
        for o in overwrites.as_array().into_iter().flatten() {
            let applies = id_is(&o["id"], guild) || held.iter().any(|r| id_is(&o["id"], *r));
            let bits = |k: &str| {
                o[k].as_str()
                    .and_then(|v| v.parse::<u64>().ok())
                    .unwrap_or(0)
            };
            if applies {
                have = (have & !bits("deny")) | bits("allow");
            }
        }
    }
    have
}

pub fn role(id: u64, name: &str, permissions: u64, position: i64, mentionable: bool) -> Value {
    json!({
        "id": id.to_string(), "name": name, "color": 0, "colors": {"primary_color": 0, "secondary_color": null, "tertiary_color": null},
        "hoist": false, "icon": null, "unicode_emoji": null, "position": position, "permissions": permissions.to_string(),
        "managed": false, "mentionable": mentionable, "flags": 0
    })
}

fn user(id: u64, name: &str, bot: bool) -> Value {
    json!({"id": id.to_string(), "username": name, "discriminator": "0", "global_name": null, "avatar": null, "bot": bot})
}

fn message(id: u64, channel: &str, body: &Value) -> Value {
    json!({
        "id": id.to_string(), "channel_id": channel, "author": user(APP_ID, "StreamMaxing", true),
        "content": body.get("content").cloned().unwrap_or(json!("")),
        "timestamp": "2026-11-26T12:00:00.000000+00:00", "edited_timestamp": null, "tts": false,
        "mention_everyone": false, "mentions": [], "mention_roles": [], "attachments": [],
        "embeds": body.get("embeds").cloned().unwrap_or(json!([])),
        "components": body.get("components").cloned().unwrap_or(json!([])),
        "pinned": false, "type": 0, "flags": body.get("flags").cloned().unwrap_or(json!(0))
    })
}

fn error(status: u16, code: u64, message: &str) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, Json(json!({"message": message, "code": code}))).into_response()
}

type Shared = State<Arc<Mutex<World>>>;

/// Records the call and returns the failure to answer with, if any.
fn record(world: &Mutex<World>, method: Method, uri: &Uri, body: Value) -> Option<Response> {
    let mut w = world.lock().expect("state");
    let path = uri.path().trim_start_matches("/api/v10").to_owned();
    w.calls.push(Call {
        method,
        path: path.clone(),
        body,
        at: Instant::now(),
    });
    if let Some(limited) = global_limit(&mut w, &path) {
        return Some(limited);
    }
    let failure = w
        .failures
        .iter()
        .position(|(part, _)| path.contains(part.as_str()))
        .map(|i| w.failures.remove(i).1);
    failure.map(|f| match f {
        Failure::Code(status, code, message) => error(status, code, message),
        Failure::RateLimited {
            retry_after,
            global,
        } => rate_limited(retry_after, global),
    })
}

/// A 429 as Discord sends it: `retry_after` in the body and the headers,
/// with the per-route headers clients use to wait it out.
fn rate_limited(retry_after: f64, global: bool) -> Response {
    let mut r = too_many_requests(retry_after, global);
    let h = r.headers_mut();
    h.insert(
        "x-ratelimit-bucket",
        "4d3a6c2b7e1f".parse().expect("header"),
    );
    h.insert("x-ratelimit-limit", "5".parse().expect("header"));
    h.insert("x-ratelimit-remaining", "0".parse().expect("header"));
    h.insert(
        "x-ratelimit-reset-after",
        format!("{retry_after:.3}").parse().expect("header"),
    );
    r
}

/// The part of a 429 every kind shares: the body, `retry-after` and scope.
fn too_many_requests(retry_after: f64, global: bool) -> Response {
    let body = json!({"message": "You are being rate limited.", "retry_after": retry_after, "global": global});
    let mut r = (StatusCode::TOO_MANY_REQUESTS, Json(body)).into_response();
    let h = r.headers_mut();
    h.insert(
        "retry-after",
        (retry_after.ceil() as u64)
            .to_string()
            .parse()
            .expect("header"),
    );
    h.insert(
        "x-ratelimit-global",
        global.to_string().parse().expect("header"),
    );
    h.insert(
        "x-ratelimit-scope",
        (if global { "global" } else { "user" })
            .parse()
            .expect("header"),
    );
    r
}

/// Applies the world's [`Chaos`], if any, before the request reaches its
/// handler (an `accepted` hang or drop runs the handler first).
async fn chaos(State(world): Shared, request: Request, next: Next) -> Response {
    let fault = {
        let mut w = world.lock().expect("state");
        let path = request
            .uri()
            .path()
            .trim_start_matches("/api/v10")
            .to_owned();
        let method = request.method().as_str().to_owned();
        w.chaos.as_mut().and_then(|c| c.roll(&method, &path))
    };
    match fault {
        None => next.run(request).await,
        Some(Fault::ServerError(status)) => error(status, 0, "Internal Server Error"),
        Some(Fault::RateLimited {
            retry_after,
            global,
        }) => rate_limited(retry_after, global),
        Some(Fault::Hang { for_, accepted }) => {
            let answer = if accepted {
                next.run(request).await
            } else {
                error(500, 0, "answered too late")
            };
            tokio::time::sleep(for_).await;
            answer
        }
        Some(Fault::Drop { accepted }) => {
            if accepted {
                drop(next.run(request).await);
            }
            // Unwinding the connection's task closes the socket with no
            // answer at all (and, unlike `panic!`, prints nothing).
            std::panic::resume_unwind(Box::new("chaos: connection dropped"))
        }
    }
}

/// Discord's global limit, counted over a sliding one-second window (the
/// strictest way Discord could count it).
fn global_limit(w: &mut World, path: &str) -> Option<Response> {
    let limit = w.realistic_limits?;
    if path.starts_with("/webhooks/") {
        return None;
    }
    let now = Instant::now();
    while w
        .recent
        .front()
        .is_some_and(|t| now - *t >= Duration::from_secs(1))
    {
        w.recent.pop_front();
    }
    if w.recent.len() >= limit as usize {
        w.global_429s += 1;
        let retry_after = (Duration::from_secs(1) - (now - w.recent[0])).as_secs_f64();
        return Some(too_many_requests(retry_after, true));
    }
    w.recent.push_back(now);
    None
}

/// Posts per channel per window, and the window, as Discord limits them.
const CHANNEL_POSTS: u32 = 5;
const CHANNEL_WINDOW: Duration = Duration::from_secs(5);
/// One bucket hash for every channel's posts, as Discord names it: the
/// channel (the top-level resource) tells the buckets apart.
const POSTS_BUCKET: &str = "80c17d2f203122d936070c88c8d10f33";

/// A post to `channel` under `realistic_limits`: counted in the channel's
/// fixed window (which starts with its first post), or refused with a
/// per-route 429 once the window's five are spent. `Ok` holds the
/// window's state for the answer's headers.
fn channel_limit(w: &mut World, channel: u64) -> Result<Option<(u32, Duration)>, Box<Response>> {
    if w.realistic_limits.is_none() {
        return Ok(None);
    }
    let now = Instant::now();
    let window = w.channel_windows.entry(channel).or_insert((now, 0));
    if now - window.0 >= CHANNEL_WINDOW {
        *window = (now, 0);
    }
    let reset_after = CHANNEL_WINDOW - (now - window.0);
    if window.1 >= CHANNEL_POSTS {
        w.route_429s += 1;
        let mut r = too_many_requests(reset_after.as_secs_f64(), false);
        route_headers(r.headers_mut(), 0, reset_after);
        return Err(Box::new(r));
    }
    window.1 += 1;
    Ok(Some((CHANNEL_POSTS - window.1, reset_after)))
}

fn route_headers(h: &mut axum::http::HeaderMap, remaining: u32, reset_after: Duration) {
    h.insert("x-ratelimit-bucket", POSTS_BUCKET.parse().expect("header"));
    h.insert(
        "x-ratelimit-limit",
        CHANNEL_POSTS.to_string().parse().expect("header"),
    );
    h.insert(
        "x-ratelimit-remaining",
        remaining.to_string().parse().expect("header"),
    );
    h.insert(
        "x-ratelimit-reset-after",
        format!("{:.3}", reset_after.as_secs_f64())
            .parse()
            .expect("header"),
    );
    let reset = std::time::SystemTime::now() + reset_after;
    let epoch = reset
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    h.insert(
        "x-ratelimit-reset",
        format!("{:.3}", epoch.as_secs_f64())
            .parse()
            .expect("header"),
    );
}

fn next_id(world: &Mutex<World>) -> u64 {
    let mut w = world.lock().expect("state");
    w.next_id += 1;
    w.next_id
}

async fn echo_commands(
    State(world): Shared,
    method: Method,
    uri: Uri,
    Json(body): Json<Value>,
) -> Response {
    if let Some(r) = record(&world, method, &uri, body.clone()) {
        return r;
    }
    let commands: Vec<Value> = body
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .map(|mut c| {
            c["id"] = json!(next_id(&world).to_string());
            c["application_id"] = json!(APP_ID.to_string());
            c["version"] = json!("1");
            c
        })
        .collect();
    Json(commands).into_response()
}

async fn message_reply(
    State(world): Shared,
    method: Method,
    uri: Uri,
    Json(body): Json<Value>,
) -> Response {
    if let Some(r) = record(&world, method, &uri, body.clone()) {
        return r;
    }
    Json(message(next_id(&world), "1", &body)).into_response()
}

async fn channel(
    State(world): Shared,
    method: Method,
    uri: Uri,
    Path(channel): Path<u64>,
) -> Response {
    if let Some(r) = record(&world, method, &uri, Value::Null) {
        return r;
    }
    let found = world.lock().expect("state").channels.get(&channel).cloned();
    match found {
        Some((kind, overwrites)) => Json(json!({
            "id": channel.to_string(), "type": kind, "name": "live", "position": 0, "permission_overwrites": overwrites
        }))
        .into_response(),
        None => error(404, 10003, "Unknown Channel"),
    }
}

/// `GET /guilds/{guild}`: the server, for a bot that is in it (one set up
/// with [`DiscordStandIn::add_guild`]); 403 50001 once it removed the bot,
/// 404 10004 for a server the bot was never in.
async fn guild(State(world): Shared, method: Method, uri: Uri, Path(guild): Path<u64>) -> Response {
    if let Some(r) = record(&world, method, &uri, Value::Null) {
        return r;
    }
    let w = world.lock().expect("state");
    if w.removed_guilds.contains(&guild) {
        return error(403, 50001, "Missing Access");
    }
    match w.roles.get(&guild) {
        Some(roles) => Json(json!({
            "id": guild.to_string(), "name": "A server", "icon": null, "splash": null,
            "discovery_splash": null, "owner_id": "1", "afk_channel_id": null, "afk_timeout": 300,
            "verification_level": 0, "default_message_notifications": 0,
            "explicit_content_filter": 0, "roles": roles, "emojis": [], "features": [],
            "mfa_level": 0, "application_id": null, "system_channel_id": null,
            "system_channel_flags": 0, "rules_channel_id": null, "vanity_url_code": null,
            "description": null, "banner": null, "premium_tier": 0, "preferred_locale": "en-US",
            "public_updates_channel_id": null, "nsfw_level": 0, "premium_progress_bar_enabled": false,
            "safety_alerts_channel_id": null, "stickers": []
        }))
        .into_response(),
        None => error(404, 10004, "Unknown Guild"),
    }
}

async fn create_message(
    State(world): Shared,
    method: Method,
    uri: Uri,
    Path(channel): Path<u64>,
    Json(body): Json<Value>,
) -> Response {
    if let Some(r) = record(&world, method, &uri, body.clone()) {
        return r;
    }
    let latency = world.lock().expect("state").latency;
    tokio::time::sleep(latency).await;
    let mut w = world.lock().expect("state");
    // Like Discord: a repeated nonce with enforce_nonce returns the message
    // created the first time instead of creating another.
    let nonce = body["nonce"]
        .as_str()
        .map(str::to_owned)
        .filter(|_| body["enforce_nonce"] == true);
    if let Some(existing) = nonce
        .as_ref()
        .and_then(|n| w.nonces.get(&(channel, n.clone())))
    {
        return Json(existing.clone()).into_response();
    }
    let window = match channel_limit(&mut w, channel) {
        Ok(window) => window,
        Err(limited) => return *limited,
    };
    w.next_id += 1;
    let mut created = message(w.next_id, &channel.to_string(), &body);
    created["mention_roles"] = json!(mention_roles(&w, channel, &body));
    if let Some(nonce) = nonce {
        w.nonces.insert((channel, nonce), created.clone());
    }
    let id = w.next_id;
    *w.accepted.entry(channel).or_default() += 1;
    w.messages.insert(id, created.clone());
    w.last_created = Some(Instant::now());
    let mut response = Json(created).into_response();
    if let Some((remaining, reset_after)) = window {
        route_headers(response.headers_mut(), remaining, reset_after);
    }
    response
}

async fn edit_message(
    State(world): Shared,
    method: Method,
    uri: Uri,
    Path((channel, id)): Path<(u64, u64)>,
    Json(body): Json<Value>,
) -> Response {
    if let Some(r) = record(&world, method, &uri, body.clone()) {
        return r;
    }
    let mut w = world.lock().expect("state");
    if !w.messages.contains_key(&id) {
        return error(404, 10008, "Unknown Message");
    }
    let edited = message(id, &channel.to_string(), &body);
    w.messages.insert(id, edited.clone());
    Json(edited).into_response()
}

async fn delete_message(
    State(world): Shared,
    method: Method,
    uri: Uri,
    Path((_, id)): Path<(u64, u64)>,
) -> Response {
    if let Some(r) = record(&world, method, &uri, Value::Null) {
        return r;
    }
    match world.lock().expect("state").messages.remove(&id) {
        Some(_) => StatusCode::NO_CONTENT.into_response(),
        None => error(404, 10008, "Unknown Message"),
    }
}

async fn crosspost(
    State(world): Shared,
    method: Method,
    uri: Uri,
    Path((channel, id)): Path<(u64, u64)>,
) -> Response {
    if let Some(r) = record(&world, method, &uri, Value::Null) {
        return r;
    }
    // Like Discord: another author's message needs Manage Messages.
    let mut w = world.lock().expect("state");
    let others = w
        .messages
        .get(&id)
        .is_some_and(|m| !m["webhook_id"].is_null());
    if others && !bot_has(&w, channel, MANAGE_MESSAGES) {
        return error(403, 50013, "Missing Permissions");
    }
    w.published.push(id);
    Json(message(id, &channel.to_string(), &json!({}))).into_response()
}

async fn roles(State(world): Shared, method: Method, uri: Uri, Path(guild): Path<u64>) -> Response {
    if let Some(r) = record(&world, method, &uri, Value::Null) {
        return r;
    }
    let roles = world
        .lock()
        .expect("state")
        .roles
        .get(&guild)
        .cloned()
        .unwrap_or_default();
    Json(roles).into_response()
}

async fn create_role(
    State(world): Shared,
    method: Method,
    uri: Uri,
    Path(guild): Path<u64>,
    Json(body): Json<Value>,
) -> Response {
    if let Some(r) = record(&world, method, &uri, body.clone()) {
        return r;
    }
    let full = world
        .lock()
        .expect("state")
        .roles
        .get(&guild)
        .is_some_and(|r| r.len() >= MAX_ROLES);
    if full {
        return error(400, 30005, "Maximum number of guild roles reached (250)");
    }
    let id = next_id(&world);
    let name = body["name"].as_str().unwrap_or("new role");
    // Like Discord: a role created without `permissions` gets @everyone's.
    let everyone = world
        .lock()
        .expect("state")
        .roles
        .get(&guild)
        .and_then(|roles| roles.iter().find(|r| r["name"] == "@everyone").cloned())
        .and_then(|r| r["permissions"].as_str()?.parse::<u64>().ok())
        .unwrap_or(0);
    let permissions = body["permissions"]
        .as_str()
        .and_then(|p| p.parse::<u64>().ok())
        .unwrap_or(everyone);
    let mut created = role(
        id,
        name,
        permissions,
        1,
        body["mentionable"].as_bool().unwrap_or(false),
    );
    created["hoist"] = body["hoist"].clone();
    if created["hoist"].is_null() {
        created["hoist"] = json!(false);
    }
    world
        .lock()
        .expect("state")
        .roles
        .entry(guild)
        .or_default()
        .push(created.clone());
    Json(created).into_response()
}

async fn delete_role(
    State(world): Shared,
    method: Method,
    uri: Uri,
    Path((guild, role_id)): Path<(u64, u64)>,
) -> Response {
    if let Some(r) = record(&world, method, &uri, Value::Null) {
        return r;
    }
    let mut w = world.lock().expect("state");
    let id = role_id.to_string();
    let Some(roles) = w.roles.get_mut(&guild) else {
        return error(404, 10004, "Unknown Guild");
    };
    let before = roles.len();
    roles.retain(|r| r["id"].as_str() != Some(id.as_str()));
    if roles.len() == before {
        return error(404, 10011, "Unknown Role");
    }
    for ((g, _), held) in w.members.iter_mut() {
        if *g == guild {
            held.retain(|r| *r != role_id);
        }
    }
    StatusCode::NO_CONTENT.into_response()
}

async fn member(
    State(world): Shared,
    method: Method,
    uri: Uri,
    Path((guild, user_id)): Path<(u64, u64)>,
) -> Response {
    if let Some(r) = record(&world, method, &uri, Value::Null) {
        return r;
    }
    let roles = world
        .lock()
        .expect("state")
        .members
        .get(&(guild, user_id))
        .cloned();
    match roles {
        Some(roles) => Json(json!({
            "user": user(user_id, "member", user_id == APP_ID), "roles": roles.iter().map(u64::to_string).collect::<Vec<_>>(),
            "joined_at": "2026-01-01T00:00:00.000000+00:00", "deaf": false, "mute": false, "flags": 0, "nick": null,
            "communication_disabled_until": null, "pending": false
        }))
        .into_response(),
        None => error(404, 10007, "Unknown Member"),
    }
}

async fn add_role(
    State(world): Shared,
    method: Method,
    uri: Uri,
    Path((guild, user_id, role_id)): Path<(u64, u64, u64)>,
) -> Response {
    if let Some(r) = record(&world, method, &uri, Value::Null) {
        return r;
    }
    let mut w = world.lock().expect("state");
    let exists = w.roles.get(&guild).is_some_and(|roles| {
        roles
            .iter()
            .any(|r| r["id"].as_str() == Some(role_id.to_string().as_str()))
    });
    if !exists {
        return error(404, 10011, "Unknown Role");
    }
    let roles = w.members.entry((guild, user_id)).or_default();
    if !roles.contains(&role_id) {
        roles.push(role_id);
    }
    StatusCode::NO_CONTENT.into_response()
}

async fn remove_role(
    State(world): Shared,
    method: Method,
    uri: Uri,
    Path((guild, user_id, role_id)): Path<(u64, u64, u64)>,
) -> Response {
    if let Some(r) = record(&world, method, &uri, Value::Null) {
        return r;
    }
    world
        .lock()
        .expect("state")
        .members
        .entry((guild, user_id))
        .or_default()
        .retain(|r| *r != role_id);
    StatusCode::NO_CONTENT.into_response()
}
