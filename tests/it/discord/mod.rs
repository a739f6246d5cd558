//! Discord: the signed endpoints and every slash command, end to end
//! against the Discord and Twitch stand-ins.

mod commands;
mod endpoint;
mod finding;
mod languages;
mod languages_notify;
mod languages_setup;
mod languages_streamers;
pub mod notify;
mod serve;
pub mod setup;
mod streamers;
mod template;
