//! Interaction verification: Ed25519 over timestamp ‖ raw body with the
//! application's public key. Discord probes endpoints with bad signatures
//! and removes those that accept them.

use ed25519_dalek::{Signature, VerifyingKey};

/// Does `signature_hex` sign `timestamp ‖ body` for `key`? Any malformed
/// input is simply "no".
/// Only lowercase hex, as Discord sends it: one header spelling per
/// signature, so no altered header byte is ever accepted.
pub fn is_valid(key: &VerifyingKey, timestamp: &str, body: &[u8], signature_hex: &str) -> bool {
    let mut signature = [0u8; 64];
    if !crate::hexsig::is_lower_hex(signature_hex)
        || hex::decode_to_slice(signature_hex, &mut signature).is_err()
    {
        return false;
    }
    let mut message = Vec::with_capacity(timestamp.len() + body.len());
    message.extend_from_slice(timestamp.as_bytes());
    message.extend_from_slice(body);
    key.verify_strict(&message, &Signature::from_bytes(&signature))
        .is_ok()
}

/// How far `X-Signature-Timestamp` may be from now, either way. Discord
/// delivers within seconds; the slack is for clock skew.
pub const MAX_SKEW_SECS: u64 = 5 * 60;

/// Is `timestamp` (Unix seconds, as Discord sends it) within
/// [`MAX_SKEW_SECS`] of `now_ms`? Discord signs the timestamp with the body,
/// so this is what keeps a captured request from being replayed later.
/// Anything unparsable is not fresh.
pub fn is_fresh(timestamp: &str, now_ms: i64) -> bool {
    timestamp
        .parse::<i64>()
        .is_ok_and(|sent| sent.abs_diff(now_ms.div_euclid(1000)) <= MAX_SKEW_SECS)
}

#[cfg(test)]
mod tests {
    use ed25519_dalek::{Signer, SigningKey};

    use super::*;
    use crate::hexsig::tests::alter;

    fn signed(body: &[u8]) -> (VerifyingKey, String) {
        let key = SigningKey::from_bytes(&[7u8; 32]);
        let mut message = b"1732622400".to_vec();
        message.extend_from_slice(body);
        (
            key.verifying_key(),
            hex::encode(key.sign(&message).to_bytes()),
        )
    }

    #[test]
    fn a_discord_style_signature_verifies() {
        let (key, sig) = signed(br#"{"type":1}"#);
        assert!(is_valid(&key, "1732622400", br#"{"type":1}"#, &sig));
    }

    #[test]
    fn tampering_with_anything_fails() {
        let (key, sig) = signed(br#"{"type":1}"#);
        assert!(!is_valid(&key, "1732622401", br#"{"type":1}"#, &sig));
        assert!(!is_valid(&key, "1732622400", br#"{"type":2}"#, &sig));
        assert!(!is_valid(&key, "1732622400", br#"{"type":1}"#, &sig[..127]));
        assert!(!is_valid(&key, "1732622400", br#"{"type":1}"#, ""));
        assert!(!is_valid(
            &key,
            "1732622400",
            br#"{"type":1}"#,
            &"zz".repeat(64)
        ));
        let other = SigningKey::from_bytes(&[8u8; 32]).verifying_key();
        assert!(!is_valid(&other, "1732622400", br#"{"type":1}"#, &sig));
    }

    #[test]
    fn only_the_lowercase_spelling_of_a_signature_is_accepted() {
        let (key, sig) = signed(br#"{"type":1}"#);
        assert!(sig.bytes().any(|b| b.is_ascii_lowercase()), "{sig}");
        let upper = sig.to_ascii_uppercase();
        assert!(!is_valid(&key, "1732622400", br#"{"type":1}"#, &upper));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 64,
            ..proptest::prelude::ProptestConfig::default()
        })]

        #[test]
        fn no_altered_byte_or_other_timestamp_is_accepted(
            body in proptest::collection::vec(proptest::prelude::any::<u8>(), 1..300),
            index in 0..10_000usize,
            replacement in proptest::prelude::any::<u8>(),
            flip in 1..=255u8,
            other_timestamp in "[0-9]{1,12}|.{0,16}",
        ) {
            let (key, sig) = signed(&body);
            const TS: &str = "1732622400";
            proptest::prop_assert!(is_valid(&key, TS, &body, &sig));

            let mut altered_body = body.clone();
            altered_body[index % body.len()] ^= flip;
            proptest::prop_assert!(!is_valid(&key, TS, &altered_body, &sig));
            proptest::prop_assert!(!is_valid(&key, TS, &body, &alter(&sig, index, replacement)));
            proptest::prop_assert!(!is_valid(&key, &alter(TS, index, replacement), &body, &sig));
            if other_timestamp != TS {
                proptest::prop_assert!(!is_valid(&key, &other_timestamp, &body, &sig));
            }
        }
    }
}
