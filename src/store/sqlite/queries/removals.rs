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

    /// Forgets removals in either direction between `a` and `b` (they are connecting again).
    pub fn lift_removals(
        &self,
        guild: GuildId,
        a: MemberId,
        b: MemberId,
    ) -> Result<(), StoreError> {
        // Two point deletes by the full key: a `DELETE … OR …` builds temporary tables first.
        for (remover, removed) in [(a, b), (b, a)] {
            self.change(
                "DELETE FROM removals WHERE guild_id = ?1 AND remover_id = ?2 AND removed_id = ?3",
                params![guild, remover, removed],
            )?;
        }
        Ok(())
    }
}
