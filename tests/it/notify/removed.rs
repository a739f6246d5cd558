//! A server that removed the bot: Discord sends no event, so a delivery's
//! 50001 is confirmed by asking for the server; a day later its data goes
//! and the subscriptions only it needed are released. A server that answers
//! again within the day keeps everything; one that adds the bot back after
//! starts clean.

use std::time::Duration;

use serde_json::json;
use streammaxing::{
    clock::Clock, gone_guilds::GRACE_MS, maintenance, store::Attention, twitch::subscriptions,
};

use crate::store::gone::rows_of_guild;
use crate::support::{
    app::TestApp,
    db::{TestDb, on_both_backends},
    discord::Failure,
    eventually,
    interactions::{
        AS_ADMIN, BOT_PERMISSIONS, EVERYDAY, GUILD, channel_option, resolved_channel, slash,
    },
    sf, tw,
};

/// The server that removes the bot (the one the test's interactions come from).
const GONE: u64 = GUILD;
const STAYS: u64 = 1_100_000_000_000_000_002;
const GONE_CHANNEL: u64 = 1_200_000_000_000_000_101;
const STAYS_CHANNEL: u64 = 1_200_000_000_000_000_102;
const NEW_CHANNEL: u64 = 1_200_000_000_000_000_103;
/// Followed by both servers.
const SHROUD: &str = "37402112";
/// Followed only by the server that removes the bot.
const ONLY_GONE: &str = "71092938";

/// Both servers follow shroud, the first also xqc; each posts to its own
/// channel; every streamer has its EventSub subscriptions. The clock
/// stands still at the real time until the test moves it.
async fn two_servers(db: TestDb) -> (TestApp, Clock) {
    let clock = Clock::manual(chrono::Utc::now().timestamp_millis());
    let app = TestApp::start_at(db, clock.clone()).await;
    app.twitch.add_user(SHROUD, "shroud", "shroud");
    app.twitch.add_user(ONLY_GONE, "xqc", "xqc");
    app.track(&[GONE as i64, STAYS as i64], SHROUD, "shroud")
        .await;
    app.track(&[GONE as i64], ONLY_GONE, "xqc").await;
    for (guild, channel) in [(GONE, GONE_CHANNEL), (STAYS, STAYS_CHANNEL)] {
        let mut config = app.db.guild_config(sf(guild)).await.unwrap().unwrap();
        config.channel_id = Some(sf(channel));
        app.db.save_guild_config(&config, 1).await.unwrap();
    }
    app.discord.add_guild(STAYS, EVERYDAY, BOT_PERMISSIONS);
    for streamer in [SHROUD, ONLY_GONE] {
        subscriptions::ensure(&app.state, &tw(streamer))
            .await
            .unwrap();
    }
    app.twitch.challenges_settled().await;
    (app, clock)
}

/// Waits until the database shows what `check` looks for (the worker runs
/// in the background): polls for the event, as `eventually` does.
async fn until<T, F, Fut>(what: &str, check: F) -> T
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    for _ in 0..400 {
        if let Some(found) = check().await {
            return found;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("never happened: {what}");
}

async fn gone_since(app: &TestApp, guild: u64) -> Option<i64> {
    app.db
        .guild_config(sf(guild))
        .await
        .unwrap()
        .and_then(|c| c.gone_since)
}

/// The route's needs-attention mark, once it has one.
async fn attention(app: &TestApp, guild: u64) -> Option<Attention> {
    let tracked = app
        .db
        .tracked_streamer(sf(guild), &tw(SHROUD))
        .await
        .unwrap();
    tracked.and_then(|t| t.route.needs_attention)
}

/// Subscription ids the Twitch stand-in was asked to delete.
fn deleted_subscriptions(app: &TestApp) -> Vec<String> {
    app.twitch
        .requests("/helix/eventsub/subscriptions")
        .into_iter()
        .filter(|r| r.method == "DELETE")
        .map(|r| r.query.trim_start_matches("id=").to_owned())
        .collect()
}

async fn subscription_ids(app: &TestApp, streamer: &str) -> Vec<String> {
    let mut ids: Vec<String> = app
        .db
        .subscriptions_for(&tw(streamer))
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.subscription_id)
        .collect();
    ids.sort();
    ids
}

fn guild_lookups(app: &TestApp, guild: u64) -> usize {
    app.discord
        .calls("GET", &format!("/guilds/{guild}"))
        .into_iter()
        .filter(|c| c.path == format!("/guilds/{guild}"))
        .count()
}

on_both_backends! {
    async fn a_server_that_removed_the_bot_loses_its_data_after_a_day_and_can_start_again(db) {
        let (app, clock) = two_servers(db).await;
        let marked_at = clock.now_ms();
        // The bot was kicked: its channel answers 50001, the server 404.
        app.discord.fail(&format!("/channels/{GONE_CHANNEL}/messages"), Failure::Code(403, 50001, "Missing Access"));
        assert_eq!(app.twitch_online("m-1", SHROUD, "s-1").await.status(), 204);
        eventually("the other server is told", || app.discord.messages_in(STAYS_CHANNEL).len() == 1).await;
        let since = until("the server is marked gone", || gone_since(&app, GONE)).await;
        assert_eq!(since, marked_at, "confirmed and marked");
        assert_eq!(guild_lookups(&app, GONE), 1, "asked once, by the delivery that failed");
        assert_eq!(guild_lookups(&app, STAYS), 0, "a server that answers is never asked");
        let kept = rows_of_guild(&app.db, sf(GONE)).await;
        let stays = rows_of_guild(&app.db, sf(STAYS)).await;
        let (shroud_subs, only_gone_subs) = (subscription_ids(&app, SHROUD).await, subscription_ids(&app, ONLY_GONE).await);
        assert_eq!((shroud_subs.len(), only_gone_subs.len()), (3, 3));

        // Within the day nothing is deleted (nor is Discord asked again).
        clock.advance(GRACE_MS - 1);
        maintenance::run_once(&app.state).await.unwrap();
        assert_eq!(rows_of_guild(&app.db, sf(GONE)).await, kept);
        assert!(deleted_subscriptions(&app).is_empty());
        assert_eq!(guild_lookups(&app, GONE), 1);

        // A day after: asked once more, still out of reach, everything goes.
        clock.advance(1);
        maintenance::run_once(&app.state).await.unwrap();
        assert_eq!(guild_lookups(&app, GONE), 2);
        let left = rows_of_guild(&app.db, sf(GONE)).await;
        assert!(left.iter().all(|(_, rows)| *rows == 0), "every table with a guild_id: {left:?}");
        assert_eq!(rows_of_guild(&app.db, sf(STAYS)).await, stays, "the other server keeps everything");
        // Released: the streamer only that server followed; kept: shroud.
        let mut deleted = deleted_subscriptions(&app);
        deleted.sort();
        assert_eq!(deleted, only_gone_subs);
        assert!(app.twitch.subscriptions_of(ONLY_GONE).is_empty());
        assert_eq!(subscription_ids(&app, SHROUD).await, shroud_subs);
        assert_eq!(app.twitch.subscriptions_of(SHROUD).len(), 3);
        assert!(subscription_ids(&app, ONLY_GONE).await.is_empty());
        // Nothing left to do on the next run.
        maintenance::run_once(&app.state).await.unwrap();
        assert_eq!(guild_lookups(&app, GONE), 2);

        // The server adds the bot back: it starts clean and /setup works
        // (an instance on the real clock, as interactions are signed now).
        let back = TestApp::start_with(app.db.clone(), app.twitch.clone(), app.discord.clone()).await;
        app.discord.add_guild(GONE, EVERYDAY, BOT_PERMISSIONS);
        app.discord.add_channel(GONE, NEW_CHANNEL, 0, 0);
        let setup = slash(AS_ADMIN, "setup", json!([channel_option("channel", NEW_CHANNEL)]), resolved_channel(NEW_CHANNEL, 0));
        let (status, body) = back.answer(&setup).await;
        assert_eq!(status, 200);
        assert!(body.to_string().contains("✅ Live notifications are set up"), "{body}");
        let config = back.db.guild_config(sf(GONE)).await.unwrap().unwrap();
        assert_eq!((config.channel_id, config.gone_since), (Some(sf(NEW_CHANNEL)), None));
        assert!(back.db.tracked_routes(sf(GONE)).await.unwrap().is_empty(), "no follows from before");
    }

    async fn a_server_that_answers_missing_access_is_marked_too(db) {
        let (app, clock) = two_servers(db).await;
        // Known to Discord, and then the bot is removed from it.
        app.discord.add_guild(GONE, EVERYDAY, BOT_PERMISSIONS);
        app.discord.remove_bot_from(GONE);
        app.discord.fail(&format!("/channels/{GONE_CHANNEL}/messages"), Failure::Code(403, 50001, "Missing Access"));
        app.twitch_online("m-1", SHROUD, "s-1").await;
        let since = until("the server is marked gone", || gone_since(&app, GONE)).await;
        assert_eq!(since, clock.now_ms());
        clock.advance(GRACE_MS);
        maintenance::run_once(&app.state).await.unwrap();
        assert!(rows_of_guild(&app.db, sf(GONE)).await.iter().all(|(_, rows)| *rows == 0));
    }

    async fn a_channel_out_of_reach_in_a_server_that_answers_is_only_that_routes_problem(db) {
        let (app, clock) = two_servers(db).await;
        app.discord.add_guild(GONE, EVERYDAY, BOT_PERMISSIONS);
        app.discord.fail(&format!("/channels/{GONE_CHANNEL}/messages"), Failure::Code(403, 50001, "Missing Access"));
        app.twitch_online("m-1", SHROUD, "s-1").await;
        eventually("the server is asked", || guild_lookups(&app, GONE) == 1).await;
        let route = until("the route needs attention", || attention(&app, GONE)).await;
        assert_eq!(route, Attention::MissingPermissions);
        assert_eq!(gone_since(&app, GONE).await, None, "not marked");
        // A deleted channel is no reason to ask at all.
        app.discord.fail(&format!("/channels/{STAYS_CHANNEL}/messages"), Failure::Code(404, 10003, "Unknown Channel"));
        app.twitch_online("m-2", SHROUD, "s-2").await;
        let stays = until("the other route needs attention", || attention(&app, STAYS)).await;
        assert_eq!(stays, Attention::UnknownChannel);
        assert_eq!(guild_lookups(&app, STAYS), 0);
        clock.advance(GRACE_MS * 2);
        maintenance::run_once(&app.state).await.unwrap();
        assert!(rows_of_guild(&app.db, sf(GONE)).await.iter().any(|(t, n)| t == "guild_streamers" && *n == 2));
    }

    async fn a_server_that_answers_again_within_the_day_keeps_everything(db) {
        let (app, clock) = two_servers(db).await;
        let mark = || app.db.mark_guild_gone(sf(GONE), clock.now_ms());
        // An interaction from the server clears the mark.
        assert!(mark().await.unwrap());
        app.discord.add_guild(GONE, EVERYDAY, BOT_PERMISSIONS);
        app.discord.add_channel(GONE, GONE_CHANNEL, 0, 0);
        let setup = slash(AS_ADMIN, "setup", json!([channel_option("channel", GONE_CHANNEL)]), resolved_channel(GONE_CHANNEL, 0));
        assert_eq!(app.answer(&setup).await.0, 200);
        assert_eq!(gone_since(&app, GONE).await, None);
        // So does a delivery that succeeds.
        assert!(mark().await.unwrap());
        app.twitch_online("m-1", SHROUD, "s-1").await;
        eventually("posted in the server", || app.discord.messages_in(GONE_CHANNEL).len() == 1).await;
        until("a successful delivery clears the mark", || async { gone_since(&app, GONE).await.is_none().then_some(()) }).await;
        // And so does the server answering when the day is up: nothing goes.
        assert!(mark().await.unwrap());
        let kept = rows_of_guild(&app.db, sf(GONE)).await;
        clock.advance(GRACE_MS);
        maintenance::run_once(&app.state).await.unwrap();
        assert_eq!(guild_lookups(&app, GONE), 1);
        assert_eq!(gone_since(&app, GONE).await, None);
        assert_eq!(rows_of_guild(&app.db, sf(GONE)).await, kept);
        assert!(deleted_subscriptions(&app).is_empty());
    }
}
