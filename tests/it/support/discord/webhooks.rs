//! Channel webhooks in the Discord stand-in: created by the bot (Manage
//! Webhooks), executed with `wait=true` under another name and avatar,
//! their messages edited and deleted through them, 10015 once deleted.
//! Like Discord, a webhook message keeps buttons only when the request says
//! `with_components=true` and the webhook belongs to the application.

use std::{collections::HashMap, time::Instant};

use axum::{
    Json,
    extract::{Path, Query, State},
    http::{Method, StatusCode, Uri},
    response::{IntoResponse, Response},
};
use serde_json::{Value, json};

use super::{APP_ID, Shared, World, bot_has, error, mention_roles, message, message_reply, record};

pub const MANAGE_WEBHOOKS: u64 = 1 << 29;
pub const READ_MESSAGE_HISTORY: u64 = 1 << 16;
/// Discord's epoch (2015-01-01) in Unix milliseconds.
const DISCORD_EPOCH_MS: u64 = 1_420_070_400_000;

#[derive(Debug, Clone)]
pub struct Webhook {
    pub channel: u64,
    pub token: String,
    pub name: String,
    /// The application that owns it (`None`: made by a user).
    pub application_id: Option<u64>,
}

type Params = Query<HashMap<String, String>>;

/// A message id that is also the moment it was created, as Discord's are
/// (messages listed `after` a moment are the ones created since).
fn next_message_id(w: &mut World) -> u64 {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
        .as_millis() as u64;
    w.next_id = (w.next_id + 1).max((now - DISCORD_EPOCH_MS) << 22);
    w.next_id
}

/// `POST /channels/{channel}/webhooks`: needs Manage Webhooks there.
pub async fn create_webhook(
    State(world): Shared,
    method: Method,
    uri: Uri,
    Path(channel): Path<u64>,
    Json(body): Json<Value>,
) -> Response {
    if let Some(r) = record(&world, method, &uri, body.clone()) {
        return r;
    }
    let mut w = world.lock().expect("state");
    if !w.channels.contains_key(&channel) {
        return error(404, 10003, "Unknown Channel");
    }
    if !bot_has(&w, channel, MANAGE_WEBHOOKS) {
        return error(403, 50013, "Missing Permissions");
    }
    let id = next_message_id(&mut w);
    let token = format!("whtoken-{id}");
    let name = body["name"].as_str().unwrap_or("Captain Hook").to_owned();
    w.webhooks.insert(
        id,
        Webhook {
            channel,
            token: token.clone(),
            name: name.clone(),
            application_id: Some(APP_ID),
        },
    );
    Json(json!({
        "id": id.to_string(), "type": 1, "channel_id": channel.to_string(), "name": name, "avatar": null,
        "token": token, "application_id": APP_ID.to_string()
    }))
    .into_response()
}

/// The webhook `id` if `token` is its token.
fn webhook(w: &World, id: u64, token: &str) -> Result<Webhook, Box<Response>> {
    match w.webhooks.get(&id) {
        Some(hook) if hook.token == token => Ok(hook.clone()),
        _ => Err(Box::new(error(404, 10015, "Unknown Webhook"))),
    }
}

/// The components a webhook may send with this request (Discord drops them
/// without `with_components=true`); `Err` for interactive ones on a webhook
/// the application doesn't own.
fn components(
    hook: &Webhook,
    params: &HashMap<String, String>,
    body: &Value,
) -> Result<Value, Box<Response>> {
    let wanted = body.get("components").cloned().unwrap_or(json!([]));
    if params.get("with_components").map(String::as_str) != Some("true") {
        return Ok(json!([]));
    }
    let interactive = wanted.to_string().contains("\"custom_id\"");
    if interactive && hook.application_id != Some(APP_ID) {
        return Err(Box::new(error(
            400,
            50035,
            "Invalid Form Body: interactive components need an application-owned webhook",
        )));
    }
    Ok(wanted)
}

/// `POST /webhooks/{id}/{token}`: an interaction follow-up when `id` is the
/// application, otherwise Execute Webhook.
pub async fn execute(
    State(world): Shared,
    method: Method,
    uri: Uri,
    Path((id, token)): Path<(u64, String)>,
    Query(params): Params,
    Json(body): Json<Value>,
) -> Response {
    if id == APP_ID {
        return message_reply(State(world), method, uri, Json(body)).await;
    }
    if let Some(r) = record(&world, method, &uri, body.clone()) {
        return r;
    }
    let mut w = world.lock().expect("state");
    let hook = match webhook(&w, id, &token) {
        Ok(hook) => hook,
        Err(r) => return *r,
    };
    let components = match components(&hook, &params, &body) {
        Ok(c) => c,
        Err(r) => return *r,
    };
    let message_id = next_message_id(&mut w);
    let created = webhook_message(&w, message_id, id, &hook, &body, components);
    *w.accepted.entry(hook.channel).or_default() += 1;
    w.messages.insert(message_id, created.clone());
    w.last_created = Some(Instant::now());
    if params.get("wait").map(String::as_str) == Some("true") {
        Json(created).into_response()
    } else {
        StatusCode::NO_CONTENT.into_response()
    }
}

fn webhook_message(
    w: &World,
    message_id: u64,
    id: u64,
    hook: &Webhook,
    body: &Value,
    components: Value,
) -> Value {
    let mut m = message(message_id, &hook.channel.to_string(), body);
    let name = body["username"].as_str().unwrap_or(&hook.name);
    m["author"] = json!({"id": id.to_string(), "username": name, "discriminator": "0000", "global_name": null, "avatar": null, "bot": true});
    m["webhook_id"] = json!(id.to_string());
    m["components"] = components;
    m["mention_roles"] = json!(mention_roles(w, hook.channel, body));
    // Not Discord's shape (it answers an avatar hash): what the test asserts.
    m["avatar_url_sent"] = body["avatar_url"].clone();
    m
}

/// `DELETE /webhooks/{id}/{token}`.
pub async fn delete_webhook(
    State(world): Shared,
    method: Method,
    uri: Uri,
    Path((id, token)): Path<(u64, String)>,
) -> Response {
    if let Some(r) = record(&world, method, &uri, Value::Null) {
        return r;
    }
    let mut w = world.lock().expect("state");
    if let Err(r) = webhook(&w, id, &token) {
        return *r;
    }
    w.webhooks.remove(&id);
    StatusCode::NO_CONTENT.into_response()
}

/// The message `message_id` if `hook` posted it.
fn own_message(w: &World, id: u64, message_id: u64) -> Result<Value, Box<Response>> {
    match w.messages.get(&message_id) {
        Some(m) if m["webhook_id"] == json!(id.to_string()) => Ok(m.clone()),
        _ => Err(Box::new(error(404, 10008, "Unknown Message"))),
    }
}

/// `PATCH /webhooks/{id}/{token}/messages/{message}`.
pub async fn edit_message(
    State(world): Shared,
    method: Method,
    uri: Uri,
    Path((id, token, message_id)): Path<(u64, String, String)>,
    Query(params): Params,
    Json(body): Json<Value>,
) -> Response {
    if message_id == "@original" {
        return message_reply(State(world), method, uri, Json(body)).await;
    }
    if let Some(r) = record(&world, method, &uri, body.clone()) {
        return r;
    }
    let mut w = world.lock().expect("state");
    let Ok(message_id) = message_id.parse::<u64>() else {
        return error(404, 10008, "Unknown Message");
    };
    let (hook, old) =
        match webhook(&w, id, &token).and_then(|h| Ok((h, own_message(&w, id, message_id)?))) {
            Ok(found) => found,
            Err(r) => return *r,
        };
    let components = match components(&hook, &params, &body) {
        Ok(c) => c,
        Err(r) => return *r,
    };
    let mut edited = webhook_message(&w, message_id, id, &hook, &body, components);
    edited["author"] = old["author"].clone();
    edited["avatar_url_sent"] = old["avatar_url_sent"].clone();
    w.messages.insert(message_id, edited.clone());
    Json(edited).into_response()
}

/// `DELETE /webhooks/{id}/{token}/messages/{message}`.
pub async fn delete_message(
    State(world): Shared,
    method: Method,
    uri: Uri,
    Path((id, token, message_id)): Path<(u64, String, u64)>,
) -> Response {
    if let Some(r) = record(&world, method, &uri, Value::Null) {
        return r;
    }
    let mut w = world.lock().expect("state");
    if let Err(r) = webhook(&w, id, &token).and_then(|_| own_message(&w, id, message_id)) {
        return *r;
    }
    w.messages.remove(&message_id);
    StatusCode::NO_CONTENT.into_response()
}

/// `GET /channels/{channel}/messages?after=&limit=`: newest first; with
/// `after`, the `limit` messages right after it (needs Read Message History).
pub async fn list_messages(
    State(world): Shared,
    method: Method,
    uri: Uri,
    Path(channel): Path<u64>,
    Query(params): Params,
) -> Response {
    if let Some(r) = record(&world, method, &uri, Value::Null) {
        return r;
    }
    let w = world.lock().expect("state");
    if w.channels.contains_key(&channel) && !bot_has(&w, channel, READ_MESSAGE_HISTORY) {
        return error(403, 50001, "Missing Access");
    }
    let limit = params
        .get("limit")
        .and_then(|l| l.parse::<usize>().ok())
        .unwrap_or(50)
        .clamp(1, 100);
    let after = params.get("after").and_then(|a| a.parse::<u64>().ok());
    let id_of = |m: &Value| {
        m["id"]
            .as_str()
            .and_then(|s| s.parse::<u64>().ok())
            .unwrap_or(0)
    };
    let mut found: Vec<Value> = w
        .messages
        .values()
        .filter(|m| m["channel_id"] == json!(channel.to_string()))
        .filter(|m| after.is_none_or(|a| id_of(m) > a))
        .cloned()
        .collect();
    found.sort_by_key(|m| id_of(m));
    let page: Vec<Value> = match after {
        Some(_) => found.into_iter().take(limit).rev().collect(),
        None => found.into_iter().rev().take(limit).collect(),
    };
    Json(page).into_response()
}
