//! A member's own records, for `/mydata export` (the network assembles the export).

use rusqlite::params;

use super::members::names_from_row;
use crate::network::GuildId;
use crate::network::port::StoreError;
use crate::network::{ExportedInvitation, ExportedMark, MemberId, MemberRecords, Timestamp};
use crate::store::sqlite::SqliteTx;

impl SqliteTx<'_> {
    pub fn member_records(
        &self,
        guild: GuildId,
        member: MemberId,
    ) -> Result<MemberRecords, StoreError> {
        let tags = self.all(
            "SELECT peer_id, tag FROM tags WHERE guild_id = ?1 AND owner_id = ?2
              ORDER BY peer_id, tag",
            params![guild, member],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?;
        let connections = self.all(
            "SELECT c.peer_id, c.since_ms, m.display_name, m.username
               FROM connections AS c
               JOIN members AS m ON m.guild_id = c.guild_id AND m.user_id = c.peer_id
              WHERE c.guild_id = ?1 AND c.user_id = ?2
              ORDER BY c.since_ms DESC, c.peer_id",
            params![guild, member],
            |row| Ok((row.get(0)?, row.get(1)?, names_from_row(2)(row)?)),
        )?;
        let invitations = |sql: &str| {
            self.all(sql, params![guild, member], |row| {
                Ok(ExportedInvitation {
                    member_id: row.get::<_, MemberId>(0)?.get(),
                    note: row.get(1)?,
                    sent_unix_ms: row.get::<_, Timestamp>(2)?.unix_millis(),
                    ignored: row.get::<_, Option<i64>>(3)?.is_some(),
                })
            })
        };
        let marks = |sql: &str| {
            self.all(sql, params![guild, member], |row| {
                Ok(ExportedMark {
                    member_id: row.get::<_, MemberId>(0)?.get(),
                    at_unix_ms: row.get::<_, Timestamp>(1)?.unix_millis(),
                })
            })
        };
        Ok(MemberRecords {
            names: self.member_names(guild, member)?,
            settings: self.settings(guild, member)?,
            tags,
            connections,
            invitations_sent: invitations(
                "SELECT invitee_id, note, sent_ms, NULL FROM invitations
                  WHERE guild_id = ?1 AND inviter_id = ?2 ORDER BY sent_ms DESC",
            )?,
            invitations_received: invitations(
                "SELECT inviter_id, note, sent_ms, ignored_ms FROM invitations
                  WHERE guild_id = ?1 AND invitee_id = ?2 ORDER BY sent_ms DESC",
            )?,
            members_you_removed: marks(
                "SELECT removed_id, removed_ms FROM removals
                  WHERE guild_id = ?1 AND remover_id = ?2 ORDER BY removed_ms",
            )?,
            members_you_blocked: marks(
                "SELECT blocked_id, blocked_ms FROM blocks
                  WHERE guild_id = ?1 AND blocker_id = ?2 ORDER BY blocked_ms",
            )?,
        })
    }
}
