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
    i18n::Lang,
    ids::RoleId,
    notify::pings::{Choice, MemberChoices, choice},
    store::TrackedRoute,
    tr,
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
        return Ok(Reply::text(tr!(ctx.lang, "notify-streamer-gone")).into_response());
    };
    let (db, now) = (&ctx.state.db, ctx.now());
    let config = ctx.guild_config().await?;
    let Choice::NothingPersonal { everyone_role } = choice(&config, &routes) else {
        db.set_notify_preference(
            ctx.guild_id,
            ctx.user_id,
            &tracked.streamer.twitch_id,
            on,
            now,
        )
        .await?;
        // The role is seen by the whole server: named in its language.
        let server_lang = config.lang();
        return Ok(
            ctx.defer(move |ctx| async move { set_role(&ctx, &tracked, on, server_lang).await })
        );
    };
    // Nothing personal to switch: say what the server does and what the
    // member can do, rather than save a choice that changes nothing.
    let name = escape(&tracked.streamer.display_name);
    let holds = everyone_role.is_some_and(|role| member_roles(ctx).contains(&role));
    Ok(Reply::text(nothing_personal(ctx.lang, &name, everyone_role, holds, on)).into_response())
}

/// The answer to `/notify on|off` (or 🔔) where the server pings a role for
/// everyone (`role`, which the member `holds` or not) or pings nobody.
fn nothing_personal(lang: Lang, name: &str, role: Option<RoleId>, holds: bool, on: bool) -> String {
    let opt_in = || tr!(lang, "notify-opt-in-needs-admin");
    let role = role.map(|r| r.to_string());
    match (role, holds, on) {
        (Some(role), true, false) => format!(
            "{} {}",
            tr!(lang, "notify-role-held-off", role = role, name = name),
            opt_in()
        ),
        (Some(role), false, false) => {
            tr!(lang, "notify-role-not-held-off", role = role, name = name)
        }
        (Some(role), true, true) => tr!(lang, "notify-role-held-on", role = role, name = name),
        (Some(role), false, true) => format!(
            "{} {}",
            tr!(lang, "notify-role-not-held-on", role = role, name = name),
            opt_in()
        ),
        (None, _, true) => format!(
            "{} {}",
            tr!(lang, "notify-nobody-pinged-on", name = name),
            opt_in()
        ),
        (None, _, false) => format!(
            "{} {}",
            tr!(lang, "notify-nobody-pinged-off", name = name),
            opt_in()
        ),
    }
}

/// Gives or takes the streamer's notification role, and says so.
/// `server_lang` names a role the bot creates.
async fn set_role(
    ctx: &Ctx,
    tracked: &TrackedRoute,
    on: bool,
    server_lang: Lang,
) -> anyhow::Result<Reply> {
    let name = escape(&tracked.streamer.display_name);
    let lang = ctx.lang;
    match apply_role(ctx, tracked, on, server_lang).await {
        Ok(()) if on => Ok(Reply::text(tr!(lang, "notify-on-done", name = name))),
        Ok(()) => Ok(Reply::text(tr!(lang, "notify-off-done", name = name))),
        Err(RoleError::Discord(e)) if e.code().is_some_and(DiscordCode::is_not_allowed) => {
            Ok(Reply::text(tr!(lang, "notify-cannot-give-roles")))
        }
        Err(RoleError::Discord(e)) if e.code() == Some(DiscordCode::MaxRoles) => {
            Ok(Reply::text(tr!(lang, "notify-too-many-roles", name = name)))
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

async fn apply_role(
    ctx: &Ctx,
    tracked: &TrackedRoute,
    on: bool,
    server_lang: Lang,
) -> Result<(), RoleError> {
    let api = ctx.discord()?;
    let (guild, user) = (ctx.guild_id.id(), ctx.user_id.id());
    let role = match tracked.notify_role_id.map(RoleId::id) {
        Some(role) => role,
        None if !on => return Ok(()),
        None => create_role(ctx, tracked, server_lang).await?,
    };
    match api.set_member_role(guild, user, role, on).await {
        Ok(()) => Ok(()),
        // An admin deleted the role: make a new one (or there is nothing to take).
        Err(e) if e.code() == Some(DiscordCode::UnknownRole) => {
            if on {
                let role = create_role(ctx, tracked, server_lang).await?;
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
async fn create_role(
    ctx: &Ctx,
    tracked: &TrackedRoute,
    server_lang: Lang,
) -> Result<Id<RoleMarker>, RoleError> {
    let (api, guild) = (ctx.discord()?, ctx.guild_id.id());
    let name: String = tr!(
        server_lang,
        "notify-role-name",
        name = &tracked.streamer.display_name
    )
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
