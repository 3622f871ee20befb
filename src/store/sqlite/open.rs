//! Opening connections with the settings every connection must have.

use std::path::Path;
use std::time::Duration;

use r2d2::Pool;
use r2d2_sqlite::SqliteConnectionManager;
use rusqlite::Connection;

use super::error::at_path;
use super::migrations::migrations;
use crate::network::port::StoreError;

/// How long a connection waits for another process's lock before giving up. Within this
/// process writes are queued on a mutex, so this only matters for outside tools (a backup, the
/// sqlite3 shell) holding the database.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Prepared statements kept per connection.
const STATEMENT_CACHE: usize = 128;

/// Page cache per connection, in KiB (SQLite's default is 2 MB). Measured on the benchmark's
/// 100,000-member server, a 64 MB cache for the writer did not make writes faster: their
/// cost is the WAL frames they append, not reading pages back.
const CACHE_KIB: i64 = 16 * 1024;

/// Read-only connections kept for queries; reads are short, so a few cover many tasks.
const READERS: u32 = 4;

/// Opens the write connection, creating the file and folder if needed, and migrates the schema.
pub(super) fn writer(path: &Path) -> Result<Connection, StoreError> {
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder)
            .map_err(|e| at_path("could not create the database folder", folder, e))?;
    }
    let mut conn =
        Connection::open(path).map_err(|e| at_path("could not open the database", path, e))?;
    configure(&conn)?;
    // WAL: readers never block the writer and a crash mid-write leaves the last commit intact.
    // It is a property of the file, so setting it once on the writer covers every connection.
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StoreError::corrupt(format!(
            "the database could not switch to WAL mode (it is in {mode} mode)"
        )));
    }
    migrations()
        .to_latest(&mut conn)
        .map_err(|e| at_path("could not migrate the database schema of", path, e))?;
    optimize(&conn)?;
    Ok(conn)
}

/// Gathers planner statistics for tables that lack them or changed a lot, reading at most a
/// bounded sample of each index (so it stays fast on a big file).
pub(super) fn optimize(conn: &Connection) -> rusqlite::Result<()> {
    conn.pragma_update(None, "analysis_limit", 1000)?;
    conn.execute_batch("PRAGMA optimize = 0x10002;")
}

/// A pool of read-only connections to the same file.
pub(super) fn reader_pool(path: &Path) -> Result<Pool<SqliteConnectionManager>, StoreError> {
    let manager = SqliteConnectionManager::file(path).with_init(|conn| configure_reader(conn));
    Pool::builder()
        .max_size(READERS)
        // A local file does not go stale the way a network connection does; checking each
        // connection on every checkout would cost more than most queries.
        .test_on_check_out(false)
        .build(manager)
        .map_err(|e| at_path("could not open read connections to", path, e))
}

/// One read-only connection outside the pool, for a long read that must not keep a pooled
/// connection (and its page cache) from the short queries.
pub(super) fn reader(path: &Path) -> Result<Connection, StoreError> {
    let conn = Connection::open(path)
        .map_err(|e| at_path("could not open a read connection to", path, e))?;
    configure_reader(&conn)?;
    Ok(conn)
}

fn configure_reader(conn: &Connection) -> rusqlite::Result<()> {
    configure(conn)?;
    // A read connection must never write; SQLite enforces it.
    conn.pragma_update(None, "query_only", true)
}

/// Settings that are per connection in SQLite, so every connection sets them.
fn configure(conn: &Connection) -> rusqlite::Result<()> {
    // Off by default in SQLite; the schema's cascades and the connections' mirror rule need it.
    conn.pragma_update(None, "foreign_keys", true)?;
    // In WAL mode NORMAL is crash-safe (a crash never corrupts the file); only the last
    // commits before a power loss may be rolled back. FULL would fsync every commit.
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // Room for every statement the program uses (rusqlite keeps 16 by default, and the
    // connection-list shapes alone are 16), so none is ever prepared twice.
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    // A larger page cache than SQLite's 2 MB default: the hot indexes of a big server fit.
    conn.pragma_update(None, "cache_size", -CACHE_KIB)?;
    Ok(())
}
