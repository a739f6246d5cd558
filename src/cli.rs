//! The command line: `streammaxing [serve|migrate]`.

use std::net::SocketAddr;

use clap::{Parser, Subcommand};

use crate::{config::Config, server, twitch::subscriptions};

#[derive(Debug, Parser)]
#[command(
    name = "streammaxing",
    version,
    about = "Discord notifications the moment a Twitch streamer goes live"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve HTTP (the default). Applies pending migrations first.
    Serve {
        /// Address to listen on; overrides BIND_ADDR.
        #[arg(long)]
        addr: Option<SocketAddr>,
        /// Do not apply migrations at start-up.
        #[arg(long)]
        no_migrate: bool,
    },
    /// Apply database migrations and exit.
    Migrate,
    /// Twitch EventSub subscriptions.
    Eventsub {
        #[command(subcommand)]
        command: EventsubCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum EventsubCommand {
    /// Reconcile Twitch's subscriptions with the streamers guilds track:
    /// create what is missing, recreate failed or revoked ones, delete
    /// orphans that point at this service's callback.
    Sync,
}

/// Runs the chosen command; with none, serves (or handles Lambda events when
/// `AWS_LAMBDA_RUNTIME_API` is set).
pub async fn run(cli: Cli, config: Config) -> anyhow::Result<()> {
    match cli.command {
        None if server::on_lambda() => server::run_lambda(config).await,
        None => server::serve(config, None, true).await,
        Some(Command::Serve { addr, no_migrate }) => server::serve(config, addr, !no_migrate).await,
        Some(Command::Migrate) => server::migrate(&config).await,
        Some(Command::Eventsub {
            command: EventsubCommand::Sync,
        }) => {
            let state = server::connect(config).await?;
            let report = subscriptions::sync(&state).await?;
            print!("{}", subscriptions::format_report(&report));
            Ok(())
        }
    }
}
