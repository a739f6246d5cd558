//! StreamMaxing: Discord notifications the moment a Twitch streamer goes live.
//!
//! One [`app`] router serves every home of the service: `streammaxing serve`
//! (SQLite or Postgres) and AWS Lambda (Postgres).

pub mod app;
pub mod background;
pub mod cli;
pub mod clock;
pub mod config;
pub mod delivery;
pub mod discord;
pub mod error;
pub mod following;
pub mod gone_guilds;
pub mod health;
pub mod hexsig;
pub mod i18n;
pub mod ids;
pub mod lambda;
pub mod links;
pub mod maintenance;
pub mod metrics;
pub mod notify;
pub mod scrape;
pub mod server;
pub mod state;
pub mod status;
pub mod store;
pub mod teams;
pub mod telemetry;
pub mod throttle;
pub mod twitch;
pub mod web;

pub use app::app;
pub use state::AppState;
