//! `/notify on|off|list` and the "🔔 Notify me" button: members choose who
//! pings them, through a role per streamer that the bot manages.

use serde_json::{Value, json};
use streammaxing::{notify::template::notify_custom_id, store::PingMode};

use super::setup::reply_text;
use crate::support::sf;
use crate::support::tw;
use crate::support::{app::TestApp, db::on_both_backends, discord::Failure, interactions::*};

const SHROUD: &str = "37402112";
const CHANNEL: u64 = 1_700_000_000_000_000_001;

fn notify(who: Who, subcommand: &str, options: Value) -> Value {
    slash(who, "notify", sub(subcommand, options), json!({}))
}

pub(super) fn edited(app: &TestApp) -> String {
    let body = app
        .discord
        .calls("PATCH", "/messages/@original")
        .pop()
        .expect("deferred reply")
        .body;
    reply_text(&json!({"data": body}))
}

pub(super) async fn opt_in_server(db: crate::support::db::TestDb) -> TestApp {
    let app = TestApp::start(db).await;
    app.discord.add_guild(GUILD, EVERYDAY, BOT_PERMISSIONS);
    app.track(&[GUILD as i64], SHROUD, "shroud").await;
    let mut config = app.db.guild_config(sf(GUILD)).await.unwrap().unwrap();
    config.ping_mode = PingMode::StreamerRole;
    app.db.save_guild_config(&config, 1).await.unwrap();
    app
}

on_both_backends! {
    async fn notify_on_creates_the_streamers_role_and_gives_it_to_the_member(db) {
        let app = opt_in_server(db).await;
        let (_, body) = app.interaction(&notify(AS_MEMBER, "on", json!([string("streamer", "shroud")]))).await;
        assert_eq!(body["type"], 5);
        app.settle().await;
        assert!(edited(&app).contains("🔔 You'll be pinged when **shroud** goes live"), "{}", edited(&app));
        let created = app.discord.calls("POST", &format!("/guilds/{GUILD}/roles"));
        assert_eq!(created.len(), 1);
        assert_eq!(created[0].body["name"], "shroud live");
        let role = app.db.tracked_streamer(sf(GUILD), &tw(SHROUD)).await.unwrap().unwrap().notify_role_id.expect("role remembered").get();
        assert_eq!(app.discord.member_roles(GUILD, MEMBER), [role]);
        // Turning it off takes the role away; the role stays for others.
        app.interaction(&notify(AS_MEMBER, "off", json!([string("streamer", "shroud")]))).await;
        app.settle().await;
        assert!(edited(&app).contains("🔕"), "{}", edited(&app));
        assert!(app.discord.member_roles(GUILD, MEMBER).is_empty());
        assert_eq!(app.db.notify_preferences(sf(GUILD), sf(MEMBER)).await.unwrap(), [(tw(SHROUD), false)]);
    }

    async fn members_opting_in_at_the_same_moment_share_one_role_that_grants_nothing(db) {
        let app = opt_in_server(db).await;
        let members: Vec<u64> = (1..=8).map(|n| MEMBER + n).collect();
        let bodies: Vec<Value> = members
            .iter()
            .map(|user| notify(Who { user: *user, permissions: EVERYDAY }, "on", json!([string("streamer", "shroud")])))
            .collect();
        let clicks = bodies.iter().map(|body| app.interaction(body));
        for (_, body) in futures_util::future::join_all(clicks).await {
            assert_eq!(body["type"], 5, "deferred");
        }
        app.settle().await;
        let role = app.db.tracked_streamer(sf(GUILD), &tw(SHROUD)).await.unwrap().unwrap().notify_role_id.expect("role remembered").get();
        let made: Vec<Value> = app.discord.world().roles[&GUILD].iter().filter(|r| r["name"] == "shroud live").cloned().collect();
        assert_eq!(made.len(), 1, "one role however many clicked at once: {made:?}");
        assert_eq!(made[0]["id"], role.to_string());
        // Created with no permissions of its own, not shown apart.
        assert_eq!((made[0]["permissions"].as_str(), &made[0]["hoist"]), (Some("0"), &json!(false)));
        for created in app.discord.calls("POST", &format!("/guilds/{GUILD}/roles")) {
            assert_eq!(created.body["permissions"], "0", "never Discord's default (@everyone's)");
        }
        for member in &members {
            assert_eq!(app.discord.member_roles(GUILD, *member), [role], "member {member} holds the one role");
        }
        // The next go-live pings that role, so all eight hear of it.
        let mut config = app.db.guild_config(sf(GUILD)).await.unwrap().unwrap();
        config.channel_id = Some(sf(CHANNEL));
        app.db.save_guild_config(&config, 1).await.unwrap();
        app.twitch.add_user(SHROUD, "shroud", "shroud");
        app.twitch_online("m-1", SHROUD, "s-1").await;
        crate::support::eventually("the go-live posted", || app.discord.messages_in(CHANNEL).len() == 1).await;
        let post = app.discord.calls("POST", &format!("/channels/{CHANNEL}/messages")).remove(0).body;
        assert!(post["content"].as_str().unwrap().contains(&format!("<@&{role}>")), "{post}");
        assert_eq!(post["allowed_mentions"]["roles"], json!([role.to_string()]));
        // Discord pinged it: members can't @mention the role, the bot may (Mention All Roles).
        assert_eq!(made[0]["mentionable"], false, "members can't mass-ping it");
        assert_eq!(app.discord.messages_in(CHANNEL)[0]["mention_roles"], json!([role.to_string()]));
    }

    async fn the_notify_me_button_toggles_for_whoever_clicks(db) {
        let app = opt_in_server(db).await;
        let (_, body) = app.interaction(&button(AS_MEMBER, &notify_custom_id(SHROUD), &[])).await;
        assert_eq!((body["type"].as_u64(), body["data"]["flags"].as_u64()), (Some(5), Some(64)), "ephemeral confirmation");
        app.settle().await;
        let role = app.db.tracked_streamer(sf(GUILD), &tw(SHROUD)).await.unwrap().unwrap().notify_role_id.unwrap().get();
        assert_eq!(app.discord.member_roles(GUILD, MEMBER), [role]);
        // Clicking again while holding the role turns it off.
        app.interaction(&button(AS_MEMBER, &notify_custom_id(SHROUD), &[role])).await;
        app.settle().await;
        assert!(app.discord.member_roles(GUILD, MEMBER).is_empty());
        assert!(edited(&app).contains("🔕"));
    }

    async fn a_bot_without_manage_roles_says_how_to_fix_it(db) {
        let app = opt_in_server(db).await;
        app.discord.fail(&format!("/guilds/{GUILD}/roles"), Failure::Code(403, 50013, "Missing Permissions"));
        app.interaction(&notify(AS_MEMBER, "on", json!([string("streamer", "shroud")]))).await;
        app.settle().await;
        assert!(edited(&app).contains("**Manage Roles**"), "{}", edited(&app));
        assert!(edited(&app).contains("above"), "mentions role order");
    }

    async fn a_deleted_notification_role_is_recreated(db) {
        let app = opt_in_server(db).await;
        app.db.set_notify_role(sf(GUILD), &tw(SHROUD), Some(sf(1_999))).await.unwrap();
        app.interaction(&notify(AS_MEMBER, "on", json!([string("streamer", "shroud")]))).await;
        app.settle().await;
        let role = app.db.tracked_streamer(sf(GUILD), &tw(SHROUD)).await.unwrap().unwrap().notify_role_id.unwrap().get();
        assert_ne!(role, 1_999);
        assert_eq!(app.discord.member_roles(GUILD, MEMBER), [role]);
    }

    async fn where_the_server_pings_a_role_for_everyone_notify_says_plainly_what_a_member_can_do(db) {
        let app = TestApp::start(db).await;
        app.track(&[GUILD as i64], SHROUD, "shroud").await;
        let mut config = app.db.guild_config(sf(GUILD)).await.unwrap().unwrap();
        (config.ping_mode, config.ping_role_id) = (PingMode::Role, Some(sf(4242)));
        app.db.save_guild_config(&config, 1).await.unwrap();
        let mut off = notify(AS_MEMBER, "off", json!([string("streamer", "shroud")]));
        off["member"]["roles"] = json!(["4242"]);
        let (_, body) = app.interaction(&off).await;
        assert_eq!((body["type"].as_u64(), body["data"]["flags"].as_u64()), (Some(4), Some(64)), "answered at once, privately");
        let shown = reply_text(&body);
        assert!(shown.contains("pings <@&4242> for everyone") && shown.contains("you have that role"), "{shown}");
        assert!(shown.contains("Suppress All Role @mentions") && shown.contains("/setup ping:Members who opt in"), "what the member can do: {shown}");
        assert_eq!(body["data"]["allowed_mentions"]["parse"], json!([]), "naming the role pings nobody");
        // A member without the role isn't pinged, and is told so.
        let (_, body) = app.interaction(&notify(AS_MEMBER, "off", json!([string("streamer", "shroud")]))).await;
        assert!(reply_text(&body).contains("you don't have that role"), "{body}");
        // Nothing was saved that would change nothing, and Discord wasn't called.
        app.settle().await;
        assert!(app.db.notify_preferences(sf(GUILD), sf(MEMBER)).await.unwrap().is_empty());
        assert!(app.discord.world().calls.is_empty());
        // /notify list says the same: pinged only through the role.
        let mut list = notify(AS_MEMBER, "list", json!([]));
        let (_, body) = app.interaction(&list).await;
        assert!(reply_text(&body).contains("🔕 **shroud**"), "{body}");
        list["member"]["roles"] = json!(["4242"]);
        let (_, body) = app.interaction(&list).await;
        assert!(reply_text(&body).contains("🔔 **shroud**"), "{body}");
    }

    async fn where_the_server_pings_nobody_notify_says_so(db) {
        let app = TestApp::start(db).await;
        app.track(&[GUILD as i64], SHROUD, "shroud").await;
        let (_, body) = app.interaction(&notify(AS_MEMBER, "on", json!([string("streamer", "shroud")]))).await;
        let shown = reply_text(&body);
        assert!(shown.contains("doesn't ping anyone") && shown.contains("opt-in pings"), "{shown}");
        app.settle().await;
        assert!(app.db.notify_preferences(sf(GUILD), sf(MEMBER)).await.unwrap().is_empty());
    }

    async fn a_member_can_erase_what_the_bot_keeps_about_them(db) {
        let app = opt_in_server(db).await;
        app.interaction(&notify(AS_MEMBER, "on", json!([string("streamer", "shroud")]))).await;
        app.settle().await;
        let role = app.db.tracked_streamer(sf(GUILD), &tw(SHROUD)).await.unwrap().unwrap().notify_role_id.unwrap().get();
        assert_eq!(app.discord.member_roles(GUILD, MEMBER), [role]);
        let mut forget = notify(AS_MEMBER, "forget", json!([]));
        forget["member"]["roles"] = json!([role.to_string()]);
        let (_, body) = app.interaction(&forget).await;
        assert_eq!((body["type"].as_u64(), body["data"]["flags"].as_u64()), (Some(5), Some(64)), "privately");
        app.settle().await;
        let shown = edited(&app);
        assert!(shown.contains("erased what I kept about you") && shown.contains("1 🔔 role") && shown.contains("/privacy"), "{shown}");
        assert!(app.discord.member_roles(GUILD, MEMBER).is_empty(), "the role is taken back");
        assert!(app.db.notify_preferences(sf(GUILD), sf(MEMBER)).await.unwrap().is_empty(), "the choice is gone");
    }

    async fn a_server_at_discords_role_limit_gets_a_clear_answer(db) {
        let app = opt_in_server(db).await;
        app.discord.fill_roles(GUILD);
        app.interaction(&notify(AS_MEMBER, "on", json!([string("streamer", "shroud")]))).await;
        app.settle().await;
        let shown = edited(&app);
        assert!(shown.contains("maximum of 250 roles") && shown.contains("delete roles"), "{shown}");
        assert!(app.discord.member_roles(GUILD, MEMBER).is_empty());
        assert!(app.db.tracked_streamer(sf(GUILD), &tw(SHROUD)).await.unwrap().unwrap().notify_role_id.is_none());
    }

    async fn notify_list_shows_the_members_choices(db) {
        let app = opt_in_server(db).await;
        app.track(&[GUILD as i64], "2", "amy").await;
        app.interaction(&notify(AS_MEMBER, "on", json!([string("streamer", "amy")]))).await;
        app.settle().await;
        let role = app.db.tracked_streamer(sf(GUILD), &tw("2")).await.unwrap().unwrap().notify_role_id.unwrap().get();
        let mut list = notify(AS_MEMBER, "list", json!([]));
        list["member"]["roles"] = json!([role.to_string()]);
        let (_, body) = app.interaction(&list).await;
        let shown = reply_text(&body);
        assert!(shown.contains("🔔 **amy**") && shown.contains("🔕 **shroud**"), "{shown}");
    }

    async fn an_unknown_streamer_gets_a_helpful_answer(db) {
        let app = opt_in_server(db).await;
        let (_, body) = app.interaction(&notify(AS_MEMBER, "on", json!([string("streamer", "<@&123> nobody")]))).await;
        let shown = reply_text(&body);
        assert!(shown.contains("doesn't follow") && shown.contains("/streamers list"), "{shown}");
        assert_eq!(body["data"]["allowed_mentions"]["parse"], json!([]));
    }
}
