//! The editor's API: rendering by the one engine, loading and saving with
//! a signed editor link.

use serde_json::{Value, json};
use streammaxing::{links::Purpose, notify::template::Template};

use super::{token, token_expiring};
use crate::support::sf;
use crate::support::tw;
use crate::support::{app::TestApp, db::on_both_backends, interactions::GUILD};

async fn app(db: crate::support::db::TestDb) -> TestApp {
    let app = TestApp::start(db).await;
    app.track(&[GUILD as i64], "37402112", "shroud").await;
    app
}

fn client() -> reqwest::Client {
    reqwest::Client::new()
}

on_both_backends! {
    async fn rendering_uses_the_real_engine_and_reports_problems(db) {
        let app = app(db).await;
        let default: Value = client().get(format!("{}/api/templates/default", app.url)).send().await.unwrap().json().await.unwrap();
        let mut template = default["template"].clone();
        template["embed"]["title"] = json!("LIVE {stream_title} {streamer_name}");
        let response = client().post(format!("{}/api/templates/render", app.url))
            .json(&json!({"template": template, "sample": "long_title"})).send().await.unwrap();
        assert_eq!(response.status(), 200);
        let body: Value = response.json().await.unwrap();
        let title = body["message"]["embeds"][0]["title"].as_str().unwrap();
        assert!(title.starts_with("LIVE ") && title.chars().count() <= 256, "{title}");
        let errors = body["errors"].as_array().unwrap();
        assert!(errors.iter().any(|e| e["location"] == "embed.title" && e["message"].as_str().unwrap().contains("streamer_display_name")), "{errors:?}");
        let bad = client().post(format!("{}/api/templates/render", app.url)).body("{nope").header("content-type", "application/json").send().await.unwrap();
        assert_eq!(bad.status(), 400);
        let unknown = client().post(format!("{}/api/templates/render", app.url))
            .json(&json!({"template": default["template"], "sample": "nope"})).send().await.unwrap();
        assert_eq!(unknown.status(), 400);
        assert!(unknown.text().await.unwrap().contains("unknown sample \\\"nope\\\""), "the reason names the sample");
        for sample in ["typical", "long_title", "no_game", "emoji"] {
            let ok = client().post(format!("{}/api/templates/render", app.url))
                .json(&json!({"template": default["template"], "sample": sample})).send().await.unwrap();
            assert_eq!(ok.status(), 200, "{sample}");
        }
    }

    async fn the_editor_and_its_preview_show_the_default_template_in_the_servers_language(db) {
        use streammaxing::i18n::Lang;
        let app = app(db).await;
        app.db.note_guild_locale(sf(GUILD), "de").await.unwrap();
        let link = token(Purpose::Editor, None);
        let loaded: Value = client().get(format!("{}/api/templates?token={link}", app.url)).send().await.unwrap().json().await.unwrap();
        assert_eq!(loaded["template"], serde_json::to_value(Template::default_in(Lang::De)).unwrap());
        assert_eq!(loaded["language"], "de");
        let preview: Value = client().post(format!("{}/api/templates/render", app.url))
            .json(&json!({"template": loaded["template"], "sample": "typical"})).send().await.unwrap().json().await.unwrap();
        let embed = &preview["message"]["embeds"][0];
        assert!(embed["description"].as_str().unwrap().contains("ist live auf Twitch!"), "{embed}");
        assert_eq!(preview["message"]["components"][0]["components"][0]["label"], "Stream ansehen");
        // The alert Discord gets says the same.
        let tracked = app.db.tracked_streamer(sf(GUILD), &tw("37402112")).await.unwrap().unwrap();
        let config = app.db.guild_config(sf(GUILD)).await.unwrap().unwrap();
        assert_eq!(streammaxing::notify::message::template_for(&config, &tracked), Template::default_in(Lang::De));
        // The playground follows the browser's language; one the bot does not speak reads English.
        for (asked, lang) in [("ja", Lang::Ja), ("pt-BR", Lang::PtBr), ("ko-KR", Lang::En)] {
            let default: Value = client().get(format!("{}/api/templates/default?lang={asked}", app.url)).send().await.unwrap().json().await.unwrap();
            assert_eq!(default["template"], serde_json::to_value(Template::default_in(lang)).unwrap(), "{asked}");
        }
    }

    async fn an_editor_link_loads_and_saves_the_servers_template(db) {
        let app = app(db).await;
        let link = token(Purpose::Editor, None);
        let loaded: Value = client().get(format!("{}/api/templates?token={link}", app.url)).send().await.unwrap().json().await.unwrap();
        assert_eq!(loaded["template"], serde_json::to_value(Template::default()).unwrap());
        assert_eq!(loaded["streamer"], Value::Null);
        let mut template = loaded["template"].clone();
        template["embed"]["title"] = json!("From the web {stream_title}");
        let saved = client().put(format!("{}/api/templates?token={link}", app.url)).json(&json!({"template": template})).send().await.unwrap();
        assert_eq!(saved.status(), 200);
        let stored = app.db.guild_config(sf(GUILD)).await.unwrap().unwrap().template.unwrap();
        assert_eq!(Template::from_json(&stored).unwrap().embed.title, "From the web {stream_title}");
    }

    async fn an_invalid_template_is_refused_with_every_problem(db) {
        let app = app(db).await;
        let link = token(Purpose::Editor, None);
        let mut template = serde_json::to_value(Template::default()).unwrap();
        template["content"] = json!("{nope}");
        let response = client().put(format!("{}/api/templates?token={link}", app.url)).json(&json!({"template": template})).send().await.unwrap();
        assert_eq!(response.status(), 400);
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["errors"][0]["location"], "content");
        assert_eq!(app.db.guild_config(sf(GUILD)).await.unwrap().unwrap().template, None);
    }

    async fn a_streamer_scoped_link_saves_that_streamers_template(db) {
        let app = app(db).await;
        let link = token(Purpose::Editor, Some("37402112"));
        let loaded: Value = client().get(format!("{}/api/templates?token={link}", app.url)).send().await.unwrap().json().await.unwrap();
        assert_eq!(loaded["streamer"]["login"], "shroud");
        let mut template = loaded["template"].clone();
        template["content"] = json!("shroud only");
        client().put(format!("{}/api/templates?token={link}", app.url)).json(&json!({"template": template})).send().await.unwrap();
        let tracked = app.db.tracked_streamer(sf(GUILD), &tw("37402112")).await.unwrap().unwrap();
        assert!(tracked.route.template.unwrap().contains("shroud only"));
        assert_eq!(app.db.guild_config(sf(GUILD)).await.unwrap().unwrap().template, None);
    }

    async fn saving_needs_a_valid_unexpired_editor_link(db) {
        let app = app(db).await;
        let template = json!({"template": Template::default()});
        let mut tampered = token(Purpose::Editor, None);
        tampered.replace_range(tampered.len() - 3.., "abc");
        for (link, reason) in [
            (tampered, "invalid"),
            (token_expiring(Purpose::Editor, None, 1), "expired"),
            (token(Purpose::TwitchLink, None), "invalid"),
        ] {
            let response = client().put(format!("{}/api/templates?token={link}", app.url)).json(&template).send().await.unwrap();
            assert_eq!(response.status(), 403);
            assert_eq!(response.json::<Value>().await.unwrap()["reason"], reason);
        }
        assert_eq!(app.db.guild_config(sf(GUILD)).await.unwrap().unwrap().template, None);
    }
}
