//! `connections`: one row per side of each connection (see the migration for why).

use rusqlite::params;

use super::members::names_from_row;
use crate::network::{
    ConnectionEntry, ConnectionFilter, GuildId, MemberId, Page, PageRequest, Timestamp,
};
use crate::store::{ReadTx, StoreError, WriteTx};

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
    pub fn connections_page(
        &self,
        guild: GuildId,
        member: MemberId,
        filter: &ConnectionFilter,
        page: PageRequest,
    ) -> Result<Page<ConnectionEntry>, StoreError> {
        let limit = page.clamped_limit();
        let needle = filter
            .name_contains
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_lowercase);
        // One row more than asked tells whether another page follows.
        let mut rows = self.all(
            "SELECT c.peer_id, c.since_ms, m.display_name, m.username
               FROM connections AS c
               JOIN members AS m ON m.guild_id = c.guild_id AND m.user_id = c.peer_id
              WHERE c.guild_id = ?1 AND c.user_id = ?2
                AND (?3 IS NULL OR instr(m.search_key, ?3) > 0)
                AND (?4 IS NULL OR EXISTS (
                        SELECT 1 FROM tags AS t
                         WHERE t.guild_id = c.guild_id AND t.owner_id = c.user_id
                           AND t.peer_id = c.peer_id AND t.tag = ?4))
              ORDER BY c.since_ms DESC, c.peer_id
              LIMIT ?5 OFFSET ?6",
            params![
                guild,
                member,
                needle,
                filter.tag.as_ref().map(|t| t.as_str()),
                limit + 1,
                page.offset
            ],
            |row| {
                Ok((
                    row.get::<_, MemberId>(0)?,
                    row.get(1)?,
                    names_from_row(2)(row)?,
                ))
            },
        )?;
        let has_more = rows.len() > limit as usize;
        rows.truncate(limit as usize);
        let items = rows
            .into_iter()
            .map(|(peer, since, names)| {
                Ok(ConnectionEntry {
                    peer,
                    since,
                    names,
                    tags: self.tags(guild, member, peer)?,
                })
            })
            .collect::<Result<_, StoreError>>()?;
        Ok(Page { items, has_more })
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
