//! `members.locale` and `guild_locales`: the languages DMs are written in.

use crate::network::port::StoreError;
use crate::network::{GuildId, MemberId};
use crate::store::postgres::PgTx;
use crate::store::postgres::pipeline::owned;

impl PgTx<'_> {
    pub async fn locales(
        &self,
        guild: GuildId,
        member: MemberId,
    ) -> Result<(Option<String>, Option<String>), StoreError> {
        let found = self
            .one(
                "SELECT (SELECT locale FROM members WHERE guild_id = $1 AND user_id = $2),
                        (SELECT locale FROM guild_locales WHERE guild_id = $1)",
                &[&guild, &member],
                |row| Ok((row.try_get(0)?, row.try_get(1)?)),
            )
            .await?;
        Ok(found.unwrap_or_default())
    }

    /// Nothing answers: sent with what follows (see `pipeline`).
    pub async fn record_member_locale(
        &self,
        guild: GuildId,
        member: MemberId,
        locale: &str,
    ) -> Result<(), StoreError> {
        self.queue(
            "UPDATE members SET locale = $3 WHERE guild_id = $1 AND user_id = $2",
            owned![guild, member, locale.to_owned()],
        );
        Ok(())
    }

    /// Nothing answers: sent with what follows (see `pipeline`).
    pub async fn record_guild_locale(
        &self,
        guild: GuildId,
        locale: &str,
    ) -> Result<(), StoreError> {
        self.queue(
            "INSERT INTO guild_locales (guild_id, locale) VALUES ($1, $2)
             ON CONFLICT (guild_id) DO UPDATE SET locale = excluded.locale",
            owned![guild, locale.to_owned()],
        );
        Ok(())
    }
}
