//! What the bot may do in a channel, and how to say what is missing.

use anyhow::Context as _;
use twilight_model::{guild::Permissions, id::Id};
use twilight_util::permission_calculator::PermissionCalculator;

use super::context::Ctx;
use crate::{i18n::Lang, ids::ChannelId, tr};

/// What posting a notification needs.
pub const TO_POST: Permissions = Permissions::VIEW_CHANNEL
    .union(Permissions::SEND_MESSAGES)
    .union(Permissions::EMBED_LINKS);

/// The permissions of `need` that `have` lacks, one flag each, in the
/// order Discord's settings list them.
pub fn missing(have: Permissions, need: Permissions) -> Vec<Permissions> {
    if have.contains(Permissions::ADMINISTRATOR) {
        return vec![];
    }
    [
        Permissions::VIEW_CHANNEL,
        Permissions::SEND_MESSAGES,
        Permissions::EMBED_LINKS,
        Permissions::MANAGE_ROLES,
        Permissions::MENTION_EVERYONE,
        Permissions::MANAGE_MESSAGES,
        Permissions::MANAGE_WEBHOOKS,
        Permissions::READ_MESSAGE_HISTORY,
    ]
    .into_iter()
    .filter(|p| need.contains(*p) && !have.contains(*p))
    .collect()
}

/// A permission's name as Discord's settings call it in `lang`.
pub fn name(lang: Lang, permission: Permissions) -> String {
    match permission {
        Permissions::VIEW_CHANNEL => tr!(lang, "setup-perm-view-channel"),
        Permissions::SEND_MESSAGES => tr!(lang, "setup-perm-send-messages"),
        Permissions::EMBED_LINKS => tr!(lang, "setup-perm-embed-links"),
        Permissions::MANAGE_ROLES => tr!(lang, "setup-perm-manage-roles"),
        Permissions::MENTION_EVERYONE => tr!(lang, "setup-perm-mention-everyone"),
        Permissions::MANAGE_MESSAGES => tr!(lang, "setup-perm-manage-messages"),
        Permissions::MANAGE_WEBHOOKS => tr!(lang, "setup-perm-manage-webhooks"),
        Permissions::READ_MESSAGE_HISTORY => tr!(lang, "setup-perm-read-message-history"),
        other => format!("{other:?}"),
    }
}

/// "**A**, **B** and **C**", the permissions named in `lang`.
pub fn and_list(lang: Lang, permissions: &[Permissions]) -> String {
    let bold: Vec<String> = permissions
        .iter()
        .map(|p| format!("**{}**", name(lang, *p)))
        .collect();
    match bold.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => tr!(
            lang,
            "setup-list-last",
            init = init.join(&tr!(lang, "setup-list-separator")),
            last = last
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
        let lacking = missing(have, TO_POST);
        assert_eq!(
            lacking,
            [Permissions::SEND_MESSAGES, Permissions::EMBED_LINKS]
        );
        assert!(missing(Permissions::ADMINISTRATOR, TO_POST).is_empty());
        assert_eq!(
            and_list(Lang::En, &lacking),
            "**Send Messages** and **Embed Links**"
        );
        assert_eq!(
            and_list(Lang::De, &missing(Permissions::empty(), TO_POST)),
            "**Kanal ansehen**, **Nachrichten senden** und **Links einbetten**"
        );
        assert_eq!(
            and_list(Lang::Ja, &lacking),
            "**メッセージを送信**、**埋め込みリンク**"
        );
        assert_eq!(
            and_list(Lang::Fr, &lacking[..1]),
            "**Envoyer des messages**"
        );
    }
}
