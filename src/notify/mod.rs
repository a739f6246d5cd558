//! Notifications as a domain: the template engine, the message a route
//! gets for a stream, which streams a route's filters let through, and who
//! is pinged. Plain values in, decisions out: no
//! I/O, no interaction context (the Discord side and the delivery worker
//! act on what it decides).

pub mod filters;
pub mod message;
pub mod pings;
pub mod refresh;
pub mod template;
