//! Groups among a member's connections — colleagues, classmates, one community or another —
//! found by the Louvain method: members move to the neighbouring group that most raises the
//! modularity (links inside groups, against what chance would put there), then each group
//! becomes one node and the moves repeat on that smaller graph, until nothing moves. It needs
//! no number of groups in advance and costs a few passes over the links (5,000 connections
//! take milliseconds). Label propagation was tried first: it is simpler, but split dense
//! groups in two. Members are visited in a fixed shuffled order, so the same network gives the
//! same groups every time.

use super::shuffle::Shuffle;

/// Passes of moves at most per level; on the networks drawn they settle in a handful.
const MAX_PASSES: usize = 20;

/// The group of each of `nodes` members linked by `links` (positions), numbered from 0 by size,
/// largest first (ties: the group of the lowest position first). A member without links is a
/// group of their own.
pub(crate) fn find(nodes: usize, links: &[(u32, u32)]) -> Vec<u32> {
    let mut graph = Weighted::from_links(nodes, links);
    // Each member's group, through the levels.
    let mut group: Vec<u32> = (0..nodes as u32).collect();
    let mut shuffle = Shuffle::new(0x6A09_E667_F3BC_C908);
    loop {
        let community = graph.move_nodes(&mut shuffle);
        let (renumbered, count) = compact(&community);
        for g in &mut group {
            *g = renumbered[*g as usize];
        }
        if count == graph.nodes() {
            break;
        }
        graph = graph.aggregate(&renumbered, count);
    }
    number_by_size(&group)
}

/// A weighted graph: each node's neighbours with the links' weights (a node's own loop is the
/// links inside the group it stands for, counted once).
struct Weighted {
    around: Vec<Vec<(u32, f64)>>,
    own: Vec<f64>,
    /// Each node's weighted degree: its links, its own loop counted twice.
    degree: Vec<f64>,
    /// The weight of every link, once.
    total: f64,
}

impl Weighted {
    fn from_links(nodes: usize, links: &[(u32, u32)]) -> Self {
        let mut around = vec![Vec::new(); nodes];
        for &(a, b) in links {
            around[a as usize].push((b, 1.0));
            around[b as usize].push((a, 1.0));
        }
        Self::new(around, vec![0.0; nodes])
    }

    fn new(around: Vec<Vec<(u32, f64)>>, own: Vec<f64>) -> Self {
        let degree: Vec<f64> = around
            .iter()
            .zip(&own)
            .map(|(list, own)| list.iter().map(|(_, w)| w).sum::<f64>() + 2.0 * own)
            .collect();
        let total = degree.iter().sum::<f64>() / 2.0;
        Self {
            around,
            own,
            degree,
            total,
        }
    }

    fn nodes(&self) -> usize {
        self.around.len()
    }

    /// Local moves: each node to the neighbouring community that gains the most modularity.
    fn move_nodes(&self, shuffle: &mut Shuffle) -> Vec<u32> {
        let n = self.nodes();
        let mut community: Vec<u32> = (0..n as u32).collect();
        if self.total == 0.0 {
            return community;
        }
        let mut sum: Vec<f64> = self.degree.clone();
        let mut order: Vec<u32> = (0..n as u32).collect();
        shuffle.apply(&mut order);
        let mut weight_to: Vec<f64> = vec![0.0; n];
        let mut touched: Vec<u32> = Vec::new();
        let two_m = 2.0 * self.total;
        for _ in 0..MAX_PASSES {
            let mut moved = false;
            for &node in &order {
                let node = node as usize;
                let current = community[node];
                for &(other, w) in &self.around[node] {
                    let c = community[other as usize];
                    if weight_to[c as usize] == 0.0 {
                        touched.push(c);
                    }
                    weight_to[c as usize] += w;
                }
                let k = self.degree[node];
                sum[current as usize] -= k;
                let gain = |c: u32, weight: f64| weight - sum[c as usize] * k / two_m;
                let mut best = current;
                let mut best_gain = gain(current, weight_to[current as usize]);
                for &c in &touched {
                    let g = gain(c, weight_to[c as usize]);
                    // Strictly better only: staying put wins a tie, which lets the passes settle.
                    if g > best_gain + 1e-12 {
                        best = c;
                        best_gain = g;
                    }
                }
                sum[best as usize] += k;
                if best != current {
                    community[node] = best;
                    moved = true;
                }
                for &c in &touched {
                    weight_to[c as usize] = 0.0;
                }
                touched.clear();
            }
            if !moved {
                break;
            }
        }
        community
    }

    /// The graph of communities: one node each, the links between them summed.
    fn aggregate(&self, community: &[u32], count: usize) -> Self {
        let mut own = vec![0.0; count];
        let mut between: Vec<std::collections::BTreeMap<u32, f64>> =
            vec![Default::default(); count];
        for (node, list) in self.around.iter().enumerate() {
            let c = community[node];
            own[c as usize] += self.own[node];
            for &(other, w) in list {
                let d = community[other as usize];
                if c == d {
                    // Each inside link is seen from both ends.
                    own[c as usize] += w / 2.0;
                } else {
                    *between[c as usize].entry(d).or_insert(0.0) += w;
                }
            }
        }
        let around = between
            .into_iter()
            .map(|links| links.into_iter().collect())
            .collect();
        Self::new(around, own)
    }
}

/// Community labels renumbered 0.. in order of first appearance, and how many there are.
fn compact(community: &[u32]) -> (Vec<u32>, usize) {
    let mut number = vec![u32::MAX; community.len()];
    let mut next = 0u32;
    let renumbered = community
        .iter()
        .map(|&c| {
            if number[c as usize] == u32::MAX {
                number[c as usize] = next;
                next += 1;
            }
            number[c as usize]
        })
        .collect();
    (renumbered, next as usize)
}

/// Renumbers labels 0, 1, … by group size, largest first.
fn number_by_size(label: &[u32]) -> Vec<u32> {
    let mut size = vec![0u32; label.len()];
    let mut first = vec![u32::MAX; label.len()];
    for (at, &l) in label.iter().enumerate() {
        size[l as usize] += 1;
        first[l as usize] = first[l as usize].min(at as u32);
    }
    let mut used: Vec<u32> = (0..label.len() as u32)
        .filter(|&l| size[l as usize] > 0)
        .collect();
    used.sort_unstable_by_key(|&l| (std::cmp::Reverse(size[l as usize]), first[l as usize]));
    let mut number = vec![0u32; label.len()];
    for (n, &l) in used.iter().enumerate() {
        number[l as usize] = n as u32;
    }
    label.iter().map(|&l| number[l as usize]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::picture::shuffle::Shuffle;

    /// `groups` groups of `size`, each pair linked with probability `inside` within a group and
    /// `across` between groups.
    pub(crate) fn planted(
        groups: u32,
        size: u32,
        inside: f64,
        across: f64,
        seed: u64,
    ) -> Vec<(u32, u32)> {
        let mut random = Shuffle::new(seed);
        let n = groups * size;
        let mut links = Vec::new();
        for a in 0..n {
            for b in a + 1..n {
                let p = if a / size == b / size { inside } else { across };
                if random.unit() < p {
                    links.push((a, b));
                }
            }
        }
        links
    }

    #[test]
    fn planted_groups_are_found() {
        for seed in 1..=5 {
            let links = planted(4, 30, 0.3, 0.01, seed);
            let found = find(120, &links);
            for group in 0..4 {
                let members = &found[(group * 30) as usize..((group + 1) * 30) as usize];
                let mut tally = std::collections::HashMap::new();
                for &g in members {
                    *tally.entry(g).or_insert(0) += 1;
                }
                let (&main, &count) = tally.iter().max_by_key(|(_, c)| **c).unwrap();
                assert!(count >= 27, "seed {seed}: group {group} split: {tally:?}");
                // …and that group is theirs alone.
                let outsiders = found
                    .iter()
                    .enumerate()
                    .filter(|&(at, &g)| g == main && at as u32 / 30 != group)
                    .count();
                assert!(
                    outsiders <= 3,
                    "seed {seed}: group {group} merged with another"
                );
            }
        }
    }

    #[test]
    fn same_network_same_groups_numbered_by_size() {
        let mut links = planted(3, 20, 0.4, 0.0, 9);
        // A fourth, bigger group.
        links.extend(
            planted(1, 40, 0.3, 0.0, 10)
                .into_iter()
                .map(|(a, b)| (a + 60, b + 60)),
        );
        let first = find(100, &links);
        assert_eq!(first, find(100, &links));
        assert!(
            first[60..].iter().all(|&g| g == 0),
            "the largest group is group 0"
        );
        let lonely = find(3, &[]);
        assert_eq!(
            lonely,
            vec![0, 1, 2],
            "members without links are groups of their own"
        );
    }
}
