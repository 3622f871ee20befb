//! The transaction the port's traits are implemented on: one connection, inside a transaction
//! `run` began. Its queries are inherent methods (defined by table in `queries/`); the port's
//! traits forward to them (`delegate!`). No rusqlite type crosses the port.

use rusqlite::Connection;

use crate::network::port::delegate;

pub struct SqliteTx<'c> {
    pub(super) conn: &'c mut Connection,
}

impl<'c> SqliteTx<'c> {
    pub(super) fn new(conn: &'c mut Connection) -> Self {
        Self { conn }
    }
}

delegate!(sync SqliteTx<'_>);
