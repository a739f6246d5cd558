//! `/streamers add|remove|list|test|link` and `streamer:` autocomplete.

use serde_json::{Value, json};
use streammaxing::{links, store::PingMode};

use super::setup::reply_text;
use crate::support::sf;
use crate::support::tw;
use crate::support::{
    app::{APP_SECRET, TestApp},
    db::on_both_backends,
    discord::Failure,
    interactions::*,
};

const SHROUD: &str = "37402112";
pub(super) const LIVE: u64 = 1_200_000_000_000_000_777;

fn streamers(who: Who, subcommand: &str, options: Value, resolved: Value) -> Value {
    slash(who, "streamers", sub(subcommand, options), resolved)
}

/// The text of the last deferred reply (the edit of `@original`).
pub(super) fn edited(app: &TestApp) -> String {
    let calls = app.discord.calls("PATCH", "/messages/@original");
    let body = calls
        .last()
        .expect("the deferred reply was delivered")
        .body
        .clone();
    reply_text(&json!({"data": body}))
}

pub(super) async fn ready(db: crate::support::db::TestDb) -> TestApp {
    let app = TestApp::start(db).await;
    app.twitch.add_user(SHROUD, "shroud", "shroud");
    app.discord.add_guild(GUILD, EVERYDAY, BOT_PERMISSIONS);
    app.discord.add_channel(GUILD, LIVE, 0, 0);
    let mut config = app.db.ensure_guild(sf(GUILD), None, 1).await.unwrap();
    config.channel_id = Some(sf(LIVE));
    app.db.save_guild_config(&config, 1).await.unwrap();
    app
}

async fn add(app: &TestApp, login: &str) -> Value {
    let (status, body) = app
        .interaction(&streamers(
            AS_ADMIN,
            "add",
            json!([string("login", login)]),
            json!({}),
        ))
        .await;
    assert_eq!(status, 200);
    app.settle().await;
    body
}

on_both_backends! {
    async fn adding_a_streamer_defers_then_confirms_and_subscribes(db) {
        let app = ready(db).await;
        let body = add(&app, "https://twitch.tv/Shroud").await;
        assert_eq!((body["type"].as_u64(), body["data"]["flags"].as_u64()), (Some(5), Some(64)), "deferred, ephemeral");
        let shown = edited(&app);
        assert!(shown.contains("Now following shroud"), "{shown}");
        assert!(shown.contains(&format!("<#{LIVE}>")), "{shown}");
        let patch = app.discord.calls("PATCH", "/messages/@original").pop().unwrap();
        assert_eq!(patch.body["embeds"][0]["thumbnail"]["url"], "https://static-cdn.jtvnw.net/shroud-profile.png");
        assert!(app.db.tracked_streamer(sf(GUILD), &tw(SHROUD)).await.unwrap().is_some());
        assert_eq!(app.twitch.subscriptions_of(SHROUD).len(), 3);
        // Adding again says so and creates nothing twice.
        add(&app, "shroud").await;
        assert!(edited(&app).contains("Already following"));
        assert_eq!(app.twitch.subscriptions_of(SHROUD).len(), 3);
    }

    async fn adding_with_a_channel_and_role_stores_the_overrides(db) {
        let app = ready(db).await;
        let role = 1_900_000_000_000_000_009u64;
        let options = json!([string("login", "shroud"), channel_option("channel", CHANNEL), role_option("role", role)]);
        app.interaction(&streamers(AS_ADMIN, "add", options, resolved_channel_and_role(CHANNEL, role, true))).await;
        app.settle().await;
        let tracked = app.db.tracked_streamer(sf(GUILD), &tw(SHROUD)).await.unwrap().unwrap();
        assert_eq!(tracked.route.channel_id, Some(sf(CHANNEL)));
        assert_eq!((tracked.route.ping_mode, tracked.route.ping_role_id), (Some(PingMode::Role), Some(sf(role))));
        assert!(edited(&app).contains(&format!("<@&{role}>")));
    }

    async fn unknown_and_malformed_logins_get_a_clear_answer(db) {
        let app = ready(db).await;
        add(&app, "nobody_here").await;
        assert!(edited(&app).contains("couldn't find a Twitch account called **nobody_here**"), "{}", edited(&app));
        let (_, body) = app.interaction(&streamers(AS_ADMIN, "add", json!([string("login", "not-a-name!")]), json!({}))).await;
        assert_eq!(body["type"], 4, "answered at once, no need to defer");
        assert!(reply_text(&body).contains("twitch.tv/**name**"));
        assert!(app.db.tracked_routes(sf(GUILD)).await.unwrap().is_empty());
    }

    async fn a_twitch_failure_while_subscribing_is_reported_and_tracking_kept(db) {
        let app = ready(db).await;
        // Three tries of the first budget read, three of the creation.
        for _ in 0..6 {
            app.twitch.fail_path("/eventsub/subscriptions", crate::support::twitch::Failure::Status(500));
        }
        add(&app, "shroud").await;
        let shown = edited(&app);
        assert!(shown.contains("Now following") && shown.contains("I'll keep retrying"), "{shown}");
        assert!(app.db.tracked_streamer(sf(GUILD), &tw(SHROUD)).await.unwrap().is_some());
        assert!(app.twitch.subscriptions_of(SHROUD).is_empty());
        // The minutely maintenance keeps that promise.
        streammaxing::maintenance::run_once(&app.state).await.unwrap();
        assert_eq!(app.twitch.subscriptions_of(SHROUD).len(), 3);
    }

    async fn members_cannot_manage_streamers(db) {
        let app = ready(db).await;
        let (_, body) = app.interaction(&streamers(AS_MEMBER, "add", json!([string("login", "shroud")]), json!({}))).await;
        assert!(reply_text(&body).contains("Manage Server"));
        assert!(app.db.tracked_routes(sf(GUILD)).await.unwrap().is_empty());
    }

    async fn removing_stops_notifications_and_releases_subscriptions(db) {
        let app = ready(db).await;
        add(&app, "shroud").await;
        let (_, body) = app.interaction(&streamers(AS_ADMIN, "remove", json!([string("streamer", "Shroud")]), json!({}))).await;
        assert!(reply_text(&body).contains("Stopped following **shroud**"), "{body}");
        app.settle().await;
        assert!(app.db.tracked_streamer(sf(GUILD), &tw(SHROUD)).await.unwrap().is_none());
        assert!(app.twitch.subscriptions_of(SHROUD).is_empty(), "no other server follows them");
        let (_, body) = app.interaction(&streamers(AS_ADMIN, "remove", json!([string("streamer", "shroud")]), json!({}))).await;
        assert!(reply_text(&body).contains("doesn't follow **shroud**"), "{body}");
    }

    async fn removing_a_streamer_deletes_the_notification_role_the_bot_made(db) {
        let app = ready(db).await;
        add(&app, "shroud").await;
        const ROLE: u64 = 4_444;
        app.discord.world().roles.entry(GUILD).or_default().push(crate::support::discord::role(ROLE, "shroud live", 0, 1, true));
        app.discord.world().members.insert((GUILD, MEMBER), vec![ROLE]);
        app.db.set_notify_role(sf(GUILD), &tw(SHROUD), Some(sf(ROLE))).await.unwrap();
        let (_, body) = app.interaction(&streamers(AS_ADMIN, "remove", json!([string("streamer", "shroud")]), json!({}))).await;
        assert!(reply_text(&body).contains("The 🔔 role I made for them is deleted."), "{body}");
        app.settle().await;
        assert_eq!(app.discord.calls("DELETE", &format!("/guilds/{GUILD}/roles/{ROLE}")).len(), 1);
        let left = app.discord.world().roles[&GUILD].iter().any(|r| r["id"].as_str() == Some("4444"));
        assert!(!left, "the role is gone from the server");
        assert!(app.discord.member_roles(GUILD, MEMBER).is_empty());
    }

    async fn the_list_shows_health_liveness_and_problems_with_fixes(db) {
        let app = ready(db).await;
        let (_, body) = app.interaction(&streamers(AS_ADMIN, "list", json!([]), json!({}))).await;
        assert!(reply_text(&body).contains("doesn't follow anyone yet"));
        add(&app, "shroud").await;
        app.twitch.challenges_settled().await;
        app.twitch_online("m-1", SHROUD, "s-1").await;
        app.db.set_route_attention(app.db.tracked_streamer(sf(GUILD), &tw(SHROUD)).await.unwrap().unwrap().route.id, streammaxing::store::Attention::MissingPermissions, "I can't post in #live", 5).await.unwrap();
        let (_, body) = app.interaction(&streamers(AS_ADMIN, "list", json!([]), json!({}))).await;
        let shown = reply_text(&body);
        assert!(shown.contains("Following 1 streamer"), "{shown}");
        assert!(shown.contains("🔴 live now") && shown.contains("✅ alerts active"), "{shown}");
        assert!(shown.contains("I can't post in #live"), "{shown}");
        app.db.set_streamer_problem(&tw(SHROUD), Some(streammaxing::store::StreamerProblem::UserRemoved), 9).await.unwrap();
        let (_, body) = app.interaction(&streamers(AS_ADMIN, "list", json!([]), json!({}))).await;
        assert!(reply_text(&body).contains("deleted or banned: remove it with `/streamers remove`"), "{body}");
    }

    async fn a_test_posts_a_real_notification_that_pings_nobody(db) {
        let app = ready(db).await;
        add(&app, "shroud").await;
        let mut config = app.db.guild_config(sf(GUILD)).await.unwrap().unwrap();
        (config.ping_mode, config.ping_role_id) = (PingMode::Role, Some(sf(77)));
        app.db.save_guild_config(&config, 2).await.unwrap();
        let (_, body) = app.interaction(&streamers(AS_ADMIN, "test", json!([string("streamer", "shroud")]), json!({}))).await;
        assert_eq!(body["type"], 5);
        app.settle().await;
        let posts = app.discord.calls("POST", &format!("/channels/{LIVE}/messages"));
        assert_eq!(posts.len(), 1);
        let post = &posts[0].body;
        assert_eq!(post["allowed_mentions"], json!({"parse": []}), "pings nobody: {post}");
        assert!(post["content"].as_str().unwrap().contains("Test notification"));
        assert!(post["embeds"][0]["title"].as_str().unwrap().contains("ranked grind"), "{post}");
        assert!(post["nonce"].is_string() && post["enforce_nonce"] == true, "the go-live path, nonce included: {post}");
        assert!(edited(&app).contains(&format!("https://discord.com/channels/{GUILD}/{LIVE}/")), "{}", edited(&app));
        // After a failure paused the server, a successful test resumes it.
        app.db.set_route_attention(app.db.tracked_streamer(sf(GUILD), &tw(SHROUD)).await.unwrap().unwrap().route.id, streammaxing::store::Attention::MissingPermissions, "fixed since", 3).await.unwrap();
        app.interaction(&streamers(AS_ADMIN, "test", json!([string("streamer", "shroud")]), json!({}))).await;
        app.settle().await;
        assert!(edited(&app).contains("it is back on"), "{}", edited(&app));
        assert_eq!(app.discord.messages_in(LIVE).len(), 2, "every test posts its own message");
        assert_eq!(app.db.tracked_streamer(sf(GUILD), &tw(SHROUD)).await.unwrap().unwrap().route.needs_attention, None);
    }

    async fn a_server_with_200_routes_gets_its_list_at_once_in_pages(db) {
        let app = ready(db).await;
        for i in 0..200 {
            app.track(&[GUILD as i64], &format!("{}", 10_000 + i), &format!("streamer{i:03}")).await;
        }
        let (_, body) = app.interaction(&streamers(AS_ADMIN, "list", json!([]), json!({}))).await;
        assert_eq!(body["type"], 4, "answered at once, not deferred");
        let shown = reply_text(&body);
        assert!(shown.contains("Following 200 streamers · 200 alert routes"), "{shown}");
        assert!(shown.contains("streamer000") && !shown.contains("streamer199"), "{shown}");
        assert!(shown.chars().count() < 4_096, "fits one embed");
        let footer = body["data"]["embeds"][0]["footer"]["text"].as_str().unwrap().to_owned();
        assert!(footer.starts_with("Page 1 of "), "{footer}");
        let pages: usize = footer.trim_start_matches("Page 1 of ").parse().unwrap();
        let next = body["data"]["components"][0]["components"][1]["custom_id"].as_str().unwrap().to_owned();
        let (_, page2) = app.interaction(&button(AS_ADMIN, &next, &[])).await;
        assert_eq!(page2["type"], 7, "the list's message turns its page");
        let shown = reply_text(&page2);
        assert!(!shown.contains("streamer000") && shown.contains("streamer"), "{shown}");
        assert_eq!(page2["data"]["embeds"][0]["footer"]["text"], format!("Page 2 of {pages}"));
        let (_, last) = app.interaction(&button(AS_ADMIN, &format!("streamers-list:{}", pages - 1), &[])).await;
        assert!(reply_text(&last).contains("streamer199"));
        let (_, refused) = app.interaction(&button(AS_MEMBER, &next, &[])).await;
        assert!(reply_text(&refused).contains("Manage Server"), "members can't page through settings");
    }

    async fn a_second_channel_adds_a_route_and_remove_can_take_one(db) {
        let app = ready(db).await;
        add(&app, "shroud").await;
        let other: u64 = 1_200_000_000_000_000_888;
        app.discord.add_channel(GUILD, other, 0, 0);
        let options = json!([string("login", "shroud"), channel_option("channel", other), role_option("role", 4242)]);
        let (_, body) = app.answer(&streamers(AS_ADMIN, "add", options, resolved_channel_and_role(other, 4242, true))).await;
        assert!(reply_text(&body).contains("Added another channel for shroud"), "{body}");
        let routes = app.db.streamer_routes(sf(GUILD), &tw(SHROUD)).await.unwrap();
        assert_eq!(routes.len(), 2);
        assert_eq!((routes[1].route.channel_id, routes[1].route.ping_role_id), (Some(sf(other)), Some(sf(4242))));
        let (_, body) = app.interaction(&streamers(AS_ADMIN, "list", json!([]), json!({}))).await;
        let shown = reply_text(&body);
        assert!(shown.contains(&format!("<#{other}> · pings <@&4242>")) && shown.contains(&format!("<#{LIVE}> (the server's channel) · pings nobody")), "{shown}");
        let remove = json!([string("streamer", "shroud"), channel_option("channel", other)]);
        let (_, body) = app.interaction(&streamers(AS_ADMIN, "remove", remove, resolved_channel(other, 0))).await;
        assert!(reply_text(&body).contains("Their other alerts here go on"), "{body}");
        let routes = app.db.streamer_routes(sf(GUILD), &tw(SHROUD)).await.unwrap();
        assert_eq!(routes.len(), 1);
        assert_eq!(routes[0].route.channel_id, None, "the server's channel route stays");
    }

    async fn a_failing_test_says_exactly_why(db) {
        let app = ready(db).await;
        add(&app, "shroud").await;
        app.discord.fail(&format!("/channels/{LIVE}/messages"), Failure::Code(403, 50013, "Missing Permissions"));
        app.interaction(&streamers(AS_ADMIN, "test", json!([string("streamer", "shroud")]), json!({}))).await;
        app.settle().await;
        assert!(edited(&app).contains("missing permissions"), "{}", edited(&app));
        app.discord.fail(&format!("/channels/{LIVE}/messages"), Failure::Code(404, 10003, "Unknown Channel"));
        app.interaction(&streamers(AS_ADMIN, "test", json!([string("streamer", "shroud")]), json!({}))).await;
        app.settle().await;
        assert!(edited(&app).contains("/setup channel:"), "{}", edited(&app));
    }

    async fn the_link_command_hands_out_a_signed_expiring_link(db) {
        let app = ready(db).await;
        let (_, body) = app.interaction(&streamers(AS_ADMIN, "link", json!([]), json!({}))).await;
        let url = body["data"]["components"][0]["components"][0]["url"].as_str().expect("link button").to_owned();
        assert!(url.starts_with(&format!("{}/link?token=", app.url)), "{url}");
        let token = url.split("token=").nth(1).unwrap();
        let claims = links::verify(APP_SECRET, token, links::Purpose::TwitchLink, chrono::Utc::now().timestamp_millis()).unwrap();
        assert_eq!((claims.guild_id, claims.user_id), (sf(GUILD), sf(ADMIN)));
        assert!(reply_text(&body).contains("expires <t:"));
    }

    async fn autocomplete_offers_the_servers_streamers(db) {
        let app = ready(db).await;
        for (id, login) in [("1", "amy"), ("2", "amber"), ("3", "zed")] {
            app.track(&[GUILD as i64], id, login).await;
        }
        app.track(&[999], "4", "amelia_elsewhere").await;
        let (_, body) = app.interaction(&autocomplete(AS_ADMIN, "streamers", "remove", "streamer", "am")).await;
        assert_eq!(body["type"], 8);
        let names: Vec<&str> = body["data"]["choices"].as_array().unwrap().iter().map(|c| c["value"].as_str().unwrap()).collect();
        assert_eq!(names, ["amber", "amy"], "only this server's, matching what was typed");
        for i in 0..30 {
            app.track(&[GUILD as i64], &format!("x{i}"), &format!("streamer{i:02}")).await;
        }
        let (_, body) = app.interaction(&autocomplete(AS_MEMBER, "notify", "on", "streamer", "")).await;
        assert_eq!(body["data"]["choices"].as_array().unwrap().len(), 25, "at most 25");
    }
}
