//! The PostgreSQL schema enforces what the code assumes, even against a writer that bypasses
//! the code: symmetric connections with one date, no self-connections, never connected and
//! pending at once (checked from both sides), one spelling per tag. Runs with
//! `TEST_DATABASE_URL` (CI always sets it).

mod support;

use handshake::store::postgres::{PostgresStore, SCHEMA_VERSION};
use support::network::TestSchema;

/// A raw connection into the schema, bypassing the store.
async fn connect(schema: &TestSchema) -> tokio_postgres::Client {
    let (client, connection) = schema
        .config()
        .connect(tokio_postgres::NoTls)
        .await
        .unwrap();
    tokio::spawn(connection);
    client
}

/// A migrated schema of its own and a raw connection into it, with members 10, 20 and 30.
async fn raw() -> Option<(TestSchema, tokio_postgres::Client)> {
    let schema = TestSchema::create().await?;
    drop(PostgresStore::connect_with(schema.config()).await.unwrap());
    let client = connect(&schema).await;
    client
        .batch_execute(
            "INSERT INTO members (guild_id, user_id, first_seen_ms)
             VALUES (1, 10, 0), (1, 20, 0), (1, 30, 0)",
        )
        .await
        .unwrap();
    Some((schema, client))
}

/// Runs `sql` in a transaction; the error if it did not commit.
async fn commits(client: &tokio_postgres::Client, sql: &str) -> Result<(), String> {
    let result = client.batch_execute(&format!("BEGIN; {sql}; COMMIT")).await;
    if result.is_err() {
        let _ = client.batch_execute("ROLLBACK").await;
    }
    result.map_err(|e| match e.as_db_error() {
        Some(db) => db.message().to_owned(),
        None => e.to_string(),
    })
}

#[tokio::test]
async fn a_connection_needs_its_mirror_with_the_same_date() {
    let Some((_schema, client)) = raw().await else {
        return;
    };
    let err = commits(&client, "INSERT INTO connections VALUES (1, 10, 20, 5)")
        .await
        .unwrap_err();
    assert!(err.contains("foreign key"), "{err}");
    let err = commits(
        &client,
        "INSERT INTO connections VALUES (1, 10, 20, 5), (1, 20, 10, 6)",
    )
    .await
    .unwrap_err();
    assert!(err.contains("foreign key"), "{err}");
    commits(
        &client,
        "INSERT INTO connections VALUES (1, 10, 20, 5), (1, 20, 10, 5)",
    )
    .await
    .unwrap();
    // The pair once: a second connection between them is refused by the key.
    let err = commits(
        &client,
        "INSERT INTO connections VALUES (1, 10, 20, 7), (1, 20, 10, 7)",
    )
    .await
    .unwrap_err();
    assert!(err.contains("duplicate key"), "{err}");
    let err = commits(&client, "INSERT INTO connections VALUES (1, 30, 30, 5)")
        .await
        .unwrap_err();
    assert!(err.contains("check constraint"), "{err}");
}

#[tokio::test]
async fn never_connected_and_pending_at_once_from_either_side() {
    let Some((_schema, client)) = raw().await else {
        return;
    };
    commits(
        &client,
        "INSERT INTO invitations (guild_id, inviter_id, invitee_id, sent_ms) VALUES (1, 20, 10, 1)",
    )
    .await
    .unwrap();
    let err = commits(
        &client,
        "INSERT INTO connections VALUES (1, 10, 20, 5), (1, 20, 10, 5)",
    )
    .await
    .unwrap_err();
    assert!(err.contains("invitation is pending"), "{err}");
    commits(
        &client,
        "INSERT INTO connections VALUES (1, 10, 30, 5), (1, 30, 10, 5)",
    )
    .await
    .unwrap();
    let err = commits(
        &client,
        "INSERT INTO invitations (guild_id, inviter_id, invitee_id, sent_ms) VALUES (1, 30, 10, 6)",
    )
    .await
    .unwrap_err();
    assert!(err.contains("between connected members"), "{err}");
}

#[tokio::test]
async fn a_tag_has_one_spelling_per_connection_whatever_its_case() {
    let Some((_schema, client)) = raw().await else {
        return;
    };
    commits(&client, "INSERT INTO tags VALUES (1, 10, 20, 'Rust', 0)")
        .await
        .unwrap();
    let err = commits(&client, "INSERT INTO tags VALUES (1, 10, 20, 'rUST', 0)")
        .await
        .unwrap_err();
    assert!(err.contains("duplicate key"), "{err}");
    // Non-ASCII letters are not folded, as in SQLite.
    commits(
        &client,
        "INSERT INTO tags VALUES (1, 10, 20, 'Ä', 0), (1, 10, 20, 'ä', 0)",
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn a_database_newer_than_the_binary_is_refused_in_one_sentence() {
    let Some(schema) = TestSchema::create().await else {
        return;
    };
    drop(PostgresStore::connect_with(schema.config()).await.unwrap());
    let client = connect(&schema).await;
    client
        .batch_execute(
            "INSERT INTO schema_migrations (version, name) VALUES (99, 'from the future')",
        )
        .await
        .unwrap();
    let Err(err) = PostgresStore::connect_with(schema.config()).await else {
        panic!("a newer schema was accepted");
    };
    assert!(
        err.to_string().contains(&format!(
            "the database schema is version 99, newer than this binary's {SCHEMA_VERSION}"
        )),
        "{err}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn processes_starting_at_once_on_an_empty_database_migrate_it_once() {
    let Some(schema) = TestSchema::create().await else {
        return;
    };
    let starts: Vec<_> = (0..4)
        .map(|_| tokio::spawn(PostgresStore::connect_with(schema.config())))
        .collect();
    for start in starts {
        start.await.unwrap().expect("every process starts");
    }
    let client = connect(&schema).await;
    let applied = client
        .query_one(
            "SELECT count(*), count(DISTINCT version) FROM schema_migrations",
            &[],
        )
        .await
        .unwrap();
    let (rows, versions): (i64, i64) = (applied.get(0), applied.get(1));
    assert_eq!(
        (rows, versions),
        (SCHEMA_VERSION as i64, SCHEMA_VERSION as i64),
        "each migration applied once"
    );
}

/// The store's periodic upkeep refreshes the planner's statistics for its own tables, which
/// autovacuum may not do (it can be off): without them, statements prepared while a table was
/// nearly empty keep planning it as tiny.
#[tokio::test]
async fn upkeep_refreshes_the_statistics_of_every_table() {
    let Some((schema, client)) = raw().await else {
        return;
    };
    client
        .batch_execute(
            "INSERT INTO members (guild_id, user_id, first_seen_ms)
             SELECT 1, n, 0 FROM generate_series(100, 20099) AS n",
        )
        .await
        .unwrap();
    let store = PostgresStore::connect_with(schema.config()).await.unwrap();
    handshake::network::port::Storage::maintain(&store)
        .await
        .unwrap();
    let never_analyzed: Vec<String> = client
        .query(
            "SELECT relname::text FROM pg_stat_user_tables
              WHERE schemaname = current_schema() AND last_analyze IS NULL",
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|row| row.get(0))
        .collect();
    assert!(
        never_analyzed.is_empty(),
        "not analyzed: {never_analyzed:?}"
    );
    let members: f32 = client
        .query_one(
            "SELECT reltuples FROM pg_class
              WHERE oid = format('%I.members', current_schema())::regclass",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    assert!(members > 19_000.0, "members estimated at {members}");
}
