//! `invitations`, and the two tables that limit them: `invitation_sends` (the rolling weekly
//! count) and `withdrawals` (the 21-day wait after withdrawing).

use super::members::names_from_row;
use crate::network::port::StoreError;
use crate::network::{
    GuildId, Invitability, InvitationEntry, InvitationSide, InvitationWeek, InvitePolicy, MemberId,
    MemberSettings, Note, Page, PageRequest, Timestamp,
};
use crate::store::postgres::PgTx;
use crate::store::postgres::pipeline::owned;

impl PgTx<'_> {
    pub async fn has_invitation(
        &self,
        guild: GuildId,
        inviter: MemberId,
        invitee: MemberId,
    ) -> Result<bool, StoreError> {
        self.exists(
            "SELECT 1 FROM invitations WHERE guild_id = $1 AND inviter_id = $2 AND invitee_id = $3",
            &[&guild, &inviter, &invitee],
        )
        .await
    }

    pub async fn invitations_page(
        &self,
        guild: GuildId,
        member: MemberId,
        side: InvitationSide,
        page: PageRequest,
    ) -> Result<Page<InvitationEntry>, StoreError> {
        let limit = page.clamped_limit();
        let sql = match side {
            InvitationSide::Received => {
                "SELECT i.inviter_id, i.invitee_id, i.note, i.sent_ms, m.display_name, m.username
                   FROM invitations AS i
                   JOIN members AS m ON m.guild_id = i.guild_id AND m.user_id = i.inviter_id
                  WHERE i.guild_id = $1 AND i.invitee_id = $2 AND i.ignored_ms IS NULL
                  ORDER BY i.sent_ms DESC, i.inviter_id
                  LIMIT $3 OFFSET $4"
            }
            InvitationSide::Sent => {
                "SELECT i.inviter_id, i.invitee_id, i.note, i.sent_ms, m.display_name, m.username
                   FROM invitations AS i
                   JOIN members AS m ON m.guild_id = i.guild_id AND m.user_id = i.invitee_id
                  WHERE i.guild_id = $1 AND i.inviter_id = $2
                  ORDER BY i.sent_ms DESC, i.invitee_id
                  LIMIT $3 OFFSET $4"
            }
        };
        let (fetch, offset) = (i64::from(limit) + 1, i64::from(page.offset));
        let mut items = self
            .all(sql, &[&guild, &member, &fetch, &offset], |row| {
                Ok(InvitationEntry {
                    inviter: row.try_get(0)?,
                    invitee: row.try_get(1)?,
                    note: row.try_get::<_, Option<String>>(2)?.map(Note::from_stored),
                    sent_at: row.try_get(3)?,
                    other_names: names_from_row(row, 4)?,
                })
            })
            .await?;
        let has_more = items.len() > limit as usize;
        items.truncate(limit as usize);
        Ok(Page { items, has_more })
    }

    pub async fn invitation_count(
        &self,
        guild: GuildId,
        member: MemberId,
        side: InvitationSide,
    ) -> Result<u32, StoreError> {
        let sql = match side {
            InvitationSide::Received => {
                "SELECT count(*) FROM invitations
                  WHERE guild_id = $1 AND invitee_id = $2 AND ignored_ms IS NULL"
            }
            InvitationSide::Sent => {
                "SELECT count(*) FROM invitations WHERE guild_id = $1 AND inviter_id = $2"
            }
        };
        self.count(sql, &[&guild, &member]).await
    }

    pub async fn sends_after(
        &self,
        guild: GuildId,
        sender: MemberId,
        since: Timestamp,
    ) -> Result<u32, StoreError> {
        self.count(
            "SELECT count(*) FROM invitation_sends
              WHERE guild_id = $1 AND sender_id = $2 AND sent_ms > $3",
            &[&guild, &sender, &since],
        )
        .await
    }

    pub async fn nth_send_after(
        &self,
        guild: GuildId,
        sender: MemberId,
        since: Timestamp,
        nth: u32,
    ) -> Result<Option<Timestamp>, StoreError> {
        self.one(
            "SELECT sent_ms FROM invitation_sends
              WHERE guild_id = $1 AND sender_id = $2 AND sent_ms > $3
              ORDER BY sent_ms LIMIT 1 OFFSET $4",
            &[&guild, &sender, &since, &i64::from(nth)],
            |row| row.try_get(0),
        )
        .await
    }

    /// One round trip for the whole list: a row per invitee, in their order.
    pub async fn invitability(
        &self,
        guild: GuildId,
        inviter: MemberId,
        invitees: &[MemberId],
    ) -> Result<Vec<Invitability>, StoreError> {
        if invitees.is_empty() {
            return Ok(Vec::new());
        }
        let invitees: Vec<i64> = invitees.iter().map(|m| m.get() as i64).collect();
        self.all(
            "SELECT EXISTS (SELECT 1 FROM invitations AS i
                             WHERE i.guild_id = $1
                               AND ((i.inviter_id = $2 AND i.invitee_id = t.id)
                                 OR (i.inviter_id = t.id AND i.invitee_id = $2))),
                    m.invite_policy, m.auto_accept, m.dm_notifications,
                    EXISTS (SELECT 1 FROM removals AS r
                             WHERE r.guild_id = $1 AND r.remover_id = t.id AND r.removed_id = $2),
                    EXISTS (SELECT 1 FROM blocks AS b
                             WHERE b.guild_id = $1 AND b.blocker_id = t.id AND b.blocked_id = $2),
                    (SELECT w.withdrawn_ms FROM withdrawals AS w
                      WHERE w.guild_id = $1 AND w.inviter_id = $2 AND w.invitee_id = t.id),
                    m.profile_visible_to
               FROM unnest($3::bigint[]) WITH ORDINALITY AS t (id, n)
               LEFT JOIN members AS m ON m.guild_id = $1 AND m.user_id = t.id
              ORDER BY t.n",
            &[&guild, &inviter, &invitees],
            |row| {
                // A member never seen has no row: the default settings.
                let invitee_settings = match row.try_get::<_, Option<InvitePolicy>>(1)? {
                    Some(invite_policy) => MemberSettings {
                        invite_policy,
                        auto_accept: row.try_get(2)?,
                        dm_notifications: row.try_get(3)?,
                        profile_visibility: row.try_get(7)?,
                    },
                    None => MemberSettings::default(),
                };
                Ok(Invitability {
                    pending_either_way: row.try_get(0)?,
                    invitee_settings,
                    removed_by_invitee: row.try_get(4)?,
                    blocked_by_invitee: row.try_get(5)?,
                    last_withdrawal: row.try_get(6)?,
                })
            },
        )
        .await
    }

    pub async fn last_withdrawal(
        &self,
        guild: GuildId,
        inviter: MemberId,
        invitee: MemberId,
    ) -> Result<Option<Timestamp>, StoreError> {
        self.one(
            "SELECT withdrawn_ms FROM withdrawals
              WHERE guild_id = $1 AND inviter_id = $2 AND invitee_id = $3",
            &[&guild, &inviter, &invitee],
            |row| row.try_get(0),
        )
        .await
    }

    pub async fn insert_invitation(
        &self,
        guild: GuildId,
        inviter: MemberId,
        invitee: MemberId,
        note: Option<&Note>,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        self.queue(
            "INSERT INTO invitations (guild_id, inviter_id, invitee_id, note, sent_ms)
             VALUES ($1, $2, $3, $4, $5)",
            owned![
                guild,
                inviter,
                invitee,
                note.map(|note| note.as_str().to_owned()),
                now
            ],
        );
        Ok(())
    }

    pub async fn delete_invitation(
        &self,
        guild: GuildId,
        inviter: MemberId,
        invitee: MemberId,
    ) -> Result<(), StoreError> {
        self.queue(
            "DELETE FROM invitations WHERE guild_id = $1 AND inviter_id = $2 AND invitee_id = $3",
            owned![guild, inviter, invitee],
        );
        Ok(())
    }

    pub async fn delete_invitations_of(
        &self,
        guild: GuildId,
        member: MemberId,
    ) -> Result<(), StoreError> {
        self.queue(
            "DELETE FROM invitations WHERE guild_id = $1 AND (inviter_id = $2 OR invitee_id = $2)",
            owned![guild, member],
        );
        Ok(())
    }

    pub async fn mark_ignored(
        &self,
        guild: GuildId,
        inviter: MemberId,
        invitee: MemberId,
        now: Timestamp,
    ) -> Result<Option<bool>, StoreError> {
        // One round trip: the row as it was (so whether it existed, and was ignored before),
        // and the update, which finds it only if nobody had ignored it yet.
        self.one(
            "WITH found AS (
                 SELECT ignored_ms FROM invitations
                  WHERE guild_id = $1 AND inviter_id = $2 AND invitee_id = $3),
             marked AS (
                 UPDATE invitations SET ignored_ms = $4
                  WHERE guild_id = $1 AND inviter_id = $2 AND invitee_id = $3
                    AND ignored_ms IS NULL
                 RETURNING 1)
             SELECT EXISTS (SELECT 1 FROM marked) FROM found",
            &[&guild, &inviter, &invitee, &now],
            |row| row.try_get::<_, bool>(0),
        )
        .await
    }

    /// Queued: nothing waits for the count.
    pub async fn count_invitations(
        &self,
        guild: GuildId,
        week: InvitationWeek,
    ) -> Result<(), StoreError> {
        self.queue(
            "INSERT INTO invitation_weeks (guild_id, week_start_ms, sent, accepted, ignored)
             VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (guild_id, week_start_ms) DO UPDATE
                SET sent = invitation_weeks.sent + excluded.sent,
                    accepted = invitation_weeks.accepted + excluded.accepted,
                    ignored = invitation_weeks.ignored + excluded.ignored",
            owned![
                guild,
                week.week_start,
                i64::from(week.sent),
                i64::from(week.accepted),
                i64::from(week.ignored)
            ],
        );
        Ok(())
    }

    pub async fn invitation_weeks(
        &self,
        guild: GuildId,
        since: Timestamp,
    ) -> Result<Vec<InvitationWeek>, StoreError> {
        let count = |row: &tokio_postgres::Row, at: usize| {
            row.try_get::<_, i64>(at)
                .map(|n| u32::try_from(n).unwrap_or(u32::MAX))
        };
        self.all(
            "SELECT week_start_ms, sent, accepted, ignored FROM invitation_weeks
              WHERE guild_id = $1 AND week_start_ms >= $2 ORDER BY week_start_ms",
            &[&guild, &since],
            |row| {
                Ok(InvitationWeek {
                    week_start: row.try_get(0)?,
                    sent: count(row, 1)?,
                    accepted: count(row, 2)?,
                    ignored: count(row, 3)?,
                })
            },
        )
        .await
    }

    pub async fn record_send(
        &self,
        guild: GuildId,
        sender: MemberId,
        now: Timestamp,
        forget_before: Timestamp,
    ) -> Result<(), StoreError> {
        // Forgetting the sends no window will look at again and counting this one: one round
        // trip (a data-modifying CTE).
        self.queue(
            "WITH forgotten AS (
                 DELETE FROM invitation_sends
                  WHERE guild_id = $1 AND sender_id = $2 AND sent_ms < $4)
             INSERT INTO invitation_sends (guild_id, sender_id, sent_ms) VALUES ($1, $2, $3)",
            owned![guild, sender, now, forget_before],
        );
        Ok(())
    }

    pub async fn record_withdrawal(
        &self,
        guild: GuildId,
        inviter: MemberId,
        invitee: MemberId,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        self.queue(
            "INSERT INTO withdrawals (guild_id, inviter_id, invitee_id, withdrawn_ms)
             VALUES ($1, $2, $3, $4)
             ON CONFLICT (guild_id, inviter_id, invitee_id)
             DO UPDATE SET withdrawn_ms = excluded.withdrawn_ms",
            owned![guild, inviter, invitee, now],
        );
        Ok(())
    }
}
