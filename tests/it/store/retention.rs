//! What is deleted once no server follows a streamer: the streamer's
//! profile a day later, and members' /notify choices at once.

use streammaxing::{
    maintenance::KEEP_UNFOLLOWED_STREAMERS_MS as DAY,
    store::{NewStreamer, Subscription},
};

use crate::support::db::{TestDb, on_both_backends};
use crate::support::sf;
use crate::support::tw;

async fn streamer(db: &TestDb, id: &str, now: i64) {
    let profile = NewStreamer {
        twitch_id: &tw(id),
        login: id,
        display_name: id,
        avatar_url: None,
    };
    db.upsert_streamer(&profile, now).await.unwrap();
}

async fn exists(db: &TestDb, id: &str) -> bool {
    db.streamer(&tw(id)).await.unwrap().is_some()
}

async fn choices(db: &TestDb, guild: i64, member: i64) -> Vec<String> {
    db.notify_preferences(sf(guild), sf(member))
        .await
        .unwrap()
        .into_iter()
        .map(|(id, _)| id.to_string())
        .collect()
}

on_both_backends! {
    async fn a_streamer_no_server_follows_is_forgotten_a_day_after_the_last_unfollow(db) {
        for guild in [1, 2] {
            db.ensure_guild(sf(guild), None, 1).await.unwrap();
        }
        // Followed long ago by two servers, the profile unchanged since.
        streamer(&db, "100", 1).await;
        db.track_streamer(sf(1), &tw("100"), None, 1).await.unwrap();
        db.track_streamer(sf(2), &tw("100"), None, 1).await.unwrap();
        // Never followed, and a day old.
        streamer(&db, "200", 1).await;
        let t = 10 * DAY;
        db.untrack_streamer(sf(1), &tw("100"), t).await.unwrap();
        assert_eq!(db.forget_unfollowed_streamers(t + DAY).await.unwrap(), 1, "only the one nobody ever followed");
        assert!(exists(&db, "100").await, "a server still follows it");
        assert!(!exists(&db, "200").await);

        // The last server stops following: kept for a day from then.
        let (removed, unfollowed) = db.remove_route(db.tracked_routes(sf(2)).await.unwrap()[0].route.id, t + 5).await.unwrap();
        assert!(removed && unfollowed);
        assert_eq!(db.forget_unfollowed_streamers(t + 5 - DAY + DAY / 2).await.unwrap(), 0);
        assert!(exists(&db, "100").await, "within the day");
        assert_eq!(db.forget_unfollowed_streamers(t + 6).await.unwrap(), 1);
        assert!(!exists(&db, "100").await, "a day after the unfollow");
    }

    async fn a_follow_keeps_a_stale_profile_from_being_swept_and_subscriptions_keep_it_too(db) {
        db.ensure_guild(sf(1), None, 1).await.unwrap();
        // Unfollowed and unchanged for days: due for deletion…
        streamer(&db, "300", 1).await;
        // …when a server follows it again (without fetching the profile
        // anew): the follow itself marks the row, so the sweep keeps it.
        let t = 10 * DAY;
        db.track_streamer(sf(1), &tw("300"), None, t).await.unwrap();
        db.untrack_streamer(sf(1), &tw("300"), t).await.unwrap();
        assert_eq!(db.forget_unfollowed_streamers(t).await.unwrap(), 0);
        assert!(exists(&db, "300").await);

        // An EventSub subscription not deleted yet keeps the profile.
        streamer(&db, "400", 1).await;
        db.upsert_subscription(&Subscription {
            subscription_id: "sub-400".into(),
            twitch_id: "400".into(),
            sub_type: "stream.online".into(),
            version: "1".into(),
            status: "enabled".into(),
            cost: 1,
            revoked_reason: None,
            resubscribe_at: None,
            created_at: 1,
            updated_at: 1,
        }).await.unwrap();
        assert_eq!(db.forget_unfollowed_streamers(t + 2 * DAY).await.unwrap(), 1, "300 only");
        assert!(exists(&db, "400").await);
        assert!(!exists(&db, "300").await);
    }

    async fn members_choices_go_when_their_server_stops_following_the_streamer(db) {
        for guild in [1, 2] {
            db.ensure_guild(sf(guild), None, 1).await.unwrap();
        }
        for id in ["100", "200"] {
            streamer(&db, id, 1).await;
            for guild in [1, 2] {
                db.track_streamer(sf(guild), &tw(id), None, 1).await.unwrap();
            }
        }
        for (guild, member, id) in [(1, 7, "100"), (1, 7, "200"), (1, 8, "100"), (2, 7, "100")] {
            db.set_notify_preference(sf(guild), sf(member), &tw(id), true, 2).await.unwrap();
        }
        // Server 1 stops following 100 (its one route goes).
        let route = db.streamer_routes(sf(1), &tw("100")).await.unwrap()[0].route.id;
        db.remove_route(route, 3).await.unwrap();
        assert_eq!(choices(&db, 1, 7).await, ["200"]);
        assert!(choices(&db, 1, 8).await.is_empty());
        assert_eq!(choices(&db, 2, 7).await, ["100"], "another server's choices stay");
        // And through /streamers remove's other path.
        db.untrack_streamer(sf(2), &tw("100"), 4).await.unwrap();
        assert!(choices(&db, 2, 7).await.is_empty());

        // A choice saved while its server was unfollowing goes with the
        // next maintenance run; choices about followed streamers stay.
        db.set_notify_preference(sf(2), sf(9), &tw("100"), true, 5).await.unwrap();
        assert_eq!(db.forget_unfollowed_preferences().await.unwrap(), 1);
        assert!(choices(&db, 2, 9).await.is_empty());
        assert_eq!(choices(&db, 1, 7).await, ["200"]);
    }

    async fn the_minutely_maintenance_forgets_both(db) {
        db.ensure_guild(sf(1), None, 1).await.unwrap();
        streamer(&db, "100", 1).await;
        streamer(&db, "200", 1).await;
        db.track_streamer(sf(1), &tw("200"), None, 1).await.unwrap();
        db.set_notify_preference(sf(1), sf(7), &tw("200"), true, 1).await.unwrap();
        db.set_notify_preference(sf(1), sf(7), &tw("100"), true, 1).await.unwrap();
        let state = crate::support::http::state(&db, &[]);
        streammaxing::maintenance::run_once(&state).await.unwrap();
        assert!(!exists(&db, "100").await, "unfollowed for more than a day");
        assert!(exists(&db, "200").await, "followed");
        assert_eq!(choices(&db, 1, 7).await, ["200"]);
    }
}
