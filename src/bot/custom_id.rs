//! Component state, carried in each button's or menu's `custom_id` so that components keep
//! working after a restart: `hs:<action>:<fields…>`, with the server id always included (a
//! click in a DM has no server). The longest, a connections page, is at most 96 characters;
//! Discord allows 100 (a unit test checks every action at its longest).

use std::fmt;

use crate::network::{ConnectionCursor, GuildId, InvitationSide, MemberId, Timestamp};

/// What a component does, and for whom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ComponentAction {
    /// `invitee` accepts `inviter`'s invitation (from the invitation DM).
    Accept {
        guild: GuildId,
        inviter: MemberId,
        invitee: MemberId,
    },
    /// `invitee` ignores `inviter`'s invitation (from the invitation DM).
    Ignore {
        guild: GuildId,
        inviter: MemberId,
        invitee: MemberId,
    },
    /// `from` invites `to`, replacing the message (offered by /connect and profiles).
    Invite {
        guild: GuildId,
        from: MemberId,
        to: MemberId,
    },
    /// `from` invites `to` from a list of suggestions, which stays as it is.
    InviteSuggested {
        guild: GuildId,
        from: MemberId,
        to: MemberId,
    },
    /// `remover` asks to remove `removed`: leads to the confirmation.
    AskRemove {
        guild: GuildId,
        remover: MemberId,
        removed: MemberId,
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
    /// The "Remove a connection…" menu under `owner`'s list; the choice comes with the click.
    RemovePick { guild: GuildId, owner: MemberId },
    /// Another page of `owner`'s connections, with saved filter `filter` (0: none).
    ConnectionsPage {
        guild: GuildId,
        owner: MemberId,
        filter: u64,
        cursor: ConnectionCursor,
        forward: bool,
    },
    /// A page of `owner`'s received or sent invitations.
    InvitationsPage {
        guild: GuildId,
        owner: MemberId,
        side: InvitationSide,
        offset: u32,
    },
    /// Accept, from the /invitations list (which is shown again, from `offset`).
    ListAccept {
        guild: GuildId,
        inviter: MemberId,
        invitee: MemberId,
        offset: u32,
    },
    /// Ignore, from the /invitations list.
    ListIgnore {
        guild: GuildId,
        inviter: MemberId,
        invitee: MemberId,
        offset: u32,
    },
    /// "I don't know this person", from the invitation DM.
    Report {
        guild: GuildId,
        inviter: MemberId,
        invitee: MemberId,
    },
    /// "I don't know this person", from the /invitations list.
    ListReport {
        guild: GuildId,
        inviter: MemberId,
        invitee: MemberId,
        offset: u32,
    },
    /// `member` confirms erasing their own network data.
    EraseMyData { guild: GuildId, member: MemberId },
    /// A moderator confirms erasing `member`'s network data.
    RemoveMember {
        guild: GuildId,
        moderator: MemberId,
        member: MemberId,
    },
    /// Whoever was asked to confirm something changes their mind.
    Dismiss { guild: GuildId, owner: MemberId },
    /// A moderator lets a suspended `member` send invitations again.
    Restore {
        guild: GuildId,
        moderator: MemberId,
        member: MemberId,
    },
    /// Withdraw, from the list of sent invitations.
    ListWithdraw {
        guild: GuildId,
        inviter: MemberId,
        invitee: MemberId,
        offset: u32,
    },
    /// `member` edits their profile: the button on their card opens the form, and the form's
    /// submission carries the same id.
    EditProfile { guild: GuildId, member: MemberId },
    /// The "Open to" menu under `member`'s saved profile; the choices come with it.
    OpenToPick { guild: GuildId, member: MemberId },
    /// `viewer` opens `member`'s card from a list of people.
    ViewCard {
        guild: GuildId,
        viewer: MemberId,
        member: MemberId,
    },
    /// Another page of `owner`'s people search number `search`, from `offset`.
    PeoplePage {
        guild: GuildId,
        owner: MemberId,
        search: u64,
        offset: u32,
    },
}

const PREFIX: &str = "hs";

impl ComponentAction {
    /// The one member allowed to use this component.
    pub fn owner(self) -> MemberId {
        match self {
            Self::Accept { invitee, .. }
            | Self::Ignore { invitee, .. }
            | Self::ListAccept { invitee, .. }
            | Self::ListIgnore { invitee, .. }
            | Self::Report { invitee, .. }
            | Self::ListReport { invitee, .. } => invitee,
            Self::Restore { moderator, .. } | Self::RemoveMember { moderator, .. } => moderator,
            Self::EraseMyData { member, .. } => member,
            Self::Dismiss { owner, .. } => owner,
            Self::Invite { from, .. } | Self::InviteSuggested { from, .. } => from,
            Self::AskRemove { remover, .. }
            | Self::ConfirmRemove { remover, .. }
            | Self::CancelRemove { remover, .. } => remover,
            Self::RemovePick { owner, .. }
            | Self::ConnectionsPage { owner, .. }
            | Self::InvitationsPage { owner, .. } => owner,
            Self::ListWithdraw { inviter, .. } => inviter,
            Self::EditProfile { member, .. } | Self::OpenToPick { member, .. } => member,
            Self::ViewCard { viewer, .. } => viewer,
            Self::PeoplePage { owner, .. } => owner,
        }
    }

    pub fn guild(self) -> GuildId {
        match self {
            Self::Accept { guild, .. }
            | Self::Ignore { guild, .. }
            | Self::Invite { guild, .. }
            | Self::InviteSuggested { guild, .. }
            | Self::AskRemove { guild, .. }
            | Self::ConfirmRemove { guild, .. }
            | Self::CancelRemove { guild, .. }
            | Self::RemovePick { guild, .. }
            | Self::ConnectionsPage { guild, .. }
            | Self::InvitationsPage { guild, .. }
            | Self::ListAccept { guild, .. }
            | Self::ListIgnore { guild, .. }
            | Self::ListWithdraw { guild, .. }
            | Self::Report { guild, .. }
            | Self::ListReport { guild, .. }
            | Self::Restore { guild, .. }
            | Self::EraseMyData { guild, .. }
            | Self::RemoveMember { guild, .. }
            | Self::Dismiss { guild, .. }
            | Self::EditProfile { guild, .. }
            | Self::OpenToPick { guild, .. }
            | Self::ViewCard { guild, .. }
            | Self::PeoplePage { guild, .. } => guild,
        }
    }

    /// Reads a `custom_id` back; `None` for anything this version did not write.
    pub fn parse(custom_id: &str) -> Option<Self> {
        let mut fields = custom_id.split(':');
        if fields.next()? != PREFIX {
            return None;
        }
        let code = fields.next()?;
        let numbers: Vec<i128> = fields.map(|f| f.parse().ok()).collect::<Option<_>>()?;
        if let Some(action) = Self::parse_plain(code, &numbers) {
            return Some(action);
        }
        match (code, numbers.as_slice()) {
            ("cnext" | "cprev", &[guild, owner, filter, since, peer]) => {
                Some(Self::ConnectionsPage {
                    guild: Field::decode(guild)?,
                    owner: Field::decode(owner)?,
                    filter: u64::try_from(filter).ok()?,
                    cursor: ConnectionCursor {
                        since: Timestamp::from_unix_millis(i64::try_from(since).ok()?),
                        peer: Field::decode(peer)?,
                    },
                    forward: code == "cnext",
                })
            }
            ("inbox" | "sent", &[guild, owner, offset]) => Some(Self::InvitationsPage {
                guild: Field::decode(guild)?,
                owner: Field::decode(owner)?,
                side: if code == "inbox" {
                    InvitationSide::Received
                } else {
                    InvitationSide::Sent
                },
                offset: Field::decode(offset)?,
            }),
            _ => None,
        }
    }
}

/// A number in a `custom_id`, as written and read back.
trait Field: Sized {
    fn encode(self) -> i128;
    fn decode(number: i128) -> Option<Self>;
}

impl Field for GuildId {
    fn encode(self) -> i128 {
        i128::from(self.get())
    }

    fn decode(number: i128) -> Option<Self> {
        GuildId::new(u64::try_from(number).ok()?).ok()
    }
}

impl Field for MemberId {
    fn encode(self) -> i128 {
        i128::from(self.get())
    }

    fn decode(number: i128) -> Option<Self> {
        MemberId::new(u64::try_from(number).ok()?).ok()
    }
}

/// A saved search's number.
impl Field for u64 {
    fn encode(self) -> i128 {
        i128::from(self)
    }

    fn decode(number: i128) -> Option<Self> {
        u64::try_from(number).ok()
    }
}

/// A list offset.
impl Field for u32 {
    fn encode(self) -> i128 {
        i128::from(self)
    }

    fn decode(number: i128) -> Option<Self> {
        u32::try_from(number).ok()
    }
}

/// The actions' codes, and how each is written. The plain actions' fields are the server, then
/// members and offsets in the order listed: one table gives both directions for them, so they
/// cannot disagree. The others are written by the match arms given after them, and read in
/// `ComponentAction::parse`. The generated `parts` is one exhaustive match, so an action
/// missing from both lists does not compile.
macro_rules! component_actions {
    (
        plain { $($code:literal => $variant:ident { $($field:ident),* },)* }
        others { $($others:tt)* }
    ) => {
        impl ComponentAction {
            /// The action's code and its fields, in order.
            fn parts(self) -> (&'static str, Vec<i128>) {
                match self {
                    $(Self::$variant { guild, $($field),* } => {
                        ($code, vec![guild.encode(), $($field.encode()),*])
                    })*
                    $($others)*
                }
            }

            /// A plain action from its code and fields; `None` if the code is none of theirs or
            /// the fields do not fit.
            fn parse_plain(code: &str, numbers: &[i128]) -> Option<Self> {
                let mut numbers = numbers.iter().copied();
                let action = match code {
                    $($code => Self::$variant {
                        guild: Field::decode(numbers.next()?)?,
                        $($field: Field::decode(numbers.next()?)?,)*
                    },)*
                    _ => return None,
                };
                numbers.next().is_none().then_some(action)
            }
        }
    };
}

component_actions! {
    plain {
        "accept" => Accept { inviter, invitee },
        "ignore" => Ignore { inviter, invitee },
        "invite" => Invite { from, to },
        "suggest" => InviteSuggested { from, to },
        "askrm" => AskRemove { remover, removed },
        "remove" => ConfirmRemove { remover, removed },
        "keep" => CancelRemove { remover, removed },
        "rmpick" => RemovePick { owner },
        "lacc" => ListAccept { inviter, invitee, offset },
        "lign" => ListIgnore { inviter, invitee, offset },
        "lwd" => ListWithdraw { inviter, invitee, offset },
        "report" => Report { inviter, invitee },
        "lrep" => ListReport { inviter, invitee, offset },
        "restore" => Restore { moderator, member },
        "erase" => EraseMyData { member },
        "rmmember" => RemoveMember { moderator, member },
        "dismiss" => Dismiss { owner },
        "pedit" => EditProfile { member },
        "opento" => OpenToPick { member },
        "card" => ViewCard { viewer, member },
        "people" => PeoplePage { owner, search, offset },
    }
    others {
        Self::ConnectionsPage {
            guild,
            owner,
            filter,
            cursor,
            forward,
        } => (
            if forward { "cnext" } else { "cprev" },
            vec![
                guild.encode(),
                owner.encode(),
                i128::from(filter),
                i128::from(cursor.since.unix_millis()),
                cursor.peer.encode(),
            ],
        ),
        Self::InvitationsPage {
            guild,
            owner,
            side,
            offset,
        } => (
            match side {
                InvitationSide::Received => "inbox",
                InvitationSide::Sent => "sent",
            },
            vec![guild.encode(), owner.encode(), offset.encode()],
        ),
    }
}

impl fmt::Display for ComponentAction {
    /// The `custom_id`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (code, fields) = self.parts();
        write!(f, "{PREFIX}:{code}")?;
        for field in fields {
            write!(f, ":{field}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every action, with every field at its longest.
    fn longest() -> Vec<ComponentAction> {
        let max = i64::MAX as u64;
        let (guild, a, b) = (
            GuildId::new(max).unwrap(),
            MemberId::new(max - 1).unwrap(),
            MemberId::new(max - 2).unwrap(),
        );
        let cursor = ConnectionCursor {
            since: Timestamp::from_unix_millis(-9_999_999_999_999),
            peer: b,
        };
        vec![
            ComponentAction::Accept {
                guild,
                inviter: a,
                invitee: b,
            },
            ComponentAction::Ignore {
                guild,
                inviter: a,
                invitee: b,
            },
            ComponentAction::Invite {
                guild,
                from: a,
                to: b,
            },
            ComponentAction::InviteSuggested {
                guild,
                from: a,
                to: b,
            },
            ComponentAction::AskRemove {
                guild,
                remover: a,
                removed: b,
            },
            ComponentAction::ConfirmRemove {
                guild,
                remover: a,
                removed: b,
            },
            ComponentAction::CancelRemove {
                guild,
                remover: a,
                removed: b,
            },
            ComponentAction::RemovePick { guild, owner: a },
            ComponentAction::ConnectionsPage {
                guild,
                owner: a,
                filter: 9_999_999_999,
                cursor,
                forward: true,
            },
            ComponentAction::ConnectionsPage {
                guild,
                owner: a,
                filter: 0,
                cursor,
                forward: false,
            },
            ComponentAction::InvitationsPage {
                guild,
                owner: a,
                side: InvitationSide::Received,
                offset: u32::MAX,
            },
            ComponentAction::InvitationsPage {
                guild,
                owner: a,
                side: InvitationSide::Sent,
                offset: 0,
            },
            ComponentAction::ListAccept {
                guild,
                inviter: a,
                invitee: b,
                offset: u32::MAX,
            },
            ComponentAction::ListIgnore {
                guild,
                inviter: a,
                invitee: b,
                offset: 7,
            },
            ComponentAction::ListWithdraw {
                guild,
                inviter: a,
                invitee: b,
                offset: 0,
            },
            ComponentAction::Report {
                guild,
                inviter: a,
                invitee: b,
            },
            ComponentAction::ListReport {
                guild,
                inviter: a,
                invitee: b,
                offset: u32::MAX,
            },
            ComponentAction::Restore {
                guild,
                moderator: a,
                member: b,
            },
            ComponentAction::EraseMyData { guild, member: a },
            ComponentAction::RemoveMember {
                guild,
                moderator: a,
                member: b,
            },
            ComponentAction::Dismiss { guild, owner: a },
            ComponentAction::EditProfile { guild, member: a },
            ComponentAction::OpenToPick { guild, member: a },
            ComponentAction::ViewCard {
                guild,
                viewer: a,
                member: b,
            },
            ComponentAction::PeoplePage {
                guild,
                owner: a,
                search: u64::MAX,
                offset: u32::MAX,
            },
        ]
    }

    /// Buttons live on in old messages: every action's encoding stays exactly as it was
    /// written (codes, field order), not merely something that reads back.
    #[test]
    fn encodings_never_change() {
        let expected = [
            "hs:accept:{g}:{a}:{b}",
            "hs:ignore:{g}:{a}:{b}",
            "hs:invite:{g}:{a}:{b}",
            "hs:suggest:{g}:{a}:{b}",
            "hs:askrm:{g}:{a}:{b}",
            "hs:remove:{g}:{a}:{b}",
            "hs:keep:{g}:{a}:{b}",
            "hs:rmpick:{g}:{a}",
            "hs:cnext:{g}:{a}:9999999999:-9999999999999:{b}",
            "hs:cprev:{g}:{a}:0:-9999999999999:{b}",
            "hs:inbox:{g}:{a}:4294967295",
            "hs:sent:{g}:{a}:0",
            "hs:lacc:{g}:{a}:{b}:4294967295",
            "hs:lign:{g}:{a}:{b}:7",
            "hs:lwd:{g}:{a}:{b}:0",
            "hs:report:{g}:{a}:{b}",
            "hs:lrep:{g}:{a}:{b}:4294967295",
            "hs:restore:{g}:{a}:{b}",
            "hs:erase:{g}:{a}",
            "hs:rmmember:{g}:{a}:{b}",
            "hs:dismiss:{g}:{a}",
            "hs:pedit:{g}:{a}",
            "hs:opento:{g}:{a}",
            "hs:card:{g}:{a}:{b}",
            "hs:people:{g}:{a}:18446744073709551615:4294967295",
        ];
        let (g, a, b) = (i64::MAX, i64::MAX - 1, i64::MAX - 2);
        let written: Vec<String> = longest().iter().map(ToString::to_string).collect();
        let expected: Vec<String> = expected
            .iter()
            .map(|e| {
                e.replace("{g}", &g.to_string())
                    .replace("{a}", &a.to_string())
                    .replace("{b}", &b.to_string())
            })
            .collect();
        assert_eq!(written, expected);
    }

    #[test]
    fn every_action_round_trips_within_discords_100_characters() {
        for action in longest() {
            let id = action.to_string();
            assert!(id.len() <= 100, "{id} is {} characters", id.len());
            assert_eq!(ComponentAction::parse(&id), Some(action), "{id}");
        }
    }

    #[test]
    fn the_owner_is_the_person_the_component_was_made_for() {
        let (guild, a, b) = (
            GuildId::new(1).unwrap(),
            MemberId::new(2).unwrap(),
            MemberId::new(3).unwrap(),
        );
        assert_eq!(
            ComponentAction::Accept {
                guild,
                inviter: a,
                invitee: b
            }
            .owner(),
            b
        );
        assert_eq!(
            ComponentAction::ListAccept {
                guild,
                inviter: a,
                invitee: b,
                offset: 0
            }
            .owner(),
            b
        );
        assert_eq!(
            ComponentAction::Invite {
                guild,
                from: a,
                to: b
            }
            .owner(),
            a
        );
        assert_eq!(
            ComponentAction::ConfirmRemove {
                guild,
                remover: a,
                removed: b
            }
            .owner(),
            a
        );
        assert_eq!(
            ComponentAction::ListWithdraw {
                guild,
                inviter: a,
                invitee: b,
                offset: 0
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
            "hs:inbox:1:2:-1",
            "hs:cnext:1:2:3:4",
        ] {
            assert_eq!(ComponentAction::parse(id), None, "{id}");
        }
    }
}
