//! Twitch Teams: `/streamers add team:` follows every member, and a roster
//! check on a schedule keeps the server in step with the team, following
//! members who joined and unfollowing those who left (only where the team's
//! roster added them; a streamer an admin also named by hand stays).

use std::collections::HashSet;

use crate::{
    following::{self, Place, Summary},
    ids::TwitchUserId,
    state::AppState,
    store::TeamFollow,
    twitch::types::{Team, User},
};

/// How often each followed team's roster is checked.
pub const ROSTER_EVERY_MS: i64 = 6 * 60 * 60 * 1000;
/// Teams checked per maintenance run (the rest wait for the next).
const PER_RUN: i64 = 20;

/// Follows every member of `team` at `place` and remembers the team.
pub async fn import(state: &AppState, place: Place, team: &Team) -> anyhow::Result<Summary> {
    let members = members(state, team).await?;
    let summary = following::follow_all(state, place, &members, Some(&team.id)).await?;
    let follow = TeamFollow {
        guild_id: place.guild_id,
        team_id: team.id.clone(),
        team_name: team.team_name.clone(),
        display_name: team.team_display_name.clone(),
        channel_id: place.channel.map(|c| c.0),
        channel_kind: place.channel.map(|c| c.1),
        added_by: place.added_by,
        checked_at: state.now_ms(),
        last_change: None,
        last_change_at: None,
    };
    state.db.follow_team(&follow, state.now_ms()).await?;
    Ok(summary)
}

/// The team's members as Twitch users (with their avatars).
async fn members(state: &AppState, team: &Team) -> anyhow::Result<Vec<User>> {
    let helix = state
        .twitch
        .as_deref()
        .ok_or_else(|| anyhow::anyhow!("Twitch is not configured"))?;
    let ids: Vec<&str> = team.users.iter().map(|u| u.user_id.as_str()).collect();
    let mut users = helix.users_by_id(&ids).await?;
    users.sort_by(|a, b| a.login.cmp(&b.login));
    Ok(users)
}

/// Checks the rosters not checked for [`ROSTER_EVERY_MS`]. One team's
/// failure is logged and retried at the next check.
pub async fn check_due(state: &AppState) -> anyhow::Result<()> {
    if state.twitch.is_none() {
        return Ok(());
    }
    let cutoff = state.now_ms() - ROSTER_EVERY_MS;
    for follow in state.db.team_follows_due(cutoff, PER_RUN).await? {
        if let Err(e) = check(state, &follow).await {
            tracing::warn!(
                error = format!("{e:#}"),
                guild.id = %follow.guild_id,
                team = %follow.team_name,
                "checking a team's roster failed; next check retries"
            );
        }
    }
    Ok(())
}

/// One roster check: members who joined are followed, routes of members
/// who left are removed, and what changed is recorded.
pub async fn check(state: &AppState, follow: &TeamFollow) -> anyhow::Result<()> {
    let helix = state
        .twitch
        .as_deref()
        .ok_or_else(|| anyhow::anyhow!("Twitch is not configured"))?;
    let Some(team) = helix.team(&follow.team_name).await? else {
        let (guild, id) = (follow.guild_id, &follow.team_id);
        state
            .db
            .team_checked(guild, id, Some(GONE), state.now_ms())
            .await?;
        return Ok(());
    };
    let on_roster: HashSet<&TwitchUserId> = team.users.iter().map(|u| &u.user_id).collect();
    let routed = state
        .db
        .team_routes(follow.guild_id, &follow.team_id)
        .await?;
    let routed_ids: HashSet<&TwitchUserId> = routed.iter().map(|(_, id)| id).collect();
    let joined = Team {
        users: team
            .users
            .iter()
            .filter(|u| !routed_ids.contains(&u.user_id))
            .cloned()
            .collect(),
        ..team.clone()
    };
    let place = Place {
        guild_id: follow.guild_id,
        channel: follow.channel_id.zip(follow.channel_kind),
        added_by: follow.added_by,
    };
    let added = if joined.users.is_empty() {
        Summary::default()
    } else {
        let members = members(state, &joined).await?;
        following::follow_all(state, place, &members, Some(&follow.team_id)).await?
    };
    let mut left = Vec::new();
    for (route_id, twitch_id) in routed.iter().filter(|(_, id)| !on_roster.contains(id)) {
        if let Some(name) = leave(state, follow, *route_id, twitch_id).await? {
            left.push(name);
        }
    }
    let change = describe(&added.added, &left);
    let (guild, id) = (follow.guild_id, &follow.team_id);
    state
        .db
        .team_checked(guild, id, change.as_deref(), state.now_ms())
        .await?;
    Ok(())
}

/// Removes a route the team added for a member who left; the streamer's
/// name when it went.
async fn leave(
    state: &AppState,
    follow: &TeamFollow,
    route_id: i64,
    twitch_id: &TwitchUserId,
) -> anyhow::Result<Option<String>> {
    let tracked = state
        .db
        .tracked_streamer(follow.guild_id, twitch_id)
        .await?;
    let (removed, unfollowed) = state.db.remove_route(route_id, state.now_ms()).await?;
    if unfollowed {
        let role = tracked.as_ref().and_then(|t| t.notify_role_id);
        following::unfollowed(state, follow.guild_id, role, twitch_id).await;
    }
    Ok(removed
        .then(|| tracked.map(|t| t.streamer.display_name))
        .flatten())
}

/// Stops following the team named `name` in the guild, and the members
/// its roster added (those also named by hand stay): the team and who went,
/// or `None` when the guild doesn't follow such a team.
pub async fn unfollow(
    state: &AppState,
    guild_id: crate::ids::GuildId,
    name: &str,
) -> anyhow::Result<Option<(TeamFollow, Vec<String>)>> {
    let name = name.trim().to_lowercase();
    let Some(follow) = state
        .db
        .team_follows(guild_id)
        .await?
        .into_iter()
        .find(|t| t.team_name == name || t.display_name.to_lowercase() == name)
    else {
        return Ok(None);
    };
    state.db.unfollow_team(guild_id, &follow.team_id).await?;
    let mut gone = Vec::new();
    for (route_id, twitch_id) in state.db.team_routes(guild_id, &follow.team_id).await? {
        if let Some(name) = leave(state, &follow, route_id, &twitch_id).await? {
            gone.push(name);
        }
    }
    Ok(Some((follow, gone)))
}

/// The change recorded when the team itself is gone from Twitch.
pub const GONE: &str = "the team no longer exists on Twitch; its streamers stay followed";
/// How a recorded change names who joined, and who left (`/streamers
/// list` reads them back to say it in the member's language).
pub const JOINED: &str = "joined: ";
pub const LEFT: &str = "left: ";
/// Between the parts of a recorded change.
pub const SEPARATOR: &str = " · ";

/// "joined: A, B · left: C", or nothing when nothing changed.
fn describe(joined: &[String], left: &[String]) -> Option<String> {
    let mut parts = Vec::new();
    if !joined.is_empty() {
        parts.push(format!("{JOINED}{}", joined.join(", ")));
    }
    if !left.is_empty() {
        parts.push(format!("{LEFT}{}", left.join(", ")));
    }
    (!parts.is_empty()).then(|| parts.join(SEPARATOR))
}

#[cfg(test)]
mod tests {
    use super::describe;

    #[test]
    fn a_roster_change_names_who_joined_and_who_left() {
        let (a, c) = (vec!["A".to_owned(), "B".to_owned()], vec!["C".to_owned()]);
        assert_eq!(describe(&a, &c).as_deref(), Some("joined: A, B · left: C"));
        assert_eq!(describe(&[], &c).as_deref(), Some("left: C"));
        assert_eq!(describe(&[], &[]), None);
    }
}
