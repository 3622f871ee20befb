//! `saved_filters`: /connections filters that paging buttons refer to by number.

use rusqlite::params;

use crate::network::port::StoreError;
use crate::network::{ConnectionFilter, GuildId, MemberId, Tag, Timestamp};
use crate::store::sqlite::SqliteTx;

impl SqliteTx<'_> {
    /// `owner`'s saved filter `id`, if it still exists (and is theirs).
    pub fn saved_filter(
        &self,
        guild: GuildId,
        owner: MemberId,
        id: u64,
    ) -> Result<Option<ConnectionFilter>, StoreError> {
        self.one(
            "SELECT name_contains, tag FROM saved_filters
              WHERE filter_id = ?1 AND guild_id = ?2 AND owner_id = ?3",
            params![id as i64, guild, owner],
            |row| {
                Ok(ConnectionFilter {
                    name_contains: row.get(0)?,
                    tag: row.get::<_, Option<String>>(1)?.map(Tag::from_stored),
                })
            },
        )
    }
}

impl SqliteTx<'_> {
    /// Saves a filter and returns its number; forgets the owner's filters saved before
    /// `forget_before`.
    pub fn save_filter(
        &self,
        guild: GuildId,
        owner: MemberId,
        filter: &ConnectionFilter,
        now: Timestamp,
        forget_before: Timestamp,
    ) -> Result<u64, StoreError> {
        self.change(
            "DELETE FROM saved_filters WHERE guild_id = ?1 AND owner_id = ?2 AND saved_ms < ?3",
            params![guild, owner, forget_before],
        )?;
        self.change(
            "INSERT INTO saved_filters (guild_id, owner_id, name_contains, tag, saved_ms)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                guild,
                owner,
                filter.name_contains,
                filter.tag.as_ref().map(Tag::as_str),
                now
            ],
        )?;
        Ok(self.conn.last_insert_rowid() as u64)
    }
}
