//! The two kinds of transaction the rest of the program gets, with typed queries as methods
//! (defined by table in `queries/`). No SQL or rusqlite type crosses this boundary.

use std::ops::Deref;

use rusqlite::Connection;

/// A consistent, read-only view of the database.
pub struct ReadTx<'c> {
    pub(super) conn: &'c Connection,
}

impl<'c> ReadTx<'c> {
    pub(super) fn new(conn: &'c Connection) -> Self {
        Self { conn }
    }
}

/// A write transaction: everything a [`ReadTx`] can do, plus changes. All of it commits
/// together or not at all.
pub struct WriteTx<'c> {
    read: ReadTx<'c>,
}

impl<'c> WriteTx<'c> {
    pub(super) fn new(conn: &'c Connection) -> Self {
        Self {
            read: ReadTx::new(conn),
        }
    }

    pub(super) fn conn(&self) -> &'c Connection {
        self.read.conn
    }
}

impl<'c> Deref for WriteTx<'c> {
    type Target = ReadTx<'c>;

    fn deref(&self) -> &ReadTx<'c> {
        &self.read
    }
}
