//! `connections`: one row per side of each connection (see the migration for why).

use std::sync::LazyLock;

use rusqlite::{ToSql, params};

use crate::network::port::{CONNECTION_BATCH, StoreError};
use crate::network::{GuildId, MemberId, PagePosition, Tag, Timestamp};
use crate::store::sqlite::SqliteTx;

/// The statement for a scan, by shape. Conditions that do not apply are left out of the SQL
/// rather than written as `?n IS NULL OR …`, which SQLite plans poorly (about five times
/// slower per page, measured).
static SCAN_QUERIES: LazyLock<Vec<String>> = LazyLock::new(|| (0..8).map(scan_query).collect());

/// Bit 0: backwards; bit 1: from a cursor; bit 2: tag filter. Parameters: ?1 guild, ?2 member,
/// ?3/?4 cursor (since, peer), ?5 tag, ?6 limit. SQLite counts parameters up to the highest
/// number used, ?6 in every shape, so all six are always bound (unused ones are ignored).
/// Reads only the covering index `connections_newest_first` (plus `tags` for a tag filter).
fn scan_query(shape: usize) -> String {
    let backwards = shape & 1 != 0;
    let mut conditions = String::new();
    if shape & 2 != 0 {
        conditions.push_str(if backwards {
            " AND (c.since_ms > ?3 OR (c.since_ms = ?3 AND c.peer_id < ?4))"
        } else {
            " AND (c.since_ms < ?3 OR (c.since_ms = ?3 AND c.peer_id > ?4))"
        });
    }
    if shape & 4 != 0 {
        conditions.push_str(
            " AND EXISTS (SELECT 1 FROM tags AS f WHERE f.guild_id = c.guild_id
                AND f.owner_id = c.user_id AND f.peer_id = c.peer_id AND f.tag = ?5)",
        );
    }
    let order = if backwards {
        "c.since_ms ASC, c.peer_id DESC"
    } else {
        "c.since_ms DESC, c.peer_id ASC"
    };
    format!(
        "SELECT c.peer_id, c.since_ms FROM connections AS c
          WHERE c.guild_id = ?1 AND c.user_id = ?2{conditions}
          ORDER BY {order} LIMIT ?6"
    )
}

impl SqliteTx<'_> {
    /// When `a` and `b` connected, if they are connected.
    pub fn connected_since(
        &self,
        guild: GuildId,
        a: MemberId,
        b: MemberId,
    ) -> Result<Option<Timestamp>, StoreError> {
        self.one(
            "SELECT since_ms FROM connections
              WHERE guild_id = ?1 AND user_id = ?2 AND peer_id = ?3",
            params![guild, a, b],
            |row| row.get(0),
        )
    }

    /// Up to `limit` of `member`'s connections in list order from `from`: newest first, or,
    /// for [`PagePosition::Before`], oldest first back from the cursor. Only the covering
    /// index is read.
    pub fn scan_connections(
        &self,
        guild: GuildId,
        member: MemberId,
        from: PagePosition,
        tag: Option<&Tag>,
        limit: u32,
    ) -> Result<Vec<(MemberId, Timestamp)>, StoreError> {
        let (backwards, cursor) = match from {
            PagePosition::First => (false, None),
            PagePosition::After(cursor) => (false, Some(cursor)),
            PagePosition::Before(cursor) => (true, Some(cursor)),
        };
        let shape = usize::from(backwards)
            | usize::from(cursor.is_some()) << 1
            | usize::from(tag.is_some()) << 2;
        let mut statement = self.conn.prepare_cached(&SCAN_QUERIES[shape])?;
        let (since, peer, tag) = (
            cursor.map(|c| c.since),
            cursor.map(|c| c.peer),
            tag.map(Tag::as_str),
        );
        let all: [&dyn ToSql; 6] = [&guild, &member, &since, &peer, &tag, &limit];
        let rows = statement.query_map(&all[..], |row| Ok((row.get(0)?, row.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

impl SqliteTx<'_> {
    /// Every connection in the server, each once (low id first).
    pub fn all_connections(
        &self,
        guild: GuildId,
        batch: &mut (dyn FnMut(Vec<(MemberId, MemberId)>) + Send),
    ) -> Result<(), StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT user_id, peer_id FROM connections
              WHERE guild_id = ?1 AND user_id < peer_id",
        )?;
        let mut rows = statement.query(params![guild])?;
        let mut filling = Vec::with_capacity(CONNECTION_BATCH);
        while let Some(row) = rows.next()? {
            filling.push((row.get(0)?, row.get(1)?));
            if filling.len() == CONNECTION_BATCH {
                batch(std::mem::replace(
                    &mut filling,
                    Vec::with_capacity(CONNECTION_BATCH),
                ));
            }
        }
        batch(filling);
        Ok(())
    }
}

impl SqliteTx<'_> {
    /// Connects `a` and `b` (both sides) as of `since`.
    pub fn insert_connection(
        &self,
        guild: GuildId,
        a: MemberId,
        b: MemberId,
        since: Timestamp,
    ) -> Result<(), StoreError> {
        // One row per statement: a two-row VALUES into a table with a trigger is first copied
        // into a temporary table and needs a statement journal (measured 15% more work). The
        // mirror foreign key is deferred, so the first row may stand alone until the commit.
        for (user, peer) in [(a, b), (b, a)] {
            self.change(
                "INSERT INTO connections (guild_id, user_id, peer_id, since_ms)
                 VALUES (?1, ?2, ?3, ?4)",
                params![guild, user, peer, since],
            )?;
        }
        Ok(())
    }

    /// Removes both sides of the connection that began at `since`; false if there was none.
    pub fn delete_connection(
        &self,
        guild: GuildId,
        a: MemberId,
        b: MemberId,
        since: Timestamp,
    ) -> Result<(), StoreError> {
        // Two statements, each a point delete by the full key. One statement with `OR` made
        // SQLite collect the keys in a temporary table first: five times the work.
        for (user, peer) in [(a, b), (b, a)] {
            self.change(
                "DELETE FROM connections
                  WHERE guild_id = ?1 AND user_id = ?2 AND since_ms = ?4 AND peer_id = ?3",
                params![guild, user, peer, since],
            )?;
        }
        Ok(())
    }
}
