//! Integration tests: the real router, real SQLite and real Postgres.

mod support;

mod cli;
mod discord;
mod http;
mod lambda;
mod notify;
mod schema;
mod security;
mod store;
mod twitch;
mod web;
