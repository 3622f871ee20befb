//! What the network keeps in memory for each server: the connection graph, the member
//! directory, the banned members and the server's limits. SQLite stays the source of truth.
//!
//! Consistency: a server's state is loaded on first use inside a write transaction, which holds
//! the store's write lock, so no write can commit between reading the rows and installing the
//! state. Every later write that changes connections or names registers an after-commit effect;
//! effects run after the commit and still under the write lock, so they apply in commit order
//! and are never applied for a rolled-back write. One process per database file: a second
//! process writing the same file would not update this process's memory.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, RwLock, RwLockReadGuard, RwLockWriteGuard};

use super::directory::Directory;
use super::graph::GuildGraph;
use super::{GuildId, GuildLimits, MemberId, MemberNames};
use crate::store::{StoreError, WriteTx};

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
}

/// The state of every server used since start-up.
#[derive(Default)]
pub(crate) struct Memory {
    guilds: RwLock<HashMap<GuildId, Arc<GuildMemory>>>,
}

impl Memory {
    pub(crate) fn get(&self, guild: GuildId) -> Option<Arc<GuildMemory>> {
        read(&self.guilds).get(&guild).cloned()
    }

    /// Loads a server's state from the database. Call inside a write transaction (see the
    /// module comment); returns the state already loaded if another task got there first.
    pub(crate) fn load(
        &self,
        tx: &WriteTx<'_>,
        guild: GuildId,
    ) -> Result<Arc<GuildMemory>, StoreError> {
        if let Some(loaded) = self.get(guild) {
            return Ok(loaded);
        }
        let banned: HashSet<MemberId> = tx.banned_members(guild)?.into_iter().collect();
        let connections = tx
            .all_connections(guild)?
            .into_iter()
            .filter(|(a, b)| !banned.contains(a) && !banned.contains(b));
        let state = Arc::new(GuildMemory {
            graph: RwLock::new(GuildGraph::from_connections(connections)),
            names: RwLock::new(Directory::from_names(tx.all_member_names(guild)?)),
            banned: RwLock::new(banned),
            limits: RwLock::new(tx.limits(guild)?),
        });
        write(&self.guilds).insert(guild, Arc::clone(&state));
        Ok(state)
    }

    /// After-commit effects; a server whose state is not loaded has nothing to update.
    pub(crate) fn connected(&self, guild: GuildId, a: MemberId, b: MemberId) {
        if let Some(state) = self.get(guild) {
            write(&state.graph).connect(a, b);
        }
    }

    pub(crate) fn disconnected(&self, guild: GuildId, a: MemberId, b: MemberId) {
        if let Some(state) = self.get(guild) {
            write(&state.graph).disconnect(a, b);
        }
    }

    /// The member was banned: out of the graph (their connections stay in the database).
    pub(crate) fn banned(&self, guild: GuildId, member: MemberId) {
        if let Some(state) = self.get(guild) {
            write(&state.banned).insert(member);
            write(&state.graph).remove_member(member);
        }
    }

    /// The member was unbanned: their connections (`peers`, as stored) come back, except those
    /// with members still banned.
    pub(crate) fn unbanned(&self, guild: GuildId, member: MemberId, peers: Vec<MemberId>) {
        if let Some(state) = self.get(guild) {
            let mut banned = write(&state.banned);
            banned.remove(&member);
            let mut graph = write(&state.graph);
            for peer in peers.into_iter().filter(|p| !banned.contains(p)) {
                graph.connect(member, peer);
            }
        }
    }

    pub(crate) fn erased(&self, guild: GuildId, member: MemberId) {
        if let Some(state) = self.get(guild) {
            write(&state.graph).remove_member(member);
            write(&state.names).remove(member);
        }
    }

    pub(crate) fn limits_changed(&self, guild: GuildId, limits: GuildLimits) {
        if let Some(state) = self.get(guild) {
            *write(&state.limits) = limits;
        }
    }

    pub(crate) fn named(&self, guild: GuildId, member: MemberId, names: MemberNames) {
        if let Some(state) = self.get(guild) {
            write(&state.names).set(member, names);
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
