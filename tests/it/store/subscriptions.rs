use streammaxing::store::Subscription;

use crate::support::db::on_both_backends;
use crate::support::sf;
use crate::support::tw;

fn online(id: &str, status: &str) -> Subscription {
    Subscription {
        subscription_id: id.into(),
        twitch_id: "37402112".into(),
        sub_type: "stream.online".into(),
        version: "1".into(),
        status: status.into(),
        cost: 1,
        revoked_reason: None,
        resubscribe_at: None,
        created_at: 10,
        updated_at: 10,
    }
}

on_both_backends! {
    async fn subscriptions_are_recorded_and_updated(db) {
        db.upsert_subscription(&online("sub-1", "webhook_callback_verification_pending")).await.unwrap();
        let offline = Subscription { subscription_id: "sub-2".into(), sub_type: "stream.offline".into(), ..online("", "enabled") };
        db.upsert_subscription(&offline).await.unwrap();
        assert!(db.set_subscription_status("sub-1", "enabled", 20).await.unwrap());
        assert!(!db.set_subscription_status("nope", "enabled", 20).await.unwrap());
        let subs = db.subscriptions_for(&tw("37402112")).await.unwrap();
        assert_eq!(subs.len(), 2);
        assert_eq!((subs[0].sub_type.as_ref(), subs[1].sub_type.as_ref()), ("stream.offline", "stream.online"));
        assert_eq!((subs[1].status.as_ref(), subs[1].updated_at), ("enabled", 20));
        assert_eq!(db.all_subscriptions().await.unwrap(), subs);
    }

    async fn a_new_subscription_of_the_same_type_replaces_the_old_one(db) {
        db.upsert_subscription(&online("sub-1", "enabled")).await.unwrap();
        db.upsert_subscription(&online("sub-9", "webhook_callback_verification_pending")).await.unwrap();
        let subs = db.subscriptions_for(&tw("37402112")).await.unwrap();
        assert_eq!(subs.len(), 1);
        assert_eq!(subs[0].subscription_id, "sub-9");
    }

    async fn revocation_records_the_reason_and_when_to_resubscribe(db) {
        db.upsert_subscription(&online("sub-1", "enabled")).await.unwrap();
        let revoked = db
            .mark_subscription_revoked("sub-1", "notification_failures_exceeded", Some(99), 50)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(revoked.status.as_ref(), "notification_failures_exceeded");
        assert_eq!(revoked.revoked_reason.as_deref(), Some("notification_failures_exceeded"));
        assert_eq!((revoked.resubscribe_at, revoked.updated_at), (Some(99), 50));
        assert_eq!(db.mark_subscription_revoked("nope", "user_removed", None, 50).await.unwrap(), None);
    }

    async fn revoked_subscriptions_come_due_for_resubscribing(db) {
        db.upsert_subscription(&online("sub-1", "enabled")).await.unwrap();
        let offline = Subscription { subscription_id: "sub-2".into(), sub_type: "stream.offline".into(), ..online("", "enabled") };
        db.upsert_subscription(&offline).await.unwrap();
        db.mark_subscription_revoked("sub-1", "notification_failures_exceeded", Some(1_000), 50).await.unwrap();
        db.mark_subscription_revoked("sub-2", "user_removed", None, 50).await.unwrap();
        assert!(db.subscriptions_due_for_resubscribe(999).await.unwrap().is_empty());
        let due = db.subscriptions_due_for_resubscribe(1_000).await.unwrap();
        assert_eq!(due.iter().map(|s| s.subscription_id.as_str()).collect::<Vec<_>>(), ["sub-1"]);
    }

    async fn a_late_pending_answer_does_not_undo_an_answered_challenge(db) {
        db.upsert_subscription(&online("sub-1", "enabled")).await.unwrap();
        db.upsert_subscription(&online("sub-1", "webhook_callback_verification_pending")).await.unwrap();
        assert_eq!(db.subscriptions_for(&tw("37402112")).await.unwrap()[0].status.as_ref(), "enabled");
        db.upsert_subscription(&online("sub-1", "notification_failures_exceeded")).await.unwrap();
        assert_eq!(db.subscriptions_for(&tw("37402112")).await.unwrap()[0].status.as_ref(), "notification_failures_exceeded");
    }

    async fn a_confirmed_subscription_is_recorded_only_while_tracked(db) {
        db.upsert_streamer(&streammaxing::store::NewStreamer { twitch_id: &tw("37402112"), login: "shroud", display_name: "shroud", avatar_url: None }, 1).await.unwrap();
        assert!(!db.record_confirmed_subscription(&online("sub-1", "webhook_callback_verification_pending")).await.unwrap(), "nobody tracks them");
        assert!(db.subscriptions_for(&tw("37402112")).await.unwrap().is_empty());
        db.ensure_guild(sf(1), None, 1).await.unwrap();
        db.track_streamer(sf(1), &tw("37402112"), None, 1).await.unwrap();
        assert!(db.record_confirmed_subscription(&online("sub-1", "webhook_callback_verification_pending")).await.unwrap());
        assert_eq!(db.subscriptions_for(&tw("37402112")).await.unwrap()[0].status.as_ref(), "enabled");
        db.upsert_subscription(&online("sub-1", "webhook_callback_verification_pending")).await.unwrap();
        assert_eq!(db.subscriptions_for(&tw("37402112")).await.unwrap()[0].status.as_ref(), "enabled", "a late 202 doesn't undo it");
    }

    async fn a_guilds_subscriptions_come_in_one_query(db) {
        for (guild, id) in [(1, "37402112"), (2, "999")] {
            db.upsert_streamer(&streammaxing::store::NewStreamer { twitch_id: &tw(id), login: id, display_name: id, avatar_url: None }, 1).await.unwrap();
            db.ensure_guild(sf(guild), None, 1).await.unwrap();
            db.track_streamer(sf(guild), &tw(id), None, 1).await.unwrap();
        }
        db.upsert_subscription(&online("sub-1", "enabled")).await.unwrap();
        db.upsert_subscription(&Subscription { subscription_id: "sub-2".into(), twitch_id: "999".into(), ..online("", "enabled") }).await.unwrap();
        let ids: Vec<String> = db.guild_subscriptions(sf(1)).await.unwrap().into_iter().map(|s| s.subscription_id).collect();
        assert_eq!(ids, ["sub-1"], "only this guild's streamers");
    }

    async fn deleted_subscriptions_are_gone(db) {
        db.upsert_subscription(&online("sub-1", "enabled")).await.unwrap();
        assert!(db.delete_subscription("sub-1").await.unwrap());
        assert!(!db.delete_subscription("sub-1").await.unwrap());
        assert!(db.subscriptions_for(&tw("37402112")).await.unwrap().is_empty());
    }
}
