//! Figures about a whole server's network, for its moderators.

use rusqlite::params;

use crate::network::{GuildId, NetworkStats, Timestamp};
use crate::store::{ReadTx, StoreError};

impl ReadTx<'_> {
    /// Counts read from the per-member connection counts (one row per member, not one per
    /// connection), so they stay quick on a big server.
    pub fn network_stats(
        &self,
        guild: GuildId,
        week_ago: Timestamp,
    ) -> Result<NetworkStats, StoreError> {
        let (members, total, max): (u32, i64, u32) = self
            .one(
                "SELECT count(*), coalesce(sum(connection_count), 0), coalesce(max(connection_count), 0)
                   FROM members WHERE guild_id = ?1",
                params![guild],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )?
            .unwrap_or((0, 0, 0));
        let median = self
            .one(
                "SELECT connection_count FROM members WHERE guild_id = ?1
                  ORDER BY connection_count LIMIT 1 OFFSET ?2",
                params![guild, members / 2],
                |row| row.get(0),
            )?
            .unwrap_or(0);
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
            connections: u64::try_from(total / 2).unwrap_or(0),
            pending_invitations: pending,
            invitations_sent_last_7_days: sent_last_week,
            median_connections: median,
            max_connections: max,
        })
    }
}
