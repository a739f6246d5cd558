//! Twitch: the EventSub webhook, the Helix client and subscriptions.

pub mod events;
pub mod helix;
pub mod live;
pub mod signature;
pub mod subscriptions;
pub mod types;
pub mod webhook;

pub use helix::{Helix, HelixError};
