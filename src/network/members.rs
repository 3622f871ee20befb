//! Members' own settings, counts and names, and the server's limits.

use super::invitations::invitations_left;
use super::memory::read;
use super::{
    GuildId, GuildLimits, InvitationSide, LimitsUpdate, MemberCounts, MemberId, MemberNames,
    MemberSettings, Network, NetworkError, SettingsUpdate,
};

impl Network {
    /// Records the names a member was just seen with (the member directory).
    pub async fn see_member(
        &self,
        guild: GuildId,
        member: MemberId,
        names: MemberNames,
    ) -> Result<(), NetworkError> {
        self.see_members(guild, vec![(member, names)]).await
    }

    /// Records the names several members were just seen with, in one transaction, and only
    /// those that changed: every interaction shows the bot its members' names, and most of the
    /// time they are the ones it already has, which then costs no write at all.
    pub async fn see_members(
        &self,
        guild: GuildId,
        seen: Vec<(MemberId, MemberNames)>,
    ) -> Result<(), NetworkError> {
        let state = self.memory(guild).await?;
        let changed: Vec<(MemberId, MemberNames)> = {
            let known = read(&state.names);
            seen.into_iter()
                .filter(|(member, names)| known.names(*member) != Some(names))
                .collect()
        };
        if changed.is_empty() {
            return Ok(());
        }
        self.write(guild, move |tx, now| {
            Box::pin(async move {
                for (member, names) in changed {
                    tx.record_names(guild, member, names, now).await?;
                }
                Ok(())
            })
        })
        .await
    }

    /// Records the client language `member` was just seen with in the server, and the server's
    /// language (`None` if not known): the languages their DMs are written in. Callers write
    /// only what changed since they last recorded it.
    pub async fn see_locales(
        &self,
        guild: GuildId,
        member: MemberId,
        member_locale: Option<String>,
        guild_locale: Option<String>,
    ) -> Result<(), NetworkError> {
        self.write(guild, move |tx, now| {
            Box::pin(async move {
                if let Some(locale) = &member_locale {
                    tx.add_member_if_missing(guild, member, now).await?;
                    tx.record_member_locale(guild, member, locale).await?;
                }
                if let Some(locale) = &guild_locale {
                    tx.record_guild_locale(guild, locale).await?;
                }
                Ok(())
            })
        })
        .await
    }

    /// The language to write to `member` in, by Discord locale: the one their client last used
    /// in the server, else the server's, if either was seen.
    pub async fn dm_locale(
        &self,
        guild: GuildId,
        member: MemberId,
    ) -> Result<Option<String>, NetworkError> {
        self.read(move |tx, _| {
            Box::pin(async move {
                let (mine, server) = tx.locales(guild, member).await?;
                Ok(mine.or(server))
            })
        })
        .await
    }

    /// The names last seen for a member, if any (from the in-memory directory).
    pub async fn member_names(
        &self,
        guild: GuildId,
        member: MemberId,
    ) -> Result<Option<MemberNames>, NetworkError> {
        Ok(self.names_of(guild, &[member]).await?.pop().flatten())
    }

    /// The names of several members at once, from the in-memory directory (`None` for those
    /// never seen), in the order asked.
    pub async fn names_of(
        &self,
        guild: GuildId,
        members: &[MemberId],
    ) -> Result<Vec<Option<MemberNames>>, NetworkError> {
        let memory = self.memory(guild).await?;
        let names = read(&memory.names);
        Ok(members.iter().map(|m| names.names(*m).cloned()).collect())
    }

    pub async fn settings(
        &self,
        guild: GuildId,
        member: MemberId,
    ) -> Result<MemberSettings, NetworkError> {
        self.read(move |tx, _| Box::pin(async move { Ok(tx.settings(guild, member).await?) }))
            .await
    }

    /// Changes some of a member's settings; returns them all, as they now are.
    pub async fn update_settings(
        &self,
        guild: GuildId,
        member: MemberId,
        update: SettingsUpdate,
    ) -> Result<MemberSettings, NetworkError> {
        self.write(guild, move |tx, now| {
            Box::pin(async move {
                let settings =
                    update.applied_to(tx.ensure_member(guild, member, now).await?.settings);
                tx.store_settings(guild, member, settings).await?;
                Ok(settings)
            })
        })
        .await
    }

    /// A member's counts, for their own profile.
    pub async fn counts(
        &self,
        guild: GuildId,
        member: MemberId,
    ) -> Result<MemberCounts, NetworkError> {
        // The same count the cap is checked against: the in-memory graph's.
        let state = self.memory(guild).await?;
        let connections = read(&state.graph).connection_count(member) as u32;
        self.read(move |tx, now| {
            Box::pin(async move {
                Ok(MemberCounts {
                    connections,
                    invitations_received: tx
                        .invitation_count(guild, member, InvitationSide::Received)
                        .await?,
                    invitations_sent: tx
                        .invitation_count(guild, member, InvitationSide::Sent)
                        .await?,
                    invitations_left_this_week: invitations_left(tx, guild, member, now).await?,
                })
            })
        })
        .await
    }

    pub async fn limits(&self, guild: GuildId) -> Result<GuildLimits, NetworkError> {
        self.read(move |tx, _| Box::pin(async move { Ok(tx.limits(guild).await?) }))
            .await
    }

    /// Changes some of a server's limits; returns them all, as they now are. Lowering the cap
    /// below a member's count keeps their connections; they just cannot add more.
    pub async fn update_limits(
        &self,
        guild: GuildId,
        update: LimitsUpdate,
    ) -> Result<GuildLimits, NetworkError> {
        self.write(guild, move |tx, _| {
            Box::pin(async move {
                let limits = update.applied_to(tx.limits(guild).await?)?;
                tx.store_limits(guild, limits).await?;
                Ok(limits)
            })
        })
        .await
    }
}
