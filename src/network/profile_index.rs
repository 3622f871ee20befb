//! A server's profiles, in memory, as far as people search, its result lines, skill
//! autocomplete and suggestions need them: each profile's headline, skills, what its member is
//! open to and when it was saved; each skill's members and spellings; the words of headlines
//! and about texts (folded: lower case, accents off), each with the profiles using it. Loaded
//! and kept in step like the graph (`memory`).
//!
//! Why in memory: people search ranks by closeness in the graph, which only memory has, so the
//! profiles it filters must be next to it, and the stores then need no full-text index (one per
//! language). The about text and the links stay in the database only: a card reads its one
//! profile there.

use std::collections::HashMap;

use memchr::memmem;
use rustc_hash::{FxHashMap, FxHashSet};

use super::profile::{OpenTo, Profile, ProfileVisibility, Skill, fold};
use super::{MemberId, Timestamp};

#[derive(Debug, Default)]
pub(crate) struct ProfileIndex {
    /// By slot; a slot freed by a removed profile is reused.
    entries: Vec<Option<Entry>>,
    free: Vec<u32>,
    slot_of: FxHashMap<MemberId, u32>,
    /// Members whose cards only their connections see (with a profile or not).
    hidden: FxHashSet<MemberId>,
    /// Skill numbers by [`Skill::key`]; a number stays its skill's while the index lives.
    skill_numbers: FxHashMap<String, u32>,
    /// By skill number.
    skills: Vec<SkillUse>,
    words: Words,
}

/// What memory keeps of one profile.
#[derive(Debug)]
struct Entry {
    member: MemberId,
    headline: Option<String>,
    /// In their member's spelling and order.
    skills: Vec<Skill>,
    /// The same skills' numbers.
    skill_numbers: Vec<u32>,
    open_to: Vec<OpenTo>,
    updated_at: Timestamp,
    /// The numbers of the distinct words of its headline and about, folded (see [`fold`]).
    words: Vec<u32>,
}

/// What memory keeps of a profile, for comparing with the database (numbers depend on the
/// order skills and words were first seen, so they are spelled out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Kept {
    pub(crate) headline: Option<String>,
    pub(crate) skills: Vec<String>,
    pub(crate) open_to: Vec<OpenTo>,
    pub(crate) updated_at: Timestamp,
    /// Sorted.
    pub(crate) words: Vec<String>,
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

/// The words of the server's headlines and about texts, each once, with the profiles using it.
/// A text search looks for what was typed inside the words — one scan of the server's
/// vocabulary, a few hundred kilobytes, rather than of every profile's text — then reads those
/// words' profiles.
#[derive(Debug, Default)]
struct Words {
    numbers: FxHashMap<Box<str>, u32>,
    /// Every word, each followed by [`WORD_END`], in number order: one SIMD scan per search.
    all: String,
    /// Where each word starts in `all`, by number.
    starts: Vec<u32>,
    /// The slots of the profiles using each word, sorted.
    users: Vec<Vec<u32>>,
    /// How many words no profile uses any more. A vocabulary only grows as profiles change, so
    /// when most of it is unused it is built again from the profiles (see
    /// [`ProfileIndex::compact_words`]): a member rewriting their profile all day cannot make
    /// it grow without bound.
    unused: usize,
}

/// The fewest unused words worth building the vocabulary again for.
const COMPACT_AFTER_UNUSED: usize = 4_096;

/// Ends each word in [`Words::all`]; never part of a word (words split at anything else than
/// letters and digits), so no match runs from one word into the next.
const WORD_END: char = '\n';

impl Words {
    fn number(&mut self, word: &str) -> u32 {
        if let Some(&number) = self.numbers.get(word) {
            return number;
        }
        let number = u32::try_from(self.starts.len()).expect("fewer than 4 billion words");
        let start = u32::try_from(self.all.len()).expect("a vocabulary under 4 GiB");
        self.all.push_str(word);
        self.all.push(WORD_END);
        self.starts.push(start);
        self.users.push(Vec::new());
        self.numbers.insert(word.into(), number);
        // Unused until a profile is added with it.
        self.unused += 1;
        number
    }

    /// Whether most of the vocabulary is unused, and enough of it to be worth building again.
    fn wants_compacting(&self) -> bool {
        self.unused >= COMPACT_AFTER_UNUSED && self.unused * 2 > self.starts.len()
    }

    fn word(&self, number: u32) -> &str {
        let start = self.starts[number as usize] as usize;
        let end = self.all[start..]
            .find(WORD_END)
            .map_or(self.all.len(), |e| start + e);
        &self.all[start..end]
    }

    /// The distinct numbers of the words of `folded` text, sorted.
    fn of(&mut self, folded: &str) -> Vec<u32> {
        let mut numbers: Vec<u32> = split_words(folded).map(|w| self.number(w)).collect();
        numbers.sort_unstable();
        numbers.dedup();
        numbers
    }

    fn add(&mut self, slot: u32, words: &[u32]) {
        for &word in words {
            let users = &mut self.users[word as usize];
            if let Err(at) = users.binary_search(&slot) {
                if users.is_empty() {
                    self.unused -= 1;
                }
                users.insert(at, slot);
            }
        }
    }

    fn remove(&mut self, slot: u32, words: &[u32]) {
        for &word in words {
            let users = &mut self.users[word as usize];
            if let Ok(at) = users.binary_search(&slot) {
                users.remove(at);
                if users.is_empty() {
                    self.unused += 1;
                }
            }
        }
    }

    /// Marks, in `marks`, the slots of profiles with a word containing `typed` and marked
    /// `before` so far, with `before + 1`.
    fn mark_containing(&self, typed: &str, marks: &mut [u8], before: u8) {
        let mut last = None;
        for at in memmem::find_iter(self.all.as_bytes(), typed.as_bytes()) {
            let at = u32::try_from(at).unwrap_or(u32::MAX);
            let word = self.starts.partition_point(|&start| start <= at) - 1;
            // A word holding what was typed twice is read once.
            if last == Some(word) {
                continue;
            }
            last = Some(word);
            for &slot in &self.users[word] {
                let mark = &mut marks[slot as usize];
                if *mark == before {
                    *mark = before + 1;
                }
            }
        }
    }
}

/// Words: runs of letters and digits.
fn split_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// What people search filters on; `None` filters nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PeopleFilter {
    /// A skill, in any spelling.
    pub skill: Option<String>,
    /// Words found in the headline or about text (each inside one of its words), in any case
    /// and with or without accents.
    pub text: Option<String>,
    pub open_to: Option<OpenTo>,
}

/// A profile found by [`ProfileIndex::matching`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Match {
    pub(crate) member: MemberId,
    pub(crate) updated_at: Timestamp,
}

impl PeopleFilter {
    /// A saved search as a store kept it.
    pub(crate) fn from_stored(
        skill: Option<String>,
        text: Option<String>,
        open_to: Option<String>,
    ) -> Result<Self, super::port::StoreError> {
        Ok(Self {
            skill,
            text,
            open_to: OpenTo::stored(open_to.as_deref())?.pop(),
        })
    }
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
        if let Some(slot) = self.slot_of.remove(&member)
            && let Some(old) = self.entries[slot as usize].take()
        {
            for (&number, skill) in old.skill_numbers.iter().zip(&old.skills) {
                let used = &mut self.skills[number as usize];
                used.members.remove(&member);
                if let Some(count) = used.spellings.get_mut(skill.as_str()) {
                    *count -= 1;
                    if *count == 0 {
                        used.spellings.remove(skill.as_str());
                    }
                }
            }
            self.words.remove(slot, &old.words);
            self.free.push(slot);
            if self.words.wants_compacting() {
                self.compact_words();
            }
        }
        let Some(profile) = profile else { return };
        let skill_numbers: Vec<u32> = profile
            .skills
            .iter()
            .map(|skill| {
                let number = self.number_of(skill);
                let used = &mut self.skills[number as usize];
                used.members.insert(member);
                *used.spellings.entry(skill.as_str().to_owned()).or_default() += 1;
                number
            })
            .collect();
        let words = self.words.of(&fold(&format!(
            "{}\n{}",
            profile.headline.as_deref().unwrap_or(""),
            profile.about.as_deref().unwrap_or("")
        )));
        let slot = match self.free.pop() {
            Some(slot) => slot,
            None => {
                self.entries.push(None);
                u32::try_from(self.entries.len() - 1).expect("fewer than 4 billion profiles")
            }
        };
        self.words.add(slot, &words);
        self.slot_of.insert(member, slot);
        self.entries[slot as usize] = Some(Entry {
            member,
            headline: profile.headline,
            skills: profile.skills,
            skill_numbers,
            open_to: profile.open_to,
            updated_at: profile.updated_at,
            words,
        });
    }

    /// Builds the vocabulary again from the profiles, leaving out the words none uses.
    fn compact_words(&mut self) {
        let old = std::mem::take(&mut self.words);
        for (slot, entry) in (0u32..).zip(self.entries.iter_mut()) {
            let Some(entry) = entry else { continue };
            let mut numbers: Vec<u32> = entry
                .words
                .iter()
                .map(|&w| self.words.number(old.word(w)))
                .collect();
            numbers.sort_unstable();
            self.words.add(slot, &numbers);
            entry.words = numbers;
        }
    }

    /// The skill's number, given it one if it is new.
    fn number_of(&mut self, skill: &Skill) -> u32 {
        let key = skill.key();
        if let Some(&number) = self.skill_numbers.get(&key) {
            return number;
        }
        let number = u32::try_from(self.skills.len()).expect("fewer than 4 billion skills");
        self.skill_numbers.insert(key, number);
        self.skills.push(SkillUse::default());
        number
    }

    fn entry(&self, member: MemberId) -> Option<&Entry> {
        let slot = *self.slot_of.get(&member)?;
        self.entries[slot as usize].as_ref()
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

    pub(crate) fn has_profile(&self, member: MemberId) -> bool {
        self.slot_of.contains_key(&member)
    }

    pub(crate) fn headline(&self, member: MemberId) -> Option<&str> {
        self.entry(member)?.headline.as_deref()
    }

    pub(crate) fn visibility(&self, member: MemberId) -> ProfileVisibility {
        if self.hidden.contains(&member) {
            ProfileVisibility::Connections
        } else {
            ProfileVisibility::Everyone
        }
    }

    /// Whether anyone hides their profile (most servers: nobody, and checks can be skipped).
    pub(crate) fn anyone_hidden(&self) -> bool {
        !self.hidden.is_empty()
    }

    /// The members whose profile passes `filter`, newest profile first (ties by id). Who may
    /// see whom is the caller's to decide.
    pub(crate) fn matching(&self, filter: &PeopleFilter) -> Vec<Match> {
        let folded = filter.text.as_deref().map(fold).unwrap_or_default();
        let typed: Vec<&str> = split_words(&folded).collect();
        // Each word typed marks the profiles that have it and every word before it.
        let marks = (!typed.is_empty()).then(|| {
            let mut marks = vec![0u8; self.entries.len()];
            for (before, word) in typed.iter().enumerate() {
                let before = u8::try_from(before).unwrap_or(u8::MAX - 1);
                self.words.mark_containing(word, &mut marks, before);
            }
            marks
        });
        let every_word = u8::try_from(typed.len()).unwrap_or(u8::MAX - 1);
        let open_to = filter.open_to;
        let found = |slot: u32, entry: &Entry| {
            let passes = open_to.is_none_or(|o| entry.open_to.contains(&o))
                && marks
                    .as_ref()
                    .is_none_or(|marks| marks[slot as usize] == every_word);
            passes.then_some(Match {
                member: entry.member,
                updated_at: entry.updated_at,
            })
        };
        let mut found: Vec<Match> = match filter.skill.as_deref() {
            Some(skill) => {
                let Some(&number) = self.skill_numbers.get(&fold(skill.trim())) else {
                    return Vec::new();
                };
                self.skills[number as usize]
                    .members
                    .iter()
                    .filter_map(|m| {
                        let slot = *self.slot_of.get(m)?;
                        found(slot, self.entries[slot as usize].as_ref()?)
                    })
                    .collect()
            }
            None => (0u32..)
                .zip(&self.entries)
                .filter_map(|(slot, entry)| found(slot, entry.as_ref()?))
                .collect(),
        };
        found.sort_unstable_by(|a, b| {
            b.updated_at
                .cmp(&a.updated_at)
                .then(a.member.cmp(&b.member))
        });
        found
    }

    /// Skills in use that contain `typed` (any case or accents), most used first, each in the
    /// spelling most members use, with how many members list it.
    pub(crate) fn skill_choices(&self, typed: &str, limit: usize) -> Vec<(String, u32)> {
        let typed = fold(typed.trim());
        let mut found: Vec<(bool, u32, &str, &str)> = self
            .skill_numbers
            .iter()
            .filter(|(key, _)| key.contains(&typed))
            .map(|(key, &number)| (key, &self.skills[number as usize]))
            .filter(|(_, used)| !used.members.is_empty())
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

    /// The skills `member`'s profile lists, in their spelling.
    pub(crate) fn skills_of(&self, member: MemberId) -> Vec<String> {
        self.entry(member).map_or_else(Vec::new, |entry| {
            entry.skills.iter().map(|s| s.as_str().to_owned()).collect()
        })
    }

    /// The skills of `other`'s profile that `member`'s lists too, in `other`'s spelling.
    pub(crate) fn shared_skills(&self, member: MemberId, other: MemberId) -> Vec<String> {
        let (Some(mine), Some(theirs)) = (self.entry(member), self.entry(other)) else {
            return Vec::new();
        };
        theirs
            .skill_numbers
            .iter()
            .zip(&theirs.skills)
            .filter(|(number, _)| mine.skill_numbers.contains(number))
            .map(|(_, skill)| skill.as_str().to_owned())
            .collect()
    }

    /// What is kept of every profile, and every hidden member, sorted by id: for comparing
    /// with the database.
    pub(crate) fn entries(&self) -> (Vec<(MemberId, Kept)>, Vec<MemberId>) {
        let mut profiles: Vec<(MemberId, Kept)> = self
            .entries
            .iter()
            .flatten()
            .map(|e| {
                let mut words: Vec<String> = e
                    .words
                    .iter()
                    .map(|&w| self.words.word(w).to_owned())
                    .collect();
                words.sort_unstable();
                let kept = Kept {
                    headline: e.headline.clone(),
                    skills: e.skills.iter().map(|s| s.as_str().to_owned()).collect(),
                    open_to: e.open_to.clone(),
                    updated_at: e.updated_at,
                    words,
                };
                (e.member, kept)
            })
            .collect();
        profiles.sort_unstable_by_key(|(m, _)| *m);
        let mut hidden: Vec<MemberId> = self.hidden.iter().copied().collect();
        hidden.sort_unstable();
        (profiles, hidden)
    }

    /// How many profiles there are.
    pub(crate) fn len(&self) -> usize {
        self.slot_of.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::{ProfileDraft, Timestamp};

    fn m(n: u64) -> MemberId {
        MemberId::new(n).unwrap()
    }

    /// The members a word search finds, newest profile first.
    fn found(index: &ProfileIndex, words: &str) -> Vec<u64> {
        index
            .matching(&PeopleFilter {
                text: Some(words.into()),
                ..Default::default()
            })
            .into_iter()
            .map(|f| f.member.get())
            .collect()
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
        assert_eq!(
            index.skill_choices("", 10),
            [("Go".to_owned(), 1)],
            "skills nobody lists any more are not offered"
        );
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
                .map(|found| found.member.get())
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
        // Several words: each inside some word of the profile, in any order.
        let words = |t: &str| PeopleFilter {
            text: Some(t.into()),
            ..Default::default()
        };
        assert_eq!(ids(words("owner caf")), [3]);
        assert_eq!(ids(words("end")), [2, 1], "inside a word");
        assert_eq!(ids(words("backend frontend")), Vec::<u64>::new());
        assert_eq!(ids(words("  ,; ")), [2, 3, 1], "no words: no text filter");
        assert_eq!(index.headline(m(3)), Some("cafe owner"));
    }

    #[test]
    fn a_vocabulary_of_unused_words_is_built_again_and_searches_still_find() {
        let mut index = ProfileIndex::default();
        index.set(m(1), Some(profile("", "steady words", 1)));
        // Another member rewrites their profile with new words, over and over.
        for round in 0..(COMPACT_AFTER_UNUSED as i64 * 3) {
            index.set(m(2), Some(profile("", &format!("w{round}x"), round + 2)));
        }
        assert!(
            index.words.starts.len() < COMPACT_AFTER_UNUSED * 2 + 2,
            "{} words kept",
            index.words.starts.len()
        );
        assert_eq!(found(&index, "steady"), [1]);
        let last = format!("w{}x", COMPACT_AFTER_UNUSED * 3 - 1);
        assert_eq!(found(&index, &last), [2]);
        assert_eq!(found(&index, "w0x"), Vec::<u64>::new());
        // What is kept reads the same as a fresh index of the same profiles.
        let fresh = ProfileIndex::load(
            [
                (m(1), profile("", "steady words", 1)),
                (
                    m(2),
                    profile("", &last, COMPACT_AFTER_UNUSED as i64 * 3 + 1),
                ),
            ],
            [],
        );
        assert_eq!(index.entries(), fresh.entries());
    }

    #[test]
    fn slots_and_words_are_reused_and_forgotten_with_their_profiles() {
        let mut index = ProfileIndex::default();
        index.set(m(1), Some(profile("", "alpha beta", 1)));
        index.set(m(2), Some(profile("", "beta gamma", 2)));
        index.set(m(1), None);
        index.set(m(3), Some(profile("", "delta", 3)));
        assert_eq!(index.entries.len(), 2, "the freed slot was reused");
        assert_eq!(found(&index, "alpha"), Vec::<u64>::new());
        assert_eq!(found(&index, "beta"), [2]);
        assert_eq!(found(&index, "delta"), [3]);
        index.set(m(2), Some(profile("", "gamma", 4)));
        assert_eq!(found(&index, "beta"), Vec::<u64>::new());
        assert_eq!(found(&index, "gam"), [2]);
        assert_eq!(index.len(), 2);
    }
}
