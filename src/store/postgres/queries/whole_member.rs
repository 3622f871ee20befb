//! Reads about a whole member or a whole server: a member's records for `/mydata export`
//! (the network assembles the export), and `/network stats`.

use super::members::names_from_row;
use crate::network::port::StoreError;
use crate::network::{
    ExportedInvitation, ExportedMark, GuildId, MemberId, MemberRecords, StatsFigures, Timestamp,
};
use crate::store::postgres::PgTx;

impl PgTx<'_> {
    pub async fn member_records(
        &self,
        guild: GuildId,
        member: MemberId,
    ) -> Result<MemberRecords, StoreError> {
        let params: [&(dyn tokio_postgres::types::ToSql + Sync); 2] = [&guild, &member];
        let tags = self
            .all(
                "SELECT peer_id, tag FROM tags WHERE guild_id = $1 AND owner_id = $2
                  ORDER BY peer_id, ascii_lower(tag) COLLATE \"C\"",
                &params,
                |row| Ok((row.try_get(0)?, row.try_get(1)?)),
            )
            .await?;
        let connections = self
            .all(
                "SELECT c.peer_id, c.since_ms, m.display_name, m.username
                   FROM connections AS c
                   JOIN members AS m ON m.guild_id = c.guild_id AND m.user_id = c.peer_id
                  WHERE c.guild_id = $1 AND c.user_id = $2
                  ORDER BY c.since_ms DESC, c.peer_id",
                &params,
                |row| Ok((row.try_get(0)?, row.try_get(1)?, names_from_row(row, 2)?)),
            )
            .await?;
        let invitation = |row: &tokio_postgres::Row| {
            Ok(ExportedInvitation {
                member_id: row.try_get::<_, MemberId>(0)?.get(),
                note: row.try_get(1)?,
                sent_unix_ms: row.try_get::<_, Timestamp>(2)?.unix_millis(),
                ignored: row.try_get::<_, Option<i64>>(3)?.is_some(),
            })
        };
        let mark = |row: &tokio_postgres::Row| {
            Ok(ExportedMark {
                member_id: row.try_get::<_, MemberId>(0)?.get(),
                at_unix_ms: row.try_get::<_, Timestamp>(1)?.unix_millis(),
            })
        };
        Ok(MemberRecords {
            names: self.member_names(guild, member).await?,
            settings: self.settings(guild, member).await?,
            tags,
            connections,
            invitations_sent: self
                .all(
                    "SELECT invitee_id, note, sent_ms, NULL::bigint FROM invitations
                      WHERE guild_id = $1 AND inviter_id = $2 ORDER BY sent_ms DESC",
                    &params,
                    invitation,
                )
                .await?,
            invitations_received: self
                .all(
                    "SELECT inviter_id, note, sent_ms, ignored_ms FROM invitations
                      WHERE guild_id = $1 AND invitee_id = $2 ORDER BY sent_ms DESC",
                    &params,
                    invitation,
                )
                .await?,
            members_you_removed: self
                .all(
                    "SELECT removed_id, removed_ms FROM removals
                      WHERE guild_id = $1 AND remover_id = $2 ORDER BY removed_ms",
                    &params,
                    mark,
                )
                .await?,
            members_you_blocked: self
                .all(
                    "SELECT blocked_id, blocked_ms FROM blocks
                      WHERE guild_id = $1 AND blocker_id = $2 ORDER BY blocked_ms",
                    &params,
                    mark,
                )
                .await?,
        })
    }

    pub async fn stats_figures(
        &self,
        guild: GuildId,
        week_ago: Timestamp,
    ) -> Result<StatsFigures, StoreError> {
        let members = self
            .count(
                "SELECT count(*) FROM members WHERE guild_id = $1",
                &[&guild],
            )
            .await?;
        let connections_per_member = self
            .all(
                "SELECT count(*) FROM connections WHERE guild_id = $1 GROUP BY user_id",
                &[&guild],
                |row| {
                    row.try_get::<_, i64>(0)
                        .map(|n| u32::try_from(n).unwrap_or(u32::MAX))
                },
            )
            .await?;
        let pending_invitations = self
            .count(
                "SELECT count(*) FROM invitations WHERE guild_id = $1",
                &[&guild],
            )
            .await?;
        let invitations_sent_since = self
            .count(
                "SELECT count(*) FROM invitation_sends WHERE guild_id = $1 AND sent_ms > $2",
                &[&guild, &week_ago],
            )
            .await?;
        Ok(StatsFigures {
            members,
            connections_per_member,
            pending_invitations,
            invitations_sent_since,
        })
    }
}
