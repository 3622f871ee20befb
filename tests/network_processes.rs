//! Several processes on one PostgreSQL database: each is a `Network` over its own store (its
//! own pool and change feed), as separate bot processes would be. Every rule holds whichever
//! process decides, and each process's memory follows the others' writes.
//!
//! PostgreSQL only: SQLite refuses a second process (see `store_snapshot`).

mod support;

use std::time::{Duration, Instant};

use handshake::network::{
    Degree, InviteOutcome, LimitsUpdate, MemberId, MemberNames, Network, NetworkError,
};
use support::network::{TestNetwork, g, is_not_invitable, member};
use support::rng::XorShift;

/// How long a test waits for another process's write to show: far above the 100 ms the feed
/// takes (measured by the benchmark), so only a write that never arrives fails.
const PATIENCE: Duration = Duration::from_secs(10);

/// Two processes on one fresh schema, or `None` without PostgreSQL.
async fn two_processes() -> Option<(TestNetwork, Network)> {
    let first = TestNetwork::postgres().await?;
    first
        .network
        .update_limits(
            g(),
            LimitsUpdate {
                invites_per_week: Some(10_000),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let second = first.reopen().await;
    Some((first, second))
}

/// Waits until `process` sees `a` and `b` at `degree`; fails the test after [`PATIENCE`].
async fn until_degree(process: &Network, a: u64, b: u64, degree: Degree) {
    let start = Instant::now();
    loop {
        let seen = process.degree(g(), member(a), member(b)).await.unwrap();
        if seen == degree {
            return;
        }
        assert!(
            start.elapsed() < PATIENCE,
            "{a}–{b} still {seen:?}, not {degree:?}, after {PATIENCE:?}"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

async fn assert_both_in_step(first: &TestNetwork, second: &Network) {
    first.assert_in_step().await;
    let drift = second.memory_differences().await.unwrap();
    assert!(drift.is_empty(), "the second process drifted: {drift:#?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_commit_in_one_process_reaches_the_others_memory() {
    let Some((first, second)) = two_processes().await else {
        return;
    };
    // Both have the server in memory before anything happens.
    for process in [&first.network, &second] {
        assert_eq!(
            process.degree(g(), member(1), member(3)).await.unwrap(),
            Degree::Outside
        );
    }
    first.connect(g(), member(1), member(2)).await;
    first.connect(g(), member(2), member(3)).await;
    // Read from the second process's memory only: no write of its own brings it up to date.
    until_degree(&second, 1, 2, Degree::First).await;
    until_degree(&second, 1, 3, Degree::Second).await;
    first
        .network
        .see_member(
            g(),
            member(3),
            MemberNames {
                display_name: "Carol".into(),
                username: "carol".into(),
            },
        )
        .await
        .unwrap();
    first
        .network
        .disconnect(g(), member(2), member(1))
        .await
        .unwrap();
    until_degree(&second, 1, 2, Degree::Outside).await;
    let start = Instant::now();
    while second.member_names(g(), member(3)).await.unwrap().is_none() {
        assert!(start.elapsed() < PATIENCE, "the name never arrived");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    // And the other way round.
    second
        .invite(g(), member(4), member(5), None)
        .await
        .unwrap();
    second.accept(g(), member(5), member(4)).await.unwrap();
    until_degree(&first.network, 4, 5, Degree::First).await;
    assert_both_in_step(&first, &second).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn accepting_in_two_processes_at_once_connects_once() {
    let Some((first, second)) = two_processes().await else {
        return;
    };
    for pair in 0..10u64 {
        let (inviter, invitee) = (member(2 * pair + 1), member(2 * pair + 2));
        first
            .network
            .invite(g(), inviter, invitee, None)
            .await
            .unwrap();
        let (a, b) = (first.network.clone(), second.clone());
        let (here, there) = tokio::join!(
            a.accept(g(), invitee, inviter),
            b.accept(g(), invitee, inviter)
        );
        let accepted = [&here, &there].iter().filter(|r| r.is_ok()).count();
        assert_eq!(accepted, 1, "{here:?} / {there:?}");
        for refused in [here, there].into_iter().filter_map(Result::err) {
            assert!(
                matches!(
                    refused,
                    NetworkError::AlreadyConnected | NetworkError::NoInvitationReceived
                ),
                "{refused:?}"
            );
        }
        for process in [&first.network, &second] {
            let counts = process.counts(g(), invitee).await.unwrap();
            assert_eq!(counts.connections, 1);
        }
    }
    assert_both_in_step(&first, &second).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn inviting_each_other_from_two_processes_at_once_makes_one_connection() {
    let Some((first, second)) = two_processes().await else {
        return;
    };
    for pair in 0..10u64 {
        let (a, b) = (member(2 * pair + 1), member(2 * pair + 2));
        let (n1, n2) = (first.network.clone(), second.clone());
        let (ab, ba) = tokio::join!(n1.invite(g(), a, b, None), n2.invite(g(), b, a, None));
        let (ab, ba) = (ab.unwrap(), ba.unwrap());
        let connected = [&ab, &ba]
            .iter()
            .filter(|o| matches!(o, InviteOutcome::Connected(_)))
            .count();
        assert_eq!(connected, 1, "{ab:?} / {ba:?}");
        until_degree(&second, 2 * pair + 1, 2 * pair + 2, Degree::First).await;
    }
    assert_both_in_step(&first, &second).await;
}

/// One process disconnects while the other handles the removed member's invitation to the
/// remover: whichever commits first, they end disconnected, the removed member is refused as
/// anyone would be, and nothing is left pending between them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_disconnect_in_one_process_races_the_removed_members_invite_in_the_other() {
    let Some((first, second)) = two_processes().await else {
        return;
    };
    for pair in 0..10u64 {
        let (remover, removed) = (member(2 * pair + 1), member(2 * pair + 2));
        first.connect(g(), remover, removed).await;
        until_degree(&second, 2 * pair + 1, 2 * pair + 2, Degree::First).await;
        let (n1, n2) = (first.network.clone(), second.clone());
        let (disconnected, invited) = tokio::join!(
            n1.disconnect(g(), remover, removed),
            n2.invite(g(), removed, remover, None)
        );
        disconnected.unwrap();
        match invited {
            Err(NetworkError::AlreadyConnected) => {}
            other => assert!(is_not_invitable(&other), "{other:?}"),
        }
        for process in [&first.network, &second] {
            assert!(!process.is_connected(g(), remover, removed).await.unwrap());
            let again = process.invite(g(), removed, remover, None).await;
            assert!(is_not_invitable(&again), "{again:?}");
            let counts = process.counts(g(), remover).await.unwrap();
            assert_eq!(
                (counts.invitations_received, counts.invitations_sent),
                (0, 0)
            );
        }
        until_degree(&second, 2 * pair + 1, 2 * pair + 2, Degree::Outside).await;
    }
    assert_both_in_step(&first, &second).await;
}

/// Both processes load the server, then eight tasks, alternately on each, take `rounds` random
/// steps between `members` members at once: `step(network, roll, a, b)` makes one from a
/// random `roll`. Refusals are expected; an internal error fails the test.
async fn race_from_both<F, Fut>(
    processes: [&Network; 2],
    seed: u64,
    members: u64,
    rounds: usize,
    step: F,
) where
    F: Fn(Network, u64, MemberId, MemberId) -> Fut + Copy + Send + 'static,
    Fut: std::future::Future<Output = Result<(), NetworkError>> + Send,
{
    // Loaded first, so every write below must reach the other process's memory.
    for process in processes {
        process.degree(g(), member(1), member(2)).await.unwrap();
    }
    let tasks: Vec<_> = (0..8u64)
        .map(|task| {
            let network = processes[(task % 2) as usize].clone();
            tokio::spawn(async move {
                let mut rng = XorShift(seed ^ (task + 1));
                for _ in 0..rounds {
                    let a = member(1 + rng.next(members));
                    let b = member(1 + rng.next(members));
                    let roll = rng.next(1_000_000);
                    if let Err(e) = step(network.clone(), roll, a, b).await {
                        assert!(!e.is_internal(), "internal error: {e:?}");
                    }
                }
            })
        })
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn random_operations_from_two_processes_leave_both_memories_as_the_database() {
    let Some((first, second)) = two_processes().await else {
        return;
    };
    race_from_both(
        [&first.network, &second],
        0x2545_F491_4F6C_DD1D,
        10,
        40,
        |n, roll, a, b| async move {
            match roll % 10 {
                0..=2 => n.invite(g(), a, b, None).await.map(drop),
                3 | 4 => n.accept(g(), a, b).await.map(drop),
                5 => n.disconnect(g(), a, b).await.map(drop),
                6 => n.ban(g(), a).await,
                7 => n.unban(g(), a).await,
                8 => n.erase_my_data(g(), a).await,
                _ => {
                    let names = MemberNames {
                        display_name: format!("name {}", roll / 10 % 100),
                        username: format!("user{}", a.get()),
                    };
                    n.see_member(g(), a, names).await
                }
            }
        },
    )
    .await;
    assert_both_in_step(&first, &second).await;
}

/// A process whose feed is cut cannot know what it missed: it reads the server afresh, and
/// follows again once the feed is back.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_process_whose_feed_is_cut_reads_afresh_and_then_follows_again() {
    let Some((first, second)) = two_processes().await else {
        return;
    };
    first.connect(g(), member(1), member(2)).await;
    until_degree(&second, 1, 2, Degree::First).await;
    let cut = first.pg_schema().terminate_feeds().await;
    assert!(cut >= 2, "both processes' feeds were cut ({cut})");
    first.connect(g(), member(3), member(4)).await;
    until_degree(&second, 3, 4, Degree::First).await;
    // The feed reconnects by itself; after that, writes arrive as before.
    let start = Instant::now();
    for pair in 0u64.. {
        let (a, b) = (10 + 2 * pair, 11 + 2 * pair);
        first.connect(g(), member(a), member(b)).await;
        let arrived = tokio::time::timeout(
            Duration::from_millis(500),
            until_degree(&second, a, b, Degree::First),
        )
        .await;
        if arrived.is_ok() {
            break;
        }
        assert!(start.elapsed() < PATIENCE, "the feed never came back");
    }
    assert_both_in_step(&first, &second).await;
}

/// The connection cap is checked against memory: two processes accepting and inviting around
/// the same members at once never take anyone past it, whichever heard of the other's
/// commits first.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cap_holds_across_processes_racing_on_the_same_members() {
    let Some((first, second)) = two_processes().await else {
        return;
    };
    const MEMBERS: u64 = 6;
    const CAP: u32 = 2;
    first.set_cap(g(), CAP).await;
    race_from_both(
        [&first.network, &second],
        0x9E37_79B9_7F4A_7C15,
        MEMBERS,
        60,
        |n, roll, a, b| async move {
            match roll % 4 {
                0 | 1 => n.invite(g(), a, b, None).await.map(drop),
                2 => n.accept(g(), a, b).await.map(drop),
                _ => n.disconnect(g(), a, b).await.map(drop),
            }
        },
    )
    .await;
    for who in 1..=MEMBERS {
        let count = first
            .network
            .counts(g(), member(who))
            .await
            .unwrap()
            .connections;
        assert!(
            count <= CAP,
            "member {who} has {count} connections, over {CAP}"
        );
    }
    assert_both_in_step(&first, &second).await;
}

/// Read-your-writes across processes: once a write in one process has returned, the other
/// process, caught up as the bot does before answering each interaction, answers with it —
/// never a moment before its feed delivers it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_catching_up_a_process_answers_with_every_write_committed_elsewhere() {
    let Some((first, second)) = two_processes().await else {
        return;
    };
    second.preload(g()).await.unwrap();
    for pair in 0..100u64 {
        let (a, b) = (member(2 * pair + 1), member(2 * pair + 2));
        first.connect(g(), a, b).await;
        second.catch_up(g()).await.unwrap();
        assert_eq!(
            second.degree(g(), a, b).await.unwrap(),
            Degree::First,
            "pair {pair}"
        );
    }
    assert_both_in_step(&first, &second).await;
}

/// The change log keeps each server's last thousand writes: a process that far behind cannot
/// catch up from it (and reads the server afresh), one a few writes behind can.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_change_log_is_pruned_and_says_when_it_no_longer_reaches_back() {
    let Some((first, _second)) = two_processes().await else {
        return;
    };
    for n in 0..1_150u64 {
        first
            .network
            .see_member(
                g(),
                member(1),
                MemberNames {
                    display_name: format!("name {n}"),
                    username: "one".into(),
                },
            )
            .await
            .unwrap();
    }
    let answers = first
        .network
        .storage()
        .read(Box::new(|tx| {
            Box::pin(async move {
                let last = tx.last_change(g()).await?.expect("PostgreSQL keeps a log");
                let from_start = tx.changes_after(g(), 0).await?;
                let recent = tx.changes_after(g(), last - 5).await?;
                Ok(Box::new((last, from_start, recent)) as handshake::network::port::Output)
            })
        }))
        .await
        .unwrap();
    let (last, from_start, recent) = *answers
        .downcast::<(
            u64,
            Option<Vec<handshake::network::LoggedWrite>>,
            Option<Vec<handshake::network::LoggedWrite>>,
        )>()
        .unwrap();
    // The limits' write, then one per name.
    assert_eq!(last, 1_151);
    assert!(from_start.is_none(), "the first writes were pruned");
    let recent = recent.expect("the last writes are kept");
    assert_eq!(
        recent.iter().map(|w| w.seq).collect::<Vec<_>>(),
        (last - 4..=last).collect::<Vec<_>>()
    );
}
