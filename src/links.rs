//! Signed, expiring links: what `/streamers link` and `/template preview`
//! hand out. A token is `base64url(claims JSON).base64url(HMAC-SHA256)` with
//! a key derived from `APP_SECRET`; it names its purpose, the guild, maybe a
//! streamer, an expiry and a nonce (for single use where that matters).

use crate::ids::{GuildId, TwitchUserId, UserId};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

/// What a link is for; a token for one purpose is refused for another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    /// The Twitch account-link page.
    TwitchLink,
    /// The template editor, for one guild (and maybe one streamer).
    Editor,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    #[serde(rename = "p")]
    pub purpose: Purpose,
    /// Snowflakes travel as strings (JavaScript cannot hold 64-bit integers).
    #[serde(rename = "g")]
    pub guild_id: GuildId,
    #[serde(rename = "s", default, skip_serializing_if = "Option::is_none")]
    pub twitch_id: Option<TwitchUserId>,
    /// The Discord user who asked for the link.
    #[serde(rename = "u")]
    pub user_id: UserId,
    /// Unix milliseconds.
    #[serde(rename = "e")]
    pub expires_at: i64,
    #[serde(rename = "n")]
    pub nonce: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LinkError {
    #[error("this link is damaged or incomplete")]
    Malformed,
    #[error("this link was not issued by StreamMaxing, or was altered")]
    BadSignature,
    #[error("this link has expired")]
    Expired,
    #[error("this link is for a different page")]
    WrongPurpose,
}

/// Why a link (or the Twitch sign-in it starts) did not work, as the web
/// app's pages name it (`/link/error?reason=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::AsRefStr, serde::Serialize)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum LinkFailure {
    /// The link has expired.
    Expired,
    /// Damaged, forged or for another page.
    Invalid,
    /// Already used once.
    Used,
    /// The sign-in's state did not come back intact (or from this browser).
    State,
    /// The streamer said no on Twitch's page.
    Denied,
    /// Twitch (or storing the result) failed.
    Twitch,
    /// This StreamMaxing has no Twitch app or no `APP_SECRET`.
    NotConfigured,
}

impl From<LinkError> for LinkFailure {
    fn from(e: LinkError) -> Self {
        match e {
            LinkError::Expired => Self::Expired,
            LinkError::Malformed | LinkError::BadSignature | LinkError::WrongPurpose => {
                Self::Invalid
            }
        }
    }
}

/// How long links stay valid.
pub const LINK_TTL_MS: i64 = 60 * 60 * 1000;

/// What a signature is for. Each domain signs with its own key derived
/// from `APP_SECRET`, so a payload signed for one never verifies as another
/// (a link can't stand in for an OAuth `state`, nor the reverse).
#[derive(Debug, Clone, Copy)]
enum Domain {
    Link,
    OAuthState,
}

impl Domain {
    fn label(self) -> &'static [u8] {
        match self {
            Domain::Link => b"streammaxing/links/v1",
            Domain::OAuthState => b"streammaxing/oauth-state/v1",
        }
    }
}

fn key(app_secret: &str, domain: Domain) -> Hmac<Sha256> {
    // HMAC takes keys of any length.
    let mut derive = <Hmac<Sha256> as Mac>::new_from_slice(app_secret.as_bytes())
        .unwrap_or_else(|_| unreachable!());
    derive.update(domain.label());
    let derived = derive.finalize().into_bytes();
    <Hmac<Sha256> as Mac>::new_from_slice(&derived).unwrap_or_else(|_| unreachable!())
}

pub fn sign(app_secret: &str, claims: &Claims) -> String {
    sign_payload(app_secret, Domain::Link, claims)
}

/// Signs the OAuth `state` of the Twitch link flow.
pub fn sign_state<T: Serialize>(app_secret: &str, state: &T) -> String {
    sign_payload(app_secret, Domain::OAuthState, state)
}

/// Checks an OAuth `state` signed by [`sign_state`] (in constant time)
/// before parsing it.
pub fn verify_state<T: serde::de::DeserializeOwned>(
    app_secret: &str,
    token: &str,
) -> Result<T, LinkError> {
    verify_payload(app_secret, Domain::OAuthState, token)
}

fn sign_payload<T: Serialize>(app_secret: &str, domain: Domain, payload: &T) -> String {
    let payload = URL_SAFE_NO_PAD.encode(serde_json::to_vec(payload).unwrap_or_default());
    let mut mac = key(app_secret, domain);
    mac.update(payload.as_bytes());
    format!(
        "{payload}.{}",
        URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
    )
}

/// Checks a signed payload's signature (in constant time) before parsing it.
fn verify_payload<T: serde::de::DeserializeOwned>(
    app_secret: &str,
    domain: Domain,
    token: &str,
) -> Result<T, LinkError> {
    let (payload, signature) = token.split_once('.').ok_or(LinkError::Malformed)?;
    let signature = URL_SAFE_NO_PAD
        .decode(signature)
        .map_err(|_| LinkError::Malformed)?;
    let mut mac = key(app_secret, domain);
    mac.update(payload.as_bytes());
    mac.verify_slice(&signature)
        .map_err(|_| LinkError::BadSignature)?;
    let json = URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|_| LinkError::Malformed)?;
    serde_json::from_slice(&json).map_err(|_| LinkError::Malformed)
}

/// Checks signature, purpose and expiry (in that order; nothing is parsed
/// before the signature holds).
pub fn verify(
    app_secret: &str,
    token: &str,
    purpose: Purpose,
    now: i64,
) -> Result<Claims, LinkError> {
    let claims: Claims = verify_payload(app_secret, Domain::Link, token)?;
    if claims.purpose != purpose {
        return Err(LinkError::WrongPurpose);
    }
    if claims.expires_at <= now {
        return Err(LinkError::Expired);
    }
    Ok(claims)
}

/// A random nonce: 128 bits from the operating system's CSPRNG, in hex.
/// The OAuth cookie is one, so it must be unguessable, not just unique.
pub fn nonce() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the operating system's random source");
    hex::encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "0123456789abcdef0123456789abcdef";

    fn claims() -> Claims {
        Claims {
            purpose: Purpose::TwitchLink,
            guild_id: GuildId::new(1_100_000_000_000_000_001).unwrap(),
            twitch_id: None,
            user_id: UserId::new(42).unwrap(),
            expires_at: 10_000,
            nonce: nonce(),
        }
    }

    #[test]
    fn a_signed_link_verifies_until_it_expires() {
        let token = sign(SECRET, &claims());
        assert_eq!(
            verify(SECRET, &token, Purpose::TwitchLink, 9_999),
            Ok(claims_with(&token))
        );
        assert_eq!(
            verify(SECRET, &token, Purpose::TwitchLink, 10_000),
            Err(LinkError::Expired)
        );
    }

    fn claims_with(token: &str) -> Claims {
        let payload = token.split('.').next().unwrap();
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).unwrap()).unwrap()
    }

    #[test]
    fn altered_foreign_or_misused_links_are_refused() {
        let token = sign(SECRET, &claims());
        let (payload, sig) = token.split_once('.').unwrap();
        let mut forged = claims_with(&token);
        forged.guild_id = GuildId::new(666).unwrap();
        let forged = format!(
            "{}.{sig}",
            URL_SAFE_NO_PAD.encode(serde_json::to_vec(&forged).unwrap())
        );
        assert_eq!(
            verify(SECRET, &forged, Purpose::TwitchLink, 0),
            Err(LinkError::BadSignature)
        );
        assert_eq!(
            verify(
                "another-secret-another-secret-xx",
                &token,
                Purpose::TwitchLink,
                0
            ),
            Err(LinkError::BadSignature)
        );
        assert_eq!(
            verify(SECRET, &token, Purpose::Editor, 0),
            Err(LinkError::WrongPurpose)
        );
        assert_eq!(
            verify(SECRET, payload, Purpose::TwitchLink, 0),
            Err(LinkError::Malformed)
        );
        assert_eq!(
            verify(SECRET, "", Purpose::TwitchLink, 0),
            Err(LinkError::Malformed)
        );
        assert_eq!(
            verify(SECRET, "a.b.c", Purpose::TwitchLink, 0),
            Err(LinkError::Malformed)
        );
    }

    #[test]
    fn links_and_oauth_states_never_stand_in_for_each_other() {
        let link = sign(SECRET, &claims());
        assert_eq!(
            verify_state::<serde_json::Value>(SECRET, &link),
            Err(LinkError::BadSignature)
        );
        // Even a state shaped exactly like a link's claims is refused as one.
        let state = sign_state(SECRET, &claims());
        assert_eq!(
            verify(SECRET, &state, Purpose::TwitchLink, 0),
            Err(LinkError::BadSignature)
        );
        assert_eq!(verify_state(SECRET, &state), Ok(claims_with(&state)));
    }

    #[test]
    fn nonces_differ() {
        assert_ne!(nonce(), nonce());
        assert_eq!(nonce().len(), 32);
    }
}
