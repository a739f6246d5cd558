//! Storage over Postgres and SQLite with one set of portable queries.
//!
//! [`Db`] holds either pool; [`on_db!`] runs the same statement on whichever
//! it is (the body is type-checked once per backend). The few statements that
//! differ between backends sit side by side in the function that needs them.
//! Times are Unix epoch milliseconds; Discord ids are typed snowflakes
//! (`crate::ids`) stored as 64-bit integers; Twitch ids
//! are strings.

use std::{str::FromStr, time::Duration};

use sqlx::{
    migrate::Migrator,
    postgres::{PgConnectOptions, PgPool, PgPoolOptions},
    sqlite::{
        SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
    },
};

use crate::{
    config::{Backend, DatabaseUrl},
    ids::Snowflake,
};

mod backup;
mod current_stream;
mod discord_budget;
mod drafts;
mod events;
mod eventsub_budget;
mod eventsub_messages;
mod gone;
mod guilds;
mod link_tokens;
mod outbox;
mod preferences;
mod routes;
mod status;
mod streamers;
mod subscriptions;
mod superseded;
mod teams;
mod text;
mod webhooks;

pub use backup::BackupError;
pub use discord_budget::Booking;
pub use drafts::TemplateDraft;
pub use events::{Applied, StreamEvent};
pub use eventsub_budget::{Budget, Refusal};
pub use guilds::{GuildConfig, OfflineMode, PingMode, PostAs};
pub use outbox::{Claim, EndState, Lease, OutboxItem, OutboxState, Step, Transition};
pub use routes::{Added, Attention, Category, Route, RouteEdit, RouteFilters, TrackedRoute};
pub use status::{BrokenRoute, DeliveryError};
pub use streamers::{NewStreamer, Streamer, StreamerProblem};
pub use subscriptions::{Subscription, SubscriptionStatus, SubscriptionType};
pub use superseded::Superseded;
pub use teams::TeamFollow;
pub use webhooks::ChannelWebhook;

pub type StoreResult<T> = Result<T, sqlx::Error>;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("migrations/postgres");

/// sqlx names in-memory databases `file:sqlx-in-memory-N`; a real file is
/// a plain path.
fn in_memory(options: &SqliteConnectOptions) -> bool {
    options
        .get_filename()
        .to_string_lossy()
        .starts_with("file:")
}

/// Runs `$body` with `$pool` bound to the concrete pool of either backend.
macro_rules! on_db {
    ($db:expr, |$pool:ident| $body:expr) => {
        match $db {
            $crate::store::Db::Sqlite($pool) => $body,
            $crate::store::Db::Postgres($pool) => $body,
        }
    };
}
pub(crate) use on_db;

/// Opens a transaction that will write.
///
/// SQLite's default `BEGIN` is deferred: the transaction reads from one
/// snapshot and asks for the write lock only at its first write. If another
/// connection (another pooled one, or another process on the same file)
/// committed meanwhile, that write fails at once with `SQLITE_BUSY` (the
/// snapshot is stale; the busy timeout cannot help). `BEGIN IMMEDIATE`
/// takes the write lock up front, waiting its turn within the busy
/// timeout, so a read-then-write transaction never fails that way.
/// Postgres needs nothing: its row locks and constraints decide.
pub(crate) trait WriteTx {
    type Database: sqlx::Database;
    async fn begin_write(&self) -> StoreResult<sqlx::Transaction<'static, Self::Database>>;
}

impl WriteTx for SqlitePool {
    type Database = sqlx::Sqlite;
    async fn begin_write(&self) -> StoreResult<sqlx::Transaction<'static, sqlx::Sqlite>> {
        self.begin_with("BEGIN IMMEDIATE").await
    }
}

impl WriteTx for PgPool {
    type Database = sqlx::Postgres;
    async fn begin_write(&self) -> StoreResult<sqlx::Transaction<'static, sqlx::Postgres>> {
        self.begin().await
    }
}

/// Ids as a JSON array, which SQLite reads with `json_each` where Postgres
/// takes an array parameter.
fn id_list<M>(ids: &[Snowflake<M>]) -> String {
    serde_json::to_string(&raw_ids(ids)).unwrap_or_else(|_| "[]".to_owned())
}

/// Ids as the integers the database stores (a Postgres array parameter).
fn raw_ids<M>(ids: &[Snowflake<M>]) -> Vec<i64> {
    ids.iter().map(|id| id.to_i64()).collect()
}

/// The database handle: cheap to clone (the pools are `Arc`s inside).
#[derive(Clone, Debug)]
pub enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// How a pool is sized and when it connects.
#[derive(Debug, Clone, Copy)]
pub struct PoolSettings {
    pub max_connections: u32,
    /// Connect on first use rather than now (Lambda: nothing slow at init).
    pub lazy: bool,
}

impl PoolSettings {
    pub const SERVER: Self = Self {
        max_connections: 16,
        lazy: false,
    };
    pub const LAMBDA: Self = Self {
        max_connections: 2,
        lazy: true,
    };
}

impl Db {
    pub async fn connect(url: &DatabaseUrl, settings: PoolSettings) -> StoreResult<Self> {
        let acquire_timeout = Duration::from_secs(5);
        match url.backend {
            Backend::Sqlite => {
                let options = SqliteConnectOptions::from_str(url.expose())?
                    .create_if_missing(true)
                    .journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Normal)
                    .foreign_keys(true)
                    .busy_timeout(Duration::from_secs(10));
                // An in-memory database exists once per connection: keep one,
                // and never retire it (sqlx would close it after
                // `max_lifetime`, 30 min by default, and silently open an
                // empty database in its place).
                let in_memory = in_memory(&options);
                let pool = SqlitePoolOptions::new()
                    .max_connections(if in_memory {
                        1
                    } else {
                        settings.max_connections
                    })
                    .min_connections(u32::from(in_memory))
                    .idle_timeout((!in_memory).then_some(Duration::from_secs(600)))
                    .max_lifetime((!in_memory).then_some(Duration::from_secs(30 * 60)))
                    .acquire_timeout(acquire_timeout);
                Ok(Db::Sqlite(if settings.lazy {
                    pool.connect_lazy_with(options)
                } else {
                    pool.connect_with(options).await?
                }))
            }
            Backend::Postgres => {
                let options = PgConnectOptions::from_str(url.expose())?;
                let pool = PgPoolOptions::new()
                    .max_connections(settings.max_connections)
                    .acquire_timeout(acquire_timeout);
                Ok(Db::Postgres(if settings.lazy {
                    pool.connect_lazy_with(options)
                } else {
                    pool.connect_with(options).await?
                }))
            }
        }
    }

    /// A pool of one connection of its own, connecting on first use, to
    /// the same database: for a short statement that must not queue behind
    /// the main pool's work (booking Discord's budget in the middle of a
    /// fan-out whose deliveries hold every pooled connection). An
    /// in-memory SQLite database exists once: it is shared, not opened again.
    pub fn side_pool(&self) -> Db {
        let one = || Duration::from_secs(5);
        match self {
            Db::Sqlite(pool) if in_memory(&pool.connect_options()) => self.clone(),
            Db::Sqlite(pool) => Db::Sqlite(
                SqlitePoolOptions::new()
                    .max_connections(1)
                    .acquire_timeout(one())
                    .idle_timeout(Duration::from_secs(600))
                    .connect_lazy_with((*pool.connect_options()).clone()),
            ),
            Db::Postgres(pool) => Db::Postgres(
                PgPoolOptions::new()
                    .max_connections(1)
                    .acquire_timeout(one())
                    .idle_timeout(Duration::from_secs(600))
                    .connect_lazy_with((*pool.connect_options()).clone()),
            ),
        }
    }

    pub fn backend(&self) -> Backend {
        match self {
            Db::Sqlite(_) => Backend::Sqlite,
            Db::Postgres(_) => Backend::Postgres,
        }
    }

    /// Applies every migration this build knows that the database lacks.
    pub async fn migrate(&self) -> Result<(), sqlx::migrate::MigrateError> {
        match self {
            Db::Sqlite(pool) => SQLITE_MIGRATIONS.run(pool).await,
            Db::Postgres(pool) => POSTGRES_MIGRATIONS.run(pool).await,
        }
    }

    /// A round trip to the database, for health checks.
    ///
    /// On a SQLite file a read proves little: in WAL mode readers never
    /// wait, so `SELECT 1` answers while another process holds the write
    /// lock and every write is timing out. There the check takes the write
    /// lock on a connection of its own (waiting at most a second, well
    /// within the health check's two) and gives it straight back.
    pub async fn ping(&self) -> StoreResult<()> {
        use sqlx::{ConnectOptions as _, Connection as _};
        match self {
            Db::Sqlite(pool) if pool.is_closed() => Err(sqlx::Error::PoolClosed),
            Db::Sqlite(pool) if !in_memory(&pool.connect_options()) => {
                let options = (*pool.connect_options())
                    .clone()
                    .busy_timeout(Duration::from_secs(1));
                let mut conn = options.connect().await?;
                let mut probe = sqlx::query("BEGIN IMMEDIATE").execute(&mut conn).await;
                if probe.is_ok() {
                    probe = sqlx::query("ROLLBACK").execute(&mut conn).await;
                }
                conn.close().await?;
                probe.map(drop)
            }
            _ => on_db!(self, |pool| sqlx::query("SELECT 1")
                .execute(pool)
                .await
                .map(drop)),
        }
    }

    /// Table name → column names, sorted; used to keep both schemas in step.
    pub async fn schema(&self) -> StoreResult<Vec<(String, Vec<String>)>> {
        let rows: Vec<(String, String)> = match self {
            Db::Sqlite(pool) => {
                sqlx::query_as(
                    "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p \
                     WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx%'",
                )
                .fetch_all(pool)
                .await?
            }
            Db::Postgres(pool) => {
                sqlx::query_as(
                    "SELECT table_name::text, column_name::text FROM information_schema.columns \
                     WHERE table_schema = current_schema() AND table_name NOT LIKE '_sqlx%'",
                )
                .fetch_all(pool)
                .await?
            }
        };
        let mut tables = std::collections::BTreeMap::<String, Vec<String>>::new();
        for (table, column) in rows {
            tables.entry(table).or_default().push(column);
        }
        Ok(tables
            .into_iter()
            .map(|(table, mut columns)| {
                columns.sort();
                (table, columns)
            })
            .collect())
    }

    pub async fn close(&self) {
        on_db!(self, |pool| pool.close().await)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An in-memory database lives in its one connection: the pool must
    /// never close that connection for age or idleness (the fuzz harness
    /// lost its database after 30 minutes this way).
    #[tokio::test]
    async fn an_in_memory_pool_never_retires_its_connection() {
        let url = DatabaseUrl::parse("sqlite::memory:").expect("url");
        let Db::Sqlite(pool) = Db::connect(&url, PoolSettings::SERVER).await.expect("db") else {
            unreachable!("a sqlite URL gives a sqlite pool")
        };
        let options = pool.options();
        assert_eq!(options.get_max_connections(), 1);
        assert_eq!(options.get_min_connections(), 1);
        assert_eq!(options.get_max_lifetime(), None);
        assert_eq!(options.get_idle_timeout(), None);
    }

    #[tokio::test]
    async fn a_file_pool_still_recycles_connections() {
        let dir = tempfile::tempdir().expect("tempdir");
        let url = format!("sqlite://{}", dir.path().join("t.db").display());
        let url = DatabaseUrl::parse(&url).expect("url");
        let Db::Sqlite(pool) = Db::connect(&url, PoolSettings::SERVER).await.expect("db") else {
            unreachable!("a sqlite URL gives a sqlite pool")
        };
        assert!(pool.options().get_max_lifetime().is_some());
        assert!(pool.options().get_idle_timeout().is_some());
    }
}
