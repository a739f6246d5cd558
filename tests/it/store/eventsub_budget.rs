//! Twitch's EventSub budget as last reported, refusals and superseded
//! subscriptions.

use streammaxing::store::{NewStreamer, Superseded};

use crate::support::db::on_both_backends;
use crate::support::{sf, tw};

on_both_backends! {
    async fn the_budget_keeps_twitchs_numbers_and_when_room_last_grew(db) {
        assert_eq!(db.budget().await.unwrap(), None, "nothing reported yet");
        db.record_budget(3, 3, 10, 100).await.unwrap();
        let b = db.budget().await.unwrap().unwrap();
        assert_eq!((b.total, b.total_cost, b.max_total_cost, b.observed_at, b.freed_at), (3, 3, 10, 100, 100));
        assert!(b.fits(7) && !b.fits(8) && b.fits(0));
        assert_eq!(b.room(), 7);
        // Less room: observed, but not freed.
        db.record_budget(5, 5, 10, 200).await.unwrap();
        let b = db.budget().await.unwrap().unwrap();
        assert_eq!((b.total_cost, b.observed_at, b.freed_at), (5, 200, 100));
        // A report asked for before the last one changes nothing.
        db.record_budget(1, 1, 10, 150).await.unwrap();
        assert_eq!(db.budget().await.unwrap().unwrap().total_cost, 5);
        // A higher maximum frees room.
        db.record_budget(5, 5, 20, 300).await.unwrap();
        assert_eq!(db.budget().await.unwrap().unwrap().freed_at, 300);
        // A deletion counts down and frees room; a free one frees nothing.
        db.budget_released(1, 400).await.unwrap();
        let b = db.budget().await.unwrap().unwrap();
        assert_eq!((b.total, b.total_cost, b.freed_at), (4, 4, 400));
        db.record_budget(5, 5, 20, 350).await.unwrap();
        assert_eq!(db.budget().await.unwrap().unwrap().total_cost, 4, "asked before the deletion");
        db.budget_released(0, 500).await.unwrap();
        let b = db.budget().await.unwrap().unwrap();
        assert_eq!((b.total, b.total_cost, b.freed_at), (3, 4, 400));
        db.budget_released(99, 600).await.unwrap();
        assert_eq!(db.budget().await.unwrap().unwrap().total_cost, 0, "never below zero");
    }

    async fn a_refusal_is_news_once_and_goes_when_cleared(db) {
        let poki = tw("44445592");
        assert!(db.record_refusal(&poki, "budget full", 10).await.unwrap());
        assert!(!db.record_refusal(&poki, "still full", 20).await.unwrap(), "already waiting");
        let r = db.refusal(&poki).await.unwrap().unwrap();
        assert_eq!((r.refused_at, r.message.as_str()), (20, "still full"));
        assert_eq!(db.refusals().await.unwrap(), [r]);
        assert!(db.clear_refusal(&poki).await.unwrap());
        assert!(!db.clear_refusal(&poki).await.unwrap());
        assert!(db.refusal(&poki).await.unwrap().is_none());
    }

    async fn followed_streamers_are_counted_linked_or_not(db) {
        assert_eq!(db.followed_streamer_counts().await.unwrap(), (0, 0));
        db.ensure_guild(sf(1), None, 1).await.unwrap();
        for id in ["1", "2", "3"] {
            db.upsert_streamer(&NewStreamer { twitch_id: &tw(id), login: id, display_name: id, avatar_url: None }, 1).await.unwrap();
        }
        db.track_streamer(sf(1), &tw("1"), None, 1).await.unwrap();
        db.track_streamer(sf(1), &tw("2"), None, 1).await.unwrap();
        db.set_streamer_linked(&tw("2"), true, 2).await.unwrap();
        db.set_streamer_linked(&tw("3"), true, 2).await.unwrap();
        assert_eq!(db.followed_streamer_counts().await.unwrap(), (2, 1), "3 is linked but followed nowhere");
    }

    async fn superseded_subscriptions_are_listed_until_forgotten(db) {
        let old = |id: &str, who: &str| Superseded {
            subscription_id: id.into(),
            twitch_id: tw(who),
            replaced_by: format!("new-{id}"),
            cost: 1,
            created_at: 10,
        };
        db.record_superseded(&old("a", "1")).await.unwrap();
        db.record_superseded(&old("b", "2")).await.unwrap();
        db.record_superseded(&old("a", "1")).await.unwrap();
        assert_eq!(db.superseded(None).await.unwrap(), [old("a", "1"), old("b", "2")]);
        assert_eq!(db.superseded(Some(&tw("2"))).await.unwrap(), [old("b", "2")]);
        assert!(db.forget_superseded("a").await.unwrap());
        assert!(!db.forget_superseded("a").await.unwrap());
        assert_eq!(db.superseded(None).await.unwrap(), [old("b", "2")]);
    }
}
