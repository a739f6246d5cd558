//! Every store function, on SQLite and on Postgres.

mod guilds;
mod outbox;
mod streamers;
mod subscriptions;
