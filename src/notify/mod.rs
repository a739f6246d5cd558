//! Notifications: the template engine, building a guild's message for a
//! stream, who gets pinged, and delivering it.

pub mod deliver;
pub mod message;
pub mod roles;
pub mod template;
pub mod test;
