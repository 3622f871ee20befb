//! Degrees, mutual connections, profiles and suggestions through the network's API, on real
//! SQLite files: a hand-built graph with every degree present, agreement with breadth-first
//! search on random graphs (including after disconnects), the graph staying in step with the
//! database, and suggestions leaving out whoever would refuse an invitation.

mod support;

use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};

use handshake::network::{
    Degree, InvitePolicy, LimitsUpdate, NetworkError, Pending, SettingsUpdate,
};
use proptest::prelude::*;
use support::network::{TestNetwork, g, member};

/// 1 – 2 – 3 – 4 – 5, and 6 alone.
async fn chain(t: &TestNetwork) {
    for (a, b) in [(1, 2), (2, 3), (3, 4), (4, 5)] {
        t.connect(g(), member(a), member(b)).await;
    }
}

async fn degrees_on_a_hand_built_graph(t: &TestNetwork) {
    chain(t).await;
    let degree = |a: u64, b: u64| {
        let network = t.network.clone();
        async move { network.degree(g(), member(a), member(b)).await.unwrap() }
    };
    assert_eq!(degree(1, 2).await, Degree::First);
    assert_eq!(degree(1, 3).await, Degree::Second);
    assert_eq!(degree(1, 4).await, Degree::Third);
    assert_eq!(degree(1, 5).await, Degree::Outside);
    assert_eq!(degree(1, 6).await, Degree::Outside);
    assert_eq!(degree(4, 1).await, Degree::Third);
    assert!(matches!(
        t.network.degree(g(), member(1), member(1)).await,
        Err(NetworkError::SelfTarget)
    ));

    // The graph follows every write: a disconnect pushes 4 out of 1's reach…
    t.network
        .disconnect(g(), member(3), member(4))
        .await
        .unwrap();
    assert_eq!(degree(1, 4).await, Degree::Outside);
    // …and the remover's accepted re-invite brings it back.
    t.network
        .invite(g(), member(3), member(4), None)
        .await
        .unwrap();
    t.network.accept(g(), member(4), member(3)).await.unwrap();
    assert_eq!(degree(1, 4).await, Degree::Third);
}

async fn a_graph_loaded_from_an_existing_database_matches_it(t: &TestNetwork) {
    chain(t).await;
    let fresh = t.reopen().await;
    assert_eq!(
        fresh.degree(g(), member(1), member(4)).await.unwrap(),
        Degree::Third
    );
    assert_eq!(
        fresh
            .mutual_connections(g(), member(2), member(4), 5)
            .await
            .unwrap()
            .count,
        1
    );
    // Networks are per server: the same members elsewhere are strangers.
    assert_eq!(
        fresh
            .degree(support::network::guild(5), member(1), member(2))
            .await
            .unwrap(),
        Degree::Outside
    );
}

async fn a_profile_shows_degree_mutuals_date_tags_and_what_is_pending(t: &TestNetwork) {
    let (me, friend, common1, common2) = (member(1), member(2), member(3), member(4));
    for other in [common1, common2] {
        t.connect(g(), me, other).await;
        t.connect(g(), friend, other).await;
    }
    let profile = t.network.relation(g(), me, friend).await.unwrap();
    assert_eq!(profile.degree, Degree::Second);
    assert_eq!(profile.mutuals.count, 2);
    assert_eq!(
        profile
            .mutuals
            .sample
            .iter()
            .copied()
            .collect::<BTreeSet<_>>(),
        BTreeSet::from([common1, common2])
    );
    assert_eq!(
        (profile.connected_since, profile.pending),
        (None, Pending::None)
    );

    t.network.invite(g(), friend, me, None).await.unwrap();
    assert_eq!(
        t.network.relation(g(), me, friend).await.unwrap().pending,
        Pending::ReceivedByViewer
    );
    assert_eq!(
        t.network.relation(g(), friend, me).await.unwrap().pending,
        Pending::SentByViewer
    );
    let connection = t.network.accept(g(), me, friend).await.unwrap();
    t.network
        .add_tag(g(), me, friend, "climbing")
        .await
        .unwrap();
    let profile = t.network.relation(g(), me, friend).await.unwrap();
    assert_eq!(profile.degree, Degree::First);
    assert_eq!(profile.connected_since, Some(connection.since));
    assert_eq!(profile.tags.len(), 1);
    assert!(
        t.network
            .relation(g(), friend, me)
            .await
            .unwrap()
            .tags
            .is_empty(),
        "tags are private"
    );
}

async fn suggestions_rank_by_mutuals_and_leave_out_whoever_would_refuse(t: &TestNetwork) {
    let me = member(1);
    // My connections 2, 3, 4. Second degree: 5 (via 2, 3, 4), 6 (via 2, 3), 7..=11 (via 2).
    for friend in [2, 3, 4] {
        t.connect(g(), me, member(friend)).await;
    }
    for (friend, theirs) in [
        (2, 5),
        (3, 5),
        (4, 5),
        (2, 6),
        (3, 6),
        (2, 7),
        (2, 8),
        (2, 9),
        (2, 10),
        (2, 11),
    ] {
        t.connect(g(), member(friend), member(theirs)).await;
    }
    let ids = |list: Vec<handshake::network::Suggestion>| {
        list.iter()
            .map(|s| (s.member.get(), s.mutual_connections))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        ids(t.network.suggestions(g(), me, 3).await.unwrap()),
        [(5, 3), (6, 2), (7, 1)]
    );

    // 5 takes no invitations; 6 removed me once; 7 already invited me; I invited 8; 9 is full;
    // I withdrew an invitation to 10 last week.
    let nobody = SettingsUpdate {
        invite_policy: Some(InvitePolicy::Nobody),
        ..Default::default()
    };
    t.network
        .update_settings(g(), member(5), nobody)
        .await
        .unwrap();
    t.connect(g(), member(6), me).await;
    t.network.disconnect(g(), member(6), me).await.unwrap();
    t.network.invite(g(), member(7), me, None).await.unwrap();
    t.network.invite(g(), me, member(8), None).await.unwrap();
    t.network.invite(g(), me, member(10), None).await.unwrap();
    t.network.withdraw(g(), me, member(10)).await.unwrap();
    t.network
        .update_limits(
            g(),
            LimitsUpdate {
                connection_cap: Some(4),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    for extra in [20, 21, 22] {
        t.connect(g(), member(9), member(extra)).await; // 9 now has 4: full
    }
    assert_eq!(
        ids(t.network.suggestions(g(), me, 10).await.unwrap()),
        [(11, 1)]
    );
}

/// Breadth-first search over the database's connections, read through the public API.
fn bfs(edges: &HashSet<(u64, u64)>, a: u64, b: u64) -> Degree {
    let mut adjacency: HashMap<u64, Vec<u64>> = HashMap::new();
    for &(p, q) in edges {
        adjacency.entry(p).or_default().push(q);
        adjacency.entry(q).or_default().push(p);
    }
    let mut distance = HashMap::from([(a, 0)]);
    let mut queue = VecDeque::from([a]);
    while let Some(x) = queue.pop_front() {
        for &y in adjacency.get(&x).into_iter().flatten() {
            if !distance.contains_key(&y) {
                distance.insert(y, distance[&x] + 1);
                queue.push_back(y);
            }
        }
    }
    match distance.get(&b) {
        Some(1) => Degree::First,
        Some(2) => Degree::Second,
        Some(3) => Degree::Third,
        _ => Degree::Outside,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn degree_and_mutuals_agree_with_breadth_first_search(
        edges in prop::collection::hash_set((1..=12u64, 1..=12u64), 0..30),
        cut in prop::collection::vec(any::<prop::sample::Index>(), 0..6),
    ) {
        let edges: Vec<(u64, u64)> = edges.into_iter().filter(|(a, b)| a < b).collect();
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(async {
            let t = TestNetwork::new();
            // Load the graph first, so every change below goes through the live updates.
            t.network.degree(g(), member(1), member(2)).await.unwrap();
            let mut live: HashSet<(u64, u64)> = HashSet::new();
            for &(a, b) in &edges {
                t.connect(g(), member(a), member(b)).await;
                live.insert((a, b));
            }
            for index in cut {
                if edges.is_empty() { break; }
                let (a, b) = edges[index.index(edges.len())];
                if live.remove(&(a, b)) {
                    t.network.disconnect(g(), member(b), member(a)).await.unwrap();
                }
            }
            for a in 1..=12u64 {
                for b in (1..=12u64).filter(|&b| b != a) {
                    let degree = t.network.degree(g(), member(a), member(b)).await.unwrap();
                    prop_assert_eq!(degree, bfs(&live, a, b), "degree {} → {}", a, b);
                    let of = |x: u64| live.iter().filter_map(|&(p, q)| if p == x { Some(q) } else if q == x { Some(p) } else { None }).collect::<BTreeSet<u64>>();
                    let mutuals = t.network.mutual_connections(g(), member(a), member(b), 3).await.unwrap();
                    prop_assert_eq!(mutuals.count as usize, of(a).intersection(&of(b)).count());
                }
            }
            Ok(())
        })?;
    }
}

on_both_stores!(
    degrees_on_a_hand_built_graph,
    a_graph_loaded_from_an_existing_database_matches_it,
    a_profile_shows_degree_mutuals_date_tags_and_what_is_pending,
    suggestions_rank_by_mutuals_and_leave_out_whoever_would_refuse,
);
