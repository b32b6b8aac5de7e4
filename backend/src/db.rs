//! Opening the database: SQLite (the embedded default) or PostgreSQL, through
//! the same sea-orm connection type.

use anyhow::Context as _;
use palier_migrations::{Migrator, MigratorTrait as _};
use sea_orm::sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbBackend, DbErr, SqlxSqliteConnector};
use std::str::FromStr as _;
use std::time::Duration;

/// How long a SQLite connection waits for the write lock before failing.
const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Connects to `url` (`sqlite://path?mode=rwc`, `sqlite::memory:` or
/// `postgres://…`). A SQLite file is created when missing and tuned for a web
/// server: WAL journal, `synchronous = NORMAL`, foreign keys on, a busy timeout.
pub async fn connect(url: &str) -> anyhow::Result<DatabaseConnection> {
    if url.starts_with("sqlite:") {
        connect_sqlite(url).await
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        let mut options = ConnectOptions::new(url.to_owned());
        options.max_connections(16).min_connections(1).acquire_timeout(Duration::from_secs(5)).sqlx_logging(false);
        Database::connect(options).await.context("could not connect to the PostgreSQL database")
    } else {
        anyhow::bail!("the database URL must start with sqlite: or postgres://")
    }
}

async fn connect_sqlite(url: &str) -> anyhow::Result<DatabaseConnection> {
    let in_memory = url.contains(":memory:") || url.contains("mode=memory");
    let mut options = SqliteConnectOptions::from_str(url)
        .context("the SQLite database URL is not valid")?
        .create_if_missing(true)
        .foreign_keys(true)
        .busy_timeout(SQLITE_BUSY_TIMEOUT)
        .synchronous(SqliteSynchronous::Normal)
        // Keep 16 MiB of pages per connection (the default is 2 MiB). Memory
        // mapping the file was tried and showed no gain in the vote benchmark.
        .pragma("cache_size", "-16384");
    if !in_memory {
        options = options.journal_mode(SqliteJournalMode::Wal);
        // Checkpoints run in the background (see [`checkpoint`]); this is
        // only the safety net for processes that do not run one.
        options = options.pragma("wal_autocheckpoint", AUTOCHECKPOINT_PAGES.to_string());
    }
    let pool = SqlitePoolOptions::new()
        // An in-memory database lives in one connection: keep exactly one, forever.
        .max_connections(if in_memory { 1 } else { 8 })
        .min_connections(1)
        // A connection to a local file does not go stale: checking it on
        // every acquire was a round trip to its worker thread per query
        // (6 % of a page's time in a profile of the home page).
        .test_before_acquire(false)
        .idle_timeout(if in_memory { None } else { Some(Duration::from_secs(600)) })
        .max_lifetime(if in_memory { None } else { Some(Duration::from_secs(3600)) })
        .acquire_timeout(Duration::from_secs(10))
        .connect_with(options)
        .await
        .context("could not open the SQLite database")?;
    Ok(SqlxSqliteConnector::from_sqlx_sqlite_pool(pool))
}

/// Makes transaction `txn` a writer from its first statement. On SQLite a
/// transaction that reads first and writes later fails at once (it does not
/// wait) when another connection wrote in between; one that writes first
/// waits its turn. A write that changes nothing is enough to queue. On
/// PostgreSQL, nothing: rows are locked by the statements that change them.
pub async fn claim_write<C: ConnectionTrait>(txn: &C) -> Result<(), DbErr> {
    if txn.get_database_backend() == DbBackend::Sqlite {
        txn.execute(sea_orm::Statement::from_string(DbBackend::Sqlite, "UPDATE organisations SET id = id WHERE 0"))
            .await?;
    }
    Ok(())
}

/// How often the server checkpoints (see [`checkpoint`]).
pub const CHECKPOINT_EVERY: Duration = Duration::from_millis(500);

/// Pages of WAL after which a committing connection checkpoints by itself
/// (SQLite's default is 1 000). Background checkpoints keep the WAL well
/// under this; it bounds the WAL of a process that runs none.
const AUTOCHECKPOINT_PAGES: u32 = 16_384;

/// WAL pages past which a background checkpoint also restarts the WAL from
/// its beginning (under steady writes it would otherwise only grow).
const RESTART_PAGES: i64 = 2_048;

/// One background checkpoint of a SQLite database in WAL mode: copies the
/// WAL back into the database file without waiting for anyone (`PASSIVE`),
/// then, when the WAL has grown past [`RESTART_PAGES`], copies what came
/// meanwhile and has the next writer start the WAL over (`RESTART`: waits
/// for readers, briefly holds writers back). Returns the WAL pages seen.
///
/// A checkpoint syncs the WAL and the database file to disk. Left to the
/// connections (SQLite's default, every 1 000 pages), it runs inside a
/// commit, so under a crowd of voters the one writer spent much of its time
/// in `fsync`; run here every [`CHECKPOINT_EVERY`], the writer never waits for it
/// and pages written many times between two checkpoints reach the disk once.
/// Does nothing on other databases.
pub async fn checkpoint(db: &DatabaseConnection) -> Result<i64, DbErr> {
    use sea_orm::{ConnectionTrait as _, Statement};
    if !is_sqlite(db) {
        return Ok(0);
    }
    let run =
        |mode: &str| db.query_one(Statement::from_string(DbBackend::Sqlite, format!("PRAGMA wal_checkpoint({mode})")));
    let Some(row) = run("PASSIVE").await? else { return Ok(0) };
    // (busy, pages in the WAL, pages copied); -1 when not in WAL mode.
    let pages: i64 = row.try_get_by_index(1)?;
    if pages > RESTART_PAGES {
        run("RESTART").await?;
    }
    Ok(pages.max(0))
}

/// Applies every pending migration.
#[tracing::instrument(skip_all)]
pub async fn migrate(db: &DatabaseConnection) -> anyhow::Result<()> {
    Migrator::up(db, None).await.context("could not migrate the database")
}

/// Whether the database answers a trivial query.
pub async fn ping(db: &DatabaseConnection) -> bool {
    use sea_orm::ConnectionTrait as _;
    db.execute_unprepared("SELECT 1").await.is_ok()
}

/// Whether the database is SQLite (checkpoints, one writer at a time).
pub fn is_sqlite(db: &DatabaseConnection) -> bool {
    db.get_database_backend() == DbBackend::Sqlite
}

/// Which SQL dialect a connection speaks.
pub fn backend(db: &impl ConnectionTrait) -> DbBackend {
    db.get_database_backend()
}

pub use sea_orm::ConnectionTrait;

/// The row offset of page `page` (from 0) of `per_page` rows. Pages come
/// from addresses: one far past the end (or past what a number can hold) is
/// simply empty, never an overflow.
pub fn page_offset(page: u64, per_page: u64) -> u64 {
    page.saturating_mul(per_page).min(i64::MAX.unsigned_abs())
}

#[cfg(test)]
mod paging_tests {
    use super::page_offset;

    #[test]
    fn offsets_never_overflow() {
        assert_eq!(page_offset(0, 20), 0);
        assert_eq!(page_offset(3, 20), 60);
        assert_eq!(page_offset(u64::MAX, 20), i64::MAX.unsigned_abs());
        assert_eq!(page_offset(u64::MAX / 10, 20), i64::MAX.unsigned_abs());
    }
}
