//! The values the network is made of and hands out: notes, tags, settings, limits, list entries.
//! Constructors validate, so a value of these types is always within the rules.

use super::NetworkError;
use super::ids::MemberId;
use super::profile::ProfileVisibility;
use super::time::Timestamp;

pub const MAX_NOTE_CHARS: usize = 300;
pub const MAX_TAG_CHARS: usize = 32;
pub const MAX_TAGS_PER_CONNECTION: usize = 20;

/// The optional "how we met" note on an invitation: trimmed, non-empty, at most
/// [`MAX_NOTE_CHARS`] characters. A longer note is refused, never silently cut.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note(String);

impl Note {
    /// `None` or a blank text mean "no note".
    pub fn parse(text: Option<&str>) -> Result<Option<Note>, NetworkError> {
        let Some(trimmed) = text.map(str::trim).filter(|t| !t.is_empty()) else {
            return Ok(None);
        };
        let chars = trimmed.chars().count();
        if chars > MAX_NOTE_CHARS {
            return Err(NetworkError::NoteTooLong { chars });
        }
        Ok(Some(Note(trimmed.to_owned())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// For the store, which only reads back notes it was given through [`Note::parse`].
    pub(crate) fn from_stored(text: String) -> Self {
        Note(text)
    }
}

/// A private label a member puts on one of their connections ("met at RustConf").
/// Compared case-insensitively by the store.
// Serialized only in the change log, as the text stored (read back like `from_stored`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Tag(String);

impl Tag {
    pub fn parse(text: &str) -> Result<Tag, NetworkError> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err(NetworkError::TagEmpty);
        }
        if trimmed.chars().count() > MAX_TAG_CHARS {
            return Err(NetworkError::TagTooLong);
        }
        Ok(Tag(trimmed.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub(crate) fn from_stored(text: String) -> Self {
        Tag(text)
    }
}

/// Who may send a member an invitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InvitePolicy {
    #[default]
    Everyone,
    /// Only people who share at least one connection with the member.
    Mutuals,
    Nobody,
}

impl InvitePolicy {
    pub const ALL: [InvitePolicy; 3] = [Self::Everyone, Self::Mutuals, Self::Nobody];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Everyone => "everyone",
            Self::Mutuals => "mutuals",
            Self::Nobody => "nobody",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == text)
    }
}

/// A member's own settings in one server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemberSettings {
    pub invite_policy: InvitePolicy,
    /// An "open networker": invitations that pass the rules connect at once.
    pub auto_accept: bool,
    /// Whether invitations and acceptances are sent to the member by DM.
    pub dm_notifications: bool,
    /// Who sees the member's profile card (and finds them in people search).
    pub profile_visibility: ProfileVisibility,
}

impl Default for MemberSettings {
    fn default() -> Self {
        Self {
            invite_policy: InvitePolicy::Everyone,
            auto_accept: false,
            dm_notifications: true,
            profile_visibility: ProfileVisibility::Everyone,
        }
    }
}

/// What the write path reads of a member's own row: their settings, and since when they may not
/// send invitations if they are suspended.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MemberRecord {
    pub settings: MemberSettings,
    pub suspended_since: Option<Timestamp>,
}

/// A change to some of a member's settings; `None` leaves a setting as it is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SettingsUpdate {
    pub invite_policy: Option<InvitePolicy>,
    pub auto_accept: Option<bool>,
    pub dm_notifications: Option<bool>,
    pub profile_visibility: Option<ProfileVisibility>,
}

impl SettingsUpdate {
    pub fn applied_to(self, current: MemberSettings) -> MemberSettings {
        MemberSettings {
            invite_policy: self.invite_policy.unwrap_or(current.invite_policy),
            auto_accept: self.auto_accept.unwrap_or(current.auto_accept),
            dm_notifications: self.dm_notifications.unwrap_or(current.dm_notifications),
            profile_visibility: self
                .profile_visibility
                .unwrap_or(current.profile_visibility),
        }
    }
}

/// A server's limits against invitation spam and runaway networks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct GuildLimits {
    /// Invitations one member may send in any rolling 7 days.
    pub invites_per_week: u32,
    /// Connections one member may have.
    pub connection_cap: u32,
    /// "I don't know this person" reports in 30 days that suspend a sender of invitations.
    pub reports_to_suspend: u32,
    /// Whether members may put Discord invite links on their profiles. Absent from changes
    /// logged before profiles existed: off, the default.
    #[serde(default)]
    pub allow_invite_links: bool,
}

impl GuildLimits {
    pub const INVITES_PER_WEEK_RANGE: (u32, u32) = (1, 10_000);
    pub const CONNECTION_CAP_RANGE: (u32, u32) = (1, 1_000_000);
    pub const REPORTS_TO_SUSPEND_RANGE: (u32, u32) = (1, 100);
}

impl Default for GuildLimits {
    fn default() -> Self {
        Self {
            invites_per_week: 100,
            connection_cap: 30_000,
            reports_to_suspend: 5,
            allow_invite_links: false,
        }
    }
}

/// A moderator's change to some of the limits; `None` leaves a limit as it is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LimitsUpdate {
    pub invites_per_week: Option<u32>,
    pub connection_cap: Option<u32>,
    pub reports_to_suspend: Option<u32>,
    pub allow_invite_links: Option<bool>,
}

impl LimitsUpdate {
    pub fn applied_to(self, current: GuildLimits) -> Result<GuildLimits, NetworkError> {
        let checked = |value: Option<u32>, current: u32, (min, max): (u32, u32)| match value {
            Some(v) if !(min..=max).contains(&v) => Err(NetworkError::LimitOutOfRange { min, max }),
            Some(v) => Ok(v),
            None => Ok(current),
        };
        Ok(GuildLimits {
            invites_per_week: checked(
                self.invites_per_week,
                current.invites_per_week,
                GuildLimits::INVITES_PER_WEEK_RANGE,
            )?,
            connection_cap: checked(
                self.connection_cap,
                current.connection_cap,
                GuildLimits::CONNECTION_CAP_RANGE,
            )?,
            reports_to_suspend: checked(
                self.reports_to_suspend,
                current.reports_to_suspend,
                GuildLimits::REPORTS_TO_SUSPEND_RANGE,
            )?,
            allow_invite_links: self
                .allow_invite_links
                .unwrap_or(current.allow_invite_links),
        })
    }
}

/// The names a member was last seen with, for lists and name search.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct MemberNames {
    /// The name shown in the server (nickname, else global name, else username).
    pub display_name: String,
    pub username: String,
}

impl MemberNames {
    /// The lower-cased text a name search looks in. Lower-cased here, in Rust, because SQLite's
    /// own `lower()` and `LIKE` only fold ASCII.
    pub fn search_key(&self) -> String {
        format!("{}\n{}", self.display_name, self.username).to_lowercase()
    }
}

/// Which slice of a list to return. `limit` is capped at [`PageRequest::MAX_LIMIT`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    pub offset: u32,
    pub limit: u32,
}

impl PageRequest {
    pub const MAX_LIMIT: u32 = 100;

    pub fn first(limit: u32) -> Self {
        Self { offset: 0, limit }
    }

    pub(crate) fn clamped_limit(self) -> u32 {
        self.limit.clamp(1, Self::MAX_LIMIT)
    }
}

/// One page of a list, newest first, and whether more follow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub has_more: bool,
}

/// A position in a member's connections, which are ordered newest first (ties by member id).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConnectionCursor {
    pub since: Timestamp,
    pub peer: MemberId,
}

/// Where a page of connections starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PagePosition {
    First,
    /// The page just after this entry (older connections).
    After(ConnectionCursor),
    /// The page just before this entry (newer connections).
    Before(ConnectionCursor),
}

/// A page of connections to fetch. Pages are found by position (keyset paging), not by count
/// of skipped rows, so page 300 of a hub's list costs what page 1 does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConnectionWindow {
    pub position: PagePosition,
    pub limit: u32,
}

impl ConnectionWindow {
    pub fn first(limit: u32) -> Self {
        Self {
            position: PagePosition::First,
            limit,
        }
    }

    pub fn after(cursor: ConnectionCursor, limit: u32) -> Self {
        Self {
            position: PagePosition::After(cursor),
            limit,
        }
    }

    pub fn before(cursor: ConnectionCursor, limit: u32) -> Self {
        Self {
            position: PagePosition::Before(cursor),
            limit,
        }
    }

    pub(crate) fn clamped_limit(self) -> u32 {
        self.limit.clamp(1, PageRequest::MAX_LIMIT)
    }
}

/// A page of connections, newest first, and whether there are pages on either side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectionPage {
    pub items: Vec<ConnectionEntry>,
    pub has_previous: bool,
    pub has_next: bool,
}

impl ConnectionPage {
    /// The cursor for "Previous".
    pub fn first_cursor(&self) -> Option<ConnectionCursor> {
        self.items.first().map(ConnectionEntry::cursor)
    }

    /// The cursor for "Next".
    pub fn last_cursor(&self) -> Option<ConnectionCursor> {
        self.items.last().map(ConnectionEntry::cursor)
    }
}

/// Filters for a member's list of connections.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConnectionFilter {
    /// Case-insensitive, anywhere in the display name or username.
    pub name_contains: Option<String>,
    /// Only connections the member tagged with this tag.
    pub tag: Option<Tag>,
}

/// A connection as its owner sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectionEntry {
    pub peer: MemberId,
    pub since: Timestamp,
    /// `None` until the peer has been seen by the bot.
    pub names: Option<MemberNames>,
    /// The owner's private tags on this connection, in alphabetical order.
    pub tags: Vec<Tag>,
}

/// Which side of a member's invitations to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvitationSide {
    /// Invitations to the member, still in their inbox (not ignored).
    Received,
    /// Invitations from the member that still stand (ignored ones included: the inviter is
    /// never told that an invitation was ignored).
    Sent,
}

impl ConnectionEntry {
    pub fn cursor(&self) -> ConnectionCursor {
        ConnectionCursor {
            since: self.since,
            peer: self.peer,
        }
    }
}

/// A pending invitation, from either side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvitationEntry {
    pub inviter: MemberId,
    pub invitee: MemberId,
    pub note: Option<Note>,
    pub sent_at: Timestamp,
    /// The other side's names, if seen.
    pub other_names: Option<MemberNames>,
}

/// A server's network in figures, for its moderators. Nothing here concerns two members.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NetworkStats {
    /// Members who have taken part (invited, been invited, or used a command).
    pub members: u32,
    pub connections: u64,
    pub pending_invitations: u32,
    pub invitations_sent_last_7_days: u32,
    pub median_connections: u32,
    pub max_connections: u32,
}

/// One week's invitations on a server, for the moderators' chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvitationWeek {
    /// When the week began (weeks are counted from the Unix epoch, so they begin on Thursdays,
    /// 00:00 UTC).
    pub week_start: Timestamp,
    pub sent: u32,
    pub accepted: u32,
    pub ignored: u32,
}

/// What the moderators' chart shows (see `Network::stats_with_history`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatsHistory {
    /// Every member's number of connections, members without any included (as 0), fewest
    /// first.
    pub connections_per_member: Vec<u32>,
    /// The last weeks, oldest first.
    pub weeks: Vec<InvitationWeek>,
}

/// A member in the moderators' report queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportedMember {
    pub member: MemberId,
    /// "I don't know this person" reports in the last 30 days (since their last restore).
    pub recent_reports: u32,
    pub suspended_since: Option<Timestamp>,
}

/// Counts for a member's own profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemberCounts {
    pub connections: u32,
    /// Invitations waiting in the member's inbox (ignored ones are gone from it).
    pub invitations_received: u32,
    /// Invitations the member sent that still stand (ignored ones included: the inviter is not told).
    pub invitations_sent: u32,
    pub invitations_left_this_week: u32,
}

/// What a moderator did, as the audit log records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditAction {
    RemoveMember,
    Restore,
    ClearProfile,
}

impl AuditAction {
    /// The action's stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::RemoveMember => "remove_member",
            Self::Restore => "restore",
            Self::ClearProfile => "clear_profile",
        }
    }
}

/// What a store counts for `/network stats`; the network derives the figures from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatsFigures {
    /// Members who have taken part.
    pub members: u32,
    /// Each connected member's number of connections, in no particular order.
    pub connections_per_member: Vec<u32>,
    pub pending_invitations: u32,
    pub invitations_sent_since: u32,
}

impl StatsFigures {
    /// The figures, and every member's number of connections — members without any counted,
    /// as 0 — fewest first (the median is read from them).
    pub(crate) fn summarized(self) -> (NetworkStats, Vec<u32>) {
        let mut per_member = self.connections_per_member;
        let total: u64 = per_member.iter().map(|&n| u64::from(n)).sum();
        let max = per_member.iter().copied().max().unwrap_or(0);
        per_member.resize(per_member.len().max(self.members as usize), 0);
        per_member.sort_unstable();
        let median = per_member.get(per_member.len() / 2).copied().unwrap_or(0);
        let stats = NetworkStats {
            members: self.members,
            connections: total / 2,
            pending_invitations: self.pending_invitations,
            invitations_sent_last_7_days: self.invitations_sent_since,
            median_connections: median,
            max_connections: max,
        };
        (stats, per_member)
    }
}

impl From<StatsFigures> for NetworkStats {
    fn from(figures: StatsFigures) -> Self {
        figures.summarized().0
    }
}

/// What the database says about one member inviting another, read in one go: everything on
/// the invitee's side that can refuse it, and what stands between the two.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Invitability {
    /// An invitation stands between them, either way.
    pub pending_either_way: bool,
    /// The invitee's settings (the defaults for a member never seen).
    pub invitee_settings: MemberSettings,
    /// The invitee removed their connection with the inviter.
    pub removed_by_invitee: bool,
    /// The invitee said they don't know the inviter.
    pub blocked_by_invitee: bool,
    /// When the inviter last withdrew an invitation to the invitee.
    pub last_withdrawal: Option<Timestamp>,
}

/// Everything an invitation from one member to another is decided on, read at once (one round
/// trip on PostgreSQL): after it, the write path only writes. Read under the server's write
/// serialization, so it stays true until the transaction ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvitationFacts {
    pub inviter: MemberRecord,
    pub invitee: MemberRecord,
    /// The inviter has already invited the invitee.
    pub already_invited: bool,
    /// The invitee has invited the inviter: inviting back accepts that invitation.
    pub invited_back: bool,
    /// Everything on the invitee's side that can refuse the invitation.
    pub invitability: Invitability,
    /// The inviter's sends inside the current window.
    pub sends_in_window: u32,
    /// When a connection between the two began, if one of them removed it (connecting again
    /// restores it).
    pub removed_connection: Option<Timestamp>,
}

/// Everything accepting an invitation is decided on, read at once, like [`InvitationFacts`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AcceptanceFacts {
    /// The invitation stands (ignored or not).
    pub invitation_stands: bool,
    /// The inviter's settings (whether to tell them).
    pub inviter_settings: MemberSettings,
    /// When a connection between the two began, if one of them removed it.
    pub removed_connection: Option<Timestamp>,
}
