//! The real `streammaxing serve` binary, pointed at the Discord and Twitch
//! stand-ins: every command end to end, as a server admin would use it.

use std::time::Duration;

use serde_json::{Value, json};

use super::setup::reply_text;
use crate::support::{
    app::post_interaction, db::on_both_backends, discord::DiscordStandIn, interactions::*,
    serve::Serve, twitch::TwitchStandIn,
};

const LIVE: u64 = 1_200_000_000_000_000_777;

/// Waits for the next deferred reply (an edit of `@original`).
async fn deferred_reply(discord: &DiscordStandIn, before: usize) -> String {
    for _ in 0..200 {
        let calls = discord.calls("PATCH", "/messages/@original");
        if calls.len() > before {
            return reply_text(&json!({"data": calls[before].body}));
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("no deferred reply arrived");
}

on_both_backends! {
    async fn every_command_works_against_a_running_serve(db) {
        let (twitch, discord) = (TwitchStandIn::start().await, DiscordStandIn::start().await);
        twitch.add_user("37402112", "shroud", "shroud");
        discord.add_guild(GUILD, EVERYDAY, BOT_PERMISSIONS);
        discord.add_channel(GUILD, LIVE, 0, 0);
        let serve = Serve::start(&db.url, &twitch, &discord).await;
        let url = serve.url.clone();

        // The developer portal's check: PING, and a forged request.
        assert_eq!(post_interaction(&url, &json!({"type": 1})).await, (200, json!({"type": 1})));
        let forged = reqwest::Client::new().post(format!("{url}/interactions"))
            .header("X-Signature-Ed25519", "00".repeat(64)).header("X-Signature-Timestamp", "1")
            .body("{\"type\":1}").send().await.unwrap();
        assert_eq!(forged.status(), 401);

        let ask = |body: Value| {
            let url = url.clone();
            async move { post_interaction(&url, &body).await }
        };
        let (_, body) = ask(slash(AS_ADMIN, "setup", json!([channel_option("channel", LIVE)]), resolved_channel(LIVE, 0))).await;
        assert_eq!(body["type"], 5, "deferred: the permission check asks Discord");
        assert!(deferred_reply(&discord, 0).await.contains("✅ Live notifications are set up"));

        let (_, body) = ask(slash(AS_ADMIN, "streamers", sub("add", json!([string("login", "shroud")])), json!({}))).await;
        assert_eq!(body["type"], 5);
        assert!(deferred_reply(&discord, 1).await.contains("Now following shroud"));
        twitch.challenges_settled().await;

        let (_, body) = ask(autocomplete(AS_MEMBER, "notify", "on", "streamer", "sh")).await;
        assert_eq!(body["data"]["choices"][0]["value"], "shroud");
        let (_, body) = ask(slash(AS_ADMIN, "streamers", sub("list", json!([])), json!({}))).await;
        assert!(reply_text(&body).contains("✅ alerts active"), "{body}");
        let (_, body) = ask(slash(AS_ADMIN, "streamers", sub("test", json!([string("streamer", "shroud")])), json!({}))).await;
        assert_eq!(body["type"], 5);
        assert!(deferred_reply(&discord, 2).await.contains("✅ Posted a test notification"));
        let (_, body) = ask(slash(AS_ADMIN, "streamers", sub("link", json!([])), json!({}))).await;
        assert!(body["data"]["components"][0]["components"][0]["url"].as_str().unwrap().contains("/link?token="));

        let (_, body) = ask(slash(AS_ADMIN, "template", sub("edit", json!([])), json!({}))).await;
        assert_eq!(body["type"], 9);
        let (_, body) = ask(modal_submit(AS_ADMIN, "template:*", &[("title", "LIVE: {stream_title}")])).await;
        assert!(reply_text(&body).contains("✅ Saved"), "{body}");
        let (_, body) = ask(slash(AS_ADMIN, "template", sub("preview", json!([])), json!({}))).await;
        assert!(body["data"]["embeds"][0]["title"].as_str().unwrap().starts_with("LIVE: "), "{body}");
        let (_, body) = ask(slash(AS_ADMIN, "template", sub("reset", json!([])), json!({}))).await;
        assert!(reply_text(&body).contains("default template"));

        let (_, body) = ask(slash(AS_MEMBER, "notify", sub("off", json!([string("streamer", "shroud")])), json!({}))).await;
        assert_eq!(body["type"], 4, "answered at once: no role to change");
        assert!(reply_text(&body).contains("doesn't ping anyone"), "{body}");
        let (_, body) = ask(slash(AS_MEMBER, "notify", sub("list", json!([])), json!({}))).await;
        assert!(reply_text(&body).contains("🔕 **shroud**"), "{body}");

        let (_, body) = ask(slash(AS_ADMIN, "streamers", sub("remove", json!([string("streamer", "shroud")])), json!({}))).await;
        assert!(reply_text(&body).contains("Stopped following"));
        for _ in 0..200 {
            if twitch.subscriptions_of("37402112").is_empty() { break; }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        assert!(twitch.subscriptions_of("37402112").is_empty(), "subscriptions released");
    }
}
