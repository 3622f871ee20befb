//! The two kinds of transaction the rest of the program gets, with typed queries as methods
//! (defined by table in `queries/`). No SQL or rusqlite type crosses this boundary.

use std::cell::RefCell;
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
    after_commit: RefCell<Vec<Box<dyn FnOnce()>>>,
}

impl<'c> WriteTx<'c> {
    pub(super) fn new(conn: &'c Connection) -> Self {
        Self {
            read: ReadTx::new(conn),
            after_commit: RefCell::default(),
        }
    }

    pub(super) fn conn(&self) -> &'c Connection {
        self.read.conn
    }

    /// Runs `effect` once this transaction has committed (never if it rolls back), in commit
    /// order with every other write's effects: for state kept beside the database, such as the
    /// in-memory graph, that must follow it exactly.
    pub fn after_commit(&self, effect: impl FnOnce() + 'static) {
        self.after_commit.borrow_mut().push(Box::new(effect));
    }

    pub(super) fn take_after_commit(&self) -> Vec<Box<dyn FnOnce()>> {
        self.after_commit.take()
    }
}

impl<'c> Deref for WriteTx<'c> {
    type Target = ReadTx<'c>;

    fn deref(&self) -> &ReadTx<'c> {
        &self.read
    }
}
