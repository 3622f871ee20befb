//! Connecting, disconnecting, and reading a member's connections.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::memory::read;
use super::port::StoreError;
use super::tx::Writing;
use super::{
    ConnectionEntry, ConnectionFilter, ConnectionPage, ConnectionWindow, DisconnectReceipt,
    GuildId, MemberId, Network, NetworkError, PagePosition, Timestamp, not_self,
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
                tx.add_member_if_missing(guild, owner, now).await?;
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
    /// Read from memory alone — the graph keeps when each connection began, and memory keeps
    /// names and tags — so a page costs no database round trip on any store. Keyset paging:
    /// the page after (or before) a cursor is found by comparing with it, so any page costs
    /// what the first does: one pass over the member's connections.
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
        let limit = window.clamped_limit() as usize;
        // One entry more than a page tells whether another page follows that way.
        let wanted = limit + 1;
        let graph = read(&memory.graph);
        let names = read(&memory.names);
        let tags = read(&memory.tags);
        let keep = |peer: MemberId| {
            filter
                .tag
                .as_ref()
                .is_none_or(|tag| tags.has(member, peer, tag))
                && needle
                    .as_deref()
                    .is_none_or(|needle| names.matches(peer, needle))
        };
        let (peers, dates) = graph.dated(member);
        let entries = peers.iter().copied().zip(dates.iter().copied());
        let id = |at: u32| graph.id(at);
        // List order is newest first, then by id. Going forwards the nearest entries are the
        // newest; going backwards from a cursor, the oldest — each as a key where smaller is
        // nearer: (date, then id), the date negated forwards, the id reversed backwards.
        let mut rows: Vec<(MemberId, Timestamp)> = match window.position {
            PagePosition::Before(c) => {
                let mut found = nearest(
                    entries,
                    wanted,
                    |since| since.unix_millis(),
                    Reverse,
                    Some((c.since.unix_millis(), Reverse(c.peer))),
                    id,
                    keep,
                );
                found.reverse();
                found
            }
            position => {
                let after = match position {
                    PagePosition::After(c) => Some((-c.since.unix_millis(), c.peer)),
                    _ => None,
                };
                nearest(
                    entries,
                    wanted,
                    |since| -since.unix_millis(),
                    |peer| peer,
                    after,
                    id,
                    keep,
                )
            }
        };
        let more = rows.len() > limit;
        if more {
            if matches!(window.position, PagePosition::Before(_)) {
                rows.remove(0);
            } else {
                rows.truncate(limit);
            }
        }
        let items = rows
            .into_iter()
            .map(|(peer, since)| ConnectionEntry {
                peer,
                since,
                names: names.names(peer).cloned(),
                tags: tags.of(member, peer).to_vec(),
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

/// The `n` entries nearest a page's start that `keep` accepts, nearest first: each entry's key
/// is (`date` of its date, then `tie` of its id), smaller nearer, and only keys past `after`
/// count. A heap of `n` keeps the nearest so far; an entry whose date alone puts it past the
/// cursor or behind the farthest kept is passed over before its id is even looked up (on a big
/// server that lookup is a cache miss), so a hub's list costs one pass over its dates.
fn nearest<P: Ord + Copy>(
    entries: impl Iterator<Item = (u32, Timestamp)>,
    n: usize,
    date: impl Fn(Timestamp) -> i64,
    tie: impl Fn(MemberId) -> P,
    after: Option<(i64, P)>,
    id: impl Fn(u32) -> MemberId,
    keep: impl Fn(MemberId) -> bool,
) -> Vec<(MemberId, Timestamp)> {
    let mut kept: BinaryHeap<((i64, P), MemberId, Timestamp)> = BinaryHeap::with_capacity(n + 1);
    for (at, since) in entries {
        let d = date(since);
        if after.is_some_and(|(cursor, _)| d < cursor)
            || (kept.len() == n && kept.peek().is_some_and(|farthest| d > farthest.0.0))
        {
            continue;
        }
        let peer = id(at);
        let key = (d, tie(peer));
        if after.is_some_and(|cursor| key <= cursor) || !keep(peer) {
            continue;
        }
        if kept.len() < n {
            kept.push((key, peer, since));
        } else if kept.peek().is_some_and(|farthest| key < farthest.0) {
            kept.pop();
            kept.push((key, peer, since));
        }
    }
    let mut nearest = kept.into_vec();
    nearest.sort_unstable_by_key(|entry| entry.0);
    nearest
        .into_iter()
        .map(|(_, peer, since)| (peer, since))
        .collect()
}
