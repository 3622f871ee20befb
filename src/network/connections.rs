//! Connecting, disconnecting, and reading a member's connections.

use std::ops::ControlFlow;

use super::memory::{Change, read};
use super::{
    ConnectionEntry, ConnectionFilter, ConnectionPage, ConnectionWindow, DisconnectReceipt,
    GuildId, MemberId, Network, NetworkError, PagePosition, Timestamp, not_self,
};
use std::sync::Arc;

use super::memory::Memory;
use crate::store::{StoreError, WriteTx};

impl Network {
    /// `remover` removes their connection with `removed`.
    ///
    /// Silent by construction: the receipt is for the remover alone, and carries no
    /// notification. Afterwards `removed` cannot invite `remover` (they get the neutral
    /// refusal), while `remover` may re-invite; if accepted, the connection comes back with its
    /// original date and the tags both had put on it.
    pub async fn disconnect(
        &self,
        guild: GuildId,
        remover: MemberId,
        removed: MemberId,
    ) -> Result<DisconnectReceipt, NetworkError> {
        not_self(remover, removed)?;
        let memory = Arc::clone(&self.memory);
        self.write(move |tx, now| {
            let since = tx
                .connected_since(guild, remover, removed)?
                .ok_or(NetworkError::NotConnected)?;
            tx.delete_connection(guild, remover, removed, since)?;
            tx.delete_invitations_between(guild, remover, removed)?;
            tx.record_removal(guild, remover, removed, since, now)?;
            memory.on_commit(tx, guild, Change::Disconnected(remover, removed));
            Ok(DisconnectReceipt {
                removed,
                connected_since: since,
            })
        })
        .await
    }

    /// When `a` and `b` connected, if they are connected.
    pub async fn connected_since(
        &self,
        guild: GuildId,
        a: MemberId,
        b: MemberId,
    ) -> Result<Option<Timestamp>, NetworkError> {
        self.read(move |tx, _| Ok(tx.connected_since(guild, a, b)?))
            .await
    }

    pub async fn is_connected(
        &self,
        guild: GuildId,
        a: MemberId,
        b: MemberId,
    ) -> Result<bool, NetworkError> {
        Ok(self.connected_since(guild, a, b).await?.is_some())
    }

    /// Saves `owner`'s list filter so that later pages can refer to it by number (paging
    /// buttons cannot hold a search text). Numbers stay valid for a day.
    pub async fn save_filter(
        &self,
        guild: GuildId,
        owner: MemberId,
        filter: ConnectionFilter,
    ) -> Result<u64, NetworkError> {
        self.write(move |tx, now| {
            tx.ensure_member(guild, owner, now)?;
            Ok(tx.save_filter(guild, owner, &filter, now, now.minus(SAVED_FILTER_LIFETIME))?)
        })
        .await
    }

    /// A filter `owner` saved, if it is still kept.
    pub async fn saved_filter(
        &self,
        guild: GuildId,
        owner: MemberId,
        id: u64,
    ) -> Result<Option<ConnectionFilter>, NetworkError> {
        self.read(move |tx, _| Ok(tx.saved_filter(guild, owner, id)?))
            .await
    }

    /// A page of `member`'s connections, newest first, filtered by name and tag.
    ///
    /// The order comes from SQLite's covering index (keyset paging: any page costs what the
    /// first does); names come from the in-memory directory, and a name search is checked
    /// there, row by row in index order, until the page is full.
    pub async fn connections(
        &self,
        guild: GuildId,
        member: MemberId,
        filter: ConnectionFilter,
        window: ConnectionWindow,
    ) -> Result<ConnectionPage, NetworkError> {
        let memory = self.memory(guild).await?;
        let needle = filter
            .name_contains
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_lowercase);
        self.read(move |tx, _| {
            let limit = window.clamped_limit() as usize;
            let names = read(&memory.names);
            // Banned members drop out of everyone's list (their rows stay for an unban).
            let banned = read(&memory.banned);
            // One row more than a page tells whether another page follows that way.
            let mut rows = Vec::with_capacity(limit + 1);
            tx.scan_connections(
                guild,
                member,
                window.position,
                filter.tag.as_ref(),
                |peer, since| {
                    let matches = needle
                        .as_deref()
                        .is_none_or(|needle| names.matches(peer, needle));
                    if matches && !banned.contains(&peer) {
                        rows.push((peer, since));
                    }
                    if rows.len() > limit {
                        ControlFlow::Break(())
                    } else {
                        ControlFlow::Continue(())
                    }
                },
            )?;
            let more = rows.len() > limit;
            rows.truncate(limit);
            let backwards = matches!(window.position, PagePosition::Before(_));
            if backwards {
                rows.reverse();
            }
            let peers: Vec<MemberId> = rows.iter().map(|(peer, _)| *peer).collect();
            let mut tags = tx.tags_for(guild, member, &peers)?;
            let items = rows
                .into_iter()
                .map(|(peer, since)| ConnectionEntry {
                    peer,
                    since,
                    names: names.names(peer).cloned(),
                    tags: tags.remove(&peer).unwrap_or_default(),
                })
                .collect();
            Ok(match window.position {
                PagePosition::First => ConnectionPage {
                    items,
                    has_previous: false,
                    has_next: more,
                },
                PagePosition::After(_) => ConnectionPage {
                    items,
                    has_previous: true,
                    has_next: more,
                },
                PagePosition::Before(_) => ConnectionPage {
                    items,
                    has_previous: more,
                    has_next: true,
                },
            })
        })
        .await
    }
}

/// How long a saved list filter is kept.
const SAVED_FILTER_LIFETIME: std::time::Duration = std::time::Duration::from_secs(24 * 60 * 60);

/// Connects `a` and `b` inside the caller's transaction, lifting a removal between them. A
/// connection that one of them had removed comes back with its original date (their tags were
/// never deleted, so they return too). Returns when the connection began and whether it was
/// restored.
///
/// The caller has taken the invitation the connection answers, if any. Only one can stand
/// between two members (inviting someone who invited you connects you), and the schema refuses
/// the connection if one were still pending.
pub(super) fn connect(
    tx: &WriteTx<'_>,
    memory: &Arc<Memory>,
    guild: GuildId,
    (a, b): (MemberId, MemberId),
    now: Timestamp,
) -> Result<(Timestamp, bool), StoreError> {
    let original = tx.take_removal_between(guild, a, b)?;
    let since = original.unwrap_or(now);
    tx.insert_connection(guild, a, b, since)?;
    memory.on_commit(tx, guild, Change::Connected(a, b));
    Ok((since, original.is_some()))
}
