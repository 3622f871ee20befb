//! `members` (settings, names, bans, suspension) and `guild_limits`.

use tokio_postgres::Row;

use crate::network::port::StoreError;
use crate::network::{
    GuildId, GuildLimits, MemberId, MemberNames, MemberRecord, MemberSettings, Timestamp,
};
use crate::store::postgres::PgTx;
use crate::store::postgres::pipeline::owned;

impl PgTx<'_> {
    pub async fn settings(
        &self,
        guild: GuildId,
        member: MemberId,
    ) -> Result<MemberSettings, StoreError> {
        let stored = self
            .one(
                "SELECT invite_policy, auto_accept, dm_notifications, profile_visible_to
                   FROM members
                  WHERE guild_id = $1 AND user_id = $2",
                &[&guild, &member],
                |row| settings_from_columns(row, 0, 3),
            )
            .await?;
        Ok(stored.unwrap_or_default())
    }

    /// The names the member was last seen with, if ever.
    pub async fn member_names(
        &self,
        guild: GuildId,
        member: MemberId,
    ) -> Result<Option<MemberNames>, StoreError> {
        let stored = self
            .one(
                "SELECT display_name, username FROM members
                  WHERE guild_id = $1 AND user_id = $2",
                &[&guild, &member],
                |row| names_from_row(row, 0),
            )
            .await?;
        Ok(stored.flatten())
    }

    pub async fn all_member_names(
        &self,
        guild: GuildId,
    ) -> Result<Vec<(MemberId, MemberNames)>, StoreError> {
        let rows = self
            .all_streamed(
                "SELECT user_id, display_name, username FROM members
                  WHERE guild_id = $1 AND display_name IS NOT NULL",
                &[&guild],
                |row| Ok((row.try_get::<_, MemberId>(0)?, names_from_row(row, 1)?)),
            )
            .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(member, names)| Some((member, names?)))
            .collect())
    }

    pub async fn banned_members(&self, guild: GuildId) -> Result<Vec<MemberId>, StoreError> {
        self.all(
            "SELECT user_id FROM members WHERE guild_id = $1 AND banned_ms IS NOT NULL",
            &[&guild],
            |row| row.try_get(0),
        )
        .await
    }

    pub async fn limits(&self, guild: GuildId) -> Result<GuildLimits, StoreError> {
        let stored = self
            .one(
                "SELECT invites_per_week, connection_cap, reports_to_suspend, allow_invite_links
                   FROM guild_limits
                  WHERE guild_id = $1",
                &[&guild],
                |row| {
                    let number = |i| row.try_get::<_, i32>(i).map(|n| n.max(0) as u32);
                    Ok(GuildLimits {
                        invites_per_week: number(0)?,
                        connection_cap: number(1)?,
                        reports_to_suspend: number(2)?,
                        allow_invite_links: row.try_get(3)?,
                    })
                },
            )
            .await?;
        Ok(stored.unwrap_or_default())
    }

    pub async fn suspended_since(
        &self,
        guild: GuildId,
        member: MemberId,
    ) -> Result<Option<Timestamp>, StoreError> {
        Ok(self
            .one(
                "SELECT suspended_ms FROM members WHERE guild_id = $1 AND user_id = $2",
                &[&guild, &member],
                |row| row.try_get(0),
            )
            .await?
            .flatten())
    }

    /// Makes the member's row if it is missing, sent with the transaction's next statement
    /// (a round trip saved: nothing waits for its answer).
    pub async fn add_member_if_missing(
        &self,
        guild: GuildId,
        member: MemberId,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        self.ensure_member_queued(guild, member, now);
        Ok(())
    }

    pub async fn ensure_member(
        &self,
        guild: GuildId,
        member: MemberId,
        now: Timestamp,
    ) -> Result<MemberRecord, StoreError> {
        // One round trip whether or not the row exists: insert if missing, then read the row
        // (the inserted one, with the schema's defaults, or the one already there).
        let record = self
            .one(
                "WITH inserted AS (
                     INSERT INTO members (guild_id, user_id, first_seen_ms) VALUES ($1, $2, $3)
                     ON CONFLICT DO NOTHING
                     RETURNING invite_policy, auto_accept, dm_notifications, suspended_ms,
                               profile_visible_to)
                 SELECT * FROM inserted
                 UNION ALL
                 SELECT invite_policy, auto_accept, dm_notifications, suspended_ms,
                        profile_visible_to
                   FROM members
                  WHERE guild_id = $1 AND user_id = $2",
                &[&guild, &member, &now],
                |row| {
                    Ok(MemberRecord {
                        settings: settings_from_columns(row, 0, 4)?,
                        suspended_since: row.try_get(3)?,
                    })
                },
            )
            .await?;
        record.ok_or_else(|| StoreError::corrupt("a member row vanished as it was made"))
    }

    pub async fn store_settings(
        &self,
        guild: GuildId,
        member: MemberId,
        settings: MemberSettings,
    ) -> Result<(), StoreError> {
        self.queue(
            "UPDATE members SET invite_policy = $3, auto_accept = $4, dm_notifications = $5,
                                profile_visible_to = $6
              WHERE guild_id = $1 AND user_id = $2",
            owned![
                guild,
                member,
                settings.invite_policy,
                settings.auto_accept,
                settings.dm_notifications,
                settings.profile_visibility
            ],
        );
        Ok(())
    }

    pub async fn record_names(
        &self,
        guild: GuildId,
        member: MemberId,
        names: &MemberNames,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        self.queue(
            "INSERT INTO members
                    (guild_id, user_id, first_seen_ms, display_name, username, search_key,
                     names_seen_ms)
             VALUES ($1, $2, $3, $4, $5, $6, $3)
             ON CONFLICT (guild_id, user_id) DO UPDATE SET
                    display_name = excluded.display_name, username = excluded.username,
                    search_key = excluded.search_key, names_seen_ms = excluded.names_seen_ms",
            owned![
                guild,
                member,
                now,
                names.display_name.clone(),
                names.username.clone(),
                names.search_key(),
            ],
        );
        Ok(())
    }

    pub async fn set_banned(
        &self,
        guild: GuildId,
        member: MemberId,
        banned: Option<Timestamp>,
    ) -> Result<bool, StoreError> {
        let changed = self
            .change(
                "UPDATE members SET banned_ms = $3
                  WHERE guild_id = $1 AND user_id = $2
                    AND (banned_ms IS NULL) <> ($3::bigint IS NULL)",
                &[&guild, &member, &banned],
            )
            .await?;
        Ok(changed > 0)
    }

    pub async fn store_limits(
        &self,
        guild: GuildId,
        limits: GuildLimits,
    ) -> Result<(), StoreError> {
        let number = |n: u32| i32::try_from(n).unwrap_or(i32::MAX);
        self.change(
            "INSERT INTO guild_limits (guild_id, invites_per_week, connection_cap,
                                       reports_to_suspend, allow_invite_links)
             VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (guild_id) DO UPDATE SET invites_per_week = excluded.invites_per_week,
                                                  connection_cap = excluded.connection_cap,
                                                  reports_to_suspend = excluded.reports_to_suspend,
                                                  allow_invite_links = excluded.allow_invite_links",
            &[
                &guild,
                &number(limits.invites_per_week),
                &number(limits.connection_cap),
                &number(limits.reports_to_suspend),
                &limits.allow_invite_links,
            ],
        )
        .await?;
        Ok(())
    }
}

/// Reads `invite_policy, auto_accept, dm_notifications` columns starting at `first`, and
/// `profile_visible_to` at `visibility` (statements that read the first three along with facts
/// about a pair add it at their end, so the facts keep their places).
pub(super) fn settings_from_columns(
    row: &Row,
    first: usize,
    visibility: usize,
) -> Result<MemberSettings, tokio_postgres::Error> {
    Ok(MemberSettings {
        invite_policy: row.try_get(first)?,
        auto_accept: row.try_get(first + 1)?,
        dm_notifications: row.try_get(first + 2)?,
        profile_visibility: row.try_get(visibility)?,
    })
}

/// Reads nullable `display_name, username` columns starting at `first`.
pub(super) fn names_from_row(
    row: &Row,
    first: usize,
) -> Result<Option<MemberNames>, tokio_postgres::Error> {
    let display_name: Option<String> = row.try_get(first)?;
    let username: Option<String> = row.try_get(first + 1)?;
    Ok(display_name.map(|display_name| MemberNames {
        display_name,
        username: username.unwrap_or_default(),
    }))
}
