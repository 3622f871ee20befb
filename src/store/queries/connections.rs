//! `connections`: one row per side of each connection (see the migration for why).

use std::sync::LazyLock;

use rusqlite::params;

use super::members::names_from_row;
use crate::network::{
    ConnectionEntry, ConnectionFilter, ConnectionPage, ConnectionWindow, GuildId, MemberId,
    PagePosition, Tag, Timestamp,
};
use crate::store::{ReadTx, StoreError, WriteTx};

/// Joins a connection's tags into one column (a control character no tag can contain).
const TAG_SEPARATOR: char = '\u{1f}';

/// The statement for a page, by shape. Conditions on absent filters are left out of the SQL
/// rather than written as `?n IS NULL OR …`: SQLite plans those poorly (about five times slower
/// per page when measured), and there are only 16 shapes.
static PAGE_QUERIES: LazyLock<Vec<String>> = LazyLock::new(|| (0..16).map(page_query).collect());

/// Bit 0: backwards; bit 1: from a cursor; bit 2: name filter; bit 3: tag filter.
/// Parameters: ?1 guild, ?2 member, ?3 lower-cased name filter, ?4 tag, ?5/?6 cursor
/// (since, peer), ?7 row limit. Unused parameters are still bound (SQLite allows that).
fn page_query(shape: usize) -> String {
    let backwards = shape & 1 != 0;
    let mut conditions = String::new();
    if shape & 2 != 0 {
        conditions.push_str(if backwards {
            " AND (c.since_ms > ?5 OR (c.since_ms = ?5 AND c.peer_id < ?6))"
        } else {
            " AND (c.since_ms < ?5 OR (c.since_ms = ?5 AND c.peer_id > ?6))"
        });
    }
    if shape & 4 != 0 {
        conditions.push_str(" AND instr(m.search_key, ?3) > 0");
    }
    if shape & 8 != 0 {
        conditions.push_str(
            " AND EXISTS (SELECT 1 FROM tags AS f WHERE f.guild_id = c.guild_id
                AND f.owner_id = c.user_id AND f.peer_id = c.peer_id AND f.tag = ?4)",
        );
    }
    let order = if backwards {
        "c.since_ms ASC, c.peer_id DESC"
    } else {
        "c.since_ms DESC, c.peer_id ASC"
    };
    format!(
        "SELECT c.peer_id, c.since_ms, m.display_name, m.username,
                (SELECT group_concat(tag, char(31)) FROM tags AS t
                  WHERE t.guild_id = c.guild_id AND t.owner_id = c.user_id
                    AND t.peer_id = c.peer_id) AS tags
           FROM connections AS c
           JOIN members AS m ON m.guild_id = c.guild_id AND m.user_id = c.peer_id
          WHERE c.guild_id = ?1 AND c.user_id = ?2{conditions}
          ORDER BY {order}
          LIMIT ?7"
    )
}

impl ReadTx<'_> {
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

    /// Whether `a` and `b` have at least one connection in common.
    pub fn share_a_connection(
        &self,
        guild: GuildId,
        a: MemberId,
        b: MemberId,
    ) -> Result<bool, StoreError> {
        self.exists(
            "SELECT 1 FROM connections AS mine
               JOIN connections AS theirs
                 ON theirs.guild_id = mine.guild_id AND theirs.user_id = ?3
                AND theirs.peer_id = mine.peer_id
              WHERE mine.guild_id = ?1 AND mine.user_id = ?2
              LIMIT 1",
            params![guild, a, b],
        )
    }

    /// A page of `member`'s connections, newest first, with their names and `member`'s tags.
    ///
    /// Keyset paging over `connections_newest_first`: the page starts by seeking to its cursor
    /// in the index, so any page of any member's list costs the same. A name filter is checked
    /// row by row in index order until the page is full.
    pub fn connections_page(
        &self,
        guild: GuildId,
        member: MemberId,
        filter: &ConnectionFilter,
        window: ConnectionWindow,
    ) -> Result<ConnectionPage, StoreError> {
        let limit = window.clamped_limit();
        let needle = filter
            .name_contains
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_lowercase);
        let tag = filter.tag.as_ref().map(|t| t.as_str());
        // Going backwards ("Previous") reads the index the other way and flips the result.
        let (backwards, cursor) = match window.position {
            PagePosition::First => (false, None),
            PagePosition::After(cursor) => (false, Some(cursor)),
            PagePosition::Before(cursor) => (true, Some(cursor)),
        };
        let shape = usize::from(backwards)
            | usize::from(cursor.is_some()) << 1
            | usize::from(needle.is_some()) << 2
            | usize::from(tag.is_some()) << 3;
        let sql = &PAGE_QUERIES[shape];
        // One row more than asked tells whether another page follows in that direction.
        let mut rows = self.all(
            sql,
            params![
                guild,
                member,
                needle,
                tag,
                cursor.map(|c| c.since),
                cursor.map(|c| c.peer),
                limit + 1
            ],
            |row| {
                let tags: Option<String> = row.get(4)?;
                let mut tags: Vec<Tag> = tags
                    .map(|t| t.split(TAG_SEPARATOR).map(|t| Tag::from_stored(t.to_owned())).collect())
                    .unwrap_or_default();
                // Alphabetical, as the column compares them (ASCII case folded).
                tags.sort_by_cached_key(|t| t.as_str().to_ascii_lowercase());
                Ok(ConnectionEntry {
                    peer: row.get(0)?,
                    since: row.get(1)?,
                    names: names_from_row(2)(row)?,
                    tags,
                })
            },
        )?;
        let more = rows.len() > limit as usize;
        rows.truncate(limit as usize);
        Ok(match window.position {
            PagePosition::First => ConnectionPage {
                items: rows,
                has_previous: false,
                has_next: more,
            },
            PagePosition::After(_) => ConnectionPage {
                items: rows,
                has_previous: true,
                has_next: more,
            },
            PagePosition::Before(_) => {
                rows.reverse();
                ConnectionPage {
                    items: rows,
                    has_previous: more,
                    has_next: true,
                }
            }
        })
    }
}

impl ReadTx<'_> {
    /// Every connection in the server, each once (low id first).
    pub fn all_connections(&self, guild: GuildId) -> Result<Vec<(MemberId, MemberId)>, StoreError> {
        self.all(
            "SELECT user_id, peer_id FROM connections
              WHERE guild_id = ?1 AND user_id < peer_id",
            params![guild],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
    }
}

impl WriteTx<'_> {
    /// Connects `a` and `b` (both sides) as of `since`.
    pub fn insert_connection(
        &self,
        guild: GuildId,
        a: MemberId,
        b: MemberId,
        since: Timestamp,
    ) -> Result<(), StoreError> {
        self.change(
            "INSERT INTO connections (guild_id, user_id, peer_id, since_ms)
             VALUES (?1, ?2, ?3, ?4), (?1, ?3, ?2, ?4)",
            params![guild, a, b, since],
        )?;
        Ok(())
    }

    /// Removes both sides of the connection; false if there was none.
    pub fn delete_connection(
        &self,
        guild: GuildId,
        a: MemberId,
        b: MemberId,
    ) -> Result<bool, StoreError> {
        let removed = self.change(
            "DELETE FROM connections
              WHERE guild_id = ?1
                AND ((user_id = ?2 AND peer_id = ?3) OR (user_id = ?3 AND peer_id = ?2))",
            params![guild, a, b],
        )?;
        Ok(removed > 0)
    }
}
