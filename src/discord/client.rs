//! The Discord REST client (twilight-http), pointed at `DISCORD_API_URL`.

use std::time::Duration;

use twilight_http::Client;
use url::Url;

use crate::config::DiscordConfig;

/// A bot client. Anything but the real Discord is reached through
/// twilight's proxy setting: requests go to `{DISCORD_API_URL}/api/v10/…`.
pub fn build(config: &DiscordConfig, api_url: &Url) -> Client {
    use secrecy::ExposeSecret;
    let mut builder = Client::builder()
        .token(config.bot_token.expose_secret().to_owned())
        .timeout(Duration::from_secs(10));
    if api_url.host_str() != Some("discord.com") {
        let host = api_url.host_str().unwrap_or("localhost");
        let authority = match api_url.port() {
            Some(port) => format!("{host}:{port}"),
            None => host.to_owned(),
        };
        builder = builder.proxy(authority, api_url.scheme() == "http");
    }
    builder.build()
}
