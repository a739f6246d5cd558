//! Servers that removed the bot. Discord sends no event for a kick (the bot
//! has no gateway connection); the signal is an answer about one of the
//! server's resources: 50001 Missing Access or 10004 Unknown Guild. Such an
//! answer to a delivery is confirmed by asking for the server itself
//! (`GET /guilds/{id}`): when Discord says the same about the server, it is
//! marked gone; when the server answers, only a channel is out of reach and
//! the route's needs-attention path handles it.
//!
//! A day ([`GRACE_MS`]) after the mark, maintenance asks once more and, if
//! the server is still out of reach, removes its data and releases the
//! EventSub subscriptions no other server needs. Anything that shows the bot
//! is still there clears the mark first: an interaction from the server or
//! the bot being added again (`Db::ensure_guild`), a delivery that succeeds,
//! or the server answering that last question.

use crate::{
    discord::api::{Api, DiscordError},
    ids::{GuildId, TwitchUserId},
    state::AppState,
    store::GuildConfig,
    twitch::subscriptions,
};

/// How long a server marked gone keeps its data: a kick undone (or a
/// Discord outage misread) within a day loses nothing.
pub const GRACE_MS: i64 = 24 * 60 * 60 * 1000;
/// Servers looked at per maintenance run (each costs one Discord request).
const REMOVALS_PER_RUN: i64 = 20;

/// What Discord's answer to `GET /guilds/{id}` says about the bot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// The server answered: the bot is in it.
    Present,
    /// 10004 Unknown Guild or 50001 Missing Access on the server itself.
    Removed,
    /// A rate limit, an outage, an answer we don't know: nothing is decided.
    Unknown,
}

impl Presence {
    pub fn of(answer: &Result<(), DiscordError>) -> Self {
        match answer {
            Ok(()) => Self::Present,
            Err(e) if e.code().is_some_and(|code| code.may_mean_removed()) => Self::Removed,
            Err(_) => Self::Unknown,
        }
    }
}

/// Asks Discord for the server itself.
pub async fn ask(api: &Api, guild_id: GuildId) -> Presence {
    Presence::of(&api.guild(guild_id.id()).await)
}

/// A delivery to `config`'s server failed with `e`: when the answer may
/// mean the bot was removed, asks for the server and marks it gone if so.
/// Never fails the delivery: a failure here is logged and the next
/// delivery asks again.
pub async fn after_failure(state: &AppState, api: &Api, config: &GuildConfig, e: &DiscordError) {
    let suspicious = e.code().is_some_and(|code| code.may_mean_removed());
    if config.gone_since.is_some() || !suspicious {
        return;
    }
    let guild_id = config.guild_id;
    if ask(api, guild_id).await != Presence::Removed {
        return;
    }
    match state.db.mark_guild_gone(guild_id, state.now_ms()).await {
        Ok(true) => tracing::info!(
            guild.id = %guild_id,
            "the bot was removed from this server; its data is removed in a day unless it answers again"
        ),
        Ok(false) => {}
        Err(e) => tracing::warn!(
            guild.id = %guild_id,
            error = format!("{e:#}"),
            "could not mark the server as gone; the next delivery asks again"
        ),
    }
}

/// A delivery to `config`'s server succeeded: a mark it had is cleared.
pub async fn answered(state: &AppState, config: &GuildConfig) {
    if config.gone_since.is_none() {
        return;
    }
    match state.db.clear_guild_gone(config.guild_id).await {
        Ok(true) => {
            tracing::info!(guild.id = %config.guild_id, "the server answers again; it is no longer marked gone")
        }
        Ok(false) => {}
        Err(e) => tracing::warn!(
            guild.id = %config.guild_id,
            error = format!("{e:#}"),
            "could not clear the server's gone mark"
        ),
    }
}

/// Maintenance: removes the data of servers marked gone over [`GRACE_MS`]
/// ago that are still out of reach; returns how many were removed.
pub async fn remove_expired(state: &AppState) -> anyhow::Result<usize> {
    let Some(api) = state.discord.as_deref() else {
        // Without Discord nothing is marked, and nothing can be confirmed.
        return Ok(0);
    };
    let cutoff = state.now_ms() - GRACE_MS;
    let mut removed = 0;
    for guild_id in state
        .db
        .guilds_gone_before(cutoff, REMOVALS_PER_RUN)
        .await?
    {
        // One last look: a server that answers now keeps everything.
        match ask(api, guild_id).await {
            Presence::Present => {
                if state.db.clear_guild_gone(guild_id).await? {
                    tracing::info!(guild.id = %guild_id, "the server answers again; its data stays");
                }
            }
            Presence::Unknown => {}
            Presence::Removed => removed += usize::from(remove(state, guild_id, cutoff).await?),
        }
    }
    Ok(removed)
}

/// Removes one server's data and releases the subscriptions of the
/// streamers only it followed.
async fn remove(state: &AppState, guild_id: GuildId, cutoff: i64) -> anyhow::Result<bool> {
    let Some(followed) = state.db.remove_gone_guild(guild_id, cutoff).await? else {
        return Ok(false);
    };
    let released = release(state, &followed).await;
    tracing::info!(
        guild.id = %guild_id,
        streamers = followed.len(),
        released,
        "removed the data of a server that removed the bot over a day ago"
    );
    Ok(true)
}

/// Releases the subscriptions of each streamer no server follows any more;
/// returns how many streamers that was.
async fn release(state: &AppState, followed: &[TwitchUserId]) -> usize {
    if state.twitch.is_none() {
        return 0;
    }
    let mut released = 0;
    for twitch_id in followed {
        match subscriptions::release_if_untracked(state, twitch_id).await {
            Ok(true) => released += 1,
            Ok(false) => {}
            Err(e) => tracing::warn!(
                streamer.id = %twitch_id,
                error = format!("{e:#}"),
                "releasing subscriptions failed; eventsub sync will clean up"
            ),
        }
    }
    released
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(status: u16, code: u64) -> Result<(), DiscordError> {
        Err(DiscordError::Refused {
            status,
            code: Some(crate::discord::api::DiscordCode::from_u64(code)),
            message: String::new(),
        })
    }

    #[test]
    fn only_the_server_itself_out_of_reach_means_removed() {
        assert_eq!(Presence::of(&Ok(())), Presence::Present);
        assert_eq!(Presence::of(&refused(404, 10004)), Presence::Removed);
        assert_eq!(Presence::of(&refused(403, 50001)), Presence::Removed);
        // A deleted channel, a missing permission, an outage: not removed.
        assert_eq!(Presence::of(&refused(404, 10003)), Presence::Unknown);
        assert_eq!(Presence::of(&refused(403, 50013)), Presence::Unknown);
        assert_eq!(Presence::of(&refused(502, 0)), Presence::Unknown);
        let plain_404 = Err(DiscordError::Refused {
            status: 404,
            code: None,
            message: "Not Found".into(),
        });
        assert_eq!(Presence::of(&plain_404), Presence::Unknown);
        let limited = Err(DiscordError::RateLimited {
            retry_after: std::time::Duration::from_secs(1),
            global: true,
        });
        assert_eq!(Presence::of(&limited), Presence::Unknown);
    }
}
