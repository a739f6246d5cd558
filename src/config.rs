//! Configuration from the environment (and `.env`), parsed once at start-up.
//! With `SECRETS_ID` set (on AWS Lambda), the credentials come from that
//! Secrets Manager secret instead ([`secrets`]).
//!
//! A missing credential disables only the feature that needs it; a malformed
//! value is a [`ConfigError`] naming the variable, and start-up stops.

pub mod secrets;

use std::{fmt, net::SocketAddr};

use secrecy::{ExposeSecret, SecretString};
use url::Url;

/// A configuration value that could not be used; `Display` is the one-line
/// message printed before exiting.
#[derive(Debug, thiserror::Error)]
#[error("invalid {var}: {reason}")]
pub struct ConfigError {
    pub var: &'static str,
    pub reason: String,
}

impl ConfigError {
    fn new(var: &'static str, reason: impl Into<String>) -> Self {
        Self {
            var,
            reason: reason.into(),
        }
    }
}

/// Start-up could not build the configuration: a malformed value, or the
/// secret named by `SECRETS_ID` could not be read.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Secret(#[from] secrets::SecretError),
}

/// Discord's global limit per bot token, unless Discord raised it.
pub const DISCORD_GLOBAL_PER_SECOND: u32 = 50;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

/// Which database a `DATABASE_URL` points at. The URL itself stays secret
/// (a Postgres URL may carry a password).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Clone)]
pub struct DatabaseUrl {
    pub backend: Backend,
    url: SecretString,
}

impl DatabaseUrl {
    pub fn parse(raw: &str) -> Result<Self, ConfigError> {
        let scheme = raw.split_once(':').map(|(scheme, _)| scheme).unwrap_or("");
        let backend = match scheme {
            "sqlite" => Backend::Sqlite,
            "postgres" | "postgresql" => Backend::Postgres,
            _ => {
                return Err(ConfigError::new(
                    "DATABASE_URL",
                    format!(
                        "unknown scheme {scheme:?}; use sqlite://FILE or postgres://USER@HOST/DB"
                    ),
                ));
            }
        };
        Ok(Self {
            backend,
            url: raw.into(),
        })
    }

    pub fn expose(&self) -> &str {
        self.url.expose_secret()
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DatabaseUrl({:?}, [REDACTED])", self.backend)
    }
}

/// The Discord application: verifies interactions and posts as the bot.
#[derive(Debug, Clone)]
pub struct DiscordConfig {
    pub application_id: u64,
    pub public_key: ed25519_dalek::VerifyingKey,
    pub bot_token: SecretString,
}

/// The Twitch application: Helix calls and EventSub verification.
#[derive(Debug, Clone)]
pub struct TwitchConfig {
    pub client_id: String,
    pub client_secret: SecretString,
    pub eventsub_secret: SecretString,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: DatabaseUrl,
    pub bind_addr: SocketAddr,
    pub public_url: Url,
    pub discord: Option<DiscordConfig>,
    pub twitch: Option<TwitchConfig>,
    pub app_secret: Option<SecretString>,
    pub discord_api_url: Url,
    /// Requests per second allowed by Discord's global limit (50 unless
    /// Discord raised it for this bot; 0 turns pacing off, for benches).
    pub discord_global_rate: u32,
    pub twitch_helix_url: Url,
    pub twitch_oauth_url: Url,
    pub log_format: LogFormat,
    /// Whether the last address in `X-Forwarded-For` is the client's (set
    /// only when one proxy we run, or AWS, sits in front and appends it):
    /// per-client limits then key on it instead of the peer address.
    pub trust_forwarded_for: bool,
    /// How to reach whoever runs this bot (an email address or a URL, as
    /// the operator wrote it), shown on the privacy policy and terms pages.
    pub operator_contact: Option<String>,
    /// The bearer token `GET /metrics` asks for; without it the endpoint
    /// does not exist (404).
    pub metrics_token: Option<SecretString>,
    /// Variables whose absence switched a feature off, by feature, for the
    /// start-up log.
    pub disabled: Vec<(&'static str, Vec<&'static str>)>,
    /// The secret the credentials came from and the variable names it held
    /// (names only), for the start-up log.
    pub from_secret: Option<(String, Vec<String>)>,
}

impl TwitchConfig {
    /// The EventSub secret as HMAC key bytes.
    pub fn eventsub_key(&self) -> &[u8] {
        self.eventsub_secret.expose_secret().as_bytes()
    }

    /// The EventSub secret as sent to Twitch when subscribing.
    pub fn eventsub_secret_str(&self) -> &str {
        self.eventsub_secret.expose_secret()
    }
}

/// Which optional features the current configuration enables.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct Features {
    pub discord: bool,
    pub twitch: bool,
    pub web: bool,
}

impl Config {
    /// Reads `.env` (when present) and the process environment, and, when
    /// `SECRETS_ID` names a secret, that secret's variables, which take the
    /// place of the environment's.
    pub async fn from_env() -> Result<Self, LoadError> {
        // A missing .env is normal; a broken one is not worth refusing to start.
        let _ = dotenvy::dotenv();
        let env = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let secret = match env(secrets::SECRETS_ID) {
            Some(id) => Some(secrets::fetch(id.trim(), env).await?),
            None => None,
        };
        let mut config = Self::from_vars(|name| {
            secret
                .as_ref()
                .and_then(|secret| secret.get(name))
                .or_else(|| env(name))
        })?;
        config.from_secret = secret.map(|s| (s.secret_id.clone(), s.names()));
        Ok(config)
    }

    /// Builds the configuration from any variable source (tests pass a map).
    pub fn from_vars(get: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let var = |name: &str| {
            get(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let mut disabled = Vec::new();

        let database_url = DatabaseUrl::parse(
            &var("DATABASE_URL").unwrap_or_else(|| "sqlite://streammaxing.db".into()),
        )?;
        let bind_addr = match var("BIND_ADDR") {
            None => SocketAddr::from(([127, 0, 0, 1], 3000)),
            Some(raw) => raw.parse().map_err(|_| {
                ConfigError::new(
                    "BIND_ADDR",
                    format!("{raw:?} is not an address like 127.0.0.1:3000"),
                )
            })?,
        };
        let public_url = parse_url("PUBLIC_URL", var("PUBLIC_URL"), "http://localhost:3000")?;
        let discord_api_url = parse_url(
            "DISCORD_API_URL",
            var("DISCORD_API_URL"),
            "https://discord.com",
        )?;
        let twitch_helix_url = parse_url(
            "TWITCH_HELIX_URL",
            var("TWITCH_HELIX_URL"),
            "https://api.twitch.tv/helix",
        )?;
        let twitch_oauth_url = parse_url(
            "TWITCH_OAUTH_URL",
            var("TWITCH_OAUTH_URL"),
            "https://id.twitch.tv/oauth2",
        )?;

        let application_id = var("DISCORD_APPLICATION_ID")
            .map(|raw| parse_snowflake("DISCORD_APPLICATION_ID", &raw))
            .transpose()?;
        let public_key = var("DISCORD_PUBLIC_KEY")
            .map(|raw| parse_public_key(&raw))
            .transpose()?;
        let bot_token = var("DISCORD_BOT_TOKEN").map(SecretString::from);
        let discord = match (application_id, public_key, bot_token) {
            (Some(application_id), Some(public_key), Some(bot_token)) => Some(DiscordConfig {
                application_id,
                public_key,
                bot_token,
            }),
            (a, p, t) => {
                disabled.push((
                    "Discord",
                    missing(&[
                        ("DISCORD_APPLICATION_ID", a.is_some()),
                        ("DISCORD_PUBLIC_KEY", p.is_some()),
                        ("DISCORD_BOT_TOKEN", t.is_some()),
                    ]),
                ));
                None
            }
        };

        let eventsub_secret = var("TWITCH_EVENTSUB_SECRET")
            .map(|raw| parse_eventsub_secret(&raw))
            .transpose()?;
        let twitch = match (
            var("TWITCH_CLIENT_ID"),
            var("TWITCH_CLIENT_SECRET"),
            eventsub_secret,
        ) {
            (Some(client_id), Some(client_secret), Some(eventsub_secret)) => Some(TwitchConfig {
                client_id,
                client_secret: client_secret.into(),
                eventsub_secret,
            }),
            (i, s, e) => {
                disabled.push((
                    "Twitch",
                    missing(&[
                        ("TWITCH_CLIENT_ID", i.is_some()),
                        ("TWITCH_CLIENT_SECRET", s.is_some()),
                        ("TWITCH_EVENTSUB_SECRET", e.is_some()),
                    ]),
                ));
                None
            }
        };

        let app_secret = var("APP_SECRET")
            .map(|raw| parse_app_secret(&raw))
            .transpose()?;
        if app_secret.is_none() {
            disabled.push(("web links and template editor", vec!["APP_SECRET"]));
        }

        let discord_global_rate = match var("DISCORD_GLOBAL_RATE_LIMIT") {
            None => DISCORD_GLOBAL_PER_SECOND,
            Some(raw) => raw.trim().parse::<u32>().map_err(|_| {
                ConfigError::new(
                    "DISCORD_GLOBAL_RATE_LIMIT",
                    format!(
                        "{raw:?} is not a number of requests per second (Discord's default is 50)"
                    ),
                )
            })?,
        };

        let log_format = match var("LOG_FORMAT").as_deref() {
            None | Some("text") => LogFormat::Text,
            Some("json") => LogFormat::Json,
            Some(other) => {
                return Err(ConfigError::new(
                    "LOG_FORMAT",
                    format!("{other:?} is not one of: text, json"),
                ));
            }
        };

        let trust_forwarded_for = match var("TRUST_FORWARDED_FOR").as_deref() {
            None | Some("false") => false,
            Some("true") => true,
            Some(other) => {
                return Err(ConfigError::new(
                    "TRUST_FORWARDED_FOR",
                    format!("{other:?} is not one of: true, false"),
                ));
            }
        };

        Ok(Self {
            database_url,
            bind_addr,
            public_url,
            discord,
            twitch,
            app_secret,
            discord_api_url,
            discord_global_rate,
            twitch_helix_url,
            twitch_oauth_url,
            log_format,
            trust_forwarded_for,
            operator_contact: var("OPERATOR_CONTACT"),
            metrics_token: var("METRICS_TOKEN").map(SecretString::from),
            disabled,
            from_secret: None,
        })
    }

    pub fn features(&self) -> Features {
        Features {
            discord: self.discord.is_some(),
            twitch: self.twitch.is_some(),
            web: self.app_secret.is_some(),
        }
    }

    /// Where the credentials came from, then one log line per disabled
    /// feature, naming what turns it on.
    pub fn log_disabled_features(&self) {
        if let Some((secret_id, names)) = &self.from_secret {
            tracing::info!(
                secret.id = %secret_id,
                "configuration from the secret: {}",
                names.join(", ")
            );
        }
        for (feature, vars) in &self.disabled {
            tracing::warn!("{feature} is off: set {} to enable it", vars.join(", "));
        }
    }
}

fn missing(vars: &[(&'static str, bool)]) -> Vec<&'static str> {
    vars.iter()
        .filter(|(_, present)| !present)
        .map(|(name, _)| *name)
        .collect()
}

fn parse_url(var: &'static str, raw: Option<String>, default: &str) -> Result<Url, ConfigError> {
    let raw = raw.as_deref().unwrap_or(default);
    let url = Url::parse(raw)
        .map_err(|e| ConfigError::new(var, format!("{raw:?} is not a URL ({e})")))?;
    if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
        return Err(ConfigError::new(
            var,
            format!("{raw:?} must be an http(s) URL with a host"),
        ));
    }
    Ok(url)
}

fn parse_snowflake(var: &'static str, raw: &str) -> Result<u64, ConfigError> {
    raw.parse::<u64>().ok().filter(|id| *id > 0).ok_or_else(|| {
        ConfigError::new(
            var,
            format!("{raw:?} is not a Discord id (a positive integer)"),
        )
    })
}

fn parse_public_key(raw: &str) -> Result<ed25519_dalek::VerifyingKey, ConfigError> {
    let mut key = [0u8; 32];
    if raw.len() != 64 || hex::decode_to_slice(raw, &mut key).is_err() {
        return Err(ConfigError::new(
            "DISCORD_PUBLIC_KEY",
            format!(
                "expected 64 hexadecimal characters (the developer portal's \"Public Key\"), got {} characters",
                raw.len()
            ),
        ));
    }
    ed25519_dalek::VerifyingKey::from_bytes(&key).map_err(|_| {
        ConfigError::new(
            "DISCORD_PUBLIC_KEY",
            "is not a valid Ed25519 public key; copy it again from the developer portal",
        )
    })
}

fn parse_eventsub_secret(raw: &str) -> Result<SecretString, ConfigError> {
    if !(10..=100).contains(&raw.len()) || !raw.is_ascii() {
        return Err(ConfigError::new(
            "TWITCH_EVENTSUB_SECRET",
            format!(
                "Twitch requires 10 to 100 ASCII characters, got {}",
                raw.chars().count()
            ),
        ));
    }
    Ok(raw.into())
}

fn parse_app_secret(raw: &str) -> Result<SecretString, ConfigError> {
    if raw.len() < 32 {
        return Err(ConfigError::new(
            "APP_SECRET",
            format!(
                "needs at least 32 characters of random data (try `openssl rand -hex 32`), got {}",
                raw.len()
            ),
        ));
    }
    Ok(raw.into())
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_vars(|name| map.get(name).cloned())
    }

    /// The public key of the all-sevens signing key.
    fn key() -> String {
        hex::encode(
            ed25519_dalek::SigningKey::from_bytes(&[7u8; 32])
                .verifying_key()
                .to_bytes(),
        )
    }

    #[test]
    fn defaults_need_no_credentials() {
        let c = config(&[]).expect("defaults are valid");
        assert_eq!(c.bind_addr.to_string(), "127.0.0.1:3000");
        assert_eq!(c.database_url.backend, Backend::Sqlite);
        assert_eq!(c.discord_api_url.as_str(), "https://discord.com/");
        let f = c.features();
        assert!(!f.discord && !f.twitch && !f.web);
        let names: Vec<_> = c.disabled.iter().flat_map(|(_, v)| v.clone()).collect();
        assert!(names.contains(&"DISCORD_BOT_TOKEN") && names.contains(&"APP_SECRET"));
        assert_eq!(c.operator_contact, None);
        assert!(c.metrics_token.is_none(), "no /metrics unless configured");
    }

    #[test]
    fn operator_contact_is_kept_as_written() {
        let c = config(&[("OPERATOR_CONTACT", "  privacy@example.com ")]).expect("valid");
        assert_eq!(c.operator_contact.as_deref(), Some("privacy@example.com"));
        let blank = config(&[("OPERATOR_CONTACT", "   ")]).expect("valid");
        assert_eq!(blank.operator_contact, None);
    }

    #[test]
    fn full_configuration_enables_every_feature() {
        let c = config(&[
            ("DISCORD_APPLICATION_ID", "123456789012345678"),
            ("DISCORD_PUBLIC_KEY", &key()),
            ("DISCORD_BOT_TOKEN", "token"),
            ("TWITCH_CLIENT_ID", "cid"),
            ("TWITCH_CLIENT_SECRET", "csecret"),
            ("TWITCH_EVENTSUB_SECRET", "0123456789abcdef"),
            ("APP_SECRET", "0123456789abcdef0123456789abcdef"),
            ("DATABASE_URL", "postgres://postgres@127.0.0.1/db"),
        ])
        .expect("valid");
        let f = c.features();
        assert!(f.discord && f.twitch && f.web);
        assert!(c.disabled.is_empty());
        assert_eq!(c.database_url.backend, Backend::Postgres);
    }

    #[test]
    fn malformed_values_name_their_variable() {
        for (var, value) in [
            ("DISCORD_PUBLIC_KEY", "abc123"),
            ("DISCORD_PUBLIC_KEY", &"zz".repeat(32)),
            ("DATABASE_URL", "mysql://localhost/db"),
            ("BIND_ADDR", "localhost"),
            ("PUBLIC_URL", "not a url"),
            ("DISCORD_APPLICATION_ID", "abc"),
            ("TWITCH_EVENTSUB_SECRET", "short"),
            ("APP_SECRET", "short"),
            ("LOG_FORMAT", "xml"),
        ] {
            let err = config(&[(var, value)]).expect_err(var);
            assert_eq!(err.var, var);
            assert!(err.to_string().starts_with(&format!("invalid {var}: ")));
        }
    }

    #[test]
    fn secrets_never_appear_in_debug_output() {
        let c = config(&[
            ("DISCORD_APPLICATION_ID", "1"),
            ("DISCORD_PUBLIC_KEY", &key()),
            ("DISCORD_BOT_TOKEN", "bot-token-value"),
            ("TWITCH_CLIENT_ID", "cid"),
            ("TWITCH_CLIENT_SECRET", "twitch-secret-value"),
            ("TWITCH_EVENTSUB_SECRET", "eventsub-secret-value"),
            ("APP_SECRET", "app-secret-value-app-secret-value"),
            ("DATABASE_URL", "postgres://user:db-password@host/db"),
        ])
        .expect("valid");
        let debug = format!("{c:?}");
        for secret in [
            "bot-token-value",
            "twitch-secret-value",
            "eventsub-secret-value",
            "app-secret-value",
            "db-password",
        ] {
            assert!(!debug.contains(secret), "{secret} leaked into {debug}");
        }
    }
}
