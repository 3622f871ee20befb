//! The database survives a crash at any point: a child process writing as fast as it can is
//! killed (SIGKILL, no chance to clean up) again and again, and after each kill the database
//! opens and passes every integrity and invariant check. Also: work that fails or panics inside
//! a transaction leaves nothing behind.

mod support;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use handshake::network::port::{Output, Storage};
use handshake::network::{LimitsUpdate, ManualClock, Network, NetworkError, Timestamp};
use handshake::store::sqlite::SqliteStore;
use support::network::{START, TestNetwork, g, member};

const CHILD_DB_VAR: &str = "HANDSHAKE_CRASH_TEST_DB";

/// The child: opens the database named in the environment and writes until killed.
#[test]
#[ignore = "child process of a_killed_writer_leaves_a_consistent_database"]
fn crash_test_child_writer() {
    let path = std::env::var_os(CHILD_DB_VAR).expect("run by the crash test only");
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let store = SqliteStore::open(std::path::Path::new(&path)).unwrap();
        let clock = ManualClock::starting_at(START);
        let network = Network::new(store, clock.clone());
        network
            .update_limits(
                g(),
                LimitsUpdate {
                    invites_per_week: Some(10_000),
                    connection_cap: Some(50),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        println!("writing");
        let mut seed: u64 = std::process::id() as u64 | 1;
        let mut next = |below: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % below
        };
        loop {
            // Several tasks at once, so the kill can land anywhere in any of them.
            let batch: Vec<_> = (0..8)
                .map(|_| {
                    let (a, b, op) = (member(1 + next(40)), member(1 + next(40)), next(4));
                    let n = network.clone();
                    tokio::spawn(async move {
                        let _ = match op {
                            0 | 1 => n.invite(g(), a, b, Some("crash test")).await.map(drop),
                            2 => n.accept(g(), a, b).await.map(drop),
                            _ => n.disconnect(g(), a, b).await.map(drop),
                        };
                    })
                })
                .collect();
            for task in batch {
                task.await.unwrap();
            }
            clock.advance(Duration::from_secs(60));
        }
    });
}

#[test]
fn a_killed_writer_leaves_a_consistent_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.db");
    let mut connections_seen = 0;
    for round in 0..6u64 {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "crash_test_child_writer",
                "--exact",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_DB_VAR, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the child writer");
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let started = lines.any(|line| line.map(|l| l.contains("writing")).unwrap_or(false));
        assert!(started, "the child writer never started");
        // Vary where in its work the child dies.
        std::thread::sleep(Duration::from_millis(80 + 70 * round));
        child.kill().unwrap();
        child.wait().unwrap();

        let store = SqliteStore::open(&path).expect("the database opens after a crash");
        let runtime = tokio::runtime::Runtime::new().unwrap();
        let violations = runtime.block_on(store.audit()).unwrap();
        assert!(violations.is_empty(), "round {round}: {violations:#?}");
        let fresh = Network::new(store, ManualClock::starting_at(START));
        // Loading the server reads every connection; memory then equals the database.
        let drift = runtime.block_on(async {
            fresh.preload(g()).await.unwrap();
            fresh.memory_differences().await.unwrap()
        });
        assert!(drift.is_empty(), "round {round}: {drift:#?}");
        let total = runtime.block_on(fresh.stats(g())).unwrap().connections as usize;
        connections_seen = connections_seen.max(total);
    }
    assert!(
        connections_seen > 0,
        "the child wrote nothing before being killed: the test proved nothing"
    );
}

/// Writes two members and their connection, then ends as `end` says.
async fn write_then(
    storage: &Arc<dyn Storage>,
    end: fn() -> Result<Output, NetworkError>,
) -> Result<Output, NetworkError> {
    storage
        .write(
            g(),
            Box::new(move |tx| {
                Box::pin(async move {
                    tx.ensure_member(g(), member(1), START).await?;
                    tx.ensure_member(g(), member(2), START).await?;
                    tx.insert_connection(g(), member(1), member(2), START)
                        .await?;
                    end()
                })
            }),
        )
        .await
}

async fn stored_connection(storage: &Arc<dyn Storage>) -> Option<Timestamp> {
    let output = storage
        .read(Box::new(|tx| {
            Box::pin(async move {
                Ok(Box::new(tx.connected_since(g(), member(1), member(2)).await?) as Output)
            })
        }))
        .await
        .unwrap();
    *output.downcast().unwrap()
}

async fn a_failed_transaction_leaves_nothing_behind(t: &TestNetwork) {
    let storage = Arc::clone(t.network.storage());
    // Refused after writing: everything before the refusal goes too.
    let result = write_then(&storage, || Err(NetworkError::NotConnected)).await;
    assert!(
        matches!(result, Err(NetworkError::NotConnected)),
        "{:?}",
        result.map(drop)
    );
    assert_eq!(
        stored_connection(&storage).await,
        None,
        "the half-done work was rolled back"
    );
}

async fn a_panic_inside_a_transaction_rolls_it_back_and_the_store_keeps_working(t: &TestNetwork) {
    let storage = Arc::clone(t.network.storage());
    let panicking = Arc::clone(&storage);
    let outcome = tokio::spawn(async move {
        write_then(&panicking, || panic!("bug in the middle of a write")).await
    })
    .await;
    assert!(outcome.unwrap_err().is_panic(), "the panic propagated");
    assert_eq!(stored_connection(&storage).await, None);
    // The store is still usable, and writes whole.
    write_then(&storage, || Ok(Box::new(()))).await.unwrap();
    assert_eq!(stored_connection(&storage).await, Some(START));
    t.assert_sound().await;
}

/// Writes whose answer nobody reads may be sent late (PostgreSQL sends them with the next
/// statement that needs an answer, or with the COMMIT): a refusal found only then still fails
/// the whole operation, and what it had written before goes too.
async fn a_write_the_database_refuses_fails_the_operation_whenever_it_is_sent(t: &TestNetwork) {
    let storage = Arc::clone(t.network.storage());
    for then_read in [false, true] {
        let result = storage
            .write(
                g(),
                Box::new(move |tx| {
                    Box::pin(async move {
                        for m in 1..=6 {
                            tx.ensure_member(g(), member(m), START).await?;
                        }
                        tx.insert_invitation(g(), member(3), member(4), None, START)
                            .await?;
                        // Prepares the statement, so that the refused one below is sent
                        // without waiting for anything: its refusal is only in its answer.
                        tx.insert_connection(g(), member(5), member(6), START)
                            .await?;
                        tx.insert_connection(g(), member(1), member(2), START)
                            .await?;
                        // The same connection twice: the key refuses the second.
                        tx.insert_connection(g(), member(1), member(2), START)
                            .await?;
                        if then_read {
                            tx.connected_since(g(), member(1), member(2)).await?;
                        }
                        Ok(Box::new(()) as Output)
                    })
                }),
            )
            .await;
        assert!(
            matches!(result, Err(NetworkError::Internal(_))),
            "then_read {then_read}: {:?}",
            result.map(drop)
        );
        assert_eq!(
            stored_connection(&storage).await,
            None,
            "then_read {then_read}"
        );
        let invited = storage
            .read(Box::new(|tx| {
                Box::pin(async move {
                    Ok(Box::new(tx.has_invitation(g(), member(3), member(4)).await?) as Output)
                })
            }))
            .await
            .unwrap();
        assert!(
            !*invited.downcast::<bool>().unwrap(),
            "then_read {then_read}"
        );
    }
    // The store still writes whole.
    write_then(&storage, || Ok(Box::new(()))).await.unwrap();
    assert_eq!(stored_connection(&storage).await, Some(START));
}

on_both_stores!(
    a_failed_transaction_leaves_nothing_behind,
    a_write_the_database_refuses_fails_the_operation_whenever_it_is_sent,
    a_panic_inside_a_transaction_rolls_it_back_and_the_store_keeps_working,
);
