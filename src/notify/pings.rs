//! Who gets pinged, decided from plain values: the server's settings, the
//! streamer's overrides and one member's roles and saved choices. The
//! Discord side (`discord::pings`) turns these decisions into role changes
//! and replies.

use crate::{
    ids::{RoleId, TwitchUserId},
    store::{GuildConfig, PingMode, TrackedStreamer},
};

/// The ping mode that applies to this streamer in this guild.
pub fn effective_mode(config: &GuildConfig, tracked: &TrackedStreamer) -> PingMode {
    tracked.overrides.ping_mode.unwrap_or(config.ping_mode)
}

/// The role this streamer's notifications ping in this guild, if any.
pub fn ping_role(config: &GuildConfig, tracked: &TrackedStreamer) -> Option<RoleId> {
    match effective_mode(config, tracked) {
        PingMode::None => None,
        PingMode::Role => tracked.overrides.ping_role_id.or(config.ping_role_id),
        PingMode::StreamerRole => tracked.notify_role_id,
    }
}

/// What decides whether one member is pinged: the server's settings and
/// the member's saved choices.
pub struct MemberChoices {
    pub config: GuildConfig,
    /// (Twitch user id, pings on) as the member saved them.
    pub preferences: Vec<(TwitchUserId, bool)>,
}

impl MemberChoices {
    /// Is the member holding `member_roles` pinged for this streamer? With
    /// opt-in roles, holding the role decides; otherwise the saved choice
    /// (default: on).
    pub fn is_on(&self, member_roles: &[RoleId], tracked: &TrackedStreamer) -> bool {
        match (
            effective_mode(&self.config, tracked),
            tracked.notify_role_id,
        ) {
            (PingMode::StreamerRole, Some(role)) => member_roles.contains(&role),
            (PingMode::StreamerRole, None) => false,
            _ => self
                .preferences
                .iter()
                .find(|(id, _)| *id == tracked.streamer.twitch_id)
                .is_none_or(|(_, on)| *on),
        }
    }
}

/// What a member's "ping me / don't" changes for one streamer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// Opt-in pings: the member's notification role is given or taken.
    ToggleRole,
    /// The server pings a role for everyone (`Some`) or nobody (`None`):
    /// the saved choice waits until opt-in pings are turned on.
    NothingPersonal { everyone_role: Option<RoleId> },
}

pub fn choice(config: &GuildConfig, tracked: &TrackedStreamer) -> Choice {
    match effective_mode(config, tracked) {
        PingMode::StreamerRole => Choice::ToggleRole,
        PingMode::Role => Choice::NothingPersonal {
            everyone_role: tracked.overrides.ping_role_id.or(config.ping_role_id),
        },
        PingMode::None => Choice::NothingPersonal {
            everyone_role: None,
        },
    }
}
