//! The announce step: post the go-live message, or resume the previous
//! one when the stream comes back within the guild's cooldown.

use super::{
    Outcome,
    job::Job,
    loaded::{Details, Loaded, config_and_tracked},
    policy::{self, Decision},
    send,
};
use crate::ids::ChannelId;
use crate::{
    discord::api::{DiscordCode, DiscordError},
    notify::message,
    store::{Attention, GuildConfig, OfflineMode, OutboxState, TrackedStreamer, Transition},
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
        return skip("the server no longer follows this streamer").await;
    };
    if job.item.ended_at.is_some() {
        return skip("the stream ended before it could be announced").await;
    }
    if !config.enabled {
        return skip("notifications are paused in this server").await;
    }
    if let Some(code) = &config.needs_attention {
        let why =
            format!("not sent: the server needs attention ({code}); an admin fixes it with /setup");
        return job.unsent(OutboxState::Failed, why).await;
    }
    if job.state.discord.is_none() {
        let wait = std::time::Duration::from_secs(60);
        return job.retry(wait, "Discord is not configured".into()).await;
    }
    let live = details
        .get(job.state, &tracked.streamer, &job.item.stream_id)
        .await;
    if let Some(outcome) = resume_after_flap(job, &config, &tracked, &live).await? {
        return Ok(outcome);
    }
    post(job, &config, &tracked, &live).await
}

async fn post(
    job: &Job<'_>,
    config: &GuildConfig,
    tracked: &TrackedStreamer,
    live: &GoLive,
) -> anyhow::Result<Outcome> {
    let (db, api) = (&job.state.db, job.state.discord.as_deref());
    let Some((out, api)) = message::build(
        config,
        tracked,
        live,
        job.started_at(),
        &job.cache_bust(),
        true,
    )
    .zip(api) else {
        db.set_needs_attention(
            job.item.guild_id,
            Attention::NoChannel,
            "No notification channel is set. Run `/setup channel:#your-channel`.",
            job.now(),
        )
        .await?;
        return job
            .unsent(OutboxState::Failed, "no notification channel set".into())
            .await;
    };
    match send::post(api, &out, &format!("sm{}", job.item.id)).await {
        Ok(message_id) => {
            let sent = Transition::Sent {
                channel_id: out.channel_id,
                message_id,
            };
            let outcome = job.release(sent, Outcome::Sent).await?;
            if out.publish {
                send::publish(api, out.channel_id, message_id).await;
            }
            Ok(outcome)
        }
        Err(e) => failed(job, &e, out.channel_id).await,
    }
}

/// A stream that comes back within the guild's cooldown after ending gets
/// its previous message edited back to live: no new message, no new ping.
async fn resume_after_flap(
    job: &Job<'_>,
    config: &GuildConfig,
    tracked: &TrackedStreamer,
    live: &GoLive,
) -> anyhow::Result<Option<Outcome>> {
    let (db, now, item) = (&job.state.db, job.now(), &job.item);
    let Some(previous) = db
        .previous_notification(item.guild_id, &item.twitch_id, &item.stream_id)
        .await?
    else {
        return Ok(None);
    };
    let cooldown_ms = i64::from(config.cooldown_secs) * 1000;
    let recent = previous
        .ended_at
        .is_some_and(|ended| now - ended <= cooldown_ms);
    let (Some(channel_id), Some(message_id), Some(api)) = (
        previous.channel_id,
        previous.message_id,
        job.state.discord.as_deref(),
    ) else {
        return Ok(None);
    };
    if !recent || config.offline_mode == OfflineMode::Delete {
        return Ok(None);
    }
    let Some(out) = message::build(
        config,
        tracked,
        live,
        job.started_at(),
        &job.cache_bust(),
        false,
    ) else {
        return Ok(None);
    };
    match send::edit(api, channel_id, message_id, &out).await {
        Ok(()) => {
            db.settle_resumed(previous.id, now).await?;
            let sent = Transition::Sent {
                channel_id,
                message_id,
            };
            tracing::info!("stream came back within the cooldown: resumed the previous message");
            job.release(sent, Outcome::Sent).await.map(Some)
        }
        // The old message is gone: announce normally.
        Err(e) if e.code() == Some(DiscordCode::UnknownMessage) => Ok(None),
        Err(e) => failed(job, &e, channel_id).await.map(Some),
    }
}

/// What to do after Discord refused or failed a post.
async fn failed(job: &Job<'_>, e: &DiscordError, channel_id: ChannelId) -> anyhow::Result<Outcome> {
    match policy::decide(e, job.item.attempts) {
        Decision::RetryAfter(wait, why) => job.retry(wait, why).await,
        Decision::GiveUp(why) => job.unsent(OutboxState::Failed, why).await,
        Decision::LostAccess(code) => {
            let (name, fix) = policy::lost_access(code, channel_id);
            job.state
                .db
                .set_needs_attention(job.item.guild_id, name, &fix, job.now())
                .await?;
            tracing::warn!(
                code = code.as_u64(),
                "lost access to the notification channel; the server needs attention"
            );
            let why = format!("{} {name}", code.as_u64());
            job.unsent(OutboxState::Failed, why).await
        }
    }
}
