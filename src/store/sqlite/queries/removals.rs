//! `removals`: who disconnected from whom, which blocks the removed member's invitations and
//! remembers the connection's original date.

use rusqlite::params;

use crate::network::port::StoreError;
use crate::network::{GuildId, MemberId, Timestamp};
use crate::store::sqlite::SqliteTx;

impl SqliteTx<'_> {
    /// If `remover` removed `removed`, when their connection had originally begun.
    pub fn removed_connection_since(
        &self,
        guild: GuildId,
        remover: MemberId,
        removed: MemberId,
    ) -> Result<Option<Timestamp>, StoreError> {
        self.one(
            "SELECT connected_since_ms FROM removals
              WHERE guild_id = ?1 AND remover_id = ?2 AND removed_id = ?3",
            params![guild, remover, removed],
            |row| row.get(0),
        )
    }
}

impl SqliteTx<'_> {
    pub fn record_removal(
        &self,
        guild: GuildId,
        remover: MemberId,
        removed: MemberId,
        connected_since: Timestamp,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        self.change(
            "INSERT INTO removals (guild_id, remover_id, removed_id, connected_since_ms, removed_ms)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT DO UPDATE SET connected_since_ms = excluded.connected_since_ms,
                                       removed_ms = excluded.removed_ms",
            params![guild, remover, removed, connected_since, now],
        )?;
        Ok(())
    }

    /// Forgets removals in either direction between `a` and `b` (they are connecting again)
    /// and returns the original date of the connection that was removed, if one was.
    pub fn take_removal_between(
        &self,
        guild: GuildId,
        a: MemberId,
        b: MemberId,
    ) -> Result<Option<Timestamp>, StoreError> {
        // Point lookups, and a delete only where a removal exists (rarely): a `DELETE … OR …
        // RETURNING` builds two temporary tables and cost eight times a lookup.
        let mut original: Option<Timestamp> = None;
        for (remover, removed) in [(a, b), (b, a)] {
            if let Some(since) = self.removed_connection_since(guild, remover, removed)? {
                self.change(
                    "DELETE FROM removals
                      WHERE guild_id = ?1 AND remover_id = ?2 AND removed_id = ?3",
                    params![guild, remover, removed],
                )?;
                // Only one side can have removed the other (a removal ends the connection, and
                // only a new connection could lead to a second); the earliest date is the
                // original anyway.
                original = Some(original.map_or(since, |o| o.min(since)));
            }
        }
        Ok(original)
    }
}
