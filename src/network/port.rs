//! The storage port: what the rules need of a database, in the domain's own types.
//!
//! The network decides every rule; a store only answers questions and records changes, each
//! inside one transaction the network opened. `store/sqlite` and `store/postgres` implement
//! these traits; a third store is a third folder, with no change here or in the rules.
//!
//! Transactions are trait objects with async methods (`async_trait`): PostgreSQL answers over
//! the network, so a query is a future; SQLite answers at once, and its store runs the whole
//! operation on a blocking thread. An operation is a boxed closure that receives the
//! transaction, so the store decides where and how it runs (and opens, commits or rolls back
//! around it) while the rules stay the same code on both.

use std::any::Any;
use std::borrow::Cow;
use std::error::Error;
use std::fmt;

use async_trait::async_trait;
use futures::future::BoxFuture;

use super::changes::{Change, FeedEvent, LoggedWrite};
use super::model::{AuditAction, StatsFigures};
use super::{
    AcceptanceFacts, ConnectionFilter, GuildId, GuildLimits, Invitability, InvitationEntry,
    InvitationFacts, InvitationSide, InvitationWeek, MemberId, MemberNames, MemberRecord,
    MemberRecords, MemberSettings, NetworkError, Note, Page, PageRequest, PeopleFilter, Profile,
    ReportedMember, Tag, Timestamp,
};

/// A failure of the database layer. Opaque on purpose: the rules only need to know that it
/// failed (and the logs the chain of causes), never which driver call it was.
#[derive(Debug, thiserror::Error)]
#[error("{context}")]
pub struct StoreError {
    context: Cow<'static, str>,
    #[source]
    source: Option<Box<dyn Error + Send + Sync + 'static>>,
}

impl StoreError {
    pub fn new(
        context: impl Into<Cow<'static, str>>,
        source: impl Into<Box<dyn Error + Send + Sync + 'static>>,
    ) -> Self {
        Self {
            context: context.into(),
            source: Some(source.into()),
        }
    }

    /// A failure with no underlying error (a value the database should never hold, say).
    pub fn corrupt(what: impl Into<Cow<'static, str>>) -> Self {
        Self {
            context: what.into(),
            source: None,
        }
    }

    pub fn task(join: tokio::task::JoinError) -> Self {
        Self::new("database task failed", join)
    }
}

/// One broken invariant found by [`Storage::audit`], described for a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation(pub String);

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

type Result<T> = std::result::Result<T, StoreError>;

/// How many connections a store hands over at a time when reading a whole server's.
pub const CONNECTION_BATCH: usize = 64 * 1024;

/// Implements the three transaction traits for a store's type by forwarding to its inherent
/// methods of the same names (see `port_delegate`).
pub use crate::__port_delegate as delegate;

/// Questions the rules ask, inside one consistent view of the database.
#[async_trait]
pub trait ReadTx: Send {
    /// Makes sure this transaction's snapshot is taken now (stores that take it at the first
    /// read are told to read something), so that whatever commits later is not in it.
    async fn pin_snapshot(&mut self) -> Result<()>;

    // Connections.
    async fn connected_since(
        &mut self,
        guild: GuildId,
        a: MemberId,
        b: MemberId,
    ) -> Result<Option<Timestamp>>;
    /// Hands `batch` every connection in the server, each once (low id first) with when it
    /// began, a batch at a time as they are read: loading a big server builds its graph
    /// meanwhile.
    async fn all_connections(
        &mut self,
        guild: GuildId,
        batch: &mut (dyn FnMut(Vec<(MemberId, MemberId, Timestamp)>) + Send),
    ) -> Result<()>;
    /// Everyone `member` is connected with, banned or not, and since when.
    async fn peers_of(
        &mut self,
        guild: GuildId,
        member: MemberId,
    ) -> Result<Vec<(MemberId, Timestamp)>>;
    /// Every tag in the server: (owner, peer, tag).
    async fn all_tags(&mut self, guild: GuildId) -> Result<Vec<(MemberId, MemberId, Tag)>>;

    // Members.
    /// A member's settings; the defaults for a member never seen.
    async fn settings(&mut self, guild: GuildId, member: MemberId) -> Result<MemberSettings>;
    /// The names of every member of the server seen so far (the member directory).
    async fn all_member_names(&mut self, guild: GuildId) -> Result<Vec<(MemberId, MemberNames)>>;
    async fn banned_members(&mut self, guild: GuildId) -> Result<Vec<MemberId>>;
    /// The server's limits; the defaults if a moderator never changed them.
    async fn limits(&mut self, guild: GuildId) -> Result<GuildLimits>;
    /// Every profile in the server.
    async fn all_profiles(&mut self, guild: GuildId) -> Result<Vec<(MemberId, Profile)>>;
    /// Members who show their profile to their connections only.
    async fn hidden_profiles(&mut self, guild: GuildId) -> Result<Vec<MemberId>>;
    async fn profile(&mut self, guild: GuildId, member: MemberId) -> Result<Option<Profile>>;
    /// The client language `member` last used in the server, and the server's language, if
    /// either was seen.
    async fn locales(
        &mut self,
        guild: GuildId,
        member: MemberId,
    ) -> Result<(Option<String>, Option<String>)>;

    // Invitations.
    /// Whether `inviter` has an invitation to `invitee` standing (ignored or not).
    async fn has_invitation(
        &mut self,
        guild: GuildId,
        inviter: MemberId,
        invitee: MemberId,
    ) -> Result<bool>;
    /// A page of `member`'s received (not ignored) or sent invitations, newest first.
    async fn invitations_page(
        &mut self,
        guild: GuildId,
        member: MemberId,
        side: InvitationSide,
        page: PageRequest,
    ) -> Result<Page<InvitationEntry>>;
    async fn invitation_count(
        &mut self,
        guild: GuildId,
        member: MemberId,
        side: InvitationSide,
    ) -> Result<u32>;
    /// How many invitations `sender` sent after `since`.
    async fn sends_after(
        &mut self,
        guild: GuildId,
        sender: MemberId,
        since: Timestamp,
    ) -> Result<u32>;
    /// The time of `sender`'s `nth` send after `since` (0 is the earliest).
    async fn nth_send_after(
        &mut self,
        guild: GuildId,
        sender: MemberId,
        since: Timestamp,
        nth: u32,
    ) -> Result<Option<Timestamp>>;
    /// What the database says about `inviter` inviting each of `invitees`, in their order: one
    /// read for a whole list of candidates.
    async fn invitability(
        &mut self,
        guild: GuildId,
        inviter: MemberId,
        invitees: &[MemberId],
    ) -> Result<Vec<Invitability>>;
    /// When `inviter` last withdrew an invitation to `invitee`.
    async fn last_withdrawal(
        &mut self,
        guild: GuildId,
        inviter: MemberId,
        invitee: MemberId,
    ) -> Result<Option<Timestamp>>;

    /// Everything `invitee` accepting `inviter`'s invitation is decided on.
    async fn acceptance_facts(
        &mut self,
        guild: GuildId,
        inviter: MemberId,
        invitee: MemberId,
    ) -> Result<AcceptanceFacts>;

    // Removals, blocks, reports.
    /// When the connection `remover` removed with `removed` had begun, if they removed it.
    async fn removed_connection_since(
        &mut self,
        guild: GuildId,
        remover: MemberId,
        removed: MemberId,
    ) -> Result<Option<Timestamp>>;
    async fn is_blocked(
        &mut self,
        guild: GuildId,
        blocker: MemberId,
        blocked: MemberId,
    ) -> Result<bool>;
    /// Reports against `member` since `since` that a restore has not cleared.
    async fn reports_since(
        &mut self,
        guild: GuildId,
        member: MemberId,
        since: Timestamp,
    ) -> Result<u32>;
    /// Suspended members, then members with reports since `since`, most reported first; 25.
    async fn report_queue(
        &mut self,
        guild: GuildId,
        since: Timestamp,
    ) -> Result<Vec<ReportedMember>>;
    /// The audit log, newest first: (moderator, action, subject, when).
    async fn audit_log(
        &mut self,
        guild: GuildId,
        limit: u32,
    ) -> Result<Vec<(MemberId, String, MemberId, Timestamp)>>;

    // Tags and filters.
    /// `owner`'s tags on `peer`, alphabetically.
    async fn tags(&mut self, guild: GuildId, owner: MemberId, peer: MemberId) -> Result<Vec<Tag>>;
    /// `owner`'s distinct tags starting with `prefix` (any case), alphabetically.
    async fn tags_in_use(
        &mut self,
        guild: GuildId,
        owner: MemberId,
        prefix: &str,
        limit: u32,
    ) -> Result<Vec<Tag>>;
    async fn saved_filter(
        &mut self,
        guild: GuildId,
        owner: MemberId,
        id: u64,
    ) -> Result<Option<ConnectionFilter>>;
    /// `owner`'s saved people search `id`, if it is still kept.
    async fn saved_search(
        &mut self,
        guild: GuildId,
        owner: MemberId,
        id: u64,
    ) -> Result<Option<PeopleFilter>>;

    // Whole-member and whole-server reads.
    /// The member's own records, for their export (the network assembles it).
    async fn member_records(&mut self, guild: GuildId, member: MemberId) -> Result<MemberRecords>;
    async fn stats_figures(&mut self, guild: GuildId, week_ago: Timestamp) -> Result<StatsFigures>;
    /// The server's weekly invitation counts for the weeks that began at or after `since`,
    /// oldest first (weeks without any are left out).
    async fn invitation_weeks(
        &mut self,
        guild: GuildId,
        since: Timestamp,
    ) -> Result<Vec<InvitationWeek>>;

    /// The number of the server's last logged write (0 before the first), on a store several
    /// processes share; `None` on a store that keeps no log (only this process writes it).
    async fn last_change(&mut self, guild: GuildId) -> Result<Option<u64>>;
    /// The logged writes numbered after `after`, in order; `None` if the log no longer holds
    /// them all (it is pruned) or holds one this binary cannot read.
    async fn changes_after(
        &mut self,
        guild: GuildId,
        after: u64,
    ) -> Result<Option<Vec<LoggedWrite>>>;
}

/// Changes that nothing in memory mirrors. All of a transaction's changes commit together or
/// not at all.
#[async_trait]
pub trait WriteTx: ReadTx {
    /// Makes sure the member has a row (the parent of all their network data), and returns
    /// what the write path needs of it, read once.
    async fn ensure_member(
        &mut self,
        guild: GuildId,
        member: MemberId,
        now: Timestamp,
    ) -> Result<MemberRecord>;
    /// Makes sure the member has a row, for a write that needs nothing of it: a store may
    /// send it with the transaction's next statement instead of waiting for it.
    async fn add_member_if_missing(
        &mut self,
        guild: GuildId,
        member: MemberId,
        now: Timestamp,
    ) -> Result<()>;
    /// Asks [`ReadTx::last_change`] ahead, without waiting: its answer then travels with the
    /// operation's first, and the next `last_change` for this guild takes it. A store that
    /// answers at once, or keeps no log, may do nothing.
    async fn request_last_change(&mut self, guild: GuildId) -> Result<()>;
    /// Everything an invitation from `inviter` to `invitee` is decided on, with both members'
    /// rows made if missing; `window_start` begins the window sends are counted in.
    async fn invitation_facts(
        &mut self,
        guild: GuildId,
        inviter: MemberId,
        invitee: MemberId,
        now: Timestamp,
        window_start: Timestamp,
    ) -> Result<InvitationFacts>;

    async fn insert_invitation(
        &mut self,
        guild: GuildId,
        inviter: MemberId,
        invitee: MemberId,
        note: Option<&Note>,
        now: Timestamp,
    ) -> Result<()>;
    /// Removes `inviter`'s invitation to `invitee`, if there is one (the rules have read
    /// whether there is: nothing here answers, so a store may send it with what follows).
    async fn delete_invitation(
        &mut self,
        guild: GuildId,
        inviter: MemberId,
        invitee: MemberId,
    ) -> Result<()>;
    /// Removes every invitation to or from `member`.
    async fn delete_invitations_of(&mut self, guild: GuildId, member: MemberId) -> Result<()>;
    /// Takes the invitation out of the invitee's inbox (the first ignore counts; later ones
    /// change nothing): `Some(true)` if this one took it out, `Some(false)` if an earlier one
    /// had, `None` if there is no such invitation.
    async fn mark_ignored(
        &mut self,
        guild: GuildId,
        inviter: MemberId,
        invitee: MemberId,
        now: Timestamp,
    ) -> Result<Option<bool>>;
    /// Adds `week`'s figures to the server's counts for the week that began at
    /// `week.week_start`.
    async fn count_invitations(&mut self, guild: GuildId, week: InvitationWeek) -> Result<()>;
    /// Counts one sent invitation, and forgets `sender`'s sends from before `forget_before`.
    async fn record_send(
        &mut self,
        guild: GuildId,
        sender: MemberId,
        now: Timestamp,
        forget_before: Timestamp,
    ) -> Result<()>;
    async fn record_withdrawal(
        &mut self,
        guild: GuildId,
        inviter: MemberId,
        invitee: MemberId,
        now: Timestamp,
    ) -> Result<()>;

    /// Records that `remover` removed the connection with `removed` that began at
    /// `connected_since`.
    async fn record_removal(
        &mut self,
        guild: GuildId,
        remover: MemberId,
        removed: MemberId,
        connected_since: Timestamp,
        now: Timestamp,
    ) -> Result<()>;
    /// Lifts removals between `a` and `b`, either way.
    async fn lift_removals(&mut self, guild: GuildId, a: MemberId, b: MemberId) -> Result<()>;

    async fn insert_block(
        &mut self,
        guild: GuildId,
        blocker: MemberId,
        blocked: MemberId,
        now: Timestamp,
    ) -> Result<()>;
    async fn insert_report(
        &mut self,
        guild: GuildId,
        reporter: MemberId,
        reported: MemberId,
        now: Timestamp,
    ) -> Result<()>;
    /// Suspends the member's sending, unless already suspended.
    async fn suspend(&mut self, guild: GuildId, member: MemberId, now: Timestamp) -> Result<()>;
    /// Lifts a suspension; the reports so far stop counting.
    async fn restore(&mut self, guild: GuildId, member: MemberId, now: Timestamp) -> Result<bool>;
    async fn record_audit(
        &mut self,
        guild: GuildId,
        moderator: MemberId,
        action: AuditAction,
        subject: MemberId,
        now: Timestamp,
    ) -> Result<()>;

    /// Saves a list filter, forgetting `owner`'s filters saved before `forget_before`;
    /// returns its number.
    async fn save_filter(
        &mut self,
        guild: GuildId,
        owner: MemberId,
        filter: &ConnectionFilter,
        now: Timestamp,
        forget_before: Timestamp,
    ) -> Result<u64>;
    /// Records the client language a member was just seen with (their row exists).
    async fn record_member_locale(
        &mut self,
        guild: GuildId,
        member: MemberId,
        locale: &str,
    ) -> Result<()>;
    /// Records the server's language.
    async fn record_guild_locale(&mut self, guild: GuildId, locale: &str) -> Result<()>;
    /// Saves a people search, forgetting `owner`'s searches saved before `forget_before`;
    /// returns its number.
    async fn save_search(
        &mut self,
        guild: GuildId,
        owner: MemberId,
        search: &PeopleFilter,
        now: Timestamp,
        forget_before: Timestamp,
    ) -> Result<u64>;
}

/// Changes that the in-memory state mirrors. The rules never see these methods: they reach
/// them only through `tx::Writing`, which records each as a memory change applied after the
/// commit — so no write path can change the database without changing memory with it.
#[async_trait]
pub trait MirroredWrites: Send {
    /// Adds a tag (a tag already there, in any case, changes nothing); true if added.
    async fn insert_tag(
        &mut self,
        guild: GuildId,
        owner: MemberId,
        peer: MemberId,
        tag: &Tag,
        now: Timestamp,
    ) -> Result<bool>;
    async fn delete_tag(
        &mut self,
        guild: GuildId,
        owner: MemberId,
        peer: MemberId,
        tag: &Tag,
    ) -> Result<bool>;
    /// Connects `a` and `b` (both sides) as of `since`.
    async fn insert_connection(
        &mut self,
        guild: GuildId,
        a: MemberId,
        b: MemberId,
        since: Timestamp,
    ) -> Result<()>;
    /// Removes both sides of the connection that began at `since` (the rules have read that it
    /// stands).
    async fn delete_connection(
        &mut self,
        guild: GuildId,
        a: MemberId,
        b: MemberId,
        since: Timestamp,
    ) -> Result<()>;
    /// Bans (`Some`) or unbans (`None`) a member; false if that was already so.
    async fn set_banned(
        &mut self,
        guild: GuildId,
        member: MemberId,
        banned: Option<Timestamp>,
    ) -> Result<bool>;
    /// Erases everything the member's own: their settings, names and profile, both sides of their
    /// connections, invitations to and from them, their tags and the tags others put on them,
    /// their removals, blocks, reports and saved filters. Others' own records about them stay
    /// (that someone removed or blocked them, reports against them), and so do a suspension
    /// and a ban (erasing one's data is no way around a moderator).
    /// Returns whether the member had any data.
    async fn erase_member(&mut self, guild: GuildId, member: MemberId) -> Result<bool>;
    /// Records the names a member was just seen with.
    async fn record_names(
        &mut self,
        guild: GuildId,
        member: MemberId,
        names: &MemberNames,
        now: Timestamp,
    ) -> Result<()>;
    async fn store_limits(&mut self, guild: GuildId, limits: GuildLimits) -> Result<()>;
    /// All of a member's settings (memory mirrors who hides their profile).
    async fn store_settings(
        &mut self,
        guild: GuildId,
        member: MemberId,
        settings: MemberSettings,
    ) -> Result<()>;
    /// Replaces the member's profile, whose member row exists; `None` deletes it.
    async fn store_profile(
        &mut self,
        guild: GuildId,
        member: MemberId,
        profile: Option<&Profile>,
    ) -> Result<()>;
    /// Logs a write's changes as write number `seq` of the server (the network read the last
    /// number in this transaction, under its lock), for the other processes; they are told
    /// when it commits. Only called where [`ReadTx::last_change`] is `Some`.
    async fn publish_changes(&mut self, guild: GuildId, seq: u64, changes: &[Change])
    -> Result<()>;
}

/// A store's write transaction: everything above.
pub trait StoreTx: WriteTx + MirroredWrites {}

impl<T: WriteTx + MirroredWrites> StoreTx for T {}

/// What an operation returns through the store: its own value, type-erased so that [`Storage`]
/// stays a trait object (`Network` holds `Arc<dyn Storage>` and unwraps it, typed, again).
pub type Output = Box<dyn Any + Send>;

/// An operation on a read transaction.
pub type ReadOp = Box<
    dyn for<'t> FnOnce(
            &'t mut (dyn ReadTx + 't),
        ) -> BoxFuture<'t, std::result::Result<Output, NetworkError>>
        + Send,
>;

/// An operation on a write transaction.
pub type WriteOp = Box<
    dyn for<'t> FnOnce(
            &'t mut (dyn StoreTx + 't),
        ) -> BoxFuture<'t, std::result::Result<Output, NetworkError>>
        + Send,
>;

/// A database the network can run on.
#[async_trait]
pub trait Storage: Send + Sync + 'static {
    /// Runs `op` in one transaction that commits if it returns `Ok` and rolls back otherwise.
    ///
    /// Writes to one server are serialized by the network; a store shared by several
    /// processes also serializes them across processes (`guild` says which server). If the
    /// returned future is dropped before it finishes, the transaction must roll back or (when
    /// the commit was already sent) may have committed: the network then rereads the server.
    async fn write(&self, guild: GuildId, op: WriteOp)
    -> std::result::Result<Output, NetworkError>;

    /// Runs `op` on one consistent snapshot.
    async fn read(&self, op: ReadOp) -> std::result::Result<Output, NetworkError>;

    /// [`Storage::read`] for a long read (loading a server's state): it must not hold up the
    /// connections quick reads use.
    async fn read_long(&self, op: ReadOp) -> std::result::Result<Output, NetworkError>;

    /// Checks the database against every invariant the code relies on. Empty means sound.
    async fn audit(&self) -> Result<Vec<Violation>>;

    /// Periodic upkeep (planner statistics and the like); cheap when nothing changed.
    async fn maintain(&self) -> Result<()>;

    /// Which store this is, for logs and benchmarks: "sqlite" or "postgres".
    fn kind(&self) -> &'static str;

    /// News of every logged write, whichever process committed it, for a store several
    /// processes share; `None` for a store only this process writes. Called once, by the
    /// network, inside the async runtime; the feed stops when the receiver is dropped.
    fn follow(&self) -> Option<tokio::sync::mpsc::Receiver<FeedEvent>>;
}
