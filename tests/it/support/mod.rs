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
    for _ in 0..400 {
        if check() {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    panic!("never happened: {what}");
}
