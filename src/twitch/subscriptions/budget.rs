//! Twitch's EventSub budget: every subscription costs 1 against
//! `max_total_cost` unless its broadcaster authorized the app (linked their
//! account), then 0. Twitch refuses a subscription past the budget with a
//! 429 that is no rate limit: the streamer is marked as waiting and tried
//! again only once room has been freed since (a removal, a link, a higher
//! maximum), never every minute.

use crate::{
    ids::TwitchUserId,
    state::AppState,
    store::{Budget, Refusal},
    twitch::{
        HelixError,
        helix::{BudgetReport, SubscriptionFilter},
    },
};

use super::{STREAM_SUBSCRIPTIONS, helix};

/// While streamers wait for room, the budget is read again from Twitch at
/// most this often (room freed where we don't see it: another deployment of
/// the same app, subscriptions Twitch removed).
const REFRESH_WHILE_WAITING_MS: i64 = 15 * 60 * 1000;
/// With no budget ever reported, a refused streamer is tried again this often.
const RETRY_UNKNOWN_MS: i64 = 60 * 60 * 1000;

/// A new streamer would not fit: `used` of `max`, and it needs `needed`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Full {
    pub used: i64,
    pub max: i64,
    pub needed: i64,
}

/// The budget and who spends it, for `eventsub sync`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub budget: Option<Budget>,
    pub followed: i64,
    pub linked: i64,
    pub waiting: usize,
}

/// Whether `err` is Twitch refusing for lack of budget.
pub fn is_budget_full(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        matches!(
            e.downcast_ref::<HelixError>(),
            Some(HelixError::BudgetFull(_))
        )
    })
}

/// Records what Twitch reported to a request sent at `asked_at` (an answer
/// to an earlier request never overwrites a later state).
pub(super) async fn record(
    state: &AppState,
    report: Option<BudgetReport>,
    asked_at: i64,
) -> anyhow::Result<()> {
    if let Some(r) = report {
        state
            .db
            .record_budget(r.total, r.total_cost, r.max_total_cost, asked_at)
            .await?;
    }
    Ok(())
}

/// What following `twitch_id` would add to the budget: one per missing
/// subscription, nothing once they linked.
async fn cost_to_add(state: &AppState, twitch_id: &TwitchUserId) -> anyhow::Result<i64> {
    let linked = state
        .db
        .streamer(twitch_id)
        .await?
        .is_some_and(|s| s.linked);
    if linked {
        return Ok(0);
    }
    let subs = state.db.subscriptions_for(twitch_id).await?;
    let missing = STREAM_SUBSCRIPTIONS
        .iter()
        .filter(|(t, v)| {
            !subs
                .iter()
                .any(|s| s.sub_type == *t && s.version == *v && s.status.is_healthy())
        })
        .count();
    Ok(i64::try_from(missing).unwrap_or(i64::MAX))
}

/// Whether following `twitch_id` fits the budget as Twitch last reported
/// it (read first when it never was). Streamers already subscribed or
/// linked cost nothing and always fit; a budget that filled up unseen is
/// Twitch's to refuse when asked.
pub async fn check_room(
    state: &AppState,
    twitch_id: &TwitchUserId,
) -> anyhow::Result<Result<(), Full>> {
    let needed = cost_to_add(state, twitch_id).await?;
    if needed > 0 && state.db.budget().await?.is_none() {
        // Never reported yet (a fresh install): one small list tells.
        if let Err(e) = refresh(state, twitch_id).await {
            tracing::warn!(
                error = format!("{e:#}"),
                "reading the EventSub budget failed"
            );
        }
    }
    match state.db.budget().await? {
        Some(b) if !b.fits(needed) => Ok(Err(Full {
            used: b.total_cost,
            max: b.max_total_cost,
            needed,
        })),
        _ => Ok(Ok(())),
    }
}

/// Twitch refused `twitch_id`'s subscription for lack of budget: mark it
/// waiting and read the budget again (a 429 carries no numbers). Logged
/// once, when it starts waiting.
pub async fn refused(
    state: &AppState,
    twitch_id: &TwitchUserId,
    err: &anyhow::Error,
) -> anyhow::Result<()> {
    let message = err
        .chain()
        .last()
        .map(ToString::to_string)
        .unwrap_or_default();
    let news = state
        .db
        .record_refusal(twitch_id, &message, state.now_ms())
        .await?;
    if news {
        tracing::warn!(streamer.id = %twitch_id, error = %message,
            "Twitch's EventSub budget is full: this streamer waits until room is freed (a removal or a linked account)");
    }
    refresh(state, twitch_id).await
}

/// Reads the budget from Twitch with a small list (one streamer's).
async fn refresh(state: &AppState, twitch_id: &TwitchUserId) -> anyhow::Result<()> {
    let asked_at = state.now_ms();
    let list = helix(state)?
        .subscription_list(SubscriptionFilter::Broadcaster(twitch_id.as_str()))
        .await?;
    record(state, list.budget, asked_at).await
}

/// Whether a waiting streamer should be tried now: room was freed since
/// Twitch refused it, and it fits.
pub(super) async fn may_retry(state: &AppState, refusal: &Refusal) -> anyhow::Result<bool> {
    let needed = cost_to_add(state, &refusal.twitch_id).await?;
    Ok(match state.db.budget().await? {
        Some(b) => b.freed_at > refusal.refused_at && b.fits(needed),
        None => refusal.refused_at + RETRY_UNKNOWN_MS <= state.now_ms(),
    })
}

/// While streamers wait, reads the budget again now and then.
pub(super) async fn refresh_while_waiting(state: &AppState) -> anyhow::Result<()> {
    let Some(first) = state.db.refusals().await?.into_iter().next() else {
        return Ok(());
    };
    let stale = state
        .db
        .budget()
        .await?
        .is_none_or(|b| b.observed_at + REFRESH_WHILE_WAITING_MS <= state.now_ms());
    if stale {
        refresh(state, &first.twitch_id).await?;
    }
    Ok(())
}

pub async fn summary(state: &AppState) -> anyhow::Result<Summary> {
    let (followed, linked) = state.db.followed_streamer_counts().await?;
    Ok(Summary {
        budget: state.db.budget().await?,
        followed,
        linked,
        waiting: state.db.refusals().await?.len(),
    })
}

/// `eventsub sync`'s budget line.
pub fn format_summary(s: &Summary) -> String {
    let used = match s.budget {
        Some(b) => format!(
            "budget: {} of {} used ({} left), {} subscriptions",
            b.total_cost,
            b.max_total_cost,
            b.room(),
            b.total
        ),
        None => "budget: not reported by Twitch yet".to_owned(),
    };
    let mut out = format!(
        "{used}; {} followed streamers: {} linked (cost 0), {} unlinked (cost 1 per subscription)\n",
        s.followed,
        s.linked,
        s.followed - s.linked
    );
    if s.waiting > 0 {
        out.push_str(&format!(
            "{} streamers wait for room: they get alerts once they link their Twitch account or others are removed\n",
            s.waiting
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_says_what_is_used_and_who_costs_nothing() {
        let budget = Budget {
            total: 9,
            total_cost: 6,
            max_total_cost: 10_000,
            observed_at: 1,
            freed_at: 1,
        };
        let summary = Summary {
            budget: Some(budget),
            followed: 3,
            linked: 1,
            waiting: 0,
        };
        assert_eq!(
            format_summary(&summary),
            "budget: 6 of 10000 used (9994 left), 9 subscriptions; 3 followed streamers: \
             1 linked (cost 0), 2 unlinked (cost 1 per subscription)\n"
        );
        let waiting = Summary {
            budget: None,
            waiting: 2,
            ..summary
        };
        let text = format_summary(&waiting);
        assert!(
            text.starts_with("budget: not reported by Twitch yet;"),
            "{text}"
        );
        assert!(text.ends_with("2 streamers wait for room: they get alerts once they link their Twitch account or others are removed\n"), "{text}");
    }
}
