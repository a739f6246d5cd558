//! `/streamers` in the member's language: a German or Japanese Discord gets
//! its replies, buttons and autocomplete in that language, while the sample
//! alert `/streamers test` posts speaks the server's.

use serde_json::{Value, json};
use streammaxing::{i18n::Lang, tr};

use super::{
    setup::reply_text,
    streamers::{LIVE, edited, ready},
};
use crate::support::sf;
use crate::support::{app::TestApp, db::on_both_backends, interactions::*};

/// `/streamers <subcommand>` from an admin whose Discord speaks `locale`
/// (the server's own locale is English).
fn streamers(locale: &str, subcommand: &str, options: Value) -> Value {
    in_locale(
        slash(AS_ADMIN, "streamers", sub(subcommand, options), json!({})),
        locale,
        "en-US",
    )
}

async fn add(app: &TestApp, locale: &str, login: &str) {
    let (status, _) = app
        .interaction(&streamers(locale, "add", json!([string("login", login)])))
        .await;
    assert_eq!(status, 200);
    app.settle().await;
}

on_both_backends! {
    async fn adding_listing_and_removing_answer_in_the_members_language(db) {
        let app = ready(db).await;
        add(&app, "de", "shroud").await;
        let shown = edited(&app);
        assert!(shown.contains("Folge jetzt shroud"), "a known German phrase: {shown}");
        assert!(shown.contains(&tr!(Lang::De, "streamers-alerts-active")), "{shown}");
        assert!(!shown.contains("Now following"), "no English left: {shown}");
        let (_, body) = app.interaction(&streamers("ja", "list", json!([]))).await;
        let shown = reply_text(&body);
        assert!(shown.contains(&tr!(Lang::Ja, "streamers-list-title", streamers = 1, routes = 1)), "{shown}");
        assert!(shown.contains(&tr!(Lang::Ja, "streamers-route-never-posted")), "{shown}");
        assert!(shown.contains("配信者 1 人をフォロー中"), "{shown}");
        let (_, body) = app.interaction(&streamers("de", "remove", json!([string("streamer", "shroud")]))).await;
        assert_eq!(reply_text(&body), tr!(Lang::De, "streamers-unfollowed", name = "shroud"));
        let (_, body) = app.interaction(&streamers("de", "remove", json!([]))).await;
        assert!(reply_text(&body).contains("`streamer:`"), "command names stay as Discord shows them: {body}");
        assert_eq!(reply_text(&body), tr!(Lang::De, "streamers-remove-whom"));
    }

    async fn several_names_at_once_are_summed_up_in_the_members_language(db) {
        let app = ready(db).await;
        app.twitch.add_user("100", "amy", "AMY");
        let (_, body) = app.interaction(&streamers("de", "add", json!([string("login", "amy, shroud, bo-")]))).await;
        assert_eq!(body["type"], 5, "deferred: {body}");
        app.settle().await;
        let shown = edited(&app);
        assert!(shown.contains(&tr!(Lang::De, "streamers-many-title", added = 2, total = 3)), "{shown}");
        assert!(shown.contains("✅ Hinzugefügt (2): AMY, shroud"), "{shown}");
        assert!(shown.contains("⚠️ Keine Twitch-Namen (1): bo"), "{shown}");
    }

    async fn a_test_answers_the_admin_in_theirs_and_posts_in_the_servers(db) {
        let app = ready(db).await;
        add(&app, "en-US", "shroud").await;
        let mut config = app.db.guild_config(sf(GUILD)).await.unwrap().unwrap();
        config.language = Some("ja".to_owned());
        app.db.save_guild_config(&config, 2).await.unwrap();
        let (_, body) = app.interaction(&streamers("de", "test", json!([string("streamer", "shroud")]))).await;
        assert_eq!(body["type"], 5);
        app.settle().await;
        let posts = app.discord.calls("POST", &format!("/channels/{LIVE}/messages"));
        assert_eq!(posts.len(), 1);
        let content = posts[0].body["content"].as_str().unwrap().to_owned();
        assert!(content.starts_with(&tr!(Lang::Ja, "streamers-test-header")), "the server's language in the channel: {content}");
        let shown = edited(&app);
        assert!(shown.contains("Testbenachrichtigung für **shroud**"), "the admin's language in the reply: {shown}");
        assert!(shown.contains(&tr!(Lang::De, "streamers-filters-none")), "{shown}");
    }

    async fn the_link_button_and_login_suggestions_speak_the_members_language(db) {
        let app = ready(db).await;
        let (_, body) = app.interaction(&streamers("ja", "link", json!([]))).await;
        let button = &body["data"]["components"][0]["components"][0];
        assert_eq!(button["label"].as_str(), Some(tr!(Lang::Ja, "streamers-link-button").as_str()), "{body}");
        assert!(reply_text(&body).contains("期限切れ"), "{body}");
        app.twitch.add_user("3", "notshroud", "NotShroud");
        app.twitch.set_live("3", "notshroud", 10);
        add(&app, "en-US", "notshroud").await;
        let typed = in_locale(autocomplete(AS_ADMIN, "streamers", "add", "login", "notshroud"), "ja", "en-US");
        let (_, body) = app.interaction(&typed).await;
        let first = body["data"]["choices"][0]["name"].as_str().unwrap_or_default().to_owned();
        assert_eq!(first, "🔴 NotShroud · 配信中 · VALORANT · このサーバーでフォロー中", "{body}");
    }

    async fn a_long_list_in_german_still_fits_each_page(db) {
        let app = ready(db).await;
        for i in 0..200 {
            app.track(&[GUILD as i64], &format!("{}", 10_000 + i), &format!("streamer{i:03}")).await;
        }
        let (_, body) = app.interaction(&streamers("de", "list", json!([]))).await;
        let footer = body["data"]["embeds"][0]["footer"]["text"].as_str().unwrap().to_owned();
        assert!(footer.starts_with("Seite 1 von "), "{footer}");
        let pages: usize = footer.trim_start_matches("Seite 1 von ").parse().unwrap();
        let labels: Vec<&str> = body["data"]["components"][0]["components"].as_array().unwrap().iter().map(|b| b["label"].as_str().unwrap()).collect();
        assert_eq!(labels, [tr!(Lang::De, "streamers-list-previous"), tr!(Lang::De, "streamers-list-next")]);
        let mut seen = 0;
        for page in 0..pages {
            let (_, body) = app.interaction(&in_locale(button(AS_ADMIN, &format!("streamers-list:{page}"), &[]), "de", "en-US")).await;
            let description = body["data"]["embeds"][0]["description"].as_str().unwrap().to_owned();
            assert!(description.chars().count() <= 4_096, "page {page} fits an embed");
            assert!(description.contains(&tr!(Lang::De, "streamers-route-never-posted")), "{description}");
            seen += description.matches("**[streamer").count();
        }
        assert_eq!(seen, 200, "every streamer on some page");
    }

    async fn a_teams_roster_change_is_told_in_the_members_language(db) {
        let app = ready(db).await;
        let team = streammaxing::store::TeamFollow {
            guild_id: sf(GUILD),
            team_id: "6358".to_owned(),
            team_name: "squad".to_owned(),
            display_name: "The Squad".to_owned(),
            channel_id: None,
            channel_kind: None,
            added_by: None,
            checked_at: 1_000,
            last_change: None,
            last_change_at: None,
        };
        app.db.follow_team(&team, 1_000).await.unwrap();
        app.db.team_checked(sf(GUILD), "6358", Some("joined: Member530 · left: Member500, Member_501"), 2_000).await.unwrap();
        let (_, body) = app.interaction(&streamers("de", "list", json!([]))).await;
        let shown = reply_text(&body);
        assert!(shown.contains("letzte Änderung <t:2:R>: beigetreten: Member530 · ausgetreten: Member500, Member\\_501"), "{shown}");
        let (_, body) = app.interaction(&streamers("en-US", "list", json!([]))).await;
        let shown = reply_text(&body);
        assert!(shown.contains("latest change <t:2:R>: joined: Member530 · left: Member500, Member\\_501"), "English as recorded: {shown}");
        app.db.team_checked(sf(GUILD), "6358", Some(streammaxing::teams::GONE), 3_000).await.unwrap();
        let (_, body) = app.interaction(&streamers("ja", "list", json!([]))).await;
        assert!(reply_text(&body).contains(&tr!(Lang::Ja, "streamers-team-gone")), "{body}");
    }
}
