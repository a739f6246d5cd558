//! `/setup`: where notifications go and whom they ping, with an honest
//! check of what the bot may do there.

use serde_json::{Value, json};
use streammaxing::store::{OfflineMode, PingMode};

use crate::support::sf;
use crate::support::{app::TestApp, db::on_both_backends, interactions::*};

const LIVE: u64 = 1_200_000_000_000_000_777;
const ROLE: u64 = 1_900_000_000_000_000_001;
const SEND_AND_EMBED: u64 = (1 << 11) | (1 << 14);

fn setup(who: Who, options: Value, resolved: Value) -> Value {
    slash(who, "setup", options, resolved)
}

pub fn text(body: &Value) -> String {
    let data = &body["data"];
    let mut out = data["content"].as_str().unwrap_or("").to_owned();
    for embed in data["embeds"].as_array().into_iter().flatten() {
        out.push_str(&format!(
            "\n{}\n{}",
            embed["title"].as_str().unwrap_or(""),
            embed["description"].as_str().unwrap_or("")
        ));
        for field in embed["fields"].as_array().into_iter().flatten() {
            out.push_str(&format!(
                "\n{}: {}",
                field["name"].as_str().unwrap_or(""),
                field["value"].as_str().unwrap_or("")
            ));
        }
    }
    out
}

/// A guild where the bot role has the usual permissions and a channel
/// denying `deny` to @everyone.
async fn app_with_channel(db: crate::support::db::TestDb, deny: u64) -> TestApp {
    let app = TestApp::start(db).await;
    app.discord.add_guild(GUILD, EVERYDAY, BOT_PERMISSIONS);
    app.discord.add_channel(GUILD, LIVE, 0, deny);
    app
}

on_both_backends! {
    async fn an_admin_sets_channel_and_role(db) {
        let app = app_with_channel(db, 0).await;
        let options = json!([channel_option("channel", LIVE), role_option("role", ROLE)]);
        let (status, body) = app.answer(&setup(AS_ADMIN, options, resolved_channel_and_role(LIVE, ROLE, true))).await;
        assert_eq!(status, 200);
        assert_eq!(body["data"]["flags"], 64);
        let shown = text(&body);
        assert!(shown.contains("✅ Live notifications are set up"), "{shown}");
        assert!(shown.contains(&format!("<#{LIVE}>")) && shown.contains(&format!("<@&{ROLE}>")), "{shown}");
        assert_eq!(body["data"]["allowed_mentions"]["parse"], json!([]), "the reply itself pings nobody");
        let deferred = app.discord.calls("PATCH", "/messages/@original");
        assert_eq!(deferred.len(), 1, "deferred: the permission check asks Discord");
        let config = app.db.guild_config(sf(GUILD)).await.unwrap().unwrap();
        assert_eq!((config.channel_id, config.ping_mode, config.ping_role_id), (Some(sf(LIVE)), PingMode::Role, Some(sf(ROLE))));
    }

    async fn a_member_without_manage_server_is_politely_refused(db) {
        let app = app_with_channel(db, 0).await;
        let (_, body) = app.answer(&setup(AS_MEMBER, json!([channel_option("channel", LIVE)]), resolved_channel(LIVE, 0))).await;
        assert!(text(&body).contains("Manage Server"), "{body}");
        assert_eq!(app.db.guild_config(sf(GUILD)).await.unwrap(), None, "nothing changed");
        // Administrator is enough on its own.
        let admin = Who { user: ADMIN, permissions: ADMINISTRATOR };
        let (_, body) = app.answer(&setup(admin, json!([channel_option("channel", LIVE)]), resolved_channel(LIVE, 0))).await;
        assert!(text(&body).contains("set up"), "{body}");
    }

    async fn missing_channel_permissions_are_named_with_the_fix(db) {
        let app = app_with_channel(db, SEND_AND_EMBED).await;
        let (_, body) = app.answer(&setup(AS_ADMIN, json!([channel_option("channel", LIVE)]), resolved_channel(LIVE, 0))).await;
        let shown = text(&body);
        assert!(shown.contains("⚠️ Saved, but something needs fixing"), "{shown}");
        assert!(shown.contains("**Send Messages** and **Embed Links**"), "{shown}");
        assert!(shown.contains("Permissions"), "says where to fix it: {shown}");
        assert_eq!(app.db.guild_config(sf(GUILD)).await.unwrap().unwrap().channel_id, Some(sf(LIVE)), "still saved");
    }

    async fn the_channel_the_command_is_used_in_uses_discords_own_answer(db) {
        let app = app_with_channel(db, 0).await;
        let mut interaction = setup(AS_ADMIN, json!([channel_option("channel", CHANNEL)]), resolved_channel(CHANNEL, 0));
        interaction["app_permissions"] = json!(((1u64 << 10) | (1 << 11)).to_string());
        let (_, body) = app.answer(&interaction).await;
        assert!(text(&body).contains("**Embed Links**"), "{body}");
        assert!(app.discord.calls("GET", &format!("/channels/{CHANNEL}")).is_empty(), "no lookup needed");
    }

    async fn an_unmentionable_role_is_flagged(db) {
        let app = TestApp::start(db).await;
        app.discord.add_guild(GUILD, EVERYDAY & !(1 << 17), BOT_PERMISSIONS & !(1 << 17));
        app.discord.add_channel(GUILD, LIVE, 0, 0);
        let options = json!([channel_option("channel", LIVE), role_option("role", ROLE)]);
        let (_, body) = app.answer(&setup(AS_ADMIN, options, resolved_channel_and_role(LIVE, ROLE, false))).await;
        assert!(text(&body).contains("Allow anyone to @mention this role"), "{body}");
    }

    async fn opt_in_pings_need_manage_roles(db) {
        let app = TestApp::start(db).await;
        app.discord.add_guild(GUILD, EVERYDAY, BOT_PERMISSIONS & !(1 << 28));
        app.discord.add_channel(GUILD, LIVE, 0, 0);
        let options = json!([channel_option("channel", LIVE), string("ping", "streamer_role")]);
        let (_, body) = app.answer(&setup(AS_ADMIN, options, resolved_channel(LIVE, 0))).await;
        assert!(text(&body).contains("**Manage Roles**"), "{body}");
        assert_eq!(app.db.guild_config(sf(GUILD)).await.unwrap().unwrap().ping_mode, PingMode::StreamerRole);
    }

    async fn opt_in_pings_need_mention_all_roles_because_members_cannot_mention_the_roles(db) {
        // Denied in the notification channel only.
        let app = app_with_channel(db, 1 << 17).await;
        let options = json!([channel_option("channel", LIVE), string("ping", "streamer_role")]);
        let (_, body) = app.answer(&setup(AS_ADMIN, options, resolved_channel(LIVE, 0))).await;
        assert!(text(&body).contains("**Mention @everyone, @here and All Roles**"), "{body}");
        assert!(!text(&body).contains("**Manage Roles**"), "only what is missing: {body}");
        // In a channel where the bot has it, nothing needs fixing.
        let elsewhere = LIVE + 1;
        app.discord.add_channel(GUILD, elsewhere, 0, 0);
        let (_, body) = app.answer(&setup(AS_ADMIN, json!([channel_option("channel", elsewhere)]), resolved_channel(elsewhere, 0))).await;
        assert!(text(&body).contains("set up"), "{body}");
        assert!(!text(&body).contains("Mention @everyone"), "{body}");
    }

    async fn pinging_a_role_without_naming_one_explains_how(db) {
        let app = app_with_channel(db, 0).await;
        let options = json!([channel_option("channel", LIVE), string("ping", "role")]);
        let (_, body) = app.answer(&setup(AS_ADMIN, options, resolved_channel(LIVE, 0))).await;
        assert!(text(&body).contains("role:"), "{body}");
        let config = app.db.guild_config(sf(GUILD)).await.unwrap();
        assert!(config.as_ref().is_none_or(|c| c.channel_id.is_none()), "nothing saved: {config:?}");
    }

    async fn setup_chooses_what_happens_after_the_stream_and_publishing(db) {
        let app = app_with_channel(db, 0).await;
        let options = json!([channel_option("channel", LIVE), string("after_stream", "delete"), {"name": "publish", "type": 5, "value": false}]);
        let (_, body) = app.answer(&setup(AS_ADMIN, options, resolved_channel(LIVE, 5))).await;
        assert!(text(&body).contains("its message is deleted"), "{body}");
        let config = app.db.guild_config(sf(GUILD)).await.unwrap().unwrap();
        assert_eq!((config.offline_mode, config.publish_announcements, config.channel_kind), (OfflineMode::Delete, false, Some(5)));
    }

    async fn pausing_and_resuming_keeps_the_channel(db) {
        let app = app_with_channel(db, 0).await;
        let pause = json!([channel_option("channel", LIVE), {"name": "enabled", "type": 5, "value": false}]);
        let (_, body) = app.answer(&setup(AS_ADMIN, pause, resolved_channel(LIVE, 0))).await;
        assert!(text(&body).contains("paused"), "{body}");
        assert!(!app.db.guild_config(sf(GUILD)).await.unwrap().unwrap().enabled);
        app.answer(&setup(AS_ADMIN, json!([channel_option("channel", LIVE)]), resolved_channel(LIVE, 0))).await;
        assert!(!app.db.guild_config(sf(GUILD)).await.unwrap().unwrap().enabled, "unchanged when not given");
    }
}

pub(crate) use text as reply_text;
