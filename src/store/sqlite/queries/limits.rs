//! `guild_limits`: a server's limits, defaults when never set.

use rusqlite::params;

use crate::network::port::StoreError;
use crate::network::{GuildId, GuildLimits};
use crate::store::sqlite::SqliteTx;

impl SqliteTx<'_> {
    pub fn limits(&self, guild: GuildId) -> Result<GuildLimits, StoreError> {
        let stored = self.one(
            "SELECT invites_per_week, connection_cap, reports_to_suspend, allow_invite_links
               FROM guild_limits
              WHERE guild_id = ?1",
            params![guild],
            |row| {
                Ok(GuildLimits {
                    invites_per_week: row.get(0)?,
                    connection_cap: row.get(1)?,
                    reports_to_suspend: row.get(2)?,
                    allow_invite_links: row.get(3)?,
                })
            },
        )?;
        Ok(stored.unwrap_or_default())
    }
}

impl SqliteTx<'_> {
    pub fn store_limits(&self, guild: GuildId, limits: GuildLimits) -> Result<(), StoreError> {
        self.change(
            "INSERT INTO guild_limits (guild_id, invites_per_week, connection_cap,
                                       reports_to_suspend, allow_invite_links)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT DO UPDATE SET invites_per_week = excluded.invites_per_week,
                                       connection_cap = excluded.connection_cap,
                                       reports_to_suspend = excluded.reports_to_suspend,
                                       allow_invite_links = excluded.allow_invite_links",
            params![
                guild,
                limits.invites_per_week,
                limits.connection_cap,
                limits.reports_to_suspend,
                limits.allow_invite_links
            ],
        )?;
        Ok(())
    }
}
