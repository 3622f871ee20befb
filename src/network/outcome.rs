//! What the operations return: enough for the caller to reply to the person who acted, plus the
//! notifications the network decided someone else should get — and, for the silent operations,
//! no way to carry one.

use super::ids::MemberId;
use super::notify::Notification;
use super::time::Timestamp;

/// How a connection came about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConnectedVia {
    /// The invitee accepted the invitation.
    Accepted,
    /// The invitee invited the inviter back, which accepts the inviter's invitation.
    MutualInvitation,
    /// The invitee auto-accepts invitations ("open networker").
    AutoAccepted,
}

/// A connection that was just made (or restored).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Connection {
    /// The other member, seen from the one who acted.
    pub peer: MemberId,
    /// When the connection began: now, or the original date if it was restored.
    pub since: Timestamp,
    /// Whether this brought back a connection that one of them had removed.
    pub restored: bool,
    pub via: ConnectedVia,
    /// News for the other member, if their DM notifications are on.
    pub notification: Option<Notification>,
}

/// What came of an invitation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InviteOutcome {
    /// The invitation stands; the invitee is told if their DM notifications are on.
    Sent { notification: Option<Notification> },
    /// The invitation connected them at once (mutual invitation or auto-accept).
    Connected(Connection),
}

/// A withdrawn invitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Withdrawn {
    /// When the inviter may invite that member again.
    pub can_invite_again_at: Timestamp,
}

/// What the remover is told about a disconnect — and all anyone is told.
///
/// There is deliberately no notification here and no way to make one: the removed member is
/// never told (see [`Notification`](super::Notification)).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DisconnectReceipt {
    pub removed: MemberId,
    /// When the connection had begun; it comes back with this date if the remover re-invites
    /// and is accepted.
    pub connected_since: Timestamp,
}
