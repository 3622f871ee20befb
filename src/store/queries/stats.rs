//! Figures about a whole server's network, for its moderators.

use rusqlite::params;

use crate::network::{GuildId, NetworkStats, Timestamp};
use crate::store::{ReadTx, StoreError};

impl ReadTx<'_> {
    /// Counts for the moderators' /network stats: one pass over the server's connections.
    pub fn network_stats(
        &self,
        guild: GuildId,
        week_ago: Timestamp,
    ) -> Result<NetworkStats, StoreError> {
        let members: u32 = self
            .one(
                "SELECT count(*) FROM members WHERE guild_id = ?1",
                params![guild],
                |row| row.get(0),
            )?
            .unwrap_or(0);
        // One pass over the server's connections, in key order (a member's rows are together).
        let mut per_member: Vec<u32> = self.all(
            "SELECT count(*) FROM connections WHERE guild_id = ?1 GROUP BY user_id",
            params![guild],
            |row| row.get(0),
        )?;
        let total: u64 = per_member.iter().map(|&n| u64::from(n)).sum();
        let max = per_member.iter().copied().max().unwrap_or(0);
        // Members without connections count towards the median as zeros.
        per_member.resize(per_member.len().max(members as usize), 0);
        per_member.sort_unstable();
        let median = per_member.get(per_member.len() / 2).copied().unwrap_or(0);
        let pending = self
            .one(
                "SELECT count(*) FROM invitations WHERE guild_id = ?1",
                params![guild],
                |row| row.get(0),
            )?
            .unwrap_or(0);
        let sent_last_week = self
            .one(
                "SELECT count(*) FROM invitation_sends WHERE guild_id = ?1 AND sent_ms > ?2",
                params![guild, week_ago],
                |row| row.get(0),
            )?
            .unwrap_or(0);
        Ok(NetworkStats {
            members,
            connections: total / 2,
            pending_invitations: pending,
            invitations_sent_last_7_days: sent_last_week,
            median_connections: median,
            max_connections: max,
        })
    }
}
