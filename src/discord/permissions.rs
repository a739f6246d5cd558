//! What the bot may do in a channel, and how to say what is missing.

use anyhow::Context as _;
use twilight_model::{guild::Permissions, id::Id};
use twilight_util::permission_calculator::PermissionCalculator;

use super::context::Ctx;
use crate::ids::ChannelId;

/// What posting a notification needs.
pub const TO_POST: Permissions = Permissions::VIEW_CHANNEL
    .union(Permissions::SEND_MESSAGES)
    .union(Permissions::EMBED_LINKS);

/// Names of `need` that `have` lacks, as Discord's settings call them.
pub fn missing(have: Permissions, need: Permissions) -> Vec<&'static str> {
    if have.contains(Permissions::ADMINISTRATOR) {
        return vec![];
    }
    [
        (Permissions::VIEW_CHANNEL, "View Channel"),
        (Permissions::SEND_MESSAGES, "Send Messages"),
        (Permissions::EMBED_LINKS, "Embed Links"),
        (Permissions::MANAGE_ROLES, "Manage Roles"),
        (
            Permissions::MENTION_EVERYONE,
            "Mention @everyone, @here and All Roles",
        ),
        (Permissions::MANAGE_MESSAGES, "Manage Messages"),
        (Permissions::MANAGE_WEBHOOKS, "Manage Webhooks"),
        (Permissions::READ_MESSAGE_HISTORY, "Read Message History"),
    ]
    .into_iter()
    .filter(|(p, _)| need.contains(*p) && !have.contains(*p))
    .map(|(_, name)| name)
    .collect()
}

/// "A, B and C".
pub fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => format!("**{one}**"),
        [init @ .., last] => format!(
            "{} and **{last}**",
            init.iter()
                .map(|i| format!("**{i}**"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// The bot's permissions in `channel_id` (and in the guild overall). In
/// the channel the command was used in, Discord tells us (`app_permissions`);
/// elsewhere they are computed from the guild's roles and the channel's
/// overwrites, as Discord does.
pub async fn bot_permissions(
    ctx: &Ctx,
    channel_id: ChannelId,
) -> anyhow::Result<(Permissions, Permissions)> {
    let api = ctx.discord()?;
    let guild_id = ctx.guild_id.id();
    let bot_id = Id::new_checked(ctx.interaction.application_id.get()).context("bot id")?;
    let (roles, member) = tokio::try_join!(
        async { api.roles(guild_id).await.map_err(anyhow::Error::from) },
        async {
            api.member(guild_id, bot_id)
                .await
                .map_err(anyhow::Error::from)
        },
    )
    .context("reading the server's roles")?;
    let everyone = roles
        .iter()
        .find(|r| r.id.get() == guild_id.get())
        .map_or(Permissions::empty(), |r| r.permissions);
    let member_roles: Vec<_> = roles
        .iter()
        .filter(|r| member.roles.contains(&r.id))
        .map(|r| (r.id, r.permissions))
        .collect();
    let calculator = PermissionCalculator::new(guild_id, bot_id, everyone, &member_roles);
    let guild_level = calculator.root();
    let in_channel = match ctx
        .interaction
        .channel
        .as_ref()
        .zip(ctx.interaction.app_permissions)
    {
        Some((here, app)) if ChannelId::from(here.id) == channel_id => app,
        _ => {
            let channel = api.channel(channel_id.id()).await?;
            calculator.in_channel(
                channel.kind,
                channel.permission_overwrites.as_deref().unwrap_or(&[]),
            )
        }
    };
    Ok((in_channel, guild_level))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_permissions_are_named_as_discord_names_them() {
        let have = Permissions::VIEW_CHANNEL;
        assert_eq!(missing(have, TO_POST), ["Send Messages", "Embed Links"]);
        assert!(missing(Permissions::ADMINISTRATOR, TO_POST).is_empty());
        assert_eq!(and_list(&["A", "B", "C"]), "**A**, **B** and **C**");
        assert_eq!(and_list(&["A"]), "**A**");
    }
}
