//! What members and moderators record about others: `removals`, `blocks`, `reports`, the
//! suspension columns of `members`, `audit_log`; and erasing a member's data.

use crate::network::port::StoreError;
use crate::network::{AuditAction, GuildId, MemberId, ReportedMember, Timestamp};
use crate::store::postgres::PgTx;
use crate::store::postgres::pipeline::owned;

impl PgTx<'_> {
    pub async fn removed_connection_since(
        &self,
        guild: GuildId,
        remover: MemberId,
        removed: MemberId,
    ) -> Result<Option<Timestamp>, StoreError> {
        self.one(
            "SELECT connected_since_ms FROM removals
              WHERE guild_id = $1 AND remover_id = $2 AND removed_id = $3",
            &[&guild, &remover, &removed],
            |row| row.try_get(0),
        )
        .await
    }

    pub async fn record_removal(
        &self,
        guild: GuildId,
        remover: MemberId,
        removed: MemberId,
        connected_since: Timestamp,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        self.queue(
            "INSERT INTO removals (guild_id, remover_id, removed_id, connected_since_ms, removed_ms)
             VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (guild_id, remover_id, removed_id)
             DO UPDATE SET connected_since_ms = excluded.connected_since_ms,
                           removed_ms = excluded.removed_ms",
            owned![guild, remover, removed, connected_since, now],
        );
        Ok(())
    }

    pub async fn lift_removals(
        &self,
        guild: GuildId,
        a: MemberId,
        b: MemberId,
    ) -> Result<(), StoreError> {
        self.queue(
            "DELETE FROM removals
              WHERE guild_id = $1
                AND ((remover_id = $2 AND removed_id = $3) OR (remover_id = $3 AND removed_id = $2))",
            owned![guild, a, b],
        );
        Ok(())
    }

    pub async fn is_blocked(
        &self,
        guild: GuildId,
        blocker: MemberId,
        blocked: MemberId,
    ) -> Result<bool, StoreError> {
        self.exists(
            "SELECT 1 FROM blocks WHERE guild_id = $1 AND blocker_id = $2 AND blocked_id = $3",
            &[&guild, &blocker, &blocked],
        )
        .await
    }

    pub async fn insert_block(
        &self,
        guild: GuildId,
        blocker: MemberId,
        blocked: MemberId,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        self.queue(
            "INSERT INTO blocks (guild_id, blocker_id, blocked_id, blocked_ms) VALUES ($1, $2, $3, $4)
             ON CONFLICT DO NOTHING",
            owned![guild, blocker, blocked, now],
        );
        Ok(())
    }

    pub async fn insert_report(
        &self,
        guild: GuildId,
        reporter: MemberId,
        reported: MemberId,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        self.queue(
            "INSERT INTO reports (guild_id, reporter_id, reported_id, reported_ms)
             VALUES ($1, $2, $3, $4)
             ON CONFLICT (guild_id, reported_id, reporter_id)
             DO UPDATE SET reported_ms = excluded.reported_ms",
            owned![guild, reporter, reported, now],
        );
        Ok(())
    }

    pub async fn reports_since(
        &self,
        guild: GuildId,
        member: MemberId,
        since: Timestamp,
    ) -> Result<u32, StoreError> {
        self.count(
            "SELECT count(*) FROM reports AS r
               JOIN members AS m ON m.guild_id = r.guild_id AND m.user_id = r.reported_id
              WHERE r.guild_id = $1 AND r.reported_id = $2
                AND r.reported_ms >= $3
                AND (m.reports_cleared_ms IS NULL OR r.reported_ms > m.reports_cleared_ms)",
            &[&guild, &member, &since],
        )
        .await
    }

    pub async fn report_queue(
        &self,
        guild: GuildId,
        since: Timestamp,
    ) -> Result<Vec<ReportedMember>, StoreError> {
        self.all(
            "SELECT m.user_id, m.suspended_ms, count(r.reporter_id) AS recent
               FROM members AS m
               LEFT JOIN reports AS r
                      ON r.guild_id = m.guild_id AND r.reported_id = m.user_id
                     AND r.reported_ms >= $2
                     AND (m.reports_cleared_ms IS NULL OR r.reported_ms > m.reports_cleared_ms)
              WHERE m.guild_id = $1
              GROUP BY m.user_id, m.suspended_ms
             HAVING m.suspended_ms IS NOT NULL OR count(r.reporter_id) > 0
              ORDER BY m.suspended_ms IS NULL, recent DESC, m.user_id
              LIMIT 25",
            &[&guild, &since],
            |row| {
                Ok(ReportedMember {
                    member: row.try_get(0)?,
                    suspended_since: row.try_get(1)?,
                    recent_reports: u32::try_from(row.try_get::<_, i64>(2)?).unwrap_or(u32::MAX),
                })
            },
        )
        .await
    }

    pub async fn suspend(
        &self,
        guild: GuildId,
        member: MemberId,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        self.queue(
            "UPDATE members SET suspended_ms = $3
              WHERE guild_id = $1 AND user_id = $2 AND suspended_ms IS NULL",
            owned![guild, member, now],
        );
        Ok(())
    }

    pub async fn restore(
        &self,
        guild: GuildId,
        member: MemberId,
        now: Timestamp,
    ) -> Result<bool, StoreError> {
        let changed = self
            .change(
                "UPDATE members SET suspended_ms = NULL, reports_cleared_ms = $3
                  WHERE guild_id = $1 AND user_id = $2",
                &[&guild, &member, &now],
            )
            .await?;
        Ok(changed > 0)
    }

    pub async fn audit_log(
        &self,
        guild: GuildId,
        limit: u32,
    ) -> Result<Vec<(MemberId, String, MemberId, Timestamp)>, StoreError> {
        self.all(
            "SELECT moderator_id, action, subject_id, at_ms FROM audit_log
              WHERE guild_id = $1 ORDER BY at_ms DESC, entry_id DESC LIMIT $2",
            &[&guild, &i64::from(limit)],
            |row| {
                Ok((
                    row.try_get(0)?,
                    row.try_get(1)?,
                    row.try_get(2)?,
                    row.try_get(3)?,
                ))
            },
        )
        .await
    }

    pub async fn record_audit(
        &self,
        guild: GuildId,
        moderator: MemberId,
        action: AuditAction,
        subject: MemberId,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        self.queue(
            "INSERT INTO audit_log (guild_id, moderator_id, action, subject_id, at_ms)
             VALUES ($1, $2, $3, $4, $5)",
            owned![guild, moderator, action.as_str(), subject, now],
        );
        Ok(())
    }

    pub async fn erase_member(&self, guild: GuildId, member: MemberId) -> Result<bool, StoreError> {
        // A suspension and a ban stay: erasing one's data is no way around a moderator.
        let (suspended, banned) = self
            .one(
                "SELECT suspended_ms, banned_ms FROM members WHERE guild_id = $1 AND user_id = $2",
                &[&guild, &member],
                |row| {
                    Ok((
                        row.try_get::<_, Option<Timestamp>>(0)?,
                        row.try_get::<_, Option<Timestamp>>(1)?,
                    ))
                },
            )
            .await?
            .unwrap_or_default();
        // Both sides of the member's connections, the other side each by its key (read off
        // the member's own rows, which the statement deletes first: nothing cascades to a
        // connection's peer side), the reports they made, then their row: everything else
        // hangs off it and goes with it (ON DELETE CASCADE).
        self.change(
            "WITH mine AS (
                 DELETE FROM connections WHERE guild_id = $1 AND user_id = $2 RETURNING peer_id)
             DELETE FROM connections
              WHERE guild_id = $1 AND user_id IN (SELECT peer_id FROM mine) AND peer_id = $2",
            &[&guild, &member],
        )
        .await?;
        self.change(
            "DELETE FROM reports WHERE guild_id = $1 AND reporter_id = $2",
            &[&guild, &member],
        )
        .await?;
        let erased = self
            .change(
                "DELETE FROM members WHERE guild_id = $1 AND user_id = $2",
                &[&guild, &member],
            )
            .await?
            > 0;
        if let Some(first_seen) = suspended.into_iter().chain(banned).min() {
            self.change(
                "INSERT INTO members (guild_id, user_id, first_seen_ms, suspended_ms, banned_ms)
                 VALUES ($1, $2, $3, $4, $5)",
                &[&guild, &member, &first_seen, &suspended, &banned],
            )
            .await?;
        }
        Ok(erased)
    }
}
