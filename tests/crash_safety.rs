//! The database survives a crash at any point: a child process writing as fast as it can is
//! killed (SIGKILL, no chance to clean up) again and again, and after each kill the database
//! opens and passes every integrity and invariant check. Also: work that fails or panics inside
//! a transaction leaves nothing behind.

mod support;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use handshake::network::{LimitsUpdate, ManualClock, Network};
use handshake::store::{Store, StoreError};
use support::network::{START, g, member};

const CHILD_DB_VAR: &str = "HANDSHAKE_CRASH_TEST_DB";

/// The child: opens the database named in the environment and writes until killed.
#[test]
#[ignore = "child process of a_killed_writer_leaves_a_consistent_database"]
fn crash_test_child_writer() {
    let path = std::env::var_os(CHILD_DB_VAR).expect("run by the crash test only");
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let store = Store::open(std::path::Path::new(&path)).unwrap();
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

        let store = Store::open(&path).expect("the database opens after a crash");
        let violations = store.audit_blocking().unwrap();
        assert!(violations.is_empty(), "round {round}: {violations:#?}");
        let total = store
            .read_blocking(|tx| tx.all_connections(g()))
            .unwrap()
            .len();
        connections_seen = connections_seen.max(total);
    }
    assert!(
        connections_seen > 0,
        "the child wrote nothing before being killed: the test proved nothing"
    );
}

#[test]
fn a_failed_transaction_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("t.db")).unwrap();
    let result: Result<(), StoreError> = store.write_blocking(|tx| {
        tx.ensure_member(g(), member(1), START)?;
        tx.ensure_member(g(), member(2), START)?;
        tx.insert_connection(g(), member(1), member(2), START)?;
        Err(StoreError::from(rusqlite::Error::InvalidQuery)) // fail after writing
    });
    assert!(result.is_err());
    let connected = store
        .read_blocking(|tx| tx.connected_since(g(), member(1), member(2)))
        .unwrap();
    assert_eq!(connected, None, "the half-done work was rolled back");
}

#[test]
fn a_panic_inside_a_transaction_rolls_it_back_and_the_store_keeps_working() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("t.db")).unwrap();
    let panicking = store.clone();
    let outcome = std::thread::spawn(move || {
        let _: Result<(), StoreError> = panicking.write_blocking(|tx| {
            tx.ensure_member(g(), member(1), START)?;
            tx.ensure_member(g(), member(2), START)?;
            tx.insert_connection(g(), member(1), member(2), START)?;
            panic!("bug in the middle of a write");
        });
    })
    .join();
    assert!(outcome.is_err(), "the panic propagated");
    let connected = store
        .read_blocking(|tx| tx.connected_since(g(), member(1), member(2)))
        .unwrap();
    assert_eq!(connected, None);
    // The write connection is still usable.
    store
        .write_blocking(|tx| {
            tx.ensure_member(g(), member(1), START)?;
            tx.ensure_member(g(), member(2), START)?;
            tx.insert_connection(g(), member(1), member(2), START)
        })
        .unwrap();
    assert!(store.audit_blocking().unwrap().is_empty());
}
