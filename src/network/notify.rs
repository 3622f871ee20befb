//! What the network tells people, as values the Discord layer delivers.
//!
//! A [`Notification`] can only be made inside this module's parent, by the operations whose
//! news is worth telling (an invitation, an acceptance). Its fields are private and it has no
//! public constructor, so the layers above can deliver notifications but never invent one — and
//! the operations that must stay silent (ignore, withdraw, disconnect) have return types that
//! hold none. "A disconnect notifies nobody" is therefore a property of the types.

use super::ids::{GuildId, MemberId};
use super::model::Note;

/// Something to tell one member, by DM. Only made for members whose DM notifications are on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    guild: GuildId,
    recipient: MemberId,
    event: NotificationEvent,
}

/// What happened, from the recipient's point of view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotificationEvent {
    /// `from` invited the recipient to connect.
    InvitationReceived { from: MemberId, note: Option<Note> },
    /// `by` accepted the recipient's invitation (or invited them back, which is the same).
    InvitationAccepted { by: MemberId },
    /// The recipient auto-accepts invitations, and `with` just invited them: they are connected.
    AutoAccepted { with: MemberId },
}

impl NotificationEvent {
    /// The member the news is about (never the recipient).
    pub fn other_member(&self) -> MemberId {
        match self {
            Self::InvitationReceived { from, .. } => *from,
            Self::InvitationAccepted { by } => *by,
            Self::AutoAccepted { with } => *with,
        }
    }
}

impl Notification {
    pub(super) fn new(guild: GuildId, recipient: MemberId, event: NotificationEvent) -> Self {
        Self {
            guild,
            recipient,
            event,
        }
    }

    /// The server the news is about; DMs have no server of their own.
    pub fn guild(&self) -> GuildId {
        self.guild
    }

    pub fn recipient(&self) -> MemberId {
        self.recipient
    }

    pub fn event(&self) -> &NotificationEvent {
        &self.event
    }
}
