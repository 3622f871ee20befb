//! Connecting, disconnecting, and reading a member's connections.

use super::memory::read;
use super::port::StoreError;
use super::tx::Writing;
use super::{
    ConnectionCursor, ConnectionEntry, ConnectionFilter, ConnectionPage, ConnectionWindow,
    DisconnectReceipt, GuildId, MemberId, Network, NetworkError, PagePosition, Timestamp, not_self,
};

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
        self.write(guild, move |tx, now| {
            Box::pin(async move {
                let since = tx
                    .connected_since(guild, remover, removed)
                    .await?
                    .ok_or(NetworkError::NotConnected)?;
                // Nothing below answers: on PostgreSQL these go down with the COMMIT.
                tx.delete_connection(guild, remover, removed, since).await?;
                // The schema and the rules keep an invitation from standing beside a
                // connection; two key lookups clean up should that state ever arise.
                tx.delete_invitation(guild, remover, removed).await?;
                tx.delete_invitation(guild, removed, remover).await?;
                tx.record_removal(guild, remover, removed, since, now)
                    .await?;
                Ok(DisconnectReceipt {
                    removed,
                    connected_since: since,
                })
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
        self.read(move |tx, _| Box::pin(async move { Ok(tx.connected_since(guild, a, b).await?) }))
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
        self.write(guild, move |tx, now| {
            Box::pin(async move {
                tx.ensure_member(guild, owner, now).await?;
                let forget_before = now.minus(SAVED_FILTER_LIFETIME);
                Ok(tx
                    .save_filter(guild, owner, &filter, now, forget_before)
                    .await?)
            })
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
        self.read(move |tx, _| {
            Box::pin(async move { Ok(tx.saved_filter(guild, owner, id).await?) })
        })
        .await
    }

    /// A page of `member`'s connections, newest first, filtered by name and tag.
    ///
    /// The order comes from the database's index (keyset paging: any page costs what the
    /// first does); names come from the in-memory directory, and a name search is checked
    /// there, batch by batch in index order, until the page is full.
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
            Box::pin(async move {
                let limit = window.clamped_limit() as usize;
                // One row more than a page tells whether another page follows that way.
                let wanted = limit + 1;
                let mut rows: Vec<(MemberId, Timestamp)> = Vec::with_capacity(wanted);
                let mut from = window.position;
                // Without a search nearly every row is kept (banned members are rare), so the
                // first batch is the page; a search may skip many, so batches then grow.
                let mut batch = if needle.is_some() { 64 } else { wanted as u32 };
                loop {
                    let scanned = tx
                        .scan_connections(guild, member, from, filter.tag.as_ref(), batch)
                        .await?;
                    let exhausted = scanned.len() < batch as usize;
                    let Some(&(last_peer, last_since)) = scanned.last() else {
                        break;
                    };
                    {
                        let names = read(&memory.names);
                        // Banned members drop out of everyone's list (their rows stay for an
                        // unban).
                        let banned = read(&memory.banned);
                        let kept = scanned.into_iter().filter(|(peer, _)| {
                            !banned.contains(peer)
                                && needle
                                    .as_deref()
                                    .is_none_or(|needle| names.matches(*peer, needle))
                        });
                        rows.extend(kept.take(wanted - rows.len()));
                    }
                    if rows.len() >= wanted || exhausted {
                        break;
                    }
                    let cursor = ConnectionCursor {
                        since: last_since,
                        peer: last_peer,
                    };
                    from = match window.position {
                        PagePosition::Before(_) => PagePosition::Before(cursor),
                        _ => PagePosition::After(cursor),
                    };
                    batch = batch.saturating_mul(4).min(4096);
                }
                let more = rows.len() > limit;
                rows.truncate(limit);
                if matches!(window.position, PagePosition::Before(_)) {
                    rows.reverse();
                }
                let peers: Vec<MemberId> = rows.iter().map(|(peer, _)| *peer).collect();
                let mut tags = tx.tags_for(guild, member, &peers).await?;
                let names = read(&memory.names);
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
        })
        .await
    }
}

/// How long a saved list filter is kept.
const SAVED_FILTER_LIFETIME: std::time::Duration = std::time::Duration::from_secs(24 * 60 * 60);

/// Connects `a` and `b` inside the caller's transaction, lifting the removal between them:
/// `removed_connection` is when the connection one of them had removed began (read by the
/// caller), and it comes back with that date (their tags were never deleted, so they return
/// too). Returns when the connection began and whether it was restored.
///
/// The caller has taken the invitation the connection answers, if any. Only one can stand
/// between two members (inviting someone who invited you connects you), and the schema refuses
/// the connection if one were still pending.
pub(super) async fn connect(
    tx: &mut Writing<'_>,
    guild: GuildId,
    (a, b): (MemberId, MemberId),
    removed_connection: Option<Timestamp>,
    now: Timestamp,
) -> Result<(Timestamp, bool), StoreError> {
    if removed_connection.is_some() {
        tx.lift_removals(guild, a, b).await?;
    }
    let since = removed_connection.unwrap_or(now);
    tx.insert_connection(guild, a, b, since).await?;
    Ok((since, removed_connection.is_some()))
}
