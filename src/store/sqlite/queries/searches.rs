//! `saved_searches`: /people searches that paging buttons refer to by number.

use rusqlite::params;

use crate::network::port::StoreError;
use crate::network::{GuildId, MemberId, OpenTo, PeopleFilter, Timestamp};
use crate::store::sqlite::SqliteTx;

impl SqliteTx<'_> {
    /// `owner`'s saved search `id`, if it still exists (and is theirs).
    pub fn saved_search(
        &self,
        guild: GuildId,
        owner: MemberId,
        id: u64,
    ) -> Result<Option<PeopleFilter>, StoreError> {
        let Ok(id) = i64::try_from(id) else {
            return Ok(None);
        };
        let row = self.one(
            "SELECT skill, words, open_to FROM saved_searches
              WHERE search_id = ?1 AND guild_id = ?2 AND owner_id = ?3",
            params![id, guild, owner],
            |row| {
                Ok((
                    row.get::<_, Option<String>>(0)?,
                    row.get::<_, Option<String>>(1)?,
                    row.get::<_, Option<String>>(2)?,
                ))
            },
        )?;
        row.map(|(skill, text, open_to)| PeopleFilter::from_stored(skill, text, open_to))
            .transpose()
    }
}

impl SqliteTx<'_> {
    /// Saves a search and returns its number; forgets the owner's searches saved before
    /// `forget_before`.
    pub fn save_search(
        &self,
        guild: GuildId,
        owner: MemberId,
        search: &PeopleFilter,
        now: Timestamp,
        forget_before: Timestamp,
    ) -> Result<u64, StoreError> {
        self.change(
            "DELETE FROM saved_searches WHERE guild_id = ?1 AND owner_id = ?2 AND saved_ms < ?3",
            params![guild, owner, forget_before],
        )?;
        self.change(
            "INSERT INTO saved_searches (guild_id, owner_id, skill, words, open_to, saved_ms)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                guild,
                owner,
                search.skill,
                search.text,
                search.open_to.map(OpenTo::as_str),
                now
            ],
        )?;
        Ok(self.conn.last_insert_rowid() as u64)
    }
}
