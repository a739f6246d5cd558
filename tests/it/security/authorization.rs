//! Authorization is decided on the server for every way in: each admin
//! command, each button and form submit (a crafted interaction can carry
//! any custom id), and each web save (the editor link decides the server,
//! never the body). Member commands only ever touch the member who used them.

use serde_json::{Value, json};
use streammaxing::{links::Purpose, notify::template::notify_custom_id};

use super::reply_text;
use crate::support::sf;
use crate::support::tw;
use crate::{
    support::{app::TestApp, db::on_both_backends, interactions::*},
    web::token,
};

const SHROUD: &str = "37402112";
/// A streamer only another server follows.
const ELSEWHERE: &str = "99000001";
const OTHER_GUILD: i64 = 1_100_000_000_000_000_999;
const LIVE: u64 = 1_200_000_000_000_000_777;

async fn server(db: crate::support::db::TestDb) -> TestApp {
    let app = TestApp::start(db).await;
    app.track(&[GUILD as i64], SHROUD, "shroud").await;
    app.track(&[OTHER_GUILD], ELSEWHERE, "elsewhere").await;
    let mut config = app.db.guild_config(sf(GUILD)).await.unwrap().unwrap();
    config.channel_id = Some(sf(CHANNEL));
    app.db.save_guild_config(&config, 1).await.unwrap();
    app
}

fn streamer(name: &str) -> Value {
    json!([string("streamer", name)])
}

/// Every admin command, as a member could send it.
fn admin_commands(who: Who) -> Vec<(&'static str, Value)> {
    vec![
        (
            "/setup",
            slash(
                who,
                "setup",
                json!([channel_option("channel", LIVE)]),
                resolved_channel(LIVE, 0),
            ),
        ),
        (
            "/streamers add",
            slash(
                who,
                "streamers",
                sub("add", json!([string("login", "newcomer")])),
                json!({}),
            ),
        ),
        (
            "/streamers remove",
            slash(
                who,
                "streamers",
                sub("remove", streamer("shroud")),
                json!({}),
            ),
        ),
        (
            "/streamers test",
            slash(who, "streamers", sub("test", streamer("shroud")), json!({})),
        ),
        (
            "/streamers list",
            slash(who, "streamers", sub("list", json!([])), json!({})),
        ),
        (
            "/streamers link",
            slash(who, "streamers", sub("link", json!([])), json!({})),
        ),
        (
            "/template edit",
            slash(who, "template", sub("edit", json!([])), json!({})),
        ),
        (
            "/template preview",
            slash(who, "template", sub("preview", json!([])), json!({})),
        ),
        (
            "/template reset",
            slash(who, "template", sub("reset", streamer("shroud")), json!({})),
        ),
        (
            "template form submit",
            modal_submit(who, "template:*", &[("title", "hacked {stream_title}")]),
        ),
        (
            "streamer template form submit",
            modal_submit(
                who,
                &format!("template:{SHROUD}"),
                &[("title", "hacked {stream_title}")],
            ),
        ),
    ]
}

on_both_backends! {
    async fn members_cannot_use_any_admin_command_or_form(db) {
        let app = server(db).await;
        let before = app.db.guild_config(sf(GUILD)).await.unwrap();
        let mut no_permissions: Vec<_> = admin_commands(AS_MEMBER)
            .into_iter()
            .map(|(case, mut body)| {
                body["member"].as_object_mut().unwrap().remove("permissions");
                (case, body)
            })
            .collect();
        let mut cases = admin_commands(AS_MEMBER);
        cases.append(&mut no_permissions);
        for (case, body) in cases {
            let (status, answer) = app.interaction(&body).await;
            assert_eq!(status, 200, "{case}");
            assert_eq!((answer["type"].as_u64(), answer["data"]["flags"].as_u64()), (Some(4), Some(64)), "{case}: an ephemeral refusal");
            let text = reply_text(&answer);
            assert!(text.contains("Manage Server"), "{case}: {text}");
            assert!(!answer.to_string().contains("token="), "{case} hands out no signed link");
        }
        app.settle().await;
        assert_eq!(app.db.guild_config(sf(GUILD)).await.unwrap(), before, "the server's settings are unchanged");
        let tracked = app.db.tracked_streamer(sf(GUILD), &tw(SHROUD)).await.unwrap().expect("still followed");
        assert_eq!(tracked.route.template, None);
        assert_eq!(app.db.tracked_routes(sf(GUILD)).await.unwrap().len(), 1, "nobody was added");
        assert!(app.discord.world().calls.is_empty(), "nothing was posted or changed in Discord");
    }

    async fn administrator_alone_counts_as_an_admin(db) {
        let app = server(db).await;
        let owner = Who { user: ADMIN, permissions: EVERYDAY | ADMINISTRATOR };
        let (_, body) = app.interaction(&modal_submit(owner, "template:*", &[("title", "Ours {stream_title}")])).await;
        assert!(reply_text(&body).contains("✅ Saved"), "{}", reply_text(&body));
    }

    async fn signed_links_are_shown_only_to_the_admin_who_asked(db) {
        let app = server(db).await;
        for (case, body) in [
            ("/streamers link", slash(AS_ADMIN, "streamers", sub("link", json!([])), json!({}))),
            ("/template preview", slash(AS_ADMIN, "template", sub("preview", json!([])), json!({}))),
        ] {
            let (_, answer) = app.interaction(&body).await;
            assert!(answer.to_string().contains("token="), "{case} hands out a link: {answer}");
            assert_eq!(answer["data"]["flags"], 64, "{case}: ephemeral");
        }
    }

    async fn a_form_for_a_streamer_this_server_does_not_follow_changes_nothing(db) {
        let app = server(db).await;
        let (_, body) = app.interaction(&modal_submit(AS_ADMIN, &format!("template:{ELSEWHERE}"), &[("title", "hijacked {stream_title}")])).await;
        assert!(reply_text(&body).contains("doesn't follow that streamer"), "{}", reply_text(&body));
        let theirs = app.db.tracked_streamer(sf(OTHER_GUILD), &tw(ELSEWHERE)).await.unwrap().unwrap();
        assert_eq!(theirs.route.template, None);
        assert_eq!(app.db.guild_config(sf(GUILD)).await.unwrap().unwrap().template, None);
        assert_eq!(app.db.guild_config(sf(OTHER_GUILD)).await.unwrap().unwrap().template, None);
    }

    async fn a_draft_reopens_only_for_the_member_who_typed_it(db) {
        let app = server(db).await;
        let (_, body) = app.interaction(&modal_submit(AS_ADMIN, "template:*", &[("title", "{nope} secret plans")])).await;
        let fix = body["data"]["components"][0]["components"][0]["custom_id"].as_str().expect("a Fix it button").to_owned();
        let other_admin = Who { user: ADMIN + 7, permissions: EVERYDAY | MANAGE_GUILD };
        for who in [AS_MEMBER, other_admin] {
            let (_, answer) = app.interaction(&button(who, &fix, &[])).await;
            assert_eq!(answer["type"], 4, "no form for someone else's draft: {answer}");
            assert!(reply_text(&answer).contains("expired"));
            assert!(!answer.to_string().contains("secret plans"));
        }
        let (_, answer) = app.interaction(&button(AS_ADMIN, &fix, &[])).await;
        assert_eq!(answer["type"], 9, "the author gets the form back");
        assert!(answer.to_string().contains("secret plans"));
    }

    async fn a_notify_button_for_a_streamer_this_server_does_not_follow_changes_nothing(db) {
        let app = server(db).await;
        let (_, answer) = app.interaction(&button(AS_MEMBER, &notify_custom_id(ELSEWHERE), &[])).await;
        assert!(reply_text(&answer).contains("doesn't follow that streamer"), "{answer}");
        app.settle().await;
        assert!(app.db.notify_preferences(sf(GUILD), sf(MEMBER)).await.unwrap().is_empty());
        assert!(app.db.notify_preferences(sf(OTHER_GUILD), sf(MEMBER)).await.unwrap().is_empty());
        assert!(app.discord.world().calls.is_empty());
    }

    async fn notify_changes_only_the_member_who_used_it(db) {
        let app = server(db).await;
        app.discord.add_guild(GUILD, EVERYDAY, BOT_PERMISSIONS);
        let mut config = app.db.guild_config(sf(GUILD)).await.unwrap().unwrap();
        config.ping_mode = streammaxing::store::PingMode::StreamerRole;
        app.db.save_guild_config(&config, 2).await.unwrap();
        let (_, answer) = app.interaction(&slash(AS_MEMBER, "notify", sub("off", streamer("shroud")), json!({}))).await;
        assert_eq!(answer["type"], 5, "{answer}");
        app.settle().await;
        assert_eq!(app.db.notify_preferences(sf(GUILD), sf(MEMBER)).await.unwrap(), [(tw(SHROUD), false)]);
        assert!(app.db.notify_preferences(sf(GUILD), sf(ADMIN)).await.unwrap().is_empty(), "nobody else's choice changed");
    }

    async fn the_editor_saves_to_its_links_server_whatever_the_body_says(db) {
        let app = server(db).await;
        let link = token(Purpose::Editor, None);
        let mut template = serde_json::to_value(streammaxing::notify::template::Template::default()).unwrap();
        template["content"] = json!("from the editor");
        let body = json!({"template": template, "guild_id": OTHER_GUILD.to_string(), "twitch_id": ELSEWHERE, "token": token(Purpose::Editor, Some(ELSEWHERE))});
        let saved = reqwest::Client::new().put(format!("{}/api/templates?token={link}", app.url)).json(&body).send().await.unwrap();
        assert_eq!(saved.status(), 200);
        assert!(app.db.guild_config(sf(GUILD)).await.unwrap().unwrap().template.unwrap().contains("from the editor"));
        assert_eq!(app.db.guild_config(sf(OTHER_GUILD)).await.unwrap().unwrap().template, None, "the other server is untouched");
        assert_eq!(app.db.tracked_streamer(sf(OTHER_GUILD), &tw(ELSEWHERE)).await.unwrap().unwrap().route.template, None);
        // A streamer-scoped link is for a streamer this server follows.
        let elsewhere = token(Purpose::Editor, Some(ELSEWHERE));
        let refused = reqwest::Client::new().put(format!("{}/api/templates?token={elsewhere}", app.url)).json(&json!({"template": template})).send().await.unwrap();
        assert_eq!(refused.status(), 404);
        assert_eq!(app.db.tracked_streamer(sf(OTHER_GUILD), &tw(ELSEWHERE)).await.unwrap().unwrap().route.template, None);
    }
}
