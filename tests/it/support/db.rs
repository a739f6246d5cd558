//! Real databases for tests: a temporary SQLite file, or a fresh Postgres
//! database that is dropped when the test ends (even when it fails).

use std::{
    ops::Deref,
    sync::atomic::{AtomicU32, Ordering},
};

use sqlx::{Connection, PgConnection};
use streammaxing::{
    config::DatabaseUrl,
    store::{Db, PoolSettings},
};

/// The server the Postgres tests use; its `postgres` database is only used
/// to create and drop the per-test databases.
pub fn postgres_admin_url() -> String {
    std::env::var("TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

pub struct TestDb {
    pub db: Db,
    pub url: String,
    _cleanup: Cleanup,
}

enum Cleanup {
    Sqlite(#[allow(dead_code, reason = "held for its Drop")] tempfile::TempDir),
    Postgres { admin_url: String, name: String },
}

impl Drop for Cleanup {
    fn drop(&mut self) {
        if let Cleanup::Postgres { admin_url, name } = self {
            let (admin_url, name) = (admin_url.clone(), name.clone());
            // Drop may run inside a runtime; use a thread with its own.
            let _ = std::thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()?;
                rt.block_on(async {
                    let mut conn = PgConnection::connect(&admin_url).await?;
                    sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
                        "DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"
                    )))
                    .execute(&mut conn)
                    .await?;
                    Ok::<_, sqlx::Error>(())
                })
                .map_err(std::io::Error::other)
            })
            .join();
        }
    }
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

impl TestDb {
    pub async fn sqlite() -> Self {
        let dir = tempfile::tempdir().expect("temporary directory");
        let url = format!("sqlite://{}", dir.path().join("test.db").display());
        let db = connect(&url).await;
        Self {
            db,
            url,
            _cleanup: Cleanup::Sqlite(dir),
        }
    }

    /// A fresh, migrated Postgres database. Fails loudly when Postgres is
    /// not reachable: these tests never skip.
    pub async fn postgres() -> Self {
        let test_db = Self::empty_postgres().await;
        test_db
            .migrate()
            .await
            .expect("migrating the test database");
        test_db
    }

    /// A fresh Postgres database with no tables yet.
    pub async fn empty_postgres() -> Self {
        let admin_url = postgres_admin_url();
        let name = format!(
            "streammaxing_test_{}_{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::SeqCst)
        );
        let mut admin = PgConnection::connect(&admin_url).await.unwrap_or_else(|e| {
            panic!("Postgres is not reachable at {admin_url} ({e}); the Postgres tests need it (set TEST_POSTGRES_URL)")
        });
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE \"{name}\"")))
            .execute(&mut admin)
            .await
            .expect("creating the test database");
        let url = replace_database(&admin_url, &name);
        let cleanup = Cleanup::Postgres { admin_url, name };
        let db = Db::connect(&DatabaseUrl::parse(&url).expect("test database URL"), POOL)
            .await
            .expect("connecting to the test database");
        Self {
            db,
            url,
            _cleanup: cleanup,
        }
    }
}

impl TestDb {
    /// A second pool on the same database, as another process would open.
    pub async fn another_process(&self) -> Db {
        connect(&self.url).await
    }
}

const POOL: PoolSettings = PoolSettings {
    max_connections: 5,
    lazy: false,
};

async fn connect(url: &str) -> Db {
    let url = DatabaseUrl::parse(url).expect("test database URL");
    let db = Db::connect(&url, POOL)
        .await
        .expect("connecting to the test database");
    db.migrate().await.expect("migrating the test database");
    db
}

/// The same server URL with another database name.
fn replace_database(url: &str, name: &str) -> String {
    let mut url = url::Url::parse(url).expect("Postgres URL");
    url.set_path(name);
    url.to_string()
}

impl TestDb {
    pub fn backend_name(&self) -> &'static str {
        match self.db {
            Db::Sqlite(_) => "sqlite",
            Db::Postgres(_) => "postgres",
        }
    }
}

impl Deref for TestDb {
    type Target = Db;
    fn deref(&self) -> &Db {
        &self.db
    }
}

/// Defines each test twice, as `NAME::sqlite` and `NAME::postgres`, each
/// with its own fresh database bound to `db`. A test marked `#[alone]`
/// measures time (a paced fan-out's rate) and runs with the machine to
/// itself: no other test of this macro runs beside it.
macro_rules! on_both_backends {
    ($($(#[$alone:ident])? async fn $name:ident($db:ident) $body:block)*) => {$(
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[tokio::test]
            async fn sqlite() {
                let _turn = $crate::support::db::turn!($($alone)?);
                let $db = $crate::support::db::TestDb::sqlite().await;
                $body
            }

            #[tokio::test]
            async fn postgres() {
                let _turn = $crate::support::db::turn!($($alone)?);
                let $db = $crate::support::db::TestDb::postgres().await;
                $body
            }
        }
    )*};
}
pub(crate) use on_both_backends;

/// Tests hold this shared while they run; a test that measures time holds
/// it alone.
pub static MACHINE: tokio::sync::RwLock<()> = tokio::sync::RwLock::const_new(());

/// A test's turn on the machine: shared, or (`alone`) exclusive.
macro_rules! turn {
    () => {
        $crate::support::db::Turn::Shared($crate::support::db::MACHINE.read().await)
    };
    (alone) => {
        $crate::support::db::Turn::Alone($crate::support::db::MACHINE.write().await)
    };
}
pub(crate) use turn;

/// Held for the whole test.
pub enum Turn {
    Shared(
        #[allow(dead_code, reason = "held, not read")] tokio::sync::RwLockReadGuard<'static, ()>,
    ),
    Alone(
        #[allow(dead_code, reason = "held, not read")] tokio::sync::RwLockWriteGuard<'static, ()>,
    ),
}

impl TestDb {
    /// A fresh database of this test's backend migrated only up to
    /// `version`, to populate as an older release left it.
    pub async fn at_version(postgres: bool, version: i64) -> Self {
        let test_db = if postgres {
            Self::empty_postgres().await
        } else {
            let dir = tempfile::tempdir().expect("temporary directory");
            let url = format!("sqlite://{}", dir.path().join("old.db").display());
            let db = Db::connect(&DatabaseUrl::parse(&url).expect("url"), POOL)
                .await
                .expect("connecting");
            Self {
                db,
                url,
                _cleanup: Cleanup::Sqlite(dir),
            }
        };
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("migrations")
            .join(test_db.backend_name());
        let mut migrator = sqlx::migrate::Migrator::new(dir).await.expect("migrations");
        migrator.migrations = std::borrow::Cow::Owned(
            migrator
                .migrations
                .iter()
                .filter(|m| m.version <= version)
                .cloned()
                .collect(),
        );
        match &test_db.db {
            Db::Sqlite(pool) => migrator.run(pool).await.expect("old migrations"),
            Db::Postgres(pool) => migrator.run(pool).await.expect("old migrations"),
        }
        test_db
    }
}
