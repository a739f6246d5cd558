//! The EventSub subscriptions each tracked streamer needs, kept in step with
//! Twitch: created when a guild starts tracking, deleted when none does,
//! recreated after a revocation that allows it, and reconciled by
//! `streammaxing eventsub sync`.

use std::collections::HashSet;

use anyhow::Context;

use super::{
    helix::{Condition, Created, Helix, NewSubscription, NewTransport, SubscriptionFilter},
    types::EventSubSubscription,
};
use crate::ids::TwitchUserId;
use crate::{
    state::AppState,
    store::{StreamerProblem, Subscription, SubscriptionStatus, SubscriptionType},
};

pub mod budget;
pub mod relink;

pub use budget::is_budget_full;

/// The subscriptions every tracked streamer has: (type, version).
pub const STREAM_SUBSCRIPTIONS: [(SubscriptionType, &str); 3] = [
    (SubscriptionType::StreamOnline, "1"),
    (SubscriptionType::StreamOffline, "1"),
    (SubscriptionType::ChannelUpdate, "2"),
];

/// A failed resubscription is tried again after this long.
const RESUBSCRIBE_RETRY_MS: i64 = 5 * 60 * 1000;

pub fn callback_url(state: &AppState) -> String {
    format!(
        "{}/webhooks/twitch",
        state.config.public_url.as_str().trim_end_matches('/')
    )
}

/// Whether a subscription's callback is this service's (the plain address,
/// or the one a replacement uses, see `relink`).
fn is_ours(state: &AppState, callback: Option<&str>) -> bool {
    let base = callback_url(state);
    callback.is_some_and(|c| {
        c == base
            || c.strip_prefix(base.as_str())
                .is_some_and(|q| q.starts_with('?'))
    })
}

fn new_subscription<'a>(
    state: &'a AppState,
    sub_type: &'a SubscriptionType,
    version: &'a str,
    twitch_id: &'a TwitchUserId,
    callback: &'a str,
) -> NewSubscription<'a> {
    let secret = state
        .config
        .twitch
        .as_ref()
        .map(|t| t.eventsub_secret_str())
        .unwrap_or_default();
    NewSubscription {
        sub_type: sub_type.as_ref(),
        version,
        condition: Condition {
            broadcaster_user_id: twitch_id,
        },
        transport: NewTransport {
            method: "webhook",
            callback,
            secret,
        },
    }
}

fn helix(state: &AppState) -> anyhow::Result<&Helix> {
    state
        .twitch
        .as_deref()
        .context("Twitch is not configured: set TWITCH_CLIENT_ID, TWITCH_CLIENT_SECRET and TWITCH_EVENTSUB_SECRET")
}

fn record(sub: &EventSubSubscription, twitch_id: &TwitchUserId, now: i64) -> Subscription {
    Subscription {
        subscription_id: sub.id.clone(),
        twitch_id: twitch_id.to_owned(),
        sub_type: sub.sub_type.clone(),
        version: sub.version.clone(),
        status: sub.status.clone(),
        cost: i32::try_from(sub.cost).unwrap_or(i32::MAX),
        revoked_reason: None,
        resubscribe_at: None,
        created_at: now,
        updated_at: now,
    }
}

/// Creates whichever of the streamer's subscriptions are missing or unhealthy
/// and records them; a 409 (it exists already) is looked up and recorded.
/// Twitch refusing for lack of budget marks the streamer as waiting for
/// room (see [`budget`]) and is returned as the error.
pub async fn ensure(
    state: &AppState,
    twitch_id: &TwitchUserId,
) -> anyhow::Result<Vec<Subscription>> {
    match create_missing(state, twitch_id).await {
        Ok(()) => {
            state.db.clear_refusal(twitch_id).await?;
            Ok(state.db.subscriptions_for(twitch_id).await?)
        }
        Err(e) if is_budget_full(&e) => {
            if let Err(noted) = budget::refused(state, twitch_id, &e).await {
                tracing::warn!(
                    error = format!("{noted:#}"),
                    "reading the EventSub budget failed"
                );
            }
            Err(e)
        }
        Err(e) => Err(e),
    }
}

async fn create_missing(state: &AppState, twitch_id: &TwitchUserId) -> anyhow::Result<()> {
    let helix = helix(state)?;
    let existing = state.db.subscriptions_for(twitch_id).await?;
    let callback = callback_url(state);
    for (sub_type, version) in &STREAM_SUBSCRIPTIONS {
        let healthy = existing
            .iter()
            .any(|s| s.sub_type == *sub_type && s.version == *version && s.status.is_healthy());
        if healthy {
            continue;
        }
        let new = new_subscription(state, sub_type, version, twitch_id, &callback);
        let asked_at = state.now_ms();
        let (created, report) = helix
            .create_subscription_reporting(&new)
            .await
            .with_context(|| {
                format!("creating the {sub_type} subscription for Twitch user {twitch_id}")
            })?;
        budget::record(state, report, asked_at).await?;
        let sub = match created {
            Created::New(sub) => sub,
            Created::AlreadyExists => helix
                .subscriptions(SubscriptionFilter::Broadcaster(twitch_id.as_str()))
                .await
                .with_context(|| format!("looking up the existing {sub_type} subscription for {twitch_id}"))?
                .into_iter()
                .filter(|s| s.sub_type == *sub_type && s.version == *version && is_ours(state, s.transport.callback.as_deref()))
                .min_by_key(|s| (!s.status.is_healthy(), s.cost))
                .with_context(|| format!("Twitch reported a {sub_type} subscription for {twitch_id} that it does not list"))?,
        };
        state
            .db
            .upsert_subscription(&record(&sub, twitch_id, state.now_ms()))
            .await?;
    }
    Ok(())
}

/// Deletes the streamer's subscriptions once no guild tracks it; returns
/// whether it did.
pub async fn release_if_untracked(
    state: &AppState,
    twitch_id: &TwitchUserId,
) -> anyhow::Result<bool> {
    if state.db.tracking_guild_count(twitch_id).await? > 0 {
        return Ok(false);
    }
    let helix = helix(state)?;
    state.db.clear_refusal(twitch_id).await?;
    for sub in state.db.subscriptions_for(twitch_id).await? {
        if helix
            .delete_subscription(&sub.subscription_id)
            .await
            .with_context(|| format!("deleting subscription {}", sub.subscription_id))?
        {
            state
                .db
                .budget_released(i64::from(sub.cost), state.now_ms())
                .await?;
        }
        state.db.delete_subscription(&sub.subscription_id).await?;
    }
    for old in state.db.superseded(Some(twitch_id)).await? {
        if helix
            .delete_subscription(&old.subscription_id)
            .await
            .with_context(|| format!("deleting subscription {}", old.subscription_id))?
        {
            state.db.budget_released(old.cost, state.now_ms()).await?;
        }
        state.db.forget_superseded(&old.subscription_id).await?;
    }
    Ok(true)
}

/// A challenge was answered: the subscription is enabled. Recorded only for
/// streamers a server tracks (a `twitch event verify-subscription` test
/// names a random one); a failure here must not fail the challenge.
pub async fn confirmed(state: &AppState, sub: &EventSubSubscription) {
    let Some(twitch_id) = sub.condition.broadcaster_user_id.as_ref() else {
        return;
    };
    let enabled = EventSubSubscription {
        status: SubscriptionStatus::Enabled,
        ..sub.clone()
    };
    let result = state
        .db
        .record_confirmed_subscription(&record(&enabled, twitch_id, state.now_ms()))
        .await;
    if let Err(e) = result {
        tracing::warn!(error = %e, subscription.id = %sub.id, "could not record an enabled subscription");
    }
    // A cheaper replacement is enabled: the subscription it replaces goes
    // (once Twitch reports the replacement enabled, after this answer).
    let replaces = state.db.superseded(Some(twitch_id)).await;
    if replaces.is_ok_and(|old| old.iter().any(|o| o.replaced_by == sub.id)) {
        let (state, twitch_id) = (state.clone(), twitch_id.clone());
        state.clone().after_response(async move {
            if let Err(e) = relink::retire(&state, Some(&twitch_id)).await {
                tracing::warn!(
                    error = format!("{e:#}"),
                    "retiring replaced subscriptions failed; maintenance will retry"
                );
            }
        });
    }
}

/// Twitch revoked a subscription: record why, flag the streamer when the
/// account is gone, and schedule a new subscription where that can work.
pub async fn revoked(state: &AppState, sub: &EventSubSubscription) -> anyhow::Result<()> {
    let now = state.now_ms();
    // A replaced subscription was on its way out: its replacement stands.
    if state.db.forget_superseded(&sub.id).await? {
        tracing::info!(subscription.id = %sub.id, reason = %sub.status, "a replaced EventSub subscription was revoked");
        return Ok(());
    }
    let reason = &sub.status;
    let resubscribe_at = reason.allows_resubscribing().then_some(now);
    tracing::warn!(subscription.id = %sub.id, subscription.type = %sub.sub_type, reason = %reason, "EventSub subscription revoked");
    let recorded = state
        .db
        .mark_subscription_revoked(&sub.id, reason.as_ref(), resubscribe_at, now)
        .await?
        .is_some();
    let twitch_id = sub.condition.broadcaster_user_id.as_ref();
    // A revocation can arrive for a subscription we never recorded (e.g. the
    // database was restored): record it for a streamer we know.
    if let Some(twitch_id) = twitch_id
        && !recorded
        && state.db.streamer(twitch_id).await?.is_some()
    {
        let mut row = record(sub, twitch_id, now);
        row.revoked_reason = Some(reason.to_string());
        row.resubscribe_at = resubscribe_at;
        state.db.upsert_subscription(&row).await?;
    }
    if let Some(twitch_id) = twitch_id {
        match reason {
            SubscriptionStatus::UserRemoved => {
                let problem = Some(StreamerProblem::UserRemoved);
                state
                    .db
                    .set_streamer_problem(twitch_id, problem, now)
                    .await?;
            }
            SubscriptionStatus::AuthorizationRevoked => {
                state.db.set_streamer_linked(twitch_id, false, now).await?;
            }
            _ => {}
        }
    }
    Ok(())
}

/// Recreates revoked subscriptions whose time has come; returns how many
/// streamers were brought back.
pub async fn resubscribe_due(state: &AppState) -> anyhow::Result<usize> {
    let now = state.now_ms();
    let mut done = 0;
    for sub in state.db.subscriptions_due_for_resubscribe(now).await? {
        state.db.delete_subscription(&sub.subscription_id).await?;
        if state.db.tracking_guild_count(&sub.twitch_id).await? == 0 {
            continue;
        }
        match ensure(state, &sub.twitch_id).await {
            Ok(_) => done += 1,
            // Waits for room (marked by `ensure`), not for a timer.
            Err(e) if is_budget_full(&e) => {}
            Err(e) => {
                tracing::warn!(error = format!("{e:#}"), streamer.id = %sub.twitch_id, "resubscribing failed; will try again");
                let retry = Subscription {
                    resubscribe_at: Some(now + RESUBSCRIBE_RETRY_MS),
                    updated_at: now,
                    ..sub
                };
                state.db.upsert_subscription(&retry).await?;
            }
        }
    }
    Ok(done)
}

/// Creates the subscriptions of tracked streamers that lack some (Twitch
/// refused or failed earlier), up to `limit` streamers; returns how many
/// streamers were repaired. Streamers whose account is gone are skipped.
pub async fn repair_missing(state: &AppState, limit: usize) -> anyhow::Result<usize> {
    if let Err(e) = budget::refresh_while_waiting(state).await {
        tracing::warn!(
            error = format!("{e:#}"),
            "reading the EventSub budget failed"
        );
    }
    if let Err(e) = relink::retire(state, None).await {
        tracing::warn!(
            error = format!("{e:#}"),
            "retiring replaced subscriptions failed"
        );
    }
    let mut repaired = 0;
    for twitch_id in state.db.tracked_twitch_ids().await? {
        if repaired >= limit {
            break;
        }
        let subs = state.db.subscriptions_for(&twitch_id).await?;
        let healthy = STREAM_SUBSCRIPTIONS.iter().all(|(t, v)| {
            subs.iter()
                .any(|s| s.sub_type == *t && s.version == *v && s.status.is_healthy())
        });
        let revoked_pending = subs.iter().any(|s| s.resubscribe_at.is_some());
        let gone = state
            .db
            .streamer(&twitch_id)
            .await?
            .is_some_and(|s| s.problem == Some(StreamerProblem::UserRemoved));
        if healthy || revoked_pending || gone {
            continue;
        }
        // Refused for lack of budget: only once room was freed since.
        if let Some(refusal) = state.db.refusal(&twitch_id).await?
            && !budget::may_retry(state, &refusal).await?
        {
            continue;
        }
        match ensure(state, &twitch_id).await {
            Ok(_) => repaired += 1,
            Err(e) if is_budget_full(&e) => {}
            Err(e) => {
                tracing::warn!(error = format!("{e:#}"), streamer.id = %twitch_id, "creating missing subscriptions failed")
            }
        }
    }
    Ok(repaired)
}

/// What `eventsub sync` did with one subscription.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::AsRefStr)]
#[strum(serialize_all = "snake_case")]
pub enum SyncStep {
    Kept,
    Created,
    Deleted,
    /// Not created: the budget is full.
    Waiting,
}

/// One line of `eventsub sync`'s report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncAction {
    pub action: SyncStep,
    pub sub_type: SubscriptionType,
    pub twitch_id: TwitchUserId,
    pub subscription_id: String,
    pub note: String,
}

/// Reconciles Twitch's subscriptions with the streamers guilds track. Only
/// subscriptions whose callback is ours are ever deleted.
pub async fn sync(state: &AppState) -> anyhow::Result<SyncReport> {
    let helix = helix(state)?;
    let wanted: HashSet<(TwitchUserId, &SubscriptionType)> = state
        .db
        .tracked_twitch_ids()
        .await?
        .into_iter()
        .flat_map(|id| {
            STREAM_SUBSCRIPTIONS
                .iter()
                .map(move |(t, _)| (id.clone(), t))
        })
        .collect();
    let asked_at = state.now_ms();
    let listed = helix
        .subscription_list(SubscriptionFilter::All)
        .await
        .context("listing EventSub subscriptions")?;
    budget::record(state, listed.budget, asked_at).await?;
    let remote = listed.subscriptions;
    let replaced: HashSet<String> = state
        .db
        .superseded(None)
        .await?
        .into_iter()
        .map(|s| s.subscription_id)
        .collect();
    // Of two subscriptions of one kind, the healthy and cheaper one stays.
    let mut ours: Vec<&EventSubSubscription> = remote
        .iter()
        .filter(|s| is_ours(state, s.transport.callback.as_deref()))
        .filter(|s| !replaced.contains(&s.id))
        .collect();
    ours.sort_by_key(|s| (!s.status.is_healthy(), s.cost));
    let mut report = Vec::new();
    let mut kept = HashSet::new();
    for sub in ours {
        let twitch_id = sub
            .condition
            .broadcaster_user_id
            .clone()
            .unwrap_or_default();
        let key = (twitch_id.clone(), &sub.sub_type);
        let current_version = STREAM_SUBSCRIPTIONS
            .iter()
            .any(|(t, v)| *t == sub.sub_type && *v == sub.version);
        let healthy = sub.status.is_healthy();
        let note = if !wanted.contains(&key) {
            Some("no guild tracks this streamer")
        } else if !current_version {
            Some("outdated version")
        } else if !healthy {
            Some(sub.status.as_ref())
        } else if kept.contains(&key) {
            Some("duplicate")
        } else {
            None
        };
        let action = match note {
            None => {
                state
                    .db
                    .upsert_subscription(&record(sub, &twitch_id, state.now_ms()))
                    .await?;
                kept.insert(key);
                SyncStep::Kept
            }
            Some(_) => {
                if helix
                    .delete_subscription(&sub.id)
                    .await
                    .with_context(|| format!("deleting {}", sub.id))?
                {
                    state.db.budget_released(sub.cost, state.now_ms()).await?;
                }
                state.db.delete_subscription(&sub.id).await?;
                SyncStep::Deleted
            }
        };
        report.push(SyncAction {
            action,
            sub_type: sub.sub_type.clone(),
            twitch_id,
            subscription_id: sub.id.clone(),
            note: note.unwrap_or(sub.status.as_ref()).to_owned(),
        });
    }
    // Forget local rows Twitch no longer has, then create what is missing.
    let remote_ids: HashSet<&str> = remote.iter().map(|s| s.id.as_str()).collect();
    for row in state.db.all_subscriptions().await? {
        if !remote_ids.contains(row.subscription_id.as_str()) {
            state.db.delete_subscription(&row.subscription_id).await?;
        }
    }
    let mut missing: Vec<&(TwitchUserId, &SubscriptionType)> =
        wanted.iter().filter(|key| !kept.contains(*key)).collect();
    missing.sort_by(|a, b| (&a.0, a.1.as_ref()).cmp(&(&b.0, b.1.as_ref())));
    let missing_streamers: HashSet<&TwitchUserId> = missing.iter().map(|(id, _)| id).collect();
    for twitch_id in missing_streamers {
        let created = match ensure(state, twitch_id).await {
            Ok(created) => created,
            Err(e) if is_budget_full(&e) => {
                for (id, sub_type) in missing.iter().filter(|(id, _)| id == twitch_id) {
                    report.push(SyncAction {
                        action: SyncStep::Waiting,
                        sub_type: (*sub_type).clone(),
                        twitch_id: id.clone(),
                        subscription_id: "-".to_owned(),
                        note: "budget full: waits for room".to_owned(),
                    });
                }
                continue;
            }
            Err(e) => return Err(e),
        };
        for sub in created
            .iter()
            .filter(|s| missing.contains(&&(s.twitch_id.clone(), &s.sub_type)))
        {
            report.push(SyncAction {
                action: SyncStep::Created,
                sub_type: sub.sub_type.clone(),
                twitch_id: sub.twitch_id.clone(),
                subscription_id: sub.subscription_id.clone(),
                note: sub.status.to_string(),
            });
        }
    }
    Ok(SyncReport {
        actions: report,
        budget: budget::summary(state).await?,
    })
}

/// What `eventsub sync` did, and the budget after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncReport {
    pub actions: Vec<SyncAction>,
    pub budget: budget::Summary,
}

/// `eventsub sync`'s table, then the budget.
pub fn format_report(report: &SyncReport) -> String {
    let actions = &report.actions;
    let mut out = format!(
        "{:<8} {:<15} {:<12} {:<38} {}\n",
        "ACTION", "TYPE", "STREAMER", "SUBSCRIPTION", "NOTE"
    );
    for a in actions {
        out.push_str(&format!(
            "{:<8} {:<15} {:<12} {:<38} {}\n",
            a.action.as_ref(),
            a.sub_type,
            a.twitch_id,
            a.subscription_id,
            a.note
        ));
    }
    let count = |what| actions.iter().filter(|a| a.action == what).count();
    out.push_str(&format!(
        "{} kept, {} created, {} deleted\n",
        count(SyncStep::Kept),
        count(SyncStep::Created),
        count(SyncStep::Deleted)
    ));
    let waiting = count(SyncStep::Waiting);
    if waiting > 0 {
        out.push_str(&format!(
            "{waiting} not created: Twitch's subscription budget is full\n"
        ));
    }
    out.push_str(&budget::format_summary(&report.budget));
    out
}
