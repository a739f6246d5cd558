use std::collections::HashSet;

use streammaxing::store::{Claim, Lease, NewStreamer, OutboxState, Step, Transition};

use crate::support::db::{TestDb, on_both_backends};
use crate::support::sf;
use crate::support::tw;

const STREAMER: &str = "37402112";

/// `guilds` guilds tracking one streamer, all with notifications enabled.
async fn tracked_by(db: &TestDb, guilds: i64) {
    let streamer = NewStreamer {
        twitch_id: &tw(STREAMER),
        login: "shroud",
        display_name: "shroud",
        avatar_url: None,
    };
    db.upsert_streamer(&streamer, 1).await.unwrap();
    for guild in 1..=guilds {
        db.ensure_guild(sf(guild), None, 1).await.unwrap();
        db.track_streamer(sf(guild), &tw(STREAMER), None, 1)
            .await
            .unwrap();
    }
}

on_both_backends! {
    async fn going_live_queues_one_row_per_enabled_guild_once(db) {
        tracked_by(&db, 3).await;
        let mut config = db.guild_config(sf(3)).await.unwrap().unwrap();
        config.enabled = false;
        db.save_guild_config(&config, 1).await.unwrap();
        assert_eq!(db.enqueue_stream_online(&tw(STREAMER), "stream-1", 100, 100).await.unwrap(), 2);
        assert_eq!(db.enqueue_stream_online(&tw(STREAMER), "stream-1", 200, 200).await.unwrap(), 0, "a resend queues nothing");
        assert_eq!(db.enqueue_stream_online(&tw(STREAMER), "stream-2", 300, 300).await.unwrap(), 2, "a new stream does");
        let row = db.notification(sf(1), "stream-1").await.unwrap().unwrap();
        assert_eq!((row.state, row.attempts, row.next_attempt_at, row.created_at), (OutboxState::Pending, 0, 100, 100));
        assert_eq!(db.notification(sf(3), "stream-1").await.unwrap(), None);
        assert_eq!(db.oldest_pending_notification().await.unwrap(), Some(100));
    }

    async fn claimed_rows_are_leased_and_reclaimed_after_the_lease(db) {
        tracked_by(&db, 2).await;
        db.enqueue_stream_online(&tw(STREAMER), "s", 100, 100).await.unwrap();
        let claimed = db.claim_due_notifications("worker-a", 100, 30_000, 10).await.unwrap();
        assert_eq!(claimed.len(), 2);
        assert!(claimed.iter().all(|r| r.attempts == 1 && r.lease_owner.as_deref() == Some("worker-a") && r.lease_until == Some(30_100)));
        assert!(db.claim_due_notifications("worker-b", 20_000, 30_000, 10).await.unwrap().is_empty(), "leased rows are not handed out twice");
        // worker-a died: after the lease another worker gets the rows.
        let reclaimed = db.claim_due_notifications("worker-b", 30_100, 30_000, 10).await.unwrap();
        assert_eq!(reclaimed.len(), 2);
        assert!(reclaimed.iter().all(|r| r.attempts == 2));
        assert!(!db.release(&Lease::new(reclaimed[0].id, "worker-a"), &Transition::Sent { channel_id: sf(7), message_id: sf(8), refresh_at: None, webhook_id: None }, 30_200).await.unwrap(), "a lost lease cannot complete");
    }

    async fn claims_respect_the_limit_and_due_time(db) {
        tracked_by(&db, 5).await;
        db.enqueue_stream_online(&tw(STREAMER), "s", 100, 100).await.unwrap();
        assert!(db.claim_due_notifications("w", 99, 1_000, 10).await.unwrap().is_empty(), "not due yet");
        assert_eq!(db.claim_due_notifications("w", 100, 1_000, 3).await.unwrap().len(), 3);
        assert_eq!(db.claim_due_notifications("w", 100, 1_000, 3).await.unwrap().len(), 2);
    }

    async fn sent_rows_keep_their_message_and_leave_the_queue(db) {
        tracked_by(&db, 1).await;
        db.enqueue_stream_online(&tw(STREAMER), "s", 100, 100).await.unwrap();
        let row = db.claim_due_notifications("w", 100, 1_000, 10).await.unwrap().remove(0);
        assert!(db.release(&Lease::new(row.id, "w"), &Transition::Sent { channel_id: sf(555), message_id: sf(666), refresh_at: None, webhook_id: None }, 150).await.unwrap());
        assert!(!db.release(&Lease::new(row.id, "w"), &Transition::Sent { channel_id: sf(555), message_id: sf(667), refresh_at: None, webhook_id: None }, 160).await.unwrap(), "only once");
        let row = db.notification(sf(1), "s").await.unwrap().unwrap();
        assert_eq!((row.state, row.channel_id, row.message_id, row.sent_at, row.lease_owner), (OutboxState::Sent, Some(sf(555)), Some(sf(666)), Some(150), None));
        assert!(db.claim_due_notifications("w", 10_000, 1_000, 10).await.unwrap().is_empty());
        assert_eq!(db.oldest_pending_notification().await.unwrap(), None);
    }

    async fn retries_wait_until_their_time(db) {
        tracked_by(&db, 1).await;
        db.enqueue_stream_online(&tw(STREAMER), "s", 100, 100).await.unwrap();
        let row = db.claim_due_notifications("w", 100, 1_000, 10).await.unwrap().remove(0);
        assert!(db.release(&Lease::new(row.id, "w"), &Transition::Retry { at: 5_000, error: "Discord 502".into() }, 200).await.unwrap());
        assert!(db.claim_due_notifications("w", 4_999, 1_000, 10).await.unwrap().is_empty());
        let again = db.claim_due_notifications("w", 5_000, 1_000, 10).await.unwrap();
        assert_eq!((again.len(), again[0].attempts, again[0].last_error.as_deref()), (1, 2, Some("Discord 502")));
    }

    async fn permanent_failures_end_the_row(db) {
        tracked_by(&db, 2).await;
        db.enqueue_stream_online(&tw(STREAMER), "s", 100, 100).await.unwrap();
        let rows = db.claim_due_notifications("w", 100, 1_000, 10).await.unwrap();
        assert!(db.release(&Lease::new(rows[0].id, "w"), &Transition::Unsent { state: OutboxState::Failed, reason: "50013 Missing Permissions".into() }, 200).await.unwrap());
        assert!(db.release(&Lease::new(rows[1].id, "w"), &Transition::Unsent { state: OutboxState::Skipped, reason: "notifications off".into() }, 200).await.unwrap());
        assert!(db.claim_due_notifications("w", 100_000, 1_000, 10).await.unwrap().is_empty());
        let failed = db.notification(rows[0].guild_id, "s").await.unwrap().unwrap();
        assert_eq!((failed.state, failed.last_error.as_deref()), (OutboxState::Failed, Some("50013 Missing Permissions")));
    }

    async fn a_title_change_during_a_refresh_edit_is_kept_for_a_minute_later(db) {
        tracked_by(&db, 1).await;
        db.enqueue_stream_online(&tw(STREAMER), "s", 100, 100).await.unwrap();
        let row = db.claim_due_notifications("w", 100, 1_000, 10).await.unwrap().remove(0);
        let sent = Transition::Sent { channel_id: sf(5), message_id: sf(6), refresh_at: None, webhook_id: None };
        db.release(&Lease::new(row.id, "w"), &sent, 150).await.unwrap();
        let id = tw(STREAMER);
        let update = |title| streammaxing::store::StreamEvent::Updated { twitch_id: &id, title, game_id: "516575", game_name: "Valorant" };
        db.apply_stream_event("m-1", 200, &update("first"), 200).await.unwrap();
        let refresh = db.claim_due_notifications("w", 200, 1_000, 10).await.unwrap().remove(0);
        assert_eq!(refresh.refresh_due_at, Some(200));
        // The title changes again while the edit for the first change is out.
        db.apply_stream_event("m-2", 210, &update("second"), 210).await.unwrap();
        let refreshed = Transition::Refreshed { claimed_due: refresh.refresh_due_at, next: None };
        assert!(db.release(&Lease::new(refresh.id, "w"), &refreshed, 220).await.unwrap());
        let row = db.notification(sf(1), "s").await.unwrap().unwrap();
        assert_eq!((row.edited_at, row.refresh_due_at, row.next_attempt_at), (Some(220), Some(60_220), 60_220), "the second change is edited in a minute after the first");
        assert!(db.claim_due_notifications("w", 60_219, 1_000, 10).await.unwrap().is_empty());
        let again = db.claim_due_notifications("w", 60_220, 1_000, 10).await.unwrap().remove(0);
        let refreshed = Transition::Refreshed { claimed_due: again.refresh_due_at, next: None };
        db.release(&Lease::new(again.id, "w"), &refreshed, 60_230).await.unwrap();
        let row = db.notification(sf(1), "s").await.unwrap().unwrap();
        assert_eq!((row.edited_at, row.refresh_due_at), (Some(60_230), None), "nothing newer: done");
    }

    async fn a_sent_message_is_refreshed_on_schedule_and_posts_are_claimed_apart(db) {
        tracked_by(&db, 2).await;
        db.enqueue_stream_online(&tw(STREAMER), "s", 100, 100).await.unwrap();
        let rows = db.claim_due_notifications("w", 100, 1_000, 10).await.unwrap();
        let sent = Transition::Sent { channel_id: sf(5), message_id: sf(6), refresh_at: Some(300_100), webhook_id: None };
        db.release(&Lease::new(rows[0].id, "w"), &sent, 100).await.unwrap();
        db.release(&Lease::new(rows[1].id, "w"), &Transition::Retry { at: 300_100, error: "502".into() }, 100).await.unwrap();
        let row = db.notification(sf(1), "s").await.unwrap().unwrap();
        assert_eq!((row.refresh_due_at, row.next_attempt_at), (Some(300_100), 300_100), "first refresh scheduled");
        assert!(db.claim_due_notifications("w", 300_099, 1_000, 10).await.unwrap().is_empty());
        // Both come due together: a post and a refresh are claimed apart.
        let urgent = db.claim_due(Claim::Urgent, "w", 300_100, 1_000, 10).await.unwrap();
        assert_eq!(urgent.iter().map(|r| r.step()).collect::<Vec<_>>(), [Step::Announce]);
        let refresh = db.claim_due(Claim::Refreshes, "w", 300_100, 1_000, 10).await.unwrap();
        assert_eq!(refresh.iter().map(|r| r.step()).collect::<Vec<_>>(), [Step::Refresh]);
        let refreshed = Transition::Refreshed { claimed_due: refresh[0].refresh_due_at, next: Some(900_200) };
        assert!(db.release(&Lease::new(refresh[0].id, "w"), &refreshed, 300_200).await.unwrap());
        let row = db.notification(sf(1), "s").await.unwrap().unwrap();
        assert_eq!((row.edited_at, row.refresh_due_at, row.next_attempt_at, row.attempts), (Some(300_200), Some(900_200), 900_200, 0), "the next one, with fresh attempts");
        // The stream ends while a refresh is out: the end edit stays due at once.
        let again = db.claim_due(Claim::Refreshes, "w", 900_200, 1_000, 10).await.unwrap().remove(0);
        let id = tw(STREAMER);
        db.apply_stream_event("m-off", 900_210, &streammaxing::store::StreamEvent::Offline { twitch_id: &id }, 900_210).await.unwrap();
        let refreshed = Transition::Refreshed { claimed_due: again.refresh_due_at, next: Some(1_500_300) };
        db.release(&Lease::new(again.id, "w"), &refreshed, 900_300).await.unwrap();
        let ending = db.claim_due(Claim::Urgent, "w", 900_300, 1_000, 10).await.unwrap();
        let ended = ending.iter().find(|r| r.id == again.id).map(|r| r.step());
        assert_eq!(ended, Some(Step::End));
    }

    async fn a_resumed_message_drops_its_pending_end_edit_unless_a_worker_holds_it(db) {
        tracked_by(&db, 2).await;
        db.enqueue_stream_online(&tw(STREAMER), "s-1", 100, 100).await.unwrap();
        for row in db.claim_due_notifications("w", 100, 1_000, 10).await.unwrap() {
            let sent = Transition::Sent { channel_id: sf(5), message_id: sf(row.id), refresh_at: None, webhook_id: None };
            db.release(&Lease::new(row.id, "w"), &sent, 150).await.unwrap();
        }
        db.apply_stream_event("m-off", 200, &streammaxing::store::StreamEvent::Offline { twitch_id: &tw(STREAMER) }, 200).await.unwrap();
        // Guild 2's end edit is being worked on; guild 1's still waits.
        let ending = db.claim_due_notifications("w", 210, 1_000, 10).await.unwrap();
        let guild_2 = ending.iter().find(|r| r.guild_id == sf(2)).unwrap().id;
        let guild_1 = ending.iter().find(|r| r.guild_id == sf(1)).unwrap().id;
        db.release(&Lease::new(guild_1, "w"), &Transition::Retry { at: 5_000, error: "502".into() }, 220).await.unwrap();
        assert!(db.settle_resumed(guild_1, 230).await.unwrap(), "nobody holds guild 1's row: its end edit is dropped");
        assert!(!db.settle_resumed(guild_2, 230).await.unwrap(), "a worker holds guild 2's row: left to it");
        let row = db.notification(sf(1), "s-1").await.unwrap().unwrap();
        assert_eq!(row.end_state, Some(streammaxing::store::EndState::Done));
        assert!(db.claim_due_notifications("w", 5_000, 1_000, 10).await.unwrap().iter().all(|r| r.id != guild_1), "no end edit left for guild 1");
    }

    async fn old_finished_notifications_are_forgotten_and_unfinished_ones_kept(db) {
        tracked_by(&db, 3).await;
        db.enqueue_stream_online(&tw(STREAMER), "old", 100, 100).await.unwrap();
        let rows = db.claim_due_notifications("w", 100, 1_000, 10).await.unwrap();
        let by_guild = |g: i64| rows.iter().find(|r| r.guild_id == sf(g)).unwrap().id;
        db.release(&Lease::new(by_guild(1), "w"), &Transition::Sent { channel_id: sf(5), message_id: sf(6), refresh_at: None, webhook_id: None }, 150).await.unwrap();
        db.release(&Lease::new(by_guild(2), "w"), &Transition::Sent { channel_id: sf(5), message_id: sf(7), refresh_at: None, webhook_id: None }, 150).await.unwrap();
        // Guild 3's notification is still pending (released for a retry).
        db.release(&Lease::new(by_guild(3), "w"), &Transition::Retry { at: 10_000, error: "502".into() }, 150).await.unwrap();
        // The stream ended: guild 1's end edit is done, guild 2's still due.
        db.apply_stream_event("m-off", 160, &streammaxing::store::StreamEvent::Offline { twitch_id: &tw(STREAMER) }, 160).await.unwrap();
        let ended = db.claim_due_notifications("w2", 170, 1_000, 10).await.unwrap();
        let guild_1 = ended.iter().find(|r| r.guild_id == sf(1)).unwrap().id;
        db.release(&Lease::new(guild_1, "w2"), &Transition::Ended, 180).await.unwrap();
        db.enqueue_stream_online(&tw(STREAMER), "new", 5_000, 5_000).await.unwrap();
        assert_eq!(db.forget_notifications_before(1_000).await.unwrap(), 1, "only guild 1's finished row");
        assert_eq!(db.notification(sf(1), "old").await.unwrap(), None);
        assert!(db.notification(sf(2), "old").await.unwrap().is_some(), "its end edit is still due");
        assert!(db.notification(sf(3), "old").await.unwrap().is_some(), "still pending");
        assert!(db.notification(sf(1), "new").await.unwrap().is_some(), "recent rows stay");
    }

    async fn the_last_post_per_streamer_comes_in_one_query(db) {
        tracked_by(&db, 2).await;
        assert!(db.last_notifications_sent(sf(1)).await.unwrap().is_empty());
        for (stream, at) in [("s1", 100), ("s2", 200)] {
            db.enqueue_stream_online(&tw(STREAMER), stream, at, at).await.unwrap();
            for row in db.claim_due_notifications("w", at, 1_000, 10).await.unwrap() {
                db.release(&Lease::new(row.id, "w"), &Transition::Sent { channel_id: sf(5), message_id: sf(row.id), refresh_at: None, webhook_id: None }, at + 5).await.unwrap();
            }
        }
        let route = db.tracked_streamer(sf(1), &tw(STREAMER)).await.unwrap().unwrap().route.id;
        assert_eq!(db.last_notifications_sent(sf(1)).await.unwrap(), [(route, 205)]);
    }

    async fn concurrent_workers_never_claim_the_same_row(db) {
        tracked_by(&db, 60).await;
        db.enqueue_stream_online(&tw(STREAMER), "s", 100, 100).await.unwrap();
        let workers = (0..4).map(|w| {
            let db = db.db.clone();
            tokio::spawn(async move {
                let mut mine = Vec::new();
                loop {
                    let batch = db.claim_due_notifications(&format!("w{w}"), 100, 60_000, 7).await.unwrap();
                    if batch.is_empty() { break mine; }
                    mine.extend(batch.into_iter().map(|r| r.id));
                }
            })
        });
        let mut all = Vec::new();
        for worker in workers {
            all.extend(worker.await.unwrap());
        }
        let unique: HashSet<_> = all.iter().collect();
        assert_eq!((all.len(), unique.len()), (60, 60), "every row claimed exactly once");
    }
}
