//! A consistent copy of an SQLite database while `serve` runs.

use std::path::Path;

use super::Db;

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error(
        "this is a Postgres database: back it up with pg_dump, e.g. \
         `pg_dump --format=custom --file=streammaxing.dump \"$DATABASE_URL\"` \
         (restore with `pg_restore --clean --dbname \"$DATABASE_URL\" streammaxing.dump`)"
    )]
    Postgres,
    #[error("{0} exists already; choose a new file (a backup never overwrites one)")]
    Exists(String),
    #[error("writing the backup: {0}")]
    Sqlite(#[from] sqlx::Error),
    #[error("finishing the backup file: {0}")]
    Io(#[from] std::io::Error),
}

impl Db {
    /// Writes a consistent copy of the SQLite database to `path` and returns
    /// its size. `VACUUM INTO` reads in one transaction: writers carry on
    /// (WAL), and the copy is the database as of one moment, compacted.
    /// The copy is written next to `path` and renamed into place, so `path`
    /// never holds half a backup.
    pub async fn backup_into(&self, path: &Path) -> Result<u64, BackupError> {
        let Db::Sqlite(pool) = self else {
            return Err(BackupError::Postgres);
        };
        if path.exists() {
            return Err(BackupError::Exists(path.display().to_string()));
        }
        let partial = path.with_extension("partial");
        let _ = std::fs::remove_file(&partial);
        sqlx::query("VACUUM INTO $1")
            .bind(partial.to_string_lossy().into_owned())
            .execute(pool)
            .await?;
        std::fs::rename(&partial, path)?;
        Ok(std::fs::metadata(path)?.len())
    }
}
