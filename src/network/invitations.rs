//! Inviting, accepting, ignoring and withdrawing: the rules of invitations.

use std::sync::Arc;
use std::time::Duration;

use super::connections::connect;
use super::memory::{GuildMemory, read};
use super::model::GuildLimits;
use super::notify::{Notification, NotificationEvent};
use super::port::{ReadTx, StoreError};
use super::tx::Writing;
use super::{
    ConnectedVia, Connection, GuildId, INVITE_WINDOW, Invitability, InvitationEntry,
    InvitationSide, InvitationWeek, InviteOutcome, InvitePolicy, MemberId, MemberSettings, Network,
    NetworkError, Note, Page, PageRequest, REINVITE_AFTER_WITHDRAW, Timestamp, Withdrawn, not_self,
};

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
        self.write_reading_memory(guild, move |tx, now| {
            Box::pin(invite(
                tx,
                Arc::clone(&state),
                guild,
                from,
                to,
                note.clone(),
                now,
            ))
        })
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
        self.write_reading_memory(guild, move |tx, now| {
            Box::pin(accept(tx, Arc::clone(&state), guild, invitee, inviter, now))
        })
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
        self.write(guild, move |tx, now| {
            Box::pin(async move {
                match tx.mark_ignored(guild, inviter, invitee, now).await? {
                    None => Err(NetworkError::NoInvitationReceived),
                    Some(first) => {
                        if first {
                            count(tx, guild, now, Counted::Ignored).await?;
                        }
                        Ok(())
                    }
                }
            })
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
        self.write(guild, move |tx, now| {
            Box::pin(async move {
                if !tx.has_invitation(guild, inviter, invitee).await? {
                    return Err(NetworkError::NoInvitationSent);
                }
                tx.delete_invitation(guild, inviter, invitee).await?;
                tx.record_withdrawal(guild, inviter, invitee, now).await?;
                Ok(Withdrawn {
                    can_invite_again_at: now.plus(REINVITE_AFTER_WITHDRAW),
                })
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
        self.read(move |tx, _| {
            Box::pin(async move { Ok(tx.invitations_page(guild, member, side, page).await?) })
        })
        .await
    }
}

// The write paths below read memory (graph, banned, limits) in short, separate looks: the
// server's write lock, held around the whole transaction and memory's update after it, keeps
// memory exactly as the database stands for the transaction's whole length. From the database
// each reads the facts it decides on in one call, then only writes: on PostgreSQL that is one
// round trip, and the writes go down with the COMMIT.

async fn invite(
    tx: &mut Writing<'_>,
    state: Arc<GuildMemory>,
    guild: GuildId,
    from: MemberId,
    to: MemberId,
    note: Option<Note>,
    now: Timestamp,
) -> Result<InviteOutcome, NetworkError> {
    if already_connected(&mut **tx, &state, guild, from, to).await? {
        return Err(NetworkError::AlreadyConnected);
    }
    let window_start = now.minus(INVITE_WINDOW);
    let facts = tx
        .invitation_facts(guild, from, to, now, window_start)
        .await?;
    if facts.already_invited {
        return Err(NetworkError::InvitationAlreadyPending);
    }
    let limits = *read(&state.limits);
    let invitee = facts.invitee.settings;
    if facts.invited_back {
        // Both want the connection: inviting someone who invited you accepts their invitation.
        // It was `to` who asked first, so their own settings and removals are moot; only the
        // caps still apply.
        if at_cap(&state, from, limits) || at_cap(&state, to, limits) {
            return Err(NetworkError::NotInvitable);
        }
        tx.delete_invitation(guild, to, from).await?;
        let (since, restored) =
            connect(tx, guild, (from, to), facts.removed_connection, now).await?;
        // Their invitation was accepted; this one was never sent.
        count(tx, guild, now, Counted::Accepted).await?;
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
    if facts.inviter.suspended_since.is_some() {
        return Err(NetworkError::SendingSuspended);
    }
    ensure_invitable(
        GraphFacts::of(&state, from, to, limits),
        &facts.invitability,
    )?;
    ensure_no_recent_withdrawal(&facts.invitability, now)?;
    if facts.sends_in_window >= limits.invites_per_week {
        return Err(weekly_limit_reached(
            &mut **tx,
            guild,
            from,
            facts.sends_in_window,
            limits,
            now,
        )
        .await?);
    }
    tx.record_send(guild, from, now, window_start).await?;
    if invitee.auto_accept {
        let (since, restored) =
            connect(tx, guild, (from, to), facts.removed_connection, now).await?;
        count(tx, guild, now, Counted::SentAndAccepted).await?;
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
    tx.insert_invitation(guild, from, to, note.as_ref(), now)
        .await?;
    count(tx, guild, now, Counted::Sent).await?;
    Ok(InviteOutcome::Sent {
        notification: notify(
            guild,
            to,
            invitee,
            NotificationEvent::InvitationReceived { from, note },
        ),
    })
}

async fn accept(
    tx: &mut Writing<'_>,
    state: Arc<GuildMemory>,
    guild: GuildId,
    invitee: MemberId,
    inviter: MemberId,
    now: Timestamp,
) -> Result<Connection, NetworkError> {
    let facts = tx.acceptance_facts(guild, inviter, invitee).await?;
    if !facts.invitation_stands {
        // A second click on "Accept" lands here: say what is true, change nothing.
        return Err(
            if already_connected(&mut **tx, &state, guild, invitee, inviter).await? {
                NetworkError::AlreadyConnected
            } else {
                NetworkError::NoInvitationReceived
            },
        );
    }
    let limits = *read(&state.limits);
    if at_cap(&state, invitee, limits) {
        return Err(NetworkError::ConnectionCapReached {
            cap: limits.connection_cap,
        });
    }
    if at_cap(&state, inviter, limits) {
        return Err(NetworkError::InvitationUnavailable);
    }
    tx.delete_invitation(guild, inviter, invitee).await?;
    let (since, restored) =
        connect(tx, guild, (invitee, inviter), facts.removed_connection, now).await?;
    count(tx, guild, now, Counted::Accepted).await?;
    Ok(Connection {
        peer: inviter,
        since,
        restored,
        via: ConnectedVia::Accepted,
        notification: notify(
            guild,
            inviter,
            facts.inviter_settings,
            NotificationEvent::InvitationAccepted { by: invitee },
        ),
    })
}

/// Whether the two are connected. The graph answers with a binary search where the database
/// would scan one member's connections (they are keyed newest first, not by peer); it leaves
/// out a banned member's connections, so for a banned member the database answers.
async fn already_connected(
    tx: &mut (dyn ReadTx + '_),
    state: &GuildMemory,
    guild: GuildId,
    a: MemberId,
    b: MemberId,
) -> Result<bool, NetworkError> {
    if read(&state.graph).are_connected(a, b) {
        return Ok(true);
    }
    let either_banned = {
        let banned = read(&state.banned);
        banned.contains(&a) || banned.contains(&b)
    };
    if either_banned {
        return Ok(tx.connected_since(guild, a, b).await?.is_some());
    }
    Ok(false)
}

/// What the in-memory graph says about an invitation from `from` to `to`, read in one look.
#[derive(Debug, Clone, Copy)]
pub(super) struct GraphFacts {
    share_a_connection: bool,
    either_at_cap: bool,
}

impl GraphFacts {
    pub(super) fn of(
        state: &GuildMemory,
        from: MemberId,
        to: MemberId,
        limits: GuildLimits,
    ) -> Self {
        let graph = read(&state.graph);
        let cap = limits.connection_cap as usize;
        Self {
            share_a_connection: graph.mutuals(from, to, 0).count > 0,
            either_at_cap: graph.connection_count(from) >= cap || graph.connection_count(to) >= cap,
        }
    }
}

/// The neutral refusal: every reason on the invitee's side, and the caps, collapse into one
/// [`NetworkError::NotInvitable`], so the inviter cannot tell which applied.
pub(super) fn ensure_invitable(
    graph: GraphFacts,
    stored: &Invitability,
) -> Result<(), NetworkError> {
    let refused = graph.either_at_cap
        || match stored.invitee_settings.invite_policy {
            InvitePolicy::Everyone => false,
            InvitePolicy::Nobody => true,
            InvitePolicy::Mutuals => !graph.share_a_connection,
        }
        || stored.removed_by_invitee
        || stored.blocked_by_invitee;
    if refused {
        Err(NetworkError::NotInvitable)
    } else {
        Ok(())
    }
}

/// No invitation again within [`REINVITE_AFTER_WITHDRAW`] of withdrawing one.
pub(super) fn ensure_no_recent_withdrawal(
    stored: &Invitability,
    now: Timestamp,
) -> Result<(), NetworkError> {
    match stored.last_withdrawal {
        Some(withdrawn) if now < withdrawn.plus(REINVITE_AFTER_WITHDRAW) => {
            Err(NetworkError::WithdrawCooldown {
                retry_after: now.until(withdrawn.plus(REINVITE_AFTER_WITHDRAW)),
            })
        }
        _ => Ok(()),
    }
}

/// The refusal when `from` has used the `invites_per_week` sends of the rolling
/// [`INVITE_WINDOW`] (`sent` of them): the wait is until enough of the window's sends have aged
/// out to leave one slot free.
async fn weekly_limit_reached(
    tx: &mut (dyn ReadTx + '_),
    guild: GuildId,
    from: MemberId,
    sent: u32,
    limits: GuildLimits,
    now: Timestamp,
) -> Result<NetworkError, NetworkError> {
    let limit = limits.invites_per_week;
    // With `sent` ≥ `limit`, a slot frees when the (sent - limit)-th oldest send leaves.
    let freeing = tx
        .nth_send_after(guild, from, now.minus(INVITE_WINDOW), sent - limit)
        .await?
        .unwrap_or(now);
    Ok(NetworkError::WeeklyInviteLimit {
        limit,
        retry_after: now.until(freeing.plus(INVITE_WINDOW)),
    })
}

/// Invitations the member may still send in the current window.
pub(super) async fn invitations_left(
    tx: &mut (dyn ReadTx + '_),
    guild: GuildId,
    member: MemberId,
    now: Timestamp,
) -> Result<u32, NetworkError> {
    let limit = tx.limits(guild).await?.invites_per_week;
    let sent = tx
        .sends_after(guild, member, now.minus(INVITE_WINDOW))
        .await?;
    Ok(limit.saturating_sub(sent))
}

/// Whether the member has as many connections as the server allows. Read from the in-memory
/// graph, which the server's write lock keeps exactly in step with the database (a banned
/// member's connections do not count while they are banned).
fn at_cap(state: &GuildMemory, member: MemberId, limits: GuildLimits) -> bool {
    read(&state.graph).connection_count(member) >= limits.connection_cap as usize
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

/// The weeks of the moderators' chart: counted from the Unix epoch, so each begins at 00:00 UTC
/// on a Thursday, the same on every store and in every process.
pub const CHART_WEEK: Duration = Duration::from_secs(7 * 24 * 60 * 60);

/// What happened to an invitation, for the weekly counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Counted {
    Sent,
    /// Sent to a member who accepts every invitation: sent and accepted at once.
    SentAndAccepted,
    Accepted,
    Ignored,
}

/// The week `now` falls in.
pub(crate) fn week_of(now: Timestamp) -> Timestamp {
    let week = CHART_WEEK.as_millis() as i64;
    Timestamp::from_unix_millis(now.unix_millis().div_euclid(week) * week)
}

/// Counts what happened in this week's figures, in the same transaction as the change itself.
pub(crate) async fn count(
    tx: &mut Writing<'_>,
    guild: GuildId,
    now: Timestamp,
    what: Counted,
) -> Result<(), StoreError> {
    let one = |yes: bool| u32::from(yes);
    tx.count_invitations(
        guild,
        InvitationWeek {
            week_start: week_of(now),
            sent: one(matches!(what, Counted::Sent | Counted::SentAndAccepted)),
            accepted: one(matches!(what, Counted::Accepted | Counted::SentAndAccepted)),
            ignored: one(what == Counted::Ignored),
        },
    )
    .await
}
