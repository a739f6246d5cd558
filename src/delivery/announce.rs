//! The announce step: check the route's filters, then post the go-live
//! message, or resume the previous one when the stream comes back within
//! the server's cooldown.

use super::{
    Outcome,
    job::Job,
    loaded::{Details, Loaded, config_and_tracked},
    policy::{self, Decision},
    send, webhook,
};
use crate::ids::{ChannelId, MessageId, WebhookId};
use crate::metrics::DeliveryOutcome;
use crate::tr;
use crate::{
    discord::api::{Api, DiscordCode, DiscordError},
    gone_guilds,
    notify::{
        filters::{self, StreamFacts},
        message, refresh,
    },
    store::{Attention, GuildConfig, OfflineMode, OutboxState, PostAs, TrackedRoute, Transition},
    twitch::live::GoLive,
};

/// Posts the go-live message (or resumes the previous one after a flap).
pub async fn announce(
    job: &Job<'_>,
    details: &Details,
    loaded: Option<Loaded>,
) -> anyhow::Result<Outcome> {
    let skip = |why: &str| job.unsent(OutboxState::Skipped, why.to_owned());
    let (Some(config), Some(tracked)) = config_and_tracked(job.state, &job.item, loaded).await?
    else {
        return skip("the route was removed (or the server no longer follows this streamer)").await;
    };
    if job.item.ended_at.is_some() {
        return skip("the stream ended before it could be announced").await;
    }
    if !config.enabled {
        return skip("notifications are paused in this server").await;
    }
    if !tracked.route.enabled {
        return skip("this route is paused").await;
    }
    if let Some(code) = &tracked.route.needs_attention {
        let why = format!(
            "not sent: this route needs attention ({code}): {}",
            tracked
                .route
                .needs_attention_detail
                .as_deref()
                .unwrap_or("")
        );
        return job.unsent(OutboxState::Failed, why).await;
    }
    let Some(api) = job.state.discord.as_deref() else {
        let wait = std::time::Duration::from_secs(60);
        return job.retry(wait, "Discord is not configured".into()).await;
    };
    let live = if job.item.held_at.is_some() {
        // Checked again after a `channel.update`: what it said is newer
        // than anything Helix may still be serving.
        let streamer = job.state.db.streamer(&tracked.streamer.twitch_id).await?;
        let mut live = details
            .get(job.state, &tracked.streamer, &job.item.stream_id)
            .await;
        if let Some(s) = streamer {
            let stored = crate::twitch::live::GoLive::from_stored(&s);
            (live.title, live.game_id, live.game_name) =
                (stored.title, stored.game_id, stored.game_name);
        }
        live
    } else {
        details
            .get(job.state, &tracked.streamer, &job.item.stream_id)
            .await
    };
    let facts = StreamFacts {
        title: &live.title,
        game_id: &live.game_id,
        game_name: &live.game_name,
    };
    if let Err(blocked) = filters::check(&tracked.route.filters(), facts) {
        let held = Transition::Held {
            reason: format!("held by the route's filters: {blocked}"),
            claimed_due: job.item.refresh_due_at,
        };
        return job.release(held, Outcome::Held).await;
    }
    let a = Announcement {
        api,
        config: &config,
        tracked: &tracked,
        live: &live,
    };
    if let Some(outcome) = resume_after_flap(job, &a).await? {
        return Ok(outcome);
    }
    post(job, &a).await
}

/// What posting (or resuming) one route's go-live needs.
struct Announcement<'a> {
    api: &'a Api,
    config: &'a GuildConfig,
    tracked: &'a TrackedRoute,
    live: &'a GoLive,
}

impl Announcement<'_> {
    /// The message for this stream; `pings` false shows the mention inert.
    fn build(&self, job: &Job<'_>, pings: bool) -> Option<message::Outgoing> {
        let (started_at, cache_bust) = (job.started_at(), job.cache_bust());
        let out = message::build(
            self.config,
            self.tracked,
            self.live,
            started_at,
            &cache_bust,
            pings,
        )?;
        // Held back by the filters until now: say what changed.
        Some(match job.item.held_at {
            Some(_) => message::with_note(out, &self.switch_note()),
            None => out,
        })
    }

    /// "Now playing VALORANT", or that the title now matches.
    fn switch_note(&self) -> String {
        let f = self.tracked.route.filters();
        let game = crate::notify::template::escape_markdown(&self.live.game_name);
        let lang = self.config.lang();
        if (!f.games.is_empty() || !f.skip_games.is_empty()) && !game.is_empty() {
            tr!(lang, "alert-now-playing", game = game)
        } else {
            tr!(lang, "alert-title-changed")
        }
    }
}

async fn post(job: &Job<'_>, a: &Announcement<'_>) -> anyhow::Result<Outcome> {
    let db = &job.state.db;
    // A stream already live when the route was added is shown, not pinged.
    let Some(out) = a.build(job, !job.item.quiet) else {
        db.set_route_attention(
            a.tracked.route.id,
            Attention::NoChannel,
            &policy::no_channel(a.tracked, a.config.lang()),
            job.now(),
        )
        .await?;
        return job
            .unsent(OutboxState::Failed, "no notification channel set".into())
            .await;
    };
    match send_alert(job, a, &out).await {
        Ok((message_id, webhook_id)) => {
            let sent = Transition::Sent {
                channel_id: out.channel_id,
                message_id,
                refresh_at: refresh::first_at(a.config.refresh_minutes, job.now()),
                webhook_id,
            };
            let outcome = job.release(sent, Outcome::Sent).await?;
            gone_guilds::answered(job.state, a.config).await;
            if out.publish {
                send::publish(a.api, out.channel_id, message_id).await;
            }
            Ok(outcome)
        }
        Err(e) => failed(job, &e, out.channel_id, a).await,
    }
}

/// Posts the alert as the bot or, if the server chose so, as the streamer
/// through the channel's webhook (as the bot, with a warning, when the bot
/// may not create one).
async fn send_alert(
    job: &Job<'_>,
    a: &Announcement<'_>,
    out: &message::Outgoing,
) -> Result<(MessageId, Option<WebhookId>), DiscordError> {
    if a.config.post_as == PostAs::Streamer {
        match webhook::post(job, a.api, out, a.live).await {
            Ok(posted) => return Ok((posted.message_id, Some(posted.webhook_id))),
            Err(webhook::Failure::Discord(e)) => return Err(e),
            Err(webhook::Failure::NoWebhook(e)) => tracing::warn!(
                error = %e,
                "can't create the channel's webhook (Manage Webhooks): posting as the bot"
            ),
        }
    }
    let id = send::post(a.api, out, &format!("sm{}", job.item.id)).await?;
    Ok((id, None))
}

/// A stream that comes back within the guild's cooldown after ending gets
/// its previous message edited back to live: no new message, no new ping.
async fn resume_after_flap(job: &Job<'_>, a: &Announcement<'_>) -> anyhow::Result<Option<Outcome>> {
    let (db, now, item) = (&job.state.db, job.now(), &job.item);
    let Some(previous) = db
        .previous_notification(a.tracked.route.id, &item.stream_id)
        .await?
    else {
        return Ok(None);
    };
    let cooldown_ms = i64::from(a.config.cooldown_secs) * 1000;
    let recent = previous
        .ended_at
        .is_some_and(|ended| now - ended <= cooldown_ms);
    let (Some(channel_id), Some(message_id)) = (previous.channel_id, previous.message_id) else {
        return Ok(None);
    };
    if !recent || a.config.offline_mode == OfflineMode::Delete {
        return Ok(None);
    }
    let Some(out) = a.build(job, false) else {
        return Ok(None);
    };
    // Posted through a webhook that is gone: nobody can edit it any more.
    let Some(via) = webhook::via(job, channel_id, previous.webhook_id).await? else {
        return Ok(None);
    };
    match send::edit(a.api, &via, channel_id, message_id, &out).await {
        Ok(()) => {
            db.settle_resumed(previous.id, now).await?;
            let sent = Transition::Sent {
                channel_id,
                message_id,
                refresh_at: refresh::first_at(a.config.refresh_minutes, now),
                webhook_id: previous.webhook_id,
            };
            tracing::info!("stream came back within the cooldown: resumed the previous message");
            let outcome = job.release(sent, Outcome::Sent).await?;
            gone_guilds::answered(job.state, a.config).await;
            Ok(Some(outcome))
        }
        // The old message (or its webhook) is gone: announce normally.
        Err(e)
            if matches!(
                e.code(),
                Some(DiscordCode::UnknownMessage | DiscordCode::UnknownWebhook)
            ) =>
        {
            Ok(None)
        }
        Err(e) => failed(job, &e, channel_id, a).await.map(Some),
    }
}

/// What to do after Discord refused or failed a post.
async fn failed(
    job: &Job<'_>,
    e: &DiscordError,
    channel_id: ChannelId,
    a: &Announcement<'_>,
) -> anyhow::Result<Outcome> {
    let route = a.tracked;
    match policy::decide(e, job.item.attempts) {
        Decision::RetryAfter(wait, why) => job.retry(wait, why).await,
        Decision::GiveUp(why) => job.unsent(OutboxState::Failed, why).await,
        Decision::LostAccess(code) => {
            job.state.metrics.delivery(DeliveryOutcome::LostAccess);
            let (name, fix) = policy::lost_access(code, channel_id, route, a.config.lang());
            job.state
                .db
                .set_route_attention(route.route.id, name, &fix, job.now())
                .await?;
            tracing::warn!(
                code = code.as_u64(),
                route.id = route.route.id,
                "lost access to the route's channel; the route needs attention"
            );
            // Missing Access may mean the whole server removed the bot.
            gone_guilds::after_failure(job.state, a.api, a.config, e).await;
            let why = format!("{} {name}", code.as_u64());
            job.unsent(OutboxState::Failed, why).await
        }
    }
}
