//! Integration tests: the real router, real SQLite and real Postgres.

mod support;

mod architecture;
mod cli;
mod discord;
mod faults;
mod http;
mod i18n;
mod lambda;
mod metrics;
mod notify;
mod schema;
mod security;
mod status;
mod store;
mod twitch;
mod web;
