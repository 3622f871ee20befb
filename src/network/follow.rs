//! Following other processes' writes on a shared store: the store's feed says which server's
//! log moved on, and the follower reads the writes this process has not applied from the log
//! and applies them in sequence, under the server's write lock (so they interleave with this
//! process's own writes in commit order).
//!
//! If the feed is cut, this process cannot know what it missed, so it drops every server from
//! memory: each is read afresh on its next use rather than served stale. When the feed is back,
//! the servers read while it was down catch up from the log.

use std::sync::Arc;

use tokio::sync::mpsc::Receiver;
use tokio_util::sync::{CancellationToken, DropGuard};
use tracing::{debug, warn};

use super::changes::FeedEvent;
use super::memory::{GuildMemory, Memory};
use super::port::{Output, Storage};
use super::{GuildId, GuildLocks, NetworkError};

/// Starts following `feed`; it stops when the returned guard is dropped (with the last clone
/// of the network), or when the feed ends.
pub(super) fn spawn(
    storage: Arc<dyn Storage>,
    memory: &Arc<Memory>,
    writing: &Arc<GuildLocks>,
    mut feed: Receiver<FeedEvent>,
) -> DropGuard {
    let stop = CancellationToken::new();
    let stopped = stop.clone();
    // Weak: the network's memory must not outlive the network because its follower runs.
    let (memory, writing) = (Arc::downgrade(memory), Arc::downgrade(writing));
    tokio::spawn(async move {
        loop {
            let event = tokio::select! {
                _ = stopped.cancelled() => break,
                event = feed.recv() => match event {
                    Some(event) => event,
                    None => break,
                },
            };
            let (Some(memory), Some(writing)) = (memory.upgrade(), writing.upgrade()) else {
                break;
            };
            match event {
                FeedEvent::Committed { guild, seq } => {
                    follow(&*storage, &memory, &writing, guild, seq).await;
                }
                FeedEvent::Lost => {
                    warn!("lost the change feed; servers will be read afresh");
                    memory.forget_all();
                }
                FeedEvent::Resumed => {
                    debug!("change feed resumed");
                    for guild in memory.loaded_guilds() {
                        follow(&*storage, &memory, &writing, guild, u64::MAX).await;
                    }
                }
            }
        }
    });
    stop.drop_guard()
}

/// Brings a loaded server up to write `seq` (or as far as the log goes); forgets it if that
/// cannot be done (it is then read afresh on its next use).
pub(super) async fn follow(
    storage: &dyn Storage,
    memory: &Memory,
    writing: &GuildLocks,
    guild: GuildId,
    seq: u64,
) {
    let behind = |memory: &Memory| memory.get(guild).filter(|state| state.applied() < seq);
    if behind(memory).is_none() {
        return;
    }
    let _in_order = writing.lock(guild).await;
    // Checked again under the lock: this process's own write may have applied it meanwhile.
    let Some(state) = behind(memory) else {
        return;
    };
    match catch_up(storage, guild, state).await {
        Ok(true) => {}
        Ok(false) => memory.forget(guild),
        Err(error) => {
            warn!(guild = guild.get(), error = %error, "could not read the change log; the server will be read afresh");
            memory.forget(guild);
        }
    }
}

/// Applies the server's logged writes that `state` lacks, read in one transaction. False if
/// the log no longer reaches back that far. Call under the server's write lock.
pub(super) async fn catch_up(
    storage: &dyn Storage,
    guild: GuildId,
    state: Arc<GuildMemory>,
) -> Result<bool, NetworkError> {
    let caught_up = storage
        .read(Box::new(move |tx| {
            Box::pin(async move { Ok(Box::new(state.catch_up(tx, guild).await?) as Output) })
        }))
        .await?;
    Ok(*caught_up
        .downcast::<bool>()
        .expect("a catch-up returns whether it caught up"))
}
