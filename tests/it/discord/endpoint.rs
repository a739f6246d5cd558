//! The interactions and webhook-events endpoints: signatures, PING, and
//! polite answers to anything unexpected.

use ed25519_dalek::Signer;
use serde_json::json;

use crate::support::sf;
use crate::support::{
    app::{TestApp, discord_signing_key},
    db::on_both_backends,
    interactions::{AS_ADMIN, GUILD, slash},
};

on_both_backends! {
    async fn a_signed_ping_gets_a_pong(db) {
        let app = TestApp::start(db).await;
        // The lightest PING Discord sends when the endpoint URL is saved.
        let ping = json!({"application_id": "1300000000000000001", "id": "1600000000000000001", "token": "t", "type": 1, "version": 1});
        let (status, body) = app.interaction(&ping).await;
        assert_eq!((status, body), (200, json!({"type": 1})));
    }

    async fn forged_tampered_and_unsigned_requests_get_401(db) {
        let app = TestApp::start(db).await;
        let body = json!({"type": 1}).to_string();
        let ts = chrono::Utc::now().timestamp().to_string();
        let good = hex::encode(discord_signing_key().sign(format!("{ts}{body}").as_bytes()).to_bytes());
        let forged_key = ed25519_dalek::SigningKey::from_bytes(&[1u8; 32]);
        let forged = hex::encode(forged_key.sign(format!("{ts}{body}").as_bytes()).to_bytes());
        for (case, sig, stamp, payload) in [
            ("forged", forged.as_str(), ts.as_str(), body.clone()),
            ("tampered body", good.as_str(), ts.as_str(), json!({"type": 2}).to_string()),
            ("tampered timestamp", good.as_str(), "1", body.clone()),
            ("malformed signature", "not-hex", ts.as_str(), body.clone()),
            ("empty signature", "", ts.as_str(), body.clone()),
        ] {
            for path in ["/interactions", "/webhooks/discord"] {
                let response = app.post_signed(path, sig, stamp, payload.clone()).await;
                assert_eq!(response.status(), 401, "{case} on {path}");
            }
        }
        let unsigned = reqwest::Client::new().post(format!("{}/interactions", app.url)).body(body).send().await.unwrap();
        assert_eq!(unsigned.status(), 401);
    }

    async fn a_signed_but_malformed_interaction_gets_400_with_a_reason(db) {
        let app = TestApp::start(db).await;
        let (status, body) = app.interaction(&json!({"type": "nonsense"})).await;
        assert_eq!(status, 400);
        assert!(body["error"].as_str().unwrap().starts_with("malformed interaction"), "{body}");
    }

    async fn commands_outside_a_server_get_a_polite_explanation(db) {
        let app = TestApp::start(db).await;
        let mut dm = slash(AS_ADMIN, "setup", json!([]), json!({}));
        dm.as_object_mut().unwrap().remove("guild_id");
        dm.as_object_mut().unwrap().remove("member");
        dm["user"] = json!({"id": "5", "username": "x", "discriminator": "0", "global_name": null, "avatar": null});
        let (status, body) = app.interaction(&dm).await;
        assert_eq!(status, 200);
        assert_eq!(body["data"]["flags"], 64, "ephemeral");
        assert!(body["data"]["content"].as_str().unwrap().contains("inside a server"));
    }

    async fn an_unknown_command_gets_an_ephemeral_reply_not_an_error(db) {
        let app = TestApp::start(db).await;
        let (status, body) = app.interaction(&slash(AS_ADMIN, "frobnicate", json!([]), json!({}))).await;
        assert_eq!(status, 200);
        assert_eq!((body["type"].as_u64(), body["data"]["flags"].as_u64()), (Some(4), Some(64)));
        assert!(body["data"]["content"].as_str().unwrap().contains("/frobnicate"));
    }

    async fn webhook_events_record_a_new_guild_install(db) {
        let app = TestApp::start(db).await;
        let sign = |body: &str| {
            let ts = chrono::Utc::now().timestamp().to_string();
            (hex::encode(discord_signing_key().sign(format!("{ts}{body}").as_bytes()).to_bytes()), ts)
        };
        let ping = json!({"version": 1, "application_id": "1", "type": 0}).to_string();
        let (sig, ts) = sign(&ping);
        assert_eq!(app.post_signed("/webhooks/discord", &sig, &ts, ping).await.status(), 204);
        let install = json!({"version": 1, "application_id": "1", "type": 1, "event": {
            "type": "APPLICATION_AUTHORIZED", "timestamp": "2026-11-26T12:00:00.000000+00:00",
            "data": {"integration_type": 0, "scopes": ["applications.commands", "bot"],
                "user": {"id": "5", "username": "admin", "discriminator": "0", "global_name": null, "avatar": null},
                "guild": {"id": GUILD.to_string(), "name": "Cozy Streams"}}
        }}).to_string();
        let (sig, ts) = sign(&install);
        assert_eq!(app.post_signed("/webhooks/discord", &sig, &ts, install).await.status(), 204);
        let config = app.db.guild_config(sf(GUILD)).await.unwrap().expect("guild recorded with a default config");
        assert_eq!((config.channel_id, config.enabled), (None, true));
        let other = json!({"version": 1, "application_id": "1", "type": 1, "event": {"type": "ENTITLEMENT_CREATE", "data": {}}}).to_string();
        let (sig, ts) = sign(&other);
        assert_eq!(app.post_signed("/webhooks/discord", &sig, &ts, other).await.status(), 204);
    }
}
