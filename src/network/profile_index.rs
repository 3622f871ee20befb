//! A server's profiles, in memory, with what people search and skill autocomplete look in:
//! each profile's folded text, and each skill's members and spellings. Loaded and kept in step
//! like the graph (`memory`).
//!
//! Why in memory: people search ranks by closeness in the graph, which only memory has, so the
//! profiles it filters must be next to it; and a search over a server's profiles is a scan of a
//! few megabytes here, against a full-text index per language in each store.

use std::collections::HashMap;
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use super::profile::{OpenTo, Profile, ProfileVisibility, fold};
use super::{MemberId, Timestamp};

#[derive(Debug, Default)]
pub(crate) struct ProfileIndex {
    entries: FxHashMap<MemberId, Entry>,
    /// Members whose cards only their connections see (with a profile or not).
    hidden: FxHashSet<MemberId>,
    /// By [`super::Skill::key`].
    skills: FxHashMap<String, SkillUse>,
}

#[derive(Debug)]
struct Entry {
    profile: Arc<Profile>,
    /// Headline and about, folded (see [`fold`]), for text search.
    text: String,
    skill_keys: Vec<String>,
}

#[derive(Debug, Default)]
struct SkillUse {
    members: FxHashSet<MemberId>,
    /// How many members spell it each way.
    spellings: HashMap<String, u32>,
}

impl SkillUse {
    /// The spelling most members use (ties: the first alphabetically).
    fn spelling(&self) -> &str {
        self.spellings
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map_or("", |(spelling, _)| spelling.as_str())
    }
}

/// What people search filters on; `None` filters nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PeopleFilter {
    /// A skill, in any spelling.
    pub skill: Option<String>,
    /// Words anywhere in the headline or about text, any case or accents.
    pub text: Option<String>,
    pub open_to: Option<OpenTo>,
}

impl ProfileIndex {
    pub(crate) fn load(
        profiles: impl IntoIterator<Item = (MemberId, Profile)>,
        hidden: impl IntoIterator<Item = MemberId>,
    ) -> Self {
        let mut index = Self {
            hidden: hidden.into_iter().collect(),
            ..Self::default()
        };
        for (member, profile) in profiles {
            index.set(member, Some(profile));
        }
        index
    }

    /// Replaces the member's profile (`None`: they have none).
    pub(crate) fn set(&mut self, member: MemberId, profile: Option<Profile>) {
        if let Some(old) = self.entries.remove(&member) {
            for (key, skill) in old.skill_keys.iter().zip(&old.profile.skills) {
                if let Some(used) = self.skills.get_mut(key) {
                    used.members.remove(&member);
                    if let Some(count) = used.spellings.get_mut(skill.as_str()) {
                        *count -= 1;
                        if *count == 0 {
                            used.spellings.remove(skill.as_str());
                        }
                    }
                    if used.members.is_empty() {
                        self.skills.remove(key);
                    }
                }
            }
        }
        let Some(profile) = profile else { return };
        let skill_keys: Vec<String> = profile.skills.iter().map(|s| s.key()).collect();
        for (key, skill) in skill_keys.iter().zip(&profile.skills) {
            let used = self.skills.entry(key.clone()).or_default();
            used.members.insert(member);
            *used.spellings.entry(skill.as_str().to_owned()).or_default() += 1;
        }
        let text = fold(&format!(
            "{}\n{}",
            profile.headline.as_deref().unwrap_or(""),
            profile.about.as_deref().unwrap_or("")
        ));
        self.entries.insert(
            member,
            Entry {
                profile: Arc::new(profile),
                text,
                skill_keys,
            },
        );
    }

    pub(crate) fn set_visibility(&mut self, member: MemberId, visibility: ProfileVisibility) {
        match visibility {
            ProfileVisibility::Everyone => self.hidden.remove(&member),
            ProfileVisibility::Connections => self.hidden.insert(member),
        };
    }

    /// Forgets the member altogether (their data was erased).
    pub(crate) fn remove(&mut self, member: MemberId) {
        self.set(member, None);
        self.hidden.remove(&member);
    }

    pub(crate) fn profile(&self, member: MemberId) -> Option<Arc<Profile>> {
        self.entries.get(&member).map(|e| Arc::clone(&e.profile))
    }

    pub(crate) fn visibility(&self, member: MemberId) -> ProfileVisibility {
        if self.hidden.contains(&member) {
            ProfileVisibility::Connections
        } else {
            ProfileVisibility::Everyone
        }
    }

    /// The members whose profile passes `filter`, newest profile first (ties by id). Who may
    /// see whom is the caller's to decide.
    pub(crate) fn matching(&self, filter: &PeopleFilter) -> Vec<(MemberId, Timestamp)> {
        let text = filter.text.as_deref().map(fold);
        let text = text.as_deref().map(str::trim).filter(|t| !t.is_empty());
        let open_to = filter.open_to;
        let passes = |entry: &Entry| {
            open_to.is_none_or(|o| entry.profile.open_to.contains(&o))
                && text.is_none_or(|t| entry.text.contains(t))
        };
        let mut found: Vec<(MemberId, Timestamp)> = match filter.skill.as_deref() {
            Some(skill) => {
                let Some(used) = self.skills.get(&fold(skill.trim())) else {
                    return Vec::new();
                };
                used.members
                    .iter()
                    .filter_map(|m| self.entries.get(m).map(|e| (m, e)))
                    .filter(|(_, e)| passes(e))
                    .map(|(m, e)| (*m, e.profile.updated_at))
                    .collect()
            }
            None => self
                .entries
                .iter()
                .filter(|(_, e)| passes(e))
                .map(|(m, e)| (*m, e.profile.updated_at))
                .collect(),
        };
        found.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        found
    }

    /// Skills in use that contain `typed` (any case or accents), most used first, each in the
    /// spelling most members use, with how many members list it.
    pub(crate) fn skill_choices(&self, typed: &str, limit: usize) -> Vec<(String, u32)> {
        let typed = fold(typed.trim());
        let mut found: Vec<(bool, u32, &str, &str)> = self
            .skills
            .iter()
            .filter(|(key, _)| key.contains(&typed))
            .map(|(key, used)| {
                (
                    key.starts_with(&typed),
                    used.members.len() as u32,
                    key.as_str(),
                    used.spelling(),
                )
            })
            .collect();
        // Skills that start with what was typed first, then the most used, then alphabetically
        // (whatever the case).
        found.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(b.2)));
        found
            .into_iter()
            .take(limit)
            .map(|(_, count, _, spelling)| (spelling.to_owned(), count))
            .collect()
    }

    /// The skills of `other`'s profile that `member`'s lists too, in `other`'s spelling.
    pub(crate) fn shared_skills(&self, member: MemberId, other: MemberId) -> Vec<String> {
        let (Some(mine), Some(theirs)) = (self.entries.get(&member), self.entries.get(&other))
        else {
            return Vec::new();
        };
        theirs
            .skill_keys
            .iter()
            .zip(&theirs.profile.skills)
            .filter(|(key, _)| mine.skill_keys.contains(key))
            .map(|(_, skill)| skill.as_str().to_owned())
            .collect()
    }

    /// Every profile and every hidden member, sorted by id: for comparing with the database.
    pub(crate) fn entries(&self) -> (Vec<(MemberId, Profile)>, Vec<MemberId>) {
        let mut profiles: Vec<(MemberId, Profile)> = self
            .entries
            .iter()
            .map(|(m, e)| (*m, Profile::clone(&e.profile)))
            .collect();
        profiles.sort_unstable_by_key(|(m, _)| *m);
        let mut hidden: Vec<MemberId> = self.hidden.iter().copied().collect();
        hidden.sort_unstable();
        (profiles, hidden)
    }

    /// How many profiles there are.
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::{ProfileDraft, Timestamp};

    fn m(n: u64) -> MemberId {
        MemberId::new(n).unwrap()
    }

    fn profile(skills: &str, headline: &str, at: i64) -> Profile {
        let text = ProfileDraft {
            headline: headline.into(),
            skills: skills.into(),
            ..Default::default()
        }
        .parse(false)
        .unwrap();
        Profile {
            headline: text.headline,
            about: text.about,
            skills: text.skills,
            links: text.links,
            open_to: vec![OpenTo::Hiring],
            updated_at: Timestamp::from_unix_millis(at),
        }
    }

    #[test]
    fn skills_count_their_members_and_forget_those_who_drop_them() {
        let mut index = ProfileIndex::default();
        index.set(m(1), Some(profile("Rust, SQL", "", 1)));
        index.set(m(2), Some(profile("rust", "", 2)));
        index.set(m(3), Some(profile("rust, Go", "", 3)));
        assert_eq!(
            index.skill_choices("", 10),
            [("rust".to_owned(), 3), ("Go".into(), 1), ("SQL".into(), 1)]
        );
        assert_eq!(index.skill_choices("US", 10), [("rust".to_owned(), 3)]);
        index.set(m(3), Some(profile("Go", "", 4)));
        index.set(m(2), None);
        assert_eq!(
            index.skill_choices("", 10),
            [("Go".to_owned(), 1), ("Rust".into(), 1), ("SQL".into(), 1)]
        );
        index.remove(m(1));
        assert_eq!(index.skill_choices("", 10), [("Go".to_owned(), 1)]);
        assert_eq!(index.skills.len(), 1, "unused skills leave the index");
    }

    #[test]
    fn matching_filters_by_skill_text_and_open_to_newest_first() {
        let mut index = ProfileIndex::default();
        index.set(m(1), Some(profile("Rust", "Backend at Café", 10)));
        index.set(m(2), Some(profile("RUST, Go", "Frontend", 30)));
        index.set(m(3), Some(profile("Go", "cafe owner", 20)));
        let ids = |filter: PeopleFilter| -> Vec<u64> {
            index
                .matching(&filter)
                .into_iter()
                .map(|(m, _)| m.get())
                .collect()
        };
        let skill = |s: &str| PeopleFilter {
            skill: Some(s.into()),
            ..Default::default()
        };
        assert_eq!(ids(skill("rust")), [2, 1]);
        assert_eq!(ids(skill("Haskell")), Vec::<u64>::new());
        let text = PeopleFilter {
            text: Some(" CAFÉ ".into()),
            ..Default::default()
        };
        assert_eq!(ids(text), [3, 1]);
        let both = PeopleFilter {
            skill: Some("go".into()),
            text: Some("front".into()),
            open_to: Some(OpenTo::Hiring),
        };
        assert_eq!(ids(both), [2]);
        let mentoring = PeopleFilter {
            open_to: Some(OpenTo::Mentoring),
            ..Default::default()
        };
        assert_eq!(ids(mentoring), Vec::<u64>::new());
        assert_eq!(index.shared_skills(m(1), m(2)), ["RUST"]);
    }
}
