//! EventSub message verification: HMAC-SHA256 over message id ‖ timestamp ‖
//! raw body, sent as `sha256=<lowercase hex>`, compared in constant time.

use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Twitch asks receivers to drop messages older than this.
pub const REPLAY_WINDOW_MS: i64 = 10 * 60 * 1000;

/// Does `signature` (the `Twitch-Eventsub-Message-Signature` header) sign
/// this message with `secret`? Uses the header strings exactly as received.
pub fn is_valid(
    secret: &[u8],
    message_id: &str,
    timestamp: &str,
    body: &[u8],
    signature: &str,
) -> bool {
    let Some(hex_digest) = signature.strip_prefix("sha256=") else {
        return false;
    };
    let mut expected = [0u8; 32];
    // Lowercase only, as Twitch sends it: one spelling per signature.
    if !crate::hexsig::is_lower_hex(hex_digest)
        || hex::decode_to_slice(hex_digest, &mut expected).is_err()
    {
        return false;
    }
    // verify_slice compares in constant time.
    let mac = mac(secret, message_id, timestamp, body);
    mac.verify_slice(&expected).is_ok()
}

/// The header value Twitch would send for this message.
pub fn sign(secret: &[u8], message_id: &str, timestamp: &str, body: &[u8]) -> String {
    let digest = mac(secret, message_id, timestamp, body)
        .finalize()
        .into_bytes();
    format!("sha256={}", hex::encode(digest))
}

fn mac(secret: &[u8], message_id: &str, timestamp: &str, body: &[u8]) -> Hmac<Sha256> {
    // HMAC accepts keys of any length, so this cannot fail.
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret).unwrap_or_else(|_| unreachable!());
    mac.update(message_id.as_bytes());
    mac.update(timestamp.as_bytes());
    mac.update(body);
    mac
}

/// Is the message timestamp within the replay window of `now_ms` (either
/// side, to tolerate clock skew)? Unparsable timestamps are not.
pub fn is_fresh(timestamp: &str, now_ms: i64) -> bool {
    sent_at(timestamp).is_some_and(|t| (now_ms - t).abs() <= REPLAY_WINDOW_MS)
}

/// When Twitch sent the message (its timestamp header), in Unix ms.
pub fn sent_at(timestamp: &str) -> Option<i64> {
    DateTime::parse_from_rfc3339(timestamp)
        .ok()
        .map(|t| t.with_timezone(&Utc).timestamp_millis())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hexsig::tests::alter;

    // The published test vector from the `twitch_api` crate's tests.
    const SECRET: &[u8] = b"secretabcd";
    const ID: &str = "ae2ff348-e102-16be-a3eb-6830c1bf38d2";
    const TIMESTAMP: &str = "2021-02-19T23:47:00.8091512Z";
    const BODY: &str = r#"{"subscription":{"id":"ae2ff348-e102-16be-a3eb-6830c1bf38d2","status":"enabled","type":"channel.follow","version":"1","condition":{"broadcaster_user_id":"44429626"},"transport":{"method":"webhook","callback":"null"},"created_at":"2021-02-19T23:47:00.7621315Z"},"event":{"user_id":"28408015","user_login":"testFromUser","user_name":"testFromUser","broadcaster_user_id":"44429626","broadcaster_user_login":"44429626","broadcaster_user_name":"testBroadcaster"}}"#;
    const SIGNATURE: &str =
        "sha256=d10f5bd9474b7ac7bd7105eb79c2d52768b4d0cd2a135982c3bf5a1d59a78823";

    #[test]
    fn twitch_api_test_vector_verifies() {
        assert_eq!(BODY.len(), 458);
        assert!(is_valid(SECRET, ID, TIMESTAMP, BODY.as_bytes(), SIGNATURE));
        assert_eq!(sign(SECRET, ID, TIMESTAMP, BODY.as_bytes()), SIGNATURE);
    }

    #[test]
    fn any_change_breaks_the_signature() {
        let mut body = BODY.as_bytes().to_vec();
        body[100] ^= 1;
        assert!(!is_valid(SECRET, ID, TIMESTAMP, &body, SIGNATURE));
        assert!(!is_valid(
            b"secretabce",
            ID,
            TIMESTAMP,
            BODY.as_bytes(),
            SIGNATURE
        ));
        assert!(!is_valid(
            SECRET,
            "ae2ff348-e102-16be-a3eb-6830c1bf38d3",
            TIMESTAMP,
            BODY.as_bytes(),
            SIGNATURE
        ));
        assert!(!is_valid(
            SECRET,
            ID,
            "2021-02-19T23:47:00.8091513Z",
            BODY.as_bytes(),
            SIGNATURE
        ));
        assert!(!is_valid(
            SECRET,
            ID,
            TIMESTAMP,
            BODY.as_bytes(),
            &SIGNATURE.replace("sha256=", "sha1=")
        ));
        assert!(!is_valid(
            SECRET,
            ID,
            TIMESTAMP,
            BODY.as_bytes(),
            "sha256=zz"
        ));
        assert!(!is_valid(SECRET, ID, TIMESTAMP, BODY.as_bytes(), ""));
        assert!(!is_valid(
            SECRET,
            ID,
            TIMESTAMP,
            BODY.as_bytes(),
            &SIGNATURE.to_uppercase()
        ));
        assert!(!is_valid(
            SECRET,
            ID,
            TIMESTAMP,
            BODY.as_bytes(),
            &SIGNATURE.replace('d', "D")
        ));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 64,
            ..proptest::prelude::ProptestConfig::default()
        })]

        #[test]
        fn no_altered_byte_nor_cut_or_longer_signature_is_accepted(
            id in "[a-f0-9-]{1,40}",
            body in proptest::collection::vec(proptest::prelude::any::<u8>(), 1..300),
            index in 0..10_000usize,
            replacement in proptest::prelude::any::<u8>(),
            flip in 1..=255u8,
            cut in 1..71usize,
            extra in "[0-9a-fA-F=]{1,8}",
        ) {
            let signature = sign(SECRET, &id, TIMESTAMP, &body);
            proptest::prop_assert!(is_valid(SECRET, &id, TIMESTAMP, &body, &signature));

            let mut altered_body = body.clone();
            altered_body[index % body.len()] ^= flip;
            proptest::prop_assert!(!is_valid(SECRET, &id, TIMESTAMP, &altered_body, &signature));
            let altered_id = alter(&id, index, replacement);
            proptest::prop_assert!(!is_valid(SECRET, &altered_id, TIMESTAMP, &body, &signature));
            let altered_ts = alter(TIMESTAMP, index, replacement);
            proptest::prop_assert!(!is_valid(SECRET, &id, &altered_ts, &body, &signature));
            let altered_sig = alter(&signature, index, replacement);
            proptest::prop_assert!(!is_valid(SECRET, &id, TIMESTAMP, &body, &altered_sig));
            let truncated = &signature[..signature.len() - cut];
            proptest::prop_assert!(!is_valid(SECRET, &id, TIMESTAMP, &body, truncated));
            let extended = format!("{signature}{extra}");
            proptest::prop_assert!(!is_valid(SECRET, &id, TIMESTAMP, &body, &extended));
        }
    }

    #[test]
    fn freshness_is_ten_minutes_either_way() {
        let sent = DateTime::parse_from_rfc3339(TIMESTAMP)
            .unwrap()
            .timestamp_millis();
        assert!(is_fresh(TIMESTAMP, sent));
        assert!(is_fresh(TIMESTAMP, sent + REPLAY_WINDOW_MS));
        assert!(!is_fresh(TIMESTAMP, sent + REPLAY_WINDOW_MS + 1));
        assert!(!is_fresh(TIMESTAMP, sent - REPLAY_WINDOW_MS - 1));
        assert!(!is_fresh("yesterday", sent));
    }
}
