//! Reading a consistent snapshot without holding up writes (how a server's in-memory state is
//! loaded): the snapshot is pinned under the write lock, before the caller's mark, so a write
//! that commits afterwards is never in it.

mod support;

use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use handshake::network::MemberNames;
use handshake::store::{Store, StoreError};
use support::network::{START, TestNetwork, g, member};

fn names(n: u64) -> MemberNames {
    MemberNames {
        display_name: format!("Member {n}"),
        username: format!("member{n}"),
    }
}

fn record(store: &Store, n: u64) {
    store
        .write_blocking(|tx| {
            tx.ensure_member(g(), member(n), START)?;
            tx.record_names(g(), member(n), &names(n), START)
        })
        .unwrap();
}

fn named(store: &Store) -> Vec<u64> {
    let mut seen: Vec<u64> = store
        .read_blocking(|tx| tx.all_member_names(g()))
        .unwrap()
        .into_iter()
        .map(|(m, _)| m.get())
        .collect();
    seen.sort_unstable();
    seen
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_write_that_commits_after_the_mark_is_not_in_the_snapshot() {
    let t = TestNetwork::new();
    let store = t.network.store().clone();
    record(&store, 1);

    // The mark starts a write, which waits for the lock the mark runs under; the read then
    // waits for that write to commit before reading, so it would see it if the snapshot were
    // taken any later than the mark.
    let writer: Arc<Mutex<Option<JoinHandle<()>>>> = Arc::default();
    let (mark_writer, store_for_mark) = (Arc::clone(&writer), store.clone());
    let read_writer = Arc::clone(&writer);
    let seen = store
        .read_from_here(
            move || {
                let handle = std::thread::spawn(move || record(&store_for_mark, 2));
                *mark_writer.lock().unwrap() = Some(handle);
            },
            move |tx| {
                let handle = read_writer
                    .lock()
                    .unwrap()
                    .take()
                    .expect("the mark ran first");
                handle.join().expect("the write committed");
                Ok::<_, StoreError>(
                    tx.all_member_names(g())?
                        .into_iter()
                        .map(|(m, _)| m.get())
                        .collect::<Vec<_>>(),
                )
            },
        )
        .await
        .unwrap();
    assert_eq!(seen, vec![1], "the snapshot predates the write");
    assert_eq!(named(&store), vec![1, 2], "the write did commit");
}
