//! Finding and adding streamers: search as you type on `/streamers add`,
//! several names at once, and Twitch Teams kept in step with their roster.

use std::time::{Duration, Instant};

use serde_json::{Value, json};
use streammaxing::clock::Clock;

use super::{setup::reply_text, streamers::edited};
use crate::support::sf;
use crate::support::tw;
use crate::support::{app::TestApp, db::on_both_backends, interactions::*};

const LIVE: u64 = 1_200_000_000_000_000_888;

fn streamers_add(options: Value) -> Value {
    slash(AS_ADMIN, "streamers", sub("add", options), json!({}))
}

async fn ready(app: TestApp) -> TestApp {
    app.discord.add_guild(GUILD, EVERYDAY, BOT_PERMISSIONS);
    app.discord.add_channel(GUILD, LIVE, 0, 0);
    let mut config = app.db.ensure_guild(sf(GUILD), None, 1).await.unwrap();
    config.channel_id = Some(sf(LIVE));
    app.db.save_guild_config(&config, 1).await.unwrap();
    app
}

/// Autocomplete for `/streamers add login:`: the choices (name, value).
async fn suggest(app: &TestApp, typed: &str) -> Vec<(String, String)> {
    let (status, body) = app
        .interaction(&autocomplete(AS_ADMIN, "streamers", "add", "login", typed))
        .await;
    assert_eq!((status, body["type"].as_u64()), (200, Some(8)), "{body}");
    body["data"]["choices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap().to_owned(),
                c["value"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn searches_for(app: &TestApp, query: &str) -> usize {
    app.twitch
        .requests("/helix/search/channels")
        .iter()
        .filter(|r| {
            r.query.contains(&format!("query={query}&"))
                || r.query.ends_with(&format!("query={query}"))
        })
        .count()
}

on_both_backends! {
    async fn typing_a_name_searches_twitch_exact_login_first_live_marked(db) {
        let app = ready(TestApp::start(db).await).await;
        for (id, login, name) in [("1", "shroudfan", "ShroudFan"), ("2", "shroud", "shroud"), ("3", "notshroud", "NotShroud"), ("4", "amy", "Amy")] {
            app.twitch.add_user(id, login, name);
        }
        app.twitch.set_live("3", "notshroud", 10);
        let choices = suggest(&app, "Shroud").await;
        assert!(choices.len() <= 25);
        assert_eq!(choices[0], ("shroud".to_owned(), "shroud".to_owned()), "exact login first: {choices:?}");
        assert_eq!(choices[1].0, "🔴 NotShroud · live · VALORANT", "live next, marked with its game: {choices:?}");
        assert!(choices.iter().all(|(_, value)| value != "amy"), "only matches: {choices:?}");
        // A pasted address or @name searches the name.
        let pasted = suggest(&app, "https://www.twitch.tv/shroud").await;
        assert_eq!(pasted[0].1, "shroud");
        // The next name in a list keeps the names before it.
        let listed = suggest(&app, "amy, shrou").await;
        assert!(listed.iter().any(|(_, value)| value == "amy, shroud"), "{listed:?}");
    }

    async fn a_slow_twitch_never_makes_autocomplete_miss_discords_window(db) {
        let app = ready(TestApp::start(db).await).await;
        app.twitch.add_user("2", "shroud", "shroud");
        app.twitch.add_user("5", "shrimp", "Shrimp");
        // An earlier keystroke's search, answered at once.
        assert_eq!(suggest(&app, "shr").await.len(), 2);
        // Twitch now takes 5 s to search.
        app.twitch.world().search_delay = Duration::from_secs(5);
        let started = Instant::now();
        let choices = suggest(&app, "shro").await;
        assert!(started.elapsed() < Duration::from_secs(3), "answered within Discord's 3 s: {:?}", started.elapsed());
        assert_eq!(choices, [("shroud".to_owned(), "shroud".to_owned())], "the earlier search, narrowed");
        // Nothing known at all: the name as typed, still in time.
        let started = Instant::now();
        let typed = suggest(&app, "zed").await;
        assert!(started.elapsed() < Duration::from_secs(3));
        assert_eq!(typed, [("zed".to_owned(), "zed".to_owned())]);
        // Typing the same text again asks Twitch nothing new: the search
        // already under way (or finished) is shared.
        app.twitch.world().search_delay = Duration::ZERO;
        assert_eq!(suggest(&app, "shro").await, [("shroud".to_owned(), "shroud".to_owned())]);
        assert_eq!(searches_for(&app, "shro"), 1, "one Helix search per text typed");
    }

    async fn several_names_at_once_get_one_summary_naming_each(db) {
        let app = ready(TestApp::start(db).await).await;
        let logins = ["amy", "bo", "cyd", "dee", "eve", "fay", "gus", "hal", "pokimane"];
        for (n, login) in logins.iter().enumerate() {
            app.twitch.add_user(&format!("{}", 100 + n), login, &login.to_uppercase());
        }
        // One of them is followed already.
        app.interaction(&streamers_add(json!([string("login", "amy")]))).await;
        app.settle().await;
        app.twitch.set_live("101", "bo", 12);
        let typed = "amy, bo cyd;dee eve fay gus hal pokimanee, pokimane";
        let (_, body) = app.interaction(&streamers_add(json!([string("login", typed)]))).await;
        assert_eq!(body["type"], 5, "deferred: {body}");
        app.settle().await;
        let shown = edited(&app);
        assert!(shown.contains("✅ Added (8): BO, CYD, DEE, EVE, FAY, GUS, HAL, POKIMANE"), "{shown}");
        assert!(shown.contains("Already followed (1): AMY"), "{shown}");
        assert!(shown.contains("Not found on Twitch (1): pokimanee (did you mean **pokimane**?)"), "{shown}");
        assert!(shown.contains("1 of them is live right now"), "{shown}");
        crate::support::eventually("the live one's stream was posted", || app.discord.messages_in(LIVE).len() == 1).await;
        assert_eq!(app.db.tracked_routes(sf(GUILD)).await.unwrap().len(), 9);
        for (n, login) in logins.iter().enumerate() {
            assert_eq!(app.twitch.subscriptions_of(&format!("{}", 100 + n)).len(), 3, "{login} is subscribed");
        }
    }

    async fn a_team_is_followed_whole_and_kept_in_step_with_its_roster(db) {
        // Discord signs with the real time, so the app's clock starts there.
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as i64;
        let clock = Clock::manual(now);
        let app = ready(TestApp::start_at(db, clock.clone()).await).await;
        let ids: Vec<String> = (0..31).map(|n| format!("{}", 500 + n)).collect();
        for id in &ids {
            app.twitch.add_user(id, &format!("member{id}"), &format!("Member{id}"));
        }
        let roster: Vec<&str> = ids[..30].iter().map(String::as_str).collect();
        app.twitch.set_team("6358", "squad", "The Squad", &roster);
        // One member is also followed by name.
        app.interaction(&streamers_add(json!([string("login", "member501")]))).await;
        app.settle().await;
        let (_, body) = app.interaction(&streamers_add(json!([string("team", "twitch.tv/team/Squad")]))).await;
        assert_eq!(body["type"], 5, "{body}");
        app.settle().await;
        let shown = edited(&app);
        assert_eq!(app.discord.calls("PATCH", "/messages/@original").len(), 2, "one summary reply for the team");
        assert!(shown.contains("Following the team The Squad") && shown.contains("✅ Added (29)") && shown.contains("Already followed (1): Member501"), "{shown}");
        assert_eq!(app.db.tracked_routes(sf(GUILD)).await.unwrap().len(), 30);
        assert!(roster.iter().all(|id| app.twitch.subscriptions_of(id).len() == 3), "every member subscribed");
        // The roster changes on Twitch: 500 and 501 leave, 530 joins.
        let changed: Vec<&str> = ids[2..31].iter().map(String::as_str).collect();
        app.twitch.set_team("6358", "squad", "The Squad", &changed);
        streammaxing::maintenance::run_once(&app.state).await.unwrap();
        assert!(app.db.tracked_streamer(sf(GUILD), &tw("500")).await.unwrap().is_some(), "not before the next roster check");
        clock.advance(streammaxing::teams::ROSTER_EVERY_MS);
        streammaxing::maintenance::run_once(&app.state).await.unwrap();
        assert!(app.db.tracked_streamer(sf(GUILD), &tw("500")).await.unwrap().is_none(), "a member who left is unfollowed");
        assert!(app.twitch.subscriptions_of("500").is_empty(), "and their subscriptions released");
        assert!(app.db.tracked_streamer(sf(GUILD), &tw("501")).await.unwrap().is_some(), "one added by name stays");
        assert!(app.db.tracked_streamer(sf(GUILD), &tw("530")).await.unwrap().is_some(), "a member who joined is followed");
        // Back to the present, where Discord's signatures are fresh.
        clock.advance(-streammaxing::teams::ROSTER_EVERY_MS);
        let (_, list) = app.interaction(&slash(AS_ADMIN, "streamers", sub("list", json!([])), json!({}))).await;
        let listed = reply_text(&list);
        assert!(listed.contains("The Squad") && listed.contains("joined: Member530") && listed.contains("left: Member500"), "{listed}");
        // Unfollowing the team takes the members it added, not those named by hand.
        let (_, done) = app.interaction(&slash(AS_ADMIN, "streamers", sub("remove", json!([string("team", "squad")])), json!({}))).await;
        let done = reply_text(&done);
        assert!(done.contains("Stopped following the team **The Squad**") && done.contains("the 29 streamers it added"), "{done}");
        app.settle().await;
        let left: Vec<String> = app.db.tracked_routes(sf(GUILD)).await.unwrap().into_iter().map(|t| t.streamer.login).collect();
        assert_eq!(left, ["member501"]);
        assert!(app.db.team_follows(sf(GUILD)).await.unwrap().is_empty());
    }

    async fn an_unknown_team_or_both_options_get_a_clear_answer(db) {
        let app = ready(TestApp::start(db).await).await;
        app.interaction(&streamers_add(json!([string("team", "nosuchteam")]))).await;
        app.settle().await;
        assert!(edited(&app).contains("couldn't find a Twitch Team called **nosuchteam**"), "{}", edited(&app));
        let (_, body) = app.interaction(&streamers_add(json!([string("login", "amy"), string("team", "squad")]))).await;
        assert!(reply_text(&body).contains("not both"), "{body}");
        assert!(app.db.tracked_routes(sf(GUILD)).await.unwrap().is_empty());
    }
}
