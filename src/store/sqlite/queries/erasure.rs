//! Erasing one member's network data in a server, and the moderators' audit log.

use rusqlite::params;

use crate::network::port::StoreError;
use crate::network::{AuditAction, GuildId, MemberId, Timestamp};
use crate::store::sqlite::SqliteTx;

impl SqliteTx<'_> {
    /// The audit log of a server, newest first: (moderator, action, subject, when).
    pub fn audit_log(
        &self,
        guild: GuildId,
        limit: u32,
    ) -> Result<Vec<(MemberId, String, MemberId, Timestamp)>, StoreError> {
        self.all(
            "SELECT moderator_id, action, subject_id, at_ms FROM audit_log
              WHERE guild_id = ?1 ORDER BY at_ms DESC, entry_id DESC LIMIT ?2",
            params![guild, limit],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
        )
    }
}

impl SqliteTx<'_> {
    /// Erases everything the member's own: their settings and names, their side and the other
    /// side of their connections, invitations to and from them, their tags and the tags others
    /// put on them, their removals, blocks, reports and saved filters. What stays is other
    /// members' own records about them: that someone removed or blocked them (which keeps
    /// refusing their invitations), and reports against them. A suspension and a ban stay too:
    /// erasing one's data is not a way around a moderator. Returns whether the member had any
    /// data.
    pub fn erase_member(&self, guild: GuildId, member: MemberId) -> Result<bool, StoreError> {
        let (suspended, banned): (Option<Timestamp>, Option<Timestamp>) = self
            .one(
                "SELECT suspended_ms, banned_ms FROM members WHERE guild_id = ?1 AND user_id = ?2",
                params![guild, member],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )?
            .unwrap_or_default();
        // Both sides of the member's connections first, the other side each by its full key
        // (read off the member's own rows): nothing cascades to a connection's peer side (see
        // migration 0010), and the mirror rule refuses a half-deleted pair at the commit.
        self.change(
            "DELETE FROM connections
              WHERE (guild_id, user_id, since_ms, peer_id) IN
                    (SELECT guild_id, peer_id, since_ms, user_id FROM connections
                      WHERE guild_id = ?1 AND user_id = ?2)",
            params![guild, member],
        )?;
        self.change(
            "DELETE FROM connections WHERE guild_id = ?1 AND user_id = ?2",
            params![guild, member],
        )?;
        self.change(
            "DELETE FROM reports WHERE guild_id = ?1 AND reporter_id = ?2",
            params![guild, member],
        )?;
        // Everything else hangs off the member's row and goes with it (ON DELETE CASCADE).
        let erased = self.change(
            "DELETE FROM members WHERE guild_id = ?1 AND user_id = ?2",
            params![guild, member],
        )? > 0;
        if let Some(first_seen) = suspended.into_iter().chain(banned).min() {
            self.change(
                "INSERT INTO members (guild_id, user_id, first_seen_ms, suspended_ms, banned_ms)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![guild, member, first_seen, suspended, banned],
            )?;
        }
        Ok(erased)
    }

    pub fn record_audit(
        &self,
        guild: GuildId,
        moderator: MemberId,
        action: AuditAction,
        subject: MemberId,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        self.change(
            "INSERT INTO audit_log (guild_id, moderator_id, action, subject_id, at_ms) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![guild, moderator, action.as_str(), subject, now],
        )?;
        Ok(())
    }
}
