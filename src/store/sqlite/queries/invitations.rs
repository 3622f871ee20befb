//! `invitations`, and the two tables that limit them: `invitation_sends` (the rolling weekly
//! count) and `withdrawals` (the 21-day wait after withdrawing).

use rusqlite::params;

use super::members::names_from_row;
use crate::network::port::StoreError;
use crate::network::{
    GuildId, Invitability, InvitationEntry, InvitationSide, InvitationWeek, MemberId, Note, Page,
    PageRequest, Timestamp,
};
use crate::store::sqlite::SqliteTx;

impl SqliteTx<'_> {
    /// Whether `inviter` has an invitation to `invitee` standing (ignored or not).
    pub fn has_invitation(
        &self,
        guild: GuildId,
        inviter: MemberId,
        invitee: MemberId,
    ) -> Result<bool, StoreError> {
        self.exists(
            "SELECT 1 FROM invitations
              WHERE guild_id = ?1 AND inviter_id = ?2 AND invitee_id = ?3",
            params![guild, inviter, invitee],
        )
    }

    /// A page of `member`'s received or sent invitations, newest first.
    pub fn invitations_page(
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
                  WHERE i.guild_id = ?1 AND i.invitee_id = ?2 AND i.ignored_ms IS NULL
                  ORDER BY i.sent_ms DESC, i.inviter_id
                  LIMIT ?3 OFFSET ?4"
            }
            InvitationSide::Sent => {
                "SELECT i.inviter_id, i.invitee_id, i.note, i.sent_ms, m.display_name, m.username
                   FROM invitations AS i
                   JOIN members AS m ON m.guild_id = i.guild_id AND m.user_id = i.invitee_id
                  WHERE i.guild_id = ?1 AND i.inviter_id = ?2
                  ORDER BY i.sent_ms DESC, i.invitee_id
                  LIMIT ?3 OFFSET ?4"
            }
        };
        let mut items = self.all(sql, params![guild, member, limit + 1, page.offset], |row| {
            Ok(InvitationEntry {
                inviter: row.get(0)?,
                invitee: row.get(1)?,
                note: row.get::<_, Option<String>>(2)?.map(Note::from_stored),
                sent_at: row.get(3)?,
                other_names: names_from_row(4)(row)?,
            })
        })?;
        let has_more = items.len() > limit as usize;
        items.truncate(limit as usize);
        Ok(Page { items, has_more })
    }

    /// How many invitations are in `member`'s inbox, or standing from them.
    pub fn invitation_count(
        &self,
        guild: GuildId,
        member: MemberId,
        side: InvitationSide,
    ) -> Result<u32, StoreError> {
        let sql = match side {
            InvitationSide::Received => {
                "SELECT count(*) FROM invitations
                  WHERE guild_id = ?1 AND invitee_id = ?2 AND ignored_ms IS NULL"
            }
            InvitationSide::Sent => {
                "SELECT count(*) FROM invitations WHERE guild_id = ?1 AND inviter_id = ?2"
            }
        };
        Ok(self
            .one(sql, params![guild, member], |row| row.get(0))?
            .unwrap_or(0))
    }

    /// How many invitations `sender` sent after `since`.
    pub fn sends_after(
        &self,
        guild: GuildId,
        sender: MemberId,
        since: Timestamp,
    ) -> Result<u32, StoreError> {
        let count = self.one(
            "SELECT count(*) FROM invitation_sends
              WHERE guild_id = ?1 AND sender_id = ?2 AND sent_ms > ?3",
            params![guild, sender, since],
            |row| row.get(0),
        )?;
        Ok(count.unwrap_or(0))
    }

    /// The time of `sender`'s `nth` send after `since` (0 is the earliest).
    pub fn nth_send_after(
        &self,
        guild: GuildId,
        sender: MemberId,
        since: Timestamp,
        nth: u32,
    ) -> Result<Option<Timestamp>, StoreError> {
        self.one(
            "SELECT sent_ms FROM invitation_sends
              WHERE guild_id = ?1 AND sender_id = ?2 AND sent_ms > ?3
              ORDER BY sent_ms LIMIT 1 OFFSET ?4",
            params![guild, sender, since, nth],
            |row| row.get(0),
        )
    }

    /// What the database says about `inviter` inviting each of `invitees`: SQLite answers each
    /// lookup in microseconds, so the existing point lookups, one candidate after another.
    pub fn invitability(
        &self,
        guild: GuildId,
        inviter: MemberId,
        invitees: &[MemberId],
    ) -> Result<Vec<Invitability>, StoreError> {
        invitees
            .iter()
            .map(|&invitee| {
                Ok(Invitability {
                    pending_either_way: self.has_invitation(guild, inviter, invitee)?
                        || self.has_invitation(guild, invitee, inviter)?,
                    invitee_settings: self.settings(guild, invitee)?,
                    removed_by_invitee: self
                        .removed_connection_since(guild, invitee, inviter)?
                        .is_some(),
                    blocked_by_invitee: self.is_blocked(guild, invitee, inviter)?,
                    last_withdrawal: self.last_withdrawal(guild, inviter, invitee)?,
                })
            })
            .collect()
    }

    /// When `inviter` last withdrew an invitation to `invitee`.
    pub fn last_withdrawal(
        &self,
        guild: GuildId,
        inviter: MemberId,
        invitee: MemberId,
    ) -> Result<Option<Timestamp>, StoreError> {
        self.one(
            "SELECT withdrawn_ms FROM withdrawals
              WHERE guild_id = ?1 AND inviter_id = ?2 AND invitee_id = ?3",
            params![guild, inviter, invitee],
            |row| row.get(0),
        )
    }
}

impl SqliteTx<'_> {
    pub fn insert_invitation(
        &self,
        guild: GuildId,
        inviter: MemberId,
        invitee: MemberId,
        note: Option<&Note>,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        self.change(
            "INSERT INTO invitations (guild_id, inviter_id, invitee_id, note, sent_ms)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![guild, inviter, invitee, note.map(Note::as_str), now],
        )?;
        Ok(())
    }

    /// Removes `inviter`'s invitation to `invitee`; false if there was none.
    pub fn delete_invitation(
        &self,
        guild: GuildId,
        inviter: MemberId,
        invitee: MemberId,
    ) -> Result<(), StoreError> {
        self.change(
            "DELETE FROM invitations WHERE guild_id = ?1 AND inviter_id = ?2 AND invitee_id = ?3",
            params![guild, inviter, invitee],
        )?;
        Ok(())
    }

    /// Takes the invitation out of the invitee's inbox (the first ignore counts; later ones
    /// change nothing). False if there is no such invitation.
    pub fn mark_ignored(
        &self,
        guild: GuildId,
        inviter: MemberId,
        invitee: MemberId,
        now: Timestamp,
    ) -> Result<Option<bool>, StoreError> {
        let first = self.change(
            "UPDATE invitations SET ignored_ms = ?4
              WHERE guild_id = ?1 AND inviter_id = ?2 AND invitee_id = ?3 AND ignored_ms IS NULL",
            params![guild, inviter, invitee, now],
        )? > 0;
        if first {
            return Ok(Some(true));
        }
        let found = self.exists(
            "SELECT 1 FROM invitations WHERE guild_id = ?1 AND inviter_id = ?2 AND invitee_id = ?3",
            params![guild, inviter, invitee],
        )?;
        Ok(found.then_some(false))
    }

    pub fn count_invitations(
        &self,
        guild: GuildId,
        week: InvitationWeek,
    ) -> Result<(), StoreError> {
        self.change(
            "INSERT INTO invitation_weeks (guild_id, week_start_ms, sent, accepted, ignored)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (guild_id, week_start_ms) DO UPDATE
                SET sent = sent + excluded.sent,
                    accepted = accepted + excluded.accepted,
                    ignored = ignored + excluded.ignored",
            params![
                guild,
                week.week_start,
                week.sent,
                week.accepted,
                week.ignored
            ],
        )?;
        Ok(())
    }

    pub fn invitation_weeks(
        &self,
        guild: GuildId,
        since: Timestamp,
    ) -> Result<Vec<InvitationWeek>, StoreError> {
        self.all(
            "SELECT week_start_ms, sent, accepted, ignored FROM invitation_weeks
              WHERE guild_id = ?1 AND week_start_ms >= ?2 ORDER BY week_start_ms",
            params![guild, since],
            |row| {
                Ok(InvitationWeek {
                    week_start: row.get(0)?,
                    sent: row.get(1)?,
                    accepted: row.get(2)?,
                    ignored: row.get(3)?,
                })
            },
        )
    }

    /// Counts one sent invitation, and forgets `sender`'s sends from before `forget_before`,
    /// which no window will look at again.
    pub fn record_send(
        &self,
        guild: GuildId,
        sender: MemberId,
        now: Timestamp,
        forget_before: Timestamp,
    ) -> Result<(), StoreError> {
        // The range delete costs as much as the insert even when it finds nothing, so look
        // first: the oldest send is the first row of the sender's range.
        if self.exists(
            "SELECT 1 FROM invitation_sends WHERE guild_id = ?1 AND sender_id = ?2 AND sent_ms < ?3",
            params![guild, sender, forget_before],
        )? {
            self.change(
                "DELETE FROM invitation_sends
                  WHERE guild_id = ?1 AND sender_id = ?2 AND sent_ms < ?3",
                params![guild, sender, forget_before],
            )?;
        }
        self.change(
            "INSERT INTO invitation_sends (guild_id, sender_id, sent_ms, tiebreak)
             VALUES (?1, ?2, ?3, random())",
            params![guild, sender, now],
        )?;
        Ok(())
    }

    pub fn record_withdrawal(
        &self,
        guild: GuildId,
        inviter: MemberId,
        invitee: MemberId,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        self.change(
            "INSERT INTO withdrawals (guild_id, inviter_id, invitee_id, withdrawn_ms)
             VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT DO UPDATE SET withdrawn_ms = excluded.withdrawn_ms",
            params![guild, inviter, invitee, now],
        )?;
        Ok(())
    }
}
