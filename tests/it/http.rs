//! HTTP behaviour every route shares, through the real router.

use axum::{body::Body, http::Request};
use serde_json::Value;
use streammaxing::{
    AppState,
    clock::Clock,
    config::{Config, DatabaseUrl},
    store::{Db, PoolSettings},
};

use crate::support::{
    db::{TestDb, on_both_backends},
    http::{send, state},
};

fn get(path: &str) -> Request<Body> {
    Request::get(path).body(Body::empty()).unwrap()
}

on_both_backends! {
    async fn health_reports_version_database_and_features(db) {
        let state = state(&db, &[("APP_SECRET", "0123456789abcdef0123456789abcdef")]);
        let (response, body) = send(&state, get("/api/health")).await;
        assert_eq!(response.status(), 200);
        assert_eq!(response.headers()["content-type"], "application/json");
        assert!(response.headers().contains_key("x-request-id"));
        let body: Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(body["status"], "ok");
        assert_eq!(body["version"], env!("CARGO_PKG_VERSION"));
        assert_eq!(body["database"]["backend"], db.backend_name());
        assert_eq!(body["database"]["reachable"], true);
        assert_eq!(body["features"], serde_json::json!({"discord": false, "twitch": false, "web": true}));
    }

    async fn oversized_bodies_are_refused_with_413(db) {
        let state = state(&db, &[]);
        let big = vec![b'x'; 64 * 1024 + 1];
        let (response, _) = send(&state, Request::post("/api/health").header("content-length", big.len()).body(Body::from(big)).unwrap()).await;
        assert_eq!(response.status(), 413);
    }

    async fn unknown_routes_get_a_json_404(db) {
        let state = state(&db, &[]);
        let (response, body) = send(&state, get("/api/nothing-here")).await;
        assert_eq!(response.status(), 404);
        assert_eq!(serde_json::from_slice::<Value>(&body).unwrap()["error"], "not found");
    }
}

#[tokio::test]
async fn health_is_503_with_the_same_shape_when_the_database_is_unreachable() {
    // Nothing listens on port 1; the lazy pool only finds out when asked.
    let url = DatabaseUrl::parse("postgres://postgres@127.0.0.1:1/none").unwrap();
    let db = Db::connect(&url, PoolSettings::LAMBDA).await.unwrap();
    let config = Config::from_vars(|_| None).unwrap();
    let state = AppState::new(config, db, Clock::system());
    let (response, body) = send(&state, get("/api/health")).await;
    assert_eq!(response.status(), 503);
    let body: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(body["status"], "degraded");
    assert_eq!(
        body["database"],
        serde_json::json!({"backend": "postgres", "reachable": false})
    );
    assert!(body["features"].is_object() && body["version"].is_string());
    // The process itself is alive: a load balancer must not kill it for a
    // database outage it can't fix by restarting.
    let (response, body) = send(&state, get("/api/health/live")).await;
    assert_eq!((response.status().as_u16(), &body[..]), (200, &b"ok"[..]));
}

#[tokio::test]
async fn health_is_503_when_the_sqlite_pool_is_closed() {
    let db = TestDb::sqlite().await;
    let state = state(&db, &[]);
    db.close().await;
    let (response, _) = send(&state, get("/api/health")).await;
    assert_eq!(response.status(), 503);
}
