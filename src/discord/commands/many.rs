//! `/streamers add` with several names at once, or with `team:` (every
//! member of a Twitch Team): one reply sums up who was added, who was
//! followed already, who wasn't found (with a "did you mean"), and who
//! didn't fit Twitch's subscription budget.

use std::time::Duration;

use twilight_model::http::interaction::InteractionResponse;

use twilight_util::builder::embed::EmbedBuilder;

use crate::{
    delivery::current_stream,
    discord::{
        context::Ctx,
        reply::{self, Reply},
    },
    following::{self, Place, Summary},
    i18n::Lang,
    ids::ChannelId,
    store::RouteEdit,
    teams, tr,
    twitch::{TwitchLogin, search},
};

/// What `/streamers add` changes on the route besides creating it.
pub struct AddOptions {
    pub channel: Option<(ChannelId, i32)>,
    pub edit: RouteEdit,
}

/// What frees room in Twitch's budget, as a server admin can act on it.
pub fn how_to_free_room(lang: Lang) -> String {
    tr!(lang, "streamers-how-to-free-room")
}

/// Names one command may add (Helix looks up 100 logins per call).
pub const MAX_NAMES: usize = 100;
/// Names given a "did you mean" (each is a search).
const MAX_SUGGESTIONS: usize = 10;
/// How long one suggestion may take.
const SUGGESTION_WAIT: Duration = Duration::from_millis(1_500);

/// The names in what was typed: separated by commas, semicolons, spaces
/// or new lines; each once (ignoring case), in the order typed.
pub fn names(typed: &str) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    typed
        .split([',', ';', ' ', '\n', '\t'])
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .filter(|n| seen.insert(n.to_lowercase()))
        .map(str::to_owned)
        .collect()
}

/// Follows every name that is a Twitch account, and sums up.
pub async fn add_names(ctx: &Ctx, names: Vec<String>, o: AddOptions) -> anyhow::Result<Reply> {
    let helix = ctx
        .state
        .twitch
        .clone()
        .ok_or_else(|| anyhow::anyhow!("Twitch is not configured"))?;
    let (logins, invalid): (Vec<_>, Vec<_>) = names
        .iter()
        .map(|n| TwitchLogin::parse(n).map_err(|_| n.clone()))
        .partition(Result::is_ok);
    let logins: Vec<String> = logins
        .into_iter()
        .flatten()
        .map(|l| l.as_str().to_owned())
        .collect();
    let wanted: Vec<&str> = logins.iter().map(String::as_str).collect();
    let mut users = helix.users_by_login(&wanted).await?;
    // In the order typed.
    users.sort_by_key(|u| logins.iter().position(|l| *l == u.login));
    let missing: Vec<&String> = logins
        .iter()
        .filter(|l| !users.iter().any(|u| u.login == **l))
        .collect();
    let summary = following::follow_all(&ctx.state, place(ctx, &o), &users, None).await?;
    apply_edit(ctx, &summary, &o.edit).await?;
    let live = post_current_streams(ctx, &summary).await?;
    let mut not_found = Vec::new();
    for (n, login) in missing.into_iter().enumerate() {
        let guess = if n < MAX_SUGGESTIONS {
            suggestion(ctx, &helix, login).await
        } else {
            None
        };
        not_found.push(match guess {
            Some(guess) => tr!(
                ctx.lang,
                "streamers-did-you-mean",
                login = login,
                guess = reply::escape(&guess)
            ),
            None => login.clone(),
        });
    }
    let invalid: Vec<String> = invalid.into_iter().filter_map(Result::err).collect();
    let title = tr!(
        ctx.lang,
        "streamers-many-title",
        added = summary.added.len(),
        total = names.len()
    );
    Ok(render(
        ctx.lang,
        title,
        &summary,
        &not_found,
        &invalid,
        live_note(ctx.lang, live),
    ))
}

/// Follows every member of the Twitch Team and keeps up with its roster.
pub async fn add_team(ctx: &Ctx, typed: &str, o: AddOptions) -> anyhow::Result<Reply> {
    let helix = ctx
        .state
        .twitch
        .clone()
        .ok_or_else(|| anyhow::anyhow!("Twitch is not configured"))?;
    let name = team_name(typed);
    let Some(team) = helix.team(&name).await? else {
        return Ok(Reply::text(tr!(
            ctx.lang,
            "streamers-team-not-found",
            name = reply::escape(&name)
        )));
    };
    if team.users.is_empty() {
        return Ok(Reply::text(tr!(
            ctx.lang,
            "streamers-team-empty",
            name = reply::escape(&team.team_display_name)
        )));
    }
    let summary = teams::import(&ctx.state, place(ctx, &o), &team).await?;
    apply_edit(ctx, &summary, &o.edit).await?;
    let live = post_current_streams(ctx, &summary).await?;
    let hours = teams::ROSTER_EVERY_MS / 3_600_000;
    let mut note = tr!(ctx.lang, "streamers-team-roster-note", hours = hours);
    if let Some(live) = live_note(ctx.lang, live) {
        note = format!("{live}\n\n{note}");
    }
    let title = tr!(
        ctx.lang,
        "streamers-team-title",
        name = &team.team_display_name
    );
    Ok(render(ctx.lang, title, &summary, &[], &[], Some(note)))
}

/// `/streamers remove team:`: stops following the team and the members it added.
pub async fn remove_team(ctx: &Ctx, typed: &str) -> anyhow::Result<InteractionResponse> {
    let Some((team, gone)) = teams::unfollow(&ctx.state, ctx.guild_id, &team_name(typed)).await?
    else {
        return Ok(reply::ephemeral(tr!(
            ctx.lang,
            "streamers-team-not-followed",
            name = reply::escape(typed.trim())
        )));
    };
    let names: Vec<String> = gone.iter().map(|n| reply::escape(n)).collect();
    let team = reply::escape(&team.display_name);
    let text = match names.len() {
        0 => tr!(ctx.lang, "streamers-team-stopped-none", team = team),
        n => tr!(
            ctx.lang,
            "streamers-team-stopped",
            team = team,
            count = n,
            names = names.join(", ")
        ),
    };
    Ok(reply::ephemeral(
        text.chars().take(1_990).collect::<String>(),
    ))
}

/// "twitch.tv/team/LiveCoders" → "livecoders".
fn team_name(typed: &str) -> String {
    let trimmed = typed.trim().trim_end_matches('/');
    trimmed
        .rsplit_once("/team/")
        .map_or(trimmed, |(_, name)| name)
        .to_lowercase()
}

fn place(ctx: &Ctx, o: &AddOptions) -> Place {
    Place {
        guild_id: ctx.guild_id,
        channel: o.channel,
        added_by: Some(ctx.user_id),
    }
}

/// Posts the current stream (without a ping) of each streamer just added
/// who is live now; how many were.
async fn post_current_streams(ctx: &Ctx, summary: &Summary) -> anyhow::Result<usize> {
    let mut posted = 0;
    for (route_id, twitch_id) in &summary.new_routes {
        if current_stream::announce_current_stream(&ctx.state, *route_id, twitch_id).await? {
            posted += 1;
        }
    }
    Ok(posted)
}

fn live_note(lang: Lang, live: usize) -> Option<String> {
    (live > 0).then(|| tr!(lang, "streamers-many-live", count = live))
}

/// The options given with the names (ping, role, on/off) apply to every
/// route they named.
async fn apply_edit(ctx: &Ctx, summary: &Summary, edit: &RouteEdit) -> anyhow::Result<()> {
    if *edit != RouteEdit::default() {
        for route in &summary.routes {
            ctx.state.db.edit_route(*route, edit, ctx.now()).await?;
        }
    }
    Ok(())
}

/// The closest Twitch login to a name that isn't one, if any.
async fn suggestion(
    ctx: &Ctx,
    helix: &std::sync::Arc<crate::twitch::Helix>,
    login: &str,
) -> Option<String> {
    let query = search::normalize(login);
    let found = ctx
        .state
        .channel_search
        .find(helix, &query, SUGGESTION_WAIT)
        .await;
    found
        .into_iter()
        .map(|c| c.broadcaster_login)
        .find(|l| *l != query)
}

/// The one reply: each group with its names.
fn render(
    lang: Lang,
    title: String,
    s: &Summary,
    not_found: &[String],
    invalid: &[String],
    note: Option<String>,
) -> Reply {
    let escaped =
        |names: &[String]| -> Vec<String> { names.iter().map(|n| reply::escape(n)).collect() };
    let mut lines = Vec::new();
    let mut group = |label: String, names: Vec<String>| {
        if !names.is_empty() {
            lines.push(format!("{label} ({}): {}", names.len(), names.join(", ")));
        }
    };
    group(tr!(lang, "streamers-group-added"), escaped(&s.added));
    group(tr!(lang, "streamers-group-already"), escaped(&s.already));
    group(tr!(lang, "streamers-group-not-found"), not_found.to_vec());
    group(tr!(lang, "streamers-group-invalid"), escaped(invalid));
    group(tr!(lang, "streamers-group-no-room"), escaped(&s.no_room));
    group(tr!(lang, "streamers-group-waiting"), escaped(&s.waiting));
    if !s.no_room.is_empty() || !s.waiting.is_empty() {
        lines.push(how_to_free_room(lang));
    }
    if let Some(note) = note {
        lines.push(note);
    }
    let color = if s.no_room.is_empty() && not_found.is_empty() && invalid.is_empty() {
        reply::COLOR_OK
    } else {
        reply::COLOR_WARN
    };
    let mut description = lines.join("\n\n");
    if description.chars().count() > 4_000 {
        description = description.chars().take(3_990).collect::<String>() + " …";
    }
    let embed = EmbedBuilder::new()
        .title(title.chars().take(250).collect::<String>())
        .color(color)
        .description(description)
        .build();
    Reply::embed(embed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_split_every_way_people_type_them_and_kept_once() {
        assert_eq!(
            names("shroud, Ninja;pokimane\nshroud  xqc"),
            ["shroud", "Ninja", "pokimane", "xqc"]
        );
        assert!(names(" , ").is_empty());
    }

    #[test]
    fn a_team_is_named_as_in_its_address() {
        assert_eq!(
            team_name(" https://www.twitch.tv/team/LiveCoders/ "),
            "livecoders"
        );
        assert_eq!(team_name("livecoders"), "livecoders");
    }
}
