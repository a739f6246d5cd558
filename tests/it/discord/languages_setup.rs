//! `/setup` and `/filter` answer each member in their Discord's language:
//! the summary, the permissions it names (as Discord's settings name them
//! in that language) and the filter replies.

use serde_json::{Value, json};
use streammaxing::{i18n::Lang, tr};

use crate::support::{app::TestApp, db::on_both_backends, interactions::*};

const LIVE: u64 = 1_200_000_000_000_000_778;
const SEND_AND_EMBED: u64 = (1 << 11) | (1 << 14);

/// The first embed of a reply.
fn embed(answer: &Value) -> &Value {
    &answer["data"]["embeds"][0]
}

/// The value of the summary field called `name`.
fn field<'a>(answer: &'a Value, name: &str) -> &'a str {
    embed(answer)["fields"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|f| f["name"] == name)
        .and_then(|f| f["value"].as_str())
        .unwrap_or_else(|| panic!("no field {name:?}: {answer}"))
}

fn setup_in(locale: &str, options: Value, resolved: Value) -> Value {
    in_locale(slash(AS_ADMIN, "setup", options, resolved), locale, "fr")
}

fn filter_in(locale: &str, subcommand: &str, options: Value) -> Value {
    in_locale(
        slash(AS_ADMIN, "filter", sub(subcommand, options), json!({})),
        locale,
        "en-US",
    )
}

on_both_backends! {
    async fn setup_speaks_the_members_language_and_names_permissions_as_their_discord_does(db) {
        let app = TestApp::start(db).await;
        app.discord.add_guild(GUILD, EVERYDAY, BOT_PERMISSIONS);
        app.discord.add_channel(GUILD, LIVE, 0, SEND_AND_EMBED);

        // Before any channel: how to start, in Japanese.
        let (_, answer) = app.answer(&setup_in("ja", json!([]), json!({}))).await;
        assert_eq!(answer["data"]["content"], Lang::Ja.text("setup-choose-channel-first"), "{answer}");

        // A German admin in a French server: the reply is German, the
        // alerts follow the server (French) until a language is chosen.
        let (_, answer) = app.answer(&setup_in("de", json!([channel_option("channel", LIVE)]), resolved_channel(LIVE, 0))).await;
        assert_eq!(embed(&answer)["title"], Lang::De.text("setup-title-problems"), "{answer}");
        let problems = embed(&answer)["description"].as_str().unwrap_or_default();
        assert!(problems.contains("**Nachrichten senden** und **Links einbetten**"), "{problems}");
        assert!(problems.contains("Kanaleinstellungen → Berechtigungen"), "{problems}");
        assert_eq!(field(&answer, "Sprache"), tr!(Lang::De, "setup-language-server", language = "Français"));
        assert_eq!(field(&answer, "Sprache"), "wie der Server (Français)");
        assert_eq!(field(&answer, "Kanal"), format!("<#{LIVE}>"));
        assert_eq!(field(&answer, "Pings"), "niemand");

        // Choosing Japanese for the alerts shows its own name; the member
        // still reads German.
        let (_, answer) = app.answer(&setup_in("de", json!([string("language", "ja")]), json!({}))).await;
        assert_eq!(field(&answer, "Sprache"), "日本語");
        assert_eq!(field(&answer, "Status"), Lang::De.text("setup-status-on"));

        // The same server seen from an English Discord.
        let (_, answer) = app.answer(&setup_in("en-US", json!([string("language", "server")]), json!({}))).await;
        assert_eq!(field(&answer, "Language"), "the server's (Français)");
        assert!(embed(&answer)["description"].as_str().unwrap_or_default().contains("**Send Messages** and **Embed Links**"), "{answer}");
    }

    async fn filter_replies_speak_the_members_language(db) {
        let app = TestApp::start(db).await;
        app.track(&[GUILD as i64], "4242", "shroud").await;

        let (_, answer) = app.answer(&filter_in("de", "title", json!([string("streamer", "shroud"), string("words", "rerun"), string("rule", "skip")]))).await;
        assert_eq!(embed(&answer)["title"], "Filter für shroud", "{answer}");
        let description = embed(&answer)["description"].as_str().unwrap_or_default();
        assert!(description.contains(&Lang::De.text("filter-place-none")), "{description}");
        assert!(description.contains(&Lang::De.text("filter-explained")), "{description}");

        let (_, answer) = app.answer(&filter_in("de", "clear", json!([string("streamer", "shroud")]))).await;
        assert!(embed(&answer)["description"].as_str().unwrap_or_default().contains("keine Filter: jeder Stream"), "{answer}");

        let (_, answer) = app.answer(&filter_in("ja", "clear", json!([string("streamer", "nobodyhere")]))).await;
        assert_eq!(answer["data"]["content"], tr!(Lang::Ja, "filter-not-followed", streamer = "nobodyhere"), "{answer}");

        let (_, answer) = app.answer(&filter_in("ja", "title", json!([string("streamer", "shroud"), string("words", " , "), string("rule", "has")]))).await;
        assert_eq!(answer["data"]["content"], Lang::Ja.text("filter-words-none"), "{answer}");
    }
}
