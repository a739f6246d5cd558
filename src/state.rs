//! The state every handler shares.

use std::{ops::Deref, sync::Arc};

use tokio::sync::Notify;

use crate::{clock::Clock, config::Config, store::Db, twitch::Helix};

/// Cheap to clone; everything lives behind one `Arc`.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

pub struct Inner {
    pub config: Config,
    pub db: Db,
    pub clock: Clock,
    /// The Helix client, when Twitch is configured.
    pub twitch: Option<Arc<Helix>>,
    /// Wakes the delivery worker when the outbox has new rows.
    pub delivery: Notify,
}

impl AppState {
    pub fn new(config: Config, db: Db, clock: Clock) -> Self {
        let twitch = config.twitch.as_ref().map(|twitch| {
            Arc::new(Helix::new(
                twitch,
                &config.twitch_helix_url,
                &config.twitch_oauth_url,
                clock.clone(),
            ))
        });
        Self(Arc::new(Inner {
            config,
            db,
            clock,
            twitch,
            delivery: Notify::new(),
        }))
    }

    pub fn now_ms(&self) -> i64 {
        self.clock.now_ms()
    }

    /// Hands new outbox rows to the delivery worker without waiting for it.
    pub fn wake_delivery(&self) {
        self.delivery.notify_one();
    }
}

impl Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}
