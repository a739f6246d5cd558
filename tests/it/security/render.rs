//! The open template preview (`POST /api/templates/render`) is no lever
//! against the bot: a body no larger than a Discord message allows, an
//! answer bounded by it, a rate per client, and a few blocking workers
//! that leave the rest of the machine to Discord's requests.

use std::{net::SocketAddr, sync::Arc};

use axum::{
    body::Body,
    extract::ConnectInfo,
    http::{Method, Request},
};
use serde_json::{Value, json};
use streammaxing::{
    links::Purpose,
    notify::template::{MAX_PROBLEMS, Template},
    throttle::RENDER_BURST,
    web::templates::TEMPLATE_BODY_MAX,
};

use crate::{
    support::{
        app::{APP_SECRET, TestApp, post_interaction},
        db::{TestDb, on_both_backends},
        discord::DiscordStandIn,
        http::{send, state},
        serve::Serve,
        twitch::TwitchStandIn,
    },
    web::token,
};

/// The most a preview answer may weigh: twice the largest body accepted.
/// The message is trimmed to Discord's limits (8,160 chars of text, at
/// most 6 bytes each in JSON, and seven URLs) and the problems are at most
/// [`MAX_PROBLEMS`] short lines and a count: about 80 KB at worst.
const RESPONSE_MAX: usize = 2 * TEMPLATE_BODY_MAX;

/// `{"template": <template>}` padded with `filler` in `field` (a JSON
/// pointer into the template) to exactly `size` bytes.
fn body_of_size(size: usize, pointer: &str, filler: &str) -> String {
    let mut template = serde_json::to_value(Template::default()).unwrap();
    *template.pointer_mut(pointer).unwrap() = json!("");
    let empty = json!({ "template": template }).to_string();
    let room = size - empty.len();
    let unit = serde_json::to_string(filler).unwrap().len() - 2;
    let mut text = filler.repeat(room / unit);
    text.push_str(&"x".repeat(room % unit));
    *template.pointer_mut(pointer).unwrap() = json!(text);
    let body = json!({ "template": template }).to_string();
    assert_eq!(body.len(), size, "{pointer} filled with {filler:?}");
    body
}

/// Every body that makes the engine work hardest or answer longest, at the
/// largest size accepted.
fn worst_cases() -> Vec<(&'static str, String)> {
    let max = TEMPLATE_BODY_MAX;
    let mut template = serde_json::to_value(Template::default()).unwrap();
    let room = max - json!({ "template": template }).to_string().len();
    template["embed"]["fields"] = Value::Array(vec![json!({}); room / 3]);
    let long_name = body_of_size(max, "/content", "x")
        .replacen("\"xx", "\"{x", 1)
        .replacen("xx\"", "x}\"", 1);
    vec![
        ("unknown variables", body_of_size(max, "/content", "{a}")),
        (
            "names near the suggestion limit",
            body_of_size(
                max,
                "/embed/description",
                "{streamer_display_nam_xxxxxxxxxx}",
            ),
        ),
        ("one long unknown name", long_name),
        (
            "control characters",
            body_of_size(max, "/embed/description", "\u{1}"),
        ),
        ("control characters in content and embed", {
            let content = json!("\u{1}".repeat(2000)).to_string();
            body_of_size(max - content.len() + 2, "/embed/description", "\u{1}").replacen(
                "\"content\":\"{mention}\"",
                &format!("\"content\":{content}"),
                1,
            )
        }),
        (
            "expanding variables",
            body_of_size(max, "/embed/description", "{stream_url}"),
        ),
        ("empty fields", json!({ "template": template }).to_string()),
    ]
}

async fn render(app: &TestApp, body: String) -> reqwest::Response {
    reqwest::Client::new()
        .post(format!("{}/api/templates/render", app.url))
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap()
}

on_both_backends! {
    async fn a_template_body_past_what_discord_allows_is_refused_with_the_reason(db) {
        let app = TestApp::start(db).await;
        let at_limit = body_of_size(TEMPLATE_BODY_MAX, "/content", "a");
        assert_eq!(render(&app, at_limit).await.status(), 200, "the largest accepted body");
        let over = body_of_size(TEMPLATE_BODY_MAX + 1, "/content", "a");
        let editor = format!("{}/api/templates?token={}", app.url, token(Purpose::Editor, None));
        let client = reqwest::Client::new();
        for response in [
            render(&app, over.clone()).await,
            client.put(&editor).header("content-type", "application/json").body(over).send().await.unwrap(),
        ] {
            assert_eq!(response.status(), 413);
            let body: Value = response.json().await.unwrap();
            assert_eq!(body["reason"], "too_large");
            assert_eq!(body["limit"], TEMPLATE_BODY_MAX);
            let error = body["error"].as_str().unwrap();
            assert!(error.contains(&TEMPLATE_BODY_MAX.to_string()) && error.contains("Discord"), "{error}");
        }
    }

    async fn the_largest_accepted_bodies_get_a_bounded_answer(db) {
        let app = TestApp::start(db).await;
        for (case, body) in worst_cases() {
            assert!(body.len() <= TEMPLATE_BODY_MAX, "{case}: {}", body.len());
            let response = render(&app, body).await;
            assert_eq!(response.status(), 200, "{case}");
            let answer = response.bytes().await.unwrap();
            assert!(answer.len() <= RESPONSE_MAX, "{case}: {} bytes", answer.len());
            let answer: Value = serde_json::from_slice(&answer).unwrap();
            let errors = answer["errors"].as_array().unwrap();
            assert!(errors.len() <= MAX_PROBLEMS + 1, "{case}: {} problems", errors.len());
            let listing = errors.iter().filter(|e| e["message"].as_str().unwrap().contains("{streamer_login}")).count();
            assert!(listing <= 1, "{case}: the variables are listed at most once");
        }
    }
}

/// A client past its burst is told when to come back; another client is
/// not held back by it.
#[tokio::test]
async fn a_client_rendering_too_often_gets_429_with_retry_after() {
    let db = TestDb::sqlite().await;
    let state = state(&db, &[("APP_SECRET", APP_SECRET)]);
    let request = |peer: &str| {
        let mut request = Request::builder()
            .method(Method::POST)
            .uri("/api/templates/render")
            .header("content-type", "application/json")
            .body(Body::from(
                json!({ "template": Template::default() }).to_string(),
            ))
            .unwrap();
        request
            .extensions_mut()
            .insert(ConnectInfo::<SocketAddr>(peer.parse().unwrap()));
        request
    };
    let mut rendered = 0u32;
    let refused = loop {
        let (response, body) = send(&state, request("198.51.100.7:4000")).await;
        if response.status() != 200 {
            break (response, body);
        }
        rendered += 1;
        assert!(rendered < 1000, "never limited");
    };
    let (response, body) = refused;
    assert!(rendered >= RENDER_BURST, "the burst is served: {rendered}");
    assert_eq!(response.status(), 429);
    let retry_after: u64 = response.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(retry_after >= 1);
    let body: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(body["reason"], "rate_limited");
    assert_eq!(body["retry_after"], retry_after);
    assert!(body["error"].as_str().unwrap().contains("try again"));
    let (other, _) = send(&state, request("203.0.113.5:4000")).await;
    assert_eq!(other.status(), 200, "another address has its own budget");
}

/// Behind a proxy we trust, the address it appends is the client; the
/// entries before it are the client's to forge and count for nothing.
#[tokio::test]
async fn behind_a_trusted_proxy_the_forwarded_address_is_the_client() {
    let db = TestDb::sqlite().await;
    let state = state(&db, &[("TRUST_FORWARDED_FOR", "true")]);
    let request = |forwarded: &str| {
        Request::builder()
            .method(Method::POST)
            .uri("/api/templates/render")
            .header("content-type", "application/json")
            .header("x-forwarded-for", forwarded)
            .body(Body::from(
                json!({ "template": Template::default() }).to_string(),
            ))
            .unwrap()
    };
    let mut attempts = 0;
    loop {
        // A new forged first entry each time, from the same real client.
        let forged = format!("10.0.{}.{}, 198.51.100.7", attempts / 250, attempts % 250);
        let (response, _) = send(&state, request(&forged)).await;
        if response.status() == 429 {
            break;
        }
        attempts += 1;
        assert!(attempts < 1000, "forged entries escaped the limit");
    }
    let (other, _) = send(&state, request("198.51.100.7, 203.0.113.5")).await;
    assert_eq!(other.status(), 200);
}

/// With every render worker taken, a render is answered 503 with
/// `Retry-After` (not queued for ever), and Discord's PING is answered
/// meanwhile; once a worker is free, previews render again.
#[tokio::test]
async fn with_every_render_worker_busy_a_ping_is_still_answered() {
    let app = Arc::new(TestApp::start(TestDb::sqlite().await).await);
    let workers = app.state.render.workers.clone();
    let all = u32::try_from(workers.available_permits()).unwrap();
    let held = workers.acquire_many(all).await.unwrap();
    let waiting: Vec<_> = (0..8)
        .map(|_| {
            let app = app.clone();
            tokio::spawn(async move {
                render(&app, json!({ "template": Template::default() }).to_string()).await
            })
        })
        .collect();
    assert_eq!(
        post_interaction(&app.url, &json!({"type": 1})).await,
        (200, json!({"type": 1}))
    );
    for waiting in waiting {
        let response = waiting.await.unwrap();
        assert_eq!(response.status(), 503);
        assert_eq!(response.headers()["retry-after"], "1");
        assert_eq!(response.json::<Value>().await.unwrap()["reason"], "busy");
    }
    drop(held);
    let response = render(&app, json!({ "template": Template::default() }).to_string()).await;
    assert_eq!(response.status(), 200);
}

on_both_backends! {
    // The real `serve`: clients from many addresses post the heaviest
    // accepted bodies as fast as they are answered; every signed PING sent
    // meanwhile is answered, and every preview is either rendered or
    // refused as busy, never dropped.
    async fn a_flood_of_heavy_previews_does_not_stall_a_signed_ping(db) {
        let (twitch, discord) = (TwitchStandIn::start().await, DiscordStandIn::start().await);
        let serve = Serve::start_with(&db.url, &twitch, &discord, &[("TRUST_FORWARDED_FOR", "true")]).await;
        let bodies: Arc<Vec<String>> = Arc::new(worst_cases().into_iter().map(|(_, body)| body).collect());
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let flood: Vec<_> = (0..8u8)
            .map(|client| {
                let (url, bodies, stop) = (serve.url.clone(), bodies.clone(), stop.clone());
                tokio::spawn(async move {
                    let http = reqwest::Client::new();
                    let mut statuses = Vec::new();
                    for i in 0.. {
                        if stop.load(std::sync::atomic::Ordering::Relaxed) {
                            break;
                        }
                        let response = http.post(format!("{url}/api/templates/render"))
                            .header("content-type", "application/json")
                            .header("x-forwarded-for", format!("198.51.{client}.{}", i % 250))
                            .body(bodies[i % bodies.len()].clone())
                            .send().await.expect("every preview is answered");
                        statuses.push(response.status().as_u16());
                        let _ = response.bytes().await;
                    }
                    statuses
                })
            })
            .collect();
        for _ in 0..20 {
            assert_eq!(post_interaction(&serve.url, &json!({"type": 1})).await, (200, json!({"type": 1})));
        }
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        let mut statuses = Vec::new();
        for client in flood {
            statuses.extend(client.await.unwrap());
        }
        assert!(statuses.contains(&200), "previews were rendered meanwhile");
        assert!(statuses.iter().all(|s| [200, 503].contains(s)), "{statuses:?}");
    }
}
