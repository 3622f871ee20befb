//! `tags` (private, per connection) and `saved_filters`. Tags compare case-insensitively for
//! ASCII letters, as SQLite's NOCASE does (`ascii_lower`, see the migration).

use crate::network::port::StoreError;
use crate::network::{ConnectionFilter, GuildId, MemberId, Tag, Timestamp};
use crate::store::postgres::PgTx;

impl PgTx<'_> {
    pub async fn tags(
        &self,
        guild: GuildId,
        owner: MemberId,
        peer: MemberId,
    ) -> Result<Vec<Tag>, StoreError> {
        self.all(
            "SELECT tag FROM tags WHERE guild_id = $1 AND owner_id = $2 AND peer_id = $3
              ORDER BY ascii_lower(tag) COLLATE \"C\"",
            &[&guild, &owner, &peer],
            |row| row.try_get(0).map(Tag::from_stored),
        )
        .await
    }

    pub async fn tags_in_use(
        &self,
        guild: GuildId,
        owner: MemberId,
        prefix: &str,
        limit: u32,
    ) -> Result<Vec<Tag>, StoreError> {
        self.all(
            "SELECT DISTINCT ON (ascii_lower(tag) COLLATE \"C\") tag FROM tags
              WHERE guild_id = $1 AND owner_id = $2
                AND ascii_lower(left(tag, char_length($3))) = ascii_lower($3)
              ORDER BY ascii_lower(tag) COLLATE \"C\", tag
              LIMIT $4",
            &[&guild, &owner, &prefix, &i64::from(limit)],
            |row| row.try_get(0).map(Tag::from_stored),
        )
        .await
    }

    /// Every tag in the server, for memory.
    pub async fn all_tags(
        &self,
        guild: GuildId,
    ) -> Result<Vec<(MemberId, MemberId, Tag)>, StoreError> {
        self.all_streamed(
            "SELECT owner_id, peer_id, tag FROM tags WHERE guild_id = $1",
            &[&guild],
            |row| {
                Ok((
                    row.try_get(0)?,
                    row.try_get(1)?,
                    Tag::from_stored(row.try_get(2)?),
                ))
            },
        )
        .await
    }

    pub async fn insert_tag(
        &self,
        guild: GuildId,
        owner: MemberId,
        peer: MemberId,
        tag: &Tag,
        now: Timestamp,
    ) -> Result<bool, StoreError> {
        let added = self
            .change(
                "INSERT INTO tags (guild_id, owner_id, peer_id, tag, created_ms)
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
                &[&guild, &owner, &peer, &tag.as_str(), &now],
            )
            .await?;
        Ok(added > 0)
    }

    pub async fn delete_tag(
        &self,
        guild: GuildId,
        owner: MemberId,
        peer: MemberId,
        tag: &Tag,
    ) -> Result<bool, StoreError> {
        let removed = self
            .change(
                "DELETE FROM tags WHERE guild_id = $1 AND owner_id = $2 AND peer_id = $3
                   AND ascii_lower(tag) = ascii_lower($4)",
                &[&guild, &owner, &peer, &tag.as_str()],
            )
            .await?;
        Ok(removed > 0)
    }

    pub async fn saved_filter(
        &self,
        guild: GuildId,
        owner: MemberId,
        id: u64,
    ) -> Result<Option<ConnectionFilter>, StoreError> {
        let Ok(id) = i64::try_from(id) else {
            return Ok(None);
        };
        self.one(
            "SELECT name_contains, tag FROM saved_filters
              WHERE guild_id = $1 AND filter_id = $2 AND owner_id = $3",
            &[&guild, &id, &owner],
            |row| {
                Ok(ConnectionFilter {
                    name_contains: row.try_get(0)?,
                    tag: row.try_get::<_, Option<String>>(1)?.map(Tag::from_stored),
                })
            },
        )
        .await
    }

    pub async fn save_filter(
        &self,
        guild: GuildId,
        owner: MemberId,
        filter: &ConnectionFilter,
        now: Timestamp,
        forget_before: Timestamp,
    ) -> Result<u64, StoreError> {
        let id = self
            .one(
                "WITH forgotten AS (
                     DELETE FROM saved_filters
                      WHERE guild_id = $1 AND owner_id = $2 AND saved_ms < $5)
                 INSERT INTO saved_filters (guild_id, owner_id, name_contains, tag, saved_ms)
                 VALUES ($1, $2, $3, $4, $6) RETURNING filter_id",
                &[
                    &guild,
                    &owner,
                    &filter.name_contains,
                    &filter.tag.as_ref().map(Tag::as_str),
                    &forget_before,
                    &now,
                ],
                |row| row.try_get::<_, i64>(0),
            )
            .await?
            .ok_or_else(|| StoreError::corrupt("saving a filter returned no number"))?;
        Ok(id as u64)
    }
}
