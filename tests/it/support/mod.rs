pub mod app;
pub mod db;
pub mod discord;
pub mod http;
pub mod interactions;
pub mod serve;
pub mod twitch;
