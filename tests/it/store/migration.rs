//! Upgrading to alert routes: a database as the previous release left it
//! (servers following streamers with their channel, ping, role, opt-in
//! role and template; members' choices; a posted message) migrates, and a
//! go-live afterwards posts exactly as before.

use std::time::Duration;

use serde_json::json;
use streammaxing::store::{Db, OutboxState};

use crate::support::{app::TestApp, db::TestDb, sf, tw};

const SHROUD: &str = "37402112";
const LIVE: i64 = 5_000_000_000_000_000_001;
const OWN: i64 = 5_000_000_000_000_000_002;

/// Guild 1 posts to its channel pinging a role, with its own template for
/// shroud; guild 2 sends shroud to a channel of its own, opt-in pings.
const OLD_DATA: &str = "
INSERT INTO guilds (guild_id, name, installed_at) VALUES (1, 'one', 1), (2, 'two', 1);
INSERT INTO guild_config (guild_id, channel_id, ping_mode, ping_role_id, updated_at, needs_attention, needs_attention_detail)
    VALUES (1, 5000000000000000001, 'role', 4242, 1, NULL, NULL),
           (2, 5000000000000000009, 'none', NULL, 1, 'missing_permissions', 'old server-wide flag');
INSERT INTO streamers (twitch_id, login, display_name, created_at, updated_at)
    VALUES ('37402112', 'shroud', 'shroud', 1, 1);
INSERT INTO guild_streamers (guild_id, twitch_id, channel_id, ping_mode, ping_role_id, notify_role_id, template, added_by, added_at)
    VALUES (1, '37402112', NULL, NULL, NULL, NULL, '{\"content\": \"{mention} old template: {streamer_display_name}\"}', 7, 1),
           (2, '37402112', 5000000000000000002, 'streamer_role', NULL, 999, NULL, NULL, 1);
INSERT INTO user_preferences (guild_id, user_id, twitch_id, notify, updated_at) VALUES (1, 10, '37402112', false, 1);
INSERT INTO notification_log (guild_id, twitch_id, stream_id, state, attempts, next_attempt_at, channel_id, message_id, created_at, sent_at, ended_at, updated_at, end_state)
    VALUES (1, '37402112', 'old-stream', 'sent', 1, 1, 5000000000000000001, 1800000000000000001, 1, 1, 2, 2, 'done');
";

async fn upgraded(postgres: bool) {
    let db = TestDb::at_version(postgres, 6).await;
    match &db.db {
        Db::Sqlite(pool) => sqlx::raw_sql(OLD_DATA).execute(pool).await.map(drop),
        Db::Postgres(pool) => sqlx::raw_sql(OLD_DATA).execute(pool).await.map(drop),
    }
    .expect("data at the previous schema");
    db.migrate().await.expect("migrating to routes");

    // Every (guild, streamer) is one route with its settings.
    let one = db
        .tracked_streamer(sf(1), &tw(SHROUD))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (
            one.route.channel_id,
            one.route.ping_mode,
            one.route.added_by
        ),
        (None, None, Some(sf(7)))
    );
    assert!(
        one.route
            .template
            .as_deref()
            .unwrap()
            .contains("old template")
    );
    let two = db
        .tracked_streamer(sf(2), &tw(SHROUD))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (two.route.channel_id, two.notify_role_id),
        (Some(sf(OWN)), Some(sf(999)))
    );
    assert_eq!(
        two.route.needs_attention, None,
        "health is learned again, per route"
    );
    assert_eq!(
        db.notify_preferences(sf(1), sf(10)).await.unwrap(),
        [(tw(SHROUD), false)]
    );
    let history = db
        .route_notification(one.route.id, "old-stream")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (history.state, history.message_id),
        (OutboxState::Sent, Some(sf(1_800_000_000_000_000_001_i64)))
    );

    // A go-live behaves exactly as before: one message, same channel, same ping.
    let app = TestApp::start(db).await;
    app.twitch.add_user(SHROUD, "shroud", "shroud");
    assert_eq!(app.twitch_online("m-1", SHROUD, "s-1").await.status(), 204);
    for _ in 0..400 {
        if !app.discord.messages_in(LIVE as u64).is_empty()
            && !app.discord.messages_in(OWN as u64).is_empty()
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let posts = app
        .discord
        .calls("POST", &format!("/channels/{LIVE}/messages"));
    assert_eq!(posts.len(), 1, "one message in the server's channel");
    assert_eq!(posts[0].body["content"], "<@&4242> old template: shroud");
    assert_eq!(
        posts[0].body["allowed_mentions"],
        json!({"parse": [], "roles": ["4242"]})
    );
    let own = app
        .discord
        .calls("POST", &format!("/channels/{OWN}/messages"));
    assert_eq!(own.len(), 1, "one message in the streamer's own channel");
    assert_eq!(
        own[0].body["allowed_mentions"],
        json!({"parse": [], "roles": ["999"]}),
        "the opt-in role"
    );
}

#[tokio::test]
async fn a_database_of_the_previous_release_upgrades_and_posts_as_before_sqlite() {
    upgraded(false).await;
}

#[tokio::test]
async fn a_database_of_the_previous_release_upgrades_and_posts_as_before_postgres() {
    upgraded(true).await;
}
