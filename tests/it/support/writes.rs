//! Sees every write a process makes to a test database, from inside the
//! database: triggers on every table record into a test-owned table.
//!
//! On Postgres the triggers are statement-level (`FOR EACH STATEMENT`), so
//! they fire even for an UPDATE or DELETE that matches no row: a delivery
//! pass that finds nothing to do is still seen. SQLite has only row
//! triggers, which see every row written.

use streammaxing::store::Db;

use super::db::TestDb;

pub struct Writes<'a> {
    db: &'a TestDb,
}

/// One recorded write: the table and the operation.
pub type Write = (String, String);

const POSTGRES: &str = r#"
CREATE TABLE test_writes (id BIGSERIAL PRIMARY KEY, tbl TEXT NOT NULL, op TEXT NOT NULL);
CREATE FUNCTION test_record_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO test_writes (tbl, op) VALUES (TG_TABLE_NAME, TG_OP);
    RETURN NULL;
END $$;
DO $$
DECLARE t text;
BEGIN
    FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'test_writes' LOOP
        EXECUTE format(
            'CREATE TRIGGER test_write_observer AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
            'FOR EACH STATEMENT EXECUTE FUNCTION test_record_write()', t);
    END LOOP;
END $$;
"#;

impl<'a> Writes<'a> {
    /// Installs the observer on every table that exists now.
    pub async fn observe(db: &'a TestDb) -> Self {
        match &db.db {
            Db::Postgres(pool) => {
                sqlx::raw_sql(POSTGRES)
                    .execute(pool)
                    .await
                    .expect("installing the write observer");
            }
            Db::Sqlite(pool) => {
                sqlx::raw_sql(
                    "CREATE TABLE test_writes (id INTEGER PRIMARY KEY, tbl TEXT NOT NULL, op TEXT NOT NULL)",
                )
                .execute(pool)
                .await
                .expect("creating the write log");
                let tables: Vec<(String,)> = sqlx::query_as(
                    "SELECT name FROM sqlite_master WHERE type = 'table' \
                     AND name NOT LIKE 'sqlite_%' AND name <> 'test_writes'",
                )
                .fetch_all(pool)
                .await
                .expect("listing tables");
                for (table,) in tables {
                    for op in ["INSERT", "UPDATE", "DELETE"] {
                        sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
                            "CREATE TRIGGER \"test_{table}_{op}\" AFTER {op} ON \"{table}\" \
                             BEGIN INSERT INTO test_writes (tbl, op) VALUES ('{table}', '{op}'); END"
                        )))
                        .execute(pool)
                        .await
                        .expect("installing a write trigger");
                    }
                }
            }
        }
        Self { db }
    }

    /// Every write recorded so far, in order.
    pub async fn all(&self) -> Vec<Write> {
        let query = "SELECT tbl, op FROM test_writes ORDER BY id";
        match &self.db.db {
            Db::Postgres(pool) => sqlx::query_as(query).fetch_all(pool).await,
            Db::Sqlite(pool) => sqlx::query_as(query).fetch_all(pool).await,
        }
        .expect("reading the write log")
    }
}
