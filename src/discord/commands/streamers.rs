//! `/streamers add|remove|list|test|link`: which Twitch streamers this
//! server follows.

use twilight_interactions::command::{CommandModel, CreateCommand};
use twilight_model::{
    application::interaction::InteractionChannel, guild::Role,
    http::interaction::InteractionResponse,
};
use twilight_util::builder::embed::{EmbedBuilder, EmbedFieldBuilder, ImageSource};

use crate::{
    discord::{
        context::Ctx,
        reply::{self, Reply},
        test_post,
    },
    links,
    store::{
        GuildConfig, NewStreamer, PingMode, StreamerOverrides, StreamerProblem, Subscription,
        SubscriptionStatus, TrackedStreamer,
    },
    twitch::{TwitchLogin, subscriptions},
};

#[derive(Debug, CommandModel, CreateCommand)]
#[expect(
    clippy::large_enum_variant,
    reason = "parsed once per interaction; the derive does not take boxed variants"
)]
#[command(
    name = "streamers",
    desc = "Manage the Twitch streamers this server gets live notifications for",
    default_permissions = "super::manage_guild",
    contexts = "guild",
    integration_types = "guild_install"
)]
pub enum Streamers {
    #[command(name = "add")]
    Add(Add),
    #[command(name = "remove")]
    Remove(Remove),
    #[command(name = "list")]
    List(List),
    #[command(name = "test")]
    Test(Test),
    #[command(name = "link")]
    Link(Link),
}

/// Follow a Twitch streamer: post here when they go live
#[derive(Debug, CommandModel, CreateCommand)]
#[command(
    name = "add",
    desc = "Follow a Twitch streamer: post a notification when they go live"
)]
pub struct Add {
    /// Their Twitch name, as in twitch.tv/<name>
    #[command(min_length = 1, max_length = 60)]
    pub login: String,
    /// Post this streamer's notifications here instead of the /setup channel
    #[command(channel_types = "guild_text guild_announcement")]
    pub channel: Option<InteractionChannel>,
    /// Ping this role for this streamer instead of the /setup choice
    pub role: Option<Role>,
}

#[derive(Debug, CommandModel, CreateCommand)]
#[command(name = "remove", desc = "Stop notifications for a streamer")]
pub struct Remove {
    /// The streamer (Twitch name)
    #[command(autocomplete = true)]
    pub streamer: String,
}

#[derive(Debug, CommandModel, CreateCommand)]
#[command(
    name = "list",
    desc = "Show the streamers this server follows and whether their alerts are healthy"
)]
pub struct List;

#[derive(Debug, CommandModel, CreateCommand)]
#[command(
    name = "test",
    desc = "Post a sample notification now (pings nobody) to check everything works"
)]
pub struct Test {
    /// The streamer (Twitch name)
    #[command(autocomplete = true)]
    pub streamer: String,
}

#[derive(Debug, CommandModel, CreateCommand)]
#[command(
    name = "link",
    desc = "Get a link a streamer can use to connect their Twitch account"
)]
pub struct Link;

pub async fn run(ctx: &Ctx, cmd: Streamers) -> anyhow::Result<InteractionResponse> {
    if let Some(refusal) = ctx.refuse_unless_admin() {
        return Ok(refusal);
    }
    match cmd {
        Streamers::Add(add) => self::add(ctx, add).await,
        Streamers::Remove(remove) => self::remove(ctx, &remove.streamer).await,
        Streamers::List(_) => list(ctx).await,
        Streamers::Test(test) => self::test(ctx, &test.streamer).await,
        Streamers::Link(_) => link(ctx),
    }
}

/// The tracked streamer a `streamer:` option names, or the reply saying so.
pub async fn find_tracked(
    ctx: &Ctx,
    typed: &str,
) -> anyhow::Result<Result<TrackedStreamer, InteractionResponse>> {
    let login = typed.trim().trim_start_matches('@').to_ascii_lowercase();
    let tracked = ctx.state.db.tracked_streamers(ctx.guild_id).await?;
    Ok(tracked
        .into_iter()
        .find(|t| t.streamer.login == login || t.streamer.display_name.eq_ignore_ascii_case(&login))
        .ok_or_else(|| {
            reply::ephemeral(format!(
                "This server doesn't follow **{}**. `/streamers list` shows who it follows; `/streamers add` adds someone.",
                crate::discord::reply::escape(typed.trim())
            ))
        }))
}

async fn add(ctx: &Ctx, add: Add) -> anyhow::Result<InteractionResponse> {
    let login = match TwitchLogin::parse(&add.login) {
        Ok(login) => login,
        Err(why) => return Ok(reply::ephemeral(why)),
    };
    if ctx.state.twitch.is_none() {
        return Ok(reply::ephemeral(
            "This StreamMaxing can't reach Twitch yet: its operator needs to set TWITCH_CLIENT_ID, \
             TWITCH_CLIENT_SECRET and TWITCH_EVENTSUB_SECRET.",
        ));
    }
    let overrides = StreamerOverrides {
        channel_id: add.channel.as_ref().map(|c| c.id.into()),
        channel_kind: add.channel.as_ref().map(|c| i32::from(u8::from(c.kind))),
        ping_mode: add.role.as_ref().map(|_| PingMode::Role),
        ping_role_id: add.role.as_ref().map(|r| r.id.into()),
        template: None,
    };
    Ok(ctx.defer(move |ctx| async move { add_deferred(&ctx, login, overrides).await }))
}

async fn add_deferred(
    ctx: &Ctx,
    login: TwitchLogin,
    overrides: StreamerOverrides,
) -> anyhow::Result<Reply> {
    let (state, now) = (&ctx.state, ctx.now());
    let helix = state
        .twitch
        .as_deref()
        .ok_or_else(|| anyhow::anyhow!("Twitch is not configured"))?;
    let Some(user) = helix
        .users_by_login(&[login.as_str()])
        .await?
        .into_iter()
        .next()
    else {
        return Ok(Reply::text(format!(
            "I couldn't find a Twitch account called **{}**. Check the spelling: it's the name in twitch.tv/**name**.",
            login.as_str()
        )));
    };
    let streamer = NewStreamer::from(&user);
    let streamer = state.db.upsert_streamer(&streamer, now).await?;
    let config = state.db.ensure_guild(ctx.guild_id, None, now).await?;
    let newly = state
        .db
        .track_streamer(ctx.guild_id, &user.id, Some(ctx.user_id), now)
        .await?;
    if overrides != StreamerOverrides::default() {
        let mut merged = state
            .db
            .tracked_streamer(ctx.guild_id, &user.id)
            .await?
            .map(|t| t.overrides)
            .unwrap_or_default();
        if overrides.channel_id.is_some() {
            (merged.channel_id, merged.channel_kind) =
                (overrides.channel_id, overrides.channel_kind);
        }
        if overrides.ping_role_id.is_some() {
            (merged.ping_mode, merged.ping_role_id) = (overrides.ping_mode, overrides.ping_role_id);
        }
        state
            .db
            .set_streamer_overrides(ctx.guild_id, &user.id, &merged)
            .await?;
    }
    let alerts = match subscriptions::ensure(state, &user.id).await {
        Ok(_) => "✅ Twitch will tell me the moment they go live.".to_owned(),
        Err(e) => {
            tracing::warn!(error = format!("{e:#}"), streamer.login = %user.login, "subscribing failed");
            format!(
                "⚠️ Twitch didn't accept the live-alert subscription yet ({}). I'll keep retrying every minute.",
                root_cause(&e)
            )
        }
    };
    let tracked = state.db.tracked_streamer(ctx.guild_id, &user.id).await?;
    let mut embed = EmbedBuilder::new()
        .title(format!(
            "{} {}",
            if newly {
                "Now following"
            } else {
                "Already following"
            },
            streamer.display_name
        ))
        .url(format!("https://twitch.tv/{}", streamer.login))
        .color(reply::COLOR_OK)
        .description(alerts);
    if let Some(Ok(avatar)) = streamer.avatar_url.as_deref().map(ImageSource::url) {
        embed = embed.thumbnail(avatar);
    }
    embed = embed
        .field(EmbedFieldBuilder::new("Posts in", where_to(&config, tracked.as_ref())).inline());
    embed = embed.field(EmbedFieldBuilder::new("Pings", whom(&config, tracked.as_ref())).inline());
    Ok(Reply::embed(embed.build()))
}

fn root_cause(e: &anyhow::Error) -> String {
    e.chain()
        .last()
        .map(ToString::to_string)
        .unwrap_or_default()
}

/// The channel a streamer's notifications go to, or how to choose one.
fn where_to(config: &GuildConfig, tracked: Option<&TrackedStreamer>) -> String {
    match tracked
        .and_then(|t| t.overrides.channel_id)
        .or(config.channel_id)
    {
        Some(channel) => format!("<#{channel}>"),
        None => "nowhere yet: choose a channel with `/setup channel:`".to_owned(),
    }
}

fn whom(config: &GuildConfig, tracked: Option<&TrackedStreamer>) -> String {
    let overrides = tracked.map(|t| &t.overrides);
    let mode = overrides
        .and_then(|o| o.ping_mode)
        .unwrap_or(config.ping_mode);
    let role = overrides
        .and_then(|o| o.ping_role_id)
        .or(config.ping_role_id);
    match (mode, role) {
        (PingMode::Role, Some(role)) => format!("<@&{role}>"),
        (PingMode::StreamerRole, _) => "members who opted in (`/notify on`)".to_owned(),
        _ => "nobody".to_owned(),
    }
}

async fn remove(ctx: &Ctx, typed: &str) -> anyhow::Result<InteractionResponse> {
    let tracked = match find_tracked(ctx, typed).await? {
        Ok(tracked) => tracked,
        Err(reply) => return Ok(reply),
    };
    let twitch_id = tracked.streamer.twitch_id.clone();
    ctx.state
        .db
        .untrack_streamer(ctx.guild_id, &twitch_id)
        .await?;
    let state = ctx.state.clone();
    // Twitch subscriptions go when no server follows the streamer any more.
    ctx.state.after_response(async move {
        if state.twitch.is_some()
            && let Err(e) = subscriptions::release_if_untracked(&state, &twitch_id).await
        {
            tracing::warn!(
                error = format!("{e:#}"),
                "releasing subscriptions failed; eventsub sync will clean up"
            );
        }
    });
    Ok(reply::ephemeral(format!(
        "Stopped following **{}**. No more notifications for them here.",
        reply::escape(&tracked.streamer.display_name)
    )))
}

async fn list(ctx: &Ctx) -> anyhow::Result<InteractionResponse> {
    let db = &ctx.state.db;
    let config = db.ensure_guild(ctx.guild_id, None, ctx.now()).await?;
    let tracked = db.tracked_streamers(ctx.guild_id).await?;
    let mut lines = Vec::new();
    if let (Some(code), detail) = (&config.needs_attention, &config.needs_attention_detail) {
        lines.push(format!(
            "⚠️ **Notifications are failing** ({code}): {}\n",
            detail.as_deref().unwrap_or("")
        ));
    }
    if config.channel_id.is_none() {
        lines.push("⚠️ No channel chosen yet: run `/setup channel:#your-channel`.\n".to_owned());
    }
    if tracked.is_empty() {
        lines.push("This server doesn't follow anyone yet. Add a streamer with `/streamers add login:<Twitch name>`.".to_owned());
    }
    let subs = ctx.state.db.guild_subscriptions(ctx.guild_id).await?;
    let last_sent: std::collections::HashMap<crate::ids::TwitchUserId, i64> = ctx
        .state
        .db
        .last_notifications_sent(ctx.guild_id)
        .await?
        .into_iter()
        .collect();
    for t in &tracked {
        let id = &t.streamer.twitch_id;
        let own: Vec<&Subscription> = subs.iter().filter(|s| &s.twitch_id == id).collect();
        lines.push(streamer_line(&config, t, &own, last_sent.get(id).copied()));
    }
    let description = fit(&lines, 4000);
    let embed = EmbedBuilder::new()
        .title(format!(
            "Following {} streamer{}",
            tracked.len(),
            if tracked.len() == 1 { "" } else { "s" }
        ))
        .color(reply::COLOR)
        .description(description)
        .build();
    Ok(Reply::embed(embed).into_response())
}

/// One streamer in `/streamers list`: liveness, alert health (with the
/// fix), where and whom it posts, and when it last did.
fn streamer_line(
    config: &GuildConfig,
    t: &TrackedStreamer,
    subs: &[&Subscription],
    last_sent: Option<i64>,
) -> String {
    let s = &t.streamer;
    let live = if s.live_stream_id.is_some() {
        "🔴 live now"
    } else {
        "⚫ offline"
    };
    let healthy = subs
        .iter()
        .filter(|s| s.status == SubscriptionStatus::Enabled)
        .count();
    let health = match (s.problem, healthy) {
        (Some(StreamerProblem::UserRemoved), _) => "⚠️ this Twitch account was deleted or banned: remove it with `/streamers remove`".to_owned(),
        (_, 3) => "✅ alerts active".to_owned(),
        _ if subs.iter().any(|s| s.status == SubscriptionStatus::WebhookCallbackVerificationPending) => "⏳ alerts being confirmed by Twitch".to_owned(),
        _ => "⚠️ alerts not active yet: I retry every minute (the operator can run `streammaxing eventsub sync`)".to_owned(),
    };
    let last = match last_sent {
        Some(at) => format!("last posted <t:{}:R>", at / 1000),
        None => "never posted yet".to_owned(),
    };
    let linked = if s.linked { " · ✔️ linked" } else { "" };
    format!(
        "**[{}](https://twitch.tv/{})** · {live}{linked}\n{health}\n{} · pings {} · {last}\n",
        reply::escape(&s.display_name),
        s.login,
        where_to(config, Some(t)),
        whom(config, Some(t)),
    )
}

/// Joins lines up to `limit` characters, saying how many did not fit.
fn fit(lines: &[String], limit: usize) -> String {
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        if out.chars().count() + line.chars().count() + 40 > limit {
            out.push_str(&format!("…and {} more.", lines.len() - i));
            break;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

async fn test(ctx: &Ctx, typed: &str) -> anyhow::Result<InteractionResponse> {
    let tracked = match find_tracked(ctx, typed).await? {
        Ok(tracked) => tracked,
        Err(reply) => return Ok(reply),
    };
    Ok(ctx.defer(move |ctx| async move { test_post::post(&ctx, &tracked).await }))
}

fn link(ctx: &Ctx) -> anyhow::Result<InteractionResponse> {
    let Some(secret) = ctx.state.config.app_secret.as_ref() else {
        return Ok(reply::ephemeral(
            "The link page isn't available on this StreamMaxing: its operator needs to set APP_SECRET.",
        ));
    };
    let expires_at = ctx.now() + links::LINK_TTL_MS;
    let claims = links::Claims {
        purpose: links::Purpose::TwitchLink,
        guild_id: ctx.guild_id,
        twitch_id: None,
        user_id: ctx.user_id,
        expires_at,
        nonce: links::nonce(),
    };
    use secrecy::ExposeSecret;
    let token = links::sign(secret.expose_secret(), &claims);
    let url = format!(
        "{}/link?token={token}",
        ctx.state.config.public_url.as_str().trim_end_matches('/')
    );
    let button = reply::link_button("Open the link page", url);
    let text = format!(
        "Send this link to the streamer. On it they connect their Twitch account: this server then follows them, \
         they show as verified, and their alerts stop counting against Twitch's subscription limit. \
         The link works once and expires <t:{}:R>.",
        expires_at / 1000
    );
    Ok(Reply::text(text)
        .with_components(vec![button])
        .into_response())
}
