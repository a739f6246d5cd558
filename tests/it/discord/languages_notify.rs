//! `/notify`, the 🔔 button, `/template` and the replies every interaction
//! shares, in the member's language (and the 🔔 role in the server's).

use serde_json::{Value, json};
use streammaxing::{i18n::Lang, notify::template::notify_custom_id, tr};

use super::notify::{edited, opt_in_server};
use super::setup::reply_text as said;
use crate::support::{app::TestApp, db::on_both_backends, interactions::*, sf};

const SHROUD: &str = "37402112";

fn notify(subcommand: &str, options: Value, locale: &str) -> Value {
    in_locale(
        slash(AS_MEMBER, "notify", sub(subcommand, options), json!({})),
        locale,
        "ja",
    )
}

fn template(subcommand: &str, options: Value, locale: &str) -> Value {
    in_locale(
        slash(AS_ADMIN, "template", sub(subcommand, options), json!({})),
        locale,
        "en-US",
    )
}

on_both_backends! {
    async fn notify_answers_the_member_in_their_language_and_names_the_role_in_the_servers(db) {
        let app = opt_in_server(db).await;
        // A German member on a Japanese server.
        let (_, body) = app.interaction(&notify("on", json!([string("streamer", "shroud")]), "de")).await;
        assert_eq!(body["type"], 5);
        app.settle().await;
        assert_eq!(edited(&app), tr!(Lang::De, "notify-on-done", name = "shroud"));
        assert!(edited(&app).contains("Du wirst gepingt, wenn **shroud** live geht"), "{}", edited(&app));
        let created = app.discord.calls("POST", &format!("/guilds/{GUILD}/roles"));
        assert_eq!(created[0].body["name"], tr!(Lang::Ja, "notify-role-name", name = "shroud"), "the server's language");
        assert_ne!(created[0].body["name"], "shroud live");
        let role = app.discord.member_roles(GUILD, MEMBER)[0];

        // The 🔔 button, clicked by a Japanese member who holds the role: off.
        let click = in_locale(button(AS_MEMBER, &notify_custom_id(SHROUD), &[role]), "ja", "ja");
        let (_, body) = app.interaction(&click).await;
        assert_eq!(body["type"], 5);
        app.settle().await;
        assert_eq!(edited(&app), tr!(Lang::Ja, "notify-off-done", name = "shroud"));

        // /notify list in German.
        let (_, body) = app.interaction(&notify("list", json!([]), "de")).await;
        let shown = said(&body);
        assert!(shown.contains("Deine Live-Pings") && shown.contains("🔕 **shroud**"), "{shown}");
        assert!(shown.contains(&tr!(Lang::De, "notify-list-how-to-change")), "{shown}");
    }

    async fn notify_explains_in_the_members_language_where_the_server_pings_nobody(db) {
        let app = TestApp::start(db).await;
        app.track(&[GUILD as i64], SHROUD, "shroud").await;
        let (_, body) = app.interaction(&notify("on", json!([string("streamer", "shroud")]), "de")).await;
        let shown = said(&body);
        assert_eq!(
            shown,
            format!("{} {}", tr!(Lang::De, "notify-nobody-pinged-on", name = "shroud"), tr!(Lang::De, "notify-opt-in-needs-admin"))
        );
        assert!(shown.contains("es gibt also nichts einzuschalten"), "{shown}");
        let (_, body) = app.interaction(&notify("forget", json!([]), "ja")).await;
        assert_eq!(body["type"], 5);
        app.settle().await;
        assert!(edited(&app).starts_with("🧹 完了しました。") && edited(&app).contains("/privacy"), "{}", edited(&app));
    }

    async fn the_template_form_and_its_answers_speak_the_admins_language(db) {
        let app = TestApp::start(db).await;
        app.track(&[GUILD as i64], SHROUD, "shroud").await;
        // Every language's form fits Discord's limits, for every scope.
        for lang in Lang::ALL {
            let locale = lang.discord_locales()[0];
            for options in [json!([]), json!([string("streamer", "shroud")])] {
                let (_, modal) = app.interaction(&template("edit", options, locale)).await;
                assert_eq!(modal["type"], 9, "{locale}: {modal}");
                assert!(modal["data"]["title"].as_str().unwrap().chars().count() <= 45, "{locale}: {modal}");
                for label in modal["data"]["components"].as_array().unwrap() {
                    assert!(label["label"].as_str().unwrap().chars().count() <= 45, "{locale}: {label}");
                    let placeholder = label["component"]["placeholder"].as_str().unwrap();
                    assert!(placeholder.chars().count() <= 100 && placeholder.contains("{stream_title}"), "{locale}: {placeholder}");
                }
            }
        }
        let (_, modal) = app.interaction(&template("edit", json!([]), "de")).await;
        assert_eq!(modal["data"]["title"], "Benachrichtigungsvorlage bearbeiten");
        assert_eq!(modal["data"]["components"][1]["label"], "Kartentitel");

        // A refused submission in Japanese, with a list of problems too long
        // for one message: cut to fit, in Japanese, and still under 2,000.
        let content: Vec<String> = (0..150).map(|n| format!("{{unknown_{n}}}")).collect();
        let submit = in_locale(modal_submit(AS_ADMIN, "template:*", &[("content", &content.join(" ")), ("color", "lila")]), "ja", "en-US");
        let (_, body) = app.interaction(&submit).await;
        let shown = said(&body);
        assert!(shown.starts_with(&tr!(Lang::Ja, "template-not-saved")), "{shown}");
        assert!(shown.ends_with(&tr!(Lang::Ja, "template-fix-it-hint")), "{shown}");
        assert!(shown.contains("…ほか") && shown.chars().count() <= 2000, "{} chars: {shown}", shown.chars().count());
        assert_eq!(body["data"]["components"][0]["components"][0]["label"], "修正する");

        // Preview and reset in German.
        let (_, body) = app.interaction(&template("preview", json!([]), "de")).await;
        assert!(said(&body).starts_with("**Vorschau** (Beispiel-Stream; pingt hier niemanden)"), "{}", said(&body));
        assert_eq!(body["data"]["components"].as_array().unwrap().last().unwrap()["components"][0]["label"], "Web-Editor öffnen");
        let (_, body) = app.interaction(&template("reset", json!([]), "de")).await;
        assert_eq!(said(&body), tr!(Lang::De, "template-reset-server"));
    }

    async fn a_preview_of_a_full_length_message_still_fits_with_the_heading_in_german(db) {
        let app = TestApp::start(db).await;
        app.track(&[GUILD as i64], SHROUD, "shroud").await;
        let mut config = app.db.guild_config(sf(GUILD)).await.unwrap().unwrap();
        let full = streammaxing::notify::template::Template { content: "x".repeat(2000), ..Default::default() };
        config.template = Some(full.to_json());
        app.db.save_guild_config(&config, 1).await.unwrap();
        for options in [json!([]), json!([string("streamer", "shroud")])] {
            let (_, body) = app.interaction(&template("preview", options, "de")).await;
            let content = body["data"]["content"].as_str().unwrap();
            assert!(content.starts_with("**Vorschau**") && content.ends_with("x…"), "{content}");
            assert_eq!(content.chars().count(), 2000);
        }
    }

    async fn the_shared_replies_speak_the_members_language(db) {
        let app = TestApp::start(db).await;
        let gone = in_locale(slash(AS_MEMBER, "gone", json!([]), json!({})), "ja", "en-US");
        let (_, body) = app.interaction(&gone).await;
        assert_eq!(said(&body), tr!(Lang::Ja, "common-unknown-command", command = "gone"));
        let old = in_locale(button(AS_MEMBER, "some-old-button", &[]), "de", "en-US");
        let (_, body) = app.interaction(&old).await;
        assert_eq!(said(&body), "Dieser Button stammt aus einer älteren Version von StreamMaxing und macht nichts mehr.");
        let mut outside = in_locale(slash(AS_MEMBER, "notify", sub("list", json!([])), json!({})), "fr", "fr");
        outside.as_object_mut().unwrap().remove("guild_id");
        outside.as_object_mut().unwrap().remove("member");
        outside["user"] = json!({"id": MEMBER.to_string(), "username": "m", "discriminator": "0", "global_name": null, "avatar": null});
        let (_, body) = app.interaction(&outside).await;
        assert_eq!(said(&body), tr!(Lang::Fr, "common-server-only"));
    }
}
