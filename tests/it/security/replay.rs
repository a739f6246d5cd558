//! Signed requests can't be replayed later: Discord interactions and
//! webhook events carry a signed Unix timestamp that must be within 5
//! minutes of now, Twitch
//! messages one within 10 minutes (and a repeated message id is ignored).

use ed25519_dalek::Signer;
use serde_json::{Value, json};

use crate::support::sf;
use crate::support::tw;
use crate::support::{
    app::{TestApp, discord_signing_key},
    db::on_both_backends,
    interactions::{AS_ADMIN, GUILD, slash, sub},
};

const SHROUD: &str = "37402112";

/// Posts `body` to `/interactions`, signed by Discord's key at `timestamp`.
async fn signed_at(app: &TestApp, timestamp: &str, body: &Value) -> u16 {
    signed_to(app, "/interactions", timestamp, body).await
}

/// Posts `body` to `path`, signed by Discord's key at `timestamp`.
async fn signed_to(app: &TestApp, path: &str, timestamp: &str, body: &Value) -> u16 {
    let body = body.to_string();
    let signature = discord_signing_key().sign(format!("{timestamp}{body}").as_bytes());
    app.post_signed(path, &hex::encode(signature.to_bytes()), timestamp, body)
        .await
        .status()
        .as_u16()
}

fn seconds_from_now(delta: i64) -> String {
    (chrono::Utc::now().timestamp() + delta).to_string()
}

on_both_backends! {
    async fn discord_interactions_signed_more_than_five_minutes_away_are_refused(db) {
        let app = TestApp::start(db).await;
        let ping = json!({"type": 1});
        for (case, timestamp, status) in [
            ("just now", seconds_from_now(0), 200),
            ("four minutes ago", seconds_from_now(-240), 200),
            ("four minutes ahead (clock skew)", seconds_from_now(240), 200),
            ("six minutes ago", seconds_from_now(-360), 401),
            ("six minutes ahead", seconds_from_now(360), 401),
            ("a day ago", seconds_from_now(-86_400), 401),
            ("not a number", "yesterday".to_owned(), 401),
            ("milliseconds, not seconds", (chrono::Utc::now().timestamp_millis()).to_string(), 401),
        ] {
            assert_eq!(signed_at(&app, &timestamp, &ping).await, status, "{case}");
        }
    }

    async fn a_discord_webhook_event_signed_long_ago_is_refused_and_changes_nothing(db) {
        let app = TestApp::start(db).await;
        let install = |guild: u64| json!({"version": 1, "application_id": "1", "type": 1, "event": {
            "type": "APPLICATION_AUTHORIZED", "timestamp": "2025-11-30T12:00:00.000000+00:00",
            "data": {"integration_type": 0, "scopes": ["applications.commands", "bot"],
                     "user": {"id": "5", "username": "admin"},
                     "guild": {"id": guild.to_string(), "name": "Old Server"}}}});
        assert_eq!(signed_to(&app, "/webhooks/discord", &seconds_from_now(-365 * 86_400), &install(77)).await, 401, "a year old");
        assert_eq!(signed_to(&app, "/webhooks/discord", &seconds_from_now(-360), &install(77)).await, 401, "six minutes old");
        assert!(app.db.guild_config(sf(77)).await.unwrap().is_none(), "the replayed install recorded nothing");
        assert_eq!(signed_to(&app, "/webhooks/discord", &seconds_from_now(-240), &install(78)).await, 204, "four minutes: within the window");
        assert!(app.db.guild_config(sf(78)).await.unwrap().is_some(), "a fresh install is recorded");
    }

    async fn a_captured_admin_command_replayed_later_changes_nothing(db) {
        let app = TestApp::start(db).await;
        app.track(&[GUILD as i64], SHROUD, "shroud").await;
        let remove = slash(AS_ADMIN, "streamers", sub("remove", json!([{"name": "streamer", "type": 3, "value": "shroud"}])), json!({}));
        assert_eq!(signed_at(&app, &seconds_from_now(-600), &remove).await, 401);
        app.settle().await;
        assert!(app.db.tracked_streamer(sf(GUILD), &tw(SHROUD)).await.unwrap().is_some(), "still followed");
        assert!(app.discord.world().calls.is_empty(), "nothing was sent to Discord");
    }

    async fn twitch_messages_from_more_than_ten_minutes_away_are_refused(db) {
        let app = TestApp::start(db).await;
        app.track(&[1], SHROUD, "shroud").await;
        let body = crate::support::app::notification("stream.offline", "1", SHROUD, json!({
            "broadcaster_user_id": SHROUD, "broadcaster_user_login": "shroud", "broadcaster_user_name": "shroud"
        }));
        let at = |minutes: i64| (chrono::Utc::now() + chrono::Duration::minutes(minutes)).to_rfc3339_opts(chrono::SecondsFormat::Nanos, true);
        assert_eq!(app.eventsub_at("notification", "m-future", &at(11), &body).await.status(), 403, "from the future");
        assert_eq!(app.eventsub_at("notification", "m-stale", &at(-11), &body).await.status(), 403, "stale");
        assert_eq!(app.db.streamer(&tw(SHROUD)).await.unwrap().unwrap().last_offline_at, None, "nothing was applied");
        assert_eq!(app.eventsub_at("notification", "m-late", &at(-9), &body).await.status(), 204, "late but within the window");
        let applied = app.db.streamer(&tw(SHROUD)).await.unwrap().unwrap().last_offline_at;
        assert!(applied.is_some());
        // The same message again, re-signed with a fresh timestamp:
        // acknowledged, not applied a second time.
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        assert_eq!(app.eventsub_at("notification", "m-late", &at(0), &body).await.status(), 204);
        assert_eq!(app.db.streamer(&tw(SHROUD)).await.unwrap().unwrap().last_offline_at, applied);
    }
}
