//! Button state, carried in the button's `custom_id` so buttons keep working after a restart.
//!
//! Format: `hs:<action>:<server>:<first member>:<second member>`, at most 69 characters
//! (Discord allows 100). The server id is included because a click in a DM has no server.

use std::fmt;

use crate::network::{GuildId, MemberId};

/// What a button does, and for whom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ButtonAction {
    /// `invitee` accepts `inviter`'s invitation.
    Accept {
        guild: GuildId,
        inviter: MemberId,
        invitee: MemberId,
    },
    /// `invitee` ignores `inviter`'s invitation.
    Ignore {
        guild: GuildId,
        inviter: MemberId,
        invitee: MemberId,
    },
    /// `from` sends `to` an invitation (offered by /connect when there is nothing to accept).
    Invite {
        guild: GuildId,
        from: MemberId,
        to: MemberId,
    },
    /// `remover` confirms removing `removed`.
    ConfirmRemove {
        guild: GuildId,
        remover: MemberId,
        removed: MemberId,
    },
    /// `remover` changes their mind.
    CancelRemove {
        guild: GuildId,
        remover: MemberId,
        removed: MemberId,
    },
}

const PREFIX: &str = "hs";

impl ButtonAction {
    /// The one member allowed to press this button.
    pub fn owner(self) -> MemberId {
        match self {
            Self::Accept { invitee, .. } | Self::Ignore { invitee, .. } => invitee,
            Self::Invite { from, .. } => from,
            Self::ConfirmRemove { remover, .. } | Self::CancelRemove { remover, .. } => remover,
        }
    }

    pub fn guild(self) -> GuildId {
        match self {
            Self::Accept { guild, .. }
            | Self::Ignore { guild, .. }
            | Self::Invite { guild, .. }
            | Self::ConfirmRemove { guild, .. }
            | Self::CancelRemove { guild, .. } => guild,
        }
    }

    fn parts(self) -> (&'static str, GuildId, MemberId, MemberId) {
        match self {
            Self::Accept {
                guild,
                inviter,
                invitee,
            } => ("accept", guild, inviter, invitee),
            Self::Ignore {
                guild,
                inviter,
                invitee,
            } => ("ignore", guild, inviter, invitee),
            Self::Invite { guild, from, to } => ("invite", guild, from, to),
            Self::ConfirmRemove {
                guild,
                remover,
                removed,
            } => ("remove", guild, remover, removed),
            Self::CancelRemove {
                guild,
                remover,
                removed,
            } => ("keep", guild, remover, removed),
        }
    }

    /// Reads a `custom_id` back; `None` for anything this version did not write.
    pub fn parse(custom_id: &str) -> Option<Self> {
        let mut fields = custom_id.split(':');
        if fields.next()? != PREFIX {
            return None;
        }
        let action = fields.next()?;
        let guild: GuildId = fields.next()?.parse().ok()?;
        let a: MemberId = fields.next()?.parse().ok()?;
        let b: MemberId = fields.next()?.parse().ok()?;
        if fields.next().is_some() {
            return None;
        }
        Some(match action {
            "accept" => Self::Accept {
                guild,
                inviter: a,
                invitee: b,
            },
            "ignore" => Self::Ignore {
                guild,
                inviter: a,
                invitee: b,
            },
            "invite" => Self::Invite {
                guild,
                from: a,
                to: b,
            },
            "remove" => Self::ConfirmRemove {
                guild,
                remover: a,
                removed: b,
            },
            "keep" => Self::CancelRemove {
                guild,
                remover: a,
                removed: b,
            },
            _ => return None,
        })
    }
}

impl fmt::Display for ButtonAction {
    /// The `custom_id`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (action, guild, a, b) = self.parts();
        write!(f, "{PREFIX}:{action}:{guild}:{a}:{b}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids() -> (GuildId, MemberId, MemberId) {
        let max = i64::MAX as u64;
        (
            GuildId::new(max).unwrap(),
            MemberId::new(max - 1).unwrap(),
            MemberId::new(max - 2).unwrap(),
        )
    }

    #[test]
    fn every_action_round_trips_within_discords_100_characters() {
        let (guild, a, b) = ids();
        let actions = [
            ButtonAction::Accept {
                guild,
                inviter: a,
                invitee: b,
            },
            ButtonAction::Ignore {
                guild,
                inviter: a,
                invitee: b,
            },
            ButtonAction::Invite {
                guild,
                from: a,
                to: b,
            },
            ButtonAction::ConfirmRemove {
                guild,
                remover: a,
                removed: b,
            },
            ButtonAction::CancelRemove {
                guild,
                remover: a,
                removed: b,
            },
        ];
        for action in actions {
            let id = action.to_string();
            assert!(id.len() <= 100, "{id} is {} characters", id.len());
            assert_eq!(ButtonAction::parse(&id), Some(action));
        }
    }

    #[test]
    fn the_owner_is_the_person_the_button_was_made_for() {
        let (guild, a, b) = ids();
        assert_eq!(
            ButtonAction::Accept {
                guild,
                inviter: a,
                invitee: b
            }
            .owner(),
            b
        );
        assert_eq!(
            ButtonAction::Invite {
                guild,
                from: a,
                to: b
            }
            .owner(),
            a
        );
        assert_eq!(
            ButtonAction::ConfirmRemove {
                guild,
                remover: a,
                removed: b
            }
            .owner(),
            a
        );
    }

    #[test]
    fn foreign_or_damaged_ids_are_not_understood() {
        for id in [
            "",
            "hs",
            "hs:accept:1:2",
            "hs:accept:1:2:3:4",
            "hs:dance:1:2:3",
            "xx:accept:1:2:3",
            "hs:accept:0:2:3",
            "hs:accept:a:2:3",
        ] {
            assert_eq!(ButtonAction::parse(id), None, "{id}");
        }
    }
}
