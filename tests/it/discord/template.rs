//! `/template edit|preview|reset` and the modal round trip.

use serde_json::{Value, json};
use streammaxing::{links, notify::template::Template};

use super::setup::reply_text;
use crate::support::sf;
use crate::support::tw;
use crate::support::{
    app::{APP_SECRET, TestApp},
    db::on_both_backends,
    interactions::*,
};

const SHROUD: &str = "37402112";

fn template(who: Who, subcommand: &str, options: Value) -> Value {
    slash(who, "template", sub(subcommand, options), json!({}))
}

fn inputs(modal: &Value) -> Vec<(String, String)> {
    modal["data"]["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|label| {
            let input = &label["component"];
            (
                input["custom_id"].as_str().unwrap().to_owned(),
                input["value"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

async fn server(db: crate::support::db::TestDb) -> TestApp {
    let app = TestApp::start(db).await;
    app.track(&[GUILD as i64], SHROUD, "shroud").await;
    app
}

on_both_backends! {
    async fn edit_opens_a_form_prefilled_with_the_current_template(db) {
        let app = server(db).await;
        let (_, modal) = app.interaction(&template(AS_ADMIN, "edit", json!([]))).await;
        assert_eq!(modal["type"], 9);
        assert_eq!(modal["data"]["custom_id"], "template:*");
        assert!(modal["data"]["title"].as_str().unwrap().chars().count() <= 45);
        let fields = inputs(&modal);
        assert_eq!(fields.iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>(), ["content", "title", "description", "color", "footer"]);
        let default = Template::default();
        assert_eq!(fields[1].1, default.embed.title);
        assert_eq!(modal["data"]["components"][0]["type"], 18, "text inputs wrapped in labels");
    }

    async fn a_valid_submission_is_saved_and_previewed(db) {
        let app = server(db).await;
        let submit = modal_submit(AS_ADMIN, "template:*", &[
            ("content", "{mention} {streamer_display_name} just went live!"),
            ("title", "🔴 {stream_title}"),
            ("description", "Playing {game_name}"),
            ("color", "#ff0000"),
            ("footer", "StreamMaxing"),
        ]);
        let (_, body) = app.interaction(&submit).await;
        let shown = reply_text(&body);
        assert!(shown.contains("✅ Saved"), "{shown}");
        assert_eq!(body["data"]["embeds"][0]["color"], 0xFF0000);
        assert!(body["data"]["embeds"][0]["title"].as_str().unwrap().starts_with("🔴 "), "{body}");
        assert_eq!(body["data"]["allowed_mentions"]["parse"], json!([]), "the preview pings nobody");
        let saved = app.db.guild_config(sf(GUILD)).await.unwrap().unwrap().template.expect("saved");
        let saved = Template::from_json(&saved).unwrap();
        assert_eq!((saved.embed.title.as_str(), saved.embed.color), ("🔴 {stream_title}", Some(0xFF0000)));
    }

    async fn an_invalid_submission_names_every_problem_and_keeps_what_was_typed(db) {
        let app = server(db).await;
        let submit = modal_submit(AS_ADMIN, "template:*", &[
            ("content", "{streamer_name} is live"),
            ("title", "{stream_title}"),
            ("description", ""),
            ("color", "purple"),
            ("footer", ""),
        ]);
        let (_, body) = app.interaction(&submit).await;
        let shown = reply_text(&body);
        assert!(shown.contains("Not saved"), "{shown}");
        assert!(shown.contains("{streamer_name}") && shown.contains("{streamer_display_name}"), "names it with a suggestion: {shown}");
        assert!(shown.contains("isn't a hex colour"), "{shown}");
        assert_eq!(app.db.guild_config(sf(GUILD)).await.unwrap().unwrap().template, None, "nothing saved");
        let fix = body["data"]["components"][0]["components"][0]["custom_id"].as_str().unwrap().to_owned();
        let (_, modal) = app.interaction(&button(AS_ADMIN, &fix, &[])).await;
        assert_eq!(modal["type"], 9);
        assert_eq!(inputs(&modal)[0].1, "{streamer_name} is live", "the form comes back as typed");
        // Someone else cannot open another member's draft.
        let (_, other) = app.interaction(&button(Who { user: ADMIN + 9, permissions: MANAGE_GUILD }, &fix, &[])).await;
        assert!(reply_text(&other).contains("expired"), "{other}");
    }

    async fn a_streamers_own_template_overrides_the_servers(db) {
        let app = server(db).await;
        let (_, modal) = app.interaction(&template(AS_ADMIN, "edit", json!([string("streamer", "shroud")]))).await;
        assert_eq!(modal["data"]["custom_id"], format!("template:{SHROUD}"));
        let submit = modal_submit(AS_ADMIN, &format!("template:{SHROUD}"), &[("title", "Shroud time: {stream_title}")]);
        app.interaction(&submit).await;
        let tracked = app.db.tracked_streamer(sf(GUILD), &tw(SHROUD)).await.unwrap().unwrap();
        assert!(tracked.route.template.unwrap().contains("Shroud time"));
        assert_eq!(app.db.guild_config(sf(GUILD)).await.unwrap().unwrap().template, None);
        app.interaction(&template(AS_ADMIN, "reset", json!([string("streamer", "shroud")]))).await;
        assert_eq!(app.db.tracked_streamer(sf(GUILD), &tw(SHROUD)).await.unwrap().unwrap().route.template, None);
    }

    async fn preview_shows_the_notification_and_links_to_the_web_editor(db) {
        let app = server(db).await;
        let (_, body) = app.interaction(&template(AS_ADMIN, "preview", json!([]))).await;
        assert_eq!((body["type"].as_u64(), body["data"]["flags"].as_u64()), (Some(4), Some(64)));
        assert!(!body["data"]["embeds"].as_array().unwrap().is_empty());
        let rows = body["data"]["components"].as_array().unwrap();
        let editor = rows.last().unwrap()["components"][0]["url"].as_str().unwrap();
        assert!(editor.starts_with(&format!("{}/editor?token=", app.url)), "{editor}");
        let claims = links::verify(APP_SECRET, editor.split("token=").nth(1).unwrap(), links::Purpose::Editor, 0).unwrap();
        assert_eq!((claims.guild_id, claims.twitch_id), (sf(GUILD), None));
    }

    async fn reset_goes_back_to_the_default(db) {
        let app = server(db).await;
        app.interaction(&modal_submit(AS_ADMIN, "template:*", &[("title", "custom {stream_title}")])).await;
        assert!(app.db.guild_config(sf(GUILD)).await.unwrap().unwrap().template.is_some());
        let (_, body) = app.interaction(&template(AS_ADMIN, "reset", json!([]))).await;
        assert!(reply_text(&body).contains("default template"));
        assert_eq!(app.db.guild_config(sf(GUILD)).await.unwrap().unwrap().template, None);
    }

    async fn members_cannot_edit_templates(db) {
        let app = server(db).await;
        let (_, body) = app.interaction(&template(AS_MEMBER, "edit", json!([]))).await;
        assert!(reply_text(&body).contains("Manage Server"));
        let (_, body) = app.interaction(&modal_submit(AS_MEMBER, "template:*", &[("title", "hacked")])).await;
        assert!(reply_text(&body).contains("Manage Server"));
        assert_eq!(app.db.guild_config(sf(GUILD)).await.unwrap().unwrap().template, None);
    }
}
