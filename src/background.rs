//! Work that finishes after the HTTP response has gone out: deferred
//! interaction replies, subscription clean-up, outbox delivery.
//!
//! Everything goes through [`Background::spawn`], so the host decides how the
//! work runs. Under `serve` each job is a tracked task and shutdown waits for
//! the jobs in flight. (On Lambda a spawned task is frozen once the response
//! is returned, so the Lambda host drains the same jobs from an extension.)

use std::{future::Future, time::Duration};

use tokio_util::task::TaskTracker;

#[derive(Debug, Clone, Default)]
pub struct Background {
    tracker: TaskTracker,
}

impl Background {
    /// Runs `job` after (and independently of) the current response.
    pub fn spawn(&self, job: impl Future<Output = ()> + Send + 'static) {
        self.tracker.spawn(job);
    }

    /// Stops accepting jobs and waits (up to `limit`) for those in flight.
    pub async fn finish(&self, limit: Duration) -> bool {
        self.tracker.close();
        tokio::time::timeout(limit, self.tracker.wait())
            .await
            .is_ok()
    }

    /// Waits until no job is running (tests use this to observe the end of
    /// deferred work).
    pub async fn idle(&self) {
        while !self.tracker.is_empty() {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    }
}
