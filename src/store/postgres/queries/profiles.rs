//! `profiles`: members' professional profiles, read whole (memory indexes them), and who
//! shows theirs to connections only (`members.profile_visible_to`).

use tokio_postgres::Row;

use crate::network::port::StoreError;
use crate::network::{GuildId, MemberId, OpenTo, Profile, ProfileLink, Skill};
use crate::store::postgres::PgTx;
use crate::store::postgres::pipeline::owned;

impl PgTx<'_> {
    pub async fn all_profiles(
        &self,
        guild: GuildId,
    ) -> Result<Vec<(MemberId, Profile)>, StoreError> {
        let rows = self
            .all_streamed(
                "SELECT user_id, headline, about, skills, links, open_to, updated_ms
                   FROM profiles WHERE guild_id = $1",
                &[&guild],
                stored_row,
            )
            .await?;
        rows.into_iter().map(parsed).collect()
    }

    pub async fn profile(
        &self,
        guild: GuildId,
        member: MemberId,
    ) -> Result<Option<Profile>, StoreError> {
        let row = self
            .one(
                "SELECT user_id, headline, about, skills, links, open_to, updated_ms
                   FROM profiles WHERE guild_id = $1 AND user_id = $2",
                &[&guild, &member],
                stored_row,
            )
            .await?;
        row.map(|row| parsed(row).map(|(_, profile)| profile))
            .transpose()
    }

    pub async fn hidden_profiles(&self, guild: GuildId) -> Result<Vec<MemberId>, StoreError> {
        self.all(
            "SELECT user_id FROM members
              WHERE guild_id = $1 AND profile_visible_to = 'connections'",
            &[&guild],
            |row| row.try_get(0),
        )
        .await
    }

    /// Nothing answers: sent with what follows (see `pipeline`).
    pub async fn store_profile(
        &self,
        guild: GuildId,
        member: MemberId,
        profile: Option<&Profile>,
    ) -> Result<(), StoreError> {
        let Some(profile) = profile else {
            self.queue(
                "DELETE FROM profiles WHERE guild_id = $1 AND user_id = $2",
                owned![guild, member],
            );
            return Ok(());
        };
        let texts = |list: Vec<&str>| list.into_iter().map(str::to_owned).collect::<Vec<_>>();
        self.queue(
            "INSERT INTO profiles (guild_id, user_id, headline, about, skills, links, open_to,
                                   updated_ms)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
             ON CONFLICT (guild_id, user_id) DO UPDATE SET
                    headline = excluded.headline, about = excluded.about,
                    skills = excluded.skills, links = excluded.links,
                    open_to = excluded.open_to, updated_ms = excluded.updated_ms",
            owned![
                guild,
                member,
                profile.headline.clone(),
                profile.about.clone(),
                texts(profile.skills.iter().map(Skill::as_str).collect()),
                texts(profile.links.iter().map(ProfileLink::as_str).collect()),
                texts(profile.open_to.iter().map(|o| o.as_str()).collect()),
                profile.updated_at,
            ],
        );
        Ok(())
    }
}

/// A row as stored: the member, then the columns still to be parsed.
type StoredRow = (
    MemberId,
    Option<String>,
    Option<String>,
    Vec<String>,
    Vec<String>,
    Vec<String>,
    crate::network::Timestamp,
);

fn stored_row(row: &Row) -> Result<StoredRow, tokio_postgres::Error> {
    Ok((
        row.try_get(0)?,
        row.try_get(1)?,
        row.try_get(2)?,
        row.try_get(3)?,
        row.try_get(4)?,
        row.try_get(5)?,
        row.try_get(6)?,
    ))
}

fn parsed(
    (member, headline, about, skills, links, open_to, updated_at): StoredRow,
) -> Result<(MemberId, Profile), StoreError> {
    Ok((
        member,
        Profile::from_stored(
            headline,
            about,
            skills,
            links,
            OpenTo::stored(open_to.iter().map(String::as_str))?,
            updated_at,
        ),
    ))
}
