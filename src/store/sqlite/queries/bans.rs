//! The `banned_ms` column of `members`: members banned from the server.

use rusqlite::params;

use crate::network::port::StoreError;
use crate::network::{GuildId, MemberId, Timestamp};
use crate::store::sqlite::SqliteTx;

impl SqliteTx<'_> {
    /// Every banned member of the server.
    pub fn banned_members(&self, guild: GuildId) -> Result<Vec<MemberId>, StoreError> {
        self.all(
            "SELECT user_id FROM members WHERE guild_id = ?1 AND banned_ms IS NOT NULL",
            params![guild],
            |row| row.get(0),
        )
    }

    /// The member's connections (the other side of each), banned or not.
    pub fn peers_of(
        &self,
        guild: GuildId,
        member: MemberId,
    ) -> Result<Vec<(MemberId, Timestamp)>, StoreError> {
        self.all(
            "SELECT peer_id, since_ms FROM connections WHERE guild_id = ?1 AND user_id = ?2",
            params![guild, member],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
    }
}

impl SqliteTx<'_> {
    /// Marks the member banned (or not). False if nothing changed.
    pub fn set_banned(
        &self,
        guild: GuildId,
        member: MemberId,
        banned: Option<Timestamp>,
    ) -> Result<bool, StoreError> {
        let changed = self.change(
            "UPDATE members SET banned_ms = ?3
              WHERE guild_id = ?1 AND user_id = ?2 AND (banned_ms IS NULL) <> (?3 IS NULL)",
            params![guild, member, banned],
        )?;
        Ok(changed > 0)
    }

    /// Cancels every invitation to or from the member.
    pub fn delete_invitations_of(
        &self,
        guild: GuildId,
        member: MemberId,
    ) -> Result<(), StoreError> {
        self.change(
            "DELETE FROM invitations WHERE guild_id = ?1 AND (inviter_id = ?2 OR invitee_id = ?2)",
            params![guild, member],
        )?;
        Ok(())
    }
}
