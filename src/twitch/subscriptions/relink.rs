//! A streamer linked their Twitch account: their subscriptions may now cost
//! 0, but Twitch fixes a subscription's cost when it is created. Those still
//! costing 1 are replaced: the new one is created first (to a second
//! callback address, as Twitch refuses two identical subscriptions), the old
//! one is deleted only once the new one is enabled, so no go-live falls in a
//! gap. While both deliver, one go-live arrives twice under two message ids
//! with one stream id, and `store/events.rs` announces a stream id once.

use std::time::Duration;

use anyhow::Context;

use super::{
    STREAM_SUBSCRIPTIONS, budget, callback_url, ensure, helix, is_ours, new_subscription, record,
};
use crate::{
    ids::TwitchUserId,
    state::AppState,
    store::{Subscription, SubscriptionStatus, Superseded},
    twitch::{
        helix::{Created, SubscriptionFilter},
        types::EventSubSubscription,
    },
};

/// How often, and how long apart, a retirement asks Twitch whether the
/// replacement is enabled yet before leaving it to the next maintenance run.
const RETIRE_CHECKS: [Duration; 4] = [
    Duration::from_millis(0),
    Duration::from_millis(250),
    Duration::from_millis(750),
    Duration::from_millis(2000),
];

/// The other callback address: the replacement must differ from the old
/// subscription in something, and only the address is ours to choose.
fn other_callback(state: &AppState, current: Option<&str>) -> String {
    let base = callback_url(state);
    if current == Some(base.as_str()) {
        format!("{base}?renewed=1")
    } else {
        base
    }
}

/// Brings a newly linked streamer's subscriptions to cost 0: keeps those
/// that already cost 0, replaces those that cost more (the old ones go once
/// the new ones are enabled), creates what is missing. Returns how many
/// were replaced.
pub async fn linked(state: &AppState, twitch_id: &TwitchUserId) -> anyhow::Result<usize> {
    state.db.clear_refusal(twitch_id).await?;
    let asked_at = state.now_ms();
    let list = helix(state)?
        .subscription_list(SubscriptionFilter::Broadcaster(twitch_id.as_str()))
        .await
        .with_context(|| format!("listing the subscriptions of {twitch_id}"))?;
    budget::record(state, list.budget, asked_at).await?;
    let ours: Vec<&EventSubSubscription> = list
        .subscriptions
        .iter()
        .filter(|s| s.status.is_healthy() && is_ours(state, s.transport.callback.as_deref()))
        .collect();
    let mut replaced = 0;
    for (sub_type, version) in &STREAM_SUBSCRIPTIONS {
        let mut same: Vec<&EventSubSubscription> = ours
            .iter()
            .copied()
            .filter(|s| s.sub_type == *sub_type && s.version == *version)
            .collect();
        same.sort_by_key(|s| s.cost);
        let Some(best) = same.first() else {
            continue;
        };
        let keep = if best.cost == 0 {
            let now = state.now_ms();
            state
                .db
                .upsert_subscription(&record(best, twitch_id, now))
                .await?;
            best.id.clone()
        } else {
            let new = replace(state, twitch_id, best).await?;
            replaced += 1;
            new.subscription_id
        };
        for old in same.iter().filter(|s| s.id != keep) {
            let s = Superseded {
                subscription_id: old.id.clone(),
                twitch_id: twitch_id.clone(),
                replaced_by: keep.clone(),
                cost: old.cost,
                created_at: state.now_ms(),
            };
            state.db.record_superseded(&s).await?;
        }
    }
    ensure(state, twitch_id).await?;
    // Replacements whose challenge was answered before they were recorded
    // as replacements are retired here; later ones when confirmed.
    let (state, twitch_id) = (state.clone(), twitch_id.clone());
    state.clone().after_response(async move {
        if let Err(e) = retire(&state, Some(&twitch_id)).await {
            tracing::warn!(
                error = format!("{e:#}"),
                "retiring replaced subscriptions failed; maintenance will retry"
            );
        }
    });
    Ok(replaced)
}

/// Creates the cost-0 twin of `old` and records it in its place.
async fn replace(
    state: &AppState,
    twitch_id: &TwitchUserId,
    old: &EventSubSubscription,
) -> anyhow::Result<Subscription> {
    let callback = other_callback(state, old.transport.callback.as_deref());
    let new = new_subscription(state, &old.sub_type, &old.version, twitch_id, &callback);
    let asked_at = state.now_ms();
    let (created, report) = helix(state)?
        .create_subscription_reporting(&new)
        .await
        .with_context(|| format!("replacing the {} subscription of {twitch_id}", old.sub_type))?;
    budget::record(state, report, asked_at).await?;
    let sub = match created {
        Created::New(sub) => sub,
        Created::AlreadyExists => anyhow::bail!(
            "Twitch already has a {} subscription of {twitch_id} at {callback}",
            old.sub_type
        ),
    };
    let row = record(&sub, twitch_id, state.now_ms());
    state.db.upsert_subscription(&row).await?;
    Ok(row)
}

/// Deletes superseded subscriptions whose replacement Twitch reports
/// enabled; one streamer's (asking Twitch a few times, for a replacement
/// whose challenge was just answered) or everyone's (once). Returns how
/// many were deleted.
pub async fn retire(state: &AppState, twitch_id: Option<&TwitchUserId>) -> anyhow::Result<usize> {
    let waiting = state.db.superseded(twitch_id).await?;
    let mut streamers: Vec<&TwitchUserId> = waiting.iter().map(|s| &s.twitch_id).collect();
    streamers.dedup();
    let checks = if twitch_id.is_some() {
        &RETIRE_CHECKS[..]
    } else {
        &RETIRE_CHECKS[..1]
    };
    let mut retired = 0;
    for streamer in streamers {
        let mine: Vec<&Superseded> = waiting
            .iter()
            .filter(|s| &s.twitch_id == streamer)
            .collect();
        for wait in checks {
            tokio::time::sleep(*wait).await;
            let (done, left) = retire_streamer(state, streamer, &mine).await?;
            retired += done;
            if left == 0 {
                break;
            }
        }
    }
    Ok(retired)
}

/// One pass over one streamer's superseded subscriptions; returns how many
/// were deleted and how many still wait for their replacement.
async fn retire_streamer(
    state: &AppState,
    twitch_id: &TwitchUserId,
    superseded: &[&Superseded],
) -> anyhow::Result<(usize, usize)> {
    let helix = helix(state)?;
    let asked_at = state.now_ms();
    let list = helix
        .subscription_list(SubscriptionFilter::Broadcaster(twitch_id.as_str()))
        .await?;
    budget::record(state, list.budget, asked_at).await?;
    let (mut done, mut left) = (0, 0);
    for old in superseded {
        let still_there = list
            .subscriptions
            .iter()
            .any(|s| s.id == old.subscription_id);
        let replacement = list.subscriptions.iter().find(|s| s.id == old.replaced_by);
        let untracked = state.db.tracking_guild_count(twitch_id).await? == 0;
        match replacement.map(|s| &s.status) {
            _ if !still_there => {}
            Some(SubscriptionStatus::Enabled) => {}
            _ if untracked => {}
            Some(SubscriptionStatus::WebhookCallbackVerificationPending) => {
                left += 1;
                continue;
            }
            // The replacement failed or vanished: the old one stays, as the
            // streamer's recorded subscription again.
            _ => {
                tracing::warn!(subscription.id = %old.subscription_id, streamer.id = %twitch_id,
                    "the cheaper replacement of a subscription never became enabled; keeping the old one");
                if let Some(sub) = list
                    .subscriptions
                    .iter()
                    .find(|s| s.id == old.subscription_id)
                {
                    state
                        .db
                        .upsert_subscription(&record(sub, twitch_id, state.now_ms()))
                        .await?;
                }
                state.db.forget_superseded(&old.subscription_id).await?;
                continue;
            }
        }
        if still_there && helix.delete_subscription(&old.subscription_id).await? {
            state.db.budget_released(old.cost, state.now_ms()).await?;
            done += 1;
        }
        state.db.forget_superseded(&old.subscription_id).await?;
    }
    Ok((done, left))
}
