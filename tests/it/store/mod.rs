//! Every store function, on SQLite and on Postgres.

mod events;
mod guilds;
mod outbox;
mod streamers;
mod subscriptions;
