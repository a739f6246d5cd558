//! The command line: `streammaxing [serve|migrate]`.

use std::net::SocketAddr;

use clap::{Parser, Subcommand};

use crate::{config::Config, discord::commands, server, twitch::subscriptions};

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
    /// Discord slash commands.
    Commands {
        #[command(subcommand)]
        command: CommandsCommand,
    },
    /// Deliver every notification that is due, once, and exit (what the
    /// scheduled Lambda invocation runs; `serve` does this continuously).
    Deliver,
    /// Write a consistent copy of the SQLite database to PATH while `serve`
    /// keeps running (for Postgres, says how to use pg_dump).
    Backup {
        /// The new file (never overwritten).
        path: std::path::PathBuf,
    },
    /// The whole bot at a glance: routes needing attention (and why), the
    /// outbox, Twitch's subscription budget, inactive alerts, recent errors.
    Status {
        /// As JSON, for scripts and monitoring.
        #[arg(long)]
        json: bool,
    },
    /// Erase everything kept about a server, on its request (its Twitch
    /// subscriptions go when no other server follows the streamers).
    Forget {
        /// The server (Discord guild id).
        #[arg(long)]
        guild: u64,
    },
    /// Exit 0 when `serve` on this machine (at BIND_ADDR) answers
    /// `/api/health/live` within 3 s: a container's health check, which
    /// has no curl.
    Health,
    /// Twitch EventSub subscriptions.
    Eventsub {
        #[command(subcommand)]
        command: EventsubCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum CommandsCommand {
    /// Push the slash commands to Discord (bulk overwrite). With --guild they
    /// appear in that server at once (for testing); without, everywhere
    /// (Discord may take a while to show them).
    Register {
        #[arg(long)]
        guild: Option<u64>,
    },
    /// Write `commands/*.json` from the code (the files are checked in; a
    /// test fails when they drift from the code).
    Export {
        #[arg(long, default_value = "commands")]
        dir: std::path::PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum EventsubCommand {
    /// Reconcile Twitch's subscriptions with the streamers guilds track:
    /// create what is missing, recreate failed or revoked ones, delete
    /// orphans that point at this service's callback; then print Twitch's
    /// subscription budget.
    Sync,
}

/// Runs the chosen command; with none, serves (or handles Lambda events when
/// `AWS_LAMBDA_RUNTIME_API` is set).
pub async fn run(cli: Cli, config: Config) -> anyhow::Result<()> {
    match cli.command {
        None if server::on_lambda() => crate::lambda::run(config).await,
        None => server::serve(config, None, true).await,
        Some(Command::Serve { addr, no_migrate }) => server::serve(config, addr, !no_migrate).await,
        Some(Command::Migrate) => server::migrate(&config).await,
        Some(Command::Deliver) => {
            let state = server::connect(config).await?;
            let report = crate::delivery::deliver_due(&state).await?;
            println!(
                "sent {}, live messages refreshed {}, stream ends handled {}, retrying later {}, failed {}, skipped {}",
                report.sent,
                report.refreshed,
                report.ended,
                report.retried,
                report.failed,
                report.skipped
            );
            Ok(())
        }
        Some(Command::Commands {
            command: CommandsCommand::Export { dir },
        }) => {
            for file in commands::export(&dir)? {
                println!("wrote {file}");
            }
            Ok(())
        }
        Some(Command::Commands {
            command: CommandsCommand::Register { guild },
        }) => {
            let registered = commands::register(&config, guild).await?;
            let scope = guild.map_or("globally".to_owned(), |g| format!("in guild {g}"));
            println!(
                "registered {} commands {scope}: {}",
                registered.len(),
                registered.join(", ")
            );
            Ok(())
        }
        Some(Command::Status { json }) => {
            let state = server::connect(config).await?;
            let status = crate::status::collect(&state).await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&status)?);
            } else {
                print!("{}", crate::status::format(&status));
            }
            Ok(())
        }
        Some(Command::Forget { guild }) => {
            let state = server::connect(config).await?;
            let guild = crate::ids::GuildId::from(
                twilight_model::id::Id::new_checked(guild)
                    .ok_or_else(|| anyhow::anyhow!("a guild id is a non-zero number"))?,
            );
            let Some(followed) = state.db.forget_guild(guild).await? else {
                println!("nothing is kept about server {guild}");
                return Ok(());
            };
            for twitch_id in &followed {
                if state.twitch.is_some() {
                    subscriptions::release_if_untracked(&state, twitch_id).await?;
                }
            }
            println!(
                "erased server {guild}: its settings, {} followed streamer{}, routes, members' choices and notification history",
                followed.len(),
                if followed.len() == 1 { "" } else { "s" }
            );
            Ok(())
        }
        Some(Command::Backup { path }) => {
            let db =
                crate::store::Db::connect(&config.database_url, crate::store::PoolSettings::SERVER)
                    .await?;
            let bytes = db.backup_into(&path).await?;
            db.close().await;
            println!(
                "wrote {} ({bytes} bytes): the whole database as of one moment.\n\
                 To restore: stop streammaxing, replace the database file with this copy \
                 (remove the old file's -wal and -shm files too), and start it again.",
                path.display()
            );
            Ok(())
        }
        Some(Command::Health) => {
            let mut addr = config.bind_addr;
            if addr.ip().is_unspecified() {
                addr.set_ip(match addr {
                    SocketAddr::V4(_) => std::net::Ipv4Addr::LOCALHOST.into(),
                    SocketAddr::V6(_) => std::net::Ipv6Addr::LOCALHOST.into(),
                });
            }
            let url = format!("http://{addr}/api/health/live");
            let client = reqwest::Client::builder()
                .timeout(std::time::Duration::from_secs(3))
                .build()?;
            let status = client.get(&url).send().await?.status();
            anyhow::ensure!(status.is_success(), "{url} answered {status}");
            Ok(())
        }
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
