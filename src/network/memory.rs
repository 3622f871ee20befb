//! What the network keeps in memory for each server: the connection graph, the member
//! directory, the banned members and the server's limits. The database stays the source of
//! truth.
//!
//! Consistency: the changes a write makes to what is kept here are recorded by the
//! transaction itself (`tx::Writing`) and applied after the commit, while the network still
//! holds that server's write lock (`Network::write`), so they apply in commit order and never
//! for a rolled-back write.
//!
//! Loading a server reads a consistent snapshot *without* holding the server's write lock (a
//! big server takes most of a second, and writes must not wait for it): under the lock, the
//! loader pins a read snapshot and marks the server as loading; from then on its changes are
//! queued. After reading, it takes the lock again, applies the queued changes to what it read,
//! in order, and installs the state. Every commit is therefore either in the snapshot
//! (committed before the mark) or in the queue (after it), never both and never neither.
//!
//! On a store several processes share, every write's changes are also logged, numbered in
//! commit order (see `changes`). Each server's state records the number of the last write it
//! applied, and applies writes strictly in sequence: a write that arrives after a gap (another
//! process committed in between) waits until the missing ones are read from the log. So memory
//! is always exactly the database as of one numbered commit, whichever process made it.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock, RwLockReadGuard, RwLockWriteGuard};

use super::changes::{Change, LoggedWrite};
use super::directory::Directory;
use super::graph::GuildGraph;
use super::graph_loader::GraphLoader;
use super::port::{ReadTx, StoreError};
use super::profile_index::ProfileIndex;
use super::tag_index::TagIndex;
use super::{GuildId, GuildLimits, MemberId};

/// One server's state.
#[derive(Debug, Default)]
pub(crate) struct GuildMemory {
    /// Connections between members in good standing: a banned member's are left out.
    pub(crate) graph: RwLock<GuildGraph>,
    pub(crate) names: RwLock<Directory>,
    /// Members banned from the server: out of everyone's lists.
    pub(crate) banned: RwLock<HashSet<MemberId>>,
    /// The server's limits, read by every invitation and acceptance.
    pub(crate) limits: RwLock<GuildLimits>,
    /// Profiles, who hides theirs, and the search indexes over them.
    pub(crate) profiles: RwLock<ProfileIndex>,
    /// Members' private tags on their connections.
    pub(crate) tags: RwLock<TagIndex>,
    /// The number of the last logged write applied here; 0 on a store that keeps no log.
    /// Changed only under the server's write lock.
    applied: AtomicU64,
    /// When it was last used, in seconds of this process's [`uptime`].
    last_used: AtomicU64,
}

/// Seconds since this process first asked: a clock for "last used" that only moves forward.
pub(crate) fn uptime() -> u64 {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    START
        .get_or_init(std::time::Instant::now)
        .elapsed()
        .as_secs()
}

impl GuildMemory {
    /// Reads a server's state from one snapshot.
    pub(crate) async fn read_from(
        tx: &mut (dyn ReadTx + '_),
        guild: GuildId,
    ) -> Result<Self, StoreError> {
        // First, so the state read below is the database as of exactly this logged write.
        let applied = tx.last_change(guild).await?.unwrap_or(0);
        let banned: HashSet<MemberId> = tx.banned_members(guild).await?.into_iter().collect();
        let loader = GraphLoader::start(banned.clone());
        tx.all_connections(guild, &mut |batch| loader.add(batch))
            .await?;
        let graph = loader.finish();
        let names = tx.all_member_names(guild).await?;
        let limits = tx.limits(guild).await?;
        let profiles = ProfileIndex::load(
            tx.all_profiles(guild).await?,
            tx.hidden_profiles(guild).await?,
        );
        let tags = TagIndex::load(tx.all_tags(guild).await?);
        Ok(GuildMemory {
            graph: RwLock::new(graph.await),
            names: RwLock::new(Directory::from_names(names)),
            banned: RwLock::new(banned),
            limits: RwLock::new(limits),
            profiles: RwLock::new(profiles),
            tags: RwLock::new(tags),
            applied: AtomicU64::new(applied),
            last_used: AtomicU64::new(uptime()),
        })
    }

    /// Marks the state as used now.
    pub(crate) fn touch(&self) {
        self.last_used.store(uptime(), Ordering::Relaxed);
    }

    /// Seconds since it was last used.
    pub(crate) fn idle_secs(&self) -> u64 {
        uptime().saturating_sub(self.last_used.load(Ordering::Relaxed))
    }

    /// The number of the last logged write applied here (0 where the store keeps no log).
    pub(crate) fn applied(&self) -> u64 {
        self.applied.load(Ordering::Acquire)
    }

    /// Applies a logged write in its place in the sequence (call under the server's write
    /// lock). False if writes before it are missing: nothing is applied, and the caller reads
    /// them from the log ([`GuildMemory::catch_up`]). A write already applied is skipped.
    pub(crate) fn apply_logged(&self, write: LoggedWrite) -> bool {
        let applied = self.applied();
        if write.seq <= applied {
            return true;
        }
        if write.seq != applied + 1 {
            return false;
        }
        for change in write.changes {
            self.apply(change);
        }
        self.applied.store(write.seq, Ordering::Release);
        true
    }

    /// Applies every logged write after the last one applied here, read from `tx` (call under
    /// the server's write lock). False if the log no longer reaches back that far, or holds a
    /// write this binary cannot read: then only reading the server afresh brings it in step.
    pub(crate) async fn catch_up(
        &self,
        tx: &mut (dyn ReadTx + '_),
        guild: GuildId,
    ) -> Result<bool, StoreError> {
        let Some(writes) = tx.changes_after(guild, self.applied()).await? else {
            return Ok(false);
        };
        Ok(writes.into_iter().all(|write| self.apply_logged(write)))
    }

    /// Where this state differs from `fresh` (the same server read from the database now):
    /// empty when memory is exactly in step.
    pub(crate) fn differences(&self, fresh: &GuildMemory) -> Vec<String> {
        let mut found = Vec::new();
        if self.applied() != fresh.applied() {
            found.push(format!(
                "applied write {} of the log, the database is at {}",
                self.applied(),
                fresh.applied()
            ));
        }
        let (mine, theirs) = (read(&self.graph).edges(), read(&fresh.graph).edges());
        if mine != theirs {
            let extra: Vec<_> = mine.iter().filter(|e| !theirs.contains(e)).collect();
            let missing: Vec<_> = theirs.iter().filter(|e| !mine.contains(e)).collect();
            found.push(format!(
                "graph: in memory only {extra:?}, in the database only {missing:?}"
            ));
        }
        if read(&self.names).entries() != read(&fresh.names).entries() {
            found.push("directory: names differ".to_owned());
        }
        if *read(&self.banned) != *read(&fresh.banned) {
            found.push(format!(
                "banned: memory {:?}, database {:?}",
                read(&self.banned),
                read(&fresh.banned)
            ));
        }
        let (mine, theirs) = (
            read(&self.profiles).entries(),
            read(&fresh.profiles).entries(),
        );
        if mine != theirs {
            found.push(format!("profiles: memory {mine:?}, database {theirs:?}"));
        }
        let (mine, theirs) = (read(&self.tags).entries(), read(&fresh.tags).entries());
        if mine != theirs {
            found.push(format!("tags: memory {mine:?}, database {theirs:?}"));
        }
        if *read(&self.limits) != *read(&fresh.limits) {
            found.push(format!(
                "limits: memory {:?}, database {:?}",
                read(&self.limits),
                read(&fresh.limits)
            ));
        }
        found
    }

    fn apply(&self, change: Change) {
        match change {
            // The graph leaves banned members out, as a load does.
            Change::Connected(a, b, since) => {
                let banned = read(&self.banned);
                if !banned.contains(&a) && !banned.contains(&b) {
                    write(&self.graph).connect(a, b, since);
                }
            }
            Change::Disconnected(a, b) => write(&self.graph).disconnect(a, b),
            Change::Banned(member) => {
                write(&self.banned).insert(member);
                write(&self.graph).remove_member(member);
            }
            Change::Unbanned { member, peers } => {
                let mut banned = write(&self.banned);
                banned.remove(&member);
                let mut graph = write(&self.graph);
                for (peer, since) in peers.into_iter().filter(|(p, _)| !banned.contains(p)) {
                    graph.connect(member, peer, since);
                }
            }
            Change::Erased(member) => {
                write(&self.graph).remove_member(member);
                write(&self.names).remove(member);
                write(&self.profiles).remove(member);
                write(&self.tags).forget(member);
            }
            Change::Tagged { owner, peer, tag } => write(&self.tags).add(owner, peer, tag),
            Change::Untagged { owner, peer, tag } => write(&self.tags).remove(owner, peer, &tag),
            Change::Named(member, names) => write(&self.names).set(member, names),
            Change::Limits(limits) => *write(&self.limits) = limits,
            Change::Profile { member, profile } => write(&self.profiles).set(member, profile),
            Change::ProfileVisibility { member, visibility } => {
                write(&self.profiles).set_visibility(member, visibility)
            }
        }
    }
}

/// A server's place in memory.
enum Slot {
    /// Being read from a snapshot; the writes committed since wait here, in order, with their
    /// numbers where the store logs them.
    Loading(Vec<(Option<u64>, Vec<Change>)>),
    Loaded(Arc<GuildMemory>),
}

/// The state of every server used since start-up.
#[derive(Default)]
pub(crate) struct Memory {
    guilds: RwLock<HashMap<GuildId, Slot>>,
}

impl Memory {
    /// The server's state, if it is loaded.
    pub(crate) fn get(&self, guild: GuildId) -> Option<Arc<GuildMemory>> {
        match read(&self.guilds).get(&guild) {
            Some(Slot::Loaded(state)) => Some(Arc::clone(state)),
            _ => None,
        }
    }

    /// The servers whose state is loaded.
    pub(crate) fn loaded_guilds(&self) -> Vec<GuildId> {
        read(&self.guilds)
            .iter()
            .filter(|(_, slot)| matches!(slot, Slot::Loaded(_)))
            .map(|(guild, _)| *guild)
            .collect()
    }

    /// A committed write's changes, in order (call under the server's write lock): applied to
    /// a loaded server, queued for one being loaded, and nothing for one not in memory (it
    /// will be read from the database, changes included, when first used). `seq` is the
    /// write's number where the store logs writes. False if a loaded server is missing
    /// earlier writes: the caller must catch it up from the log, or forget it.
    pub(crate) fn committed(&self, guild: GuildId, seq: Option<u64>, changes: Vec<Change>) -> bool {
        // Applied outside the map's lock: applying waits for the graph's readers (a walk can
        // take milliseconds), and other servers' lookups must not wait with it.
        if let Some(state) = self.get(guild) {
            return match seq {
                Some(seq) => state.apply_logged(LoggedWrite { seq, changes }),
                None => {
                    changes.into_iter().for_each(|change| state.apply(change));
                    true
                }
            };
        }
        // Not loaded: loading or absent. Only a load moves a server to loaded, and it does so
        // under the server's write lock, which the caller holds, so the answer cannot change
        // between the two locks.
        if let Some(Slot::Loading(queue)) = write(&self.guilds).get_mut(&guild) {
            queue.push((seq, changes));
        }
        true
    }

    /// Marks the server as loading: call under the server's write lock, right after pinning the snapshot
    /// it will be read from. A loading mark left by a failed load is replaced.
    pub(crate) fn begin_loading(&self, guild: GuildId) {
        write(&self.guilds).insert(guild, Slot::Loading(Vec::new()));
    }

    /// Installs what was read from the snapshot, with the changes committed since applied in
    /// order (logged writes up to the first gap: on a shared store the caller then catches up
    /// from the log, which also holds what other processes committed). Call under the
    /// server's write lock. `None` if the server was forgotten meanwhile
    /// (see [`Memory::forget`]): what was read may be out of date, and must be read again.
    pub(crate) fn finish_loading(
        &self,
        guild: GuildId,
        state: GuildMemory,
    ) -> Option<Arc<GuildMemory>> {
        let mut guilds = write(&self.guilds);
        match guilds.remove(&guild) {
            Some(Slot::Loaded(loaded)) => {
                let loaded = Arc::clone(&loaded);
                guilds.insert(guild, Slot::Loaded(Arc::clone(&loaded)));
                Some(loaded)
            }
            Some(Slot::Loading(queue)) => {
                for (seq, changes) in queue {
                    let in_sequence = match seq {
                        Some(seq) => state.apply_logged(LoggedWrite { seq, changes }),
                        None => {
                            changes.into_iter().for_each(|change| state.apply(change));
                            true
                        }
                    };
                    if !in_sequence {
                        break;
                    }
                }
                let state = Arc::new(state);
                guilds.insert(guild, Slot::Loaded(Arc::clone(&state)));
                Some(state)
            }
            None => None,
        }
    }

    /// Drops what memory holds of a server, loaded or loading, so that its next use reads it
    /// afresh from the database. For when memory can no longer be sure of it: a write whose
    /// commit may or may not have happened (the connection failed around the commit). Call
    /// under the server's write lock.
    pub(crate) fn forget(&self, guild: GuildId) {
        write(&self.guilds).remove(&guild);
    }

    /// Drops every server, loaded or loading: for when this process may have missed other
    /// processes' writes and cannot tell which servers they touched.
    pub(crate) fn forget_all(&self) {
        write(&self.guilds).clear();
    }

    /// Forgets a load that failed; the next use starts over.
    pub(crate) fn abandon_loading(&self, guild: GuildId) {
        let mut guilds = write(&self.guilds);
        if let Some(Slot::Loading(_)) = guilds.get(&guild) {
            guilds.remove(&guild);
        }
    }
}

/// Locks that survive a panicking holder: every update is one complete step.
pub(crate) fn read<T>(lock: &RwLock<T>) -> RwLockReadGuard<'_, T> {
    lock.read().unwrap_or_else(|p| p.into_inner())
}

fn write<T>(lock: &RwLock<T>) -> RwLockWriteGuard<'_, T> {
    lock.write().unwrap_or_else(|p| p.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::Timestamp;

    const T0: Timestamp = Timestamp::from_unix_millis(1_000);

    fn g() -> GuildId {
        GuildId::new(1).unwrap()
    }

    fn m(n: u64) -> MemberId {
        MemberId::new(n).unwrap()
    }

    /// What a load read: 1–2 and 2–3 connected.
    fn snapshot() -> GuildMemory {
        GuildMemory {
            graph: RwLock::new(GuildGraph::from_connections([(m(1), m(2)), (m(2), m(3))])),
            ..Default::default()
        }
    }

    #[test]
    fn changes_committed_during_a_load_are_applied_in_order_when_it_finishes() {
        let memory = Memory::default();
        memory.begin_loading(g());
        assert!(memory.get(g()).is_none(), "not usable while loading");
        memory.committed(g(), None, vec![Change::Connected(m(3), m(4), T0)]);
        memory.committed(g(), None, vec![Change::Disconnected(m(1), m(2))]);
        memory.committed(g(), None, vec![Change::Connected(m(1), m(2), T0)]);
        memory.committed(g(), None, vec![Change::Disconnected(m(2), m(3))]);
        memory.committed(g(), None, vec![Change::Banned(m(4))]);
        let limits = GuildLimits {
            connection_cap: 7,
            ..Default::default()
        };
        memory.committed(g(), None, vec![Change::Limits(limits)]);
        let state = memory.finish_loading(g(), snapshot()).unwrap();
        let graph = read(&state.graph);
        assert!(
            graph.are_connected(m(1), m(2)),
            "disconnected then connected again"
        );
        assert!(!graph.are_connected(m(2), m(3)));
        assert!(!graph.are_connected(m(3), m(4)), "banned after connecting");
        assert!(read(&state.banned).contains(&m(4)));
        assert_eq!(*read(&state.limits), limits);
        assert!(Arc::ptr_eq(&state, &memory.get(g()).unwrap()));
    }

    #[test]
    fn logged_writes_apply_in_sequence_once_and_wait_behind_a_gap() {
        let memory = Memory::default();
        memory.begin_loading(g());
        let state = memory.finish_loading(g(), snapshot()).unwrap();
        assert!(
            !memory.committed(g(), Some(2), vec![Change::Connected(m(3), m(4), T0)]),
            "write 1 is missing"
        );
        assert!(!read(&state.graph).are_connected(m(3), m(4)));
        assert_eq!(state.applied(), 0);
        assert!(memory.committed(g(), Some(1), vec![Change::Disconnected(m(1), m(2))]));
        assert!(memory.committed(g(), Some(2), vec![Change::Connected(m(3), m(4), T0)]));
        // Heard of twice (its own commit, then the feed): applied once.
        assert!(memory.committed(g(), Some(1), vec![Change::Connected(m(1), m(2), T0)]));
        let graph = read(&state.graph);
        assert!(!graph.are_connected(m(1), m(2)));
        assert!(graph.are_connected(m(3), m(4)));
        assert_eq!(state.applied(), 2);
    }

    #[test]
    fn a_load_skips_queued_writes_its_snapshot_holds_and_stops_at_a_gap() {
        let memory = Memory::default();
        memory.begin_loading(g());
        // Write 1 is in the snapshot; 2 is not; 4 came after a write this process never saw.
        memory.committed(g(), Some(1), vec![Change::Disconnected(m(1), m(2))]);
        memory.committed(g(), Some(2), vec![Change::Connected(m(3), m(4), T0)]);
        memory.committed(g(), Some(4), vec![Change::Connected(m(5), m(6), T0)]);
        let read_at_write_1 = GuildMemory {
            applied: AtomicU64::new(1),
            ..snapshot()
        };
        let state = memory.finish_loading(g(), read_at_write_1).unwrap();
        let graph = read(&state.graph);
        assert!(graph.are_connected(m(1), m(2)), "as the snapshot has it");
        assert!(graph.are_connected(m(3), m(4)));
        assert!(!graph.are_connected(m(5), m(6)), "left for the log");
        assert_eq!(state.applied(), 2);
    }

    #[test]
    fn a_banned_members_new_connection_stays_out_of_the_graph_as_a_load_leaves_it() {
        let memory = Memory::default();
        memory.begin_loading(g());
        let state = memory.finish_loading(g(), snapshot()).unwrap();
        memory.committed(g(), None, vec![Change::Banned(m(3))]);
        memory.committed(g(), None, vec![Change::Connected(m(3), m(4), T0)]);
        assert!(!read(&state.graph).are_connected(m(3), m(4)));
        memory.committed(
            g(),
            None,
            vec![Change::Unbanned {
                member: m(3),
                peers: vec![(m(2), T0), (m(4), T0)],
            }],
        );
        assert!(read(&state.graph).are_connected(m(3), m(4)));
    }

    #[test]
    fn changes_to_a_server_not_in_memory_are_not_kept() {
        let memory = Memory::default();
        memory.committed(g(), None, vec![Change::Connected(m(3), m(4), T0)]);
        memory.begin_loading(g());
        let state = memory.finish_loading(g(), snapshot()).unwrap();
        assert!(!read(&state.graph).are_connected(m(3), m(4)));
    }

    #[test]
    fn a_server_forgotten_during_its_load_is_not_installed() {
        let memory = Memory::default();
        memory.begin_loading(g());
        memory.forget(g());
        assert!(memory.finish_loading(g(), snapshot()).is_none());
        assert!(memory.get(g()).is_none(), "its next use reads it afresh");
        memory.begin_loading(g());
        memory.finish_loading(g(), snapshot()).unwrap();
        memory.forget(g());
        assert!(memory.get(g()).is_none());
    }

    #[test]
    fn an_abandoned_load_leaves_nothing_and_a_new_one_starts_clean() {
        let memory = Memory::default();
        memory.begin_loading(g());
        memory.committed(g(), None, vec![Change::Connected(m(3), m(4), T0)]);
        memory.abandon_loading(g());
        memory.committed(g(), None, vec![Change::Connected(m(5), m(6), T0)]);
        memory.begin_loading(g());
        let state = memory.finish_loading(g(), snapshot()).unwrap();
        let graph = read(&state.graph);
        assert!(!graph.are_connected(m(3), m(4)));
        assert!(!graph.are_connected(m(5), m(6)));
        assert!(graph.are_connected(m(1), m(2)));
    }
}
