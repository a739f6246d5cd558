//! The operator's commands, run as the real binary against the database:
//! `status` after a delivery that lost access to a channel, and `forget`.

use std::process::Command;

use serde_json::Value;

use crate::support::{app::TestApp, db::on_both_backends, discord::Failure, eventually, sf};

const SHROUD: &str = "37402112";
const BIN: &str = env!("CARGO_BIN_EXE_streammaxing");

fn channel_of(guild: i64) -> u64 {
    6_000_000_000_000_000 + guild as u64
}

fn status(url: &str, args: &[&str]) -> String {
    let out = Command::new(BIN)
        .env_clear()
        .env("DATABASE_URL", url)
        .arg("status")
        .args(args)
        .output()
        .expect("running streammaxing status");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

on_both_backends! {
    async fn status_names_broken_routes_the_outbox_the_budget_and_recent_errors(db) {
        let app = TestApp::start(db).await;
        app.twitch.add_user(SHROUD, "shroud", "shroud");
        app.track(&[1, 2], SHROUD, "shroud").await;
        for guild in [1, 2] {
            let mut config = app.db.guild_config(sf(guild)).await.unwrap().unwrap();
            config.channel_id = Some(sf(channel_of(guild) as i64));
            app.db.save_guild_config(&config, 1).await.unwrap();
        }
        app.db.record_budget(2, 2, 10_000, 1).await.unwrap();
        app.discord.fail(&format!("/channels/{}/messages", channel_of(2)), Failure::Code(403, 50013, "Missing Permissions"));
        app.twitch_online("m-1", SHROUD, "s-1").await;
        eventually("guild 1 got its alert", || app.discord.messages_in(channel_of(1)).len() == 1).await;
        let mut failed = false;
        for _ in 0..400 {
            let row = app.db.notification(sf(2), "s-1").await.unwrap().unwrap();
            if row.state == streammaxing::store::OutboxState::Failed { failed = true; break; }
            tokio::time::sleep(std::time::Duration::from_millis(25)).await;
        }
        assert!(failed, "guild 2's delivery failed");

        let json: Value = serde_json::from_str(&status(&app.db.url, &["--json"])).unwrap();
        let broken = json["routes_needing_attention"].as_array().unwrap();
        assert_eq!(broken.len(), 1, "{json}");
        assert_eq!((broken[0]["guild_id"].as_str(), broken[0]["streamer"].as_str()), (Some("2"), Some("shroud")));
        assert_eq!(broken[0]["reason"], "missing_permissions");
        assert!(broken[0]["detail"].as_str().unwrap().contains("Send Messages"));
        assert_eq!(json["outbox"]["pending"], 0);
        assert_eq!((json["subscription_budget"]["used"].as_i64(), json["subscription_budget"]["max"].as_i64()), (Some(2), Some(10_000)));
        assert_eq!(json["streamers_without_active_alerts"], serde_json::json!([SHROUD]), "no subscription is enabled");
        let errors = json["recent_delivery_errors"].as_array().unwrap();
        assert!(errors.iter().any(|e| e["guild_id"] == "2" && e["state"] == "failed" && e["error"].as_str().unwrap().contains("50013")), "{json}");

        let text = status(&app.db.url, &[]);
        assert!(text.contains("Routes needing attention: 1") && text.contains("missing_permissions"), "{text}");
        assert!(text.contains("Outbox: 0 pending") && text.contains("2 of 10000 used"), "{text}");
    }

    async fn forget_erases_one_server_on_request_and_nothing_else(db) {
        let app = TestApp::start(db).await;
        app.track(&[1, 2], SHROUD, "shroud").await;
        app.db.set_notify_preference(sf(1), sf(77), &crate::support::tw(SHROUD), true, 1).await.unwrap();
        let out = Command::new(BIN).env_clear().env("DATABASE_URL", &app.db.url).args(["forget", "--guild", "1"]).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert!(String::from_utf8_lossy(&out.stdout).contains("erased server 1"));
        assert!(app.db.guild_config(sf(1)).await.unwrap().is_none());
        assert!(app.db.notify_preferences(sf(1), sf(77)).await.unwrap().is_empty());
        assert!(app.db.tracked_streamer(sf(2), &crate::support::tw(SHROUD)).await.unwrap().is_some(), "the other server keeps its follow");
        let again = Command::new(BIN).env_clear().env("DATABASE_URL", &app.db.url).args(["forget", "--guild", "1"]).output().unwrap();
        assert!(String::from_utf8_lossy(&again.stdout).contains("nothing is kept"));
    }
}
