//! Interaction payloads shaped like Discord's documented examples: a guild
//! member with `permissions`, `app_permissions`, `resolved`, `guild_id`,
//! `locale`, and options nested under subcommands.

use serde_json::{Value, json};

use super::discord::APP_ID;

pub const GUILD: u64 = 1_100_000_000_000_000_001;
pub const CHANNEL: u64 = 1_200_000_000_000_000_001;
pub const ADMIN: u64 = 1_500_000_000_000_000_001;
pub const MEMBER: u64 = 1_500_000_000_000_000_002;

/// Permission bits Discord sends as strings.
pub const MANAGE_GUILD: u64 = 1 << 5;
pub const ADMINISTRATOR: u64 = 1 << 3;
/// What a plain member usually has: view, send, embed, read history, …
pub const EVERYDAY: u64 = 0x0000_0000_0006_4c40;
/// View Channel | Send Messages | Embed Links | Mention Everyone | Manage Roles.
pub const BOT_PERMISSIONS: u64 = (1 << 10) | (1 << 11) | (1 << 14) | (1 << 17) | (1 << 28);

/// Who is interacting.
#[derive(Clone, Copy)]
pub struct Who {
    pub user: u64,
    pub permissions: u64,
}

pub const AS_ADMIN: Who = Who {
    user: ADMIN,
    permissions: EVERYDAY | MANAGE_GUILD,
};
pub const AS_MEMBER: Who = Who {
    user: MEMBER,
    permissions: EVERYDAY,
};

/// Every interaction has its own id, as Discord's do.
fn next_interaction_id() -> String {
    static NEXT: std::sync::atomic::AtomicU64 =
        std::sync::atomic::AtomicU64::new(1_600_000_000_000_000_001);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        .to_string()
}

fn base(kind: u8, who: Who, data: Value) -> Value {
    json!({
        "id": next_interaction_id(),
        "application_id": APP_ID.to_string(),
        "type": kind,
        "token": format!("interaction-token-{}", fastrand::u64(..)),
        "version": 1,
        "guild_id": GUILD.to_string(),
        "guild": {"id": GUILD.to_string(), "locale": "en-US", "features": []},
        "channel_id": CHANNEL.to_string(),
        "channel": {"id": CHANNEL.to_string(), "type": 0, "guild_id": GUILD.to_string(), "name": "general", "position": 0},
        "member": {
            "user": {"id": who.user.to_string(), "username": "someone", "discriminator": "0", "global_name": "Someone", "avatar": null},
            "roles": [],
            "permissions": who.permissions.to_string(),
            "joined_at": "2025-01-01T00:00:00.000000+00:00",
            "deaf": false, "mute": false, "flags": 0, "nick": null, "avatar": null,
            "premium_since": null, "pending": false, "communication_disabled_until": null
        },
        "app_permissions": BOT_PERMISSIONS.to_string(),
        "locale": "en-US",
        "guild_locale": "en-US",
        "entitlements": [],
        "authorizing_integration_owners": {"0": GUILD.to_string()},
        "context": 0,
        "attachment_size_limit": 10485760,
        "data": data
    })
}

/// A slash command; `options` are the top-level options (use [`sub`] for
/// subcommands) and `resolved` Discord's resolved objects.
pub fn slash(who: Who, name: &str, options: Value, resolved: Value) -> Value {
    base(
        2,
        who,
        json!({
            "id": "1700000000000000001", "name": name, "type": 1, "guild_id": GUILD.to_string(),
            "options": options, "resolved": resolved
        }),
    )
}

/// A subcommand with its options.
pub fn sub(name: &str, options: Value) -> Value {
    json!([{"name": name, "type": 1, "options": options}])
}

pub fn string(name: &str, value: &str) -> Value {
    json!({"name": name, "type": 3, "value": value})
}

/// An autocomplete request while typing `typed` into `option` of a subcommand.
pub fn autocomplete(who: Who, command: &str, subcommand: &str, option: &str, typed: &str) -> Value {
    base(
        4,
        who,
        json!({
            "id": "1700000000000000001", "name": command, "type": 1, "guild_id": GUILD.to_string(),
            "options": [{"name": subcommand, "type": 1, "options": [{"name": option, "type": 3, "value": typed, "focused": true}]}]
        }),
    )
}

/// A button click on one of our messages.
pub fn button(who: Who, custom_id: &str, roles: &[u64]) -> Value {
    let mut body = base(3, who, json!({"custom_id": custom_id, "component_type": 2}));
    body["member"]["roles"] = json!(roles.iter().map(u64::to_string).collect::<Vec<_>>());
    body["message"] = json!({
        "id": "1800000000000000001", "channel_id": CHANNEL.to_string(), "content": "", "timestamp": "2026-11-26T12:00:00.000000+00:00",
        "edited_timestamp": null, "tts": false, "mention_everyone": false, "mentions": [], "mention_roles": [],
        "attachments": [], "embeds": [], "components": [], "pinned": false, "type": 0, "flags": 0,
        "author": {"id": APP_ID.to_string(), "username": "StreamMaxing", "discriminator": "0", "global_name": null, "avatar": null, "bot": true}
    });
    body
}

/// A modal submission with (custom id, value) text inputs wrapped in labels.
pub fn modal_submit(who: Who, custom_id: &str, inputs: &[(&str, &str)]) -> Value {
    let components: Vec<Value> = inputs
        .iter()
        .map(|(id, value)| json!({"type": 18, "id": 1, "component": {"type": 4, "id": 2, "custom_id": id, "value": value}}))
        .collect();
    base(
        5,
        who,
        json!({"custom_id": custom_id, "components": components}),
    )
}

/// Discord's resolved entry for a channel option.
pub fn resolved_channel(id: u64, kind: u8) -> Value {
    json!({"channels": {id.to_string(): {"id": id.to_string(), "name": "live", "type": kind, "permissions": "2199023255551"}}})
}

/// Discord's resolved entry for a channel and a role option.
pub fn resolved_channel_and_role(channel: u64, role: u64, mentionable: bool) -> Value {
    let mut resolved = resolved_channel(channel, 0);
    resolved["roles"] =
        json!({role.to_string(): super::discord::role(role, "Live", 0, 2, mentionable)});
    resolved
}

pub fn channel_option(name: &str, id: u64) -> Value {
    json!({"name": name, "type": 7, "value": id.to_string()})
}

pub fn role_option(name: &str, id: u64) -> Value {
    json!({"name": name, "type": 8, "value": id.to_string()})
}

/// The same interaction from a member whose Discord speaks `locale`, in a
/// server whose preferred locale is `guild_locale` (Discord sends both).
pub fn in_locale(mut body: Value, locale: &str, guild_locale: &str) -> Value {
    body["locale"] = json!(locale);
    body["guild_locale"] = json!(guild_locale);
    body["guild"]["locale"] = json!(guild_locale);
    body
}
