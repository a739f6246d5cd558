//! The edit steps of a posted message: refresh it while live (the title
//! or game changed, or the periodic refresh came due) and end it when the
//! stream ends (edit to the ended card, delete, or keep, as the guild
//! chose).

use std::time::Duration;

use twilight_model::channel::message::{Component, component::ButtonStyle};

use super::{
    Outcome,
    job::Job,
    loaded::{LiveNow, Loaded, Now, config_and_tracked},
    send::{self, Via},
    webhook,
};
use crate::i18n::Lang;
use crate::ids::{ChannelId, MessageId};
use crate::tr;
use crate::{
    discord::api::{Api, DiscordCode},
    gone_guilds,
    notify::{
        message::{self, Outgoing},
        refresh,
        template::escape_markdown,
    },
    store::{GuildConfig, OfflineMode, Streamer, TrackedRoute, Transition},
    twitch::live::GoLive,
};

/// What editing a posted message needs; `None` when it can't be edited any
/// more (the server or streamer is gone, or Discord isn't configured).
struct Posted<'a> {
    config: GuildConfig,
    tracked: TrackedRoute,
    channel_id: ChannelId,
    message_id: MessageId,
    api: &'a Api,
    /// Who edits it (`None`: posted through a webhook that is gone).
    via: Option<Via>,
}

async fn posted<'a>(job: &Job<'a>, loaded: Option<Loaded>) -> anyhow::Result<Option<Posted<'a>>> {
    let (config, tracked) = config_and_tracked(job.state, &job.item, loaded).await?;
    let (channel, message, api) = (
        job.item.channel_id,
        job.item.message_id,
        job.state.discord.as_deref(),
    );
    Ok(match (config, tracked, channel, message, api) {
        (Some(config), Some(tracked), Some(channel_id), Some(message_id), Some(api)) => {
            let via = webhook::via(job, channel_id, job.item.webhook_id).await?;
            Some(Posted {
                config,
                tracked,
                channel_id,
                message_id,
                api,
                via,
            })
        }
        _ => None,
    })
}

/// The title or game changed while live, or the periodic refresh came
/// due: the message shows the stored title and game (a `channel.update` is
/// newer than anything Helix serves) with Twitch's current viewer count and
/// a fresh, cache-busted preview. Never pings, never posts anew. Stops for
/// good when the message was deleted, the server or route was paused, or
/// the stream is over (its end edit is `stream.offline`'s).
pub async fn refresh(
    job: &Job<'_>,
    live_now: &LiveNow,
    loaded: Option<Loaded>,
) -> anyhow::Result<Outcome> {
    let stop = job.refreshed(None);
    let Some(p) = posted(job, loaded).await? else {
        return job.release(stop, Outcome::Skipped).await;
    };
    let this_stream = p.tracked.streamer.live_stream_id.as_deref() == Some(&job.item.stream_id);
    if !p.config.enabled || !p.tracked.route.enabled || !this_stream {
        return job.release(stop, Outcome::Skipped).await;
    }
    let Some(live) = current(job, live_now, &p).await else {
        tracing::info!("Twitch no longer lists this stream; leaving the message to its end");
        return job.release(stop, Outcome::Skipped).await;
    };
    let next = refresh::next_at(p.config.refresh_minutes, job.now());
    let built = message::build(
        &p.config,
        &p.tracked,
        &live,
        job.started_at(),
        &job.cache_bust(),
        false,
    );
    let (Some(out), Some(via)) = (built, &p.via) else {
        return job.release(job.refreshed(next), Outcome::Skipped).await;
    };
    match send::edit(p.api, via, p.channel_id, p.message_id, &out).await {
        Ok(()) => {
            gone_guilds::answered(job.state, &p.config).await;
            job.release(job.refreshed(next), Outcome::Refreshed).await
        }
        // Deleted by someone: nothing left to refresh, and no retries.
        Err(e) if e.code() == Some(DiscordCode::UnknownMessage) => {
            job.release(stop, Outcome::Skipped).await
        }
        Err(e) => {
            gone_guilds::after_failure(job.state, p.api, &p.config, &e).await;
            job.edit_failed(&e, job.refreshed(next), Outcome::Skipped)
                .await
        }
    }
}

/// What the message shows now: the stored title and game, with the
/// viewer count and preview of Get Streams. `None` when Twitch lists
/// another stream, or none past the first minutes (this one is over).
async fn current(job: &Job<'_>, live_now: &LiveNow, p: &Posted<'_>) -> Option<GoLive> {
    let mut live = GoLive::from_stored(&p.tracked.streamer);
    let young = job.now() - job.started_at() < refresh::LISTING_LAG_MS;
    match live_now.get(job.state, &job.item.twitch_id).await {
        Now::Live(stream) if stream.id == job.item.stream_id => {
            live.viewer_count = Some(stream.viewer_count);
            live.thumbnail_url = Some(
                stream
                    .thumbnail_url
                    .replace("{width}", "1280")
                    .replace("{height}", "720"),
            )
            .filter(|u| !u.is_empty());
        }
        Now::Live(_) => return None,
        Now::NotLive if !young => return None,
        // Not listed yet, or Twitch didn't answer: what we know.
        Now::NotLive | Now::Unknown => {}
    }
    Some(live)
}

/// The stream ended: edit the message to its ended state, delete it, or
/// leave it, as the guild chose.
pub async fn end(job: &Job<'_>, loaded: Option<Loaded>) -> anyhow::Result<Outcome> {
    let Some(p) = posted(job, loaded).await? else {
        return job.release(Transition::Ended, Outcome::Skipped).await;
    };
    // `None`: nothing was asked of Discord. A webhook's message whose
    // webhook is gone can't be edited; the bot deletes it as a moderator.
    let via = p.via.clone();
    let result = match (p.config.offline_mode, via) {
        (OfflineMode::Keep, _) | (OfflineMode::Edit, None) => None,
        (OfflineMode::Delete, via) => {
            let via = via.unwrap_or(Via::Bot);
            Some(send::delete(p.api, &via, p.channel_id, p.message_id).await)
        }
        (OfflineMode::Edit, Some(via)) => match ended_card(job, &p).await {
            Some(ended) => Some(send::edit(p.api, &via, p.channel_id, p.message_id, &ended).await),
            None => None,
        },
    };
    match result {
        None => job.release(Transition::Ended, Outcome::Ended).await,
        Some(Ok(())) => {
            gone_guilds::answered(job.state, &p.config).await;
            job.release(Transition::Ended, Outcome::Ended).await
        }
        // Gone, or no longer ours to touch: nothing more to do.
        Some(Err(e)) => {
            gone_guilds::after_failure(job.state, p.api, &p.config, &e).await;
            job.edit_failed(&e, Transition::Ended, Outcome::Ended).await
        }
    }
}

/// The message as it reads once the stream ended, if it can be built.
async fn ended_card(job: &Job<'_>, p: &Posted<'_>) -> Option<Outgoing> {
    let started_at = job.started_at();
    let cache_bust = format!("{}-ended", job.item.stream_id);
    let live = GoLive::from_stored(&p.tracked.streamer);
    let out = message::build(&p.config, &p.tracked, &live, started_at, &cache_bust, false)?;
    let vod = vod_for(job).await;
    let lasted = job.item.ended_at.unwrap_or(job.now()) - started_at;
    Some(ended_message(
        out,
        &p.tracked.streamer,
        lasted,
        vod,
        p.config.lang(),
    ))
}

/// The VOD of this stream, if Twitch already has one (asked briefly; the
/// ended message never waits long for it).
async fn vod_for(job: &Job<'_>) -> Option<String> {
    let helix = job.state.twitch.as_deref()?;
    let latest = helix.latest_archive(job.item.twitch_id.as_str());
    let video = tokio::time::timeout(Duration::from_secs(2), latest)
        .await
        .ok()?
        .ok()??;
    (video.stream_id.as_deref() == Some(job.item.stream_id.as_str())).then_some(video.url)
}

/// The ended state: no ping, a grey card saying how long the stream lasted,
/// no stale live preview, and the link pointing at the VOD when there is one.
fn ended_message(
    mut out: Outgoing,
    streamer: &Streamer,
    lasted_ms: i64,
    vod: Option<String>,
    lang: Lang,
) -> Outgoing {
    out.content = String::new();
    let lasted = duration(lasted_ms, lang);
    // The default template's viewer field, in whichever language it was
    // written: the count is stale once the stream ended.
    let viewers: Vec<String> = Lang::ALL
        .into_iter()
        .map(|l| tr!(l, "alert-field-viewers"))
        .collect();
    for embed in &mut out.embeds {
        embed.color = Some(0x4F545C);
        embed.image = None;
        embed.description = Some(tr!(
            lang,
            "alert-ended",
            streamer = escape_markdown(&streamer.display_name),
            lasted = lasted.as_str()
        ));
        embed.fields.retain(|f| !viewers.contains(&f.name));
    }
    if let Some(vod) = vod {
        point_link_buttons_at(&mut out.components, &vod, &tr!(lang, "alert-watch-vod"));
    }
    out
}

fn point_link_buttons_at(components: &mut [Component], vod: &str, label: &str) {
    for row in components {
        let Component::ActionRow(row) = row else {
            continue;
        };
        for button in &mut row.components {
            if let Component::Button(button) = button
                && button.style == ButtonStyle::Link
            {
                (button.url, button.label) = (Some(vod.to_owned()), Some(label.to_owned()));
            }
        }
    }
}

/// "2 h 13 min", "45 min" (in English).
pub fn duration(ms: i64, lang: Lang) -> String {
    let minutes = (ms.max(0) + 30_000) / 60_000;
    match (minutes / 60, minutes % 60) {
        (0, m) => tr!(lang, "alert-minutes", minutes = m),
        (h, 0) => tr!(lang, "alert-hours", hours = h),
        (h, m) => tr!(lang, "alert-hours-minutes", hours = h, minutes = m),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_naturally() {
        let en = |ms| duration(ms, Lang::En);
        assert_eq!(en(45 * 60_000), "45 min");
        assert_eq!(en(2 * 3_600_000 + 13 * 60_000), "2 h 13 min");
        assert_eq!(en(3 * 3_600_000), "3 h");
        assert_eq!(en(-5), "0 min");
        assert_eq!(duration(2 * 3_600_000 + 13 * 60_000, Lang::Ja), "2時間13分");
        assert_eq!(duration(45 * 60_000, Lang::De), "45 Min.");
    }
}
