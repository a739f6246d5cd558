//! Who gets pinged, decided from plain values: the server's settings, a
//! route's own choice and one member's roles and saved choices. The Discord
//! side (`discord::pings`) turns these decisions into role changes and
//! replies. Members choose per streamer; the routes decide whether that
//! choice pings (a route that pings members who opt in uses the server's
//! one opt-in role for the streamer).

use crate::{
    ids::RoleId,
    store::{GuildConfig, PingMode, TrackedRoute},
};

/// The ping mode that applies to this route.
pub fn effective_mode(config: &GuildConfig, tracked: &TrackedRoute) -> PingMode {
    tracked.route.ping_mode.unwrap_or(config.ping_mode)
}

/// The role this route's notifications ping, if any.
pub fn ping_role(config: &GuildConfig, tracked: &TrackedRoute) -> Option<RoleId> {
    match effective_mode(config, tracked) {
        PingMode::None => None,
        PingMode::Role => tracked.route.ping_role_id.or(config.ping_role_id),
        PingMode::StreamerRole => tracked.notify_role_id,
    }
}

/// Does any of the streamer's routes ping members who opt in?
fn opt_in(config: &GuildConfig, routes: &[TrackedRoute]) -> bool {
    routes
        .iter()
        .any(|r| effective_mode(config, r) == PingMode::StreamerRole)
}

/// What decides whether one member is pinged: the server's settings and
/// the member's roles.
pub struct MemberChoices {
    pub config: GuildConfig,
}

impl MemberChoices {
    /// Is the member holding `member_roles` pinged for this streamer (its
    /// `routes` in this server)? With opt-in roles, holding the streamer's
    /// role decides; otherwise holding a role the routes ping for everyone.
    pub fn is_on(&self, member_roles: &[RoleId], routes: &[TrackedRoute]) -> bool {
        let Some(first) = routes.first() else {
            return false;
        };
        if opt_in(&self.config, routes) {
            return first
                .notify_role_id
                .is_some_and(|role| member_roles.contains(&role));
        }
        routes
            .iter()
            .filter_map(|r| ping_role(&self.config, r))
            .any(|role| member_roles.contains(&role))
    }
}

/// What a member's "ping me / don't" changes for one streamer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// Opt-in pings: the member's notification role is given or taken.
    ToggleRole,
    /// The server pings a role for everyone (`Some`) or nobody (`None`):
    /// there is no personal choice to make.
    NothingPersonal { everyone_role: Option<RoleId> },
}

/// What a choice does for the streamer whose routes are `routes`.
pub fn choice(config: &GuildConfig, routes: &[TrackedRoute]) -> Choice {
    if opt_in(config, routes) {
        return Choice::ToggleRole;
    }
    Choice::NothingPersonal {
        everyone_role: routes.iter().find_map(|r| ping_role(config, r)),
    }
}
