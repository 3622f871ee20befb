//! Connecting, disconnecting, and reading a member's connections.

use super::{
    ConnectionFilter, ConnectionPage, ConnectionWindow, DisconnectReceipt, GuildId, MemberId,
    Network, NetworkError, Timestamp, not_self,
};
use std::sync::Arc;

use super::graph::Graphs;
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
        let graphs = Arc::clone(&self.graphs);
        self.write(move |tx, now| {
            let since = tx
                .connected_since(guild, remover, removed)?
                .ok_or(NetworkError::NotConnected)?;
            tx.delete_connection(guild, remover, removed)?;
            tx.delete_invitations_between(guild, remover, removed)?;
            tx.record_removal(guild, remover, removed, since, now)?;
            tx.after_commit(move || graphs.disconnected(guild, remover, removed));
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

    /// A page of `member`'s connections, newest first, filtered by name and tag.
    pub async fn connections(
        &self,
        guild: GuildId,
        member: MemberId,
        filter: ConnectionFilter,
        window: ConnectionWindow,
    ) -> Result<ConnectionPage, NetworkError> {
        self.read(move |tx, _| Ok(tx.connections_page(guild, member, &filter, window)?))
            .await
    }
}

/// Connects `a` and `b` inside the caller's transaction: their invitations to each other are
/// used up, and a removal between them is lifted. A connection that one of them had removed
/// comes back with its original date (their tags were never deleted, so they return too).
/// Returns when the connection began and whether it was restored.
pub(super) fn connect(
    tx: &WriteTx<'_>,
    graphs: &Arc<Graphs>,
    guild: GuildId,
    a: MemberId,
    b: MemberId,
    now: Timestamp,
) -> Result<(Timestamp, bool), StoreError> {
    let original = match tx.removed_connection_since(guild, a, b)? {
        Some(since) => Some(since),
        None => tx.removed_connection_since(guild, b, a)?,
    };
    tx.delete_invitations_between(guild, a, b)?;
    tx.delete_removals_between(guild, a, b)?;
    let since = original.unwrap_or(now);
    tx.insert_connection(guild, a, b, since)?;
    let graphs = Arc::clone(graphs);
    tx.after_commit(move || graphs.connected(guild, a, b));
    Ok((since, original.is_some()))
}
