//! Following and unfollowing a streamer in a server, whoever asks: one
//! name or many (`/streamers add`), a Twitch Team's roster (its import and
//! its scheduled checks). The budget check, the route, the subscriptions
//! and what goes when the last route goes happen the same way for all.

use crate::{
    ids::{ChannelId, GuildId, RoleId, TwitchUserId, UserId},
    state::AppState,
    store::{Added, NewStreamer, Streamer},
    twitch::{
        subscriptions::{self, budget},
        types::User,
    },
};

/// Where (and by whom) a streamer is followed.
#[derive(Debug, Clone, Copy)]
pub struct Place {
    pub guild_id: GuildId,
    /// `None`: the server's channel.
    pub channel: Option<(ChannelId, i32)>,
    pub added_by: Option<UserId>,
}

/// Whether Twitch will tell us when the streamer goes live.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subscribed {
    Yes,
    /// Twitch's budget is full; they wait for room.
    WaitsForRoom,
    /// Twitch refused for another reason (the root cause); maintenance retries.
    Retrying(String),
}

/// What following one streamer did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Followed {
        route_id: i64,
        /// A new route (false: that channel already had one).
        new_route: bool,
        subscribed: Subscribed,
    },
    /// Not followed: Twitch's subscription budget has no room for them.
    NoRoom(Option<budget::Full>),
}

/// Stores the streamer, and checks that a server new to them fits Twitch's
/// budget (linked streamers cost nothing). `Ok(Err(_))` when it doesn't;
/// otherwise the streamer and whether the server followed them already.
pub async fn admit(
    state: &AppState,
    guild_id: GuildId,
    user: &User,
) -> anyhow::Result<Result<(Streamer, bool), Option<budget::Full>>> {
    let streamer = state
        .db
        .upsert_streamer(&NewStreamer::from(user), state.now_ms())
        .await?;
    let followed_here = !state
        .db
        .streamer_routes(guild_id, &user.id)
        .await?
        .is_empty();
    if !followed_here && let Err(full) = budget::check_room(state, &user.id).await? {
        return Ok(Err(Some(full)));
    }
    Ok(Ok((streamer, followed_here)))
}

/// Makes sure the streamer's subscriptions exist for `route_id`. When the
/// budget filled up meanwhile and the server did not follow them before,
/// the route is taken back: `Ok(Err(_))`.
pub async fn subscribe(
    state: &AppState,
    route_id: i64,
    twitch_id: &TwitchUserId,
    followed_here: bool,
) -> anyhow::Result<Result<Subscribed, Option<budget::Full>>> {
    Ok(Ok(match subscriptions::ensure(state, twitch_id).await {
        Ok(_) => Subscribed::Yes,
        Err(e) if subscriptions::is_budget_full(&e) && !followed_here => {
            let (_, unfollowed) = state.db.remove_route(route_id, state.now_ms()).await?;
            if unfollowed {
                subscriptions::release_if_untracked(state, twitch_id).await?;
            }
            return Ok(Err(budget::check_room(state, twitch_id).await?.err()));
        }
        Err(e) if subscriptions::is_budget_full(&e) => Subscribed::WaitsForRoom,
        Err(e) => {
            tracing::warn!(error = format!("{e:#}"), streamer.id = %twitch_id, "subscribing failed");
            Subscribed::Retrying(
                e.chain()
                    .last()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            )
        }
    }))
}

/// Follows the streamer at `place`: admitted, routed, subscribed.
pub async fn follow(state: &AppState, place: Place, user: &User) -> anyhow::Result<Outcome> {
    let followed_here = match admit(state, place.guild_id, user).await? {
        Ok((_, followed_here)) => followed_here,
        Err(full) => return Ok(Outcome::NoRoom(full)),
    };
    state
        .db
        .ensure_guild(place.guild_id, None, state.now_ms())
        .await?;
    let Added {
        route_id,
        new_route,
        ..
    } = state
        .db
        .add_route(
            place.guild_id,
            &user.id,
            place.channel,
            place.added_by,
            state.now_ms(),
        )
        .await?;
    Ok(
        match subscribe(state, route_id, &user.id, followed_here).await? {
            Ok(subscribed) => Outcome::Followed {
                route_id,
                new_route,
                subscribed,
            },
            Err(full) => Outcome::NoRoom(full),
        },
    )
}

/// After the server's last route for a streamer went: the 🔔 role the bot
/// made for them is deleted, and their Twitch subscriptions go when no
/// server follows them any more. Failures are logged (maintenance and
/// `eventsub sync` clean up what is left).
pub async fn unfollowed(
    state: &AppState,
    guild_id: GuildId,
    role: Option<RoleId>,
    twitch_id: &TwitchUserId,
) {
    if let (Some(role), Some(api)) = (role, state.discord.as_deref()) {
        match api.delete_role(guild_id.id(), role.id()).await {
            Ok(()) => {}
            Err(e) if e.code() == Some(crate::discord::api::DiscordCode::UnknownRole) => {}
            Err(e) => tracing::warn!(
                error = %e,
                guild.id = %guild_id,
                "could not delete the notification role of an unfollowed streamer"
            ),
        }
    }
    if state.twitch.is_some()
        && let Err(e) = subscriptions::release_if_untracked(state, twitch_id).await
    {
        tracing::warn!(
            error = format!("{e:#}"),
            "releasing subscriptions failed; eventsub sync will clean up"
        );
    }
}

/// What following several streamers at once did, by display name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Followed now (a new route).
    pub added: Vec<String>,
    /// Followed already in that channel.
    pub already: Vec<String>,
    /// Not followed: no room in Twitch's budget.
    pub no_room: Vec<String>,
    /// Followed, but Twitch's subscription waits (budget full or refused).
    pub waiting: Vec<String>,
    /// The new routes (and their streamer), for the caller to adjust.
    pub new_routes: Vec<(i64, TwitchUserId)>,
    /// Every route followed, new or not.
    pub routes: Vec<i64>,
}

/// Follows each of `users` at `place`, one after another (each within
/// Twitch's budget as it stands then). Routes new here are marked as the
/// team's when `team_id` is given.
pub async fn follow_all(
    state: &AppState,
    place: Place,
    users: &[User],
    team_id: Option<&str>,
) -> anyhow::Result<Summary> {
    let mut summary = Summary::default();
    for user in users {
        let name = user.display_name.clone();
        match follow(state, place, user).await? {
            Outcome::NoRoom(_) => summary.no_room.push(name),
            Outcome::Followed {
                route_id,
                new_route,
                subscribed,
            } => {
                if subscribed != Subscribed::Yes {
                    summary.waiting.push(name.clone());
                }
                summary.routes.push(route_id);
                if new_route {
                    if team_id.is_some() {
                        state.db.set_route_team(route_id, team_id).await?;
                    }
                    summary.new_routes.push((route_id, user.id.clone()));
                    summary.added.push(name);
                } else {
                    // Named by hand: the route stays whoever's roster it came from.
                    if team_id.is_none() {
                        state.db.set_route_team(route_id, None).await?;
                    }
                    summary.already.push(name);
                }
            }
        }
    }
    Ok(summary)
}
