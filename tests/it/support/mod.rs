pub mod app;
pub mod db;
pub mod http;
pub mod twitch;
