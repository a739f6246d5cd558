//! Every store function, on SQLite and on Postgres.

mod budget;
mod events;
mod guilds;
mod migration;
mod outbox;
mod streamers;
mod subscriptions;
