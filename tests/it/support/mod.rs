pub mod app;
pub mod chaos;
pub mod db;
pub mod discord;
pub mod http;
pub mod interactions;
pub mod pg_cluster;
pub mod secrets_extension;
pub mod serve;
pub mod twitch;
pub mod writes;

/// A typed Discord id from a test's number: `sf(GUILD)`, `sf(5)`.
pub fn sf<M>(n: impl TryInto<u64>) -> streammaxing::ids::Snowflake<M> {
    n.try_into()
        .ok()
        .and_then(streammaxing::ids::Snowflake::new)
        .expect("a test's Discord id is a positive number")
}

/// A typed Twitch user id from a test's string: `tw(SHROUD)`.
pub fn tw(id: impl AsRef<str>) -> streammaxing::ids::TwitchUserId {
    streammaxing::ids::TwitchUserId::new(id.as_ref())
}

/// Waits until `check` holds (the worker runs in the background, as in
/// `serve`): polls for the event, never sleeps for a fixed duration.
pub async fn eventually(what: &str, check: impl Fn() -> bool) {
    eventually_within(what, std::time::Duration::from_secs(10), check).await;
}

/// [`eventually`] for work that takes its time (a paced fan-out): fails
/// only once `limit` has passed.
pub async fn eventually_within(what: &str, limit: std::time::Duration, check: impl Fn() -> bool) {
    let deadline = std::time::Instant::now() + limit;
    while std::time::Instant::now() < deadline {
        if check() {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    assert!(check(), "never happened within {limit:?}: {what}");
}
