//! A server's member directory, in memory: the names last seen for each member, and the
//! lower-cased text a name search looks in.
//!
//! Why in memory: a page of connections names ten members, and fetching ten names from
//! SQLite is ten random B-tree lookups (about 1 µs each, more than everything else on the
//! page put together); a search over a hub's thousands of connections would be thousands.
//! A hash map lookup is a few nanoseconds. Loaded and kept in step like the graph (`memory`).

use rustc_hash::FxHashMap;

use super::{MemberId, MemberNames};

#[derive(Debug, Default)]
pub(crate) struct Directory {
    /// FxHash, as the graph's index (see `graph`): a search hashes one id per connection.
    entries: FxHashMap<MemberId, Entry>,
}

#[derive(Debug)]
struct Entry {
    names: MemberNames,
    /// Lower-cased display name and username (Unicode-aware).
    search_key: String,
}

impl Directory {
    pub(crate) fn from_names(names: impl IntoIterator<Item = (MemberId, MemberNames)>) -> Self {
        let mut directory = Self::default();
        for (member, names) in names {
            directory.set(member, names);
        }
        directory
    }

    pub(crate) fn set(&mut self, member: MemberId, names: MemberNames) {
        let search_key = names.search_key();
        self.entries.insert(member, Entry { names, search_key });
    }

    pub(crate) fn remove(&mut self, member: MemberId) {
        self.entries.remove(&member);
    }

    pub(crate) fn names(&self, member: MemberId) -> Option<&MemberNames> {
        self.entries.get(&member).map(|e| &e.names)
    }

    /// Every member's names, sorted by id: for comparing with the database.
    pub(crate) fn entries(&self) -> Vec<(MemberId, MemberNames)> {
        let mut all: Vec<(MemberId, MemberNames)> = self
            .entries
            .iter()
            .map(|(member, entry)| (*member, entry.names.clone()))
            .collect();
        all.sort_unstable_by_key(|(member, _)| *member);
        all
    }

    /// Whether the member's display name or username contains `needle` (already lower-cased).
    /// A member whose names were never seen matches no search.
    pub(crate) fn matches(&self, member: MemberId, needle: &str) -> bool {
        self.entries
            .get(&member)
            .is_some_and(|e| e.search_key.contains(needle))
    }
}
