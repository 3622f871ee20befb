//! Inviting, accepting, ignoring and withdrawing: the rules of invitations.

use std::sync::Arc;

use super::connections::connect;
use super::graph::GuildGraph;
use super::memory::{GuildMemory, Memory, read};
use super::model::GuildLimits;
use super::notify::{Notification, NotificationEvent};
use super::{
    ConnectedVia, Connection, GuildId, INVITE_WINDOW, InvitationEntry, InvitationSide,
    InviteOutcome, InvitePolicy, MemberId, MemberSettings, Network, NetworkError, Note, Page,
    PageRequest, REINVITE_AFTER_WITHDRAW, Timestamp, Withdrawn, not_self,
};
use crate::store::{ReadTx, WriteTx};

impl Network {
    /// `from` invites `to` to connect, with an optional "how we met" note.
    ///
    /// If `to` had already invited `from`, this accepts that invitation instead; if `to`
    /// auto-accepts, they connect at once. Refusals on `to`'s side are all the same
    /// [`NetworkError::NotInvitable`].
    pub async fn invite(
        &self,
        guild: GuildId,
        from: MemberId,
        to: MemberId,
        note: Option<&str>,
    ) -> Result<InviteOutcome, NetworkError> {
        not_self(from, to)?;
        let note = Note::parse(note)?;
        // The graph answers "do they share a connection" (the `mutuals` setting) without SQL.
        let state = self.memory(guild).await?;
        let memory = Arc::clone(&self.memory);
        self.write(move |tx, now| invite(tx, &memory, &state, guild, from, to, note, now))
            .await
    }

    /// `invitee` accepts `inviter`'s invitation. An ignored invitation can still be accepted.
    pub async fn accept(
        &self,
        guild: GuildId,
        invitee: MemberId,
        inviter: MemberId,
    ) -> Result<Connection, NetworkError> {
        not_self(invitee, inviter)?;
        let state = self.memory(guild).await?;
        let memory = Arc::clone(&self.memory);
        self.write(move |tx, now| accept(tx, &memory, &state, guild, invitee, inviter, now))
            .await
    }

    /// `invitee` ignores `inviter`'s invitation: it leaves the invitee's inbox. The inviter is
    /// not told; for them it stays pending. Ignoring twice is harmless.
    pub async fn ignore(
        &self,
        guild: GuildId,
        invitee: MemberId,
        inviter: MemberId,
    ) -> Result<(), NetworkError> {
        not_self(invitee, inviter)?;
        self.write(move |tx, now| {
            if tx.mark_ignored(guild, inviter, invitee, now)? {
                Ok(())
            } else {
                Err(NetworkError::NoInvitationReceived)
            }
        })
        .await
    }

    /// `inviter` withdraws their invitation to `invitee`, and may not invite them again for
    /// [`REINVITE_AFTER_WITHDRAW`]. The invitee is not told.
    pub async fn withdraw(
        &self,
        guild: GuildId,
        inviter: MemberId,
        invitee: MemberId,
    ) -> Result<Withdrawn, NetworkError> {
        not_self(inviter, invitee)?;
        self.write(move |tx, now| {
            if !tx.delete_invitation(guild, inviter, invitee)? {
                return Err(NetworkError::NoInvitationSent);
            }
            tx.record_withdrawal(guild, inviter, invitee, now)?;
            Ok(Withdrawn {
                can_invite_again_at: now.plus(REINVITE_AFTER_WITHDRAW),
            })
        })
        .await
    }

    /// A page of `member`'s received (inbox) or sent invitations, newest first.
    pub async fn invitations(
        &self,
        guild: GuildId,
        member: MemberId,
        side: InvitationSide,
        page: PageRequest,
    ) -> Result<Page<InvitationEntry>, NetworkError> {
        self.read(move |tx, _| Ok(tx.invitations_page(guild, member, side, page)?))
            .await
    }
}

#[allow(clippy::too_many_arguments)] // the operation's inputs, passed straight through once
fn invite(
    tx: &WriteTx<'_>,
    memory: &Arc<Memory>,
    state: &GuildMemory,
    guild: GuildId,
    from: MemberId,
    to: MemberId,
    note: Option<Note>,
    now: Timestamp,
) -> Result<InviteOutcome, NetworkError> {
    let graph = read(&state.graph);
    if already_connected(tx, state, &graph, guild, from, to)? {
        return Err(NetworkError::AlreadyConnected);
    }
    // Each member's row is read once, here, for everything below.
    let inviter = tx.ensure_member(guild, from, now)?;
    let invitee = tx.ensure_member(guild, to, now)?.settings;
    if tx.has_invitation(guild, from, to)? {
        return Err(NetworkError::InvitationAlreadyPending);
    }
    let limits = *read(&state.limits);
    // Taking `to`'s invitation, if there is one, is the check (a refusal below rolls it back).
    if tx.delete_invitation(guild, to, from)? {
        // Both want the connection: inviting someone who invited you accepts their invitation.
        // It was `to` who asked first, so their own settings and removals are moot; only the
        // caps still apply.
        if at_cap(&graph, from, limits) || at_cap(&graph, to, limits) {
            return Err(NetworkError::NotInvitable);
        }
        let (since, restored) = connect(tx, memory, guild, (from, to), now)?;
        return Ok(InviteOutcome::Connected(Connection {
            peer: to,
            since,
            restored,
            via: ConnectedVia::MutualInvitation,
            notification: notify(
                guild,
                to,
                invitee,
                NotificationEvent::InvitationAccepted { by: from },
            ),
        }));
    }
    if inviter.suspended_since.is_some() {
        return Err(NetworkError::SendingSuspended);
    }
    ensure_invitable(tx, &graph, guild, from, to, invitee, limits)?;
    ensure_no_recent_withdrawal(tx, guild, from, to, now)?;
    ensure_under_weekly_limit(tx, guild, from, limits, now)?;
    tx.record_send(guild, from, now, now.minus(INVITE_WINDOW))?;
    if invitee.auto_accept {
        let (since, restored) = connect(tx, memory, guild, (from, to), now)?;
        return Ok(InviteOutcome::Connected(Connection {
            peer: to,
            since,
            restored,
            via: ConnectedVia::AutoAccepted,
            notification: notify(
                guild,
                to,
                invitee,
                NotificationEvent::AutoAccepted { with: from },
            ),
        }));
    }
    tx.insert_invitation(guild, from, to, note.as_ref(), now)?;
    Ok(InviteOutcome::Sent {
        notification: notify(
            guild,
            to,
            invitee,
            NotificationEvent::InvitationReceived { from, note },
        ),
    })
}

fn accept(
    tx: &WriteTx<'_>,
    memory: &Arc<Memory>,
    state: &GuildMemory,
    guild: GuildId,
    invitee: MemberId,
    inviter: MemberId,
    now: Timestamp,
) -> Result<Connection, NetworkError> {
    // Read, not kept: `connect` only registers the graph's update for after the commit.
    let graph = read(&state.graph);
    // Taking the invitation is the check that it stands (a refusal below rolls it back).
    if !tx.delete_invitation(guild, inviter, invitee)? {
        // A second click on "Accept" lands here: say what is true, change nothing.
        return Err(
            if already_connected(tx, state, &graph, guild, invitee, inviter)? {
                NetworkError::AlreadyConnected
            } else {
                NetworkError::NoInvitationReceived
            },
        );
    }
    let limits = *read(&state.limits);
    if at_cap(&graph, invitee, limits) {
        return Err(NetworkError::ConnectionCapReached {
            cap: limits.connection_cap,
        });
    }
    if at_cap(&graph, inviter, limits) {
        return Err(NetworkError::InvitationUnavailable);
    }
    let (since, restored) = connect(tx, memory, guild, (invitee, inviter), now)?;
    let settings = tx.settings(guild, inviter)?;
    Ok(Connection {
        peer: inviter,
        since,
        restored,
        via: ConnectedVia::Accepted,
        notification: notify(
            guild,
            inviter,
            settings,
            NotificationEvent::InvitationAccepted { by: invitee },
        ),
    })
}

/// Whether the two are connected. The graph answers with a binary search where the database
/// would scan one member's connections (they are keyed newest first, not by peer); it leaves
/// out a banned member's connections, so for a banned member the database answers.
fn already_connected(
    tx: &ReadTx<'_>,
    state: &GuildMemory,
    graph: &GuildGraph,
    guild: GuildId,
    a: MemberId,
    b: MemberId,
) -> Result<bool, NetworkError> {
    if graph.are_connected(a, b) {
        return Ok(true);
    }
    let banned = read(&state.banned);
    if banned.contains(&a) || banned.contains(&b) {
        return Ok(tx.connected_since(guild, a, b)?.is_some());
    }
    Ok(false)
}

/// The neutral refusal: every reason on the invitee's side, and the caps, collapse into one
/// [`NetworkError::NotInvitable`], so the inviter cannot tell which applied.
pub(super) fn ensure_invitable(
    tx: &ReadTx<'_>,
    graph: &GuildGraph,
    guild: GuildId,
    from: MemberId,
    to: MemberId,
    invitee: MemberSettings,
    limits: GuildLimits,
) -> Result<(), NetworkError> {
    let removed_by_invitee = tx.removed_connection_since(guild, to, from)?.is_some();
    let refused = removed_by_invitee
        || tx.is_blocked(guild, to, from)?
        || match invitee.invite_policy {
            InvitePolicy::Everyone => false,
            InvitePolicy::Nobody => true,
            InvitePolicy::Mutuals => graph.mutuals(from, to, 0).count == 0,
        }
        || at_cap(graph, from, limits)
        || at_cap(graph, to, limits);
    if refused {
        Err(NetworkError::NotInvitable)
    } else {
        Ok(())
    }
}

pub(super) fn ensure_no_recent_withdrawal(
    tx: &ReadTx<'_>,
    guild: GuildId,
    from: MemberId,
    to: MemberId,
    now: Timestamp,
) -> Result<(), NetworkError> {
    match tx.last_withdrawal(guild, from, to)? {
        Some(withdrawn) if now < withdrawn.plus(REINVITE_AFTER_WITHDRAW) => {
            Err(NetworkError::WithdrawCooldown {
                retry_after: now.until(withdrawn.plus(REINVITE_AFTER_WITHDRAW)),
            })
        }
        _ => Ok(()),
    }
}

/// At most `invites_per_week` sends in any rolling [`INVITE_WINDOW`]. When refused, the wait
/// is until enough of the window's sends have aged out to leave one slot free.
fn ensure_under_weekly_limit(
    tx: &ReadTx<'_>,
    guild: GuildId,
    from: MemberId,
    limits: GuildLimits,
    now: Timestamp,
) -> Result<(), NetworkError> {
    let window_start = now.minus(INVITE_WINDOW);
    let sent = tx.sends_after(guild, from, window_start)?;
    let limit = limits.invites_per_week;
    if sent < limit {
        return Ok(());
    }
    // With `sent` ≥ `limit`, a slot frees when the (sent - limit)-th oldest send leaves.
    let freeing = tx
        .nth_send_after(guild, from, window_start, sent - limit)?
        .unwrap_or(now);
    Err(NetworkError::WeeklyInviteLimit {
        limit,
        retry_after: now.until(freeing.plus(INVITE_WINDOW)),
    })
}

/// Invitations the member may still send in the current window.
pub(super) fn invitations_left(
    tx: &ReadTx<'_>,
    guild: GuildId,
    member: MemberId,
    now: Timestamp,
) -> Result<u32, NetworkError> {
    let limit = tx.limits(guild)?.invites_per_week;
    let sent = tx.sends_after(guild, member, now.minus(INVITE_WINDOW))?;
    Ok(limit.saturating_sub(sent))
}

/// Whether the member has as many connections as the server allows. Read from the in-memory
/// graph, which the write lock keeps exactly in step with the database (a banned member's
/// connections do not count while they are banned).
fn at_cap(graph: &GuildGraph, member: MemberId, limits: GuildLimits) -> bool {
    graph.connection_count(member) >= limits.connection_cap as usize
}

/// A notification for `recipient`, if they take DM notifications.
fn notify(
    guild: GuildId,
    recipient: MemberId,
    settings: MemberSettings,
    event: NotificationEvent,
) -> Option<Notification> {
    settings
        .dm_notifications
        .then(|| Notification::new(guild, recipient, event))
}
