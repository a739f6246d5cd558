//! The state every handler shares.

use std::{
    ops::Deref,
    sync::{
        Arc,
        atomic::{AtomicBool, Ordering},
    },
};

use tokio::sync::Notify;

use crate::{
    background::Background,
    clock::Clock,
    config::Config,
    discord::api::Api,
    metrics::Metrics,
    store::Db,
    throttle::RenderLimits,
    twitch::{Helix, search::ChannelSearch},
};

/// Cheap to clone; everything lives behind one `Arc`.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

pub struct Inner {
    pub config: Config,
    pub db: Db,
    pub clock: Clock,
    /// The Helix client, when Twitch is configured.
    pub twitch: Option<Arc<Helix>>,
    /// The Discord client, when Discord is configured: this process's one
    /// rate-limit state for the bot token.
    pub discord: Option<Arc<Api>>,
    /// Wakes the delivery worker when the outbox has new rows.
    pub delivery: Notify,
    /// Set when a request queued delivery work (see [`AppState::wake_delivery`]):
    /// on Lambda the after-response extension runs a delivery pass only then.
    queued: AtomicBool,
    /// Work that finishes after the response.
    pub background: Background,
    /// Recent channel searches, shared by autocomplete requests.
    pub channel_search: ChannelSearch,
    /// What the open template preview may cost, per client and in all.
    pub render: RenderLimits,
    /// This process's counters (`GET /metrics`, EMF on Lambda).
    pub metrics: Arc<Metrics>,
}

impl AppState {
    pub fn new(config: Config, db: Db, clock: Clock) -> Self {
        let metrics = Arc::new(Metrics::new());
        let twitch = config.twitch.as_ref().map(|twitch| {
            Arc::new(
                Helix::new(
                    twitch,
                    &config.twitch_helix_url,
                    &config.twitch_oauth_url,
                    clock.clone(),
                )
                .with_metrics(metrics.clone()),
            )
        });
        let discord = config.discord.as_ref().map(|d| {
            Arc::new(
                Api::new(
                    &config.discord_api_url,
                    d.bot_token.clone(),
                    config.discord_global_rate,
                    // Bookings must not queue behind the fan-out's own queries.
                    Some(db.side_pool()),
                )
                .with_metrics(metrics.clone()),
            )
        });
        Self(Arc::new(Inner {
            config,
            db,
            clock,
            twitch,
            discord,
            delivery: Notify::new(),
            queued: AtomicBool::new(false),
            background: Background::default(),
            channel_search: ChannelSearch::default(),
            render: RenderLimits::default(),
            metrics,
        }))
    }

    pub fn now_ms(&self) -> i64 {
        self.clock.now_ms()
    }

    /// Runs `job` after the response has gone out.
    pub fn after_response(&self, job: impl std::future::Future<Output = ()> + Send + 'static) {
        self.background.spawn(job);
    }

    /// Hands new delivery work (outbox rows, a fan-out, edits now due) to
    /// the delivery worker without waiting for it. Every place that queues
    /// such work calls this.
    pub fn wake_delivery(&self) {
        self.queued.store(true, Ordering::SeqCst);
        self.delivery.notify_one();
    }

    /// Wakes the delivery worker when a retry released now comes due, so
    /// it is claimed then and not at the next once-a-second look. Retries
    /// further away than a few seconds wait for that look.
    pub fn wake_delivery_after(&self, wait: std::time::Duration) {
        const NEAR: std::time::Duration = std::time::Duration::from_secs(10);
        // A little after: a row due this very millisecond may not be due yet
        // by the database's reckoning.
        const SLACK: std::time::Duration = std::time::Duration::from_millis(20);
        if wait > NEAR {
            return;
        }
        let state = self.clone();
        tokio::spawn(async move {
            tokio::time::sleep(wait + SLACK).await;
            state.delivery.notify_one();
        });
    }

    /// Whether delivery work was queued since the last call, clearing it.
    /// Lambda runs one invocation at a time per environment, so after an
    /// invocation this says whether that invocation (or its deferred work)
    /// queued anything.
    pub fn take_queued_delivery(&self) -> bool {
        self.queued.swap(false, Ordering::SeqCst)
    }
}

impl Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}
