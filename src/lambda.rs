//! AWS Lambda: the same router under `lambda_http`, and an internal
//! extension that finishes each invocation's work after its response.
//!
//! Lambda freezes the environment as soon as the response is returned, so a
//! spawned task may never run. An internal extension subscribed to INVOKE
//! keeps the invocation alive without delaying the response: it waits until
//! the router has produced the response, then waits for the after-response
//! work (deferred interaction replies, clean-ups) and, only when the
//! invocation queued delivery work (a go-live, a stream's end or update),
//! delivers what is due. A rejected or read-only request costs no database
//! write and no billed time after its response.
//! The function's `Handler` picks the entry point: `http` (API Gateway or a
//! function URL, which send the same payload) or `scheduled` (EventBridge,
//! every minute: maintenance and a delivery sweep for anything a crash or
//! timeout left behind).

use std::{collections::HashSet, sync::Arc, time::Duration};

use anyhow::Context;
use lambda_extension::{Extension, InvokeEvent, LambdaEvent as ExtensionEvent, NextEvent};
use serde_json::{Value, json};
use tokio::{sync::Notify, time::Instant};

use crate::{
    app::app,
    clock::Clock,
    config::Config,
    delivery as deliver, maintenance,
    metrics::{GaugeValues, emf::Figure},
    state::AppState,
    status,
    store::{Db, PoolSettings},
};

/// Longest the extension waits for the router's response to an invocation.
const ANSWER_WAIT: Duration = Duration::from_secs(30);

/// A delivery pass stops claiming this long before the invocation's
/// deadline, so that what is in flight then finishes before Lambda would
/// stop it: at most 256 sends in flight, paced at 50 a second (5.1 s to
/// start the last), each bounded by the Discord client's 10 s timeout,
/// then one database write each. What is left is the next pass's.
const DRAIN: Duration = Duration::from_secs(20);

/// An HTTP environment writes its counters' EMF line at most this often (a
/// busy function: one line a minute, not one per request); what an
/// environment counted after its last line is lost when Lambda retires it.
const EMF_EVERY: Duration = Duration::from_secs(60);

/// Runs as a Lambda function. Nothing slow happens before the first
/// request: the pool connects lazily and migrations run at deploy time.
pub async fn run(config: Config) -> anyhow::Result<()> {
    let db = Db::connect(&config.database_url, PoolSettings::LAMBDA)
        .await
        .context("configuring the database pool (DATABASE_URL)")?;
    config.log_disabled_features();
    let state = AppState::new(config, db, Clock::system());
    match std::env::var("_HANDLER").as_deref() {
        Ok("scheduled") => run_scheduled(state).await,
        _ => run_http(state).await,
    }
}

async fn run_http(state: AppState) -> anyhow::Result<()> {
    let responses = Arc::new(Responses::default());
    let (worker, waiting) = (state.clone(), responses.clone());
    let extension = Extension::new()
        .with_events(&["INVOKE"])
        .with_events_processor(lambda_extension::service_fn(
            move |event: ExtensionEvent| {
                let (state, responses) = (worker.clone(), waiting.clone());
                async move {
                    if let NextEvent::Invoke(invoke) = event.next {
                        after_invocation(&state, &responses, invoke).await;
                    }
                    Ok::<(), lambda_extension::Error>(())
                }
            },
        ))
        .with_extension_name("streammaxing-after-response")
        .register()
        .await
        .map_err(|e| anyhow::anyhow!("registering the Lambda extension: {e}"))?;
    tracing::debug!("after-response extension registered");
    let router = app(state).layer(axum::middleware::from_fn(
        move |request: axum::extract::Request, next: axum::middleware::Next| {
            let responses = responses.clone();
            async move {
                use lambda_http::RequestExt as _;
                let id = request.lambda_context_ref().map(|c| c.request_id.clone());
                let response = next.run(request).await;
                // This invocation's response exists: its extension may start the rest.
                if let Some(id) = id {
                    responses.answered(id);
                }
                response
            }
        },
    ));
    let (http, extension) = tokio::join!(lambda_http::run(router), extension.run());
    http.map_err(|e| anyhow::anyhow!("Lambda runtime: {e}"))?;
    extension.map_err(|e| anyhow::anyhow!("Lambda extension: {e}"))
}

/// The extension's part of one invocation: once the router has answered
/// it, finish its work (and that of any answered invocation whose INVOKE
/// event never came).
async fn after_invocation(state: &AppState, responses: &Responses, invoke: InvokeEvent) {
    let stop_claiming = stop_claiming_before(invoke.deadline_ms);
    let id = invoke.request_id;
    tracing::debug!(request.id = %id, deadline_ms = invoke.deadline_ms, "extension: waiting for the response");
    // A request the router never saw (an event the runtime could not read)
    // must not hold the extension forever.
    let mut finished = 0;
    match tokio::time::timeout(ANSWER_WAIT, responses.wait_for(&id)).await {
        Ok(Waited::Answered) => {
            finish_invocation(state, stop_claiming).await;
            finished += 1;
        }
        // Finished already, with an earlier invocation's.
        Ok(Waited::FinishedBefore) => {}
        Err(_) => {
            tracing::warn!(request.id = %id, "extension: no response seen for this invocation");
            finish_invocation(state, stop_claiming).await;
        }
    }
    // Lambda hands the extension every INVOKE before the next invocation
    // starts; cargo lambda's emulator drops (or delays) those that come
    // while the extension is busy. Responses whose event has not come get
    // their work finished all the same.
    loop {
        let unclaimed = responses.take_unclaimed();
        if unclaimed == 0 {
            break;
        }
        finish_invocation(state, stop_claiming).await;
        finished += unclaimed;
    }
    tracing::debug!(request.id = %id, responses = finished, "extension: after-response work done");
}

/// The invocations whose response the router has produced, by Lambda
/// request id: the extension's INVOKE event and the router's response pair
/// by id, never by arrival order (the INVOKE event may arrive late, after
/// the next invocation's response, or not at all under the emulator).
#[derive(Default)]
struct Responses {
    ids: std::sync::Mutex<Ids>,
    changed: Notify,
}

#[derive(Default)]
struct Ids {
    /// Answered, work not finished yet.
    answered: HashSet<String>,
    /// Answered and finished before their INVOKE event came.
    finished: HashSet<String>,
}

/// How an invocation's response was found.
enum Waited {
    /// Answered: its work is this INVOKE event's to finish.
    Answered,
    /// Its work was finished with another invocation's.
    FinishedBefore,
}

impl Responses {
    /// At most this many ids are kept in each set.
    const KEPT: usize = 1024;

    fn ids(&self) -> std::sync::MutexGuard<'_, Ids> {
        self.ids.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn answered(&self, id: String) {
        let mut ids = self.ids();
        if ids.answered.len() >= Self::KEPT {
            ids.answered.clear();
        }
        ids.answered.insert(id);
        drop(ids);
        self.changed.notify_waiters();
    }

    /// Marks every answered response no INVOKE event claimed as finished,
    /// and says how many there were.
    fn take_unclaimed(&self) -> usize {
        let mut ids = self.ids();
        let taken = ids.answered.len();
        if ids.finished.len() + taken > Self::KEPT {
            ids.finished.clear();
        }
        let answered = std::mem::take(&mut ids.answered);
        ids.finished.extend(answered);
        taken
    }

    async fn wait_for(&self, id: &str) -> Waited {
        loop {
            let changed = self.changed.notified();
            tokio::pin!(changed);
            changed.as_mut().enable();
            {
                let mut ids = self.ids();
                if ids.answered.remove(id) {
                    return Waited::Answered;
                }
                if ids.finished.remove(id) {
                    return Waited::FinishedBefore;
                }
            }
            changed.await;
        }
    }
}

/// After the response: the invocation's own deferred work, then, when the
/// invocation queued delivery work, whatever notifications are due; then
/// the counters, as an EMF line at most every [`EMF_EVERY`].
pub async fn finish_invocation(state: &AppState, stop_claiming: Option<Instant>) {
    finish_work(state, stop_claiming).await;
    if let Some(line) = state.metrics.emf_flush(state.now_ms(), &[], EMF_EVERY) {
        println!("{line}");
    }
}

async fn finish_work(state: &AppState, stop_claiming: Option<Instant>) {
    state.background.idle().await;
    if !state.take_queued_delivery() {
        tracing::debug!("after the response: nothing queued, no delivery pass");
        return;
    }
    tracing::debug!("after the response: delivery pass");
    match deliver::deliver_due_until(state, stop_claiming).await {
        Ok(report) if report.sent + report.refreshed + report.ended + report.failed > 0 => {
            tracing::info!(
                sent = report.sent,
                refreshed = report.refreshed,
                ended = report.ended,
                failed = report.failed,
                retrying = report.retried,
                "delivered after the response"
            );
        }
        Ok(_) => {}
        Err(e) => tracing::warn!(
            error = format!("{e:#}"),
            "delivery after the response failed; the schedule retries"
        ),
    }
}

/// When a delivery pass in an invocation that must end by `deadline_ms`
/// (milliseconds since the epoch, as Lambda gives it) stops claiming: [`DRAIN`]
/// before it, or half-way when the invocation is shorter than that. No
/// deadline (0: cargo lambda's emulator gives none) sets no limit.
fn stop_claiming_before(deadline_ms: u64) -> Option<Instant> {
    if deadline_ms == 0 {
        return None;
    }
    let now_ms = u64::try_from(chrono::Utc::now().timestamp_millis()).unwrap_or(0);
    let left = Duration::from_millis(deadline_ms.saturating_sub(now_ms));
    Some(Instant::now() + left.saturating_sub(DRAIN).max(left / 2))
}

async fn run_scheduled(state: AppState) -> anyhow::Result<()> {
    lambda_runtime::run(lambda_runtime::service_fn(
        move |event: lambda_runtime::LambdaEvent<Value>| {
            let state = state.clone();
            async move {
                scheduled(&state, stop_claiming_before(event.context.deadline))
                    .await
                    .map_err(|e| lambda_runtime::Error::from(format!("{e:#}")))
            }
        },
    ))
    .await
    .map_err(|e| anyhow::anyhow!("Lambda runtime: {e}"))
}

/// The minutely sweep: maintenance, due deliveries (claiming nothing after
/// `stop_claiming`), then one CloudWatch EMF line: the age of the oldest
/// undelivered notification (for the alarm), the database's other figures
/// and the counters of this run.
pub async fn scheduled(state: &AppState, stop_claiming: Option<Instant>) -> anyhow::Result<Value> {
    maintenance::run_once(state).await?;
    let report = deliver::deliver_due_until(state, stop_claiming).await?;
    let gauges = status::gauges(state).await?;
    let oldest = gauges.outbox_oldest_pending_seconds;
    if let Some(line) =
        state
            .metrics
            .emf_flush(state.now_ms(), &gauge_figures(&gauges), Duration::ZERO)
    {
        println!("{line}");
    }
    Ok(
        json!({ "sent": report.sent, "refreshed": report.refreshed, "ended": report.ended, "retrying": report.retried, "failed": report.failed, "oldest_undelivered_seconds": oldest }),
    )
}

/// The database's figures as EMF metrics.
fn gauge_figures(g: &GaugeValues) -> Vec<Figure<'static>> {
    let count = |name, value: i64| Figure {
        name,
        value: value as f64,
        unit: "Count",
    };
    let mut figures = vec![
        Figure {
            name: "OldestUndeliveredSeconds",
            value: g.outbox_oldest_pending_seconds as f64,
            unit: "Seconds",
        },
        count("OutboxPending", g.outbox_pending),
        count("RoutesNeedingAttention", g.routes_needing_attention),
    ];
    if let Some((used, max)) = g.eventsub_budget {
        figures.push(count("EventSubBudgetUsed", used));
        figures.push(count("EventSubBudgetMax", max));
    }
    figures
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claiming_for(deadline_in: Duration) -> Duration {
        let now_ms = u64::try_from(chrono::Utc::now().timestamp_millis()).unwrap();
        let deadline = now_ms + u64::try_from(deadline_in.as_millis()).unwrap();
        stop_claiming_before(deadline).expect("a deadline") - Instant::now()
    }

    #[tokio::test]
    async fn an_invoke_event_pairs_with_its_own_response_even_after_it_was_finished() {
        let responses = Responses::default();
        responses.answered("a".into());
        responses.answered("b".into());
        assert!(matches!(responses.wait_for("b").await, Waited::Answered));
        // a's event never came: its work is finished with b's.
        assert_eq!(responses.take_unclaimed(), 1);
        assert_eq!(responses.take_unclaimed(), 0);
        // When it comes late after all, it finds its work done at once.
        assert!(matches!(
            responses.wait_for("a").await,
            Waited::FinishedBefore
        ));
        let waiting = responses.wait_for("c");
        responses.answered("c".into());
        assert!(matches!(waiting.await, Waited::Answered));
    }

    #[test]
    fn a_pass_stops_claiming_in_time_for_what_is_in_flight_to_finish() {
        let ninety = claiming_for(Duration::from_secs(90));
        assert!(
            ninety <= Duration::from_secs(70) && ninety > Duration::from_secs(69),
            "{ninety:?}"
        );
        let ten = claiming_for(Duration::from_secs(10));
        assert!(
            ten <= Duration::from_secs(5) && ten > Duration::from_secs(4),
            "{ten:?}"
        );
        assert_eq!(stop_claiming_before(0), None, "no deadline, no limit");
    }
}
