//! `/streamers add|remove|list|test|link`: which Twitch streamers this
//! server follows, and where each one's alerts go. A streamer can have
//! several routes (one per channel), each with its own ping, template,
//! filters and health.

use std::collections::{HashMap, HashSet};

use twilight_interactions::command::{CommandModel, CommandOption, CreateCommand, CreateOption};
use twilight_model::{
    application::interaction::InteractionChannel,
    channel::message::{Component, component::ButtonStyle},
    guild::Role,
    http::interaction::{InteractionResponse, InteractionResponseData, InteractionResponseType},
};
use twilight_util::builder::{
    embed::{EmbedBuilder, EmbedFieldBuilder, ImageSource},
    message::{ActionRowBuilder, ButtonBuilder},
};

use super::{
    many::{self, AddOptions, HOW_TO_FREE_ROOM},
    target::{self, place},
};
use crate::{
    discord::{
        context::Ctx,
        reply::{self, Reply},
        test_post,
    },
    following::{self, Subscribed},
    ids::{ChannelId, TwitchUserId},
    links,
    notify::{filters, pings},
    store::{
        Added, Attention, GuildConfig, PingMode, RouteEdit, StreamerProblem, Subscription,
        SubscriptionStatus, TeamFollow, TrackedRoute,
    },
    twitch::{TwitchLogin, subscriptions::budget},
};

#[derive(Debug, CommandModel, CreateCommand)]
#[command(
    name = "streamers",
    name_localizations = "cmd_streamers_name",
    desc_localizations = "cmd_streamers_desc",
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

/// Follow a Twitch streamer in a channel, or change how that channel's alerts work
#[derive(Debug, CommandModel, CreateCommand)]
#[command(
    name = "add",
    name_localizations = "cmd_streamers_add_name",
    desc_localizations = "cmd_streamers_add_desc"
)]
pub struct Add {
    #[command(
        min_length = 1,
        max_length = 2000,
        autocomplete = true,
        name_localizations = "opt_login_name",
        desc_localizations = "opt_add_login_desc"
    )]
    pub login: Option<String>,
    #[command(
        channel_types = "guild_text guild_announcement",
        name_localizations = "opt_channel_name",
        desc_localizations = "opt_add_channel_desc"
    )]
    pub channel: Option<InteractionChannel>,
    #[command(
        name_localizations = "opt_ping_name",
        desc_localizations = "opt_add_ping_desc"
    )]
    pub ping: Option<RoutePing>,
    #[command(
        name_localizations = "opt_role_name",
        desc_localizations = "opt_add_role_desc"
    )]
    pub role: Option<Role>,
    #[command(
        name_localizations = "opt_enabled_name",
        desc_localizations = "opt_add_enabled_desc"
    )]
    pub enabled: Option<bool>,
    #[command(
        min_length = 1,
        max_length = 100,
        name_localizations = "opt_team_name",
        desc_localizations = "opt_add_team_desc"
    )]
    pub team: Option<String>,
}

/// Whom one route pings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, CommandOption, CreateOption)]
pub enum RoutePing {
    #[option(
        name = "As the server's /setup says",
        name_localizations = "choice_ping_server",
        value = "server"
    )]
    Server,
    #[option(
        name = "Nobody",
        name_localizations = "choice_ping_none",
        value = "none"
    )]
    Nobody,
    #[option(
        name = "The role I pick",
        name_localizations = "choice_ping_role",
        value = "role"
    )]
    Role,
    #[option(
        name = "Members who opt in per streamer with /notify",
        name_localizations = "choice_ping_streamer_role",
        value = "streamer_role"
    )]
    OptIn,
}

#[derive(Debug, CommandModel, CreateCommand)]
#[command(
    name = "remove",
    name_localizations = "cmd_streamers_remove_name",
    desc_localizations = "cmd_streamers_remove_desc"
)]
pub struct Remove {
    #[command(
        autocomplete = true,
        name_localizations = "opt_streamer_name",
        desc_localizations = "opt_streamer_desc"
    )]
    pub streamer: Option<String>,
    #[command(
        channel_types = "guild_text guild_announcement",
        name_localizations = "opt_channel_name",
        desc_localizations = "opt_route_channel_desc"
    )]
    pub channel: Option<InteractionChannel>,
    #[command(
        autocomplete = true,
        name_localizations = "opt_team_name",
        desc_localizations = "opt_remove_team_desc"
    )]
    pub team: Option<String>,
}

#[derive(Debug, CommandModel, CreateCommand)]
#[command(
    name = "list",
    name_localizations = "cmd_streamers_list_name",
    desc_localizations = "cmd_streamers_list_desc"
)]
pub struct List;

#[derive(Debug, CommandModel, CreateCommand)]
#[command(
    name = "test",
    name_localizations = "cmd_streamers_test_name",
    desc_localizations = "cmd_streamers_test_desc"
)]
pub struct Test {
    #[command(
        autocomplete = true,
        name_localizations = "opt_streamer_name",
        desc_localizations = "opt_streamer_desc"
    )]
    pub streamer: String,
    #[command(
        channel_types = "guild_text guild_announcement",
        name_localizations = "opt_channel_name",
        desc_localizations = "opt_test_channel_desc"
    )]
    pub channel: Option<InteractionChannel>,
}

#[derive(Debug, CommandModel, CreateCommand)]
#[command(
    name = "link",
    name_localizations = "cmd_streamers_link_name",
    desc_localizations = "cmd_streamers_link_desc"
)]
pub struct Link;

crate::names! {
    choice_ping_none => "choice-ping-none",
    choice_ping_role => "choice-ping-role",
    choice_ping_server => "choice-ping-server",
    choice_ping_streamer_role => "choice-ping-streamer-role",
    cmd_streamers_add_name => "cmd-streamers-add-name",
    cmd_streamers_link_name => "cmd-streamers-link-name",
    cmd_streamers_list_name => "cmd-streamers-list-name",
    cmd_streamers_name => "cmd-streamers-name",
    cmd_streamers_remove_name => "cmd-streamers-remove-name",
    cmd_streamers_test_name => "cmd-streamers-test-name",
    opt_channel_name => "opt-channel-name",
    opt_enabled_name => "opt-enabled-name",
    opt_login_name => "opt-login-name",
    opt_ping_name => "opt-ping-name",
    opt_role_name => "opt-role-name",
    opt_streamer_name => "opt-streamer-name",
    opt_team_name => "opt-team-name",
}

crate::descriptions! {
    cmd_streamers_add_desc => "cmd-streamers-add-desc",
    cmd_streamers_desc => "cmd-streamers-desc",
    cmd_streamers_link_desc => "cmd-streamers-link-desc",
    cmd_streamers_list_desc => "cmd-streamers-list-desc",
    cmd_streamers_remove_desc => "cmd-streamers-remove-desc",
    cmd_streamers_test_desc => "cmd-streamers-test-desc",
    opt_add_channel_desc => "opt-add-channel-desc",
    opt_add_enabled_desc => "opt-add-enabled-desc",
    opt_add_login_desc => "opt-add-login-desc",
    opt_add_ping_desc => "opt-add-ping-desc",
    opt_add_role_desc => "opt-add-role-desc",
    opt_add_team_desc => "opt-add-team-desc",
    opt_remove_team_desc => "opt-remove-team-desc",
    opt_route_channel_desc => "opt-route-channel-desc",
    opt_streamer_desc => "opt-streamer-desc",
    opt_test_channel_desc => "opt-test-channel-desc",
}

/// The custom id prefix of `/streamers list`'s page buttons.
pub const LIST_PAGE_PREFIX: &str = "streamers-list:";

pub async fn run(ctx: &Ctx, cmd: Streamers) -> anyhow::Result<InteractionResponse> {
    if let Some(refusal) = ctx.refuse_unless_admin() {
        return Ok(refusal);
    }
    match cmd {
        Streamers::Add(add) => self::add(ctx, add).await,
        Streamers::Remove(remove) => self::remove(ctx, remove).await,
        Streamers::List(_) => Ok(list_page(ctx, 0).await?.into_response()),
        Streamers::Test(test) => self::test(ctx, test).await,
        Streamers::Link(_) => link(ctx),
    }
}

async fn add(ctx: &Ctx, add: Add) -> anyhow::Result<InteractionResponse> {
    if ctx.state.twitch.is_none() {
        return Ok(reply::ephemeral(
            "This StreamMaxing can't reach Twitch yet: its operator needs to set TWITCH_CLIENT_ID, \
             TWITCH_CLIENT_SECRET and TWITCH_EVENTSUB_SECRET.",
        ));
    }
    let ping = match (add.ping, &add.role) {
        (Some(RoutePing::Role), None) => {
            return Ok(reply::ephemeral(
                "To ping a role on this route, pick it with `role:`, e.g. `/streamers add login:shroud role:@Live`.",
            ));
        }
        (Some(RoutePing::Role) | None, Some(role)) => {
            Some((Some(PingMode::Role), Some(role.id.into())))
        }
        (Some(RoutePing::Nobody), _) => Some((Some(PingMode::None), None)),
        (Some(RoutePing::OptIn), _) => Some((Some(PingMode::StreamerRole), None)),
        (Some(RoutePing::Server), _) => Some((None, None)),
        (None, None) => None,
    };
    let options = AddOptions {
        channel: add
            .channel
            .as_ref()
            .map(|c| (c.id.into(), i32::from(u8::from(c.kind)))),
        edit: RouteEdit {
            ping,
            enabled: add.enabled,
            ..RouteEdit::default()
        },
    };
    let names = match (add.login.as_deref(), add.team) {
        (Some(_), Some(_)) => {
            return Ok(reply::ephemeral(
                "Name streamers (`login:`) or a team (`team:`), not both at once.",
            ));
        }
        (None, None) => {
            return Ok(reply::ephemeral(
                "Name a streamer with `login:` (type to search Twitch; several separated by commas) \
                 or a Twitch Team with `team:`.",
            ));
        }
        (None, Some(team)) => {
            return Ok(
                ctx.defer(move |ctx| async move { many::add_team(&ctx, &team, options).await })
            );
        }
        (Some(typed), None) => many::names(typed),
    };
    match names.as_slice() {
        [one] => {
            let login = match TwitchLogin::parse(one) {
                Ok(login) => login,
                Err(why) => return Ok(reply::ephemeral(why)),
            };
            Ok(ctx.defer(move |ctx| async move { add_deferred(&ctx, login, options).await }))
        }
        [] => Ok(reply::ephemeral(
            "Name a streamer with `login:`: the name from their channel address, twitch.tv/**name**.",
        )),
        _ if names.len() > many::MAX_NAMES => Ok(reply::ephemeral(format!(
            "That's {} names; I can add up to {} at once. Split the list in two.",
            names.len(),
            many::MAX_NAMES
        ))),
        _ => Ok(ctx.defer(move |ctx| async move { many::add_names(&ctx, names, options).await })),
    }
}

/// What happened to the route `/streamers add` named.
enum Done {
    Created,
    Updated,
    /// A route whose channel was deleted now posts in the new channel.
    Moved {
        from: ChannelId,
    },
}

async fn add_deferred(ctx: &Ctx, login: TwitchLogin, o: AddOptions) -> anyhow::Result<Reply> {
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
    // A streamer new here must fit Twitch's budget (unless they linked).
    let (streamer, followed_here) = match following::admit(state, ctx.guild_id, &user).await? {
        Ok(admitted) => admitted,
        Err(full) => return Ok(Reply::text(budget_full(&user.display_name, full))),
    };
    let config = state.db.ensure_guild(ctx.guild_id, None, now).await?;
    let (route_id, done) = match moved_route(ctx, &user.id, o.channel).await? {
        Some((route_id, from)) => (route_id, Done::Moved { from }),
        None => {
            let Added {
                route_id,
                new_route,
                ..
            } = state
                .db
                .add_route(ctx.guild_id, &user.id, o.channel, Some(ctx.user_id), now)
                .await?;
            (
                route_id,
                if new_route {
                    Done::Created
                } else {
                    Done::Updated
                },
            )
        }
    };
    // Named by hand: it stays if a team that added it loses them.
    state.db.set_route_team(route_id, None).await?;
    let unchanged = o.edit == RouteEdit::default();
    if !unchanged {
        state.db.edit_route(route_id, &o.edit, now).await?;
    }
    // The budget may have filled up since it was last reported: a streamer
    // new here is then not followed after all.
    let alerts = match following::subscribe(state, route_id, &user.id, followed_here).await? {
        Ok(subscribed) => alerts_note(&subscribed),
        Err(full) => return Ok(Reply::text(budget_full(&streamer.display_name, full))),
    };
    let live_now = matches!(done, Done::Created)
        && crate::delivery::current_stream::announce_current_stream(state, route_id, &user.id)
            .await?;
    let Some(tracked) = state.db.route(route_id).await? else {
        return Ok(Reply::text(
            "That route was removed while I was adding it; run the command again.",
        ));
    };
    let others = state
        .db
        .streamer_routes(ctx.guild_id, &user.id)
        .await?
        .len()
        .saturating_sub(1);
    let name = &streamer.display_name;
    let title = match done {
        Done::Created if others == 0 => format!("Now following {name}"),
        Done::Created => format!("Added another channel for {name}"),
        Done::Updated if unchanged => format!("Already following {name}"),
        Done::Updated => format!("Updated {name}'s alerts"),
        Done::Moved { .. } => format!("Moved {name}'s alerts"),
    };
    let mut description = alerts;
    if live_now {
        description.push_str(
            "\n🔴 They're live right now: I posted their current stream, without a ping.",
        );
    }
    if let Done::Moved { from } = done {
        description.push_str(&format!(
            "\nThe route that posted in the deleted channel <#{from}> posts here now, with its ping, template and filters."
        ));
    }
    if others > 0 {
        description.push_str(&format!(
            "\nThey have {others} other alert route{} here: `/streamers list` shows them all.",
            if others == 1 { "" } else { "s" }
        ));
    }
    let mut embed = EmbedBuilder::new()
        .title(title)
        .url(format!("https://twitch.tv/{}", streamer.login))
        .color(reply::COLOR_OK)
        .description(description);
    if let Some(Ok(avatar)) = streamer.avatar_url.as_deref().map(ImageSource::url) {
        embed = embed.thumbnail(avatar);
    }
    embed = embed
        .field(EmbedFieldBuilder::new("Posts in", place(&config, &tracked)).inline())
        .field(EmbedFieldBuilder::new("Pings", whom(&config, &tracked)).inline())
        .field(
            EmbedFieldBuilder::new(
                "Filters",
                filters::describe(&tracked.route.filters())
                    .unwrap_or_else(|| "none: every stream (`/filter` adds some)".to_owned()),
            )
            .inline(),
        );
    if !tracked.route.enabled {
        embed = embed.field(EmbedFieldBuilder::new(
            "Status",
            "⏸️ paused (`enabled:True` resumes it)",
        ));
    }
    Ok(Reply::embed(embed.build()))
}

/// Why `/streamers add` refused: the budget is full, and what frees room.
fn budget_full(name: &str, full: Option<budget::Full>) -> String {
    let numbers = full.map_or(String::new(), |f| {
        format!(
            " ({} of {} used; following them needs {} more)",
            f.used, f.max, f.needed
        )
    });
    format!(
        "⚠️ I can't follow **{}** yet: Twitch's live-alert budget for this StreamMaxing is full{numbers}. {}",
        reply::escape(name),
        HOW_TO_FREE_ROOM
    )
}

/// With a new `channel`: the streamer's route whose own channel was
/// deleted, moved there (the fix its warning names), with the channel it
/// had. Nothing when there is no such route or the channel already has one.
async fn moved_route(
    ctx: &Ctx,
    twitch_id: &TwitchUserId,
    channel: Option<(ChannelId, i32)>,
) -> anyhow::Result<Option<(i64, ChannelId)>> {
    let Some((channel_id, kind)) = channel else {
        return Ok(None);
    };
    let routes = ctx
        .state
        .db
        .streamer_routes(ctx.guild_id, twitch_id)
        .await?;
    if routes
        .iter()
        .any(|t| t.route.channel_id == Some(channel_id))
    {
        return Ok(None);
    }
    let Some(broken) = routes.iter().find(|t| {
        t.route.needs_attention == Some(Attention::UnknownChannel) && t.route.channel_id.is_some()
    }) else {
        return Ok(None);
    };
    let (id, from) = (broken.route.id, broken.route.channel_id);
    let edit = RouteEdit {
        channel: Some((Some(channel_id), Some(kind))),
        ..RouteEdit::default()
    };
    let db = &ctx.state.db;
    db.edit_route(id, &edit, ctx.now()).await?;
    db.clear_route_attention(id, ctx.now()).await?;
    Ok(from.map(|from| (id, from)))
}

/// What the reply says about the streamer's live alerts.
fn alerts_note(subscribed: &Subscribed) -> String {
    match subscribed {
        Subscribed::Yes => "✅ Twitch will tell me the moment they go live.".to_owned(),
        Subscribed::WaitsForRoom => format!(
            "⚠️ Twitch's subscription budget for this StreamMaxing is full, so their alerts wait for room. {HOW_TO_FREE_ROOM}"
        ),
        Subscribed::Retrying(why) => format!(
            "⚠️ Twitch didn't accept the live-alert subscription yet ({why}). I'll keep retrying every minute."
        ),
    }
}

/// Whom a route pings.
fn whom(config: &GuildConfig, t: &TrackedRoute) -> String {
    match pings::effective_mode(config, t) {
        PingMode::StreamerRole => "members who opted in (`/notify on`)".to_owned(),
        PingMode::Role => match pings::ping_role(config, t) {
            Some(role) => format!("<@&{role}>"),
            None => "nobody (the role is not set: `/setup role:`)".to_owned(),
        },
        PingMode::None => "nobody".to_owned(),
    }
}

async fn remove(ctx: &Ctx, cmd: Remove) -> anyhow::Result<InteractionResponse> {
    let streamer = match (cmd.streamer, cmd.team) {
        (Some(streamer), None) => streamer,
        (None, Some(team)) => return many::remove_team(ctx, &team).await,
        _ => {
            return Ok(reply::ephemeral(
                "Name a streamer (`streamer:`) or a followed team (`team:`) to remove.",
            ));
        }
    };
    let routes = match target::routes(ctx, &streamer, cmd.channel.as_ref()).await? {
        Ok(routes) => routes,
        Err(reply) => return Ok(reply),
    };
    let config = ctx.guild_config().await?;
    let (name, twitch_id) = (
        reply::escape(&routes[0].streamer.display_name),
        routes[0].streamer.twitch_id.clone(),
    );
    let mut unfollowed = false;
    let mut places = Vec::new();
    for t in &routes {
        let (removed, gone) = ctx.state.db.remove_route(t.route.id, ctx.now()).await?;
        if removed {
            places.push(place(&config, t));
        }
        unfollowed |= gone;
    }
    if unfollowed {
        let state = ctx.state.clone();
        // The 🔔 role the bot made for them goes with the follow.
        let role = routes[0].notify_role_id;
        let guild = ctx.guild_id;
        ctx.state.after_response(async move {
            following::unfollowed(&state, guild, role, &twitch_id).await;
        });
        let role_note = if role.is_some() {
            " The 🔔 role I made for them is deleted."
        } else {
            ""
        };
        return Ok(reply::ephemeral(format!(
            "Stopped following **{name}**. No more notifications for them here.{role_note}"
        )));
    }
    Ok(reply::ephemeral(format!(
        "Stopped **{name}**'s alerts in {}. Their other alerts here go on (`/streamers list`).",
        places.join(", ")
    )))
}

/// Routes listed per page at most (and fewer when their text is long).
const PER_PAGE: usize = 12;
/// An embed description holds 4,096 characters; leave room.
const PAGE_CHARS: usize = 3_800;

/// One page of `/streamers list`, with buttons to the others.
pub async fn list_page(ctx: &Ctx, page: usize) -> anyhow::Result<Reply> {
    let db = &ctx.state.db;
    let config = ctx.guild_config().await?;
    let routes = db.tracked_routes(ctx.guild_id).await?;
    let subs = db.guild_subscriptions(ctx.guild_id).await?;
    let waiting: HashSet<TwitchUserId> = db
        .refusals()
        .await?
        .into_iter()
        .map(|r| r.twitch_id)
        .collect();
    let last_sent: HashMap<i64, i64> = db
        .last_notifications_sent(ctx.guild_id)
        .await?
        .into_iter()
        .collect();
    let mut header = String::new();
    if config.channel_id.is_none() && routes.iter().any(|t| t.route.channel_id.is_none()) {
        header.push_str("⚠️ No server channel chosen yet: run `/setup channel:#your-channel`.\n");
    }
    if !config.enabled {
        header.push_str("⏸️ Notifications are paused in this server (`/setup enabled:True`).\n");
    }
    if routes.is_empty() {
        header.push_str("This server doesn't follow anyone yet. Add a streamer with `/streamers add login:<Twitch name>`.");
    }
    for team in db.team_follows(ctx.guild_id).await? {
        header.push_str(&team_line(&team, &routes));
    }
    // One block per route; a streamer's first route carries its header.
    let mut blocks = Vec::new();
    for (i, t) in routes.iter().enumerate() {
        let first = i == 0 || routes[i - 1].streamer.twitch_id != t.streamer.twitch_id;
        let mut block = String::new();
        if first {
            let own: Vec<&Subscription> = subs
                .iter()
                .filter(|s| s.twitch_id == t.streamer.twitch_id)
                .collect();
            let waits = waiting.contains(&t.streamer.twitch_id);
            block.push_str(&streamer_line(t, &own, waits));
        }
        block.push_str(&route_line(&config, t, last_sent.get(&t.route.id).copied()));
        blocks.push(block);
    }
    let pages = paginate(&blocks, PAGE_CHARS.saturating_sub(header.len()));
    let count = pages.len().max(1);
    let page = page.min(count - 1);
    let body = pages.get(page).cloned().unwrap_or_default();
    let streamers = {
        let mut ids: Vec<&TwitchUserId> = routes.iter().map(|t| &t.streamer.twitch_id).collect();
        ids.dedup();
        ids.len()
    };
    let attention = routes
        .iter()
        .filter(|t| t.route.needs_attention.is_some())
        .count();
    let title = format!(
        "Following {streamers} streamer{} · {} alert route{}{}",
        plural(streamers),
        routes.len(),
        plural(routes.len()),
        if attention > 0 {
            format!(
                " · ⚠️ {attention} need{} attention",
                if attention == 1 { "s" } else { "" }
            )
        } else {
            String::new()
        }
    );
    let mut embed = EmbedBuilder::new()
        .title(title)
        .color(if attention > 0 {
            reply::COLOR_WARN
        } else {
            reply::COLOR
        })
        .description(format!("{header}{body}"));
    if count > 1 {
        embed = embed.footer(twilight_util::builder::embed::EmbedFooterBuilder::new(
            format!("Page {} of {count}", page + 1),
        ));
    }
    let reply = Reply::embed(embed.build());
    Ok(if count > 1 {
        reply.with_components(vec![page_buttons(page, count)])
    } else {
        reply
    })
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Groups blocks into pages of at most [`PER_PAGE`] blocks and `chars`
/// characters.
fn paginate(blocks: &[String], chars: usize) -> Vec<String> {
    let mut pages = Vec::new();
    let (mut page, mut n) = (String::new(), 0);
    for block in blocks {
        let fits = page.chars().count() + block.chars().count() < chars;
        if n > 0 && (n == PER_PAGE || !fits) {
            pages.push(std::mem::take(&mut page));
            n = 0;
        }
        page.push_str(block);
        n += 1;
    }
    if n > 0 {
        pages.push(page);
    }
    pages
}

fn page_buttons(page: usize, count: usize) -> Component {
    let button = |label: &str, to: usize, disabled: bool| {
        ButtonBuilder::new(ButtonStyle::Secondary)
            .label(label)
            .custom_id(format!("{LIST_PAGE_PREFIX}{to}"))
            .disabled(disabled)
            .build()
    };
    Component::ActionRow(
        ActionRowBuilder::new()
            .component(button("◀ Previous", page.saturating_sub(1), page == 0))
            .component(button("Next ▶", page + 1, page + 1 >= count))
            .build(),
    )
}

/// A page button was pressed: the list's message shows that page.
pub async fn list_page_button(ctx: &Ctx, page: &str) -> anyhow::Result<InteractionResponse> {
    if let Some(refusal) = ctx.refuse_unless_admin() {
        return Ok(refusal);
    }
    let page = page.parse().unwrap_or(0);
    let reply = list_page(ctx, page).await?;
    Ok(InteractionResponse {
        kind: InteractionResponseType::UpdateMessage,
        data: Some(InteractionResponseData {
            embeds: Some(reply.embeds),
            components: Some(reply.components),
            allowed_mentions: Some(Default::default()),
            ..InteractionResponseData::default()
        }),
    })
}

/// A followed Twitch Team in `/streamers list`: how many of its members
/// it follows here, and what the latest roster check changed.
fn team_line(team: &TeamFollow, routes: &[TrackedRoute]) -> String {
    let members = routes
        .iter()
        .filter(|t| t.route.team_id.as_deref() == Some(team.team_id.as_str()))
        .count();
    let mut line = format!(
        "👥 Team **{}** (`{}`): {members} member{} followed through it, roster checked <t:{}:R>",
        reply::escape(&team.display_name),
        team.team_name,
        plural(members),
        team.checked_at / 1000
    );
    if let (Some(change), Some(at)) = (&team.last_change, team.last_change_at) {
        let change: String = change.chars().take(300).collect();
        line.push_str(&format!(
            " · latest change <t:{}:R>: {}",
            at / 1000,
            reply::escape(&change)
        ));
    }
    line.push('\n');
    line
}

/// A streamer in `/streamers list`: liveness and whether Twitch's alerts
/// are active (with the fix); `waiting` when Twitch's budget is full.
fn streamer_line(t: &TrackedRoute, subs: &[&Subscription], waiting: bool) -> String {
    let s = &t.streamer;
    let live = match (&s.live_stream_id, &s.game_name) {
        (Some(_), Some(game)) if !game.is_empty() => {
            format!("🔴 live: {}", reply::escape(game))
        }
        (Some(_), _) => "🔴 live now".to_owned(),
        (None, _) => "⚫ offline".to_owned(),
    };
    let healthy = subs
        .iter()
        .filter(|s| s.status == SubscriptionStatus::Enabled)
        .count();
    let health = match (s.problem, healthy) {
        (Some(StreamerProblem::UserRemoved), _) => "⚠️ this Twitch account was deleted or banned: remove it with `/streamers remove`".to_owned(),
        (_, 3) => "✅ alerts active".to_owned(),
        _ if subs.iter().any(|s| s.status == SubscriptionStatus::WebhookCallbackVerificationPending) => "⏳ alerts being confirmed by Twitch".to_owned(),
        _ if waiting => "⚠️ alerts wait for room in Twitch's subscription budget: streamers who link their account (`/streamers link`) don't count, and `/streamers remove` frees room".to_owned(),
        _ => "⚠️ alerts not active yet: I retry every minute (the operator can run `streammaxing eventsub sync`)".to_owned(),
    };
    let linked = if s.linked { " · ✔️ linked" } else { "" };
    format!(
        "**[{}](https://twitch.tv/{})** · {live}{linked} · {health}\n",
        reply::escape(&s.display_name),
        s.login,
    )
}

/// One route in `/streamers list`: where and whom it posts, its filters,
/// when it last posted, and what needs fixing.
fn route_line(config: &GuildConfig, t: &TrackedRoute, last_sent: Option<i64>) -> String {
    let last = match last_sent {
        Some(at) => format!("last posted <t:{}:R>", at / 1000),
        None => "never posted yet".to_owned(),
    };
    let mut line = format!("→ {} · pings {}", place(config, t), whom(config, t));
    if let Some(f) = filters::describe(&t.route.filters()) {
        line.push_str(&format!(" · {f}"));
    }
    if t.route.template.is_some() {
        line.push_str(" · own template");
    }
    if !t.route.enabled {
        line.push_str(" · ⏸️ paused");
    }
    line.push_str(&format!(" · {last}\n"));
    if let Some(code) = t.route.needs_attention {
        line.push_str(&format!(
            "  ⚠️ **Not posting** ({code}): {}\n",
            t.route.needs_attention_detail.as_deref().unwrap_or("")
        ));
    }
    line
}

async fn test(ctx: &Ctx, cmd: Test) -> anyhow::Result<InteractionResponse> {
    let routes = match target::routes(ctx, &cmd.streamer, cmd.channel.as_ref()).await? {
        Ok(routes) => routes,
        Err(reply) => return Ok(reply),
    };
    Ok(ctx.defer(move |ctx| async move { test_post::post_all(&ctx, &routes).await }))
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
