//! The schema enforces what the code assumes, even against a writer that bypasses the code:
//! symmetric connections with one date, no self-connections, never connected and pending at
//! once, valid settings and notes. Also: data survives reopening; opening twice is harmless.

mod support;

use handshake::network::InvitePolicy;
use rusqlite::Connection;
use support::network::{TestNetwork, g, member};

/// A raw connection to the test's database file, with the same foreign-key setting the store uses.
fn raw(t: &TestNetwork) -> Connection {
    let conn = Connection::open(t.sqlite_path()).unwrap();
    conn.pragma_update(None, "foreign_keys", true).unwrap();
    conn.execute_batch(
        "INSERT INTO members (guild_id, user_id, first_seen_ms) VALUES (1, 10, 0), (1, 20, 0), (1, 30, 0);",
    )
    .unwrap();
    conn
}

/// Runs `sql` in a transaction and reports whether it committed.
fn commits(conn: &Connection, sql: &str) -> Result<(), String> {
    let result = conn.execute_batch(&format!("BEGIN; {sql}; COMMIT;"));
    if result.is_err() {
        let _ = conn.execute_batch("ROLLBACK");
    }
    result.map_err(|e| e.to_string())
}

#[test]
fn a_one_sided_connection_cannot_commit() {
    let t = TestNetwork::new();
    let conn = raw(&t);
    let err = commits(&conn, "INSERT INTO connections VALUES (1, 10, 20, 5)").unwrap_err();
    assert!(err.contains("FOREIGN KEY"), "{err}");
    let err = commits(
        &conn,
        "INSERT INTO connections VALUES (1, 10, 20, 5), (1, 20, 10, 6)",
    )
    .unwrap_err();
    assert!(
        err.contains("FOREIGN KEY"),
        "both sides must carry the same date: {err}"
    );
    commits(
        &conn,
        "INSERT INTO connections VALUES (1, 10, 20, 5), (1, 20, 10, 5)",
    )
    .expect("a symmetric pair commits");
    let err = commits(&conn, "DELETE FROM connections WHERE user_id = 10").unwrap_err();
    assert!(
        err.contains("FOREIGN KEY"),
        "half a disconnect cannot commit: {err}"
    );
    let count: i64 = conn
        .query_row(
            "SELECT count(*) FROM connections WHERE user_id = 10",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(count, 1, "the refused delete left the row");
}

#[test]
fn nobody_connects_with_themselves() {
    let t = TestNetwork::new();
    let conn = raw(&t);
    let err = commits(&conn, "INSERT INTO connections VALUES (1, 10, 10, 5)").unwrap_err();
    assert!(err.contains("CHECK"), "{err}");
    let err = commits(
        &conn,
        "INSERT INTO invitations (guild_id, inviter_id, invitee_id, sent_ms) VALUES (1, 10, 10, 5)",
    )
    .unwrap_err();
    assert!(err.contains("CHECK"), "{err}");
}

/// The schema refuses a connection while an invitation between the two is pending, whichever
/// of them sent it. (The other way round, an invitation between connected members, is refused
/// by the code and reported by the audit: see migration 0009.)
#[test]
fn a_connection_cannot_begin_while_an_invitation_is_pending() {
    let t = TestNetwork::new();
    let conn = raw(&t);
    for (inviter, invitee) in [(30, 10), (10, 30)] {
        commits(
            &conn,
            &format!(
                "INSERT INTO invitations (guild_id, inviter_id, invitee_id, sent_ms)
                 VALUES (1, {inviter}, {invitee}, 6)"
            ),
        )
        .unwrap();
        let err = commits(
            &conn,
            "INSERT INTO connections VALUES (1, 10, 30, 7), (1, 30, 10, 7)",
        )
        .unwrap_err();
        assert!(
            err.contains("connection while an invitation is pending"),
            "{err}"
        );
        commits(&conn, "DELETE FROM invitations").unwrap();
    }
    // With nothing pending, the same connection is accepted.
    commits(
        &conn,
        "INSERT INTO connections VALUES (1, 10, 30, 7), (1, 30, 10, 7)",
    )
    .unwrap();
}

#[test]
fn settings_and_notes_are_checked() {
    let t = TestNetwork::new();
    let conn = raw(&t);
    let err = commits(
        &conn,
        "UPDATE members SET invite_policy = 'friends' WHERE user_id = 10",
    )
    .unwrap_err();
    assert!(err.contains("CHECK"), "{err}");
    let long = "x".repeat(301);
    let err = commits(
        &conn,
        &format!("INSERT INTO invitations (guild_id, inviter_id, invitee_id, note, sent_ms) VALUES (1, 10, 20, '{long}', 1)"),
    )
    .unwrap_err();
    assert!(err.contains("CHECK"), "{err}");
    let err = commits(
        &conn,
        "INSERT INTO invitations (guild_id, inviter_id, invitee_id, sent_ms) VALUES (1, 10, 99, 1)",
    )
    .unwrap_err();
    assert!(
        err.contains("FOREIGN KEY"),
        "invitations are between known members: {err}"
    );
}

#[test]
fn the_database_is_in_wal_mode() {
    let t = TestNetwork::new();
    let conn = Connection::open(t.sqlite_path()).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

async fn data_survives_reopening_and_opening_twice_is_harmless(t: &TestNetwork) {
    t.connect(g(), member(1), member(2)).await;
    t.set_policy(g(), member(3), InvitePolicy::Nobody).await;

    let network = t.reopen().await;
    assert!(
        network
            .is_connected(g(), member(2), member(1))
            .await
            .unwrap()
    );
    assert_eq!(
        network
            .settings(g(), member(3))
            .await
            .unwrap()
            .invite_policy,
        InvitePolicy::Nobody
    );
    assert!(network.storage().audit().await.unwrap().is_empty());
}

#[tokio::test]
async fn the_audit_reports_state_the_constraints_would_have_refused() {
    let t = TestNetwork::new();
    t.assert_sound().await;
    let conn = raw(&t);
    // Bypass the guards the way only a bug or hand-editing could.
    conn.pragma_update(None, "foreign_keys", false).unwrap();
    conn.execute_batch(
        "INSERT INTO connections VALUES (1, 10, 20, 5);
         INSERT INTO invitations (guild_id, inviter_id, invitee_id, sent_ms) VALUES (1, 10, 20, 6);
         INSERT INTO connections VALUES (1, 30, 20, 8), (1, 20, 30, 8), (1, 30, 20, 9), (1, 20, 30, 9);",
    )
    .unwrap();
    let found: Vec<String> = t
        .network
        .storage()
        .audit()
        .await
        .unwrap()
        .into_iter()
        .map(|v| v.0)
        .collect();
    let has = |text: &str| found.iter().any(|v| v.contains(text));
    assert!(has("foreign key"), "{found:#?}");
    assert!(has("connection without its mirror"), "{found:#?}");
    assert!(has("connected and an invitation pending"), "{found:#?}");
    assert!(has("the same pair connected twice"), "{found:#?}");
}

on_both_stores!(data_survives_reopening_and_opening_twice_is_harmless);
