//! The two homes of the same `Router`: a plain server and AWS Lambda.

pub mod connections;

use std::net::SocketAddr;

use anyhow::Context;

use crate::{
    app::app,
    clock::Clock,
    config::Config,
    delivery, maintenance,
    state::AppState,
    store::{Db, PoolSettings},
};

/// Is this process running as an AWS Lambda function?
pub fn on_lambda() -> bool {
    std::env::var_os("AWS_LAMBDA_RUNTIME_API").is_some()
}

/// Serves until SIGTERM or SIGINT, then finishes in-flight requests and the
/// work they started.
pub async fn serve(config: Config, addr: Option<SocketAddr>, migrate: bool) -> anyhow::Result<()> {
    let addr = addr.unwrap_or(config.bind_addr);
    let db = Db::connect(&config.database_url, PoolSettings::SERVER)
        .await
        .context("connecting to the database (DATABASE_URL)")?;
    if migrate {
        db.migrate().await.context("applying database migrations")?;
    }
    config.log_disabled_features();
    let state = AppState::new(config, db.clone(), Clock::system());
    let maintenance = tokio::spawn(maintenance::run_forever(state.clone()));
    let delivery = tokio::spawn(delivery::run_forever(state.clone()));
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("binding {addr} (BIND_ADDR)"))?;
    tracing::info!(
        "StreamMaxing {} listening on http://{} ({:?})",
        env!("CARGO_PKG_VERSION"),
        listener.local_addr().unwrap_or(addr),
        db.backend()
    );
    // Each request carries its peer address (`ConnectInfo`), for per-client limits.
    connections::serve(listener, app(state.clone()), shutdown_signal()).await;
    maintenance.abort();
    delivery.abort();
    // Deferred replies and clean-ups still running finish before exit.
    if !state
        .background
        .finish(std::time::Duration::from_secs(10))
        .await
    {
        tracing::warn!("some after-response work was still running at shutdown");
    }
    db.close().await;
    tracing::info!("stopped");
    Ok(())
}

/// Connects to the database for a one-off command.
pub async fn connect(config: Config) -> anyhow::Result<AppState> {
    let db = Db::connect(&config.database_url, PoolSettings::SERVER)
        .await
        .context("connecting to the database (DATABASE_URL)")?;
    Ok(AppState::new(config, db, Clock::system()))
}

/// Applies migrations and exits.
pub async fn migrate(config: &Config) -> anyhow::Result<()> {
    let db = Db::connect(&config.database_url, PoolSettings::SERVER)
        .await
        .context("connecting to the database (DATABASE_URL)")?;
    db.migrate().await.context("applying database migrations")?;
    tracing::info!("database is up to date ({:?})", db.backend());
    db.close().await;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
