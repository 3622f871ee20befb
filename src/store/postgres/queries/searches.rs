//! `saved_searches`: /people searches that paging buttons refer to by number.

use crate::network::port::StoreError;
use crate::network::{GuildId, MemberId, OpenTo, PeopleFilter, Timestamp};
use crate::store::postgres::PgTx;

impl PgTx<'_> {
    /// `owner`'s saved search `id`, if it still exists (and is theirs).
    pub async fn saved_search(
        &self,
        guild: GuildId,
        owner: MemberId,
        id: u64,
    ) -> Result<Option<PeopleFilter>, StoreError> {
        let Ok(id) = i64::try_from(id) else {
            return Ok(None);
        };
        let row = self
            .one(
                "SELECT skill, words, open_to FROM saved_searches
                  WHERE guild_id = $1 AND search_id = $2 AND owner_id = $3",
                &[&guild, &id, &owner],
                |row| {
                    Ok((
                        row.try_get::<_, Option<String>>(0)?,
                        row.try_get::<_, Option<String>>(1)?,
                        row.try_get::<_, Option<String>>(2)?,
                    ))
                },
            )
            .await?;
        row.map(|(skill, text, open_to)| PeopleFilter::from_stored(skill, text, open_to))
            .transpose()
    }

    /// Saves a search and returns its number; forgets the owner's searches saved before
    /// `forget_before`.
    pub async fn save_search(
        &self,
        guild: GuildId,
        owner: MemberId,
        search: &PeopleFilter,
        now: Timestamp,
        forget_before: Timestamp,
    ) -> Result<u64, StoreError> {
        let id = self
            .one(
                "WITH forgotten AS (
                     DELETE FROM saved_searches
                      WHERE guild_id = $1 AND owner_id = $2 AND saved_ms < $6)
                 INSERT INTO saved_searches (guild_id, owner_id, skill, words, open_to, saved_ms)
                 VALUES ($1, $2, $3, $4, $5, $7) RETURNING search_id",
                &[
                    &guild,
                    &owner,
                    &search.skill,
                    &search.text,
                    &search.open_to.map(OpenTo::as_str),
                    &forget_before,
                    &now,
                ],
                |row| row.try_get::<_, i64>(0),
            )
            .await?
            .ok_or_else(|| StoreError::corrupt("saving a search returned no number"))?;
        Ok(id as u64)
    }
}
