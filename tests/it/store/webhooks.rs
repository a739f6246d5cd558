//! The channel's webhook: stored once however many deliveries race to
//! create it, replaced only where it is still the deleted one.

use secrecy::ExposeSecret as _;
use streammaxing::store::ChannelWebhook;

use crate::support::db::on_both_backends;
use crate::support::sf;

fn hook(id: i64, token: &str) -> ChannelWebhook {
    ChannelWebhook {
        id: sf(id),
        token: token.to_owned().into(),
    }
}

on_both_backends! {
    async fn a_channel_webhook_is_claimed_once_and_replaced_only_where_it_was(db) {
        db.ensure_guild(sf(1), None, 1).await.unwrap();
        let channel = sf(500);
        assert!(db.channel_webhook(channel).await.unwrap().is_none());
        // Two deliveries that both found none: the first claim wins.
        assert!(db.claim_channel_webhook(sf(1), channel, None, &hook(10, "t-10"), 2).await.unwrap());
        assert!(!db.claim_channel_webhook(sf(1), channel, None, &hook(11, "t-11"), 2).await.unwrap());
        let stored = db.channel_webhook(channel).await.unwrap().unwrap();
        assert_eq!((stored.id, stored.token.expose_secret()), (sf(10), "t-10"));
        // Replacing the deleted one: only where it is still that one.
        assert!(!db.claim_channel_webhook(sf(1), channel, Some(sf(99)), &hook(12, "t-12"), 3).await.unwrap());
        assert!(db.claim_channel_webhook(sf(1), channel, Some(sf(10)), &hook(13, "t-13"), 3).await.unwrap());
        assert!(!db.claim_channel_webhook(sf(1), channel, Some(sf(10)), &hook(14, "t-14"), 3).await.unwrap());
        assert_eq!(db.channel_webhook(channel).await.unwrap().unwrap().id, sf(13));
        // Gone with its server.
        db.remove_guild(sf(1)).await.unwrap();
        assert!(db.channel_webhook(channel).await.unwrap().is_none());
    }
}
