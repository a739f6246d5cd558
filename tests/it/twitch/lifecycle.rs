//! Subscriptions follow tracking: created, recorded, released, reconciled.

use tokio::process::Command;

use streammaxing::twitch::subscriptions;

use crate::support::sf;
use crate::support::tw;
use crate::support::{app::TestApp, db::on_both_backends};

const SHROUD: &str = "37402112";

on_both_backends! {
    async fn ensuring_creates_the_three_subscriptions_once(db) {
        let app = TestApp::start(db).await;
        app.track(&[1], SHROUD, "shroud").await;
        let subs = subscriptions::ensure(&app.state, &tw(SHROUD)).await.unwrap();
        let types: Vec<(&str, &str, i32)> = subs.iter().map(|s| (s.sub_type.as_ref(), s.version.as_str(), s.cost)).collect();
        assert_eq!(types, [("channel.update", "2", 1), ("stream.offline", "1", 1), ("stream.online", "1", 1)]);
        app.twitch.challenges_settled().await;
        let callbacks: Vec<String> = app.twitch.subscriptions().iter().map(|s| s["transport"]["callback"].as_str().unwrap().to_owned()).collect();
        assert!(callbacks.iter().all(|c| *c == format!("{}/webhooks/twitch", app.url)));
        subscriptions::ensure(&app.state, &tw(SHROUD)).await.unwrap();
        assert_eq!(app.twitch.subscriptions().len(), 3, "nothing created twice");
    }

    async fn a_subscription_that_already_exists_is_looked_up_and_recorded(db) {
        let app = TestApp::start(db).await;
        app.track(&[1], SHROUD, "shroud").await;
        let callback = format!("{}/webhooks/twitch", app.url);
        let existing = app.twitch.add_subscription("stream.online", "1", SHROUD, &callback, "enabled");
        let subs = subscriptions::ensure(&app.state, &tw(SHROUD)).await.unwrap();
        let online = subs.iter().find(|s| s.sub_type.as_ref() == "stream.online").unwrap();
        assert_eq!((online.subscription_id.as_str(), online.status.as_ref()), (existing.as_str(), "enabled"));
        assert_eq!(app.twitch.subscriptions().len(), 3);
    }

    async fn linked_streamers_subscriptions_cost_nothing(db) {
        let app = TestApp::start(db).await;
        app.track(&[1], SHROUD, "shroud").await;
        app.twitch.world().authorized.insert(SHROUD.into());
        let subs = subscriptions::ensure(&app.state, &tw(SHROUD)).await.unwrap();
        assert!(subs.iter().all(|s| s.cost == 0));
    }

    async fn subscriptions_go_when_the_last_guild_stops_tracking(db) {
        let app = TestApp::start(db).await;
        app.track(&[1, 2], SHROUD, "shroud").await;
        subscriptions::ensure(&app.state, &tw(SHROUD)).await.unwrap();
        app.db.untrack_streamer(sf(1), &tw(SHROUD), 1).await.unwrap();
        assert!(!subscriptions::release_if_untracked(&app.state, &tw(SHROUD)).await.unwrap());
        assert_eq!(app.twitch.subscriptions().len(), 3, "guild 2 still tracks");
        app.db.untrack_streamer(sf(2), &tw(SHROUD), 1).await.unwrap();
        assert!(subscriptions::release_if_untracked(&app.state, &tw(SHROUD)).await.unwrap());
        assert!(app.twitch.subscriptions().is_empty());
        let deletes = app.twitch.requests("/helix/eventsub/subscriptions").into_iter().filter(|r| r.method == "DELETE").count();
        assert_eq!(deletes, 3);
        assert!(app.db.subscriptions_for(&tw(SHROUD)).await.unwrap().is_empty());
        // Challenges still in flight when the subscriptions went don't bring them back.
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        assert!(app.db.subscriptions_for(&tw(SHROUD)).await.unwrap().is_empty());
    }

    async fn sync_creates_recreates_and_deletes_exactly_the_right_subscriptions(db) {
        let app = TestApp::start(db).await;
        let ours = format!("{}/webhooks/twitch", app.url);
        // Tracked, with one healthy and one failed subscription, one missing.
        app.track(&[1], SHROUD, "shroud").await;
        let healthy = app.twitch.add_subscription("stream.online", "1", SHROUD, &ours, "enabled");
        let failed = app.twitch.add_subscription("stream.offline", "1", SHROUD, &ours, "notification_failures_exceeded");
        // Nobody tracks 111 any more: its subscription is an orphan of ours.
        let orphan = app.twitch.add_subscription("stream.online", "1", "111", &ours, "enabled");
        // Someone else's subscription, for another service's callback.
        let foreign = app.twitch.add_subscription("stream.online", "1", "222", "https://other.example/cb", "enabled");
        app.twitch.world().page_size = 2;

        let report = subscriptions::sync(&app.state).await.unwrap();
        let mut actions: Vec<(&str, &str, &str)> = report.actions.iter().map(|a| (a.action.as_ref(), a.sub_type.as_ref(), a.twitch_id.as_str())).collect();
        actions.sort();
        assert_eq!(actions, [
            ("created", "channel.update", SHROUD),
            ("created", "stream.offline", SHROUD),
            ("deleted", "stream.offline", SHROUD),
            ("deleted", "stream.online", "111"),
            ("kept", "stream.online", SHROUD),
        ]);
        let ids: Vec<String> = app.twitch.subscriptions().iter().map(|s| s["id"].as_str().unwrap().to_owned()).collect();
        assert!(ids.contains(&healthy) && ids.contains(&foreign));
        assert!(!ids.contains(&failed) && !ids.contains(&orphan));
        app.twitch.challenges_settled().await;
        assert_eq!(app.twitch.subscriptions_of(SHROUD), [
            ("channel.update".into(), "enabled".into()),
            ("stream.offline".into(), "enabled".into()),
            ("stream.online".into(), "enabled".into()),
        ]);
        let recorded = app.db.subscriptions_for(&tw(SHROUD)).await.unwrap();
        assert_eq!(recorded.len(), 3);

        // A second run finds nothing to do.
        let again = subscriptions::sync(&app.state).await.unwrap();
        assert!(again.actions.iter().all(|a| a.action.as_ref() == "kept"), "{again:?}");
        let table = subscriptions::format_report(&again);
        assert!(table.contains("3 kept, 0 created, 0 deleted\n"), "{table}");
        assert!(table.ends_with("budget: 4 of 10000 used (9996 left), 4 subscriptions; 1 followed streamers: 0 linked (cost 0), 1 unlinked (cost 1 per subscription)\n"), "{table}");
    }

    async fn the_eventsub_sync_command_prints_what_it_did(db) {
        let app = TestApp::start(db).await;
        app.track(&[1], SHROUD, "shroud").await;
        let dir = tempfile::tempdir().unwrap();
        let mut vars = crate::support::app::vars(&app.twitch, &app.discord, &app.url);
        vars.push(("DATABASE_URL".into(), app.db.url.clone()));
        let out = Command::new(env!("CARGO_BIN_EXE_streammaxing"))
            .current_dir(dir.path())
            .env_clear()
            .envs(vars)
            .args(["eventsub", "sync"])
            .output()
            .await
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
        assert!(stdout.starts_with("ACTION"), "{stdout}");
        assert!(stdout.contains("created  stream.online"), "{stdout}");
        assert!(stdout.contains("0 kept, 3 created, 0 deleted\n"), "{stdout}");
        assert!(stdout.contains("budget: 3 of 10000 used"), "{stdout}");
        assert_eq!(app.twitch.subscriptions_of(SHROUD).len(), 3);
    }
}
