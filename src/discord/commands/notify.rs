//! `/notify on|off streamer:` and `/notify list`: any member chooses which
//! streamers ping them. (The "🔔 Notify me" button does the same.)

use twilight_interactions::command::{CommandModel, CreateCommand};
use twilight_model::http::interaction::InteractionResponse;
use twilight_util::builder::embed::EmbedBuilder;

use super::target;
use crate::discord::{
    context::Ctx,
    pings,
    reply::{self, Reply},
};
use crate::tr;

#[derive(Debug, CommandModel, CreateCommand)]
#[command(
    name = "notify",
    name_localizations = "cmd_notify_name",
    desc_localizations = "cmd_notify_desc",
    contexts = "guild",
    integration_types = "guild_install"
)]
pub enum Notify {
    #[command(name = "on")]
    On(On),
    #[command(name = "off")]
    Off(Off),
    #[command(name = "list")]
    List(List),
    #[command(name = "forget")]
    Forget(Forget),
}

#[derive(Debug, CommandModel, CreateCommand)]
#[command(
    name = "on",
    name_localizations = "cmd_notify_on_name",
    desc_localizations = "cmd_notify_on_desc"
)]
pub struct On {
    #[command(
        autocomplete = true,
        name_localizations = "opt_streamer_name",
        desc_localizations = "opt_streamer_desc"
    )]
    pub streamer: String,
}

#[derive(Debug, CommandModel, CreateCommand)]
#[command(
    name = "off",
    name_localizations = "cmd_notify_off_name",
    desc_localizations = "cmd_notify_off_desc"
)]
pub struct Off {
    #[command(
        autocomplete = true,
        name_localizations = "opt_streamer_name",
        desc_localizations = "opt_streamer_desc"
    )]
    pub streamer: String,
}

#[derive(Debug, CommandModel, CreateCommand)]
#[command(
    name = "list",
    name_localizations = "cmd_notify_list_name",
    desc_localizations = "cmd_notify_list_desc"
)]
pub struct List;

#[derive(Debug, CommandModel, CreateCommand)]
#[command(
    name = "forget",
    name_localizations = "cmd_notify_forget_name",
    desc_localizations = "cmd_notify_forget_desc"
)]
pub struct Forget;

crate::names! {
    cmd_notify_forget_name => "cmd-notify-forget-name",
    cmd_notify_list_name => "cmd-notify-list-name",
    cmd_notify_name => "cmd-notify-name",
    cmd_notify_off_name => "cmd-notify-off-name",
    cmd_notify_on_name => "cmd-notify-on-name",
    opt_streamer_name => "opt-streamer-name",
}

crate::descriptions! {
    cmd_notify_desc => "cmd-notify-desc",
    cmd_notify_forget_desc => "cmd-notify-forget-desc",
    cmd_notify_list_desc => "cmd-notify-list-desc",
    cmd_notify_off_desc => "cmd-notify-off-desc",
    cmd_notify_on_desc => "cmd-notify-on-desc",
    opt_streamer_desc => "opt-streamer-desc",
}

pub async fn run(ctx: &Ctx, cmd: Notify) -> anyhow::Result<InteractionResponse> {
    let (typed, on) = match cmd {
        Notify::On(On { streamer }) => (streamer, true),
        Notify::Off(Off { streamer }) => (streamer, false),
        Notify::List(_) => return list(ctx).await,
        Notify::Forget(_) => return Ok(ctx.defer(|ctx| async move { forget(&ctx).await })),
    };
    let routes = match target::routes(ctx, &typed, None).await? {
        Ok(routes) => routes,
        Err(reply) => return Ok(reply),
    };
    pings::choose(ctx, routes, on).await
}

/// Takes back the 🔔 roles the bot gave the member here, then erases their
/// choices, drafts and their id wherever they added something.
async fn forget(ctx: &Ctx) -> anyhow::Result<Reply> {
    let held = pings::member_roles(ctx);
    let bot_roles: Vec<_> = ctx
        .state
        .db
        .tracked_routes(ctx.guild_id)
        .await?
        .into_iter()
        .filter_map(|t| t.notify_role_id)
        .filter(|role| held.contains(role))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    if let (Some(api), false) = (ctx.state.discord.as_deref(), bot_roles.is_empty()) {
        for role in &bot_roles {
            api.set_member_role(ctx.guild_id.id(), ctx.user_id.id(), role.id(), false)
                .await?;
        }
    }
    let erased = ctx
        .state
        .db
        .forget_member(ctx.guild_id, ctx.user_id)
        .await?;
    let privacy = format!(
        "{}/privacy",
        ctx.state.config.public_url.as_str().trim_end_matches('/')
    );
    Ok(Reply::text(tr!(
        ctx.lang,
        "notify-forgotten",
        erased = erased,
        roles = bot_roles.len(),
        privacy = privacy,
    )))
}

async fn list(ctx: &Ctx) -> anyhow::Result<InteractionResponse> {
    let routes = ctx.state.db.tracked_routes(ctx.guild_id).await?;
    if routes.is_empty() {
        return Ok(reply::ephemeral(tr!(ctx.lang, "notify-list-empty")));
    }
    let choices = pings::member_choices(ctx).await?;
    let member_roles = pings::member_roles(ctx);
    // The routes come grouped by streamer: one line per streamer.
    let lines: Vec<String> = routes
        .chunk_by(|a, b| a.streamer.twitch_id == b.streamer.twitch_id)
        .map(|own| {
            let on = choices.is_on(&member_roles, own);
            format!(
                "{} **{}**",
                if on { "🔔" } else { "🔕" },
                reply::escape(&own[0].streamer.display_name)
            )
        })
        .collect();
    let embed = EmbedBuilder::new()
        .title(tr!(ctx.lang, "notify-list-title"))
        .color(reply::COLOR)
        .description(format!(
            "{}\n\n{}",
            lines.join("\n"),
            tr!(ctx.lang, "notify-list-how-to-change")
        ))
        .build();
    Ok(Reply::embed(embed).into_response())
}
