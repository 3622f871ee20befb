//! `members.locale` and `guild_locales`: the languages DMs are written in.

use rusqlite::params;

use crate::network::port::StoreError;
use crate::network::{GuildId, MemberId};
use crate::store::sqlite::SqliteTx;

impl SqliteTx<'_> {
    pub fn locales(
        &self,
        guild: GuildId,
        member: MemberId,
    ) -> Result<(Option<String>, Option<String>), StoreError> {
        let member_locale = self
            .one(
                "SELECT locale FROM members WHERE guild_id = ?1 AND user_id = ?2",
                params![guild, member],
                |row| row.get::<_, Option<String>>(0),
            )?
            .flatten();
        let guild_locale = self.one(
            "SELECT locale FROM guild_locales WHERE guild_id = ?1",
            params![guild],
            |row| row.get(0),
        )?;
        Ok((member_locale, guild_locale))
    }

    pub fn record_member_locale(
        &self,
        guild: GuildId,
        member: MemberId,
        locale: &str,
    ) -> Result<(), StoreError> {
        self.change(
            "UPDATE members SET locale = ?3 WHERE guild_id = ?1 AND user_id = ?2",
            params![guild, member, locale],
        )?;
        Ok(())
    }

    pub fn record_guild_locale(&self, guild: GuildId, locale: &str) -> Result<(), StoreError> {
        self.change(
            "INSERT INTO guild_locales (guild_id, locale) VALUES (?1, ?2)
             ON CONFLICT DO UPDATE SET locale = excluded.locale",
            params![guild, locale],
        )?;
        Ok(())
    }
}
