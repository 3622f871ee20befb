//! Figures about a whole server's network, for its moderators.

use rusqlite::params;

use crate::network::port::StoreError;
use crate::network::{GuildId, StatsFigures, Timestamp};
use crate::store::sqlite::SqliteTx;

impl SqliteTx<'_> {
    /// Counts for the moderators' /network stats: one pass over the server's connections.
    pub fn stats_figures(
        &self,
        guild: GuildId,
        week_ago: Timestamp,
    ) -> Result<StatsFigures, StoreError> {
        let members: u32 = self
            .one(
                "SELECT count(*) FROM members WHERE guild_id = ?1",
                params![guild],
                |row| row.get(0),
            )?
            .unwrap_or(0);
        // One pass over the server's connections, in key order (a member's rows are together).
        let connections_per_member: Vec<u32> = self.all(
            "SELECT count(*) FROM connections WHERE guild_id = ?1 GROUP BY user_id",
            params![guild],
            |row| row.get(0),
        )?;
        let pending_invitations = self
            .one(
                "SELECT count(*) FROM invitations WHERE guild_id = ?1",
                params![guild],
                |row| row.get(0),
            )?
            .unwrap_or(0);
        let invitations_sent_since = self
            .one(
                "SELECT count(*) FROM invitation_sends WHERE guild_id = ?1 AND sent_ms > ?2",
                params![guild, week_ago],
                |row| row.get(0),
            )?
            .unwrap_or(0);
        Ok(StatsFigures {
            members,
            connections_per_member,
            pending_invitations,
            invitations_sent_since,
        })
    }
}
