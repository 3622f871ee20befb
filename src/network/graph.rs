//! A server's connection graph, in memory (held and kept in step by `memory`).
//!
//! Why in memory: "how am I linked to this person" (up to 3rd degree), mutual connections and
//! "people you may know" are graph walks. As SQL they are self-joins over millions of rows — a
//! recursive CTE for the 3rd degree takes about half a second on a 100,000-member server — while
//! the same walks over adjacency lists in memory take microseconds. SQLite stays the source of
//! truth; see `memory` for how the graph is loaded and kept in step with it.
//!
//! Layout: members get dense `u32` indexes; each member's neighbours are a sorted `Vec<u32>`
//! (4 bytes per side of a connection: 20 MB for 2.5 million connections), and beside it, in
//! the same order, when each connection began (8 bytes a side), so that a member's list of
//! connections is read from memory too, on any store.
//!
//! - Degree: 1st is a binary search; 2nd is a sorted-list intersection; 3rd checks the lists
//!   of one member's neighbours for any of the other's neighbours (through a small bitmap
//!   filter; a hub's long list by binary search of each of them instead), from whichever side
//!   has the smaller sum of neighbour degrees, stopping at the first hit.
//! - Mutual connections: intersection of two sorted lists (binary search of the shorter in the
//!   longer, so a hub with thousands of connections costs a few hundred steps).
//! - Suggestions: count, for each member two steps away, how many of your connections they are
//!   connected to (scratch counters, reset by generation rather than cleared), and rank by that.

use rustc_hash::FxHashMap;
use std::cell::RefCell;

use super::{MemberId, Timestamp};

/// How two members are linked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Degree {
    /// Connected.
    First,
    /// Not connected, but share a connection.
    Second,
    /// A connection of theirs is connected to a connection of yours.
    Third,
    /// Further away, or not linked at all.
    Outside,
}

/// Mutual connections of two members: how many, and a few of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mutuals {
    pub count: u32,
    /// Up to the requested number, in no particular order.
    pub sample: Vec<MemberId>,
}

/// How a member stands to another: their degree, and how many connections they share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Closeness {
    pub degree: Degree,
    pub mutuals: u32,
}

/// One server's connections.
#[derive(Debug, Default)]
pub(crate) struct GuildGraph {
    /// FxHash rather than SipHash: ids are Discord's (nobody picks them to collide), and
    /// every walk and every load hashes ids.
    index: FxHashMap<MemberId, u32>,
    ids: Vec<MemberId>,
    /// Sorted, no duplicates, never containing the member itself.
    neighbours: Vec<Vec<u32>>,
    /// When each of those connections began, in the same order.
    since: Vec<Vec<Timestamp>>,
}

/// Builds a graph from connections given batch by batch, each connection once (either
/// direction): ends are interned as batches arrive, and each member's list is allocated once,
/// at its final size, at the end (growing millions of lists by push was a fifth of a big
/// server's load).
#[derive(Default)]
pub(crate) struct GraphBuilder {
    graph: GuildGraph,
    edges: Vec<(u32, u32, Timestamp)>,
    /// The first end of the last connection added, and its index.
    last: Option<(MemberId, u32)>,
}

impl GraphBuilder {
    pub(crate) fn add(
        &mut self,
        connections: impl IntoIterator<Item = (MemberId, MemberId, Timestamp)>,
    ) {
        let Self { graph, edges, last } = self;
        edges.extend(connections.into_iter().map(|(a, b, since)| {
            // Stores return each member's connections together (in key order), so the first
            // end repeats from row to row: remembering its index saves half the hash lookups.
            let ia = match *last {
                Some((member, index)) if member == a => index,
                _ => {
                    let index = graph.intern(a);
                    *last = Some((a, index));
                    index
                }
            };
            (ia, graph.intern(b), since)
        }));
    }

    pub(crate) fn finish(self) -> GuildGraph {
        let Self {
            mut graph, edges, ..
        } = self;
        let mut degree = vec![0usize; graph.ids.len()];
        for &(a, b, _) in &edges {
            degree[a as usize] += 1;
            degree[b as usize] += 1;
        }
        // The peers' lists and the dates' lists do not depend on each other: each is built on
        // its own thread (allocating a million members' lists and filling them is most of a
        // big server's build, and the database's reading is over by now).
        let (neighbours, since) = std::thread::scope(|threads| {
            let dates = threads.spawn(|| lists(&degree, &edges, |&(_, _, since)| (since, since)));
            let peers = lists(&degree, &edges, |&(a, b, _)| (b, a));
            (
                peers,
                dates
                    .join()
                    .unwrap_or_else(|p| std::panic::resume_unwind(p)),
            )
        });
        drop(edges);
        graph.neighbours = neighbours;
        graph.since = since;
        // Each list sorted by peer, its dates following, the members in two halves on two
        // threads.
        let middle = graph.neighbours.len() / 2;
        let (low_peers, high_peers) = graph.neighbours.split_at_mut(middle);
        let (low_dates, high_dates) = graph.since.split_at_mut(middle);
        std::thread::scope(|threads| {
            threads.spawn(|| sort_lists(high_peers, high_dates));
            sort_lists(low_peers, low_dates);
        });
        graph
    }
}

/// Every member's list of what `values` gives for each connection: the first of the pair for
/// the connection's first end, the second for its other end; each list allocated at its final
/// size.
fn lists<T: Copy>(
    degree: &[usize],
    edges: &[(u32, u32, Timestamp)],
    values: impl Fn(&(u32, u32, Timestamp)) -> (T, T),
) -> Vec<Vec<T>> {
    let mut lists: Vec<Vec<T>> = degree.iter().map(|&d| Vec::with_capacity(d)).collect();
    for edge in edges {
        let (for_first, for_other) = values(edge);
        lists[edge.0 as usize].push(for_first);
        lists[edge.1 as usize].push(for_other);
    }
    lists
}

/// Sorts each list by peer, its dates following, dropping a peer listed twice. One `u64` per
/// entry is sorted (the peer above the entry's place in the list), in one buffer reused for
/// every list, rather than every list copied as (peer, date) pairs (which doubled a big
/// server's peak memory during the load).
fn sort_lists(peers: &mut [Vec<u32>], dates: &mut [Vec<Timestamp>]) {
    let mut keys: Vec<u64> = Vec::new();
    for (list, dates) in peers.iter_mut().zip(dates) {
        if list.windows(2).all(|w| w[0] < w[1]) {
            continue;
        }
        keys.clear();
        keys.extend(
            list.iter()
                .enumerate()
                .map(|(at, &peer)| (u64::from(peer) << 32) | at as u64),
        );
        keys.sort_unstable();
        keys.dedup_by_key(|key| *key >> 32);
        let sorted_dates: Vec<Timestamp> = keys
            .iter()
            .map(|key| dates[(key & 0xFFFF_FFFF) as usize])
            .collect();
        list.clear();
        list.extend(keys.iter().map(|key| (key >> 32) as u32));
        *dates = sorted_dates;
    }
}

impl GuildGraph {
    /// Builds a graph from each connection given once (either direction).
    #[cfg(test)]
    pub(crate) fn from_connections(
        connections: impl IntoIterator<Item = (MemberId, MemberId)>,
    ) -> Self {
        let mut builder = GraphBuilder::default();
        builder.add(
            connections
                .into_iter()
                .map(|(a, b)| (a, b, Timestamp::from_unix_millis(0))),
        );
        builder.finish()
    }

    fn intern(&mut self, member: MemberId) -> u32 {
        if let Some(&i) = self.index.get(&member) {
            return i;
        }
        let i = u32::try_from(self.ids.len()).expect("fewer than 4 billion members");
        self.index.insert(member, i);
        self.ids.push(member);
        self.neighbours.push(Vec::new());
        self.since.push(Vec::new());
        i
    }

    pub(crate) fn connect(&mut self, a: MemberId, b: MemberId, since: Timestamp) {
        let (a, b) = (self.intern(a), self.intern(b));
        self.insert(a, b, since);
        self.insert(b, a, since);
    }

    pub(crate) fn disconnect(&mut self, a: MemberId, b: MemberId) {
        if let (Some(&a), Some(&b)) = (self.index.get(&a), self.index.get(&b)) {
            self.remove(a, b);
            self.remove(b, a);
        }
    }

    /// `peer` into `member`'s list, in its place (replacing its date if it is there).
    fn insert(&mut self, member: u32, peer: u32, since: Timestamp) {
        let (list, dates) = (
            &mut self.neighbours[member as usize],
            &mut self.since[member as usize],
        );
        match list.binary_search(&peer) {
            Ok(at) => dates[at] = since,
            Err(at) => {
                list.insert(at, peer);
                dates.insert(at, since);
            }
        }
    }

    fn remove(&mut self, member: u32, peer: u32) {
        if let Ok(at) = self.neighbours[member as usize].binary_search(&peer) {
            self.neighbours[member as usize].remove(at);
            self.since[member as usize].remove(at);
        }
    }

    /// Takes every connection of `member` out of the graph.
    pub(crate) fn remove_member(&mut self, member: MemberId) {
        let Some(&me) = self.index.get(&member) else {
            return;
        };
        self.since[me as usize] = Vec::new();
        for peer in std::mem::take(&mut self.neighbours[me as usize]) {
            self.remove(peer, me);
        }
    }

    /// Whether `a` and `b` are connected: a binary search in the shorter list.
    pub(crate) fn are_connected(&self, a: MemberId, b: MemberId) -> bool {
        let (Some(&ia), Some(&ib)) = (self.index.get(&a), self.index.get(&b)) else {
            return false;
        };
        let (na, nb) = (&self.neighbours[ia as usize], &self.neighbours[ib as usize]);
        if na.len() <= nb.len() {
            na.binary_search(&ib).is_ok()
        } else {
            nb.binary_search(&ia).is_ok()
        }
    }

    /// Every connection once (low id first), sorted: for comparing with the database.
    /// Every side of every connection, with when it began, sorted: for comparing with the
    /// database (both sides, so that a side whose date went astray shows).
    pub(crate) fn edges(&self) -> Vec<(MemberId, MemberId, Timestamp)> {
        let mut edges: Vec<(MemberId, MemberId, Timestamp)> = self
            .neighbours
            .iter()
            .zip(&self.since)
            .enumerate()
            .flat_map(|(me, (peers, dates))| {
                let me = self.ids[me];
                peers
                    .iter()
                    .zip(dates)
                    .map(move |(&peer, &since)| (me, self.ids[peer as usize], since))
            })
            .collect();
        edges.sort_unstable();
        edges
    }

    /// `member`'s connections (as indexes: see [`GuildGraph::id`]) and when each began, side
    /// by side, in no particular order.
    pub(crate) fn dated(&self, member: MemberId) -> (&[u32], &[Timestamp]) {
        match self.index.get(&member) {
            Some(&i) => (&self.neighbours[i as usize], &self.since[i as usize]),
            None => (&[], &[]),
        }
    }

    /// The member at an index [`GuildGraph::dated`] gave.
    pub(crate) fn id(&self, at: u32) -> MemberId {
        self.ids[at as usize]
    }

    /// How many of `member`'s connections `keep` accepts.
    pub(crate) fn connections_where(
        &self,
        member: MemberId,
        keep: impl Fn(MemberId) -> bool,
    ) -> usize {
        self.of(member)
            .iter()
            .filter(|&&x| keep(self.ids[x as usize]))
            .count()
    }

    pub(crate) fn connection_count(&self, member: MemberId) -> usize {
        self.of(member).len()
    }

    fn of(&self, member: MemberId) -> &[u32] {
        self.index
            .get(&member)
            .map_or(&[], |&i| &self.neighbours[i as usize])
    }

    /// How `a` is linked to `b`. Undefined for `a == b` (callers ask about others).
    pub(crate) fn degree(&self, a: MemberId, b: MemberId) -> Degree {
        let (Some(&ia), Some(&ib)) = (self.index.get(&a), self.index.get(&b)) else {
            return Degree::Outside;
        };
        let (na, nb) = (&self.neighbours[ia as usize], &self.neighbours[ib as usize]);
        if na.binary_search(&ib).is_ok() {
            return Degree::First;
        }
        if intersects(na, nb) {
            return Degree::Second;
        }
        // Walk from the side whose neighbours have fewer neighbours in total.
        let reach = |list: &[u32]| {
            list.iter()
                .map(|&x| self.neighbours[x as usize].len())
                .sum::<usize>()
        };
        let (walk, marked) = if reach(na) <= reach(nb) {
            (na, nb)
        } else {
            (nb, na)
        };
        let is_hub = |list: &[u32]| list.len() > probes(list.len(), marked.len());
        let marked_set = MemberFilter::new(marked);
        for &x in walk.iter().take(READ_AHEAD) {
            self.warm(x, is_hub);
        }
        let hit = walk.iter().enumerate().any(|(at, &x)| {
            if let Some(&ahead) = walk.get(at + READ_AHEAD) {
                self.warm(ahead, is_hub);
            }
            let list = &self.neighbours[x as usize];
            if is_hub(list) {
                // A hub: look each marked member up in its list instead of reading it all.
                marked.iter().any(|y| list.binary_search(y).is_ok())
            } else {
                list.iter().any(|&y| marked_set.contains(y))
            }
        });
        if hit { Degree::Third } else { Degree::Outside }
    }

    /// Brings `member`'s list into cache if a walk will read it whole (a hub's is searched
    /// instead), one load per cache line. On a big server each list is a cache miss; a walk
    /// that read list after list would wait for each miss in turn, while loads that do not
    /// depend on each other, issued [`READ_AHEAD`] lists ahead, are overlapped by the processor.
    fn warm(&self, member: u32, is_hub: impl Fn(&[u32]) -> bool) {
        const PER_LINE: usize = 64 / std::mem::size_of::<u32>();
        let list = &self.neighbours[member as usize];
        if !is_hub(list) {
            let touched = list
                .iter()
                .step_by(PER_LINE)
                .fold(0u32, |seen, &peer| seen ^ peer);
            std::hint::black_box(touched);
        }
    }

    /// The connections `a` and `b` have in common; `sample` of them at most are listed.
    pub(crate) fn mutuals(&self, a: MemberId, b: MemberId, sample: usize) -> Mutuals {
        let (short, long) = {
            let (na, nb) = (self.of(a), self.of(b));
            if na.len() <= nb.len() {
                (na, nb)
            } else {
                (nb, na)
            }
        };
        let mut count = 0;
        let mut listed = Vec::new();
        for x in short {
            if long.binary_search(x).is_ok() {
                count += 1;
                if listed.len() < sample {
                    listed.push(self.ids[*x as usize]);
                }
            }
        }
        Mutuals {
            count,
            sample: listed,
        }
    }

    /// Members two steps from `member` (not connected with them), ranked by how many of
    /// `member`'s connections they are connected to, most first; ties by id. At most `limit`.
    pub(crate) fn second_degree_ranked(
        &self,
        member: MemberId,
        limit: usize,
    ) -> Vec<(MemberId, u32)> {
        let Some(&me) = self.index.get(&member) else {
            return Vec::new();
        };
        let mine = &self.neighbours[me as usize];
        with_scratch(self.ids.len(), |scratch| {
            let excluded = scratch.next_generation();
            scratch.slots[me as usize].mark = excluded;
            for &x in mine {
                scratch.slots[x as usize].mark = excluded;
            }
            let counting = scratch.next_generation();
            let mut touched = Vec::new();
            for &x in mine {
                for &y in &self.neighbours[x as usize] {
                    let slot = &mut scratch.slots[y as usize];
                    if slot.mark == excluded {
                        continue;
                    }
                    if slot.mark != counting {
                        *slot = Slot {
                            mark: counting,
                            count: 0,
                        };
                        touched.push(y);
                    }
                    slot.count += 1;
                }
            }
            let mut ranked: Vec<(MemberId, u32)> = touched
                .iter()
                .map(|&y| (self.ids[y as usize], scratch.slots[y as usize].count))
                .collect();
            let by_rank =
                |p: &(MemberId, u32), q: &(MemberId, u32)| q.1.cmp(&p.1).then(p.0.cmp(&q.0));
            if ranked.len() > limit {
                ranked.select_nth_unstable_by(limit, by_rank);
                ranked.truncate(limit);
            }
            ranked.sort_unstable_by(by_rank);
            ranked
        })
    }
}

/// A member's connections and the connections among them (see [`GuildGraph::neighbourhood`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Neighbourhood {
    /// The connections kept, sorted by id.
    pub(crate) members: Vec<MemberId>,
    /// Each connection between two of them once, as positions in `members` (lower first).
    pub(crate) links: Vec<(u32, u32)>,
}

impl GuildGraph {
    /// `member`'s connections that `keep` accepts — at most `cap`, those with the most
    /// connections if there are more — and the connections among them.
    pub(crate) fn neighbourhood(
        &self,
        member: MemberId,
        keep: impl Fn(MemberId) -> bool,
        cap: usize,
    ) -> Neighbourhood {
        let mut kept: Vec<u32> = self
            .of(member)
            .iter()
            .copied()
            .filter(|&x| keep(self.ids[x as usize]))
            .collect();
        if kept.len() > cap {
            let by_reach = |x: &u32, y: &u32| {
                let (nx, ny) = (
                    self.neighbours[*x as usize].len(),
                    self.neighbours[*y as usize].len(),
                );
                ny.cmp(&nx)
                    .then(self.ids[*x as usize].cmp(&self.ids[*y as usize]))
            };
            kept.select_nth_unstable_by(cap, by_reach);
            kept.truncate(cap);
        }
        kept.sort_unstable_by_key(|&x| self.ids[x as usize]);
        let position: FxHashMap<u32, u32> = kept
            .iter()
            .enumerate()
            .map(|(at, &x)| (x, at as u32))
            .collect();
        let mut links = Vec::new();
        for (at, &x) in kept.iter().enumerate() {
            for y in &self.neighbours[x as usize] {
                if let Some(&other) = position.get(y)
                    && other > at as u32
                {
                    links.push((at as u32, other));
                }
            }
        }
        Neighbourhood {
            members: kept.iter().map(|&x| self.ids[x as usize]).collect(),
            links,
        }
    }

    /// Members two steps from `member` that `keep` accepts, with the most links into `inner`
    /// first (at most `cap`), each with the positions in `inner` (sorted by id) of the members
    /// of it they are connected to. Those linked to nobody in `inner` are left out.
    pub(crate) fn beyond(
        &self,
        member: MemberId,
        inner: &[MemberId],
        keep: impl Fn(MemberId) -> bool,
        cap: usize,
    ) -> Vec<Vec<u32>> {
        let position: FxHashMap<u32, u32> = inner
            .iter()
            .enumerate()
            .filter_map(|(at, id)| self.index.get(id).map(|&x| (x, at as u32)))
            .collect();
        // Ranked over all of `member`'s connections; more than `cap` are read so that those
        // linked only outside `inner` (a tag's map) can be passed over.
        let mut found = Vec::new();
        for (candidate, _) in self.second_degree_ranked(member, cap.saturating_mul(4)) {
            if found.len() == cap {
                break;
            }
            if !keep(candidate) {
                continue;
            }
            let x = self.index[&candidate];
            let mut anchors: Vec<u32> = self.neighbours[x as usize]
                .iter()
                .filter_map(|y| position.get(y).copied())
                .collect();
            if !anchors.is_empty() {
                anchors.sort_unstable();
                found.push(anchors);
            }
        }
        found
    }
}

impl GuildGraph {
    /// Ranks `candidates` (given in their tie-break order; `asker` not among them) by how close
    /// they are to `asker`: 1st degree, then 2nd, 3rd, and outside the network; within the 1st
    /// and 2nd, most mutual connections first; otherwise in the order given. Returns the ranks
    /// `skip..skip + take`, with each one's closeness.
    ///
    /// Work stops at the degree that fills the page: a page of 1st-degree members never walks
    /// the 2nd degree, and only a page past the 2nd classifies the rest (one scan of each
    /// remaining candidate's list, stopping at the first 2nd-degree member found in it).
    pub(crate) fn rank_by_closeness(
        &self,
        asker: MemberId,
        candidates: &[MemberId],
        skip: usize,
        take: usize,
    ) -> Vec<(MemberId, Closeness)> {
        let outside = Closeness {
            degree: Degree::Outside,
            mutuals: 0,
        };
        let Some(&me) = self.index.get(&asker) else {
            return candidates
                .iter()
                .skip(skip)
                .take(take)
                .map(|&c| (c, outside))
                .collect();
        };
        let wanted = skip.saturating_add(take);
        let mine = &self.neighbours[me as usize];
        // Candidates by their place in the given order, with their index in the graph.
        let placed: Vec<(usize, Option<u32>)> = candidates
            .iter()
            .enumerate()
            .map(|(place, c)| (place, self.index.get(c).copied()))
            .collect();
        with_scratch(self.ids.len(), |scratch| {
            let asker_mark = scratch.next_generation();
            let first = scratch.next_generation();
            let second = scratch.next_generation();
            scratch.slots[me as usize].mark = asker_mark;
            for &x in mine {
                scratch.slots[x as usize].mark = first;
            }
            // The 1st degree, most mutual connections first, then in the order given.
            let slots = &scratch.slots;
            let mut tier: Vec<(usize, u32)> = placed
                .iter()
                .filter_map(|&(place, c)| {
                    let c = c.filter(|&c| slots[c as usize].mark == first)?;
                    Some((place, self.mutual_count(mine, slots, first, c)))
                })
                .collect();
            tier.sort_unstable_by_key(|&(place, count)| (std::cmp::Reverse(count), place));
            let mut ranked: Vec<(MemberId, Closeness)> = tier
                .into_iter()
                .map(|(place, mutuals)| {
                    let degree = Degree::First;
                    (candidates[place], Closeness { degree, mutuals })
                })
                .collect();
            if ranked.len() >= wanted {
                return page(ranked, skip, take);
            }
            // The 2nd degree: everyone a connection of the asker's is connected to, counting
            // through how many of them (their mutual connections, read off as they are ranked).
            for &x in mine {
                for &y in &self.neighbours[x as usize] {
                    let slot = &mut scratch.slots[y as usize];
                    if slot.mark == second {
                        slot.count += 1;
                    } else if slot.mark != first && slot.mark != asker_mark {
                        *slot = Slot {
                            mark: second,
                            count: 1,
                        };
                    }
                }
            }
            let slots = &scratch.slots;
            let mut tier: Vec<(usize, u32)> = placed
                .iter()
                .filter_map(|&(place, c)| {
                    let slot = slots[c? as usize];
                    (slot.mark == second).then_some((place, slot.count))
                })
                .collect();
            tier.sort_unstable_by_key(|&(place, count)| (std::cmp::Reverse(count), place));
            ranked.extend(tier.into_iter().map(|(place, mutuals)| {
                (
                    candidates[place],
                    Closeness {
                        degree: Degree::Second,
                        mutuals,
                    },
                )
            }));
            if ranked.len() >= wanted {
                return page(ranked, skip, take);
            }
            let slots = &scratch.slots;
            // The rest, in the order given: 3rd degree if connected to a 2nd-degree member.
            let mut third = Vec::new();
            let mut beyond = Vec::new();
            for &(place, c) in &placed {
                let reached = match c {
                    Some(c) => {
                        let mark = slots[c as usize].mark;
                        if mark == first || mark == second {
                            continue;
                        }
                        self.neighbours[c as usize]
                            .iter()
                            .any(|&y| slots[y as usize].mark == second)
                    }
                    None => false,
                };
                let closeness = Closeness {
                    degree: if reached {
                        Degree::Third
                    } else {
                        Degree::Outside
                    },
                    mutuals: 0,
                };
                if reached {
                    third.push((candidates[place], closeness));
                } else {
                    beyond.push((candidates[place], closeness));
                }
            }
            ranked.extend(third);
            ranked.extend(beyond);
            page(ranked, skip, take)
        })
    }
}

impl GuildGraph {
    /// How many of `mine` (the asker's list, each marked `first` in `slots`) `c` is connected
    /// to: a scan of `c`'s list against the marks, or for a hub, `mine` looked up in its list.
    fn mutual_count(&self, mine: &[u32], slots: &[Slot], first: u32, c: u32) -> u32 {
        let theirs = &self.neighbours[c as usize];
        let count = if theirs.len() > probes(theirs.len(), mine.len()) {
            mine.iter()
                .filter(|x| theirs.binary_search(x).is_ok())
                .count()
        } else {
            theirs
                .iter()
                .filter(|&&y| slots[y as usize].mark == first)
                .count()
        };
        count as u32
    }
}

fn page<T>(ranked: Vec<T>, skip: usize, take: usize) -> Vec<T> {
    ranked.into_iter().skip(skip).take(take).collect()
}

/// How many lists ahead of the one it reads a walk brings lists into cache: enough to overlap
/// their misses, few enough that a walk ending early has not paid for many it never reads.
const READ_AHEAD: usize = 6;

/// What looking `marked` members up, one binary search each, in a list of `len` costs, in
/// units of one entry of a sequential read: a search step is an unpredictable branch and often
/// a cache miss, about eight times an entry read in order (measured on the benchmark's graphs).
fn probes(len: usize, marked: usize) -> usize {
    const STEP: usize = 8;
    marked.saturating_mul(len.max(2).ilog2() as usize + 1) * STEP
}

/// Membership in a sorted list of members, for checking many candidates against it: a bitmap
/// of the members' low bits (8 KiB, in the core's nearest cache) says "no" to nearly every
/// candidate without a memory access elsewhere, and a "maybe" is settled by binary search. On
/// a million-member server, marking members in a per-member scratch array made every check a
/// cache miss.
struct MemberFilter<'a> {
    bits: [u64; FILTER_WORDS],
    members: &'a [u32],
}

const FILTER_WORDS: usize = 1024;
const FILTER_MASK: usize = FILTER_WORDS * 64 - 1;

impl<'a> MemberFilter<'a> {
    fn new(members: &'a [u32]) -> Self {
        let mut bits = [0u64; FILTER_WORDS];
        for &member in members {
            let bit = member as usize & FILTER_MASK;
            bits[bit / 64] |= 1 << (bit % 64);
        }
        Self { bits, members }
    }

    fn contains(&self, member: u32) -> bool {
        let bit = member as usize & FILTER_MASK;
        self.bits[bit / 64] & (1 << (bit % 64)) != 0 && self.members.binary_search(&member).is_ok()
    }
}

/// Whether two sorted lists share an element: binary search of the shorter in the longer.
fn intersects(a: &[u32], b: &[u32]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.iter().any(|x| long.binary_search(x).is_ok())
}

/// Per-thread scratch space for counting walks: a mark and a counter per member, "cleared" by
/// moving to a new generation instead of writing every slot. A member's mark and counter
/// share a slot: counting reads both, and on a big server each visit is a cache miss, so one
/// line rather than two.
#[derive(Default)]
struct Scratch {
    slots: Vec<Slot>,
    generation: u32,
}

#[derive(Clone, Copy, Default)]
struct Slot {
    mark: u32,
    count: u32,
}

impl Scratch {
    fn next_generation(&mut self) -> u32 {
        if self.generation == u32::MAX {
            self.slots.fill(Slot::default());
            self.generation = 0;
        }
        self.generation += 1;
        self.generation
    }
}

fn with_scratch<T>(members: usize, walk: impl FnOnce(&mut Scratch) -> T) -> T {
    thread_local! {
        static SCRATCH: RefCell<Scratch> = RefCell::default();
    }
    SCRATCH.with(|cell| {
        let mut scratch = cell.borrow_mut();
        if scratch.slots.len() < members {
            scratch.slots.resize(members, Slot::default());
        }
        walk(&mut scratch)
    })
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};

    use proptest::prelude::*;

    use super::*;

    fn m(n: u64) -> MemberId {
        MemberId::new(n).unwrap()
    }

    /// Breadth-first search: the plain definition of degree.
    fn bfs_degree(edges: &HashSet<(u64, u64)>, a: u64, b: u64) -> Degree {
        let mut distance = HashMap::from([(a, 0u32)]);
        let mut queue = VecDeque::from([a]);
        while let Some(x) = queue.pop_front() {
            let d = distance[&x];
            if d == 3 {
                continue;
            }
            for &(p, q) in edges {
                let next = if p == x {
                    q
                } else if q == x {
                    p
                } else {
                    continue;
                };
                distance.entry(next).or_insert_with(|| {
                    queue.push_back(next);
                    d + 1
                });
            }
        }
        match distance.get(&b) {
            Some(1) => Degree::First,
            Some(2) => Degree::Second,
            Some(3) => Degree::Third,
            _ => Degree::Outside,
        }
    }

    fn graph_strategy() -> impl Strategy<Value = HashSet<(u64, u64)>> {
        prop::collection::hash_set((1..=24u64, 1..=24u64), 0..60).prop_map(|pairs| {
            pairs
                .into_iter()
                .filter(|(a, b)| a != b)
                .map(|(a, b)| (a.min(b), a.max(b)))
                .collect()
        })
    }

    proptest! {
        #[test]
        fn degree_agrees_with_breadth_first_search(edges in graph_strategy(), a in 1..=24u64, b in 1..=24u64) {
            prop_assume!(a != b);
            let graph = GuildGraph::from_connections(edges.iter().map(|&(p, q)| (m(p), m(q))));
            prop_assert_eq!(graph.degree(m(a), m(b)), bfs_degree(&edges, a, b));
            prop_assert_eq!(graph.degree(m(b), m(a)), bfs_degree(&edges, a, b), "degree is symmetric");
            let connected = edges.contains(&(a.min(b), a.max(b)));
            prop_assert_eq!(graph.are_connected(m(a), m(b)), connected);
            prop_assert_eq!(graph.are_connected(m(b), m(a)), connected);
        }

        #[test]
        fn mutuals_agree_with_set_intersection(edges in graph_strategy(), a in 1..=24u64, b in 1..=24u64) {
            let graph = GuildGraph::from_connections(edges.iter().map(|&(p, q)| (m(p), m(q))));
            let of = |x: u64| -> BTreeSet<u64> {
                edges.iter().filter_map(|&(p, q)| if p == x { Some(q) } else if q == x { Some(p) } else { None }).collect()
            };
            let expected: BTreeSet<u64> = of(a).intersection(&of(b)).copied().collect();
            let mutuals = graph.mutuals(m(a), m(b), 5);
            prop_assert_eq!(mutuals.count as usize, expected.len());
            prop_assert_eq!(mutuals.sample.len(), expected.len().min(5));
            prop_assert!(mutuals.sample.iter().all(|x| expected.contains(&x.get())));
        }

        #[test]
        fn suggestions_are_second_degree_ranked_by_mutuals(edges in graph_strategy(), a in 1..=24u64) {
            let graph = GuildGraph::from_connections(edges.iter().map(|&(p, q)| (m(p), m(q))));
            let ranked = graph.second_degree_ranked(m(a), 100);
            for (who, count) in &ranked {
                prop_assert_eq!(bfs_degree(&edges, a, who.get()), Degree::Second);
                prop_assert_eq!(*count, graph.mutuals(m(a), *who, 0).count);
            }
            let all_second = (1..=24u64).filter(|&x| x != a && bfs_degree(&edges, a, x) == Degree::Second).count();
            prop_assert_eq!(ranked.len(), all_second);
            prop_assert!(ranked.windows(2).all(|w| (w[0].1, std::cmp::Reverse(w[0].0)) >= (w[1].1, std::cmp::Reverse(w[1].0))));
        }

        #[test]
        fn ranking_by_closeness_agrees_with_a_sort_by_degree_and_mutuals(
            edges in graph_strategy(),
            asker in 1..=24u64,
            candidates in prop::collection::vec(1..=30u64, 0..30),
            skip in 0..12usize,
            take in 1..12usize,
        ) {
            let graph = GuildGraph::from_connections(edges.iter().map(|&(p, q)| (m(p), m(q))));
            let mut seen = HashSet::new();
            let candidates: Vec<MemberId> = candidates
                .into_iter()
                .filter(|&c| c != asker && seen.insert(c))
                .map(m)
                .collect();
            let mut expected: Vec<(Degree, std::cmp::Reverse<u32>, usize)> = candidates
                .iter()
                .enumerate()
                .map(|(place, &c)| {
                    let degree = bfs_degree(&edges, asker, c.get());
                    let mutuals = match degree {
                        Degree::First | Degree::Second => graph.mutuals(m(asker), c, 0).count,
                        _ => 0,
                    };
                    (degree, std::cmp::Reverse(mutuals), place)
                })
                .collect();
            expected.sort();
            let expected: Vec<(MemberId, Closeness)> = expected
                .into_iter()
                .skip(skip)
                .take(take)
                .map(|(degree, mutuals, place)| {
                    (candidates[place], Closeness { degree, mutuals: mutuals.0 })
                })
                .collect();
            prop_assert_eq!(graph.rank_by_closeness(m(asker), &candidates, skip, take), expected);
        }

        #[test]
        fn updates_match_a_graph_built_from_scratch(edges in graph_strategy(), removed in prop::collection::vec(any::<prop::sample::Index>(), 0..10)) {
            let list: Vec<(u64, u64)> = edges.iter().copied().collect();
            let mut live = GuildGraph::default();
            for &(p, q) in &list {
                live.connect(m(p), m(q), Timestamp::from_unix_millis(0));
            }
            let mut remaining: HashSet<(u64, u64)> = edges.clone();
            for index in removed {
                if list.is_empty() { break; }
                let (p, q) = list[index.index(list.len())];
                live.disconnect(m(q), m(p));
                remaining.remove(&(p, q));
            }
            for a in 1..=24u64 {
                for b in 1..=24u64 {
                    if a != b {
                        prop_assert_eq!(live.degree(m(a), m(b)), bfs_degree(&remaining, a, b));
                    }
                }
            }
        }
    }
}
