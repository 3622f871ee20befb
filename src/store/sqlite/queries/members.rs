//! `members`: who takes part in a server's network, their settings and their names.

use rusqlite::params;

use crate::network::port::StoreError;
use crate::network::{GuildId, MemberId, MemberNames, MemberRecord, MemberSettings, Timestamp};
use crate::store::sqlite::SqliteTx;

impl SqliteTx<'_> {
    /// A member's settings; the defaults for a member never seen.
    pub fn settings(&self, guild: GuildId, member: MemberId) -> Result<MemberSettings, StoreError> {
        let stored = self.one(
            "SELECT invite_policy, auto_accept, dm_notifications, profile_visible_to FROM members
              WHERE guild_id = ?1 AND user_id = ?2",
            params![guild, member],
            |row| {
                Ok(MemberSettings {
                    invite_policy: row.get(0)?,
                    auto_accept: row.get(1)?,
                    dm_notifications: row.get(2)?,
                    profile_visibility: row.get(3)?,
                })
            },
        )?;
        Ok(stored.unwrap_or_default())
    }

    /// The names the member was last seen with, if ever.
    pub fn member_names(
        &self,
        guild: GuildId,
        member: MemberId,
    ) -> Result<Option<MemberNames>, StoreError> {
        let stored = self.one(
            "SELECT display_name, username FROM members
              WHERE guild_id = ?1 AND user_id = ?2 AND display_name IS NOT NULL",
            params![guild, member],
            names_from_row(0),
        )?;
        Ok(stored.flatten())
    }

    /// The names of every member of the server seen so far (the member directory).
    pub fn all_member_names(
        &self,
        guild: GuildId,
    ) -> Result<Vec<(MemberId, MemberNames)>, StoreError> {
        let rows = self.all(
            "SELECT user_id, display_name, username FROM members
              WHERE guild_id = ?1 AND display_name IS NOT NULL",
            params![guild],
            |row| Ok((row.get::<_, MemberId>(0)?, names_from_row(1)(row)?)),
        )?;
        Ok(rows
            .into_iter()
            .filter_map(|(member, names)| Some((member, names?)))
            .collect())
    }
}

impl SqliteTx<'_> {
    /// Makes sure the member has a row (the parent of all their network data), and returns
    /// what the write path needs of it, so that it is read once.
    pub fn ensure_member(
        &self,
        guild: GuildId,
        member: MemberId,
        now: Timestamp,
    ) -> Result<MemberRecord, StoreError> {
        // Almost every call finds the row. A lookup costs a sixth of an upsert (`ON CONFLICT DO
        // NOTHING` measured ~28,000 instructions against ~4,500), and under the write lock
        // nothing can insert the row between the two statements.
        if let Some(record) = self.member_record(guild, member)? {
            return Ok(record);
        }
        self.change(
            "INSERT INTO members (guild_id, user_id, first_seen_ms) VALUES (?1, ?2, ?3)",
            params![guild, member, now],
        )?;
        // Read back, so the schema's column defaults stay the only source of the defaults.
        Ok(self.member_record(guild, member)?.unwrap_or_default())
    }

    /// Makes sure the member has a row; SQLite answers at once, so this is
    /// [`SqliteTx::ensure_member`] with its answer left unread.
    pub fn add_member_if_missing(
        &self,
        guild: GuildId,
        member: MemberId,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        self.ensure_member(guild, member, now).map(drop)
    }

    fn member_record(
        &self,
        guild: GuildId,
        member: MemberId,
    ) -> Result<Option<MemberRecord>, StoreError> {
        self.one(
            "SELECT invite_policy, auto_accept, dm_notifications, profile_visible_to,
                    suspended_ms
               FROM members
              WHERE guild_id = ?1 AND user_id = ?2",
            params![guild, member],
            |row| {
                Ok(MemberRecord {
                    settings: MemberSettings {
                        invite_policy: row.get(0)?,
                        auto_accept: row.get(1)?,
                        dm_notifications: row.get(2)?,
                        profile_visibility: row.get(3)?,
                    },
                    suspended_since: row.get(4)?,
                })
            },
        )
    }

    /// Records the names a member was just seen with.
    pub fn record_names(
        &self,
        guild: GuildId,
        member: MemberId,
        names: &MemberNames,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        self.change(
            "INSERT INTO members
                    (guild_id, user_id, first_seen_ms, display_name, username, search_key,
                     names_seen_ms)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?3)
             ON CONFLICT DO UPDATE SET
                    display_name = excluded.display_name, username = excluded.username,
                    search_key = excluded.search_key, names_seen_ms = excluded.names_seen_ms",
            params![
                guild,
                member,
                now,
                names.display_name,
                names.username,
                names.search_key()
            ],
        )?;
        Ok(())
    }

    pub fn store_settings(
        &self,
        guild: GuildId,
        member: MemberId,
        settings: MemberSettings,
    ) -> Result<(), StoreError> {
        self.change(
            "UPDATE members SET invite_policy = ?3, auto_accept = ?4, dm_notifications = ?5,
                                profile_visible_to = ?6
              WHERE guild_id = ?1 AND user_id = ?2",
            params![
                guild,
                member,
                settings.invite_policy,
                settings.auto_accept,
                settings.dm_notifications,
                settings.profile_visibility
            ],
        )?;
        Ok(())
    }
}

/// Reads nullable `display_name, username` columns starting at `first`.
pub(super) fn names_from_row(
    first: usize,
) -> impl Fn(&rusqlite::Row<'_>) -> rusqlite::Result<Option<MemberNames>> {
    move |row| {
        let display_name: Option<String> = row.get(first)?;
        let username: Option<String> = row.get(first + 1)?;
        Ok(display_name.map(|display_name| MemberNames {
            display_name,
            username: username.unwrap_or_default(),
        }))
    }
}
