//! The facts a write path decides on, each set read in one statement: one round trip, after
//! which the write path only queues writes (sent with the `COMMIT`). The guild's write lock is
//! held, so the facts stay true until the transaction ends.

use tokio_postgres::Row;

use super::members::settings_from_columns;
use crate::network::port::StoreError;
use crate::network::{
    AcceptanceFacts, GuildId, Invitability, InvitationFacts, MemberId, MemberRecord,
    MemberSettings, Timestamp,
};
use crate::store::postgres::PgTx;
use crate::store::postgres::pipeline::owned;

impl PgTx<'_> {
    pub async fn invitation_facts(
        &self,
        guild: GuildId,
        inviter: MemberId,
        invitee: MemberId,
        now: Timestamp,
        window_start: Timestamp,
    ) -> Result<InvitationFacts, StoreError> {
        // One row per member, each carrying the facts about the pair (uncorrelated
        // subqueries, computed once). Members are nearly always known already: making a row is
        // queued, only for one that is missing (an upsert on every invitation cost a third of
        // this statement).
        let rows = self
            .all(
                "SELECT t.id, m.invite_policy, m.auto_accept, m.dm_notifications, m.suspended_ms,
                        EXISTS (SELECT 1 FROM invitations
                                 WHERE guild_id = $1 AND inviter_id = $2 AND invitee_id = $3),
                        EXISTS (SELECT 1 FROM invitations
                                 WHERE guild_id = $1 AND inviter_id = $3 AND invitee_id = $2),
                        EXISTS (SELECT 1 FROM removals
                                 WHERE guild_id = $1 AND remover_id = $3 AND removed_id = $2),
                        EXISTS (SELECT 1 FROM blocks
                                 WHERE guild_id = $1 AND blocker_id = $3 AND blocked_id = $2),
                        (SELECT withdrawn_ms FROM withdrawals
                          WHERE guild_id = $1 AND inviter_id = $2 AND invitee_id = $3),
                        (SELECT count(*) FROM invitation_sends
                          WHERE guild_id = $1 AND sender_id = $2 AND sent_ms > $4),
                        LEAST((SELECT connected_since_ms FROM removals
                                WHERE guild_id = $1 AND remover_id = $2 AND removed_id = $3),
                              (SELECT connected_since_ms FROM removals
                                WHERE guild_id = $1 AND remover_id = $3 AND removed_id = $2)),
                        m.profile_visible_to
                   FROM (VALUES ($2::bigint), ($3::bigint)) AS t (id)
                   LEFT JOIN members AS m ON m.guild_id = $1 AND m.user_id = t.id",
                &[&guild, &inviter, &invitee, &window_start],
                |row| {
                    let id: MemberId = row.try_get(0)?;
                    let record = match row.try_get::<_, Option<bool>>(2)? {
                        Some(_) => Some(member_record(row)?),
                        None => None,
                    };
                    Ok((id, record, pair_facts(row)?))
                },
            )
            .await?;
        let record_of = |member: MemberId| {
            let (_, stored, _) = rows
                .iter()
                .find(|(id, ..)| *id == member)
                .ok_or_else(|| StoreError::corrupt("no answer about a member"))?;
            Ok::<_, StoreError>(stored.unwrap_or_else(|| {
                self.ensure_member_queued(guild, member, now);
                // A new row holds the schema's defaults, which are the domain's.
                MemberRecord::default()
            }))
        };
        let (inviter_record, invitee_record) = (record_of(inviter)?, record_of(invitee)?);
        let pair = rows[0].2;
        Ok(InvitationFacts {
            inviter: inviter_record,
            invitee: invitee_record,
            already_invited: pair.already_invited,
            invited_back: pair.invited_back,
            invitability: Invitability {
                pending_either_way: pair.already_invited || pair.invited_back,
                invitee_settings: invitee_record.settings,
                removed_by_invitee: pair.removed_by_invitee,
                blocked_by_invitee: pair.blocked_by_invitee,
                last_withdrawal: pair.last_withdrawal,
            },
            sends_in_window: pair.sends_in_window,
            removed_connection: pair.removed_connection,
        })
    }

    pub async fn acceptance_facts(
        &self,
        guild: GuildId,
        inviter: MemberId,
        invitee: MemberId,
    ) -> Result<AcceptanceFacts, StoreError> {
        let facts = self
            .one(
                "SELECT EXISTS (SELECT 1 FROM invitations
                                 WHERE guild_id = $1 AND inviter_id = $2 AND invitee_id = $3),
                        m.invite_policy, m.auto_accept, m.dm_notifications,
                        LEAST((SELECT connected_since_ms FROM removals
                                WHERE guild_id = $1 AND remover_id = $2 AND removed_id = $3),
                              (SELECT connected_since_ms FROM removals
                                WHERE guild_id = $1 AND remover_id = $3 AND removed_id = $2)),
                        m.profile_visible_to
                   FROM (SELECT) AS one
                   LEFT JOIN members AS m ON m.guild_id = $1 AND m.user_id = $2",
                &[&guild, &inviter, &invitee],
                |row| {
                    // An inviter has a row (inviting made it); the defaults otherwise.
                    let inviter_settings = match row.try_get::<_, Option<bool>>(2)? {
                        Some(_) => settings_from_columns(row, 1, 5)?,
                        None => MemberSettings::default(),
                    };
                    Ok(AcceptanceFacts {
                        invitation_stands: row.try_get(0)?,
                        inviter_settings,
                        removed_connection: row.try_get(4)?,
                    })
                },
            )
            .await?;
        facts.ok_or_else(|| StoreError::corrupt("no answer about the invitation"))
    }
}

impl PgTx<'_> {
    /// Makes the member's row if it is missing, sent with what follows.
    pub(super) fn ensure_member_queued(&self, guild: GuildId, member: MemberId, now: Timestamp) {
        self.queue(
            "INSERT INTO members (guild_id, user_id, first_seen_ms) VALUES ($1, $2, $3)
             ON CONFLICT DO NOTHING",
            owned![guild, member, now],
        );
    }
}

fn member_record(row: &Row) -> Result<MemberRecord, tokio_postgres::Error> {
    Ok(MemberRecord {
        settings: settings_from_columns(row, 1, 12)?,
        suspended_since: row.try_get(4)?,
    })
}

/// The columns about the pair, the same on each member's row.
#[derive(Clone, Copy)]
struct PairFacts {
    already_invited: bool,
    invited_back: bool,
    removed_by_invitee: bool,
    blocked_by_invitee: bool,
    last_withdrawal: Option<Timestamp>,
    sends_in_window: u32,
    removed_connection: Option<Timestamp>,
}

fn pair_facts(row: &Row) -> Result<PairFacts, tokio_postgres::Error> {
    Ok(PairFacts {
        already_invited: row.try_get(5)?,
        invited_back: row.try_get(6)?,
        removed_by_invitee: row.try_get(7)?,
        blocked_by_invitee: row.try_get(8)?,
        last_withdrawal: row.try_get(9)?,
        sends_in_window: u32::try_from(row.try_get::<_, i64>(10)?).unwrap_or(u32::MAX),
        removed_connection: row.try_get(11)?,
    })
}
