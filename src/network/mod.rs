//! The network: a per-server professional network with LinkedIn's connection rules.
//!
//! Everything here is about members of one Discord server ("guild") at a time; no operation
//! reads or writes across servers. The API speaks in the domain's own types (ids, notes, tags,
//! outcomes) — no Discord and no SQL types — and every operation that changes anything runs as
//! one transaction, so it happens whole or not at all.
//!
//! The rules of disconnecting are the product (see DEVELOPERS.md): the removed person is never
//! told, cannot invite the remover (and gets the same neutral refusal as anyone refused for any
//! reason), and the remover's re-invite, once accepted, restores the connection as it was.

mod changes;
mod connections;
mod directory;
mod error;
mod export;
mod follow;
mod graph;
mod graph_loader;
mod ids;
mod invitations;
mod linkage;
mod map;
mod members;
mod memory;
mod model;
mod notify;
mod outcome;
mod people;
pub mod port;
mod port_delegate;
mod profile;
mod profile_index;
mod reports;
mod tag_index;
mod tags;
mod time;
mod tx;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

pub use changes::{Change, FeedEvent, LoggedWrite};
pub use error::NetworkError;
pub use export::{
    ExportedConnection, ExportedInvitation, ExportedMark, ExportedSettings, ExportedTags,
    MemberExport, MemberRecords,
};
pub use graph::{Closeness, Degree, Mutuals};
pub use ids::{GuildId, MemberId};
pub use invitations::CHART_WEEK;
pub use linkage::{PROFILE_MUTUALS_SHOWN, Pending, Relation, Suggestion};
pub use map::{MAP_MOST_CONNECTIONS, MAP_MOST_SECOND_DEGREE, MapMember, MapRequest, NetworkMap};
pub use model::{
    AcceptanceFacts, AuditAction, ConnectionCursor, ConnectionEntry, ConnectionFilter,
    ConnectionPage, ConnectionWindow, GuildLimits, Invitability, InvitationEntry, InvitationFacts,
    InvitationSide, InvitationWeek, InvitePolicy, LimitsUpdate, MAX_NOTE_CHARS, MAX_TAG_CHARS,
    MAX_TAGS_PER_CONNECTION, MemberCounts, MemberNames, MemberRecord, MemberSettings, NetworkStats,
    Note, Page, PagePosition, PageRequest, ReportedMember, SettingsUpdate, StatsFigures,
    StatsHistory, Tag,
};
pub use notify::{Notification, NotificationEvent};
pub use outcome::{ConnectedVia, Connection, DisconnectReceipt, InviteOutcome, Withdrawn};
pub use people::{PeoplePage, PersonFound, ProfileCard, SKILL_CHOICES};
pub use profile::{
    LinkProblem, MAX_ABOUT_CHARS, MAX_HEADLINE_CHARS, MAX_LINK_CHARS, MAX_LINKS, MAX_SKILL_CHARS,
    MAX_SKILLS, OpenTo, Profile, ProfileDraft, ProfileLink, ProfileText, ProfileVisibility, Skill,
    fold,
};
pub use profile_index::PeopleFilter;
pub use time::{Clock, ManualClock, SystemClock, Timestamp, Wait, WaitUnit};

use futures::future::BoxFuture;
use memory::{GuildMemory, Memory};
use port::{Output, ReadTx, Storage, StoreError};
use tx::Writing;

/// The rolling window of the weekly invitation limit.
pub const INVITE_WINDOW: Duration = Duration::from_secs(7 * 24 * 60 * 60);
/// How long after withdrawing an invitation the inviter must wait to invite that person again
/// (LinkedIn's rule against pestering).
pub const REINVITE_AFTER_WITHDRAW: Duration = Duration::from_secs(21 * 24 * 60 * 60);

/// The network of every server the bot is in, over one store. Cheap to clone.
#[derive(Clone)]
pub struct Network {
    storage: Arc<dyn Storage>,
    clock: Arc<dyn Clock>,
    memory: Arc<Memory>,
    /// Per server, held by each write from before its transaction begins until memory has
    /// applied its changes: writes to one server commit and reach memory one at a time, in
    /// order, while different servers' writes run side by side. A load holds it while it pins
    /// its snapshot and again while it installs what it read.
    writing: Arc<GuildLocks>,
    /// Per server, held while its state is being loaded into `memory`: one load per server at
    /// a time (an interaction in a small server never waits for a big one's load).
    loading: Arc<GuildLocks>,
    /// Loads a member is waiting for, running at once across servers: a big server's load is
    /// CPU-bound and briefly holds its connections in memory twice, so they take turns two by
    /// two.
    load_slots: Arc<tokio::sync::Semaphore>,
    /// Loads ahead of use (every server Discord announces at start-up: thousands, for a bot in
    /// many small servers) take turns one by one, beside those a member is waiting for and
    /// never in front of them: the servers members use first load first.
    preload_slots: Arc<tokio::sync::Semaphore>,
    /// Whether other processes write this store too (it logs writes and has a feed).
    shared: bool,
    /// Stops following the store's feed when the last clone of the network is dropped.
    _follower: Option<Arc<tokio_util::sync::DropGuard>>,
}

/// How a write knows memory is in step with the database while its rules run (see
/// `Network::write_reading_memory`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum InStep {
    /// The rules do not read memory: it need not be.
    NotRead,
    /// Assumed, and checked against the store's change log before the commit.
    Assumed,
    /// Brought there inside the transaction before the rules run.
    MadeFirst,
}

/// How one attempt at a write ended, when it did not commit.
enum Attempt {
    /// Memory was behind the database: rolled back, to be run again in step.
    Behind,
    Failed(NetworkError),
}

impl Attempt {
    fn into_error(self) -> NetworkError {
        match self {
            Attempt::Failed(error) => error,
            // Only the first attempt can find memory behind; the second is made in step.
            Attempt::Behind => NetworkError::Internal(StoreError::corrupt(
                "memory was behind the change log twice",
            )),
        }
    }
}

/// Whether a member is waiting for a load, or it runs ahead of use (see `Network::load`).
#[derive(Clone, Copy)]
enum Urgency {
    Waited,
    Ahead,
}

/// How many servers may load at once (see `Network::load_slots`).
const CONCURRENT_LOADS: usize = 2;

/// One async lock per server, made on first use.
#[derive(Default)]
struct GuildLocks(Mutex<HashMap<GuildId, Arc<tokio::sync::Mutex<()>>>>);

impl GuildLocks {
    async fn lock(&self, guild: GuildId) -> tokio::sync::OwnedMutexGuard<()> {
        let lock = {
            let mut locks = self.0.lock().unwrap_or_else(PoisonError::into_inner);
            Arc::clone(locks.entry(guild).or_default())
        };
        lock.lock_owned().await
    }
}

impl Network {
    pub fn new(storage: impl Storage, clock: impl Clock) -> Self {
        Self::over(Arc::new(storage), clock)
    }

    /// A network over a store already shared (two networks over one store see each other's
    /// writes only through the database: tests use this to check what a fresh process loads).
    /// A network over `storage`. On a store several processes share, it starts following
    /// the others' writes (see `follow`), which needs the async runtime.
    pub fn over(storage: Arc<dyn Storage>, clock: impl Clock) -> Self {
        let memory = Arc::default();
        let writing = Arc::default();
        let follower = storage
            .follow()
            .map(|feed| Arc::new(follow::spawn(Arc::clone(&storage), &memory, &writing, feed)));
        Self {
            storage,
            clock: Arc::new(clock),
            memory,
            writing,
            loading: Arc::default(),
            load_slots: Arc::new(tokio::sync::Semaphore::new(CONCURRENT_LOADS)),
            preload_slots: Arc::new(tokio::sync::Semaphore::new(1)),
            shared: follower.is_some(),
            _follower: follower,
        }
    }

    /// The store underneath, for upkeep and audits.
    pub fn storage(&self) -> &Arc<dyn Storage> {
        &self.storage
    }

    /// Runs `op` in one write transaction on `guild`, with "now" read once, before it starts.
    ///
    /// Holds the server's write lock from before the transaction until memory has applied its
    /// changes, so memory applies commits in their order. If the write does not end cleanly —
    /// the database failed (perhaps around the commit, whose outcome is then unknown), or the
    /// caller stopped waiting half-way — memory forgets the server and reads it afresh on its
    /// next use, rather than guess.
    /// Runs a write whose rules read only the database (not memory), in one transaction,
    /// and applies its changes to memory after the commit.
    async fn write<T, F>(&self, guild: GuildId, op: F) -> Result<T, NetworkError>
    where
        F: for<'a, 'w> FnOnce(
                &'a mut Writing<'w>,
                Timestamp,
            ) -> BoxFuture<'a, Result<T, NetworkError>>
            + Send
            + 'static,
        T: Send + 'static,
    {
        self.attempt(guild, op, InStep::NotRead)
            .await
            .map_err(Attempt::into_error)
    }

    /// [`Network::write`] for rules that also read memory (the graph, the limits), which must
    /// then be exactly the database as of the transaction. On a shared store another process
    /// may have committed since this one last heard: the write first runs assuming memory is
    /// in step, and the store's answer about its change log, which travels with the rules'
    /// first question, says whether it was; if not, it is rolled back and run again after
    /// bringing memory up to date inside the transaction (one round trip more, only then).
    async fn write_reading_memory<T, F>(&self, guild: GuildId, op: F) -> Result<T, NetworkError>
    where
        F: for<'a, 'w> Fn(&'a mut Writing<'w>, Timestamp) -> BoxFuture<'a, Result<T, NetworkError>>
            + Send
            + Sync
            + 'static,
        T: Send + 'static,
    {
        let op = Arc::new(op);
        let again = Arc::clone(&op);
        match self
            .attempt(guild, move |tx, now| op(tx, now), InStep::Assumed)
            .await
        {
            Err(Attempt::Behind) => {
                self.attempt(guild, move |tx, now| again(tx, now), InStep::MadeFirst)
                    .await
            }
            other => other,
        }
        .map_err(Attempt::into_error)
    }

    async fn attempt<T, F>(&self, guild: GuildId, op: F, in_step: InStep) -> Result<T, Attempt>
    where
        F: for<'a, 'w> FnOnce(
                &'a mut Writing<'w>,
                Timestamp,
            ) -> BoxFuture<'a, Result<T, NetworkError>>
            + Send
            + 'static,
        T: Send + 'static,
    {
        let now = self.clock.now();
        let memory = Arc::clone(&self.memory);
        let behind = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let found_behind = Arc::clone(&behind);
        let erased: port::WriteOp = Box::new(move |tx| {
            Box::pin(async move {
                let state = memory.get(guild);
                // The server's last logged write: read now when memory is to be made in step
                // first, else asked now and read after the rules (its answer comes with theirs).
                let mut read_first = None;
                if in_step == InStep::MadeFirst {
                    let last = tx.last_change(guild).await?;
                    read_first = Some(last);
                    // The store's lock on the server, held from here to the commit, keeps
                    // memory in step once it is brought there.
                    if last.is_some()
                        && let Some(state) = &state
                        && !state.catch_up(&mut *tx, guild).await?
                    {
                        memory.forget(guild);
                        return Err(StoreError::corrupt(
                            "memory fell behind what the change log still holds; reloading the server",
                        )
                        .into());
                    }
                } else {
                    tx.request_last_change(guild).await?;
                }
                let applied = state.as_ref().map(|state| state.applied());
                let mut writing = Writing::new(&mut *tx);
                let result = op(&mut writing, now).await;
                let changes = writing.into_changes();
                let last = match read_first {
                    Some(last) => last,
                    None => tx.last_change(guild).await?,
                };
                if in_step == InStep::Assumed
                    && let (Some(last), Some(applied)) = (last, applied)
                    && last != applied
                {
                    // Rolled back: the rules may have decided on memory that was behind.
                    found_behind.store(true, std::sync::atomic::Ordering::Relaxed);
                    return Err(StoreError::corrupt("memory was behind the change log").into());
                }
                let value = result?;
                let seq = match last {
                    Some(last) if !changes.is_empty() => {
                        tx.publish_changes(guild, last + 1, &changes).await?;
                        Some(last + 1)
                    }
                    _ => None,
                };
                Ok(Box::new((value, seq, changes)) as Output)
            })
        });
        let _in_order = self.writing.lock(guild).await;
        // Declared after the lock, so dropped (and forgetting) while it is still held.
        let mut unsettled = Unsettled {
            memory: &self.memory,
            guild,
            settled: false,
        };
        match self.storage.write(guild, erased).await {
            Ok(output) => {
                let (value, seq, changes) = *output
                    .downcast::<(T, Option<u64>, Vec<Change>)>()
                    .expect("a write returns what its operation made");
                // Memory may be missing other processes' writes before this one (rules that do
                // not read memory do not wait for it): they, and this one, are read from the
                // log. Only if that fails is the server read afresh.
                let in_sequence = self.memory.committed(guild, seq, changes)
                    || match self.memory.get(guild) {
                        Some(state) => {
                            matches!(
                                follow::catch_up(&*self.storage, guild, state).await,
                                Ok(true)
                            )
                        }
                        None => true,
                    };
                if in_sequence {
                    unsettled.settled();
                }
                Ok(value)
            }
            Err(_) if behind.load(std::sync::atomic::Ordering::Relaxed) => {
                // Rolled back whole: nothing to doubt.
                unsettled.settled();
                Err(Attempt::Behind)
            }
            // A refusal rolled back whole: nothing to doubt.
            Err(refused) if !refused.is_internal() => {
                unsettled.settled();
                Err(Attempt::Failed(refused))
            }
            Err(failure) => Err(Attempt::Failed(failure)),
        }
    }

    async fn read<T, F>(&self, op: F) -> Result<T, NetworkError>
    where
        F: for<'t> FnOnce(
                &'t mut (dyn ReadTx + 't),
                Timestamp,
            ) -> BoxFuture<'t, Result<T, NetworkError>>
            + Send
            + 'static,
        T: Send + 'static,
    {
        let now = self.clock.now();
        let output = self
            .storage
            .read(Box::new(move |tx| {
                Box::pin(async move { Ok(Box::new(op(tx, now).await?) as Output) })
            }))
            .await?;
        Ok(*output
            .downcast::<T>()
            .expect("a read returns what its operation made"))
    }

    /// Loads a server's in-memory state now (the bot does it when Discord announces the
    /// server), so the first member to ask does not wait for it: one to two seconds for a
    /// 100,000-member server on two cores, during which writes go on.
    pub async fn preload(&self, guild: GuildId) -> Result<(), NetworkError> {
        self.memory_from(guild, Urgency::Ahead).await.map(drop)
    }

    /// Drops the server's in-memory state (the bot was removed from it): nothing of it stays
    /// in this process's memory until it is used again.
    pub async fn unload(&self, guild: GuildId) {
        let _in_order = self.writing.lock(guild).await;
        self.memory.forget(guild);
    }

    /// The servers in memory that nothing has used for at least `idle` (see the bot's
    /// eviction of servers held for another process's shard).
    pub fn idle_guilds(&self, idle: Duration) -> Vec<GuildId> {
        self.memory
            .loaded_guilds()
            .into_iter()
            .filter(|guild| {
                self.memory
                    .get(*guild)
                    .is_some_and(|state| state.idle_secs() >= idle.as_secs())
            })
            .collect()
    }

    /// Brings the server's memory up to every write committed so far, by any process: call
    /// before answering a member, so that they see their own last action whichever process
    /// made it (read-your-writes). One short read on a store several processes share (most
    /// of the time it finds nothing to apply, the feed having brought it already); nothing
    /// otherwise, nor for a server not in memory (its load reads the database as it is).
    pub async fn catch_up(&self, guild: GuildId) -> Result<(), NetworkError> {
        if !self.shared || !self.is_loaded(guild) {
            return Ok(());
        }
        let last = self
            .read(move |tx, _| Box::pin(async move { Ok(tx.last_change(guild).await?) }))
            .await?;
        if let Some(last) = last {
            // As if the feed had just announced it.
            follow::follow(&*self.storage, &self.memory, &self.writing, guild, last).await;
        }
        Ok(())
    }

    /// Whether the server's state is in memory (for tests and operators).
    pub fn is_loaded(&self, guild: GuildId) -> bool {
        self.memory.get(guild).is_some()
    }

    /// A server's in-memory state (graph and directory), loaded on first use: read from a
    /// snapshot while writes go on, then brought up to date with the changes committed
    /// meanwhile (see `memory`).
    async fn memory(&self, guild: GuildId) -> Result<Arc<GuildMemory>, NetworkError> {
        self.memory_from(guild, Urgency::Waited).await
    }

    /// [`Network::memory`], loading as `urgency` says if it must.
    async fn memory_from(
        &self,
        guild: GuildId,
        urgency: Urgency,
    ) -> Result<Arc<GuildMemory>, NetworkError> {
        loop {
            if let Some(loaded) = self.load(guild, urgency).await? {
                loaded.touch();
                return Ok(loaded);
            }
            // Forgotten while loading (a write failed meanwhile): read it again.
        }
    }

    /// One attempt at loading a server's state; `None` if it was forgotten meanwhile.
    async fn load(
        &self,
        guild: GuildId,
        urgency: Urgency,
    ) -> Result<Option<Arc<GuildMemory>>, NetworkError> {
        if let Some(loaded) = self.memory.get(guild) {
            return Ok(Some(loaded));
        }
        // Semaphores here are never closed, so acquiring only waits. A load ahead of use
        // waits for its turn *before* claiming its server: thousands queued at start-up must
        // not hold their servers' claims, or a member's first command in one of them would
        // wait for that server's place in the queue.
        let ahead = match urgency {
            Urgency::Ahead => Some(self.preload_slots.acquire().await),
            Urgency::Waited => None,
        };
        // Whoever waited here for the same server then finds it loaded.
        let _loading = self.loading.lock(guild).await;
        if let Some(loaded) = self.memory.get(guild) {
            return Ok(Some(loaded));
        }
        let _slot = match ahead {
            Some(slot) => slot,
            None => self.load_slots.acquire().await,
        };
        let held = self.writing.lock(guild).await;
        let marker = Arc::clone(&self.memory);
        let read = self
            .storage
            .read_long(Box::new(move |tx| {
                Box::pin(async move {
                    tx.pin_snapshot().await?;
                    marker.begin_loading(guild);
                    // From here on, writes go on and queue their changes for this load.
                    drop(held);
                    Ok(Box::new(GuildMemory::read_from(tx, guild).await?) as Output)
                })
            }))
            .await;
        match read {
            Ok(state) => {
                let state = *state
                    .downcast::<GuildMemory>()
                    .expect("a load returns a server's state");
                let _in_order = self.writing.lock(guild).await;
                let Some(loaded) = self.memory.finish_loading(guild, state) else {
                    return Ok(None);
                };
                // Other processes' writes since the snapshot are in the log, not the queue.
                if self.shared {
                    match follow::catch_up(&*self.storage, guild, Arc::clone(&loaded)).await {
                        Ok(true) => {}
                        Ok(false) => {
                            self.memory.forget(guild);
                            return Ok(None);
                        }
                        Err(error) => {
                            self.memory.forget(guild);
                            return Err(error);
                        }
                    }
                }
                Ok(Some(loaded))
            }
            Err(e) => {
                self.memory.abandon_loading(guild);
                Err(e)
            }
        }
    }

    /// Compares every server loaded in memory with its database, as a fresh load would read
    /// it: empty when memory is exactly in step. For tests and operators' checks.
    pub async fn memory_differences(&self) -> Result<Vec<String>, NetworkError> {
        let mut found = Vec::new();
        for guild in self.memory.loaded_guilds() {
            let Some(state) = self.memory.get(guild) else {
                continue;
            };
            // Under the write lock, so no commit is half-way between the database and memory.
            let _in_order = self.writing.lock(guild).await;
            let behind = Arc::clone(&state);
            let fresh = self
                .storage
                .read_long(Box::new(move |tx| {
                    Box::pin(async move {
                        let fresh = GuildMemory::read_from(tx, guild).await?;
                        // Other processes' writes this one has not heard of yet are applied
                        // first, from the same snapshot: memory is compared as of one commit.
                        behind.catch_up(tx, guild).await?;
                        Ok(Box::new(fresh) as Output)
                    })
                }))
                .await?;
            let fresh = fresh
                .downcast::<GuildMemory>()
                .expect("a load returns a server's state");
            found.extend(
                state
                    .differences(&fresh)
                    .into_iter()
                    .map(|d| format!("server {}: {d}", guild.get())),
            );
        }
        Ok(found)
    }
}

/// Makes memory forget a server unless the write under way settles (see `Network::write`).
struct Unsettled<'m> {
    memory: &'m Memory,
    guild: GuildId,
    settled: bool,
}

impl Unsettled<'_> {
    fn settled(&mut self) {
        self.settled = true;
    }
}

impl Drop for Unsettled<'_> {
    fn drop(&mut self) {
        if !self.settled {
            self.memory.forget(self.guild);
        }
    }
}

/// Refuses an operation aimed at oneself.
fn not_self(actor: MemberId, other: MemberId) -> Result<(), NetworkError> {
    if actor == other {
        Err(NetworkError::SelfTarget)
    } else {
        Ok(())
    }
}
