//! The state every handler shares.

use std::{ops::Deref, sync::Arc};

use crate::{clock::Clock, config::Config, store::Db};

/// Cheap to clone; everything lives behind one `Arc`.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

pub struct Inner {
    pub config: Config,
    pub db: Db,
    pub clock: Clock,
}

impl AppState {
    pub fn new(config: Config, db: Db, clock: Clock) -> Self {
        Self(Arc::new(Inner { config, db, clock }))
    }

    pub fn now_ms(&self) -> i64 {
        self.clock.now_ms()
    }
}

impl Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}
