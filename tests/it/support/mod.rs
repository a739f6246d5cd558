pub mod db;
pub mod http;
