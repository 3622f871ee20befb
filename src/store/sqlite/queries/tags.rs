//! `tags`: a member's private labels on another member.

use rusqlite::params;

use crate::network::port::StoreError;
use crate::network::{GuildId, MemberId, Tag, Timestamp};
use crate::store::sqlite::SqliteTx;

impl SqliteTx<'_> {
    /// `owner`'s tags on `peer`, alphabetically (case-insensitive).
    pub fn tags(
        &self,
        guild: GuildId,
        owner: MemberId,
        peer: MemberId,
    ) -> Result<Vec<Tag>, StoreError> {
        self.all(
            "SELECT tag FROM tags WHERE guild_id = ?1 AND owner_id = ?2 AND peer_id = ?3
              ORDER BY tag",
            params![guild, owner, peer],
            |row| row.get(0).map(Tag::from_stored),
        )
    }
}

impl SqliteTx<'_> {
    /// Every tag in the server, for memory.
    pub fn all_tags(&self, guild: GuildId) -> Result<Vec<(MemberId, MemberId, Tag)>, StoreError> {
        self.all(
            "SELECT owner_id, peer_id, tag FROM tags WHERE guild_id = ?1",
            params![guild],
            |row| Ok((row.get(0)?, row.get(1)?, Tag::from_stored(row.get(2)?))),
        )
    }

    /// The distinct tags `owner` uses, starting with `prefix` (any letter case), alphabetically.
    pub fn tags_in_use(
        &self,
        guild: GuildId,
        owner: MemberId,
        prefix: &str,
        limit: u32,
    ) -> Result<Vec<Tag>, StoreError> {
        // LIKE would treat % and _ in what was typed as wildcards; compare the prefix instead.
        self.all(
            "SELECT DISTINCT tag FROM tags
              WHERE guild_id = ?1 AND owner_id = ?2
                AND lower(substr(tag, 1, length(?3))) = lower(?3)
              ORDER BY tag LIMIT ?4",
            params![guild, owner, prefix, limit],
            |row| row.get(0).map(Tag::from_stored),
        )
    }
}

impl SqliteTx<'_> {
    /// Adds the tag; false if `owner` already had it on `peer` (in any letter case).
    pub fn insert_tag(
        &self,
        guild: GuildId,
        owner: MemberId,
        peer: MemberId,
        tag: &Tag,
        now: Timestamp,
    ) -> Result<bool, StoreError> {
        let added = self.change(
            "INSERT INTO tags (guild_id, owner_id, peer_id, tag, created_ms)
             VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING",
            params![guild, owner, peer, tag.as_str(), now],
        )?;
        Ok(added > 0)
    }

    /// Removes the tag; false if `owner` had no such tag on `peer`.
    pub fn delete_tag(
        &self,
        guild: GuildId,
        owner: MemberId,
        peer: MemberId,
        tag: &Tag,
    ) -> Result<bool, StoreError> {
        let removed = self.change(
            "DELETE FROM tags WHERE guild_id = ?1 AND owner_id = ?2 AND peer_id = ?3 AND tag = ?4",
            params![guild, owner, peer, tag.as_str()],
        )?;
        Ok(removed > 0)
    }
}
