//! Every store function, on SQLite and on Postgres.

mod current_stream;
mod discord_budget;
mod events;
mod eventsub_budget;
pub mod gone;
mod guilds;
mod migration;
mod outbox;
mod retention;
mod streamers;
mod subscriptions;
mod webhooks;
