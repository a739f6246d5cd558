//! Several processes of one bot against one database, as Discord counts
//! them: one global budget per bot token, so two `serve` processes fanning
//! out one go-live together never draw a global 429, and either finishes
//! the other's work when it is killed. And one busy channel: its bucket is
//! kept before the posts go, not learned from 429s.

use std::time::{Duration, Instant};

use crate::support::{
    app::{notification, signed_eventsub},
    db::{TestDb, on_both_backends},
    discord::DiscordStandIn,
    eventually_within,
    serve::Serve,
    sf, tw,
    twitch::TwitchStandIn,
};

const SHROUD: &str = "37402112";
const GUILDS: u64 = 300;
/// Discord's global limit, which the stand-in enforces.
const PER_SECOND: u32 = 50;

fn channel_of(guild: u64) -> u64 {
    7_000_000_000_000_000 + guild
}

/// `GUILDS` servers, each following shroud into a channel of its own.
async fn followed_by_every_guild(db: &TestDb) {
    let shroud = streammaxing::store::NewStreamer {
        twitch_id: &tw(SHROUD),
        login: "shroud",
        display_name: "shroud",
        avatar_url: None,
    };
    db.upsert_streamer(&shroud, 1).await.unwrap();
    for guild in 1..=GUILDS {
        let mut config = db.ensure_guild(sf(guild), None, 1).await.unwrap();
        config.channel_id = Some(sf(channel_of(guild)));
        db.save_guild_config(&config, 1).await.unwrap();
        db.track_streamer(sf(guild), &tw(SHROUD), None, 1)
            .await
            .unwrap();
    }
}

fn go_live(stream: &str) -> String {
    notification(
        "stream.online",
        "1",
        SHROUD,
        serde_json::json!({
            "id": stream, "broadcaster_user_id": SHROUD, "broadcaster_user_login": "shroud",
            "broadcaster_user_name": "shroud", "type": "live", "started_at": "2026-11-30T12:00:00Z"
        }),
    )
}

/// Two `serve` processes on `db`, with Discord enforcing its limits.
async fn two_processes(db: &TestDb) -> (TwitchStandIn, DiscordStandIn, Serve, Serve) {
    let (twitch, discord) = (TwitchStandIn::start().await, DiscordStandIn::start().await);
    twitch.add_user(SHROUD, "shroud", "shroud");
    discord.world().realistic_limits = Some(PER_SECOND);
    let first = Serve::start(&db.url, &twitch, &discord).await;
    let second = Serve::start(&db.url, &twitch, &discord).await;
    (twitch, discord, first, second)
}

fn every_guild_has_one_message(discord: &DiscordStandIn) {
    for guild in 1..=GUILDS {
        let posted = discord.accepted_in(channel_of(guild));
        assert_eq!(posted, 1, "guild {guild} got {posted} messages");
    }
}

on_both_backends! {
    #[alone]
    async fn two_processes_fan_out_together_within_one_global_budget(db) {
        followed_by_every_guild(&db).await;
        let (_twitch, discord, first, _second) = two_processes(&db).await;
        assert_eq!(signed_eventsub(&first.url, "m-scale", &go_live("s-scale")).await, 204);
        eventually_within("every guild posted to", Duration::from_secs(30), || {
            discord.world().accepted.len() as u64 >= GUILDS
        })
        .await;
        every_guild_has_one_message(&discord);
        let world = discord.world();
        let posts: Vec<Instant> = world
            .calls
            .iter()
            .filter(|c| c.method == "POST" && c.path.ends_with("/messages"))
            .map(|c| c.at)
            .collect();
        let span = posts[posts.len() - 1] - posts[0];
        let rate = (posts.len() - 1) as f64 / span.as_secs_f64();
        eprintln!(
            "two processes ({}): {GUILDS} guilds in {:.2} s, {rate:.1} posts/s, {} global 429s",
            db.backend_name(), span.as_secs_f64(), world.global_429s
        );
        assert_eq!(world.global_429s, 0, "no process may overdraw the bot's global budget");
        assert_eq!(posts.len() as u64, GUILDS, "no post was refused and sent again");
        let gaps: Vec<(usize, u128)> = posts
            .windows(2)
            .enumerate()
            .map(|(i, pair)| (i, (pair[1] - pair[0]).as_millis()))
            .filter(|(_, ms)| *ms > 100)
            .collect();
        assert!(rate >= 0.9 * f64::from(PER_SECOND), "the budget is used, not wasted: {rate:.1}/s; gaps over 100 ms after posts {gaps:?}");
    }

    #[alone]
    async fn a_process_killed_mid_fan_out_leaves_its_share_to_the_other(db) {
        followed_by_every_guild(&db).await;
        let (_twitch, discord, first, second) = two_processes(&db).await;
        assert_eq!(signed_eventsub(&first.url, "m-kill", &go_live("s-kill")).await, 204);
        eventually_within("a third of the guilds posted to", Duration::from_secs(30), || {
            discord.world().accepted.len() as u64 >= GUILDS / 3
        })
        .await;
        first.kill().await;
        let killed_at = Instant::now();
        let before = discord.world().accepted.len() as u64;
        assert!(before < GUILDS, "the kill landed mid-fan-out ({before} posted)");
        // The killed process's claimed rows come back once their lease
        // (20 s) is over; the fan-out's remaining posts take at most 6 s.
        eventually_within("the survivor finished the fan-out", Duration::from_secs(40), || {
            discord.world().accepted.len() as u64 >= GUILDS
        })
        .await;
        let took = killed_at.elapsed();
        every_guild_has_one_message(&discord);
        eprintln!(
            "takeover ({}): {before} posted before SIGKILL, the rest {:.1} s after it, {} global 429s",
            db.backend_name(), took.as_secs_f64(), discord.world().global_429s
        );
        assert_eq!(discord.world().global_429s, 0);
        drop(second);
    }
}

/// A charity event: 30 streamers of one server go live within a second,
/// all announced in one channel that Discord lets take 5 posts per 5 s.
const EVENT_STREAMERS: u64 = 30;
const EVENT_GUILD: u64 = 42;
const EVENT_CHANNEL: u64 = 7_100_000_000_000_000;

on_both_backends! {
    #[alone]
    async fn thirty_go_lives_into_one_channel_wait_for_its_bucket_instead_of_drawing_429s(db) {
        use crate::support::app::TestApp;
        let app = TestApp::start(db).await;
        app.discord.world().realistic_limits = Some(PER_SECOND);
        let mut config = app.db.ensure_guild(sf(EVENT_GUILD), None, 1).await.unwrap();
        config.channel_id = Some(sf(EVENT_CHANNEL));
        app.db.save_guild_config(&config, 1).await.unwrap();
        let ids: Vec<String> = (0..EVENT_STREAMERS).map(|n| (500_000 + n).to_string()).collect();
        for id in &ids {
            let login = format!("runner{id}");
            app.twitch.add_user(id, &login, &login);
            app.track(&[EVENT_GUILD as i64], id, &login).await;
        }
        let names: Vec<(String, String)> = ids.iter().map(|id| (format!("m-{id}"), format!("s-{id}"))).collect();
        let go_lives = ids.iter().zip(&names).map(|(id, (message, stream))| app.twitch_online(message, id, stream));
        for answer in futures_util::future::join_all(go_lives).await {
            assert_eq!(answer.status(), 204);
        }
        eventually_within("all 30 alerts posted", Duration::from_secs(60), || {
            app.discord.accepted_in(EVENT_CHANNEL) as u64 >= EVENT_STREAMERS
        })
        .await;
        let world = app.discord.world();
        let posts: Vec<Instant> = world
            .calls
            .iter()
            .filter(|c| c.method == "POST" && c.path.ends_with("/messages"))
            .map(|c| c.at)
            .collect();
        let span = posts[posts.len() - 1] - posts[0];
        eprintln!(
            "one busy channel ({}): {EVENT_STREAMERS} alerts in {:.1} s, {} per-channel 429s, {} posts",
            app.db.backend_name(), span.as_secs_f64(), world.route_429s, posts.len()
        );
        assert!(world.route_429s <= 1, "the bucket is kept, not learned from 429s: {}", world.route_429s);
        assert_eq!(world.accepted.get(&EVENT_CHANNEL), Some(&(EVENT_STREAMERS as usize)), "each alert once");
        // Six windows of five: the last post goes at the sixth window's start
        // (25 s). Measured alone: 25.2–25.6 s in most runs, but now and then
        // a window takes only one or four posts and the rest wait for the
        // next (30.2 and 35.1 s seen): a known waste, not yet explained, so
        // the bound allows two such windows.
        assert!(span >= Duration::from_secs(24), "Discord's limit holds: {span:?}");
        let offsets: Vec<u128> = posts.iter().map(|at| (*at - posts[0]).as_millis()).collect();
        assert!(span <= Duration::from_secs(37), "about the time the limit allows: {span:?}; posts at ms {offsets:?}");
    }
}
