//! AWS Lambda: the same router under `lambda_http`, and an internal
//! extension that finishes each invocation's work after its response.
//!
//! Lambda freezes the environment as soon as the response is returned, so a
//! spawned task may never run. An internal extension subscribed to INVOKE
//! keeps the invocation alive without delaying the response: it waits until
//! the router has produced the response, then waits for the after-response
//! work (deferred interaction replies, clean-ups) and delivers what is due.
//! The function's `Handler` picks the entry point: `http` (API Gateway) or
//! `scheduled` (EventBridge, every minute: maintenance and a delivery
//! sweep for anything a crash or timeout left behind).

use std::sync::Arc;

use anyhow::Context;
use lambda_extension::{Extension, LambdaEvent as ExtensionEvent, NextEvent};
use serde_json::{Value, json};
use tokio::sync::{Mutex, mpsc};

use crate::{
    app::app,
    clock::Clock,
    config::Config,
    delivery as deliver, maintenance,
    state::AppState,
    store::{Db, PoolSettings},
};

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
    let (responded, wait_for_response) = mpsc::unbounded_channel::<()>();
    let wait_for_response = Arc::new(Mutex::new(wait_for_response));
    let worker = state.clone();
    let extension = Extension::new()
        .with_events(&["INVOKE"])
        .with_events_processor(lambda_extension::service_fn(
            move |event: ExtensionEvent| {
                let (state, wait_for_response) = (worker.clone(), wait_for_response.clone());
                async move {
                    if let NextEvent::Invoke(invoke) = event.next {
                        tracing::debug!(request.id = %invoke.request_id, "extension: waiting for the response");
                        let mut responses = wait_for_response.lock().await;
                        responses.recv().await;
                        // One response per invocation; anything extra is work already due.
                        while responses.try_recv().is_ok() {}
                        drop(responses);
                        finish_invocation(&state).await;
                        tracing::debug!(request.id = %invoke.request_id, "extension: after-response work done");
                    }
                    Ok::<(), lambda_extension::Error>(())
                }
            },
        ))
        .with_extension_name("streammaxing-after-response")
        .register()
        .await
        .map_err(|e| anyhow::anyhow!("registering the Lambda extension: {e}"))?;
    let router = app(state).layer(axum::middleware::from_fn(
        move |request, next: axum::middleware::Next| {
            let responded = responded.clone();
            async move {
                let response = next.run(request).await;
                // The response exists: the extension may start the rest.
                let _ = responded.send(());
                response
            }
        },
    ));
    let (http, extension) = tokio::join!(lambda_http::run(router), extension.run());
    http.map_err(|e| anyhow::anyhow!("Lambda runtime: {e}"))?;
    extension.map_err(|e| anyhow::anyhow!("Lambda extension: {e}"))
}

/// After the response: the invocation's own deferred work, then whatever
/// notifications are due (a go-live just queued them).
pub async fn finish_invocation(state: &AppState) {
    state.background.idle().await;
    match deliver::deliver_due(state).await {
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

async fn run_scheduled(state: AppState) -> anyhow::Result<()> {
    lambda_runtime::run(lambda_runtime::service_fn(
        move |_: lambda_runtime::LambdaEvent<Value>| {
            let state = state.clone();
            async move {
                scheduled(&state)
                    .await
                    .map_err(|e| lambda_runtime::Error::from(format!("{e:#}")))
            }
        },
    ))
    .await
    .map_err(|e| anyhow::anyhow!("Lambda runtime: {e}"))
}

/// The minutely sweep: maintenance, due deliveries, and the age of the
/// oldest undelivered notification as a CloudWatch metric (for the alarm).
pub async fn scheduled(state: &AppState) -> anyhow::Result<Value> {
    maintenance::run_once(state).await?;
    let report = deliver::deliver_due(state).await?;
    let now = state.now_ms();
    let oldest = state
        .db
        .oldest_pending_notification()
        .await?
        .map_or(0, |queued| (now - queued).max(0) / 1000);
    // CloudWatch's embedded metric format: one log line becomes a metric.
    println!(
        "{}",
        json!({
            "_aws": {"Timestamp": now, "CloudWatchMetrics": [{
                "Namespace": "StreamMaxing", "Dimensions": [[]],
                "Metrics": [{"Name": "OldestUndeliveredSeconds", "Unit": "Seconds"}]
            }]},
            "OldestUndeliveredSeconds": oldest
        })
    );
    Ok(
        json!({ "sent": report.sent, "refreshed": report.refreshed, "ended": report.ended, "retrying": report.retried, "failed": report.failed, "oldest_undelivered_seconds": oldest }),
    )
}
