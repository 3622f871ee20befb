//! Every member's private tags on their connections, in memory: a page of connections shows
//! them and filters by them, so on a shared store a page is read without a round trip.
//! Mirrored like the rest of memory (`Change::Tagged`, `Change::Untagged`, erasure) and
//! compared with the database by `memory_differences`.

use rustc_hash::FxHashMap;

use super::{MemberId, Tag};

#[derive(Debug, Default)]
pub(crate) struct TagIndex {
    /// (owner, peer) → the owner's tags on the peer, in the stores' order (ASCII letters
    /// compared without case).
    by_pair: FxHashMap<(MemberId, MemberId), Vec<Tag>>,
}

/// Tags compare as the stores compare them: ASCII letters without case.
fn key(tag: &Tag) -> String {
    tag.as_str().to_ascii_lowercase()
}

impl TagIndex {
    pub(crate) fn load(all: Vec<(MemberId, MemberId, Tag)>) -> Self {
        let mut index = Self::default();
        for (owner, peer, tag) in all {
            index.add(owner, peer, tag);
        }
        index
    }

    /// Adds the tag as the store did (it refuses one already there in any case).
    pub(crate) fn add(&mut self, owner: MemberId, peer: MemberId, tag: Tag) {
        let tags = self.by_pair.entry((owner, peer)).or_default();
        let wanted = key(&tag);
        if let Err(at) = tags.binary_search_by(|t| key(t).cmp(&wanted)) {
            tags.insert(at, tag);
        }
    }

    /// Removes the tag, in any case.
    pub(crate) fn remove(&mut self, owner: MemberId, peer: MemberId, tag: &Tag) {
        if let Some(tags) = self.by_pair.get_mut(&(owner, peer)) {
            let wanted = key(tag);
            tags.retain(|t| key(t) != wanted);
            if tags.is_empty() {
                self.by_pair.remove(&(owner, peer));
            }
        }
    }

    /// Forgets the tags the member put and those put on them (their erasure).
    pub(crate) fn forget(&mut self, member: MemberId) {
        self.by_pair
            .retain(|&(owner, peer), _| owner != member && peer != member);
    }

    /// `owner`'s tags on `peer`.
    pub(crate) fn of(&self, owner: MemberId, peer: MemberId) -> &[Tag] {
        self.by_pair.get(&(owner, peer)).map_or(&[], Vec::as_slice)
    }

    /// Whether `owner` gave `peer` the tag (in any case).
    pub(crate) fn has(&self, owner: MemberId, peer: MemberId, tag: &Tag) -> bool {
        let wanted = key(tag);
        self.of(owner, peer).iter().any(|t| key(t) == wanted)
    }

    /// Every tag, sorted: for comparing with the database.
    pub(crate) fn entries(&self) -> Vec<(MemberId, MemberId, String)> {
        let mut all: Vec<(MemberId, MemberId, String)> = self
            .by_pair
            .iter()
            .flat_map(|(&(owner, peer), tags)| {
                tags.iter()
                    .map(move |t| (owner, peer, t.as_str().to_owned()))
            })
            .collect();
        all.sort_unstable();
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(n: u64) -> MemberId {
        MemberId::new(n).unwrap()
    }

    fn t(text: &str) -> Tag {
        Tag::parse(text).unwrap()
    }

    #[test]
    fn tags_compare_as_the_stores_do() {
        let mut index = TagIndex::default();
        index.add(m(1), m(2), t("Rust"));
        index.add(m(1), m(2), t("rust"));
        index.add(m(1), m(2), t("Climbing"));
        let names: Vec<&str> = index.of(m(1), m(2)).iter().map(Tag::as_str).collect();
        assert_eq!(names, ["Climbing", "Rust"]);
        assert!(index.has(m(1), m(2), &t("RUST")));
        assert!(
            !index.has(m(2), m(1), &t("Rust")),
            "a tag is its owner's alone"
        );
        index.remove(m(1), m(2), &t("rUST"));
        assert!(!index.has(m(1), m(2), &t("Rust")));
        index.add(m(3), m(1), t("Work"));
        index.forget(m(1));
        assert!(index.entries().is_empty());
    }
}
