//! `POST /interactions` through the real router: signature check, PING,
//! parsing into twilight's `Interaction`, and dispatch to the commands,
//! autocomplete, buttons and modals, over an in-memory database.
//!
//! The first byte picks how the rest is sent:
//! - 0: the rest is the body, signed as Discord signs it, now;
//! - 1: the first rest byte is the interaction type and the remainder, if
//!   JSON, is `data` inside a well-formed guild envelope (reaches dispatch);
//! - 2: first line a timestamp, the rest the body, correctly signed;
//! - 3: lines signature, timestamp, then body: arbitrary headers.
//!
//! Oracles: never a panic or a 5xx; a correctly signed fresh request is
//! never refused as unsigned (401), and anything else always is.
#![no_main]

use axum::{
    body::Body,
    http::{HeaderValue, Request, StatusCode},
};
use fuzz_support::{
    DISCORD_TIMESTAMP, NOW_MS, assert_not_5xx, discord_signature, take_line, with_harness,
};
use libfuzzer_sys::fuzz_target;
use serde_json::{Value, json};

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    match mode % 4 {
        0 => signed(DISCORD_TIMESTAMP, rest.to_vec()),
        1 => {
            let Some((&kind, data)) = rest.split_first() else {
                return;
            };
            let Ok(data) = serde_json::from_slice::<Value>(data) else {
                return;
            };
            signed(DISCORD_TIMESTAMP, envelope(kind % 6, data));
        }
        2 => {
            let (timestamp, body) = take_line(rest);
            let Ok(timestamp) = std::str::from_utf8(timestamp) else {
                return;
            };
            signed(timestamp, body.to_vec());
        }
        _ => {
            let (signature, rest) = take_line(rest);
            let (timestamp, body) = take_line(rest);
            unsigned(signature, timestamp, body);
        }
    }
});

/// A correctly signed request: past the signature check unless stale.
fn signed(timestamp: &str, body: Vec<u8>) {
    if HeaderValue::from_str(timestamp).is_err() {
        return;
    }
    let signature = discord_signature(timestamp, &body);
    let fresh = timestamp
        .parse::<i64>()
        .is_ok_and(|t| t.abs_diff(NOW_MS / 1000) <= 300);
    let (status, answer) = post(signature.as_bytes(), timestamp.as_bytes(), body.clone());
    assert_not_5xx(status, &answer, "signed interaction");
    if fresh {
        assert_ne!(status, StatusCode::UNAUTHORIZED, "a signed, fresh interaction was refused");
        if status == StatusCode::OK {
            serde_json::from_slice::<Value>(&answer).expect("answers are JSON");
        }
    } else {
        assert_eq!(status, StatusCode::UNAUTHORIZED, "a stale interaction was accepted");
    }
}

/// Arbitrary signature headers: always 401 (a forged Ed25519 signature
/// from a fuzzer would be news).
fn unsigned(signature: &[u8], timestamp: &[u8], body: &[u8]) {
    let valid = std::str::from_utf8(timestamp)
        .is_ok_and(|t| discord_signature(t, body).as_bytes() == signature);
    let (status, answer) = post(signature, timestamp, body.to_vec());
    assert_not_5xx(status, &answer, "unsigned interaction");
    if !valid {
        assert_eq!(status, StatusCode::UNAUTHORIZED, "an unsigned interaction was accepted");
    }
}

fn post(signature: &[u8], timestamp: &[u8], body: Vec<u8>) -> (StatusCode, Vec<u8>) {
    let mut request = Request::post("/interactions").header("content-type", "application/json");
    if let Ok(v) = HeaderValue::from_bytes(signature) {
        request = request.header("x-signature-ed25519", v);
    }
    if let Ok(v) = HeaderValue::from_bytes(timestamp) {
        request = request.header("x-signature-timestamp", v);
    }
    let request = request.body(Body::from(body)).expect("request");
    with_harness(|h| h.send(request))
}

/// An interaction of `kind` from a guild admin, shaped like Discord's.
fn envelope(kind: u8, data: Value) -> Vec<u8> {
    const GUILD: &str = "1100000000000000001";
    json!({
        "id": "1600000000000000001",
        "application_id": "1000000000000000001",
        "type": kind,
        "token": "interaction-token",
        "version": 1,
        "guild_id": GUILD,
        "guild": {"id": GUILD, "locale": "en-US", "features": []},
        "channel_id": "1200000000000000001",
        "channel": {"id": "1200000000000000001", "type": 0, "guild_id": GUILD, "name": "general", "position": 0},
        "member": {
            "user": {"id": "1500000000000000001", "username": "admin", "discriminator": "0", "global_name": "Admin", "avatar": null},
            "roles": [],
            "permissions": "412768",
            "joined_at": "2025-01-01T00:00:00.000000+00:00",
            "deaf": false, "mute": false, "flags": 0
        },
        "app_permissions": "268585984",
        "locale": "en-US",
        "guild_locale": "en-US",
        "entitlements": [],
        "authorizing_integration_owners": {"0": GUILD},
        "context": 0,
        "data": data
    })
    .to_string()
    .into_bytes()
}
