//! Notifications end to end: Twitch says a stream started or ended, every
//! tracking server hears about it exactly once, pinging only whom it chose.

mod as_streamer;
mod crash;
pub(crate) mod delivery;
mod live_on_add;
mod refresh;
mod removed;
mod routes;
mod scale_out;
