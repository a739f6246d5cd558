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
    many::{self, AddOptions, how_to_free_room},
    target::{self, place},
};
use crate::{
    discord::{
        context::Ctx,
        reply::{self, Reply},
        test_post,
    },
    following::{self, Subscribed},
    i18n::Lang,
    ids::{ChannelId, TwitchUserId},
    links,
    notify::{filters, pings},
    store::{
        Added, Attention, GuildConfig, PingMode, RouteEdit, StreamerProblem, Subscription,
        SubscriptionStatus, TeamFollow, TrackedRoute,
    },
    teams, tr,
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
        return Ok(reply::ephemeral(tr!(ctx.lang, "streamers-no-twitch")));
    }
    let ping = match (add.ping, &add.role) {
        (Some(RoutePing::Role), None) => {
            return Ok(reply::ephemeral(tr!(ctx.lang, "streamers-role-missing")));
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
            return Ok(reply::ephemeral(tr!(ctx.lang, "streamers-login-or-team")));
        }
        (None, None) => {
            return Ok(reply::ephemeral(tr!(ctx.lang, "streamers-name-someone")));
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
                Err(typed) => {
                    return Ok(reply::ephemeral(tr!(
                        ctx.lang,
                        "streamers-not-a-login",
                        typed = typed
                    )));
                }
            };
            Ok(ctx.defer(move |ctx| async move { add_deferred(&ctx, login, options).await }))
        }
        [] => Ok(reply::ephemeral(tr!(ctx.lang, "streamers-name-login"))),
        _ if names.len() > many::MAX_NAMES => Ok(reply::ephemeral(tr!(
            ctx.lang,
            "streamers-too-many",
            count = names.len(),
            max = many::MAX_NAMES
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
        return Ok(Reply::text(tr!(
            ctx.lang,
            "streamers-not-found",
            login = login.as_str()
        )));
    };
    // A streamer new here must fit Twitch's budget (unless they linked).
    let (streamer, followed_here) = match following::admit(state, ctx.guild_id, &user).await? {
        Ok(admitted) => admitted,
        Err(full) => {
            return Ok(Reply::text(budget_full(ctx.lang, &user.display_name, full)));
        }
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
        Ok(subscribed) => alerts_note(ctx.lang, &subscribed),
        Err(full) => {
            return Ok(Reply::text(budget_full(
                ctx.lang,
                &streamer.display_name,
                full,
            )));
        }
    };
    let live_now = matches!(done, Done::Created)
        && crate::delivery::current_stream::announce_current_stream(state, route_id, &user.id)
            .await?;
    let Some(tracked) = state.db.route(route_id).await? else {
        return Ok(Reply::text(tr!(ctx.lang, "streamers-route-vanished")));
    };
    let others = state
        .db
        .streamer_routes(ctx.guild_id, &user.id)
        .await?
        .len()
        .saturating_sub(1);
    let (lang, name) = (ctx.lang, &streamer.display_name);
    let title = match done {
        Done::Created if others == 0 => tr!(lang, "streamers-title-following", name = name),
        Done::Created => tr!(lang, "streamers-title-another-channel", name = name),
        Done::Updated if unchanged => tr!(lang, "streamers-title-already", name = name),
        Done::Updated => tr!(lang, "streamers-title-updated", name = name),
        Done::Moved { .. } => tr!(lang, "streamers-title-moved", name = name),
    };
    let mut description = alerts;
    if live_now {
        description.push('\n');
        description.push_str(&tr!(lang, "streamers-live-now"));
    }
    if let Done::Moved { from } = done {
        description.push('\n');
        description.push_str(&tr!(
            lang,
            "streamers-moved-note",
            channel = from.to_string()
        ));
    }
    if others > 0 {
        description.push('\n');
        description.push_str(&tr!(lang, "streamers-other-routes", count = others));
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
        .field(
            EmbedFieldBuilder::new(
                tr!(lang, "streamers-field-posts-in"),
                place(lang, &config, &tracked),
            )
            .inline(),
        )
        .field(
            EmbedFieldBuilder::new(
                tr!(lang, "streamers-field-pings"),
                whom(lang, &config, &tracked),
            )
            .inline(),
        )
        .field(
            EmbedFieldBuilder::new(
                tr!(lang, "streamers-field-filters"),
                filters::describe_in(&tracked.route.filters(), lang)
                    .unwrap_or_else(|| tr!(lang, "streamers-no-filters")),
            )
            .inline(),
        );
    if !tracked.route.enabled {
        embed = embed.field(EmbedFieldBuilder::new(
            tr!(lang, "streamers-field-status"),
            tr!(lang, "streamers-paused-status"),
        ));
    }
    Ok(Reply::embed(embed.build()))
}

/// Why `/streamers add` refused: the budget is full, and what frees room.
fn budget_full(lang: Lang, name: &str, full: Option<budget::Full>) -> String {
    let (name, how) = (reply::escape(name), how_to_free_room(lang));
    match full {
        Some(f) => tr!(
            lang,
            "streamers-budget-full-numbers",
            name = name,
            used = f.used,
            max = f.max,
            needed = f.needed,
            how = how
        ),
        None => tr!(lang, "streamers-budget-full", name = name, how = how),
    }
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
fn alerts_note(lang: Lang, subscribed: &Subscribed) -> String {
    match subscribed {
        Subscribed::Yes => tr!(lang, "streamers-alerts-active"),
        Subscribed::WaitsForRoom => {
            tr!(lang, "streamers-alerts-wait", how = how_to_free_room(lang))
        }
        Subscribed::Retrying(why) => {
            tr!(lang, "streamers-alerts-retrying", why = why.to_string())
        }
    }
}

/// Whom a route pings.
fn whom(lang: Lang, config: &GuildConfig, t: &TrackedRoute) -> String {
    match pings::effective_mode(config, t) {
        PingMode::StreamerRole => tr!(lang, "streamers-pings-opted-in"),
        PingMode::Role => match pings::ping_role(config, t) {
            Some(role) => format!("<@&{role}>"),
            None => tr!(lang, "streamers-pings-role-unset"),
        },
        PingMode::None => tr!(lang, "streamers-pings-nobody"),
    }
}

async fn remove(ctx: &Ctx, cmd: Remove) -> anyhow::Result<InteractionResponse> {
    let streamer = match (cmd.streamer, cmd.team) {
        (Some(streamer), None) => streamer,
        (None, Some(team)) => return many::remove_team(ctx, &team).await,
        _ => {
            return Ok(reply::ephemeral(tr!(ctx.lang, "streamers-remove-whom")));
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
            places.push(place(ctx.lang, &config, t));
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
        return Ok(reply::ephemeral(if role.is_some() {
            tr!(ctx.lang, "streamers-unfollowed-role-deleted", name = name)
        } else {
            tr!(ctx.lang, "streamers-unfollowed", name = name)
        }));
    }
    Ok(reply::ephemeral(tr!(
        ctx.lang,
        "streamers-stopped-routes",
        name = name,
        places = places.join(", ")
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
    let lang = ctx.lang;
    let mut header = String::new();
    if config.channel_id.is_none() && routes.iter().any(|t| t.route.channel_id.is_none()) {
        header.push_str(&tr!(lang, "streamers-list-no-channel"));
        header.push('\n');
    }
    if !config.enabled {
        header.push_str(&tr!(lang, "streamers-list-paused"));
        header.push('\n');
    }
    if routes.is_empty() {
        header.push_str(&tr!(lang, "streamers-list-empty"));
    }
    for team in db.team_follows(ctx.guild_id).await? {
        header.push_str(&team_line(lang, &team, &routes));
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
            block.push_str(&streamer_line(lang, t, &own, waits));
        }
        block.push_str(&route_line(
            lang,
            &config,
            t,
            last_sent.get(&t.route.id).copied(),
        ));
        blocks.push(block);
    }
    let pages = paginate(&blocks, PAGE_CHARS.saturating_sub(header.chars().count()));
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
    let title = if attention > 0 {
        tr!(
            lang,
            "streamers-list-title-attention",
            streamers = streamers,
            routes = routes.len(),
            attention = attention
        )
    } else {
        tr!(
            lang,
            "streamers-list-title",
            streamers = streamers,
            routes = routes.len()
        )
    };
    let mut embed = EmbedBuilder::new()
        .title(title)
        .color(if attention > 0 {
            reply::COLOR_WARN
        } else {
            reply::COLOR
        })
        .description(format!("{header}{body}"));
    if count > 1 {
        embed = embed.footer(twilight_util::builder::embed::EmbedFooterBuilder::new(tr!(
            lang,
            "streamers-list-page",
            page = page + 1,
            count = count
        )));
    }
    let reply = Reply::embed(embed.build());
    Ok(if count > 1 {
        reply.with_components(vec![page_buttons(lang, page, count)])
    } else {
        reply
    })
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

fn page_buttons(lang: Lang, page: usize, count: usize) -> Component {
    let button = |label: String, to: usize, disabled: bool| {
        ButtonBuilder::new(ButtonStyle::Secondary)
            .label(label)
            .custom_id(format!("{LIST_PAGE_PREFIX}{to}"))
            .disabled(disabled)
            .build()
    };
    Component::ActionRow(
        ActionRowBuilder::new()
            .component(button(
                tr!(lang, "streamers-list-previous"),
                page.saturating_sub(1),
                page == 0,
            ))
            .component(button(
                tr!(lang, "streamers-list-next"),
                page + 1,
                page + 1 >= count,
            ))
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
fn team_line(lang: Lang, team: &TeamFollow, routes: &[TrackedRoute]) -> String {
    let members = routes
        .iter()
        .filter(|t| t.route.team_id.as_deref() == Some(team.team_id.as_str()))
        .count();
    let mut line = tr!(
        lang,
        "streamers-team-line",
        name = reply::escape(&team.display_name),
        slug = &team.team_name,
        count = members,
        checked = (team.checked_at / 1000).to_string()
    );
    if let (Some(change), Some(at)) = (&team.last_change, team.last_change_at) {
        let change: String = change.chars().take(300).collect();
        line.push_str(" · ");
        line.push_str(&tr!(
            lang,
            "streamers-team-latest-change",
            at = (at / 1000).to_string(),
            change = roster_change(lang, &change)
        ));
    }
    line.push('\n');
    line
}

/// A team's recorded roster change (as `teams` words it) in `lang`.
fn roster_change(lang: Lang, recorded: &str) -> String {
    if recorded == teams::GONE {
        return tr!(lang, "streamers-team-gone");
    }
    recorded
        .split(teams::SEPARATOR)
        .map(|part| {
            if let Some(names) = part.strip_prefix(teams::JOINED) {
                tr!(lang, "streamers-team-joined", names = reply::escape(names))
            } else if let Some(names) = part.strip_prefix(teams::LEFT) {
                tr!(lang, "streamers-team-left", names = reply::escape(names))
            } else {
                reply::escape(part)
            }
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// A streamer in `/streamers list`: liveness and whether Twitch's alerts
/// are active (with the fix); `waiting` when Twitch's budget is full.
fn streamer_line(lang: Lang, t: &TrackedRoute, subs: &[&Subscription], waiting: bool) -> String {
    let s = &t.streamer;
    let live = match (&s.live_stream_id, &s.game_name) {
        (Some(_), Some(game)) if !game.is_empty() => {
            tr!(lang, "streamers-live-game", game = reply::escape(game))
        }
        (Some(_), _) => tr!(lang, "streamers-live"),
        (None, _) => tr!(lang, "streamers-offline"),
    };
    let healthy = subs
        .iter()
        .filter(|s| s.status == SubscriptionStatus::Enabled)
        .count();
    let health = match (s.problem, healthy) {
        (Some(StreamerProblem::UserRemoved), _) => tr!(lang, "streamers-health-user-removed"),
        (_, 3) => tr!(lang, "streamers-health-active"),
        _ if subs
            .iter()
            .any(|s| s.status == SubscriptionStatus::WebhookCallbackVerificationPending) =>
        {
            tr!(lang, "streamers-health-confirming")
        }
        _ if waiting => tr!(lang, "streamers-health-waiting"),
        _ => tr!(lang, "streamers-health-retrying"),
    };
    let linked = if s.linked {
        format!(" · {}", tr!(lang, "streamers-linked"))
    } else {
        String::new()
    };
    format!(
        "**[{}](https://twitch.tv/{})** · {live}{linked} · {health}\n",
        reply::escape(&s.display_name),
        s.login,
    )
}

/// One route in `/streamers list`: where and whom it posts, its filters,
/// when it last posted, and what needs fixing.
fn route_line(
    lang: Lang,
    config: &GuildConfig,
    t: &TrackedRoute,
    last_sent: Option<i64>,
) -> String {
    let last = match last_sent {
        Some(at) => tr!(
            lang,
            "streamers-route-last-posted",
            at = (at / 1000).to_string()
        ),
        None => tr!(lang, "streamers-route-never-posted"),
    };
    let mut line = tr!(
        lang,
        "streamers-route-line",
        place = place(lang, config, t),
        whom = whom(lang, config, t)
    );
    if let Some(f) = filters::describe_in(&t.route.filters(), lang) {
        line.push_str(&format!(" · {f}"));
    }
    if t.route.template.is_some() {
        line.push_str(&format!(" · {}", tr!(lang, "streamers-route-own-template")));
    }
    if !t.route.enabled {
        line.push_str(&format!(" · {}", tr!(lang, "streamers-route-paused")));
    }
    line.push_str(&format!(" · {last}\n"));
    if let Some(code) = t.route.needs_attention {
        let detail = t.route.needs_attention_detail.as_deref().unwrap_or("");
        line.push_str("  ");
        line.push_str(&tr!(
            lang,
            "streamers-route-not-posting",
            code = code.to_string(),
            detail = detail
        ));
        line.push('\n');
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
        return Ok(reply::ephemeral(tr!(
            ctx.lang,
            "streamers-link-unavailable"
        )));
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
    let button = reply::link_button(&tr!(ctx.lang, "streamers-link-button"), url);
    let text = tr!(
        ctx.lang,
        "streamers-link-text",
        expires = (expires_at / 1000).to_string()
    );
    Ok(Reply::text(text)
        .with_components(vec![button])
        .into_response())
}
