//! `/notify on|off` and the 🔔 button, Discord's side: load a member's
//! choices, give or take the streamer's notification role, and answer.
//! What a choice means is decided in `notify::pings`.

use twilight_model::{
    http::interaction::InteractionResponse,
    id::{Id, marker::RoleMarker},
};

use super::{
    api::{DiscordCode, DiscordError},
    context::Ctx,
    reply::{Reply, escape},
};
use crate::{
    ids::RoleId,
    notify::pings::{Choice, MemberChoices, choice},
    store::TrackedRoute,
};

/// This member's choices in this server.
pub async fn member_choices(ctx: &Ctx) -> anyhow::Result<MemberChoices> {
    Ok(MemberChoices {
        config: ctx.guild_config().await?,
    })
}

/// The roles of the member who is interacting.
pub fn member_roles(ctx: &Ctx) -> Vec<RoleId> {
    ctx.interaction
        .member
        .as_ref()
        .map(|m| m.roles.iter().map(|r| RoleId::from(*r)).collect())
        .unwrap_or_default()
}

/// Turns this member's pings for the streamer on or off and answers: at
/// once when only the saved choice changes (one database write, no Discord
/// call), or deferred when a notification role has to be given or taken.
/// `routes` are the streamer's routes in this server (at least one).
pub async fn choose(
    ctx: &Ctx,
    routes: Vec<TrackedRoute>,
    on: bool,
) -> anyhow::Result<InteractionResponse> {
    let Some(tracked) = routes.first().cloned() else {
        return Ok(
            Reply::text("This server doesn't follow that streamer any more.").into_response(),
        );
    };
    let (db, now) = (&ctx.state.db, ctx.now());
    let config = db.ensure_guild(ctx.guild_id, None, now).await?;
    let Choice::NothingPersonal { everyone_role } = choice(&config, &routes) else {
        db.set_notify_preference(
            ctx.guild_id,
            ctx.user_id,
            &tracked.streamer.twitch_id,
            on,
            now,
        )
        .await?;
        return Ok(ctx.defer(move |ctx| async move { set_role(&ctx, &tracked, on).await }));
    };
    // Nothing personal to switch: say what the server does and what the
    // member can do, rather than save a choice that changes nothing.
    let name = escape(&tracked.streamer.display_name);
    let holds = everyone_role.is_some_and(|role| member_roles(ctx).contains(&role));
    Ok(Reply::text(nothing_personal(&name, everyone_role, holds, on)).into_response())
}

/// The answer to `/notify on|off` (or 🔔) where the server pings a role for
/// everyone (`role`, which the member `holds` or not) or pings nobody.
fn nothing_personal(name: &str, role: Option<RoleId>, holds: bool, on: bool) -> String {
    let opt_in = "Per-member pings need an admin to turn on opt-in pings (`/setup ping:Members who opt in`).";
    match (role, holds, on) {
        (Some(role), true, false) => format!(
            "This server pings <@&{role}> for everyone when **{name}** goes live, and you have that role, so I can't \
             switch your ping off on its own. You can leave <@&{role}> if the server lets you pick roles \
             (Channels & Roles), or turn off role mentions for this server (server name → Notification Settings → \
             Suppress All Role @mentions). {opt_in}"
        ),
        (Some(role), false, false) => format!(
            "You won't be pinged for **{name}**: this server pings <@&{role}> when they go live, and you don't have that role."
        ),
        (Some(role), true, true) => format!(
            "You're already pinged when **{name}** goes live: this server pings <@&{role}>, and you have that role."
        ),
        (Some(role), false, true) => format!(
            "This server pings <@&{role}> when **{name}** goes live. To be pinged, take that role if the server lets you \
             pick roles (Channels & Roles), or ask an admin for it. {opt_in}"
        ),
        (None, _, _) => format!(
            "This server doesn't ping anyone when **{name}** goes live: the notification is posted without a ping, \
             so there is nothing to switch {}. {opt_in}",
            if on { "on" } else { "off" }
        ),
    }
}

/// Gives or takes the streamer's notification role, and says so.
async fn set_role(ctx: &Ctx, tracked: &TrackedRoute, on: bool) -> anyhow::Result<Reply> {
    let name = escape(&tracked.streamer.display_name);
    match apply_role(ctx, tracked, on).await {
        Ok(()) if on => Ok(Reply::text(format!(
            "🔔 You'll be pinged when **{name}** goes live. `/notify off` undoes it."
        ))),
        Ok(()) => Ok(Reply::text(format!(
            "🔕 You won't be pinged for **{name}** any more. `/notify on` undoes it."
        ))),
        Err(RoleError::Discord(e)) if e.code().is_some_and(DiscordCode::is_not_allowed) => {
            Ok(Reply::text(
                "I can't hand out notification roles here. An admin needs to give me **Manage Roles** and drag my role \
                 above the streamers' notification roles (Server Settings → Roles).",
            ))
        }
        Err(RoleError::Discord(e)) if e.code() == Some(DiscordCode::MaxRoles) => {
            Ok(Reply::text(format!(
                "This server has Discord's maximum of 250 roles, so I can't make a notification role for **{name}**. \
             An admin can delete roles nobody uses any more (Server Settings → Roles), then try again."
            )))
        }
        Err(RoleError::Discord(e)) => Err(e.into()),
        Err(RoleError::Other(e)) => Err(e),
    }
}

enum RoleError {
    Discord(DiscordError),
    Other(anyhow::Error),
}

impl From<DiscordError> for RoleError {
    fn from(e: DiscordError) -> Self {
        RoleError::Discord(e)
    }
}

impl From<anyhow::Error> for RoleError {
    fn from(e: anyhow::Error) -> Self {
        RoleError::Other(e)
    }
}

async fn apply_role(ctx: &Ctx, tracked: &TrackedRoute, on: bool) -> Result<(), RoleError> {
    let api = ctx.discord()?;
    let (guild, user) = (ctx.guild_id.id(), ctx.user_id.id());
    let role = match tracked.notify_role_id.map(RoleId::id) {
        Some(role) => role,
        None if !on => return Ok(()),
        None => create_role(ctx, tracked).await?,
    };
    match api.set_member_role(guild, user, role, on).await {
        Ok(()) => Ok(()),
        // An admin deleted the role: make a new one (or there is nothing to take).
        Err(e) if e.code() == Some(DiscordCode::UnknownRole) => {
            if on {
                let role = create_role(ctx, tracked).await?;
                api.set_member_role(guild, user, role, true).await?;
            }
            Ok(())
        }
        Err(e) => Err(e.into()),
    }
}

/// Creates the streamer's notification role, unless another member's
/// opt-in created one at the same moment: then that one is used and ours
/// deleted, so a server never holds two roles for one streamer.
async fn create_role(ctx: &Ctx, tracked: &TrackedRoute) -> Result<Id<RoleMarker>, RoleError> {
    let (api, guild) = (ctx.discord()?, ctx.guild_id.id());
    let name: String = format!("{} live", tracked.streamer.display_name)
        .chars()
        .take(100)
        .collect();
    // Not mentionable: members can't mass-ping everyone who opted in; the
    // bot pings it itself (Mention All Roles, checked by `/setup`).
    let role = api.create_role(guild, &name, false).await?;
    let twitch_id = &tracked.streamer.twitch_id;
    let won = ctx
        .state
        .db
        .claim_notify_role(
            ctx.guild_id,
            twitch_id,
            tracked.notify_role_id,
            RoleId::from(role.id),
        )
        .await
        .map_err(anyhow::Error::from)?;
    if won {
        return Ok(role.id);
    }
    if let Err(e) = api.delete_role(guild, role.id).await {
        tracing::warn!(error = %e, role.id = %role.id, "could not delete a notification role another opt-in made redundant");
    }
    let winner = ctx
        .state
        .db
        .tracked_streamer(ctx.guild_id, twitch_id)
        .await
        .map_err(anyhow::Error::from)?
        .and_then(|t| t.notify_role_id);
    winner.map(RoleId::id).ok_or_else(|| {
        RoleError::Other(anyhow::anyhow!(
            "the streamer's role was cleared while opting in"
        ))
    })
}
