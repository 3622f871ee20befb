//! The one error type of the network. Its `Display` is the sentence the person who asked sees,
//! so every message is short, says what happened, and reveals nothing about anyone else.

use std::time::Duration;

use super::model::{MAX_NOTE_CHARS, MAX_TAG_CHARS, MAX_TAGS_PER_CONNECTION};
use super::port::StoreError;
use super::profile::{
    LinkProblem, MAX_ABOUT_CHARS, MAX_HEADLINE_CHARS, MAX_LINK_CHARS, MAX_LINKS, MAX_SKILL_CHARS,
    MAX_SKILLS,
};
use super::time::Wait;

#[derive(Debug, thiserror::Error)]
pub enum NetworkError {
    #[error("That isn't a valid Discord id.")]
    InvalidId,

    #[error("You can't do that with yourself.")]
    SelfTarget,

    #[error("You're already connected with this member.")]
    AlreadyConnected,

    #[error("You've already invited this member; your invitation is still pending.")]
    InvitationAlreadyPending,

    /// The neutral refusal. One unit variant for every reason an invitation is refused on the
    /// invitee's side (they removed you, their settings, either side's connection cap), so that
    /// neither the message nor the value can tell the inviter which reason applied.
    #[error("This member can't be invited at this time.")]
    NotInvitable,

    #[error("Your note is {chars} characters long; a note can have at most {MAX_NOTE_CHARS}.")]
    NoteTooLong { chars: usize },

    #[error(
        "You've sent {limit} invitations in the last 7 days, the most this server allows. \
         You can invite again in {}.", Wait(*retry_after)
    )]
    WeeklyInviteLimit { limit: u32, retry_after: Duration },

    #[error(
        "You withdrew an invitation to this member recently. You can invite them again in {}.",
        Wait(*retry_after)
    )]
    WithdrawCooldown { retry_after: Duration },

    /// The sender is suspended (reported too often as a stranger). Worded without the reason's
    /// details: who reported them is never revealed.
    #[error("You can't send invitations right now.")]
    SendingSuspended,

    #[error("There's no pending invitation from this member.")]
    NoInvitationReceived,

    #[error("You have no pending invitation to this member.")]
    NoInvitationSent,

    #[error("You aren't connected with this member.")]
    NotConnected,

    #[error(
        "You've reached this server's limit of {cap} connections. \
         Remove a connection to make room for a new one."
    )]
    ConnectionCapReached { cap: u32 },

    /// Accepting is refused because the *inviter* is at the cap. Kept apart from
    /// `ConnectionCapReached` (which is about you) and worded without saying why.
    #[error("This invitation can't be accepted right now.")]
    InvitationUnavailable,

    #[error("A tag can't be empty.")]
    TagEmpty,

    #[error("Tags can be at most {MAX_TAG_CHARS} characters long.")]
    TagTooLong,

    #[error("A connection can have at most {MAX_TAGS_PER_CONNECTION} tags.")]
    TooManyTags,

    #[error("That limit must be between {min} and {max}.")]
    LimitOutOfRange { min: u32, max: u32 },

    #[error(
        "Your headline is {chars} characters long; a headline can have at most \
         {MAX_HEADLINE_CHARS}. Nothing was saved."
    )]
    HeadlineTooLong { chars: usize },

    #[error(
        "Your About text is {chars} characters long; it can have at most {MAX_ABOUT_CHARS}. \
         Nothing was saved."
    )]
    AboutTooLong { chars: usize },

    #[error(
        "You listed {count} skills; a profile can have at most {MAX_SKILLS}. Nothing was saved."
    )]
    TooManySkills { count: usize },

    #[error(
        "The skill {} is longer than {MAX_SKILL_CHARS} characters. Nothing was saved.",
        Quoted(skill)
    )]
    SkillTooLong { skill: String },

    #[error("You listed {count} links; a profile can have at most {MAX_LINKS}. Nothing was saved.")]
    TooManyLinks { count: usize },

    #[error("{} {problem} Nothing was saved.", Quoted(link))]
    BadLink { link: String, problem: LinkProblem },

    /// Anything that is our fault, not the user's. The cause is kept for the logs; the person
    /// only sees that it failed.
    #[error("Something went wrong on our side. Please try again in a moment.")]
    Internal(#[from] StoreError),
}

/// What a member typed, shown back inside a code span so that no markdown in it takes effect.
struct Quoted<'a>(&'a str);

impl std::fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "`{}`", self.0.replace('`', "'"))
    }
}

impl std::fmt::Display for LinkProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::TooLong => {
                return write!(f, "is longer than {MAX_LINK_CHARS} characters.");
            }
            Self::HasSpaces => "has spaces in it: a link can't.",
            Self::NotHttps => "doesn't start with https:// (only https links are allowed).",
            Self::NotALink => "isn't a web address.",
            Self::InviteLink => {
                "is a Discord invite; this server's moderators don't allow them on profiles."
            }
        })
    }
}

impl NetworkError {
    /// Whether this error is our fault (and worth logging as one) rather than a refusal.
    pub fn is_internal(&self) -> bool {
        matches!(self, Self::Internal(_))
    }
}
