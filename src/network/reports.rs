//! "I don't know this person": ignoring an invitation from a stranger, blocking them, and
//! reporting them; and the moderators' side: the queue of reported senders, and restoring one.

use std::time::Duration;

use super::invitations::{CHART_WEEK, Counted, week_of};
use super::{
    AuditAction, GuildId, MemberId, Network, NetworkError, NetworkStats, ReportedMember, not_self,
};
use super::{InvitationWeek, StatsHistory};

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
        self.write(guild, move |tx, now| {
            Box::pin(async move {
                match tx.mark_ignored(guild, inviter, invitee, now).await? {
                    None => return Err(NetworkError::NoInvitationReceived),
                    Some(true) => {
                        super::invitations::count(tx, guild, now, Counted::Ignored).await?
                    }
                    Some(false) => {}
                }
                tx.insert_block(guild, invitee, inviter, now).await?;
                tx.insert_report(guild, invitee, inviter, now).await?;
                let threshold = tx.limits(guild).await?.reports_to_suspend;
                let reports = tx
                    .reports_since(guild, inviter, now.minus(REPORT_WINDOW))
                    .await?;
                if reports >= threshold {
                    tx.suspend(guild, inviter, now).await?;
                }
                Ok(())
            })
        })
        .await
    }

    /// Senders with reports in the last 30 days, or suspended: suspended first, then by
    /// reports; at most 25. It says nothing about who reported whom.
    pub async fn report_queue(&self, guild: GuildId) -> Result<Vec<ReportedMember>, NetworkError> {
        self.read(move |tx, now| {
            Box::pin(async move { Ok(tx.report_queue(guild, now.minus(REPORT_WINDOW)).await?) })
        })
        .await
    }

    /// The server's network in figures.
    pub async fn stats(&self, guild: GuildId) -> Result<NetworkStats, NetworkError> {
        self.read(move |tx, now| {
            Box::pin(async move {
                let week_ago = now.minus(super::INVITE_WINDOW);
                Ok(tx.stats_figures(guild, week_ago).await?.into())
            })
        })
        .await
    }

    /// The server's network in figures, and what the moderators' chart shows of it: every
    /// member's number of connections (those without any as 0) and the invitations of each of
    /// the last `weeks` weeks, this one last, oldest first (weeks without any as zeros). One
    /// snapshot, and the per-member counts (a whole-table read) read once for both.
    pub async fn stats_with_history(
        &self,
        guild: GuildId,
        weeks: usize,
    ) -> Result<(NetworkStats, StatsHistory), NetworkError> {
        self.read(move |tx, now| {
            Box::pin(async move {
                let figures = tx
                    .stats_figures(guild, now.minus(super::INVITE_WINDOW))
                    .await?;
                let (stats, per_member) = figures.summarized();
                let this_week = week_of(now);
                let first = this_week.minus(CHART_WEEK * (weeks.max(1) as u32 - 1));
                let counted = tx.invitation_weeks(guild, first).await?;
                let weeks = (0..weeks.max(1) as u32)
                    .map(|n| {
                        let week_start = first.plus(CHART_WEEK * n);
                        counted
                            .iter()
                            .find(|w| w.week_start == week_start)
                            .copied()
                            .unwrap_or(InvitationWeek {
                                week_start,
                                sent: 0,
                                accepted: 0,
                                ignored: 0,
                            })
                    })
                    .collect();
                Ok((
                    stats,
                    StatsHistory {
                        connections_per_member: per_member,
                        weeks,
                    },
                ))
            })
        })
        .await
    }

    /// The moderators' audit log, newest first: (moderator, action, subject, when).
    pub async fn audit_log(
        &self,
        guild: GuildId,
        limit: u32,
    ) -> Result<Vec<(MemberId, String, MemberId, super::Timestamp)>, NetworkError> {
        self.read(move |tx, _| Box::pin(async move { Ok(tx.audit_log(guild, limit).await?) }))
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
        self.write(guild, move |tx, now| {
            Box::pin(async move {
                tx.restore(guild, member, now).await?;
                tx.record_audit(guild, moderator, AuditAction::Restore, member, now)
                    .await?;
                Ok(())
            })
        })
        .await
    }

    /// Discord says the member was banned from the server: their pending invitations are
    /// cancelled and they drop out of everyone's lists, profiles and suggestions. Their
    /// connections are kept (an unban brings them back). Nobody is told.
    pub async fn ban(&self, guild: GuildId, member: MemberId) -> Result<(), NetworkError> {
        self.write(guild, move |tx, now| {
            Box::pin(async move {
                tx.ensure_member(guild, member, now).await?;
                if tx.ban(guild, member, now).await? {
                    tx.delete_invitations_of(guild, member).await?;
                }
                Ok(())
            })
        })
        .await
    }

    /// Discord says the member was unbanned: their connections come back.
    pub async fn unban(&self, guild: GuildId, member: MemberId) -> Result<(), NetworkError> {
        self.write(guild, move |tx, _| {
            Box::pin(async move {
                tx.unban(guild, member).await?;
                Ok(())
            })
        })
        .await
    }

    /// A member erases their own network data in this server (`/mydata delete`); see
    /// [`super::port::MirroredWrites::erase_member`] for exactly what goes and what stays.
    /// Nobody is told.
    pub async fn erase_my_data(
        &self,
        guild: GuildId,
        member: MemberId,
    ) -> Result<(), NetworkError> {
        self.write(guild, move |tx, _| {
            Box::pin(async move {
                tx.erase_member(guild, member).await?;
                Ok(())
            })
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
        self.write(guild, move |tx, now| {
            Box::pin(async move {
                tx.erase_member(guild, member).await?;
                tx.record_audit(guild, moderator, AuditAction::RemoveMember, member, now)
                    .await?;
                Ok(())
            })
        })
        .await
    }
}
