use std::time::{Duration, Instant};

use serde_json::{Value, json};
use streammaxing::{
    delivery as deliver,
    store::{Lease, OfflineMode, OutboxItem, OutboxState, PingMode, Transition},
};

use crate::support::eventually;
use crate::support::sf;
use crate::support::tw;
use crate::support::{
    app::{TestApp, notification},
    db::on_both_backends,
    discord::Failure,
};

pub(crate) const SHROUD: &str = "37402112";

pub(crate) fn channel_of(guild: i64) -> u64 {
    5_000_000_000_000_000 + guild as u64
}

/// `n` guilds tracking shroud, each posting to its own channel.
pub(crate) async fn followed_by(app: &TestApp, n: i64) {
    app.twitch.add_user(SHROUD, "shroud", "shroud");
    let guilds: Vec<i64> = (1..=n).collect();
    app.track(&guilds, SHROUD, "shroud").await;
    let streamer = streammaxing::store::NewStreamer {
        twitch_id: &tw(SHROUD),
        login: "shroud",
        display_name: "shroud",
        avatar_url: Some("https://static-cdn.jtvnw.net/shroud-profile.png"),
    };
    app.db.upsert_streamer(&streamer, 1).await.unwrap();
    for guild in guilds {
        let mut config = app.db.guild_config(sf(guild)).await.unwrap().unwrap();
        config.channel_id = Some(sf(channel_of(guild) as i64));
        app.db.save_guild_config(&config, 1).await.unwrap();
    }
}

/// The guild's row once the worker has recorded it as sent (or whatever
/// it holds when a deadline passes, for the assertion to show).
async fn recorded(app: &TestApp, guild: i64, stream: &str) -> OutboxItem {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let row = app
            .db
            .notification(sf(guild), stream)
            .await
            .unwrap()
            .unwrap();
        if row.state == OutboxState::Sent || Instant::now() > deadline {
            return row;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

fn posts(app: &TestApp, guild: i64) -> Vec<Value> {
    app.discord
        .calls("POST", &format!("/channels/{}/messages", channel_of(guild)))
        .into_iter()
        .map(|c| c.body)
        .collect()
}

on_both_backends! {
    async fn every_guild_gets_exactly_one_message_with_its_template_and_pings(db) {
        let app = TestApp::start(db).await;
        followed_by(&app, 3).await;
        let mut one = app.db.guild_config(sf(1)).await.unwrap().unwrap();
        (one.ping_mode, one.ping_role_id) = (PingMode::Role, Some(sf(4242)));
        one.template = Some(r#"{"content": "{mention} Guild one says {streamer_display_name} is on!"}"#.into());
        app.db.save_guild_config(&one, 2).await.unwrap();

        assert_eq!(app.twitch_online("m-1", SHROUD, "s-1").await.status(), 204);
        eventually("three messages", || (1..=3).all(|g| app.discord.messages_in(channel_of(g)).len() == 1)).await;

        let first = &posts(&app, 1)[0];
        assert_eq!(first["content"], "<@&4242> Guild one says shroud is on!");
        assert_eq!(first["allowed_mentions"], json!({"parse": [], "roles": ["4242"]}), "exactly the configured role");
        assert_eq!(first["enforce_nonce"], true);
        let second = &posts(&app, 2)[0];
        assert_eq!(second["allowed_mentions"], json!({"parse": []}), "nobody to ping");
        assert!(second["embeds"][0]["title"].as_str().unwrap().contains("ranked grind"), "title from Get Channel Information");
        assert_eq!(second["components"][0]["components"][1]["custom_id"], format!("notify:{SHROUD}"));
        // Discord has the message; the worker records it just after.
        let row = recorded(&app, 2, "s-1").await;
        assert_eq!((row.state, row.channel_id), (OutboxState::Sent, Some(sf(channel_of(2)))));
        assert!(row.message_id.is_some());
    }

    async fn resends_new_message_ids_and_extra_passes_never_post_twice(db) {
        let app = TestApp::start(db).await;
        followed_by(&app, 2).await;
        app.twitch_online("m-1", SHROUD, "s-1").await;
        eventually("delivered", || (1..=2).all(|g| app.discord.messages_in(channel_of(g)).len() == 1)).await;
        app.twitch_online("m-1", SHROUD, "s-1").await; // Twitch resends
        app.twitch_online("m-2", SHROUD, "s-1").await; // same stream, new message id
        deliver::deliver_due(&app.state).await.unwrap();
        tokio::time::sleep(Duration::from_millis(300)).await;
        for guild in 1..=2 {
            assert_eq!(posts(&app, guild).len(), 1, "guild {guild}");
        }
    }

    async fn a_crash_after_discord_accepted_but_before_recording_posts_nothing_twice(db) {
        // Every worker here is the test's own: a running one would claim
        // the row first (its one-second pass) and there would be no crash
        // to recover from.
        let app = TestApp::start_without_worker(db).await;
        followed_by(&app, 1).await;
        // Queue the notification without waking anyone, as a dying worker
        // would have claimed it: lease taken, message posted, never recorded.
        app.db.apply_stream_event("m-1", 0, &streammaxing::store::StreamEvent::Online { twitch_id: &tw(SHROUD), stream_id: "s-1", started_at: 1 }, 0).await.unwrap();
        app.db.expand_stream_fanouts(0).await.unwrap();
        let now = chrono::Utc::now().timestamp_millis();
        let claimed = app.db.claim_due_notifications("dead-worker", now, deliver::LEASE_MS, 10).await.unwrap();
        let nonce = format!("sm{}", claimed[0].id);
        reqwest::Client::new()
            .post(format!("{}/api/v10/channels/{}/messages", app.discord.url, channel_of(1)))
            .json(&json!({"content": "posted by the worker that died", "nonce": nonce, "enforce_nonce": true}))
            .send().await.unwrap();
        assert_eq!(app.discord.messages_in(channel_of(1)).len(), 1);
        // The lease runs out; another worker takes the row and sends again.
        let expired = app.db.claim_due_notifications("next-worker", now + deliver::LEASE_MS, deliver::LEASE_MS, 10).await.unwrap();
        assert_eq!(expired.len(), 1, "reclaimed after the lease");
        app.db.release(&Lease::new(expired[0].id, "next-worker"), &Transition::Retry { at: 0, error: "simulated".into() }, now).await.unwrap();
        deliver::deliver_due(&app.state).await.unwrap();
        assert_eq!(app.discord.messages_in(channel_of(1)).len(), 1, "Discord returned the message it already had");
        assert_eq!(posts(&app, 1).len(), 2, "the same nonce was sent twice");
        assert_eq!(app.db.notification(sf(1), "s-1").await.unwrap().unwrap().state, OutboxState::Sent);
    }

    async fn titles_from_twitch_never_ping_anyone(db) {
        let app = TestApp::start(db).await;
        followed_by(&app, 1).await;
        app.twitch.world().channels[0]["title"] = json!("@everyone <@&123> <@456> **FREE** @here");
        app.twitch_online("m-1", SHROUD, "s-1").await;
        eventually("delivered", || app.discord.messages_in(channel_of(1)).len() == 1).await;
        let post = &posts(&app, 1)[0];
        assert_eq!(post["allowed_mentions"], json!({"parse": []}));
        let text = post.to_string();
        for raw in ["@everyone", "@here", "<@&123>", "<@456>"] {
            assert!(!text.contains(raw), "{raw} survived: {text}");
        }
    }

    async fn a_429_is_waited_out_never_retried_early(db) {
        let app = TestApp::start(db).await;
        followed_by(&app, 1).await;
        app.discord.fail(&format!("/channels/{}/messages", channel_of(1)), Failure::RateLimited { retry_after: 1.5, global: false });
        app.twitch_online("m-1", SHROUD, "s-1").await;
        eventually("delivered after the wait", || app.discord.messages_in(channel_of(1)).len() == 1).await;
        let calls = app.discord.calls("POST", &format!("/channels/{}/messages", channel_of(1)));
        assert_eq!(calls.len(), 2);
        let waited = calls[1].at - calls[0].at;
        assert!(waited >= Duration::from_millis(1_500), "retried after {waited:?}");
    }

    async fn a_global_429_is_waited_out_too(db) {
        let app = TestApp::start(db).await;
        followed_by(&app, 1).await;
        app.discord.fail(&format!("/channels/{}/messages", channel_of(1)), Failure::RateLimited { retry_after: 1.2, global: true });
        app.twitch_online("m-1", SHROUD, "s-1").await;
        eventually("delivered after the wait", || app.discord.messages_in(channel_of(1)).len() == 1).await;
        let calls = app.discord.calls("POST", &format!("/channels/{}/messages", channel_of(1)));
        assert_eq!(calls.len(), 2);
        let waited = calls[1].at - calls[0].at;
        assert!(waited >= Duration::from_millis(1_200), "retried after {waited:?}");
    }

    async fn transient_errors_retry_and_lost_access_stops_and_tells_admins(db) {
        let app = TestApp::start(db).await;
        followed_by(&app, 2).await;
        app.discord.fail(&format!("/channels/{}/messages", channel_of(1)), Failure::Code(502, 0, "Bad Gateway"));
        app.discord.fail(&format!("/channels/{}/messages", channel_of(2)), Failure::Code(403, 50013, "Missing Permissions"));
        app.twitch_online("m-1", SHROUD, "s-1").await;
        eventually("guild 1 delivered on retry", || app.discord.messages_in(channel_of(1)).len() == 1).await;
        assert_eq!(app.db.notification(sf(1), "s-1").await.unwrap().unwrap().attempts, 2);
        let failed = app.db.notification(sf(2), "s-1").await.unwrap().unwrap();
        assert_eq!(failed.state, OutboxState::Failed, "{failed:?}");
        let route = app.db.tracked_streamer(sf(2), &tw(SHROUD)).await.unwrap().unwrap().route;
        assert_eq!(route.needs_attention, Some(streammaxing::store::Attention::MissingPermissions));
        assert!(route.needs_attention_detail.unwrap().contains("Send Messages"));
        // The next stream doesn't knock on the closed door again.
        app.twitch_online("m-2", SHROUD, "s-2").await;
        eventually("guild 1 got stream 2", || app.discord.messages_in(channel_of(1)).len() == 2).await;
        let mut state = OutboxState::Pending;
        for _ in 0..200 {
            state = app.db.notification(sf(2), "s-2").await.unwrap().unwrap().state;
            if state != OutboxState::Pending { break; }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        assert_eq!(state, OutboxState::Failed);
        assert_eq!(posts(&app, 2).len(), 1, "no further calls to a channel we lost");
    }

    async fn stream_end_edits_the_message_and_a_quick_return_resumes_it(db) {
        let app = TestApp::start(db).await;
        followed_by(&app, 1).await;
        app.twitch_online("m-1", SHROUD, "s-1").await;
        eventually("posted", || app.discord.messages_in(channel_of(1)).len() == 1).await;
        let offline = notification("stream.offline", "1", SHROUD, json!({"broadcaster_user_id": SHROUD}));
        assert_eq!(app.eventsub("notification", "m-2", &offline).await.status(), 204);
        let ended = || app.discord.messages_in(channel_of(1)).first().is_some_and(|m| m["embeds"][0]["description"].as_str().is_some_and(|d| d.contains("was live for")));
        eventually("edited to ended", ended).await;
        let message = app.discord.messages_in(channel_of(1))[0].clone();
        assert!(message["content"].as_str().unwrap_or("").is_empty(), "the ended message pings nobody: {message}");
        // Back within the cooldown: no new message, the old one is live again.
        app.twitch_online("m-3", SHROUD, "s-2").await;
        let edits = || app.discord.calls("PATCH", &format!("/channels/{}/messages/", channel_of(1))).len();
        eventually("edited back to live", || edits() >= 2).await;
        for _ in 0..200 {
            if app.db.notification(sf(1), "s-2").await.unwrap().is_some_and(|r| r.state == OutboxState::Sent) { break; }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        assert_eq!(posts(&app, 1).len(), 1, "no second post, no second ping");
        let resumed = app.discord.messages_in(channel_of(1));
        assert_eq!(resumed.len(), 1);
        assert!(!resumed[0]["embeds"][0]["description"].as_str().unwrap_or("").contains("was live for"));
        assert_eq!(app.db.notification(sf(1), "s-2").await.unwrap().unwrap().message_id, Some(message["id"].as_str().unwrap().parse().unwrap()));
    }

    async fn stream_end_can_delete_or_keep_the_message(db) {
        let app = TestApp::start(db).await;
        followed_by(&app, 2).await;
        for (guild, mode) in [(1, OfflineMode::Delete), (2, OfflineMode::Keep)] {
            let mut config = app.db.guild_config(sf(guild)).await.unwrap().unwrap();
            config.offline_mode = mode;
            app.db.save_guild_config(&config, 2).await.unwrap();
        }
        app.twitch_online("m-1", SHROUD, "s-1").await;
        eventually("posted", || (1..=2).all(|g| app.discord.messages_in(channel_of(g)).len() == 1)).await;
        let offline = notification("stream.offline", "1", SHROUD, json!({"broadcaster_user_id": SHROUD}));
        app.eventsub("notification", "m-2", &offline).await;
        eventually("deleted", || app.discord.messages_in(channel_of(1)).is_empty()).await;
        deliver::deliver_due(&app.state).await.unwrap();
        assert_eq!(app.discord.messages_in(channel_of(2)).len(), 1, "kept");
        assert!(app.discord.calls("PATCH", &format!("/channels/{}/messages", channel_of(2))).is_empty());
    }

    async fn two_hundred_guilds_each_get_one_message_and_twitch_is_answered_first(db) {
        let app = TestApp::start(db).await;
        followed_by(&app, 200).await;
        app.discord.world().latency = Duration::from_millis(50);
        let sent = Instant::now();
        let response = app.twitch_online("m-1", SHROUD, "s-big").await;
        let acked = Instant::now();
        assert_eq!(response.status(), 204);
        eventually("200 messages", || app.discord.world().messages.len() >= 200).await;
        for guild in 1..=200 {
            assert_eq!(app.discord.messages_in(channel_of(guild)).len(), 1, "guild {guild}");
        }
        let first_call = app.discord.calls("POST", "/messages").iter().map(|c| c.at).min().unwrap();
        assert!(acked < first_call + Duration::from_millis(50), "acknowledged before any Discord call completed");
        assert!(acked - sent < Duration::from_secs(2));
        for guild in 1..=200 {
            assert_eq!(recorded(&app, guild, "s-big").await.state, OutboxState::Sent, "guild {guild}");
        }
        // The delivery rate, for sizing (the Lambda sweep's timeout): paced
        // to Discord's 50 requests per second.
        let posts = app.discord.calls("POST", "/messages");
        let span = posts.iter().map(|c| c.at).max().unwrap() - first_call;
        eprintln!("delivered {} messages in {:.2} s ({:.0}/s)", posts.len(), span.as_secs_f64(), posts.len() as f64 / span.as_secs_f64());
    }
}

async fn online_and_posted(app: &TestApp, guilds: i64) {
    app.twitch_online("m-1", SHROUD, "s-1").await;
    eventually("posted", || {
        (1..=guilds).all(|g| app.discord.messages_in(channel_of(g)).len() == 1)
    })
    .await;
}

pub(crate) fn edits(app: &TestApp, guild: i64) -> Vec<Value> {
    app.discord
        .calls(
            "PATCH",
            &format!("/channels/{}/messages/", channel_of(guild)),
        )
        .into_iter()
        .map(|c| c.body)
        .collect()
}

on_both_backends! {
    async fn a_title_change_while_live_edits_the_message_at_most_once_a_minute(db) {
        let app = TestApp::start(db).await;
        followed_by(&app, 1).await;
        online_and_posted(&app, 1).await;
        let update = |title: &str| notification("channel.update", "2", SHROUD, json!({
            "broadcaster_user_id": SHROUD, "broadcaster_user_login": "shroud", "broadcaster_user_name": "shroud",
            "title": title, "language": "en", "category_id": "1", "category_name": "Just Chatting", "content_classification_labels": []
        }));
        app.eventsub("notification", "m-2", &update("New title!")).await;
        eventually("edited", || edits(&app, 1).len() == 1).await;
        let edited = &edits(&app, 1)[0];
        assert!(edited["embeds"][0]["title"].as_str().unwrap().contains("New title!"), "{edited}");
        assert_eq!(edited["allowed_mentions"], json!({"parse": []}), "an edit pings nobody");
        // A second change within the minute waits for the minute to pass.
        app.eventsub("notification", "m-3", &update("Another title")).await;
        deliver::deliver_due(&app.state).await.unwrap();
        tokio::time::sleep(Duration::from_millis(1_500)).await;
        assert_eq!(edits(&app, 1).len(), 1, "not edited again within a minute");
        let row = app.db.notification(sf(1), "s-1").await.unwrap().unwrap();
        let (edited_at, due) = (row.edited_at.unwrap(), row.refresh_due_at.unwrap());
        assert_eq!(due, edited_at + 60_000);
    }

    async fn announcement_channels_publish_and_a_refused_publish_changes_nothing(db) {
        let app = TestApp::start(db).await;
        followed_by(&app, 3).await;
        for (guild, kind, publish) in [(1, 5, true), (2, 5, false), (3, 0, true)] {
            let mut config = app.db.guild_config(sf(guild)).await.unwrap().unwrap();
            (config.channel_kind, config.publish_announcements) = (Some(kind), publish);
            app.db.save_guild_config(&config, 2).await.unwrap();
        }
        app.discord.fail("/crosspost", Failure::Code(400, 40033, "This message has already been crossposted."));
        online_and_posted(&app, 3).await;
        eventually("crosspost tried", || !app.discord.calls("POST", "/crosspost").is_empty()).await;
        let crossposts = app.discord.calls("POST", "/crosspost");
        assert_eq!(crossposts.len(), 1, "only the announcement channel that publishes");
        assert!(crossposts[0].path.contains(&channel_of(1).to_string()));
        assert_eq!(app.db.notification(sf(1), "s-1").await.unwrap().unwrap().state, OutboxState::Sent, "a refused publish fails nothing");
    }

    async fn the_ended_message_links_the_vod_when_twitch_has_one(db) {
        let app = TestApp::start(db).await;
        followed_by(&app, 1).await;
        online_and_posted(&app, 1).await;
        app.twitch.world().videos.push(json!({
            "id": "335921245", "stream_id": "s-1", "user_id": SHROUD, "user_login": "shroud", "user_name": "shroud",
            "title": "ranked grind", "url": "https://www.twitch.tv/videos/335921245", "type": "archive", "duration": "3h8m33s"
        }));
        let offline = notification("stream.offline", "1", SHROUD, json!({"broadcaster_user_id": SHROUD}));
        app.eventsub("notification", "m-2", &offline).await;
        eventually("ended", || !edits(&app, 1).is_empty()).await;
        let ended = &edits(&app, 1)[0];
        let button = &ended["components"][0]["components"][0];
        assert_eq!((button["label"].as_str(), button["url"].as_str()), (Some("Watch the VOD"), Some("https://www.twitch.tv/videos/335921245")), "{ended}");
    }

    async fn alerts_speak_the_servers_language_from_go_live_to_end(db) {
        use streammaxing::i18n::Lang;
        let app = TestApp::start(db).await;
        followed_by(&app, 3).await;
        // Server 1's Discord speaks German; server 2's admin chose Japanese
        // over its French; server 3 is English.
        app.db.note_guild_locale(sf(1), "de").await.unwrap();
        app.db.note_guild_locale(sf(2), "fr").await.unwrap();
        let mut two = app.db.guild_config(sf(2)).await.unwrap().unwrap();
        two.language = Some("ja".into());
        app.db.save_guild_config(&two, 2).await.unwrap();
        online_and_posted(&app, 3).await;
        let texts = |post: &Value| {
            let embed = &post["embeds"][0];
            let fields: Vec<String> = embed["fields"].as_array().unwrap().iter().map(|f| f["name"].as_str().unwrap().to_owned()).collect();
            let buttons: Vec<String> = post["components"][0]["components"].as_array().unwrap().iter().map(|b| b["label"].as_str().unwrap().to_owned()).collect();
            (embed["description"].as_str().unwrap().to_owned(), fields, buttons)
        };
        let (description, fields, buttons) = texts(&posts(&app, 1)[0]);
        assert!(description.starts_with("**shroud** ist live auf Twitch! Gestartet <t:"), "{description}");
        // (No viewer count is known at go-live: that field shows once it is.)
        assert_eq!((fields, buttons), (vec!["Spiel".to_owned()], vec!["Stream ansehen".to_owned(), "Benachrichtige mich".to_owned()]));
        let (description, _, buttons) = texts(&posts(&app, 2)[0]);
        assert!(description.contains("Twitch で配信中です"), "{description}");
        assert_eq!(buttons[0], Lang::Ja.text("alert-watch"));
        let (description, fields, _) = texts(&posts(&app, 3)[0]);
        assert!(description.contains("is live on Twitch!"), "{description}");
        assert_eq!(fields, ["Game"]);

        app.twitch.world().videos.push(json!({
            "id": "335921245", "stream_id": "s-1", "user_id": SHROUD, "user_login": "shroud", "user_name": "shroud",
            "title": "ranked grind", "url": "https://www.twitch.tv/videos/335921245", "type": "archive", "duration": "3h8m33s"
        }));
        let offline = notification("stream.offline", "1", SHROUD, json!({"broadcaster_user_id": SHROUD}));
        app.eventsub("notification", "m-2", &offline).await;
        eventually("ended everywhere", || (1..=3).all(|g| !edits(&app, g).is_empty())).await;
        let ended = &edits(&app, 1)[0];
        let description = ended["embeds"][0]["description"].as_str().unwrap();
        assert!(description.starts_with("⚫ **shroud** war ") && description.ends_with(" live."), "{description}");
        assert_eq!(ended["components"][0]["components"][0]["label"], "VOD ansehen");
        assert_eq!(edits(&app, 2)[0]["components"][0]["components"][0]["label"], Lang::Ja.text("alert-watch-vod"));
        assert_eq!(edits(&app, 3)[0]["components"][0]["components"][0]["label"], "Watch the VOD");
    }

    async fn the_fix_a_broken_route_names_is_in_the_servers_language(db) {
        let app = TestApp::start(db).await;
        followed_by(&app, 1).await;
        app.db.note_guild_locale(sf(1), "de").await.unwrap();
        app.discord.fail(&format!("/channels/{}/messages", channel_of(1)), Failure::Code(403, 50013, "Missing Permissions"));
        app.twitch_online("m-1", SHROUD, "s-1").await;
        let deadline = Instant::now() + Duration::from_secs(10);
        while app.db.notification(sf(1), "s-1").await.unwrap().is_none_or(|row| row.state != OutboxState::Failed) {
            assert!(Instant::now() < deadline, "the delivery never gave up");
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        let fix = app.db.tracked_streamer(sf(1), &tw(SHROUD)).await.unwrap().unwrap().route.needs_attention_detail.unwrap();
        assert!(fix.contains("**Nachrichten senden**") && fix.contains("shroud"), "{fix}");
    }
}
