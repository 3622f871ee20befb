//! SQLite persistence: opening the database, its embedded migrations, and typed queries run in
//! transactions on blocking threads.
//!
//! The async side never touches a connection: [`Store::write`] and [`Store::read`] move the work
//! onto tokio's blocking pool. Writes go through one connection behind a mutex — SQLite allows
//! one writer at a time anyway, and queueing in-process avoids SQLITE_BUSY retries — and each
//! runs in a single `BEGIN IMMEDIATE` transaction that commits only if the work succeeded.
//! Reads use a small pool of read-only connections, which WAL lets run beside the writer.

mod audit;
mod error;
mod migrations;
mod open;
mod queries;
mod sql_types;
mod tx;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use r2d2::Pool;
use r2d2_sqlite::SqliteConnectionManager;
use rusqlite::{Connection, TransactionBehavior};

pub use audit::Violation;
pub use error::StoreError;
pub use queries::AuditAction;
pub use tx::{ReadTx, WriteTx};

/// A handle to the database; cheap to clone, shared by every task.
#[derive(Clone)]
pub struct Store {
    inner: Arc<Inner>,
}

struct Inner {
    path: PathBuf,
    writer: Mutex<Connection>,
    readers: Pool<SqliteConnectionManager>,
}

impl Store {
    /// Opens (creating if needed) the database at `path`, bringing its schema up to date.
    /// Blocking: call it before the runtime starts, or through `spawn_blocking`.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let writer = open::writer(path)?;
        let readers = open::reader_pool(path)?;
        Ok(Store {
            inner: Arc::new(Inner {
                path: path.to_owned(),
                writer: Mutex::new(writer),
                readers,
            }),
        })
    }

    /// Runs `work` in one write transaction, off the async workers (see [`off_the_runtime`]). The transaction commits if
    /// `work` returns `Ok` and rolls back otherwise, so a refused operation leaves no trace.
    /// Dropping the returned future does not cancel the work: it completes or rolls back whole.
    pub async fn write<T, E, F>(&self, work: F) -> Result<T, E>
    where
        F: FnOnce(&WriteTx<'_>) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<StoreError> + Send + 'static,
    {
        let store = self.clone();
        off_the_runtime(move || store.write_blocking(work)).await
    }

    /// Runs `work` in one read transaction (a consistent snapshot), off the async workers.
    pub async fn read<T, E, F>(&self, work: F) -> Result<T, E>
    where
        F: FnOnce(&ReadTx<'_>) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<StoreError> + Send + 'static,
    {
        let store = self.clone();
        off_the_runtime(move || store.read_blocking(work)).await
    }

    /// Runs `work` on a read snapshot taken while holding the write lock, with `at_snapshot`
    /// called under that lock once the snapshot is pinned: every commit is then either visible
    /// to `work` (it came before) or ordered after `at_snapshot` (its after-commit effects run
    /// later). The lock is released before `work` runs, so a long read does not hold up writes;
    /// it runs on a connection of its own, so it does not hold one of the pool's either.
    pub async fn read_from_here<T, E, F>(
        &self,
        at_snapshot: impl FnOnce() + Send + 'static,
        work: F,
    ) -> Result<T, E>
    where
        F: FnOnce(&ReadTx<'_>) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<StoreError> + Send + 'static,
    {
        let store = self.clone();
        off_the_runtime(move || store.read_from_here_blocking(at_snapshot, work)).await
    }

    /// [`Store::read_from_here`] for callers already on a blocking thread.
    pub fn read_from_here_blocking<T, E, F>(
        &self,
        at_snapshot: impl FnOnce(),
        work: F,
    ) -> Result<T, E>
    where
        F: FnOnce(&ReadTx<'_>) -> Result<T, E>,
        E: From<StoreError>,
    {
        let mut conn = open::reader(&self.inner.path)?;
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Deferred)
            .map_err(StoreError::from)?;
        {
            let _writes_wait = self.lock_writer();
            // A deferred transaction takes its snapshot at its first read.
            tx.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))
                .map_err(StoreError::from)?;
            at_snapshot();
        }
        let output = work(&ReadTx::new(&tx))?;
        tx.finish().map_err(StoreError::from)?;
        Ok(output)
    }

    /// Runs `work` holding the write lock, as after-commit effects do, so that it is ordered
    /// with them; no transaction is opened.
    pub async fn with_write_lock<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, StoreError> {
        let store = self.clone();
        off_the_runtime(move || {
            let _writes_wait = store.lock_writer();
            Ok(work())
        })
        .await
    }

    fn lock_writer(&self) -> std::sync::MutexGuard<'_, Connection> {
        // A panic while the lock was held unwound through the transaction's Drop, which rolled
        // it back: the connection is still sound, so a poisoned lock is safe to reuse.
        self.inner
            .writer
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// [`Store::write`] for callers already on a blocking thread.
    pub fn write_blocking<T, E, F>(&self, work: F) -> Result<T, E>
    where
        F: FnOnce(&WriteTx<'_>) -> Result<T, E>,
        E: From<StoreError>,
    {
        let mut conn = self.lock_writer();
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(StoreError::from)?;
        let write = WriteTx::new(&tx);
        let output = work(&write)?;
        let effects = write.take_after_commit();
        tx.commit().map_err(StoreError::from)?;
        // Still under the write lock, so effects apply in commit order.
        for effect in effects {
            effect();
        }
        Ok(output)
    }

    /// [`Store::read`] for callers already on a blocking thread.
    pub fn read_blocking<T, E, F>(&self, work: F) -> Result<T, E>
    where
        F: FnOnce(&ReadTx<'_>) -> Result<T, E>,
        E: From<StoreError>,
    {
        let mut conn = self.inner.readers.get().map_err(StoreError::from)?;
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Deferred)
            .map_err(StoreError::from)?;
        let output = work(&ReadTx::new(&tx))?;
        // Nothing to keep: ending the snapshot is all a read transaction needs.
        tx.finish().map_err(StoreError::from)?;
        Ok(output)
    }

    /// Refreshes the query planner's statistics where they are missing or stale (SQLite's
    /// `PRAGMA optimize`, bounded by `analysis_limit`) and folds the WAL back into the file.
    /// Without statistics SQLite can pick full scans for the two-hop joins; run at open and
    /// every few hours by the bot.
    pub fn optimize_blocking(&self) -> Result<(), StoreError> {
        let conn = self.lock_writer();
        open::optimize(&conn)?;
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    pub async fn optimize(&self) -> Result<(), StoreError> {
        let store = self.clone();
        tokio::task::spawn_blocking(move || store.optimize_blocking())
            .await
            .map_err(StoreError::task)?
    }

    /// Checks the database against every invariant the code relies on (see [`Violation`]),
    /// including SQLite's own integrity and foreign-key checks. Empty means sound.
    pub fn audit_blocking(&self) -> Result<Vec<Violation>, StoreError> {
        self.read_blocking(audit::run)
    }

    pub async fn audit(&self) -> Result<Vec<Violation>, StoreError> {
        self.read(audit::run).await
    }
}

/// Runs blocking database work without stalling the async workers.
///
/// On a multi-threaded runtime (the bot's) this is `block_in_place`: the current worker hands
/// its queue to another thread and runs the work itself, which costs nanoseconds, where
/// `spawn_blocking` costs a thread hand-off each way (15 µs at the median and 50 µs at p99
/// measured here, more than most queries take). A current-thread runtime (most tests) cannot
/// hand its queue over, so there the work goes to the blocking pool.
async fn off_the_runtime<T, E>(work: impl FnOnce() -> Result<T, E> + Send + 'static) -> Result<T, E>
where
    T: Send + 'static,
    E: From<StoreError> + Send + 'static,
{
    use tokio::runtime::{Handle, RuntimeFlavor};
    if Handle::current().runtime_flavor() == RuntimeFlavor::MultiThread {
        tokio::task::block_in_place(work)
    } else {
        tokio::task::spawn_blocking(work)
            .await
            .map_err(|join| E::from(StoreError::task(join)))?
    }
}
