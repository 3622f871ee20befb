//! Many tasks working on the same pairs at once: the invariants still hold, two members
//! inviting each other at the same instant end with exactly one connection, and accepting twice
//! at once is harmless.

mod support;

use handshake::network::{Degree, InviteOutcome, LimitsUpdate, Network, NetworkError};
use support::network::{TestNetwork, g, member};
use support::rng::XorShift;

async fn simultaneous_mutual_invitations_make_exactly_one_connection(t: &TestNetwork) {
    let mut races = Vec::new();
    for pair in 0..40u64 {
        let (a, b) = (member(2 * pair + 1), member(2 * pair + 2));
        let (n1, n2) = (t.network.clone(), t.network.clone());
        races.push(tokio::spawn(async move {
            let (ab, ba) = tokio::join!(n1.invite(g(), a, b, None), n2.invite(g(), b, a, None));
            (a, b, ab.unwrap(), ba.unwrap())
        }));
    }
    for race in races {
        let (a, b, ab, ba) = race.await.unwrap();
        let connected = [&ab, &ba]
            .iter()
            .filter(|o| matches!(o, InviteOutcome::Connected(_)))
            .count();
        let sent = [&ab, &ba]
            .iter()
            .filter(|o| matches!(o, InviteOutcome::Sent { .. }))
            .count();
        assert_eq!(
            (connected, sent),
            (1, 1),
            "one invitation, one acceptance: {ab:?} / {ba:?}"
        );
        assert!(t.network.is_connected(g(), a, b).await.unwrap());
        for who in [a, b] {
            let counts = t.network.counts(g(), who).await.unwrap();
            assert_eq!(
                (
                    counts.connections,
                    counts.invitations_received,
                    counts.invitations_sent
                ),
                (1, 0, 0)
            );
        }
    }
    t.assert_sound().await;
}

async fn accepting_twice_at_once_connects_once(t: &TestNetwork) {
    let (alice, bob) = (member(1), member(2));
    t.network.invite(g(), alice, bob, None).await.unwrap();
    let clicks: Vec<_> = (0..8)
        .map(|_| {
            let n = t.network.clone();
            tokio::spawn(async move { n.accept(g(), bob, alice).await })
        })
        .collect();
    let mut accepted = 0;
    for click in clicks {
        match click.await.unwrap() {
            Ok(_) => accepted += 1,
            Err(NetworkError::AlreadyConnected) => {}
            Err(other) => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(accepted, 1);
    assert_eq!(t.network.counts(g(), bob).await.unwrap().connections, 1);
    t.assert_sound().await;
}

async fn random_operations_from_many_tasks_keep_every_invariant(t: &TestNetwork) {
    const MEMBERS: u64 = 8;
    const CAP: u32 = 4;
    t.network
        .update_limits(
            g(),
            LimitsUpdate {
                invites_per_week: Some(10_000),
                connection_cap: Some(CAP),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    // Load the in-memory graph now, so the concurrent writes below must keep it in step.
    t.network.degree(g(), member(1), member(2)).await.unwrap();
    let tasks: Vec<_> = (0..16u64)
        .map(|task| {
            let n = t.network.clone();
            tokio::spawn(async move {
                let mut rng = XorShift(0x9E37_79B9_7F4A_7C15 ^ (task + 1));
                for _ in 0..60 {
                    let a = member(1 + rng.next(MEMBERS));
                    let b = member(1 + rng.next(MEMBERS));
                    // Refusals are expected; only internal errors are failures.
                    let result = match rng.next(5) {
                        0 | 1 => n.invite(g(), a, b, None).await.map(drop),
                        2 => n.accept(g(), a, b).await.map(drop),
                        3 => n.disconnect(g(), a, b).await.map(drop),
                        _ => n.withdraw(g(), a, b).await.map(drop),
                    };
                    if let Err(e) = result {
                        assert!(!e.is_internal(), "internal error under concurrency: {e:?}");
                    }
                }
            })
        })
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
    t.assert_sound().await;
    for who in 1..=MEMBERS {
        let count = t
            .network
            .counts(g(), member(who))
            .await
            .unwrap()
            .connections;
        assert!(
            count <= CAP,
            "member {who} has {count} connections, over the cap of {CAP}"
        );
    }
    // The in-memory graph agrees with the database: first degree exactly where a connection
    // is stored, second degree exactly where a stored connection is shared.
    let mut peers = std::collections::HashMap::new();
    for who in 1..=MEMBERS {
        let page = t
            .network
            .connections(
                g(),
                member(who),
                Default::default(),
                handshake::network::ConnectionWindow::first(100),
            )
            .await
            .unwrap();
        let set: std::collections::HashSet<u64> = page.items.iter().map(|c| c.peer.get()).collect();
        peers.insert(who, set);
    }
    for a in 1..=MEMBERS {
        for b in (1..=MEMBERS).filter(|&b| b != a) {
            let degree = t.network.degree(g(), member(a), member(b)).await.unwrap();
            let expected = if peers[&a].contains(&b) {
                handshake::network::Degree::First
            } else if !peers[&a].is_disjoint(&peers[&b]) {
                handshake::network::Degree::Second
            } else {
                degree.max(handshake::network::Degree::Third)
            };
            assert_eq!(degree, expected, "{a} → {b}");
        }
    }
}

/// A server's state is read from a snapshot while writes go on (see `network::memory`): what
/// commits before, during and after the load all ends up in the loaded graph, as the database
/// has it.
async fn writes_during_a_load_end_up_in_the_loaded_graph(t: &TestNetwork) {
    const MEMBERS: u64 = 150;
    // Built through a second network over the same store, so the first has nothing loaded.
    let builder = Network::over(std::sync::Arc::clone(t.network.storage()), t.clock.clone());
    builder
        .update_limits(
            g(),
            LimitsUpdate {
                invites_per_week: Some(10_000),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let mut pairs = Vec::new();
    for a in 1..=MEMBERS {
        for b in (a + 1)..=(a + 4).min(MEMBERS) {
            builder
                .invite(g(), member(a), member(b), None)
                .await
                .unwrap();
            builder.accept(g(), member(b), member(a)).await.unwrap();
            pairs.push((a, b));
        }
    }

    // Disconnects and a ban do not wait for a load, so they commit before, during and after it.
    let load = {
        let network = t.network.clone();
        tokio::spawn(async move { network.preload(g()).await })
    };
    let writes: Vec<_> = pairs
        .iter()
        .step_by(3)
        .map(|&(a, b)| {
            let network = t.network.clone();
            tokio::spawn(async move { network.disconnect(g(), member(a), member(b)).await })
        })
        .collect();
    let banned = member(MEMBERS / 2);
    t.network.ban(g(), banned).await.unwrap();
    load.await.unwrap().unwrap();
    for write in writes {
        write.await.unwrap().unwrap();
    }

    t.assert_sound().await;
    for (a, b) in pairs {
        let (a, b) = (member(a), member(b));
        let stored = t
            .network
            .connected_since(g(), a, b)
            .await
            .unwrap()
            .is_some();
        let expected = stored && a != banned && b != banned;
        let degree = t.network.degree(g(), a, b).await.unwrap();
        assert_eq!(degree == Degree::First, expected, "{a:?} – {b:?}");
    }
}

/// Callers that stop waiting half-way through writes (a timeout, a dropped interaction) leave
/// the database whole and memory equal to it: a write either settles or makes memory reread
/// the server (checked after the test by `on_both_stores!`). The cuts sweep a whole accept,
/// so some land after its commit was sent and before its answer came back.
async fn writes_abandoned_half_way_leave_memory_in_step(t: &TestNetwork) {
    t.connect(g(), member(1), member(2)).await; // loads the server
    t.network
        .invite(g(), member(1), member(3), None)
        .await
        .unwrap();
    let started = std::time::Instant::now();
    t.network.accept(g(), member(3), member(1)).await.unwrap();
    let whole = started.elapsed();
    const CUTS: u32 = 60;
    for step in 0..CUTS {
        let (a, b) = (
            member(10 + 2 * u64::from(step)),
            member(11 + 2 * u64::from(step)),
        );
        t.network.invite(g(), a, b, None).await.unwrap();
        let patience = whole * step / CUTS;
        let _ = tokio::time::timeout(patience, t.network.accept(g(), b, a)).await;
        let _ = tokio::time::timeout(patience, t.network.disconnect(g(), a, b)).await;
    }
}

on_both_stores!(
    writes_abandoned_half_way_leave_memory_in_step,
    simultaneous_mutual_invitations_make_exactly_one_connection,
    accepting_twice_at_once_connects_once,
    random_operations_from_many_tasks_keep_every_invariant,
    writes_during_a_load_end_up_in_the_loaded_graph,
);
