//! Signed links and the Twitch sign-in: an OAuth `state` is bound to the
//! browser, expires, and can't be swapped for a link (or the reverse); a
//! link works once even when two browsers race; every redirect stays on
//! this site; the cookie is Secure over HTTPS.

use axum::{body::Body, http::Request};
use serde_json::json;
use sha2::Digest as _;
use streammaxing::links::{self, Purpose};

use crate::support::sf;
use crate::support::tw;
use crate::{
    support::{
        app::{APP_SECRET, TestApp},
        db::on_both_backends,
        http::{send, state},
        interactions::GUILD,
    },
    web::{browser, location, token},
};

const SHROUD: &str = "37402112";

async fn app(db: crate::support::db::TestDb) -> TestApp {
    let app = TestApp::start(db).await;
    app.twitch.add_user(SHROUD, "shroud", "shroud");
    app.twitch.world().consenting_user = Some(SHROUD.into());
    app
}

/// Twitch sends the browser back with `query`, carrying `cookie`.
async fn callback(app: &TestApp, query: &str, cookie: &str) -> String {
    let response = browser()
        .get(format!("{}/api/auth/twitch/callback?{query}", app.url))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 302);
    location(&response)
}

/// The whole sign-in in one browser; returns where it ends.
async fn sign_in(app: &TestApp, link: &str) -> String {
    let client = browser();
    let start = client
        .get(format!("{}/api/auth/twitch/start?token={link}", app.url))
        .send()
        .await
        .unwrap();
    let to_twitch = location(&start);
    if !to_twitch.starts_with(&app.twitch.url) {
        // Refused before Twitch (the other browser already spent the link).
        return to_twitch;
    }
    let cookie = start.headers()["set-cookie"].to_str().unwrap();
    let cookie = cookie.split(';').next().unwrap().to_owned();
    let back = client.get(to_twitch).send().await.unwrap();
    let done = client
        .get(location(&back))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap();
    location(&done)
}

fn encoded(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

on_both_backends! {
    async fn an_oauth_state_must_be_fresh_signed_for_sign_in_and_carry_a_link(db) {
        let app = app(db).await;
        let link = token(Purpose::TwitchLink, None);
        let in_ten_minutes = chrono::Utc::now().timestamp_millis() + 600_000;
        // The browser's cookie holds a nonce and the link; the state only its digest.
        let cookie = |t: &str| format!("abc~{t}");
        let digest = |c: &str| hex::encode(sha2::Sha256::digest(c.as_bytes()));
        let state = |c: &str, e: i64| encoded(&links::sign_state(APP_SECRET, &json!({"h": digest(c), "e": e})));
        // The control: a fresh state with this browser's cookie gets as far
        // as Twitch's answer (here: the streamer cancelled).
        let (ours, editor) = (cookie(&link), cookie(&token(Purpose::Editor, None)));
        assert_eq!(callback(&app, &format!("error=access_denied&state={}", state(&ours, in_ten_minutes)), &format!("sm_oauth={ours}")).await, "/link/error?reason=denied");
        for (case, query, sent, reason) in [
            ("expired state", format!("code=x&state={}", state(&ours, 1)), &ours, "state"),
            ("a link passed off as a state", format!("code=x&state={}", encoded(&link)), &ours, "state"),
            ("a cookie carrying an editor link", format!("code=x&state={}", state(&editor, in_ten_minutes)), &editor, "invalid"),
            ("another browser's cookie", format!("code=x&state={}", state(&ours, in_ten_minutes)), &editor, "state"),
            ("no state", "code=x".to_owned(), &ours, "state"),
            ("a state that names another site", format!("code=x&state={}", encoded("https://evil.example/")), &ours, "state"),
        ] {
            let to = callback(&app, &query, &format!("sm_oauth={sent}")).await;
            assert_eq!(to, format!("/link/error?reason={reason}"), "{case}");
        }
        assert!(app.db.tracked_streamer(sf(GUILD), &tw(SHROUD)).await.unwrap().is_none(), "nothing was linked");
    }

    async fn a_link_works_once_even_when_two_browsers_race(db) {
        let app = app(db).await;
        let link = token(Purpose::TwitchLink, None);
        let (first, second) = tokio::join!(sign_in(&app, &link), sign_in(&app, &link));
        let mut ends = [first, second];
        ends.sort();
        assert_eq!(ends, ["/link/done?streamer=shroud&name=shroud", "/link/error?reason=used"]);
        assert!(app.db.tracked_streamer(sf(GUILD), &tw(SHROUD)).await.unwrap().is_some());
    }

    async fn the_sign_in_cookie_is_bound_to_the_oauth_routes_and_twitch_always_asks(db) {
        // Over plain HTTP (local use) the cookie can't be Secure; over
        // HTTPS it must be.
        let app = app(db).await;
        let link = token(Purpose::TwitchLink, None);
        let start = browser().get(format!("{}/api/auth/twitch/start?token={link}", app.url)).send().await.unwrap();
        let cookie = start.headers()["set-cookie"].to_str().unwrap().to_owned();
        for attribute in ["HttpOnly", "SameSite=Lax", "Path=/api/auth/twitch", "Max-Age=600"] {
            assert!(cookie.contains(attribute), "{attribute} in {cookie}");
        }
        assert!(!cookie.contains("Secure"), "{cookie}");
        let to_twitch = location(&start);
        assert!(to_twitch.starts_with(&format!("{}/authorize?", app.twitch.oauth_url())), "{to_twitch}");
        assert!(to_twitch.contains("force_verify=true"), "{to_twitch}");
        assert_eq!(start.headers()["cache-control"], "no-store");
    }

    async fn over_https_the_sign_in_cookie_is_secure(db) {
        let state = state(&db, &[
            ("APP_SECRET", APP_SECRET),
            ("PUBLIC_URL", "https://alerts.example.com"),
            ("TWITCH_CLIENT_ID", "cid"),
            ("TWITCH_CLIENT_SECRET", "client-secret"),
            ("TWITCH_EVENTSUB_SECRET", "eventsub-secret"),
            ("TWITCH_OAUTH_URL", "https://id.twitch.tv/oauth2"),
        ]);
        let link = token(Purpose::TwitchLink, None);
        let (response, _) = send(&state, Request::get(format!("/api/auth/twitch/start?token={link}")).body(Body::empty()).unwrap()).await;
        assert_eq!(response.status(), 302);
        let cookie = response.headers()["set-cookie"].to_str().unwrap();
        assert!(cookie.contains("; Secure") && cookie.contains("HttpOnly"), "{cookie}");
        let to_twitch = response.headers()["location"].to_str().unwrap();
        assert!(to_twitch.starts_with("https://id.twitch.tv/oauth2/authorize?"), "{to_twitch}");
        assert!(to_twitch.contains(&format!("redirect_uri={}", encoded("https://alerts.example.com/api/auth/twitch/callback"))), "{to_twitch}");
        // The callback clears it the same way, whatever the outcome.
        let (response, _) = send(&state, Request::get("/api/auth/twitch/callback?error=access_denied").body(Body::empty()).unwrap()).await;
        assert_eq!(response.headers()["location"], "/link/error?reason=state");
        let cleared = response.headers()["set-cookie"].to_str().unwrap();
        assert!(cleared.starts_with("sm_oauth=;") && cleared.contains("Max-Age=0") && cleared.contains("; Secure"), "{cleared}");
    }
}
