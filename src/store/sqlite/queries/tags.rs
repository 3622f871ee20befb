//! `tags`: a member's private labels on another member.

use std::collections::HashMap;

use rusqlite::params;

use crate::network::port::StoreError;
use crate::network::{GuildId, MemberId, Tag, Timestamp};
use crate::store::sqlite::SqliteTx;

/// Peers per `tags_for` statement: a page of connections plus one.
const TAGS_FOR_BATCH: usize = 12;

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

    /// `owner`'s tags on each of `peers` (a page's worth), alphabetically per peer.
    pub fn tags_for(
        &self,
        guild: GuildId,
        owner: MemberId,
        peers: &[MemberId],
    ) -> Result<HashMap<MemberId, Vec<Tag>>, StoreError> {
        let mut found: HashMap<MemberId, Vec<Tag>> = HashMap::new();
        // A fixed number of placeholders keeps it one cached statement; unused ones are NULL.
        for chunk in peers.chunks(TAGS_FOR_BATCH) {
            let mut slots: [Option<MemberId>; TAGS_FOR_BATCH] = [None; TAGS_FOR_BATCH];
            slots[..chunk.len()]
                .iter_mut()
                .zip(chunk)
                .for_each(|(slot, peer)| *slot = Some(*peer));
            let rows = self.all(
                "SELECT peer_id, tag FROM tags
                  WHERE guild_id = ?1 AND owner_id = ?2
                    AND peer_id IN (?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
                  ORDER BY peer_id, tag",
                params![
                    guild, owner, slots[0], slots[1], slots[2], slots[3], slots[4], slots[5],
                    slots[6], slots[7], slots[8], slots[9], slots[10], slots[11]
                ],
                |row| Ok((row.get::<_, MemberId>(0)?, Tag::from_stored(row.get(1)?))),
            )?;
            for (peer, tag) in rows {
                found.entry(peer).or_default().push(tag);
            }
        }
        Ok(found)
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
