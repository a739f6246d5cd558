//! `POST /webhooks/twitch` through the real router: header checks, HMAC
//! verification, the replay window, parsing of challenges, revocations and
//! notifications, and what a notification does to the database.
//!
//! The first byte picks how the rest is sent:
//! - 0: lines message type, message id, then the body; correctly signed;
//! - 1: first rest byte picks a subscription type, the remainder, if JSON,
//!   is the `event` of a well-formed notification; correctly signed;
//! - 2: first line a timestamp, the rest the body of a signed notification;
//! - 3: lines id, timestamp, signature, type, then body: arbitrary headers.
//!
//! Oracles: never a panic or a 5xx; a correctly signed fresh message is
//! never refused as forged (403), and anything else always is.
#![no_main]

use axum::{
    body::Body,
    http::{HeaderValue, Request, StatusCode},
};
use fuzz_support::{
    EVENTSUB_SECRET, NOW_MS, TWITCH_TIMESTAMP, assert_not_5xx, take_line, with_harness,
};
use libfuzzer_sys::fuzz_target;
use serde_json::{Value, json};
use streammaxing::twitch::signature::sign;

const TYPES: [&str; 3] = ["notification", "webhook_callback_verification", "revocation"];
const SUBSCRIPTIONS: [&str; 5] = [
    "stream.online",
    "stream.offline",
    "channel.update",
    "user.update",
    "channel.follow",
];

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    match mode % 4 {
        0 => {
            let (kind, rest) = take_line(rest);
            let (id, body) = take_line(rest);
            let kind = match kind {
                [n] if usize::from(*n) < TYPES.len() * 16 => TYPES[usize::from(*n) % 3].as_bytes(),
                other => other,
            };
            signed(kind, id, TWITCH_TIMESTAMP.as_bytes(), body.to_vec());
        }
        1 => {
            let Some((&sub, event)) = rest.split_first() else {
                return;
            };
            let Ok(event) = serde_json::from_slice::<Value>(event) else {
                return;
            };
            let body = notification(SUBSCRIPTIONS[usize::from(sub) % SUBSCRIPTIONS.len()], event);
            signed(b"notification", b"fuzz-message-1", TWITCH_TIMESTAMP.as_bytes(), body);
        }
        2 => {
            let (timestamp, body) = take_line(rest);
            signed(b"notification", b"fuzz-message-2", timestamp, body.to_vec());
        }
        _ => {
            let (id, rest) = take_line(rest);
            let (timestamp, rest) = take_line(rest);
            let (signature, rest) = take_line(rest);
            let (kind, body) = take_line(rest);
            unsigned([id, timestamp, signature, kind], body);
        }
    }
});

/// Correctly signed: past verification unless the timestamp is stale.
fn signed(kind: &[u8], id: &[u8], timestamp: &[u8], body: Vec<u8>) {
    let (Ok(id_str), Ok(ts_str)) = (header_str(id), header_str(timestamp)) else {
        return;
    };
    let signature = sign(EVENTSUB_SECRET.as_bytes(), id_str, ts_str, &body);
    let fresh = chrono::DateTime::parse_from_rfc3339(ts_str)
        .is_ok_and(|t| (NOW_MS - t.timestamp_millis()).abs() <= 10 * 60 * 1000);
    let (status, answer) = post([id, timestamp, signature.as_bytes(), kind], body);
    assert_not_5xx(status, &answer, "signed EventSub message");
    if fresh {
        assert_ne!(status, StatusCode::FORBIDDEN, "a signed, fresh message was refused");
    } else {
        assert_eq!(status, StatusCode::FORBIDDEN, "a stale message was accepted");
    }
}

/// Arbitrary headers: refused unless the signature happens to be right.
fn unsigned(headers: [&[u8]; 4], body: &[u8]) {
    let [id, timestamp, signature, _] = headers;
    let valid = match (header_str(id), header_str(timestamp)) {
        (Ok(id), Ok(ts)) => sign(EVENTSUB_SECRET.as_bytes(), id, ts, body).as_bytes() == signature,
        _ => false,
    };
    let (status, answer) = post(headers, body.to_vec());
    assert_not_5xx(status, &answer, "unsigned EventSub message");
    if !valid {
        assert_eq!(status, StatusCode::FORBIDDEN, "a forged message was accepted");
    }
}

/// A header as the handler reads it (visible ASCII), or why it's not one.
fn header_str(raw: &[u8]) -> Result<&str, ()> {
    let value = HeaderValue::from_bytes(raw).map_err(drop)?;
    value.to_str().map_err(drop)?;
    std::str::from_utf8(raw).map_err(drop)
}

fn post(headers: [&[u8]; 4], body: Vec<u8>) -> (StatusCode, Vec<u8>) {
    let names = [
        "twitch-eventsub-message-id",
        "twitch-eventsub-message-timestamp",
        "twitch-eventsub-message-signature",
        "twitch-eventsub-message-type",
    ];
    let mut request = Request::post("/webhooks/twitch")
        .header("content-type", "application/json")
        .header("twitch-eventsub-message-retry", "0");
    for (name, value) in names.into_iter().zip(headers) {
        if let Ok(v) = HeaderValue::from_bytes(value) {
            request = request.header(name, v);
        }
    }
    let request = request.body(Body::from(body)).expect("request");
    with_harness(|h| h.send(request))
}

/// A notification shaped like twitch-cli's, with `event` as given.
fn notification(sub_type: &str, event: Value) -> Vec<u8> {
    let broadcaster = event
        .get("broadcaster_user_id")
        .cloned()
        .unwrap_or(json!("12826"));
    json!({
        "subscription": {
            "id": "f1c2a387-161a-49f9-a165-0f21d7a4e1c4",
            "status": "enabled",
            "type": sub_type,
            "version": "1",
            "condition": {"broadcaster_user_id": broadcaster},
            "transport": {"method": "webhook", "callback": "https://example.com/webhooks/twitch"},
            "created_at": "2026-11-26T12:00:00.000000000Z",
            "cost": 0
        },
        "event": event
    })
    .to_string()
    .into_bytes()
}
