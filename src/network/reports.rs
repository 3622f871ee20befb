//! "I don't know this person": ignoring an invitation from a stranger, blocking them, and
//! reporting them; and the moderators' side: the queue of reported senders, and restoring one.

use std::sync::Arc;
use std::time::Duration;

use super::memory::Change;
use crate::store::AuditAction;

use super::{GuildId, MemberId, Network, NetworkError, NetworkStats, ReportedMember, not_self};

/// Reports count towards a suspension for this long.
pub const REPORT_WINDOW: Duration = Duration::from_secs(30 * 24 * 60 * 60);

impl Network {
    /// `invitee` doesn't know `inviter`: the invitation is ignored (the inviter is not told),
    /// `inviter` can no longer invite `invitee` (they get the neutral refusal), and it counts as
    /// a report against `inviter`. At the server's threshold of reports in 30 days, `inviter`
    /// can no longer send invitations until a moderator restores them. Nobody is notified.
    pub async fn report(
        &self,
        guild: GuildId,
        invitee: MemberId,
        inviter: MemberId,
    ) -> Result<(), NetworkError> {
        not_self(invitee, inviter)?;
        self.write(move |tx, now| {
            if !tx.mark_ignored(guild, inviter, invitee, now)? {
                return Err(NetworkError::NoInvitationReceived);
            }
            tx.insert_block(guild, invitee, inviter, now)?;
            tx.insert_report(guild, invitee, inviter, now)?;
            let threshold = tx.limits(guild)?.reports_to_suspend;
            if tx.reports_since(guild, inviter, now.minus(REPORT_WINDOW))? >= threshold {
                tx.suspend(guild, inviter, now)?;
            }
            Ok(())
        })
        .await
    }

    /// Senders with reports in the last 30 days, or suspended: suspended first, then by
    /// reports; at most 25. It says nothing about who reported whom.
    pub async fn report_queue(&self, guild: GuildId) -> Result<Vec<ReportedMember>, NetworkError> {
        self.read(move |tx, now| Ok(tx.report_queue(guild, now.minus(REPORT_WINDOW))?))
            .await
    }

    /// The server's network in figures.
    pub async fn stats(&self, guild: GuildId) -> Result<NetworkStats, NetworkError> {
        self.read(move |tx, now| Ok(tx.network_stats(guild, now.minus(super::INVITE_WINDOW))?))
            .await
    }

    /// A moderator lets `member` send invitations again; the reports so far stop counting.
    /// The blocks members made stay: those are theirs.
    pub async fn restore(
        &self,
        guild: GuildId,
        moderator: MemberId,
        member: MemberId,
    ) -> Result<(), NetworkError> {
        self.write(move |tx, now| {
            tx.restore(guild, member, now)?;
            tx.record_audit(guild, moderator, AuditAction::Restore, member, now)?;
            Ok(())
        })
        .await
    }

    /// Discord says the member was banned from the server: their pending invitations are
    /// cancelled and they drop out of everyone's lists, profiles and suggestions. Their
    /// connections are kept (an unban brings them back). Nobody is told.
    pub async fn ban(&self, guild: GuildId, member: MemberId) -> Result<(), NetworkError> {
        let memory = Arc::clone(&self.memory);
        self.write(move |tx, now| {
            tx.ensure_member(guild, member, now)?;
            if tx.set_banned(guild, member, Some(now))? {
                tx.delete_invitations_of(guild, member)?;
                memory.on_commit(tx, guild, Change::Banned(member));
            }
            Ok(())
        })
        .await
    }

    /// Discord says the member was unbanned: their connections come back.
    pub async fn unban(&self, guild: GuildId, member: MemberId) -> Result<(), NetworkError> {
        let memory = Arc::clone(&self.memory);
        self.write(move |tx, _| {
            if tx.set_banned(guild, member, None)? {
                let peers = tx.peers_of(guild, member)?;
                memory.on_commit(tx, guild, Change::Unbanned { member, peers });
            }
            Ok(())
        })
        .await
    }

    /// A member erases their own network data in this server (`/mydata delete`); see
    /// [`crate::store::WriteTx::erase_member`] for exactly what goes and what stays. Nobody is told.
    pub async fn erase_my_data(
        &self,
        guild: GuildId,
        member: MemberId,
    ) -> Result<(), NetworkError> {
        let memory = Arc::clone(&self.memory);
        self.write(move |tx, _| {
            tx.erase_member(guild, member)?;
            memory.on_commit(tx, guild, Change::Erased(member));
            Ok(())
        })
        .await
    }

    /// A moderator erases a member's network data in this server (a spam account, say), and the
    /// audit log records who did it, when, and to whom. Nobody is told.
    pub async fn remove_member(
        &self,
        guild: GuildId,
        moderator: MemberId,
        member: MemberId,
    ) -> Result<(), NetworkError> {
        let memory = Arc::clone(&self.memory);
        self.write(move |tx, now| {
            tx.erase_member(guild, member)?;
            tx.record_audit(guild, moderator, AuditAction::RemoveMember, member, now)?;
            memory.on_commit(tx, guild, Change::Erased(member));
            Ok(())
        })
        .await
    }
}
