//! Limits every route shares: bodies over 64 KiB are refused whether or not
//! they announce their length (Lambda's requests may not), deeply nested
//! JSON is a 400 rather than a crash, and every kind of response carries
//! the security headers.

use axum::{
    body::Body,
    http::{Method, Request},
};
use ed25519_dalek::Signer;
use streammaxing::links::Purpose;

use crate::{
    support::{
        app::{APP_SECRET, EVENTSUB_SECRET, TestApp, discord_signing_key},
        db::on_both_backends,
        http::{send, state},
    },
    web::{browser, token},
};

const LIMIT: usize = 64 * 1024;

on_both_backends! {
    async fn every_route_that_reads_a_body_refuses_more_than_64_kib(db) {
        let public_key = hex::encode(discord_signing_key().verifying_key().to_bytes());
        let state = state(&db, &[
            ("APP_SECRET", APP_SECRET),
            ("DISCORD_APPLICATION_ID", "1300000000000000001"),
            ("DISCORD_PUBLIC_KEY", &public_key),
            ("DISCORD_BOT_TOKEN", "test-bot-token"),
            ("TWITCH_CLIENT_ID", "cid"),
            ("TWITCH_CLIENT_SECRET", "client-secret"),
            ("TWITCH_EVENTSUB_SECRET", EVENTSUB_SECRET),
        ]);
        let editor = format!("/api/templates?token={}", token(Purpose::Editor, None));
        let routes = [
            (Method::POST, "/interactions"),
            (Method::POST, "/webhooks/discord"),
            (Method::POST, "/webhooks/twitch"),
            (Method::POST, "/api/templates/render"),
            (Method::PUT, editor.as_str()),
        ];
        let big = format!("{{\"template\": \"{}\"}}", "x".repeat(LIMIT));
        for (method, path) in routes {
            for announced in [true, false] {
                let mut request = Request::builder().method(method.clone()).uri(path).header("content-type", "application/json");
                if announced {
                    request = request.header("content-length", big.len());
                }
                let (response, _) = send(&state, request.body(Body::from(big.clone())).unwrap()).await;
                assert_eq!(response.status(), 413, "{method} {path} (length announced: {announced})");
            }
        }
    }

    async fn deeply_nested_json_is_refused_not_a_crash(db) {
        let app = TestApp::start(db).await;
        let depth = 30_000;
        let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        // Signed, so it reaches the parser.
        let body = format!(r#"{{"type": 2, "data": {nested}}}"#);
        let timestamp = chrono::Utc::now().timestamp().to_string();
        let signature = hex::encode(discord_signing_key().sign(format!("{timestamp}{body}").as_bytes()).to_bytes());
        assert_eq!(app.post_signed("/interactions", &signature, &timestamp, body).await.status(), 400);
        let body = format!(r#"{{"subscription": {{"id": "x"}}, "event": {nested}}}"#);
        assert_eq!(app.eventsub("notification", "m-deep", &body).await.status(), 400);
        // Within the template routes' smaller limit, so it reaches the parser too.
        let nested = format!("{}{}", "[".repeat(20_000), "]".repeat(20_000));
        let render = reqwest::Client::new().post(format!("{}/api/templates/render", app.url))
            .header("content-type", "application/json")
            .body(format!(r#"{{"template": {nested}}}"#)).send().await.unwrap();
        assert_eq!(render.status(), 400);
        // Still serving.
        assert_eq!(reqwest::get(format!("{}/api/health", app.url)).await.unwrap().status(), 200);
    }

    async fn every_kind_of_response_carries_the_security_headers(db) {
        let app = TestApp::start(db).await;
        let url = |path: &str| format!("{}{path}", app.url);
        let client = browser();
        let responses = [
            ("json", client.get(url("/api/health")).send().await.unwrap()),
            ("unsigned", client.post(url("/interactions")).body("{}").send().await.unwrap()),
            ("bad link", client.get(url("/api/link?token=nope")).send().await.unwrap()),
            ("redirect", client.get(url("/api/auth/twitch/start?token=nope")).send().await.unwrap()),
            ("too large", client.post(url("/api/templates/render")).body(vec![b'x'; LIMIT + 1]).send().await.unwrap()),
            ("not found", client.get(url("/api/nothing")).send().await.unwrap()),
            ("page", client.get(url("/editor")).send().await.unwrap()),
        ];
        for (case, response) in responses {
            let h = response.headers();
            let csp = h["content-security-policy"].to_str().unwrap();
            for directive in ["default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'"] {
                assert!(csp.contains(directive), "{case}: {directive} in {csp}");
            }
            assert!(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), "{case}: {csp}");
            assert_eq!(h["x-content-type-options"], "nosniff", "{case}");
            assert_eq!(h["x-frame-options"], "DENY", "{case}");
            assert_eq!(h["referrer-policy"], "strict-origin-when-cross-origin", "{case}");
            assert!(h.contains_key("x-request-id"), "{case}");
        }
    }
}

/// Over HTTPS, browsers are told never to use plain HTTP for this host;
/// over plain HTTP (local use) the header would be meaningless.
#[tokio::test]
async fn over_https_every_response_asks_for_https_only() {
    let db = crate::support::db::TestDb::sqlite().await;
    let https = state(&db, &[("PUBLIC_URL", "https://alerts.example.com")]);
    let plain = state(&db, &[("PUBLIC_URL", "http://localhost:3000")]);
    for path in ["/api/health", "/editor", "/api/nothing"] {
        let get = || Request::get(path).body(Body::empty()).unwrap();
        let (response, _) = send(&https, get()).await;
        assert_eq!(
            response.headers()["strict-transport-security"],
            "max-age=31536000",
            "{path}"
        );
        let (response, _) = send(&plain, get()).await;
        assert!(
            !response.headers().contains_key("strict-transport-security"),
            "{path}"
        );
    }
}
