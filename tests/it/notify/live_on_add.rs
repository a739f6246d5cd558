//! Adding a streamer who is live right now: their current stream is posted
//! to the new route at once, pinging nobody; the stream then ends like any
//! other, and their next go-live pings as usual.

use std::time::Duration;

use serde_json::{Value, json};
use streammaxing::{
    delivery as deliver,
    store::{OutboxState, PingMode},
};

use crate::support::{
    app::{TestApp, notification},
    db::{TestDb, on_both_backends},
    eventually,
    interactions::*,
    sf, tw,
};

const SHROUD: &str = "37402112";
/// The stream the Twitch stand-in serves for a streamer set live.
const CURRENT: &str = "40952121085";
const LIVE: u64 = 1_200_000_000_000_000_777;
const ROLE: u64 = 4242;

/// A server whose alerts go to `LIVE` and ping `ROLE`.
async fn ready(db: TestDb) -> TestApp {
    let app = TestApp::start(db).await;
    app.twitch.add_user(SHROUD, "shroud", "shroud");
    app.discord.add_guild(GUILD, EVERYDAY, BOT_PERMISSIONS);
    app.discord.add_channel(GUILD, LIVE, 0, 0);
    let mut config = app.db.ensure_guild(sf(GUILD), None, 1).await.unwrap();
    config.channel_id = Some(sf(LIVE));
    (config.ping_mode, config.ping_role_id) = (PingMode::Role, Some(sf(ROLE)));
    app.db.save_guild_config(&config, 1).await.unwrap();
    app
}

/// `/streamers add login:shroud`; the deferred answer's text.
async fn add(app: &TestApp) -> String {
    let body = slash(
        AS_ADMIN,
        "streamers",
        sub("add", json!([string("login", "shroud")])),
        json!({}),
    );
    let (status, _) = app.interaction(&body).await;
    assert_eq!(status, 200);
    app.settle().await;
    let calls = app.discord.calls("PATCH", "/messages/@original");
    let reply = &calls.last().expect("the deferred reply was delivered").body;
    let embed = &reply["embeds"][0];
    format!(
        "{}\n{}\n{}",
        reply["content"].as_str().unwrap_or(""),
        embed["title"].as_str().unwrap_or(""),
        embed["description"].as_str().unwrap_or("")
    )
}

async fn route_id(app: &TestApp) -> i64 {
    app.db
        .tracked_streamer(sf(GUILD), &tw(SHROUD))
        .await
        .unwrap()
        .expect("followed")
        .route
        .id
}

fn posts(app: &TestApp, channel: u64) -> Vec<Value> {
    app.discord
        .calls("POST", &format!("/channels/{channel}/messages"))
        .into_iter()
        .map(|c| c.body)
        .collect()
}

/// Waits until the route's row for the stream is recorded as sent.
async fn sent(app: &TestApp, route: i64, stream: &str) {
    for _ in 0..400 {
        if let Some(row) = app.db.route_notification(route, stream).await.unwrap()
            && row.state == OutboxState::Sent
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!(
        "never sent: {:?}",
        app.db.route_notification(route, stream).await.unwrap()
    );
}

fn offline() -> String {
    notification(
        "stream.offline",
        "1",
        SHROUD,
        json!({"broadcaster_user_id": SHROUD, "broadcaster_user_login": "shroud", "broadcaster_user_name": "shroud"}),
    )
}

on_both_backends! {
    async fn adding_a_live_streamer_posts_their_current_stream_once_without_a_ping(db) {
        let app = ready(db).await;
        app.twitch.set_live(SHROUD, "shroud", 1_234);
        let shown = add(&app).await;
        assert!(shown.contains("Now following shroud") && shown.contains("live right now"), "{shown}");
        let route = route_id(&app).await;
        sent(&app, route, CURRENT).await;
        let posted = posts(&app, LIVE);
        assert_eq!(posted.len(), 1, "{posted:?}");
        assert_eq!(posted[0]["content"], format!("<@&{ROLE}>"), "the server's role is shown…");
        assert_eq!(posted[0]["allowed_mentions"], json!({"parse": []}), "…and pings nobody");
        let title = posted[0]["embeds"][0]["title"].as_str().unwrap();
        assert!(title.contains("shroud ranked grind"), "the current title: {title}");
        assert!(app.db.route_notification(route, CURRENT).await.unwrap().unwrap().quiet);
    }

    async fn the_go_live_twitch_sends_after_the_add_posts_nothing_more(db) {
        let app = ready(db).await;
        app.twitch.set_live(SHROUD, "shroud", 1_234);
        add(&app).await;
        let route = route_id(&app).await;
        sent(&app, route, CURRENT).await;
        // The subscription was just created: Twitch may still announce the
        // stream that was already live.
        assert_eq!(app.twitch_online("m-1", SHROUD, CURRENT).await.status(), 204);
        deliver::deliver_due(&app.state).await.unwrap();
        assert_eq!(posts(&app, LIVE).len(), 1, "no second post, no ping");
        let row = app.db.route_notification(route, CURRENT).await.unwrap().unwrap();
        assert!(row.quiet && row.state == OutboxState::Sent, "{row:?}");
    }

    async fn the_quiet_post_ends_with_the_stream_and_the_next_go_live_pings(db) {
        let app = ready(db).await;
        // Without a cooldown, so the next stream is a new post rather than
        // the ended message resumed.
        let mut config = app.db.guild_config(sf(GUILD)).await.unwrap().unwrap();
        config.cooldown_secs = 0;
        app.db.save_guild_config(&config, 1).await.unwrap();
        app.twitch.set_live(SHROUD, "shroud", 1_234);
        add(&app).await;
        let route = route_id(&app).await;
        sent(&app, route, CURRENT).await;

        assert_eq!(app.eventsub("notification", "m-1", &offline()).await.status(), 204);
        let ended = || app.discord.messages_in(LIVE).first().is_some_and(|m| m["embeds"][0]["description"].as_str().is_some_and(|d| d.contains("was live for")));
        eventually("edited to ended, as the server chose", ended).await;

        app.twitch.world().streams.clear();
        assert_eq!(app.twitch_online("m-2", SHROUD, "s-2").await.status(), 204);
        sent(&app, route, "s-2").await;
        let posted = posts(&app, LIVE);
        assert_eq!(posted.len(), 2, "{posted:?}");
        assert_eq!(posted[1]["allowed_mentions"], json!({"parse": [], "roles": [ROLE.to_string()]}), "pings as usual");
        assert!(!app.db.route_notification(route, "s-2").await.unwrap().unwrap().quiet);
    }

    async fn adding_an_offline_streamer_posts_nothing(db) {
        let app = ready(db).await;
        let shown = add(&app).await;
        assert!(shown.contains("Now following shroud") && !shown.contains("live right now"), "{shown}");
        deliver::deliver_due(&app.state).await.unwrap();
        assert!(posts(&app, LIVE).is_empty());
        assert_eq!(app.db.route_notification(route_id(&app).await, CURRENT).await.unwrap(), None);
    }

    async fn a_slow_twitch_posts_nothing_and_the_add_still_succeeds(db) {
        let app = ready(db).await;
        app.twitch.set_live(SHROUD, "shroud", 1_234);
        app.twitch.world().streams_delay = Duration::from_secs(10);
        let shown = add(&app).await;
        assert!(shown.contains("Now following shroud") && !shown.contains("live right now"), "{shown}");
        assert_eq!(app.db.route_notification(route_id(&app).await, CURRENT).await.unwrap(), None);
        deliver::deliver_due(&app.state).await.unwrap();
        assert!(posts(&app, LIVE).is_empty());
    }

    async fn another_server_following_the_streamer_gets_nothing_extra(db) {
        const OTHER: i64 = 7;
        const OTHER_CHANNEL: i64 = 5_000_000_000_000_007;
        let app = ready(db).await;
        app.track(&[OTHER], SHROUD, "shroud").await;
        let mut other = app.db.guild_config(sf(OTHER)).await.unwrap().unwrap();
        other.channel_id = Some(sf(OTHER_CHANNEL));
        app.db.save_guild_config(&other, 1).await.unwrap();
        app.twitch_online("m-1", SHROUD, CURRENT).await;
        eventually("the other server's go-live", || app.discord.messages_in(OTHER_CHANNEL as u64).len() == 1).await;

        app.twitch.set_live(SHROUD, "shroud", 1_234);
        add(&app).await;
        sent(&app, route_id(&app).await, CURRENT).await;
        assert_eq!(posts(&app, LIVE).len(), 1);
        deliver::deliver_due(&app.state).await.unwrap();
        assert_eq!(posts(&app, OTHER_CHANNEL as u64).len(), 1, "nothing more in the other server");
    }

    async fn a_go_live_reaching_a_server_that_followed_before_still_pings_there(db) {
        const OTHER: i64 = 7;
        const OTHER_CHANNEL: i64 = 5_000_000_000_000_007;
        let app = ready(db).await;
        app.track(&[OTHER], SHROUD, "shroud").await;
        let mut other = app.db.guild_config(sf(OTHER)).await.unwrap().unwrap();
        (other.channel_id, other.ping_mode, other.ping_role_id) = (Some(sf(OTHER_CHANNEL)), PingMode::Role, Some(sf(99)));
        app.db.save_guild_config(&other, 1).await.unwrap();
        // Twitch's go-live is late (a retry): the add sees the stream first.
        app.twitch.set_live(SHROUD, "shroud", 1_234);
        add(&app).await;
        sent(&app, route_id(&app).await, CURRENT).await;
        app.twitch_online("m-1", SHROUD, CURRENT).await;
        eventually("the other server's go-live", || app.discord.messages_in(OTHER_CHANNEL as u64).len() == 1).await;
        let theirs = &posts(&app, OTHER_CHANNEL as u64)[0];
        assert_eq!(theirs["allowed_mentions"], json!({"parse": [], "roles": ["99"]}));
        deliver::deliver_due(&app.state).await.unwrap();
        assert_eq!(posts(&app, LIVE).len(), 1, "the new route keeps its quiet post");
    }
}
