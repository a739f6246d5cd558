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

#[derive(Debug, CommandModel, CreateCommand)]
#[command(
    name = "notify",
    desc = "Choose which streamers' live notifications ping you",
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
#[command(name = "on", desc = "Get pinged when this streamer goes live")]
pub struct On {
    /// The streamer (Twitch name)
    #[command(autocomplete = true)]
    pub streamer: String,
}

#[derive(Debug, CommandModel, CreateCommand)]
#[command(name = "off", desc = "Stop being pinged when this streamer goes live")]
pub struct Off {
    /// The streamer (Twitch name)
    #[command(autocomplete = true)]
    pub streamer: String,
}

#[derive(Debug, CommandModel, CreateCommand)]
#[command(name = "list", desc = "Show which streamers ping you")]
pub struct List;

#[derive(Debug, CommandModel, CreateCommand)]
#[command(
    name = "forget",
    desc = "Erase what the bot keeps about you in this server, and take back its 🔔 roles"
)]
pub struct Forget;

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
    Ok(Reply::text(format!(
        "🧹 Done: I erased what I kept about you in this server ({erased} saved choice{} or draft{}) and took back \
         {} 🔔 role{} I gave you. Your id is also gone from anything you added here. What I keep, and for how long: {privacy}",
        if erased == 1 { "" } else { "s" },
        if erased == 1 { "" } else { "s" },
        bot_roles.len(),
        if bot_roles.len() == 1 { "" } else { "s" },
    )))
}

async fn list(ctx: &Ctx) -> anyhow::Result<InteractionResponse> {
    let routes = ctx.state.db.tracked_routes(ctx.guild_id).await?;
    if routes.is_empty() {
        return Ok(reply::ephemeral(
            "This server doesn't follow any streamers yet.",
        ));
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
        .title("Your live pings")
        .color(reply::COLOR)
        .description(format!(
            "{}\n\nChange with `/notify on` / `/notify off`, or the 🔔 button under any live notification.",
            lines.join("\n")
        ))
        .build();
    Ok(Reply::embed(embed).into_response())
}
