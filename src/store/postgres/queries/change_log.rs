//! The change log (migration 0002): each write's changes to what memory mirrors, numbered per
//! guild, for the other processes sharing this database (see `network::changes`).

use tracing::warn;

use crate::network::port::StoreError;
use crate::network::{Change, GuildId, LoggedWrite};
use crate::store::postgres::PgTx;
use crate::store::postgres::pipeline::owned;

/// Writes kept per guild. A live process is milliseconds behind at most (a process whose feed
/// drops forgets every server instead of catching up), so a thousand is ample; one further
/// behind reads the server afresh. Bounded, the log costs at most ~1,100 rows per server.
const KEPT: i64 = 1_000;

/// Pruning runs on every this-many-th write, deleting everything older than [`KEPT`] at once.
const PRUNE_EVERY: i64 = 100;

const LAST_CHANGE: &str = "SELECT coalesce(max(seq), 0) FROM change_log WHERE guild_id = $1";

impl PgTx<'_> {
    /// Sends the question now; `last_change` reads the answer (see the port).
    pub async fn request_last_change(&self, guild: GuildId) -> Result<(), StoreError> {
        let pending = self.send_one(LAST_CHANGE, owned![guild]).await?;
        *self
            .prefetched
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Some((guild, pending));
        Ok(())
    }

    pub async fn last_change(&self, guild: GuildId) -> Result<Option<u64>, StoreError> {
        let prefetched = self
            .prefetched
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take()
            .filter(|(asked, _)| *asked == guild);
        let last = match prefetched {
            Some((_, pending)) => match pending.await? {
                Some(row) => row.try_get::<_, i64>(0)?,
                None => 0,
            },
            None => self
                .one(LAST_CHANGE, &[&guild], |row| row.try_get::<_, i64>(0))
                .await?
                .unwrap_or(0),
        };
        Ok(Some(last as u64))
    }

    pub async fn changes_after(
        &self,
        guild: GuildId,
        after: u64,
    ) -> Result<Option<Vec<LoggedWrite>>, StoreError> {
        let rows = self
            .all(
                "SELECT seq, changes FROM change_log
                  WHERE guild_id = $1 AND seq > $2 ORDER BY seq",
                &[&guild, &(after as i64)],
                |row| {
                    Ok((
                        row.try_get::<_, i64>(0)? as u64,
                        row.try_get::<_, String>(1)?,
                    ))
                },
            )
            .await?;
        // The newest write is never pruned, so a log that has moved on holds at least one row;
        // if it does not start right after `after`, what lies between is gone.
        if rows.first().is_some_and(|(seq, _)| *seq != after + 1) {
            return Ok(None);
        }
        let mut writes = Vec::with_capacity(rows.len());
        for (seq, text) in rows {
            match serde_json::from_str::<Vec<Change>>(&text) {
                Ok(changes) => writes.push(LoggedWrite { seq, changes }),
                Err(error) => {
                    // A newer binary's change, during a rolling upgrade: read afresh instead.
                    warn!(guild = guild.get(), seq, %error, "a logged write this binary cannot read");
                    return Ok(None);
                }
            }
        }
        Ok(Some(writes))
    }

    pub async fn publish_changes(
        &self,
        guild: GuildId,
        seq: u64,
        changes: &[Change],
    ) -> Result<(), StoreError> {
        let text = serde_json::to_string(changes)
            .map_err(|e| StoreError::new("could not encode a write's changes", e))?;
        let seq = seq as i64;
        self.queue(
            "INSERT INTO change_log (guild_id, seq, changes) VALUES ($1, $2, $3)",
            owned![guild, seq, text],
        );
        if seq % PRUNE_EVERY == 0 {
            self.queue(
                "DELETE FROM change_log WHERE guild_id = $1 AND seq <= $2",
                owned![guild, seq - KEPT],
            );
        }
        Ok(())
    }
}
