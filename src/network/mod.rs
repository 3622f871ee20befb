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

mod connections;
mod directory;
mod error;
mod export;
mod graph;
mod ids;
mod invitations;
mod linkage;
mod members;
mod memory;
mod model;
mod notify;
mod outcome;
mod reports;
mod tags;
mod time;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

pub use error::NetworkError;
pub use export::{
    ExportedConnection, ExportedInvitation, ExportedMark, ExportedSettings, ExportedTags,
    MemberExport,
};
pub use graph::{Degree, Mutuals};
pub use ids::{GuildId, MemberId};
pub use linkage::{PROFILE_MUTUALS_SHOWN, Pending, Profile, Suggestion};
pub use model::{
    ConnectionCursor, ConnectionEntry, ConnectionFilter, ConnectionPage, ConnectionWindow,
    GuildLimits, InvitationEntry, InvitationSide, InvitePolicy, LimitsUpdate, MAX_NOTE_CHARS,
    MAX_TAG_CHARS, MAX_TAGS_PER_CONNECTION, MemberCounts, MemberNames, MemberRecord,
    MemberSettings, NetworkStats, Note, Page, PagePosition, PageRequest, ReportedMember,
    SettingsUpdate, Tag,
};
pub use notify::{Notification, NotificationEvent};
pub use outcome::{ConnectedVia, Connection, DisconnectReceipt, InviteOutcome, Withdrawn};
pub use time::{Clock, ManualClock, SystemClock, Timestamp, Wait};

use crate::store::{ReadTx, Store, WriteTx};
use memory::Memory;

/// The rolling window of the weekly invitation limit.
pub const INVITE_WINDOW: Duration = Duration::from_secs(7 * 24 * 60 * 60);
/// How long after withdrawing an invitation the inviter must wait to invite that person again
/// (LinkedIn's rule against pestering).
pub const REINVITE_AFTER_WITHDRAW: Duration = Duration::from_secs(21 * 24 * 60 * 60);

/// The network of every server the bot is in, over one store. Cheap to clone.
#[derive(Clone)]
pub struct Network {
    store: Store,
    clock: Arc<dyn Clock>,
    memory: Arc<Memory>,
    /// Per server, held while its state is being loaded into `memory`: one load per server at
    /// a time, while different servers load side by side (an interaction in a small server
    /// never waits for a big one's load).
    loading: Arc<Mutex<HashMap<GuildId, Arc<tokio::sync::Mutex<()>>>>>,
    /// Loads running at once, across servers: a big server's load is CPU-bound and briefly
    /// holds its connections in memory twice, so at start-up (every server announced at once)
    /// they take turns two by two.
    load_slots: Arc<tokio::sync::Semaphore>,
}

/// How many servers may load at once (see `Network::load_slots`).
const CONCURRENT_LOADS: usize = 2;

impl Network {
    pub fn new(store: Store, clock: impl Clock) -> Self {
        Self {
            store,
            clock: Arc::new(clock),
            memory: Arc::default(),
            loading: Arc::default(),
            load_slots: Arc::new(tokio::sync::Semaphore::new(CONCURRENT_LOADS)),
        }
    }

    /// The store underneath, for health checks and audits.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Runs `op` in one write transaction, with "now" read once, before it starts.
    async fn write<T, F>(&self, op: F) -> Result<T, NetworkError>
    where
        F: FnOnce(&WriteTx<'_>, Timestamp) -> Result<T, NetworkError> + Send + 'static,
        T: Send + 'static,
    {
        let now = self.clock.now();
        self.store.write(move |tx| op(tx, now)).await
    }

    /// Loads a server's in-memory state now (the bot does it when Discord announces the
    /// server), so the first member to ask does not wait for it: under a second for a
    /// 100,000-member server, during which writes go on.
    pub async fn preload(&self, guild: GuildId) -> Result<(), NetworkError> {
        self.memory(guild).await.map(drop)
    }

    /// A server's in-memory state (graph and directory), loaded on first use: read from a
    /// snapshot while writes go on, then brought up to date with the changes committed
    /// meanwhile (see `memory`).
    async fn memory(&self, guild: GuildId) -> Result<Arc<memory::GuildMemory>, NetworkError> {
        if let Some(loaded) = self.memory.get(guild) {
            return Ok(loaded);
        }
        // Whoever waited here for the same server then finds it loaded.
        let lock = {
            let mut locks = self.loading.lock().unwrap_or_else(PoisonError::into_inner);
            Arc::clone(locks.entry(guild).or_default())
        };
        let _loading = lock.lock().await;
        if let Some(loaded) = self.memory.get(guild) {
            return Ok(loaded);
        }
        // Never closed, so acquiring only waits.
        let _slot = self.load_slots.acquire().await;
        let marker = Arc::clone(&self.memory);
        let read = self
            .store
            .read_from_here(
                move || marker.begin_loading(guild),
                move |tx| memory::GuildMemory::read_from(tx, guild),
            )
            .await;
        let memory = Arc::clone(&self.memory);
        match read {
            Ok(state) => Ok(self
                .store
                .with_write_lock(move || memory.finish_loading(guild, state))
                .await?),
            Err(e) => {
                memory.abandon_loading(guild);
                Err(e.into())
            }
        }
    }

    /// Runs `op` against one consistent snapshot.
    async fn read<T, F>(&self, op: F) -> Result<T, NetworkError>
    where
        F: FnOnce(&ReadTx<'_>, Timestamp) -> Result<T, NetworkError> + Send + 'static,
        T: Send + 'static,
    {
        let now = self.clock.now();
        self.store.read(move |tx| op(tx, now)).await
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
