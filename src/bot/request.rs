//! Typed requests: what a person asked for, with ids parsed and targets checked. Everything
//! below this point works with these, never with raw interactions.

use super::custom_id::ComponentAction;
use crate::network::{
    GuildId, InvitationSide, LimitsUpdate, MemberId, MemberNames, PeopleFilter, ProfileDraft,
    SettingsUpdate,
};

/// The member who acted, in the server they acted in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub guild: GuildId,
    pub member: MemberId,
}

/// A member the command is about: known to be a member of the server and not a bot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    pub member: MemberId,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// `/invite`, or "Invite to connect" on a profile.
    Invite {
        actor: Actor,
        target: Target,
        note: Option<String>,
    },
    /// `/connect`: accept the target's invitation.
    Connect { actor: Actor, target: Target },
    /// `/disconnect`, or "Remove connection" on a profile: asks for confirmation first.
    Disconnect { actor: Actor, target: Target },
    /// `/connections`: the actor's list, maybe searched by name and filtered by tag.
    Connections {
        actor: Actor,
        search: Option<String>,
        tag: Option<String>,
    },
    /// `/invitations`: one side of the actor's invitations.
    Invitations { actor: Actor, side: InvitationSide },
    /// `/profile view`, or "View network profile": another member's card, or the actor's own
    /// (`None`), with the avatar Discord showed us.
    Profile {
        actor: Actor,
        target: Option<Target>,
        avatar: Option<String>,
    },
    /// `/profile edit`: the form.
    EditProfile { actor: Actor },
    /// The form submitted (by its owner, checked).
    SaveProfile {
        guild: GuildId,
        member: MemberId,
        draft: ProfileDraft,
    },
    /// `/people`.
    People { actor: Actor, filter: PeopleFilter },
    /// Autocomplete of a skill being typed.
    SkillChoices { actor: Actor, typed: String },
    /// `/tag add` and `/tag remove`.
    Tag {
        actor: Actor,
        target: Target,
        tag: String,
        add: bool,
    },
    /// Autocomplete of a tag being typed.
    TagChoices { actor: Actor, typed: String },
    /// `/suggestions`: people you may know.
    Suggestions { actor: Actor },
    /// `/map`: the picture of the actor's network.
    Map {
        actor: Actor,
        second_degree: bool,
        tag: Option<String>,
    },
    /// `/settings`: show, and change what was given.
    Settings {
        actor: Actor,
        update: SettingsUpdate,
    },
    /// `/mydata export` (true) or `/mydata delete` (false, which asks first).
    MyData { actor: Actor, export: bool },
    /// `/network …`, from a member the parser checked can manage the server.
    Moderate { actor: Actor, action: Moderation },
    /// A moderator's Restore button, likewise checked.
    Restore {
        guild: GuildId,
        moderator: MemberId,
        member: MemberId,
    },
    /// A moderator confirms erasing a member's data, likewise checked.
    ConfirmRemoveMember {
        guild: GuildId,
        moderator: MemberId,
        member: MemberId,
    },
    /// A moderator's command or button, used by someone who cannot manage the server.
    NotModerator,
    /// A button, already checked to belong to the person who clicked it.
    Button(ComponentAction),
    /// Options picked from a menu, likewise checked.
    Pick {
        action: ComponentAction,
        values: Vec<String>,
    },
}

impl Request {
    /// The server the request is about (a DM click names it in its custom id).
    pub fn guild(&self) -> Option<GuildId> {
        match self {
            Request::Invite { actor, .. }
            | Request::Connect { actor, .. }
            | Request::Disconnect { actor, .. }
            | Request::Connections { actor, .. }
            | Request::Invitations { actor, .. }
            | Request::Profile { actor, .. }
            | Request::EditProfile { actor }
            | Request::People { actor, .. }
            | Request::SkillChoices { actor, .. }
            | Request::Tag { actor, .. }
            | Request::TagChoices { actor, .. }
            | Request::Suggestions { actor }
            | Request::Map { actor, .. }
            | Request::Settings { actor, .. }
            | Request::MyData { actor, .. }
            | Request::Moderate { actor, .. } => Some(actor.guild),
            Request::Restore { guild, .. }
            | Request::ConfirmRemoveMember { guild, .. }
            | Request::SaveProfile { guild, .. } => Some(*guild),
            Request::Button(action) | Request::Pick { action, .. } => Some(action.guild()),
            Request::NotModerator => None,
        }
    }
}

/// What a moderator asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Moderation {
    Stats,
    /// Show the limits, changing those given.
    Limits(LimitsUpdate),
    Reports,
    /// Erase a member's network data (asks first).
    RemoveMember(Target),
    /// Clear a member's profile, leaving their network.
    ClearProfile(Target),
}

/// A request, and the names of the members it showed us (for the member directory).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub request: Request,
    pub seen: Vec<Seen>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    pub guild: GuildId,
    pub member: MemberId,
    pub names: MemberNames,
}

/// Why an interaction could not become a request. `Display` is what the person sees.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    #[error("This command only works in a server.")]
    NotInServer,
    #[error("Bots can't be part of your network.")]
    BotTarget,
    #[error("That person isn't a member of this server.")]
    NotAMember,
    #[error("This button isn't for you.")]
    NotYourButton,
    #[error("That action isn't available anymore.")]
    Unknown,
    /// Discord sent something this version cannot read (a missing option, a bad id).
    #[error("Something was missing from that request. Please try again.")]
    Malformed(&'static str),
}
