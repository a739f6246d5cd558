//! Both backends' migrations describe the same schema.

use crate::support::db::TestDb;

#[tokio::test]
async fn sqlite_and_postgres_migrations_produce_the_same_tables_and_columns() {
    let (sqlite, postgres) = (TestDb::sqlite().await, TestDb::postgres().await);
    let (a, b) = (
        sqlite.schema().await.expect("sqlite schema"),
        postgres.schema().await.expect("postgres schema"),
    );
    let tables: Vec<&str> = a.iter().map(|(t, _)| t.as_str()).collect();
    for table in [
        "guilds",
        "guild_config",
        "streamers",
        "guild_streamers",
        "user_preferences",
        "eventsub_subscriptions",
        "notification_log",
        "eventsub_messages",
        "used_link_tokens",
        "template_drafts",
    ] {
        assert!(tables.contains(&table), "{table} missing from {tables:?}");
    }
    assert_eq!(a, b, "SQLite and Postgres schemas differ");
}

#[tokio::test]
async fn migrating_twice_is_harmless() {
    for db in [TestDb::sqlite().await, TestDb::postgres().await] {
        db.migrate().await.expect("second migration run is a no-op");
    }
}
