//! Credentials read once at cold start from AWS Secrets Manager, through the
//! AWS Parameters and Secrets Lambda Extension on localhost, so that the
//! function's environment (what `GetFunctionConfiguration` shows) carries
//! no token, key or password.
//!
//! `SECRETS_ID` names the secret (its name or ARN). Its `SecretString` is a
//! JSON object whose keys are this service's variable names
//! (`DISCORD_BOT_TOKEN`, `DATABASE_URL`, …); its values take the place of
//! the environment's.

use std::{collections::HashMap, time::Duration};

use secrecy::{ExposeSecret, SecretString};

/// The variable naming the secret.
pub const SECRETS_ID: &str = "SECRETS_ID";
/// The extension's port variable and its default, as AWS documents them.
const PORT_VAR: &str = "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT";
const DEFAULT_PORT: u16 = 2773;
/// Lambda starts the function's init once extensions have registered, not
/// once they listen: the extension may refuse the first requests.
const READY_WITHIN: Duration = Duration::from_secs(3);

/// The secret could not be used; `Display` says which secret and why
/// (never a value from it).
#[derive(Debug, thiserror::Error)]
#[error(
    "reading the secret {secret_id:?} (SECRETS_ID) from the AWS Parameters and Secrets Lambda Extension: {reason}"
)]
pub struct SecretError {
    pub secret_id: String,
    pub reason: String,
}

/// The variables a secret holds, by name; values stay secret.
pub struct SecretVars {
    pub secret_id: String,
    vars: HashMap<String, SecretString>,
}

impl std::fmt::Debug for SecretVars {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SecretVars({:?}, {:?})", self.secret_id, self.names())
    }
}

impl SecretVars {
    pub fn get(&self, name: &str) -> Option<String> {
        self.vars.get(name).map(|v| v.expose_secret().to_owned())
    }

    /// The variable names the secret holds, sorted (for the start-up log).
    pub fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.vars.keys().cloned().collect();
        names.sort();
        names
    }

    /// Parses a `SecretString`: a JSON object of variable names to strings
    /// (numbers and booleans are taken as written).
    pub fn parse(secret_id: &str, secret_string: &str) -> Result<Self, SecretError> {
        let error = |reason: String| SecretError {
            secret_id: secret_id.to_owned(),
            reason,
        };
        let object: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(secret_string).map_err(|_| {
                error("its SecretString is not a JSON object of variable names to values (use the key/value form in the console)".into())
            })?;
        let mut vars = HashMap::new();
        for (name, value) in object {
            let value = match value {
                serde_json::Value::String(s) => s,
                serde_json::Value::Number(n) => n.to_string(),
                serde_json::Value::Bool(b) => b.to_string(),
                _ => return Err(error(format!("the value of {name} is not a string"))),
            };
            vars.insert(name, SecretString::from(value));
        }
        Ok(Self {
            secret_id: secret_id.to_owned(),
            vars,
        })
    }
}

/// Fetches the secret `secret_id` from the extension, reading the port and
/// the session token from `env`.
pub async fn fetch(
    secret_id: &str,
    env: impl Fn(&str) -> Option<String>,
) -> Result<SecretVars, SecretError> {
    let error = |reason: String| SecretError {
        secret_id: secret_id.to_owned(),
        reason,
    };
    let port = match env(PORT_VAR) {
        None => DEFAULT_PORT,
        Some(raw) => raw
            .trim()
            .parse()
            .map_err(|_| error(format!("{PORT_VAR}={raw:?} is not a port number")))?,
    };
    let token = env("AWS_SESSION_TOKEN").ok_or_else(|| {
        error("AWS_SESSION_TOKEN is not set: SECRETS_ID works on AWS Lambda, with the AWS Parameters and Secrets Lambda Extension layer".into())
    })?;
    let mut url = url::Url::parse(&format!("http://localhost:{port}/secretsmanager/get"))
        .map_err(|e| error(format!("building the extension's URL: {e}")))?;
    url.query_pairs_mut().append_pair("secretId", secret_id);
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .map_err(|e| error(format!("building an HTTP client: {e}")))?;
    let body = get_when_ready(&client, url, &token).await.map_err(error)?;
    let answer: GetSecretValue = serde_json::from_str(body.expose_secret()).map_err(|_| {
        error("the extension's answer has no SecretString (is it a binary secret?)".into())
    })?;
    let secret_string = SecretString::from(answer.secret_string);
    SecretVars::parse(secret_id, secret_string.expose_secret())
}

/// The part of Secrets Manager's `GetSecretValue` answer used here.
#[derive(serde::Deserialize)]
struct GetSecretValue {
    #[serde(rename = "SecretString")]
    secret_string: String,
}

/// GETs `url`, retrying for [`READY_WITHIN`] while the extension is not
/// listening yet or answers that it is not ready (400 or 5xx). Any other
/// answer is final. The body is returned secret.
async fn get_when_ready(
    client: &reqwest::Client,
    url: url::Url,
    token: &str,
) -> Result<SecretString, String> {
    let give_up = tokio::time::Instant::now() + READY_WITHIN;
    let mut pause = Duration::from_millis(20);
    loop {
        let sent = client
            .get(url.clone())
            .header("X-Aws-Parameters-Secrets-Token", token)
            .send()
            .await;
        let retry = match sent {
            Ok(response) if response.status().is_success() => {
                let body = response
                    .text()
                    .await
                    .map_err(|e| format!("reading the extension's answer: {e}"))?;
                return Ok(SecretString::from(body));
            }
            Ok(response) => {
                let status = response.status();
                // An error answer names the problem, never the secret.
                let detail: String = response
                    .text()
                    .await
                    .unwrap_or_default()
                    .chars()
                    .take(300)
                    .collect();
                let reason = format!("the extension answered {status}: {}", detail.trim());
                if !(status == reqwest::StatusCode::BAD_REQUEST || status.is_server_error()) {
                    return Err(reason);
                }
                reason
            }
            Err(e) => format!(
                "the extension at {} did not answer: {e}",
                url.origin().ascii_serialization()
            ),
        };
        if tokio::time::Instant::now() + pause > give_up {
            return Err(retry);
        }
        tokio::time::sleep(pause).await;
        pause = (pause * 2).min(Duration::from_millis(400));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_string_is_an_object_of_variables() {
        let vars = SecretVars::parse(
            "streammaxing",
            r#"{"DISCORD_BOT_TOKEN": "token-value", "DISCORD_APPLICATION_ID": 1234}"#,
        )
        .expect("valid");
        assert_eq!(
            vars.get("DISCORD_BOT_TOKEN").as_deref(),
            Some("token-value")
        );
        assert_eq!(vars.get("DISCORD_APPLICATION_ID").as_deref(), Some("1234"));
        assert_eq!(
            vars.names(),
            ["DISCORD_APPLICATION_ID", "DISCORD_BOT_TOKEN"]
        );
        assert!(!format!("{vars:?}").contains("token-value"));
    }

    #[test]
    fn a_malformed_secret_names_the_secret_and_never_its_values() {
        for raw in [
            r#"["token-value"]"#,
            "token-value",
            r#"{"A": {"b": "token-value"}}"#,
        ] {
            let err = SecretVars::parse("streammaxing", raw).expect_err(raw);
            let message = err.to_string();
            assert!(message.contains("\"streammaxing\""), "{message}");
            assert!(!message.contains("token-value"), "{message}");
        }
    }
}
