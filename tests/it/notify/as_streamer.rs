//! `/setup post_as:streamer`: alerts go through a webhook the bot keeps in
//! the channel, under the streamer's name and avatar, with a working 🔔
//! button, edited through the same webhook, posted once even when Discord
//! loses answers (Execute Webhook takes no nonce) or an admin deletes the
//! webhook; without Manage Webhooks, as the bot, and `/setup` says why.

use std::time::{Duration, Instant};

use serde_json::{Value, json};
use streammaxing::store::{OutboxState, PingMode, PostAs};

use crate::discord::setup::text;
use crate::faults::{channel_of, unsent, until};
use crate::support::{
    app::{TestApp, notification},
    chaos::Chaos,
    db::{TestDb, on_both_backends},
    discord::{APP_ID, MANAGE_MESSAGES, MANAGE_WEBHOOKS, READ_MESSAGE_HISTORY},
    eventually,
    interactions::*,
    sf,
};

const SHROUD: &str = "37402112";
const LIVE: u64 = 1_700_000_000_000_000_001;
const AVATAR: &str = "https://static-cdn.jtvnw.net/shroud-profile.png";
/// What posting as the streamer needs on top of the usual.
const AS_STREAMER: u64 = BOT_PERMISSIONS | MANAGE_WEBHOOKS | READ_MESSAGE_HISTORY;

/// A server posting shroud's alerts in `LIVE` as the streamer, with opt-in
/// pings (the 🔔 button), the bot holding `bot` permissions.
async fn as_streamer_server(db: TestDb, bot: u64) -> TestApp {
    let app = TestApp::start(db).await;
    app.discord.add_guild(GUILD, EVERYDAY, bot);
    app.discord.add_channel(GUILD, LIVE, 0, 0);
    app.twitch.add_user(SHROUD, "shroud", "Shroud");
    app.track(&[GUILD as i64], SHROUD, "shroud").await;
    let mut config = app.db.guild_config(sf(GUILD)).await.unwrap().unwrap();
    (config.channel_id, config.ping_mode, config.post_as) =
        (Some(sf(LIVE)), PingMode::StreamerRole, PostAs::Streamer);
    app.db.save_guild_config(&config, 1).await.unwrap();
    app
}

/// The webhook executions (not interaction follow-ups) the bot made.
fn executions(app: &TestApp) -> Vec<Value> {
    let app_hook = format!("/webhooks/{APP_ID}/");
    app.discord
        .calls("POST", "/webhooks/")
        .into_iter()
        .filter(|c| !c.path.starts_with(&app_hook))
        .map(|c| c.body)
        .collect()
}

async fn recorded_sent(app: &TestApp, stream: &str) {
    let db = &app.db;
    until("recorded as sent", Duration::from_secs(10), || async move {
        db.notification(sf(GUILD), stream)
            .await
            .unwrap()
            .is_some_and(|r| r.state == OutboxState::Sent)
    })
    .await;
}

fn offline() -> String {
    notification(
        "stream.offline",
        "1",
        SHROUD,
        json!({"broadcaster_user_id": SHROUD}),
    )
}

/// The 🔔 button's custom id on a posted message.
fn bell(message: &Value) -> String {
    let buttons = message["components"][0]["components"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let bell = buttons
        .iter()
        .find_map(|b| b["custom_id"].as_str())
        .map(str::to_owned);
    bell.unwrap_or_else(|| panic!("a 🔔 button on {message}"))
}

on_both_backends! {
    async fn the_alert_comes_from_the_streamer_with_a_working_bell_and_ends_through_the_same_webhook(db) {
        let app = &as_streamer_server(db, AS_STREAMER).await;
        assert_eq!(app.twitch_online("m-1", SHROUD, "s-1").await.status(), 204);
        eventually("the alert", || app.discord.messages_in(LIVE).len() == 1).await;
        recorded_sent(app, "s-1").await;

        let message = app.discord.messages_in(LIVE)[0].clone();
        let hooks = app.discord.webhooks_in(LIVE);
        assert_eq!(hooks.len(), 1, "one webhook, created by the bot");
        assert_eq!(message["webhook_id"], hooks[0].to_string(), "posted through it: {message}");
        assert_eq!(message["author"]["username"], "Shroud", "the streamer's display name");
        assert_eq!(message["avatar_url_sent"], AVATAR, "the streamer's avatar");
        assert!(app.discord.calls("POST", &format!("/channels/{LIVE}/messages")).is_empty(), "never as the bot");
        let row = app.db.notification(sf(GUILD), "s-1").await.unwrap().unwrap();
        assert_eq!(row.webhook_id, Some(sf(hooks[0])), "the row remembers the webhook");

        // 🔔 on the webhook's message: the member gets the streamer's role.
        let mut click = button(AS_MEMBER, &bell(&message), &[]);
        click["message"] = message.clone();
        let (status, _) = app.interaction(&click).await;
        assert_eq!(status, 200);
        app.settle().await;
        let role = app.db.tracked_streamer(sf(GUILD), &crate::support::tw(SHROUD)).await.unwrap().unwrap().notify_role_id;
        assert_eq!(app.discord.member_roles(GUILD, MEMBER), [role.expect("the streamer's role").get()]);

        // The stream ends: the same message, edited through the same webhook.
        assert_eq!(app.eventsub("notification", "m-2", &offline()).await.status(), 204);
        let ended = || app.discord.messages_in(LIVE).first().is_some_and(|m| m["embeds"][0]["description"].as_str().is_some_and(|d| d.contains("was live for")));
        eventually("edited to ended", ended).await;
        let edits = app.discord.calls("PATCH", &format!("/webhooks/{}/", hooks[0]));
        assert_eq!(edits.len(), 1, "edited through the webhook");
        assert!(app.discord.calls("PATCH", &format!("/channels/{LIVE}/messages")).is_empty());
        let ended = app.discord.messages_in(LIVE)[0].clone();
        assert_eq!((&ended["id"], &ended["author"]["username"]), (&message["id"], &json!("Shroud")));

        // Back within the cooldown: the same message, live again, through the webhook.
        app.twitch_online("m-3", SHROUD, "s-2").await;
        recorded_sent(app, "s-2").await;
        assert_eq!(app.discord.calls("PATCH", &format!("/webhooks/{}/", hooks[0])).len(), 2, "resumed through the webhook");
        assert_eq!(app.discord.accepted_in(LIVE), 1, "no new alert");
        assert_eq!(app.db.notification(sf(GUILD), "s-2").await.unwrap().unwrap().webhook_id, Some(sf(hooks[0])));
    }

    async fn streamers_going_live_at_once_in_one_channel_share_one_webhook(db) {
        const OTHERS: [&str; 5] = ["11", "12", "13", "14", "15"];
        let app = &as_streamer_server(db, AS_STREAMER).await;
        for id in OTHERS {
            app.twitch.add_user(id, &format!("s{id}"), &format!("Streamer{id}"));
            app.track(&[GUILD as i64], id, &format!("s{id}")).await;
        }
        let names: Vec<(String, String, &str)> = OTHERS.iter().chain([&SHROUD]).map(|id| (format!("m-{id}"), format!("s-{id}"), *id)).collect();
        let online = names.iter().map(|(message, stream, id)| app.twitch_online(message, id, stream));
        futures_util::future::join_all(online).await;
        for id in OTHERS.iter().chain([&SHROUD]) {
            recorded_sent(app, &format!("s-{id}")).await;
        }
        let hooks = app.discord.webhooks_in(LIVE);
        assert_eq!(hooks.len(), 1, "one webhook however many raced: {hooks:?}");
        let created = app.discord.calls("POST", &format!("/channels/{LIVE}/webhooks")).len();
        let deleted = app.discord.calls("DELETE", "/webhooks/").len();
        assert_eq!(created - deleted, 1, "every redundant one deleted ({created} created)");
        eprintln!("{} streamers live at once in one channel: {created} webhooks created, {deleted} deleted", OTHERS.len() + 1);
        assert_eq!(app.discord.accepted_in(LIVE), OTHERS.len() + 1, "one alert per streamer");
        for m in app.discord.messages_in(LIVE) {
            assert_eq!(m["webhook_id"], hooks[0].to_string(), "all through the channel's webhook: {m}");
        }
    }

    async fn a_deleted_webhook_is_recreated_once_and_the_alert_posted_once(db) {
        let app = &as_streamer_server(db, AS_STREAMER).await;
        app.twitch_online("m-1", SHROUD, "s-1").await;
        recorded_sent(app, "s-1").await;
        let first = app.discord.webhooks_in(LIVE);
        // An admin deletes the webhook in the channel's settings.
        app.discord.delete_webhooks_in(LIVE);

        app.twitch_online("m-2", SHROUD, "s-2").await;
        recorded_sent(app, "s-2").await;
        let now = app.discord.webhooks_in(LIVE);
        assert_eq!(now.len(), 1, "recreated once: {now:?}");
        assert_ne!(now, first);
        assert_eq!(app.discord.calls("POST", &format!("/channels/{LIVE}/webhooks")).len(), 2, "created twice in all");
        assert_eq!(executions(app).len(), 3, "the refused post, then the alert through the new webhook");
        assert_eq!(app.discord.accepted_in(LIVE), 2, "one alert per stream, no duplicate");
        let row = app.db.notification(sf(GUILD), "s-2").await.unwrap().unwrap();
        assert_eq!(row.webhook_id, Some(sf(now[0])));
    }

    async fn without_manage_webhooks_the_alert_comes_from_the_bot_and_setup_says_why(db) {
        let app = &as_streamer_server(db, BOT_PERMISSIONS).await;
        app.twitch_online("m-1", SHROUD, "s-1").await;
        recorded_sent(app, "s-1").await;
        let posts = app.discord.calls("POST", &format!("/channels/{LIVE}/messages"));
        assert_eq!(posts.len(), 1, "posted as the bot instead");
        assert!(app.discord.webhooks_in(LIVE).is_empty());
        assert_eq!(app.discord.messages_in(LIVE)[0]["author"]["id"], APP_ID.to_string());

        let (_, body) = app.answer(&slash(AS_ADMIN, "setup", json!([string("post_as", "streamer")]), json!({}))).await;
        let shown = text(&body);
        assert!(shown.contains("**Manage Webhooks**") && shown.contains("posted as StreamMaxing"), "{shown}");
        assert!(shown.contains("**Read Message History**"), "{shown}");
        assert!(shown.contains("Posted as: the streamer"), "{shown}");
        // Given the permissions, nothing needs fixing.
        app.discord.add_guild(GUILD, EVERYDAY, AS_STREAMER);
        let (_, body) = app.answer(&slash(AS_ADMIN, "setup", json!([]), json!({}))).await;
        assert!(!text(&body).contains("Manage Webhooks"), "{}", text(&body));
        let (_, body) = app.answer(&slash(AS_ADMIN, "setup", json!([string("post_as", "bot")]), json!({}))).await;
        assert!(text(&body).contains("Posted as: StreamMaxing"), "{}", text(&body));
        assert_eq!(app.db.guild_config(sf(GUILD)).await.unwrap().unwrap().post_as, PostAs::Bot);
    }

    async fn in_an_announcement_channel_the_streamers_alert_is_published_with_manage_messages(db) {
        let app = &as_streamer_server(db, AS_STREAMER).await;
        app.discord.add_channel(GUILD, LIVE, 5, 0);
        let mut config = app.db.guild_config(sf(GUILD)).await.unwrap().unwrap();
        config.channel_kind = Some(5);
        app.db.save_guild_config(&config, 1).await.unwrap();
        // Without Manage Messages: /setup says so, and the alert is posted unpublished.
        let (_, body) = app.answer(&slash(AS_ADMIN, "setup", json!([]), json!({}))).await;
        assert!(text(&body).contains("**Manage Messages**"), "{}", text(&body));
        app.twitch_online("m-1", SHROUD, "s-1").await;
        recorded_sent(app, "s-1").await;
        let crossposts = || app.discord.calls("POST", "/crosspost").len();
        eventually("the refused publish", || crossposts() == 1).await;
        assert!(app.discord.world().published.is_empty(), "refused: not the bot's own message");
        // With it, published.
        app.discord.add_guild(GUILD, EVERYDAY, AS_STREAMER | MANAGE_MESSAGES);
        let (_, body) = app.answer(&slash(AS_ADMIN, "setup", json!([]), json!({}))).await;
        assert!(!text(&body).contains("Manage Messages"), "{}", text(&body));
        app.twitch_online("m-2", SHROUD, "s-2").await;
        recorded_sent(app, "s-2").await;
        let second = app.db.notification(sf(GUILD), "s-2").await.unwrap().unwrap().message_id.unwrap();
        eventually("the webhook's alert, published", || app.discord.world().published == [second.get()]).await;
        assert_eq!(crossposts(), 2);
    }

    async fn every_guild_gets_exactly_one_alert_through_a_flaky_discords_webhooks(db) {
        const GUILDS: i64 = 300;
        let app = &TestApp::start(db).await;
        app.twitch.add_user(SHROUD, "shroud", "Shroud");
        let guilds: Vec<i64> = (1..=GUILDS).collect();
        app.track(&guilds, SHROUD, "shroud").await;
        for guild in 1..=GUILDS {
            app.discord.add_guild(guild as u64, EVERYDAY, AS_STREAMER);
            app.discord.add_channel(guild as u64, channel_of(guild), 0, 0);
            let mut config = app.db.guild_config(sf(guild)).await.unwrap().unwrap();
            (config.channel_id, config.post_as) = (Some(sf(channel_of(guild) as i64)), PostAs::Streamer);
            app.db.save_guild_config(&config, 1).await.unwrap();
        }
        // A fifth of the webhook's executions fail, as the bot path's posts
        // do in faults::flaky_discord.
        app.discord.set_chaos(Chaos::random(0.2, "/webhooks/"));

        let started = Instant::now();
        assert_eq!(app.twitch_online("m-1", SHROUD, "s-flaky").await.status(), 204);
        until("every row recorded as sent", Duration::from_secs(110), || async move {
            unsent(&app.db, 1..=GUILDS, "s-flaky").await.0.is_empty()
        })
        .await;
        let delivered = started.elapsed();

        for guild in 1..=GUILDS {
            let accepted = app.discord.accepted_in(channel_of(guild));
            assert_eq!(accepted, 1, "guild {guild}: {accepted} alerts");
            let row = app.db.notification(sf(guild), "s-flaky").await.unwrap().unwrap();
            let message = app.discord.messages_in(channel_of(guild)).pop().expect("the alert");
            assert_eq!(message["id"], row.message_id.unwrap().to_string(), "guild {guild}: the row names the alert");
        }
        let (_, attempts) = unsent(&app.db, 1..=GUILDS, "s-flaky").await;
        let adopted = app.discord.calls("GET", "/messages").len();
        let w = app.discord.world();
        let chaos = w.chaos.as_ref().unwrap();
        let injected = chaos.injected.len();
        eprintln!(
            "flaky Discord, as the streamer ({}): {GUILDS} guilds, {} requests, {injected} faults {:?} ({} accepted anyway), {} retries, {adopted} history reads, every alert in {:.1} s",
            app.db.backend_name(), chaos.requests, chaos.counts(), chaos.accepted_anyway(), attempts - GUILDS, delivered.as_secs_f64()
        );
        assert!(chaos.accepted_anyway() > 0, "some lost answers had posted the alert");
        assert!(chaos.counts().iter().all(|(_, n)| *n > 0), "every kind of fault: {:?}", chaos.counts());
    }
}
