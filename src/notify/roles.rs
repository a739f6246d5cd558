//! Who gets pinged: the notification role per streamer that the bot
//! creates and hands out (`/notify on|off` and the 🔔 button), so that a
//! server of any size pings exactly the members who asked.

use anyhow::Context as _;
use twilight_model::{
    http::interaction::InteractionResponse,
    id::{Id, marker::RoleMarker},
};

use crate::{
    discord::{
        context::{Ctx, id, snowflake},
        reply::{Reply, escape},
    },
    store::{GuildConfig, PingMode, TrackedStreamer},
};

/// Discord error codes that mean "you may not do that here".
const MISSING_PERMISSIONS: u64 = 50013;
const MISSING_ACCESS: u64 = 50001;
const UNKNOWN_ROLE: u64 = 10011;

/// The JSON error code of a Discord error response, if it is one.
pub fn discord_code(error: &twilight_http::Error) -> Option<u64> {
    match error.kind() {
        twilight_http::error::ErrorType::Response {
            error: twilight_http::api_error::ApiError::General(e),
            ..
        } => Some(e.code),
        _ => None,
    }
}

/// The ping mode that applies to this streamer in this guild.
pub fn effective_mode(config: &GuildConfig, tracked: &TrackedStreamer) -> PingMode {
    tracked.overrides.ping_mode.0.unwrap_or(config.ping_mode)
}

/// What decides whether the interacting member is pinged: the server's
/// settings and the member's saved choices.
pub struct MemberChoices {
    config: GuildConfig,
    preferences: Vec<(String, bool)>,
}

impl MemberChoices {
    pub async fn load(ctx: &Ctx) -> anyhow::Result<Self> {
        let config = ctx.guild_config().await?;
        let preferences = ctx
            .state
            .db
            .notify_preferences(ctx.guild_id, ctx.user_id)
            .await?;
        Ok(Self {
            config,
            preferences,
        })
    }

    /// Is this member pinged for this streamer? With opt-in roles, holding
    /// the role decides; otherwise the saved choice (default: on).
    pub fn is_on(&self, ctx: &Ctx, tracked: &TrackedStreamer) -> bool {
        let member_roles = ctx
            .interaction
            .member
            .as_ref()
            .map(|m| m.roles.as_slice())
            .unwrap_or(&[]);
        match (
            effective_mode(&self.config, tracked),
            tracked.notify_role_id,
        ) {
            (PingMode::StreamerRole, Some(role)) => {
                member_roles.iter().any(|r| snowflake(r.get()) == role)
            }
            (PingMode::StreamerRole, None) => false,
            _ => self
                .preferences
                .iter()
                .find(|(id, _)| *id == tracked.streamer.twitch_id)
                .is_none_or(|(_, on)| *on),
        }
    }
}

/// Turns this member's pings for the streamer on or off and answers: at
/// once when only the saved choice changes (one database write, no Discord
/// call), or deferred when a notification role has to be given or taken.
pub async fn choose(
    ctx: &Ctx,
    tracked: TrackedStreamer,
    on: bool,
) -> anyhow::Result<InteractionResponse> {
    let (db, now) = (&ctx.state.db, ctx.now());
    db.set_notify_preference(
        ctx.guild_id,
        ctx.user_id,
        &tracked.streamer.twitch_id,
        on,
        now,
    )
    .await?;
    let config = db.ensure_guild(ctx.guild_id, None, now).await?;
    let mode = effective_mode(&config, &tracked);
    if mode != PingMode::StreamerRole {
        let name = escape(&tracked.streamer.display_name);
        let current = match (mode, tracked.overrides.ping_role_id.or(config.ping_role_id)) {
            (PingMode::Role, Some(role)) => format!("pings <@&{role}> for everyone"),
            _ => "doesn't ping anyone".to_owned(),
        };
        return Ok(Reply::text(format!(
            "Saved: {} for **{name}**. Right now this server {current} when they go live, so there is nothing \
             personal to switch yet; your choice applies as soon as an admin turns on opt-in pings \
             (`/setup ping:Members who opt in`).",
            if on { "pings on" } else { "pings off" }
        ))
        .into_response());
    }
    Ok(ctx.defer(move |ctx| async move { set_role(&ctx, &tracked, on).await }))
}

/// Gives or takes the streamer's notification role, and says so.
async fn set_role(ctx: &Ctx, tracked: &TrackedStreamer, on: bool) -> anyhow::Result<Reply> {
    let name = escape(&tracked.streamer.display_name);
    match apply_role(ctx, tracked, on).await {
        Ok(()) if on => Ok(Reply::text(format!(
            "🔔 You'll be pinged when **{name}** goes live. `/notify off` undoes it."
        ))),
        Ok(()) => Ok(Reply::text(format!(
            "🔕 You won't be pinged for **{name}** any more. `/notify on` undoes it."
        ))),
        Err(RoleError::NotAllowed) => Ok(Reply::text(
            "I can't hand out notification roles here. An admin needs to give me **Manage Roles** and drag my role \
             above the streamers' notification roles (Server Settings → Roles).",
        )),
        Err(RoleError::Other(e)) => Err(e),
    }
}

enum RoleError {
    NotAllowed,
    Other(anyhow::Error),
}

impl From<twilight_http::Error> for RoleError {
    fn from(e: twilight_http::Error) -> Self {
        match discord_code(&e) {
            Some(MISSING_PERMISSIONS | MISSING_ACCESS) => RoleError::NotAllowed,
            _ => RoleError::Other(e.into()),
        }
    }
}

/// The REST client and this guild's id, for role changes.
fn client_and_guild(
    ctx: &Ctx,
) -> Result<
    (
        &twilight_http::Client,
        Id<twilight_model::id::marker::GuildMarker>,
    ),
    RoleError,
> {
    let client = ctx
        .state
        .discord
        .as_deref()
        .context("Discord is not configured")
        .map_err(RoleError::Other)?;
    let guild = id(ctx.guild_id)
        .context("guild id")
        .map_err(RoleError::Other)?;
    Ok((client, guild))
}

async fn apply_role(ctx: &Ctx, tracked: &TrackedStreamer, on: bool) -> Result<(), RoleError> {
    let (client, guild) = client_and_guild(ctx)?;
    let user = id(ctx.user_id)
        .context("user id")
        .map_err(RoleError::Other)?;
    let existing = tracked.notify_role_id.and_then(id::<RoleMarker>);
    let role = match existing {
        Some(role) => role,
        None if !on => return Ok(()),
        None => create_role(ctx, tracked).await?,
    };
    let result = if on {
        client.add_guild_member_role(guild, user, role).await
    } else {
        client.remove_guild_member_role(guild, user, role).await
    };
    match result {
        Ok(_) => Ok(()),
        // An admin deleted the role: make a new one.
        Err(e) if on && discord_code(&e) == Some(UNKNOWN_ROLE) => {
            let role = create_role(ctx, tracked).await?;
            client.add_guild_member_role(guild, user, role).await?;
            Ok(())
        }
        Err(e) if !on && discord_code(&e) == Some(UNKNOWN_ROLE) => Ok(()),
        Err(e) => Err(e.into()),
    }
}

async fn create_role(ctx: &Ctx, tracked: &TrackedStreamer) -> Result<Id<RoleMarker>, RoleError> {
    let (client, guild) = client_and_guild(ctx)?;
    let name: String = format!("{} live", tracked.streamer.display_name)
        .chars()
        .take(100)
        .collect();
    let role = client
        .create_role(guild)
        .name(&name)
        .mentionable(true)
        .await?
        .model()
        .await
        .map_err(|e| RoleError::Other(e.into()))?;
    ctx.state
        .db
        .set_notify_role(
            ctx.guild_id,
            &tracked.streamer.twitch_id,
            Some(snowflake(role.id.get())),
        )
        .await
        .map_err(|e| RoleError::Other(e.into()))?;
    Ok(role.id)
}
