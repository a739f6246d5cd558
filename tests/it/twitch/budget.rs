//! Twitch's EventSub budget: a full budget refuses new unlinked streamers
//! clearly, is never retried in a loop, and linking frees room.

use serde_json::{Value, json};
use streammaxing::{links::Purpose, maintenance, twitch::subscriptions};

use crate::support::{
    app::TestApp,
    db::{TestDb, on_both_backends},
    eventually,
    interactions::*,
    sf, tw,
};
use crate::web::{link::go_through, token};

const SHROUD: &str = "37402112";
const POKI: &str = "44445592";
const LIVE: u64 = 1_200_000_000_000_000_777;

/// A server with an alerts channel, two streamers on Twitch, and a budget
/// that holds exactly one unlinked streamer (three subscriptions).
async fn ready(db: TestDb) -> TestApp {
    let app = TestApp::start(db).await;
    app.twitch.add_user(SHROUD, "shroud", "shroud");
    app.twitch.add_user(POKI, "pokimane", "pokimane");
    app.twitch.world().max_total_cost = 3;
    app.discord.add_guild(GUILD, EVERYDAY, BOT_PERMISSIONS);
    app.discord.add_channel(GUILD, LIVE, 0, 0);
    let mut config = app.db.ensure_guild(sf(GUILD), None, 1).await.unwrap();
    config.channel_id = Some(sf(LIVE));
    app.db.save_guild_config(&config, 1).await.unwrap();
    app
}

/// `/streamers add login:…` as an admin; the deferred reply's text.
async fn add(app: &TestApp, login: &str) -> String {
    let body = slash(
        AS_ADMIN,
        "streamers",
        sub("add", json!([string("login", login)])),
        json!({}),
    );
    let (status, reply) = app.answer(&body).await;
    assert_eq!(status, 200);
    assert_eq!(reply["data"]["flags"], 64, "ephemeral: {reply}");
    let data = &reply["data"];
    let embed = &data["embeds"][0];
    [&data["content"], &embed["title"], &embed["description"]]
        .iter()
        .filter_map(|v| v.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Subscriptions of one broadcaster on Twitch: (type, cost, status, id).
fn subs_of(app: &TestApp, broadcaster: &str) -> Vec<(String, i64, String, String)> {
    let mut subs: Vec<_> = app
        .twitch
        .subscriptions()
        .iter()
        .filter(|s| s["condition"]["broadcaster_user_id"] == broadcaster)
        .map(|s: &Value| {
            let text = |k: &str| s[k].as_str().unwrap_or("").to_owned();
            (
                text("type"),
                s["cost"].as_i64().unwrap_or(-1),
                text("status"),
                text("id"),
            )
        })
        .collect();
    subs.sort();
    subs
}

fn position(journal: &[String], entry: &str) -> usize {
    journal
        .iter()
        .position(|e| e == entry)
        .unwrap_or_else(|| panic!("{entry} not in {journal:?}"))
}

on_both_backends! {
    async fn a_full_budget_refuses_clearly_waits_without_looping_and_linking_frees_room(db) {
        let app = ready(db).await;
        let shown = add(&app, "shroud").await;
        assert!(shown.contains("Now following shroud"), "{shown}");
        app.twitch.challenges_settled().await;
        let before_link = subs_of(&app, SHROUD);
        assert!(before_link.iter().all(|(_, cost, _, _)| *cost == 1), "{before_link:?}");
        let budget = app.db.budget().await.unwrap().expect("the budget Twitch reported");
        assert_eq!((budget.total_cost, budget.max_total_cost), (3, 3));

        // An unlinked streamer does not fit: the reason and what to do,
        // without asking Twitch to create anything.
        let creates = app.twitch.create_calls();
        let shown = add(&app, "pokimane").await;
        for part in ["can't follow **pokimane**", "budget", "3 of 3 used", "needs 3 more", "`/streamers link`", "`/streamers remove`"] {
            assert!(shown.contains(part), "{part:?} missing from {shown}");
        }
        assert!(app.db.tracked_streamer(sf(GUILD), &tw(POKI)).await.unwrap().is_none());
        assert_eq!(app.twitch.create_calls(), creates, "refused before asking Twitch");
        // Shroud is already subscribed: adding again still works.
        assert!(add(&app, "shroud").await.contains("Already following shroud"));

        // Pokimane gets followed anyway (say, restored from a backup):
        // Twitch refuses once, and the repair passes don't ask again and again.
        app.track(&[GUILD as i64], POKI, "pokimane").await;
        for _ in 0..3 {
            maintenance::run_once(&app.state).await.unwrap();
        }
        assert_eq!(app.twitch.create_calls(), creates + 1, "one refused creation, never retried: {:?}", app.twitch.journal());
        assert!(app.db.refusal(&tw(POKI)).await.unwrap().is_some());
        assert!(subs_of(&app, POKI).is_empty());
        let list = slash(AS_ADMIN, "streamers", sub("list", json!([])), json!({}));
        let shown = app.answer(&list).await.1["data"]["embeds"][0]["description"].to_string();
        assert!(shown.contains("alerts wait for room in Twitch's subscription budget"), "{shown}");

        // Shroud links their account: their subscriptions are recreated at
        // cost 0, and each old one goes only after its replacement is enabled.
        app.twitch.world().consenting_user = Some(SHROUD.into());
        let done = go_through(&app, &token(Purpose::TwitchLink, None), None).await;
        assert_eq!(done, "/link/done?streamer=shroud&name=shroud");
        eventually("shroud's subscriptions all cost 0 and are enabled", || {
            let subs = subs_of(&app, SHROUD);
            subs.len() == 3 && subs.iter().all(|(_, cost, status, _)| *cost == 0 && status == "enabled")
        })
        .await;
        let after_link = subs_of(&app, SHROUD);
        let journal = app.twitch.journal();
        for ((old_type, _, _, old_id), (new_type, _, _, new_id)) in before_link.iter().zip(&after_link) {
            assert_eq!(old_type, new_type);
            assert!(
                position(&journal, &format!("enabled {new_id}")) < position(&journal, &format!("deleted {old_id}")),
                "{old_type}: the old subscription went before its replacement was enabled: {journal:?}"
            );
        }
        let recorded = app.db.subscriptions_for(&tw(SHROUD)).await.unwrap();
        assert!(recorded.len() == 3 && recorded.iter().all(|s| s.cost == 0), "{recorded:?}");
        app.settle().await;
        assert!(app.db.superseded(None).await.unwrap().is_empty());
        let budget = app.db.budget().await.unwrap().unwrap();
        assert_eq!((budget.total_cost, budget.room()), (0, 3), "{budget:?}");

        // Room again: the next repair pass subscribes the waiting streamer.
        maintenance::run_once(&app.state).await.unwrap();
        assert_eq!(subs_of(&app, POKI).len(), 3);
        assert!(app.db.refusal(&tw(POKI)).await.unwrap().is_none());
        let report = subscriptions::sync(&app.state).await.unwrap();
        let table = subscriptions::format_report(&report);
        assert!(table.contains("budget: 3 of 3 used"), "{table}");
        assert!(table.contains("2 followed streamers: 1 linked (cost 0), 1 unlinked"), "{table}");

        // While old and new subscriptions overlap, one go-live arrives
        // twice under two message ids: it is announced once.
        assert_eq!(app.twitch_online("online-old-sub", SHROUD, "stream-1").await.status(), 204);
        assert_eq!(app.twitch_online("online-new-sub", SHROUD, "stream-1").await.status(), 204);
        eventually("announced", || app.discord.messages_in(LIVE).len() == 1).await;
        assert_eq!(app.discord.messages_in(LIVE).len(), 1);
    }

    async fn a_linked_streamer_still_adds_when_the_budget_is_full(db) {
        let app = ready(db).await;
        add(&app, "shroud").await;
        // Pokimane linked their account earlier (on another server's link).
        app.db.upsert_streamer(&streammaxing::store::NewStreamer { twitch_id: &tw(POKI), login: "pokimane", display_name: "pokimane", avatar_url: None }, 1).await.unwrap();
        app.db.set_streamer_linked(&tw(POKI), true, 1).await.unwrap();
        app.twitch.world().authorized.insert(POKI.into());
        let shown = add(&app, "pokimane").await;
        assert!(shown.contains("Now following pokimane"), "{shown}");
        let subs = subs_of(&app, POKI);
        assert!(subs.len() == 3 && subs.iter().all(|(_, cost, _, _)| *cost == 0), "{subs:?}");
    }

    async fn a_replaced_subscription_revoked_before_it_went_leaves_its_replacement(db) {
        let app = TestApp::start(db).await;
        app.track(&[1], SHROUD, "shroud").await;
        app.twitch.world().authorized.insert(SHROUD.into());
        subscriptions::ensure(&app.state, &tw(SHROUD)).await.unwrap();
        app.twitch.challenges_settled().await;
        let subs = app.db.subscriptions_for(&tw(SHROUD)).await.unwrap();
        let new = &subs[0];
        let old = streammaxing::store::Subscription { subscription_id: "old-one".into(), cost: 1, ..new.clone() };
        let replaced = streammaxing::store::Superseded { subscription_id: old.subscription_id.clone(), twitch_id: tw(SHROUD), replaced_by: new.subscription_id.clone(), cost: 1, created_at: 1 };
        app.db.record_superseded(&replaced).await.unwrap();
        let body = crate::support::app::revocation(&old, "notification_failures_exceeded");
        assert_eq!(app.eventsub("revocation", "r-old", &body).await.status(), 204);
        assert!(app.db.superseded(None).await.unwrap().is_empty());
        assert_eq!(app.db.subscriptions_for(&tw(SHROUD)).await.unwrap(), subs, "the replacement stands");
    }

    async fn a_budget_that_filled_up_unseen_refuses_and_leaves_nothing_behind(db) {
        let app = ready(db).await;
        app.twitch.world().max_total_cost = 10;
        add(&app, "shroud").await;
        // Another deployment of the app spends the budget behind our back:
        // room for one more subscription of the three pokimane needs.
        app.twitch.world().max_total_cost = 4;
        let creates = app.twitch.create_calls();
        let shown = add(&app, "pokimane").await;
        for part in ["can't follow **pokimane**", "3 of 4 used", "needs 3 more", "`/streamers link`"] {
            assert!(shown.contains(part), "{part:?} missing from {shown}");
        }
        assert_eq!(app.twitch.create_calls(), creates + 2, "one created, one refused, no retry");
        assert!(app.db.tracked_streamer(sf(GUILD), &tw(POKI)).await.unwrap().is_none());
        assert!(subs_of(&app, POKI).is_empty(), "the one created went again");
        assert!(app.db.subscriptions_for(&tw(POKI)).await.unwrap().is_empty());
        assert!(app.db.refusal(&tw(POKI)).await.unwrap().is_none());
        assert_eq!(app.db.budget().await.unwrap().unwrap().total_cost, 3);
    }

    async fn a_fresh_install_reads_the_budget_before_the_first_follow(db) {
        let app = ready(db).await;
        app.twitch.world().max_total_cost = 1;
        let shown = add(&app, "shroud").await;
        assert!(shown.contains("0 of 1 used") && shown.contains("needs 3 more"), "{shown}");
        assert_eq!(app.twitch.create_calls(), 0);
        assert!(app.db.tracked_streamer(sf(GUILD), &tw(SHROUD)).await.unwrap().is_none());
    }

    async fn removing_a_streamer_frees_room_for_one_that_waits(db) {
        let app = ready(db).await;
        add(&app, "shroud").await;
        app.track(&[2], POKI, "pokimane").await;
        maintenance::run_once(&app.state).await.unwrap();
        assert!(app.db.refusal(&tw(POKI)).await.unwrap().is_some());
        let creates = app.twitch.create_calls();
        maintenance::run_once(&app.state).await.unwrap();
        assert_eq!(app.twitch.create_calls(), creates, "no room yet: not asked again");

        let remove = slash(AS_ADMIN, "streamers", sub("remove", json!([string("streamer", "shroud")])), json!({}));
        let (_, reply) = app.answer(&remove).await;
        assert!(reply["data"]["content"].as_str().unwrap_or("").contains("Stopped following"), "{reply}");
        app.settle().await;
        assert!(subs_of(&app, SHROUD).is_empty());
        assert_eq!(app.db.budget().await.unwrap().unwrap().room(), 3);
        maintenance::run_once(&app.state).await.unwrap();
        assert_eq!(subs_of(&app, POKI).len(), 3);
        assert!(app.db.refusal(&tw(POKI)).await.unwrap().is_none());
    }
}
