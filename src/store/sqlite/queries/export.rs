//! Everything the bot holds about one member in one server, for `/mydata export`.

use std::collections::BTreeMap;

use rusqlite::params;

use super::members::names_from_row;
use crate::network::port::StoreError;
use crate::network::{
    ExportedConnection, ExportedInvitation, ExportedMark, ExportedTags, GuildId, MemberExport,
    MemberId, Timestamp,
};
use crate::store::sqlite::SqliteTx;

impl SqliteTx<'_> {
    /// The member's own data. Others' records about them (who removed or blocked them, who
    /// reported them) are not theirs to see and are left out.
    pub fn export_member(
        &self,
        guild: GuildId,
        member: MemberId,
        now: Timestamp,
    ) -> Result<MemberExport, StoreError> {
        // Every tag the member put on anyone: those on current connections go with them; the
        // rest are on past connections (kept in case a connection is restored).
        let mut tags: BTreeMap<MemberId, Vec<String>> = BTreeMap::new();
        for (peer, tag) in self.all(
            "SELECT peer_id, tag FROM tags WHERE guild_id = ?1 AND owner_id = ?2
              ORDER BY peer_id, tag",
            params![guild, member],
            |row| Ok((row.get::<_, MemberId>(0)?, row.get::<_, String>(1)?)),
        )? {
            tags.entry(peer).or_default().push(tag);
        }
        let connections = self
            .all(
                "SELECT c.peer_id, c.since_ms, m.display_name, m.username
                   FROM connections AS c
                   JOIN members AS m ON m.guild_id = c.guild_id AND m.user_id = c.peer_id
                  WHERE c.guild_id = ?1 AND c.user_id = ?2
                  ORDER BY c.since_ms DESC, c.peer_id",
                params![guild, member],
                |row| {
                    Ok((
                        row.get::<_, MemberId>(0)?,
                        row.get::<_, Timestamp>(1)?,
                        names_from_row(2)(row)?,
                    ))
                },
            )?
            .into_iter()
            .map(|(peer, since, names)| ExportedConnection {
                member_id: peer.get(),
                names,
                connected_since_unix_ms: since.unix_millis(),
                your_tags: tags.remove(&peer).unwrap_or_default(),
            })
            .collect();
        let tags_on_past_connections = tags
            .into_iter()
            .map(|(peer, tags)| ExportedTags {
                member_id: peer.get(),
                tags,
            })
            .collect();
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
        let invitations_sent = invitations(
            "SELECT invitee_id, note, sent_ms, NULL FROM invitations
              WHERE guild_id = ?1 AND inviter_id = ?2 ORDER BY sent_ms DESC",
        )?;
        let invitations_received = invitations(
            "SELECT inviter_id, note, sent_ms, ignored_ms FROM invitations
              WHERE guild_id = ?1 AND invitee_id = ?2 ORDER BY sent_ms DESC",
        )?;
        let marks = |sql: &str| {
            self.all(sql, params![guild, member], |row| {
                Ok(ExportedMark {
                    member_id: row.get::<_, MemberId>(0)?.get(),
                    at_unix_ms: row.get::<_, Timestamp>(1)?.unix_millis(),
                })
            })
        };
        Ok(MemberExport {
            server_id: guild.get(),
            member_id: member.get(),
            exported_unix_ms: now.unix_millis(),
            names: self.member_names(guild, member)?,
            settings: self.settings(guild, member)?.into(),
            connections,
            tags_on_past_connections,
            invitations_sent,
            invitations_received,
            members_you_removed: marks(
                "SELECT removed_id, removed_ms FROM removals WHERE guild_id = ?1 AND remover_id = ?2 ORDER BY removed_ms",
            )?,
            members_you_blocked: marks(
                "SELECT blocked_id, blocked_ms FROM blocks WHERE guild_id = ?1 AND blocker_id = ?2 ORDER BY blocked_ms",
            )?,
        })
    }
}
