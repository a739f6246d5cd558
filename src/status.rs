//! `streammaxing status`: the operator's view of the whole bot, read from
//! the database alone (so it works next to any number of `serve` processes
//! or Lambda instances): what needs attention and why, how far behind
//! delivery is, Twitch's subscription budget, streamers whose alerts are
//! not active, and the latest delivery errors.

use serde::Serialize;

use crate::{
    metrics::GaugeValues,
    state::AppState,
    store::{BrokenRoute, DeliveryError, SubscriptionStatus},
};

/// Routes and errors listed at most.
const LIST: i64 = 50;
const ERRORS: i64 = 10;

#[derive(Debug, Serialize)]
pub struct Status {
    pub routes_needing_attention: Vec<BrokenRoute>,
    pub outbox: Outbox,
    pub subscription_budget: Option<Budget>,
    /// Followed streamers with fewer than their three subscriptions enabled.
    pub streamers_without_active_alerts: Vec<String>,
    pub servers_that_removed_the_bot: i64,
    pub recent_delivery_errors: Vec<DeliveryError>,
}

#[derive(Debug, Serialize)]
pub struct Outbox {
    pub pending: i64,
    /// Age of the oldest undelivered notification, in seconds.
    pub oldest_pending_secs: Option<i64>,
}

#[derive(Debug, Serialize)]
pub struct Budget {
    pub used: i64,
    pub max: i64,
    /// When Twitch last reported it (Unix ms).
    pub observed_at: i64,
}

pub async fn collect(state: &AppState) -> anyhow::Result<Status> {
    let db = &state.db;
    let subs = db.all_subscriptions().await?;
    let mut inactive = Vec::new();
    for twitch_id in db.tracked_twitch_ids().await? {
        let enabled = subs
            .iter()
            .filter(|s| s.twitch_id == twitch_id && s.status == SubscriptionStatus::Enabled)
            .count();
        if enabled < 3 {
            inactive.push(twitch_id.to_string());
        }
    }
    Ok(Status {
        routes_needing_attention: db.broken_routes(LIST).await?,
        outbox: outbox(state).await?,
        subscription_budget: budget(state).await?,
        streamers_without_active_alerts: inactive,
        servers_that_removed_the_bot: db.gone_guild_count().await?,
        recent_delivery_errors: db.recent_delivery_errors(ERRORS).await?,
    })
}

/// How far behind delivery is.
pub async fn outbox(state: &AppState) -> anyhow::Result<Outbox> {
    let (db, now) = (&state.db, state.now_ms());
    Ok(Outbox {
        pending: db.pending_notifications().await?,
        oldest_pending_secs: db
            .oldest_pending_notification()
            .await?
            .map(|at| (now - at).max(0) / 1000),
    })
}

/// Twitch's subscription budget as it last reported it.
pub async fn budget(state: &AppState) -> anyhow::Result<Option<Budget>> {
    Ok(state.db.budget().await?.map(|b| Budget {
        used: b.total_cost,
        max: b.max_total_cost,
        observed_at: b.observed_at,
    }))
}

/// The figures a metrics scrape reads from the database: a few indexed
/// counts, the same from every process.
pub async fn gauges(state: &AppState) -> anyhow::Result<GaugeValues> {
    let outbox = outbox(state).await?;
    Ok(GaugeValues {
        outbox_pending: outbox.pending,
        outbox_oldest_pending_seconds: outbox.oldest_pending_secs.unwrap_or(0),
        eventsub_budget: budget(state).await?.map(|b| (b.used, b.max)),
        routes_needing_attention: state.db.broken_route_count().await?,
    })
}

/// The report as text, one section per concern.
pub fn format(s: &Status) -> String {
    let mut out = String::new();
    let routes = &s.routes_needing_attention;
    out.push_str(&format!("Routes needing attention: {}\n", routes.len()));
    for r in routes {
        out.push_str(&format!(
            "  server {} ({}) · {} · channel {} · {}{}\n",
            r.guild_id,
            r.guild_name.as_deref().unwrap_or("unnamed"),
            r.streamer,
            r.channel_id
                .map_or("(server's)".to_owned(), |c| c.to_string()),
            r.reason.as_ref(),
            r.detail
                .as_deref()
                .map(|d| format!(": {d}"))
                .unwrap_or_default()
        ));
    }
    out.push_str(&format!(
        "Outbox: {} pending{}\n",
        s.outbox.pending,
        s.outbox
            .oldest_pending_secs
            .map(|a| format!(", oldest {a} s old"))
            .unwrap_or_default()
    ));
    out.push_str(&match &s.subscription_budget {
        Some(b) => format!("Twitch subscription budget: {} of {} used\n", b.used, b.max),
        None => "Twitch subscription budget: not reported yet (`streammaxing eventsub sync`)\n"
            .to_owned(),
    });
    let inactive = &s.streamers_without_active_alerts;
    out.push_str(&format!(
        "Streamers whose alerts are not active: {}",
        inactive.len()
    ));
    if !inactive.is_empty() {
        out.push_str(&format!(" (Twitch ids {})", inactive.join(", ")));
    }
    out.push('\n');
    out.push_str(&format!(
        "Servers that removed the bot (forgotten a day later): {}\n",
        s.servers_that_removed_the_bot
    ));
    out.push_str(&format!(
        "Latest delivery errors: {}\n",
        s.recent_delivery_errors.len()
    ));
    for e in &s.recent_delivery_errors {
        out.push_str(&format!(
            "  server {} · streamer {} · {} after {} attempt{} · {}\n",
            e.guild_id,
            e.twitch_id,
            e.state,
            e.attempts,
            if e.attempts == 1 { "" } else { "s" },
            e.error
        ));
    }
    out
}
