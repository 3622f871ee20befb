//! Reading a consistent snapshot without holding up writes (how a server's in-memory state is
//! loaded): once a read has pinned its snapshot, a write that commits afterwards is not in it,
//! on either store.

mod support;

use std::sync::Arc;

use handshake::network::port::Output;
use handshake::network::{MemberId, MemberNames};
use support::network::{START, TestNetwork, g, member};

fn names(n: u64) -> MemberNames {
    MemberNames {
        display_name: format!("Member {n}"),
        username: format!("member{n}"),
    }
}

async fn record(t: &TestNetwork, n: u64) {
    t.network
        .storage()
        .write(
            g(),
            Box::new(move |tx| {
                Box::pin(async move {
                    tx.ensure_member(g(), member(n), START).await?;
                    tx.record_names(g(), member(n), &names(n), START).await?;
                    Ok(Box::new(()) as Output)
                })
            }),
        )
        .await
        .unwrap();
}

async fn a_write_that_commits_after_the_snapshot_is_pinned_is_not_in_it(t: &TestNetwork) {
    record(t, 1).await;
    let (pinned_tx, pinned) = tokio::sync::oneshot::channel::<()>();
    let (written_tx, written) = tokio::sync::oneshot::channel::<()>();
    // The read pins its snapshot, lets the write go ahead, and reads only once it committed:
    // it would see the write if the snapshot were taken any later than the pin.
    let storage = Arc::clone(t.network.storage());
    let read = tokio::spawn(async move {
        storage
            .read_long(Box::new(move |tx| {
                Box::pin(async move {
                    tx.pin_snapshot().await?;
                    pinned_tx.send(()).unwrap();
                    written.await.unwrap();
                    let seen: Vec<MemberId> = tx
                        .all_member_names(g())
                        .await?
                        .into_iter()
                        .map(|(m, _)| m)
                        .collect();
                    Ok(Box::new(seen) as Output)
                })
            }))
            .await
    });
    pinned.await.unwrap();
    record(t, 2).await;
    written_tx.send(()).unwrap();
    let seen = *read
        .await
        .unwrap()
        .unwrap()
        .downcast::<Vec<MemberId>>()
        .unwrap();
    assert_eq!(seen, vec![member(1)], "the snapshot predates the write");
    let now = t
        .network
        .names_of(g(), &[member(1), member(2)])
        .await
        .unwrap();
    assert!(now.iter().all(Option::is_some), "the write did commit");
}

on_both_stores!(a_write_that_commits_after_the_snapshot_is_pinned_is_not_in_it);
