//! `connections`: one row per side of each connection (see the migration for why).

use rusqlite::params;

use crate::network::port::{CONNECTION_BATCH, StoreError};
use crate::network::{GuildId, MemberId, Timestamp};
use crate::store::sqlite::SqliteTx;

impl SqliteTx<'_> {
    /// When `a` and `b` connected, if they are connected.
    pub fn connected_since(
        &self,
        guild: GuildId,
        a: MemberId,
        b: MemberId,
    ) -> Result<Option<Timestamp>, StoreError> {
        self.one(
            "SELECT since_ms FROM connections
              WHERE guild_id = ?1 AND user_id = ?2 AND peer_id = ?3",
            params![guild, a, b],
            |row| row.get(0),
        )
    }
}

impl SqliteTx<'_> {
    /// Every connection in the server, each once (low id first).
    pub fn all_connections(
        &self,
        guild: GuildId,
        batch: &mut (dyn FnMut(Vec<(MemberId, MemberId, Timestamp)>) + Send),
    ) -> Result<(), StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT user_id, peer_id, since_ms FROM connections
              WHERE guild_id = ?1 AND user_id < peer_id",
        )?;
        let mut rows = statement.query(params![guild])?;
        let mut filling = Vec::with_capacity(CONNECTION_BATCH);
        while let Some(row) = rows.next()? {
            filling.push((row.get(0)?, row.get(1)?, row.get(2)?));
            if filling.len() == CONNECTION_BATCH {
                batch(std::mem::replace(
                    &mut filling,
                    Vec::with_capacity(CONNECTION_BATCH),
                ));
            }
        }
        batch(filling);
        Ok(())
    }
}

impl SqliteTx<'_> {
    /// Connects `a` and `b` (both sides) as of `since`.
    pub fn insert_connection(
        &self,
        guild: GuildId,
        a: MemberId,
        b: MemberId,
        since: Timestamp,
    ) -> Result<(), StoreError> {
        // One row per statement: a two-row VALUES into a table with a trigger is first copied
        // into a temporary table and needs a statement journal (measured 15% more work). The
        // mirror foreign key is deferred, so the first row may stand alone until the commit.
        for (user, peer) in [(a, b), (b, a)] {
            self.change(
                "INSERT INTO connections (guild_id, user_id, peer_id, since_ms)
                 VALUES (?1, ?2, ?3, ?4)",
                params![guild, user, peer, since],
            )?;
        }
        Ok(())
    }

    /// Removes both sides of the connection that began at `since`; false if there was none.
    pub fn delete_connection(
        &self,
        guild: GuildId,
        a: MemberId,
        b: MemberId,
        since: Timestamp,
    ) -> Result<(), StoreError> {
        // Two statements, each a point delete by the full key. One statement with `OR` made
        // SQLite collect the keys in a temporary table first: five times the work.
        for (user, peer) in [(a, b), (b, a)] {
            self.change(
                "DELETE FROM connections
                  WHERE guild_id = ?1 AND user_id = ?2 AND since_ms = ?4 AND peer_id = ?3",
                params![guild, user, peer, since],
            )?;
        }
        Ok(())
    }
}
