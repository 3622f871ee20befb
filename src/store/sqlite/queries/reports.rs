//! `blocks` and `reports`, and the suspension columns of `members`: "I don't know this person".

use rusqlite::params;

use crate::network::port::StoreError;
use crate::network::{GuildId, MemberId, ReportedMember, Timestamp};
use crate::store::sqlite::SqliteTx;

impl SqliteTx<'_> {
    /// Whether `blocker` said they don't know `blocked`.
    pub fn is_blocked(
        &self,
        guild: GuildId,
        blocker: MemberId,
        blocked: MemberId,
    ) -> Result<bool, StoreError> {
        self.exists(
            "SELECT 1 FROM blocks WHERE guild_id = ?1 AND blocker_id = ?2 AND blocked_id = ?3",
            params![guild, blocker, blocked],
        )
    }

    /// Since when `member` may not send invitations, if they are suspended.
    pub fn suspended_since(
        &self,
        guild: GuildId,
        member: MemberId,
    ) -> Result<Option<Timestamp>, StoreError> {
        Ok(self
            .one(
                "SELECT suspended_ms FROM members WHERE guild_id = ?1 AND user_id = ?2",
                params![guild, member],
                |row| row.get(0),
            )?
            .flatten())
    }

    /// Reports against `member` at or after `since` that still count (made after the last time
    /// a moderator restored them).
    pub fn reports_since(
        &self,
        guild: GuildId,
        member: MemberId,
        since: Timestamp,
    ) -> Result<u32, StoreError> {
        Ok(self
            .one(
                "SELECT count(*) FROM reports AS r
                   JOIN members AS m ON m.guild_id = r.guild_id AND m.user_id = r.reported_id
                  WHERE r.guild_id = ?1 AND r.reported_id = ?2
                    AND r.reported_ms >= ?3
                    AND (m.reports_cleared_ms IS NULL OR r.reported_ms > m.reports_cleared_ms)",
                params![guild, member, since],
                |row| row.get(0),
            )?
            .unwrap_or(0))
    }

    /// Members with reports that count since `since`, or suspended: the moderators' queue,
    /// suspended first, then by reports.
    pub fn report_queue(
        &self,
        guild: GuildId,
        since: Timestamp,
    ) -> Result<Vec<ReportedMember>, StoreError> {
        self.all(
            "SELECT m.user_id, m.suspended_ms,
                    (SELECT count(*) FROM reports AS r
                      WHERE r.guild_id = m.guild_id AND r.reported_id = m.user_id
                        AND r.reported_ms >= ?2
                        AND (m.reports_cleared_ms IS NULL OR r.reported_ms > m.reports_cleared_ms)) AS recent
               FROM members AS m
              WHERE m.guild_id = ?1
                AND (m.suspended_ms IS NOT NULL
                     OR EXISTS (SELECT 1 FROM reports AS r
                                 WHERE r.guild_id = m.guild_id AND r.reported_id = m.user_id
                                   AND r.reported_ms >= ?2
                        AND (m.reports_cleared_ms IS NULL OR r.reported_ms > m.reports_cleared_ms)))
              ORDER BY m.suspended_ms IS NULL, recent DESC, m.user_id
              LIMIT 25",
            params![guild, since],
            |row| {
                Ok(ReportedMember {
                    member: row.get(0)?,
                    suspended_since: row.get(1)?,
                    recent_reports: row.get(2)?,
                })
            },
        )
    }
}

impl SqliteTx<'_> {
    pub fn insert_block(
        &self,
        guild: GuildId,
        blocker: MemberId,
        blocked: MemberId,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        self.change(
            "INSERT INTO blocks (guild_id, blocker_id, blocked_id, blocked_ms) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT DO NOTHING",
            params![guild, blocker, blocked, now],
        )?;
        Ok(())
    }

    pub fn insert_report(
        &self,
        guild: GuildId,
        reporter: MemberId,
        reported: MemberId,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        self.change(
            "INSERT INTO reports (guild_id, reporter_id, reported_id, reported_ms) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT DO UPDATE SET reported_ms = excluded.reported_ms",
            params![guild, reporter, reported, now],
        )?;
        Ok(())
    }

    pub fn suspend(
        &self,
        guild: GuildId,
        member: MemberId,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        self.change(
            "UPDATE members SET suspended_ms = ?3 WHERE guild_id = ?1 AND user_id = ?2 AND suspended_ms IS NULL",
            params![guild, member, now],
        )?;
        Ok(())
    }

    /// Lifts a suspension; reports made before now stop counting. False if not suspended.
    pub fn restore(
        &self,
        guild: GuildId,
        member: MemberId,
        now: Timestamp,
    ) -> Result<bool, StoreError> {
        let changed = self.change(
            "UPDATE members SET suspended_ms = NULL, reports_cleared_ms = ?3
              WHERE guild_id = ?1 AND user_id = ?2",
            params![guild, member, now],
        )?;
        Ok(changed > 0)
    }
}
