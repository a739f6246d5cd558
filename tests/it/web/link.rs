//! The Twitch link flow, as a browser goes through it.

use streammaxing::links::Purpose;

use super::{browser, location, token, token_expiring};
use crate::support::sf;
use crate::support::tw;
use crate::support::{app::TestApp, db::on_both_backends, interactions::GUILD};

const SHROUD: &str = "37402112";

async fn app(db: crate::support::db::TestDb) -> TestApp {
    let app = TestApp::start(db).await;
    app.twitch.add_user(SHROUD, "shroud", "shroud");
    app.twitch.world().consenting_user = Some(SHROUD.into());
    app
}

/// start → Twitch authorize → callback; returns the callback's redirect.
pub async fn go_through(app: &TestApp, link: &str, cookie_override: Option<&str>) -> String {
    let client = browser();
    let start = client
        .get(format!("{}/api/auth/twitch/start?token={link}", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(start.status(), 302);
    let to_twitch = location(&start);
    if !to_twitch.starts_with(&app.twitch.url) {
        return to_twitch;
    }
    let cookie = start.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    let nonce_cookie = cookie.split(';').next().unwrap().to_owned();
    let back = client.get(&to_twitch).send().await.unwrap();
    let callback = location(&back);
    assert!(
        callback.starts_with(&format!("{}/api/auth/twitch/callback?", app.url)),
        "{callback}"
    );
    let done = client
        .get(&callback)
        .header("cookie", cookie_override.unwrap_or(&nonce_cookie))
        .send()
        .await
        .unwrap();
    assert_eq!(done.status(), 302);
    location(&done)
}

on_both_backends! {
    async fn a_streamer_links_their_account_and_the_server_follows_them(db) {
        let app = app(db).await;
        let link = token(Purpose::TwitchLink, None);
        let info: serde_json::Value = reqwest::get(format!("{}/api/link?token={link}", app.url)).await.unwrap().json().await.unwrap();
        assert!(info["expires_at"].as_i64().unwrap() > 0);
        let done = go_through(&app, &link, None).await;
        assert_eq!(done, "/link/done?streamer=shroud&name=shroud");
        let tracked = app.db.tracked_streamer(sf(GUILD), &tw(SHROUD)).await.unwrap().expect("the server follows them");
        assert!(tracked.streamer.linked);
        assert_eq!(tracked.route.added_by, Some(sf(42)));
        let subs = app.db.subscriptions_for(&tw(SHROUD)).await.unwrap();
        assert_eq!(subs.len(), 3);
        assert!(subs.iter().all(|s| s.cost == 0), "linked streamers cost nothing: {subs:?}");
        // The link is spent.
        let again = reqwest::get(format!("{}/api/link?token={link}", app.url)).await.unwrap();
        assert_eq!(again.status(), 410);
        assert_eq!(again.json::<serde_json::Value>().await.unwrap()["reason"], "used");
        assert_eq!(go_through(&app, &link, None).await, "/link/error?reason=used");
    }

    async fn a_callback_from_another_browser_is_refused(db) {
        let app = app(db).await;
        let link = token(Purpose::TwitchLink, None);
        assert_eq!(go_through(&app, &link, Some("sm_oauth=someone-elses")).await, "/link/error?reason=state");
        assert!(app.db.tracked_streamer(sf(GUILD), &tw(SHROUD)).await.unwrap().is_none());
        // A forged state is refused too.
        let forged = browser()
            .get(format!("{}/api/auth/twitch/callback?code=x&state=e30.c2ln", app.url))
            .header("cookie", "sm_oauth=abc")
            .send()
            .await
            .unwrap();
        assert_eq!(location(&forged), "/link/error?reason=state");
    }

    async fn whoever_sees_the_authorize_url_cannot_redeem_the_link(db) {
        let app = app(db).await;
        let link = token(Purpose::TwitchLink, None);
        let start = browser().get(format!("{}/api/auth/twitch/start?token={link}", app.url)).send().await.unwrap();
        let to_twitch = location(&start);
        let url = reqwest::Url::parse(&to_twitch).unwrap();
        let state = url.query_pairs().find(|(k, _)| k == "state").unwrap().1.into_owned();
        // Everything the URL says, decoded: no link token, nothing that matches the browser's cookie.
        let payload = String::from_utf8(
            base64::Engine::decode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, state.split('.').next().unwrap()).unwrap(),
        ).unwrap();
        assert!(!to_twitch.contains(&link) && !payload.contains(&link), "{payload}");
        let own_cookie = start.headers()["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_owned();
        assert!(!to_twitch.contains(own_cookie.trim_start_matches("sm_oauth=")));
        // An onlooker replays the state through their own Twitch consent, with any cookie the URL could suggest.
        let values: serde_json::Value = serde_json::from_str(&payload).unwrap();
        let guesses: Vec<String> = values.as_object().unwrap().values().map(|v| v.to_string().trim_matches('"').to_owned()).collect();
        for guess in guesses {
            let replay = browser()
                .get(format!("{}/api/auth/twitch/callback?code=onlooker&state={state}", app.url))
                .header("cookie", format!("sm_oauth={guess}"))
                .send()
                .await
                .unwrap();
            assert_eq!(location(&replay), "/link/error?reason=state");
        }
        assert!(app.db.tracked_streamer(sf(GUILD), &tw(SHROUD)).await.unwrap().is_none());
        // The browser that started it still finishes.
        assert_eq!(go_through(&app, &link, None).await, "/link/done?streamer=shroud&name=shroud");
    }

    async fn cancelling_on_twitch_changes_nothing(db) {
        let app = app(db).await;
        app.twitch.world().consenting_user = None;
        let link = token(Purpose::TwitchLink, None);
        assert_eq!(go_through(&app, &link, None).await, "/link/error?reason=denied");
        assert!(app.db.tracked_streamer(sf(GUILD), &tw(SHROUD)).await.unwrap().is_none());
        let still: serde_json::Value = reqwest::get(format!("{}/api/link?token={link}", app.url)).await.unwrap().json().await.unwrap();
        assert!(still.get("reason").is_none(), "the link still works: {still}");
    }

    async fn expired_tampered_and_misused_links_get_clear_answers(db) {
        let app = app(db).await;
        let expired = token_expiring(Purpose::TwitchLink, None, 1);
        let mut tampered = token(Purpose::TwitchLink, None);
        tampered.replace_range(tampered.len() - 3.., "xyz");
        let editor = token(Purpose::Editor, None);
        for (link, reason, status) in [(&expired, "expired", 403), (&tampered, "invalid", 403), (&editor, "invalid", 403)] {
            let response = reqwest::get(format!("{}/api/link?token={link}", app.url)).await.unwrap();
            assert_eq!(response.status(), status);
            assert_eq!(response.json::<serde_json::Value>().await.unwrap()["reason"], reason);
            assert_eq!(go_through(&app, link, None).await, format!("/link/error?reason={reason}"));
        }
    }
}
