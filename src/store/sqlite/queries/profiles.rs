//! `profiles`: members' professional profiles, read whole (memory indexes them), and who
//! shows theirs to connections only (`members.profile_visible_to`).

use rusqlite::params;

use crate::network::port::StoreError;
use crate::network::{GuildId, MemberId, OpenTo, Profile, ProfileLink, Skill};
use crate::store::sqlite::SqliteTx;

const COLUMNS: &str = "user_id, headline, about, skills, links, open_to, updated_ms";

impl SqliteTx<'_> {
    pub fn all_profiles(&self, guild: GuildId) -> Result<Vec<(MemberId, Profile)>, StoreError> {
        let rows = self.all(
            &format!("SELECT {COLUMNS} FROM profiles WHERE guild_id = ?1"),
            params![guild],
            stored_row,
        )?;
        rows.into_iter().map(parsed).collect()
    }

    pub fn profile(&self, guild: GuildId, member: MemberId) -> Result<Option<Profile>, StoreError> {
        let row = self.one(
            &format!("SELECT {COLUMNS} FROM profiles WHERE guild_id = ?1 AND user_id = ?2"),
            params![guild, member],
            stored_row,
        )?;
        row.map(|row| parsed(row).map(|(_, profile)| profile))
            .transpose()
    }

    pub fn hidden_profiles(&self, guild: GuildId) -> Result<Vec<MemberId>, StoreError> {
        self.all(
            "SELECT user_id FROM members
              WHERE guild_id = ?1 AND profile_visible_to = 'connections'",
            params![guild],
            |row| row.get(0),
        )
    }
}

impl SqliteTx<'_> {
    pub fn store_profile(
        &self,
        guild: GuildId,
        member: MemberId,
        profile: Option<&Profile>,
    ) -> Result<(), StoreError> {
        let Some(profile) = profile else {
            self.change(
                "DELETE FROM profiles WHERE guild_id = ?1 AND user_id = ?2",
                params![guild, member],
            )?;
            return Ok(());
        };
        let skills: Vec<&str> = profile.skills.iter().map(Skill::as_str).collect();
        let links: Vec<&str> = profile.links.iter().map(ProfileLink::as_str).collect();
        let open_to: Vec<&str> = profile.open_to.iter().map(|o| o.as_str()).collect();
        let json = |list: &[&str]| {
            serde_json::to_string(list).map_err(|e| StoreError::new("encoding a profile", e))
        };
        self.change(
            "INSERT INTO profiles (guild_id, user_id, headline, about, skills, links, open_to,
                                   updated_ms)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
             ON CONFLICT DO UPDATE SET headline = excluded.headline, about = excluded.about,
                    skills = excluded.skills, links = excluded.links,
                    open_to = excluded.open_to, updated_ms = excluded.updated_ms",
            params![
                guild,
                member,
                profile.headline,
                profile.about,
                json(&skills)?,
                json(&links)?,
                open_to.join(","),
                profile.updated_at
            ],
        )?;
        Ok(())
    }
}

/// A row as stored: the member, then the columns still to be parsed.
type StoredRow = (
    MemberId,
    Option<String>,
    Option<String>,
    String,
    String,
    String,
    crate::network::Timestamp,
);

fn stored_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<StoredRow> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get(5)?,
        row.get(6)?,
    ))
}

fn parsed(
    (member, headline, about, skills, links, open_to, updated_at): StoredRow,
) -> Result<(MemberId, Profile), StoreError> {
    let list = |json: &str| {
        serde_json::from_str::<Vec<String>>(json)
            .map_err(|e| StoreError::new("a stored profile is not a list", e))
    };
    Ok((
        member,
        Profile::from_stored(
            headline,
            about,
            list(&skills)?,
            list(&links)?,
            OpenTo::stored(open_to.split(','))?,
            updated_at,
        ),
    ))
}
