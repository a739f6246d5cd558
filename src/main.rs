use std::process::ExitCode;

use clap::Parser;
use streammaxing::{
    cli::{self, Cli},
    config::{Config, LogFormat},
    server, telemetry,
};

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let config = match Config::from_env().await {
        Ok(config) => config,
        Err(e) => {
            eprintln!("streammaxing: {e}");
            return ExitCode::from(2);
        }
    };
    let format = if server::on_lambda() {
        LogFormat::Json
    } else {
        config.log_format
    };
    telemetry::init(format);
    match cli::run(cli, config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!("{e:#}");
            eprintln!("streammaxing: {e:#}");
            ExitCode::FAILURE
        }
    }
}
