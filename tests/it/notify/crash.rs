//! A `serve` process killed in the middle of a fan-out loses nothing and
//! duplicates nothing: the next process finishes the job.

use std::time::Duration;

use streammaxing::store::OutboxState;

use crate::support::sf;
use crate::support::tw;
use crate::support::{
    app::notification, db::on_both_backends, discord::DiscordStandIn, serve::Serve,
    twitch::TwitchStandIn,
};

const SHROUD: &str = "37402112";
/// Enough that the fan-out takes seconds, so the kill lands in the middle.
const GUILDS: i64 = 200;

fn channel_of(guild: i64) -> u64 {
    6_000_000_000_000_000 + guild as u64
}

on_both_backends! {
    async fn a_process_killed_mid_fan_out_is_finished_by_the_next_one_exactly_once(db) {
        let (twitch, discord) = (TwitchStandIn::start().await, DiscordStandIn::start().await);
        twitch.add_user(SHROUD, "shroud", "shroud");
        // Slow enough that the kill lands mid-fan-out.
        discord.world().latency = Duration::from_millis(400);
        let guilds: Vec<i64> = (1..=GUILDS).collect();
        db.upsert_streamer(&streammaxing::store::NewStreamer { twitch_id: &tw(SHROUD), login: "shroud", display_name: "shroud", avatar_url: None }, 1).await.unwrap();
        for guild in &guilds {
            let mut config = db.ensure_guild(sf(*guild), None, 1).await.unwrap();
            config.channel_id = Some(sf(channel_of(*guild) as i64));
            db.save_guild_config(&config, 1).await.unwrap();
            db.track_streamer(sf(*guild), &tw(SHROUD), None, 1).await.unwrap();
        }
        let first = Serve::start(&db.url, &twitch, &discord).await;
        let (url, env) = (first.url.clone(), first.env.clone());
        let body = notification("stream.online", "1", SHROUD, serde_json::json!({
            "id": "s-crash", "broadcaster_user_id": SHROUD, "broadcaster_user_login": "shroud",
            "broadcaster_user_name": "shroud", "type": "live", "started_at": "2026-11-26T12:00:00Z"
        }));
        let helper = crate::support::app::signed_eventsub(&url, "m-crash", &body).await;
        assert_eq!(helper, 204);
        // Kill it while posts are in flight.
        let started = std::time::Instant::now();
        for _ in 0..400 {
            if discord.world().messages.len() >= 20 { break; }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        first.kill().await;
        let delivered_before = discord.world().messages.len();
        assert!(delivered_before > 0, "some delivered before the kill");
        assert!((delivered_before as i64) < GUILDS, "the kill landed mid-fan-out ({delivered_before} delivered)");

        let _second = Serve::start_env(url, env).await;
        for _ in 0..1_600 {
            if discord.world().messages.len() as i64 >= GUILDS { break; }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        for guild in guilds {
            let posted = discord.accepted_in(channel_of(guild));
            assert_eq!(posted, 1, "guild {guild} got {posted} messages");
        }
        let posts = discord.calls("POST", "/messages").len();
        eprintln!(
            "crash ({}): {GUILDS} guilds, {delivered_before} delivered before SIGKILL, {} after the restart, {posts} POSTs, {:.1} s",
            db.backend_name(), GUILDS as usize - delivered_before, started.elapsed().as_secs_f64()
        );
        let mut pending = GUILDS;
        for _ in 0..200 {
            let mut left = 0;
            for guild in 1..=GUILDS {
                if db.notification(sf(guild), "s-crash").await.unwrap().unwrap().state != OutboxState::Sent { left += 1; }
            }
            pending = left;
            if pending == 0 { break; }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert_eq!(pending, 0, "every row recorded as sent");
    }
}
