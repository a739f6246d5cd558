//! Twitch: the EventSub webhook, the Helix client and subscriptions.

mod helix;
mod lifecycle;
mod webhook;
