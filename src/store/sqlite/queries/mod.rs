//! Typed queries, grouped by the table they are about. Statements are `prepare_cached`: the
//! same few statements run over and over, and SQLite keeps their plans per connection.

mod bans;
mod change_log;
mod connections;
mod erasure;
mod export;
mod facts;
mod filters;
mod invitations;
mod limits;
mod locales;
mod members;
mod profiles;
mod removals;
mod reports;
mod searches;
mod stats;
mod tags;

use rusqlite::OptionalExtension;

use super::SqliteTx;
use crate::network::port::StoreError;

impl SqliteTx<'_> {
    /// A deferred transaction takes its snapshot at its first read: read something.
    pub fn pin_snapshot(&self) -> Result<(), StoreError> {
        self.conn
            .query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))?;
        Ok(())
    }

    /// Runs a query that yields at most one row.
    pub(in crate::store::sqlite) fn one<T>(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        map: impl FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Option<T>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(sql)?
            .query_row(params, map)
            .optional()?)
    }

    /// Runs a query and collects every row.
    pub(in crate::store::sqlite) fn all<T>(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        map: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>, StoreError> {
        let mut statement = self.conn.prepare_cached(sql)?;
        let rows = statement.query_map(params, map)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Whether a query yields any row.
    pub(in crate::store::sqlite) fn exists(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
    ) -> Result<bool, StoreError> {
        Ok(self.conn.prepare_cached(sql)?.exists(params)?)
    }
}

impl SqliteTx<'_> {
    /// Runs a statement that changes rows; returns how many.
    pub(in crate::store::sqlite) fn change(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
    ) -> Result<usize, StoreError> {
        Ok(self.conn.prepare_cached(sql)?.execute(params)?)
    }
}
