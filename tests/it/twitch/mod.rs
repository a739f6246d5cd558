//! Twitch: the EventSub webhook, the Helix client and subscriptions.

mod budget;
mod helix;
mod lifecycle;
mod webhook;
