//! Alert routes: one streamer to several channels of one server, each with
//! its own ping, template and filters; one broken route never silences
//! another; Twitch's messages applied in their own order, not arrival's.

use std::time::Duration;

use serde_json::json;
use streammaxing::store::{Category, OutboxState, PingMode, RouteEdit};

use crate::support::eventually;
use crate::support::{
    app::{TestApp, notification},
    db::on_both_backends,
    discord::Failure,
    sf, tw,
};

const SHROUD: &str = "37402112";
const GUILD: i64 = 1;
const LIVE: u64 = 5_000_000_000_000_001;
const VALORANT_CHANNEL: u64 = 5_000_000_000_000_002;
const VALORANT: &str = "516575";
const JUST_CHATTING: &str = "509658";

/// The server posts shroud to its channel (#live) and, with a role ping
/// and a template of its own, to #valorant.
async fn two_routes(app: &TestApp) -> (i64, i64) {
    app.twitch.add_user(SHROUD, "shroud", "shroud");
    app.track(&[GUILD], SHROUD, "shroud").await;
    let mut config = app.db.guild_config(sf(GUILD)).await.unwrap().unwrap();
    config.channel_id = Some(sf(LIVE as i64));
    app.db.save_guild_config(&config, 1).await.unwrap();
    let first = app
        .db
        .tracked_streamer(sf(GUILD), &tw(SHROUD))
        .await
        .unwrap()
        .unwrap()
        .route
        .id;
    let second = app
        .db
        .add_route(
            sf(GUILD),
            &tw(SHROUD),
            Some((sf(VALORANT_CHANNEL as i64), 0)),
            None,
            1,
        )
        .await
        .unwrap();
    assert!(second.new_route && !second.new_follow);
    let edit = RouteEdit {
        ping: Some((Some(PingMode::Role), Some(sf(4242)))),
        template: Some(Some(
            r#"{"content": "{mention} {streamer_display_name} plays {game_name}!"}"#.into(),
        )),
        ..RouteEdit::default()
    };
    app.db.edit_route(second.route_id, &edit, 1).await.unwrap();
    (first, second.route_id)
}

/// Waits until the route's row for the stream is in `state`.
async fn row_state(app: &TestApp, route: i64, stream: &str, state: OutboxState) {
    for _ in 0..400 {
        if let Some(row) = app.db.route_notification(route, stream).await.unwrap()
            && row.state == state
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let row = app.db.route_notification(route, stream).await.unwrap();
    panic!("route {route} never reached {state:?}: {row:?}");
}

fn set_channel_game(app: &TestApp, id: &str, name: &str, title: &str) {
    let mut w = app.twitch.world();
    for c in &mut w.channels {
        c["game_id"] = json!(id);
        c["game_name"] = json!(name);
        c["title"] = json!(title);
    }
}

async fn channel_update(app: &TestApp, message_id: &str, game_id: &str, game: &str, title: &str) {
    let body = notification(
        "channel.update",
        "2",
        SHROUD,
        json!({
            "broadcaster_user_id": SHROUD, "broadcaster_user_login": "shroud", "broadcaster_user_name": "shroud",
            "title": title, "language": "en", "category_id": game_id, "category_name": game,
            "content_classification_labels": [],
        }),
    );
    assert_eq!(
        app.eventsub("notification", message_id, &body)
            .await
            .status(),
        204
    );
}

fn only(game_id: &str, name: &str) -> impl FnOnce(&mut streammaxing::store::RouteFilters) {
    let game = Category {
        id: game_id.into(),
        name: name.into(),
    };
    move |f| f.games = vec![game]
}

on_both_backends! {
    async fn one_go_live_posts_once_in_each_routes_channel_with_its_own_ping_and_template(db) {
        let app = TestApp::start(db).await;
        two_routes(&app).await;
        assert_eq!(app.twitch_online("m-1", SHROUD, "s-1").await.status(), 204);
        eventually("a message in each channel", || {
            app.discord.messages_in(LIVE).len() == 1 && app.discord.messages_in(VALORANT_CHANNEL).len() == 1
        }).await;
        let plain = &app.discord.calls("POST", &format!("/channels/{LIVE}/messages"))[0].body;
        assert_eq!(plain["allowed_mentions"], json!({"parse": []}), "the server pings nobody");
        let valorant = &app.discord.calls("POST", &format!("/channels/{VALORANT_CHANNEL}/messages"))[0].body;
        assert_eq!(valorant["content"], "<@&4242> shroud plays VALORANT!");
        assert_eq!(valorant["allowed_mentions"], json!({"parse": [], "roles": ["4242"]}));
        // Resends and extra passes never post a second time on either route.
        app.twitch_online("m-2", SHROUD, "s-1").await;
        streammaxing::delivery::deliver_due(&app.state).await.unwrap();
        assert_eq!(app.discord.messages_in(LIVE).len(), 1);
        assert_eq!(app.discord.messages_in(VALORANT_CHANNEL).len(), 1);
    }

    async fn a_route_limited_to_a_game_waits_for_it_and_announces_the_switch_once(db) {
        let app = TestApp::start(db).await;
        let (plain, valorant) = two_routes(&app).await;
        app.db.edit_filters(valorant, only(VALORANT, "VALORANT"), 1).await.unwrap();
        set_channel_game(&app, JUST_CHATTING, "Just Chatting", "morning chat");
        app.twitch_online("m-1", SHROUD, "s-1").await;
        eventually("the unfiltered route posts", || app.discord.messages_in(LIVE).len() == 1).await;
        row_state(&app, valorant, "s-1", OutboxState::Held).await;
        assert!(app.discord.messages_in(VALORANT_CHANNEL).is_empty(), "not while in Just Chatting");

        // Another change that still doesn't match: still nothing.
        channel_update(&app, "u-1", JUST_CHATTING, "Just Chatting", "still chatting").await;
        row_state(&app, valorant, "s-1", OutboxState::Held).await;
        assert!(app.discord.messages_in(VALORANT_CHANNEL).is_empty());

        // The switch: announced once, saying so.
        channel_update(&app, "u-2", VALORANT, "VALORANT", "ranked time").await;
        eventually("announced at the switch", || app.discord.messages_in(VALORANT_CHANNEL).len() == 1).await;
        let post = &app.discord.calls("POST", &format!("/channels/{VALORANT_CHANNEL}/messages"))[0].body;
        assert!(post["content"].as_str().unwrap().starts_with("🎮 Now playing **VALORANT**"), "{post}");
        row_state(&app, valorant, "s-1", OutboxState::Sent).await;

        // Further updates only refresh; never a second message.
        channel_update(&app, "u-3", VALORANT, "VALORANT", "ranked, part 2").await;
        streammaxing::delivery::deliver_due(&app.state).await.unwrap();
        assert_eq!(app.discord.messages_in(VALORANT_CHANNEL).len(), 1);
        assert_eq!(app.discord.messages_in(LIVE).len(), 1);
        assert_eq!(app.db.route_notification(plain, "s-1").await.unwrap().unwrap().state, OutboxState::Sent);
    }

    async fn a_title_with_a_skipped_word_is_not_announced(db) {
        let app = TestApp::start(db).await;
        let (plain, _) = two_routes(&app).await;
        app.db.edit_filters(plain, |f| f.title_skips = vec!["rerun".into()], 1).await.unwrap();
        set_channel_game(&app, VALORANT, "VALORANT", "[RERUN] yesterday's ranked");
        app.twitch_online("m-1", SHROUD, "s-1").await;
        eventually("the other route posts", || app.discord.messages_in(VALORANT_CHANNEL).len() == 1).await;
        row_state(&app, plain, "s-1", OutboxState::Held).await;
        let held = app.db.route_notification(plain, "s-1").await.unwrap().unwrap();
        assert!(held.last_error.unwrap().contains("“rerun”"), "the reason is kept");
        // The stream ends without ever matching: nothing to end, nothing posted.
        let offline = notification("stream.offline", "1", SHROUD, json!({"broadcaster_user_id": SHROUD, "broadcaster_user_login": "shroud", "broadcaster_user_name": "shroud"}));
        app.eventsub("notification", "m-2", &offline).await;
        row_state(&app, plain, "s-1", OutboxState::Skipped).await;
        assert!(app.discord.messages_in(LIVE).is_empty());
    }

    async fn a_deleted_route_channel_stops_only_that_route_and_names_its_fix(db) {
        let app = TestApp::start(db).await;
        let (plain, valorant) = two_routes(&app).await;
        // A second streamer of the same server, on the server's channel.
        app.twitch.add_user("71092938", "xqc", "xQc");
        app.track(&[GUILD], "71092938", "xqc").await;
        app.discord.fail(&format!("/channels/{VALORANT_CHANNEL}/messages"), Failure::Code(404, 10003, "Unknown Channel"));
        app.twitch_online("m-1", SHROUD, "s-1").await;
        row_state(&app, valorant, "s-1", OutboxState::Failed).await;
        eventually("the other route posts", || app.discord.messages_in(LIVE).len() == 1).await;
        let broken = app.db.route(valorant).await.unwrap().unwrap().route;
        assert_eq!(broken.needs_attention, Some(streammaxing::store::Attention::UnknownChannel));
        let fix = broken.needs_attention_detail.unwrap();
        assert!(fix.contains("/streamers add login:shroud channel:"), "{fix}");
        assert_eq!(app.db.route(plain).await.unwrap().unwrap().route.needs_attention, None);

        // The next go-lives of the server are still announced on every healthy route.
        app.twitch_online("m-2", "71092938", "x-1").await;
        eventually("another streamer of the server", || app.discord.messages_in(LIVE).len() == 2).await;
        let offline = notification("stream.offline", "1", SHROUD, json!({"broadcaster_user_id": SHROUD, "broadcaster_user_login": "shroud", "broadcaster_user_name": "shroud"}));
        app.eventsub("notification", "m-3", &offline).await;
        app.twitch_online("m-4", SHROUD, "s-2").await;
        row_state(&app, plain, "s-2", OutboxState::Sent).await;
        row_state(&app, valorant, "s-2", OutboxState::Failed).await;
        let calls = app.discord.calls("POST", &format!("/channels/{VALORANT_CHANNEL}/messages"));
        assert_eq!(calls.len(), 1, "the broken route is not knocked on again");
    }

    async fn a_late_offline_of_the_previous_stream_ends_nothing(db) {
        let app = TestApp::start(db).await;
        let (plain, _) = two_routes(&app).await;
        let now = chrono::Utc::now();
        let at = |secs: i64| (now + chrono::Duration::seconds(secs)).to_rfc3339_opts(chrono::SecondsFormat::Nanos, true);
        let offline = notification("stream.offline", "1", SHROUD, json!({"broadcaster_user_id": SHROUD, "broadcaster_user_login": "shroud", "broadcaster_user_name": "shroud"}));
        let online = notification("stream.online", "1", SHROUD, json!({
            "id": "s-2", "broadcaster_user_id": SHROUD, "broadcaster_user_login": "shroud",
            "broadcaster_user_name": "shroud", "type": "live", "started_at": at(-5),
        }));
        // The new stream's go-live (sent at -5 s) arrives first…
        assert_eq!(app.eventsub_at("notification", "on-2", &at(-5), &online).await.status(), 204);
        row_state(&app, plain, "s-2", OutboxState::Sent).await;
        // …then a retry of the previous stream's offline, sent at -60 s.
        assert_eq!(app.eventsub_at("notification", "off-1", &at(-60), &offline).await.status(), 204);
        streammaxing::delivery::deliver_due(&app.state).await.unwrap();
        let row = app.db.route_notification(plain, "s-2").await.unwrap().unwrap();
        assert_eq!((row.ended_at, row.end_state), (None, None), "still live: {row:?}");
        assert!(app.db.streamer(&tw(SHROUD)).await.unwrap().unwrap().live_stream_id.is_some());
        assert!(app.discord.calls("PATCH", "/messages/").is_empty(), "the live message is untouched");
        // The real end, sent later, ends it.
        assert_eq!(app.eventsub_at("notification", "off-2", &at(0), &offline).await.status(), 204);
        eventually("ended", || !app.discord.calls("PATCH", "/messages/").is_empty()).await;
    }

    async fn two_routes_landing_in_one_channel_post_once(db) {
        let app = TestApp::start(db).await;
        let (plain, valorant) = two_routes(&app).await;
        // The server's channel moves onto the channel the other route uses.
        let mut config = app.db.guild_config(sf(GUILD)).await.unwrap().unwrap();
        config.channel_id = Some(sf(VALORANT_CHANNEL as i64));
        app.db.save_guild_config(&config, 2).await.unwrap();
        app.twitch_online("m-1", SHROUD, "s-1").await;
        eventually("posted", || app.discord.messages_in(VALORANT_CHANNEL).len() == 1).await;
        streammaxing::delivery::deliver_due(&app.state).await.unwrap();
        assert_eq!(app.discord.messages_in(VALORANT_CHANNEL).len(), 1, "one message per channel");
        assert!(app.db.route_notification(plain, "s-1").await.unwrap().is_some());
        assert!(app.db.route_notification(valorant, "s-1").await.unwrap().is_none(), "the later route stands aside");
    }
}
