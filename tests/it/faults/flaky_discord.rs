//! Discord failing at random (5xx, 429s, answers that never come,
//! connections closed without an answer) during a big fan-out: every guild
//! still gets exactly one message, and one stuck request holds up nobody.

use std::time::{Duration, Instant};

use super::{POKI, SHROUD, channel_of, followed_by, unsent, until};
use crate::support::{
    app::TestApp,
    chaos::{Chaos, Fault, HANG},
    db::on_both_backends,
};

const GUILDS: i64 = 1_000;
/// The Discord client's request timeout in the bot (`discord::api::Api`).
const CLIENT_TIMEOUT: Duration = Duration::from_secs(10);

on_both_backends! {
    async fn every_guild_gets_exactly_one_message_from_a_flaky_discord(db) {
        let app = &TestApp::start(db).await;
        app.twitch.add_user(SHROUD, "shroud", "shroud");
        followed_by(&app.db, 1..=GUILDS, SHROUD, "shroud").await;
        app.discord.set_chaos(Chaos::random(0.2, "/messages"));

        let started = Instant::now();
        assert_eq!(app.twitch_online("m-1", SHROUD, "s-flaky").await.status(), 204);
        until("a message in every guild", Duration::from_secs(110), || async move {
            app.discord.world().accepted.len() as i64 >= GUILDS
        })
        .await;
        let delivered = started.elapsed();
        until("every row recorded as sent", Duration::from_secs(60), || async move {
            unsent(&app.db, 1..=GUILDS, "s-flaky").await.0.is_empty()
        })
        .await;

        for guild in 1..=GUILDS {
            let accepted = app.discord.accepted_in(channel_of(guild));
            assert_eq!(accepted, 1, "guild {guild}: {accepted} messages");
        }
        let (_, attempts) = unsent(&app.db, 1..=GUILDS, "s-flaky").await;
        let w = app.discord.world();
        let chaos = w.chaos.as_ref().unwrap();
        let injected = chaos.injected.len();
        eprintln!(
            "flaky Discord ({}): {GUILDS} guilds, {} POSTs, {injected} faults {:?} ({} accepted anyway), {} retries, every message in {:.1} s",
            app.db.backend_name(), chaos.requests, chaos.counts(), chaos.accepted_anyway(), attempts - GUILDS, delivered.as_secs_f64()
        );
        assert!(injected as f64 >= 0.15 * GUILDS as f64, "the faults really happened ({injected})");
        assert!(chaos.counts().iter().all(|(_, n)| *n > 0), "every kind of fault: {:?}", chaos.counts());
    }

    async fn a_hung_post_holds_up_no_other_guild(db) {
        const N: i64 = 100;
        let app = &TestApp::start(db).await;
        app.twitch.add_user(SHROUD, "shroud", "shroud");
        app.twitch.add_user(POKI, "pokimane", "pokimane");
        followed_by(&app.db, 1..=N, SHROUD, "shroud").await;
        followed_by(&app.db, 1..=N, POKI, "pokimane").await;
        let mut chaos = Chaos::scripted(0, "/messages");
        chaos.script(&format!("/channels/{}/messages", channel_of(1)), Fault::Hang { for_: HANG, accepted: false });
        app.discord.set_chaos(chaos);

        let started = Instant::now();
        app.twitch_online("m-1", SHROUD, "s-shroud").await;
        let others = || async move { (2..=N).all(|g| app.discord.accepted_in(channel_of(g)) >= 1) };
        until("every other guild's message", CLIENT_TIMEOUT, others).await;
        let first = started.elapsed();
        // Another streamer goes live while guild 1's post still hangs.
        app.twitch_online("m-2", POKI, "s-poki").await;
        let everyone = || async move { (1..=N).all(|g| app.discord.accepted_in(channel_of(g)) >= if g == 1 { 1 } else { 2 }) };
        until("the second stream everywhere", CLIENT_TIMEOUT, everyone).await;
        let second = started.elapsed();
        assert!(second < CLIENT_TIMEOUT, "delivered while the hung post was still waiting ({second:?})");
        assert_eq!(unsent(&app.db, [1], "s-shroud").await.0, [1], "guild 1's first post was still out");

        until("guild 1's retry", Duration::from_secs(30), || async move {
            unsent(&app.db, 1..=N, "s-shroud").await.0.is_empty() && unsent(&app.db, 1..=N, "s-poki").await.0.is_empty()
        })
        .await;
        for guild in 1..=N {
            assert_eq!(app.discord.accepted_in(channel_of(guild)), 2, "guild {guild}: one message per stream");
        }
        eprintln!(
            "hung post ({}): {N} guilds, stream 1 elsewhere in {:.1} s, stream 2 everywhere in {:.1} s, guild 1 after its retry at {:.1} s",
            app.db.backend_name(), first.as_secs_f64(), second.as_secs_f64(), started.elapsed().as_secs_f64()
        );
    }
}
