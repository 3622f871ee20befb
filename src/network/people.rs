//! Professional profiles and people search: saving and clearing a profile, a profile card as
//! one member sees another's, finding members by skill, text and what they are open to —
//! ranked by how close they are to the one asking — and skill autocomplete.
//!
//! Who sees what: a member's card shows everything to everyone in the server, unless they chose
//! to show it to their connections only; then others see their name alone, and people search
//! lists them only to their connections. A banned member is nobody's search result.

use std::sync::Arc;

use super::graph::Closeness;
use super::memory::read;
use super::port::StoreError;
use super::profile_index::PeopleFilter;
use super::tx::Writing;
use super::{
    AuditAction, GuildId, MemberId, MemberNames, Network, NetworkError, OpenTo, Profile,
    ProfileDraft, ProfileVisibility, Timestamp,
};

/// How long a saved people search is kept.
const SAVED_SEARCH_LIFETIME: std::time::Duration = std::time::Duration::from_secs(24 * 60 * 60);

/// How many skills autocomplete offers (Discord shows 25 at most).
pub const SKILL_CHOICES: usize = 25;

/// A member's profile card as a viewer sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileCard {
    pub member: MemberId,
    pub names: Option<MemberNames>,
    /// `None` if they have no profile, or if it is hidden from this viewer.
    pub profile: Option<Profile>,
    /// They show their profile to their connections only, and the viewer is not one.
    pub hidden: bool,
    pub connections: u32,
}

/// One person found by people search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonFound {
    pub member: MemberId,
    pub names: Option<MemberNames>,
    pub headline: Option<String>,
    pub closeness: Closeness,
}

/// A page of people search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeoplePage {
    pub people: Vec<PersonFound>,
    /// Where this page starts among all the results.
    pub offset: usize,
    /// How many results there are in all.
    pub total: usize,
}

impl PeoplePage {
    pub fn has_previous(&self) -> bool {
        self.offset > 0
    }

    pub fn has_next(&self) -> bool {
        self.offset + self.people.len() < self.total
    }
}

/// Changes `member`'s stored profile (an empty one if they have none) as `change` says, dated
/// `now`; a profile left with nothing in it is removed. The one place the two ways of editing a
/// profile meet, so they keep the same rule.
async fn change_profile(
    tx: &mut Writing<'_>,
    guild: GuildId,
    member: MemberId,
    now: Timestamp,
    change: impl FnOnce(Profile) -> Profile + Send,
) -> Result<Option<Profile>, StoreError> {
    tx.add_member_if_missing(guild, member, now).await?;
    let stored = tx
        .profile(guild, member)
        .await?
        .unwrap_or_else(|| Profile::empty(now));
    let changed = Profile {
        updated_at: now,
        ..change(stored)
    };
    let kept = (!changed.is_empty()).then_some(changed);
    tx.store_profile(guild, member, kept.clone()).await?;
    Ok(kept)
}

impl Network {
    /// Saves the text fields of `member`'s profile from what they typed: each field checked
    /// first (nothing is saved if any fails), then all four replace the stored ones together —
    /// a form submitted after the profile changed elsewhere wins whole, never mixed with the
    /// other. What they are open to is kept. A profile left with nothing in it is removed.
    pub async fn save_profile(
        &self,
        guild: GuildId,
        member: MemberId,
        draft: ProfileDraft,
    ) -> Result<Option<Profile>, NetworkError> {
        // Whether invite links are allowed is a server limit, which memory holds (in step
        // with the database inside the write): the transaction asks the database for the
        // profile alone.
        let state = self.memory(guild).await?;
        self.write_reading_memory(guild, move |tx, now| {
            let (state, draft) = (Arc::clone(&state), draft.clone());
            Box::pin(async move {
                let text = draft.parse(read(&state.limits).allow_invite_links)?;
                let profile = change_profile(tx, guild, member, now, |stored| Profile {
                    headline: text.headline,
                    about: text.about,
                    skills: text.skills,
                    links: text.links,
                    ..stored
                })
                .await?;
                Ok(profile)
            })
        })
        .await
    }

    /// Sets what `member` is open to (an empty list clears it), keeping the rest.
    pub async fn set_open_to(
        &self,
        guild: GuildId,
        member: MemberId,
        open_to: Vec<OpenTo>,
    ) -> Result<Option<Profile>, NetworkError> {
        self.write(guild, move |tx, now| {
            Box::pin(async move {
                let open_to = OpenTo::normalized(open_to);
                let profile = change_profile(tx, guild, member, now, |stored| Profile {
                    open_to,
                    ..stored
                })
                .await?;
                Ok(profile)
            })
        })
        .await
    }

    /// A moderator clears a member's profile, leaving their network as it is; the audit log
    /// records it. False if they had no profile (nothing is recorded then).
    pub async fn clear_profile(
        &self,
        guild: GuildId,
        moderator: MemberId,
        member: MemberId,
    ) -> Result<bool, NetworkError> {
        self.write(guild, move |tx, now| {
            Box::pin(async move {
                if tx.profile(guild, member).await?.is_none() {
                    return Ok(false);
                }
                tx.store_profile(guild, member, None).await?;
                tx.record_audit(guild, moderator, AuditAction::ClearProfile, member, now)
                    .await?;
                Ok(true)
            })
        })
        .await
    }

    /// The member's own profile, whole.
    pub async fn own_profile(
        &self,
        guild: GuildId,
        member: MemberId,
    ) -> Result<Option<Profile>, NetworkError> {
        self.read(move |tx, _| Box::pin(async move { Ok(tx.profile(guild, member).await?) }))
            .await
    }

    /// `member`'s card as `viewer` sees it (their own, whole, if they are the same).
    pub async fn profile_card(
        &self,
        guild: GuildId,
        viewer: MemberId,
        member: MemberId,
    ) -> Result<ProfileCard, NetworkError> {
        let memory = self.memory(guild).await?;
        let (connected, connections) = {
            let graph = read(&memory.graph);
            (
                graph.are_connected(viewer, member),
                graph.connection_count(member) as u32,
            )
        };
        let (has_profile, visibility) = {
            let profiles = read(&memory.profiles);
            (profiles.has_profile(member), profiles.visibility(member))
        };
        let hidden = viewer != member && visibility == ProfileVisibility::Connections && !connected;
        let names = read(&memory.names).names(member).cloned();
        // Memory keeps what search needs; the card's about text and links are in the database.
        let profile = if has_profile && !hidden {
            self.own_profile(guild, member).await?
        } else {
            None
        };
        Ok(ProfileCard {
            member,
            names,
            profile,
            hidden,
            connections,
        })
    }

    /// A page of the members whose profile passes `filter`, ranked by closeness to `asker` (1st,
    /// 2nd, 3rd degree, then outside their network; then by mutual connections; then newest
    /// profile first). Never lists `asker`, banned members, or a member who shows their profile
    /// to connections only unless `asker` is one.
    pub async fn people(
        &self,
        guild: GuildId,
        asker: MemberId,
        filter: PeopleFilter,
        offset: usize,
        limit: usize,
    ) -> Result<PeoplePage, NetworkError> {
        let memory = self.memory(guild).await?;
        let profiles = read(&memory.profiles);
        let banned = read(&memory.banned);
        let graph = read(&memory.graph);
        // Checks most servers never need are skipped when nobody is banned or hidden.
        let (anyone_banned, anyone_hidden) = (!banned.is_empty(), profiles.anyone_hidden());
        let candidates: Vec<MemberId> = profiles
            .matching(&filter)
            .into_iter()
            .map(|found| found.member)
            .filter(|&m| {
                m != asker
                    && !(anyone_banned && banned.contains(&m))
                    && !(anyone_hidden
                        && profiles.visibility(m) == ProfileVisibility::Connections
                        && !graph.are_connected(asker, m))
            })
            .collect();
        let ranked = graph.rank_by_closeness(asker, &candidates, offset, limit);
        let names = read(&memory.names);
        let people = ranked
            .into_iter()
            .map(|(member, closeness)| PersonFound {
                member,
                names: names.names(member).cloned(),
                headline: profiles.headline(member).map(str::to_owned),
                closeness,
            })
            .collect();
        Ok(PeoplePage {
            people,
            offset,
            total: candidates.len(),
        })
    }

    /// Skills members of this server list that contain `typed`, most used first, with how
    /// many list each (for autocomplete).
    pub async fn skill_choices(
        &self,
        guild: GuildId,
        typed: &str,
    ) -> Result<Vec<(String, u32)>, NetworkError> {
        let memory = self.memory(guild).await?;
        let choices = read(&memory.profiles).skill_choices(typed, SKILL_CHOICES);
        Ok(choices)
    }

    /// Saves `owner`'s search so that later pages can refer to it by number (paging buttons
    /// cannot hold the words searched for). Numbers stay valid for a day.
    pub async fn save_search(
        &self,
        guild: GuildId,
        owner: MemberId,
        search: PeopleFilter,
    ) -> Result<u64, NetworkError> {
        self.write(guild, move |tx, now| {
            Box::pin(async move {
                tx.add_member_if_missing(guild, owner, now).await?;
                let forget_before = now.minus(SAVED_SEARCH_LIFETIME);
                Ok(tx
                    .save_search(guild, owner, &search, now, forget_before)
                    .await?)
            })
        })
        .await
    }

    /// A search `owner` saved, if it is still kept.
    pub async fn saved_search(
        &self,
        guild: GuildId,
        owner: MemberId,
        id: u64,
    ) -> Result<Option<PeopleFilter>, NetworkError> {
        self.read(move |tx, _| {
            Box::pin(async move { Ok(tx.saved_search(guild, owner, id).await?) })
        })
        .await
    }

    /// How many members of the server have a profile.
    pub async fn profile_count(&self, guild: GuildId) -> Result<usize, NetworkError> {
        let memory = self.memory(guild).await?;
        let count = read(&memory.profiles).len();
        Ok(count)
    }
}
