//! The benchmark's server, generated once: preferential attachment (each newcomer connects to
//! 25 members chosen in proportion to their connection counts), written straight into the
//! store's tables — setting up is not what is measured. SQLite gets plain INSERTs in large
//! transactions; PostgreSQL gets COPY.

use std::path::Path;

use bytes::Bytes;
use futures::SinkExt;
use handshake::store::postgres::PostgresStore;
use handshake::store::sqlite::SqliteStore;

use super::{LINKS_PER_NEWCOMER, NOW, Rng, SEED, TWO_YEARS_MS, guild, member, names};

/// Every connection once, as (newcomer, earlier member) indices, with its date.
fn connections(members: usize) -> Vec<(u32, u32, i64)> {
    let mut rng = Rng(SEED);
    let seed_clique = LINKS_PER_NEWCOMER + 1;
    // Every connection adds both ends here, so a uniform pick is a pick in proportion to degree.
    let mut ends: Vec<u32> = Vec::with_capacity(members * LINKS_PER_NEWCOMER * 2);
    let mut edges: Vec<(u32, u32)> = Vec::with_capacity(members * LINKS_PER_NEWCOMER);
    for a in 0..seed_clique {
        for b in (a + 1)..seed_clique {
            edges.push((a as u32, b as u32));
            ends.extend([a as u32, b as u32]);
        }
    }
    let mut chosen = Vec::with_capacity(LINKS_PER_NEWCOMER);
    for newcomer in seed_clique..members {
        chosen.clear();
        while chosen.len() < LINKS_PER_NEWCOMER {
            let target = ends[rng.below(ends.len())];
            if !chosen.contains(&target) {
                chosen.push(target);
            }
        }
        for &target in &chosen {
            edges.push((newcomer as u32, target));
            ends.extend([newcomer as u32, target]);
        }
    }
    drop(ends);
    edges
        .into_iter()
        .map(|(a, b)| (a, b, NOW.unix_millis() - (rng.next() % TWO_YEARS_MS) as i64))
        .collect()
}

pub(super) fn into_sqlite(path: &Path, members: usize) {
    let edges = connections(members);
    // The store creates the schema; the rows then go in with plain SQL.
    drop(SqliteStore::open(path).unwrap());
    let mut conn = rusqlite::Connection::open(path).unwrap();
    conn.pragma_update(None, "foreign_keys", true).unwrap();
    let g = guild().get() as i64;
    let tx = conn.transaction().unwrap();
    {
        let mut insert = tx
            .prepare(
                "INSERT INTO members (guild_id, user_id, first_seen_ms, display_name, username,
                                      search_key, names_seen_ms)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?3)",
            )
            .unwrap();
        for i in 0..members {
            let names = names(i);
            insert
                .execute(rusqlite::params![
                    g,
                    member(i).get() as i64,
                    NOW.unix_millis(),
                    names.display_name,
                    names.username,
                    names.search_key()
                ])
                .unwrap();
        }
    }
    tx.commit().unwrap();
    for chunk in edges.chunks(100_000) {
        let tx = conn.transaction().unwrap();
        {
            let mut insert = tx
                .prepare(
                    "INSERT INTO connections (guild_id, user_id, peer_id, since_ms)
                     VALUES (?1, ?2, ?3, ?4)",
                )
                .unwrap();
            for &(a, b, since) in chunk {
                let (a, b) = (
                    member(a as usize).get() as i64,
                    member(b as usize).get() as i64,
                );
                insert.execute(rusqlite::params![g, a, b, since]).unwrap();
                insert.execute(rusqlite::params![g, b, a, since]).unwrap();
            }
        }
        tx.commit().unwrap();
    }
    drop(conn);
    // Statistics for the query planner, then fold the WAL into the file.
    SqliteStore::open(path)
        .unwrap()
        .optimize_blocking()
        .unwrap();
}

/// A connection to the database `url` names, for creating and copying databases.
pub(super) async fn admin(url: &str) -> tokio_postgres::Client {
    let (client, connection) = tokio_postgres::connect(url, tokio_postgres::NoTls)
        .await
        .expect("HANDSHAKE_BENCH_DATABASE_URL is reachable");
    tokio::spawn(connection);
    client
}

async fn connect_to(url: &str, database: &str) -> tokio_postgres::Client {
    let mut config: tokio_postgres::Config = url.parse().unwrap();
    config.dbname(database);
    let (client, connection) = config.connect(tokio_postgres::NoTls).await.unwrap();
    tokio::spawn(connection);
    client
}

/// Whether a generation of `database` ran to its end.
pub(super) async fn marked_done(url: &str, database: &str) -> bool {
    connect_to(url, database)
        .await
        .query_opt(
            "SELECT 1 FROM pg_tables WHERE tablename = 'bench_generated'",
            &[],
        )
        .await
        .map(|row| row.is_some())
        .unwrap_or(false)
}

pub(super) async fn into_postgres(url: &str, database: &str, members: usize) {
    let edges = connections(members);
    // Separately: several statements in one call would be one transaction, which neither
    // statement may run in.
    let admin = admin(url).await;
    for statement in [
        format!("DROP DATABASE IF EXISTS {database}"),
        format!("CREATE DATABASE {database}"),
    ] {
        admin.batch_execute(&statement).await.unwrap();
    }
    let mut config: tokio_postgres::Config = url.parse().unwrap();
    config.dbname(database);
    // The store creates the schema.
    drop(PostgresStore::connect_with(config).await.unwrap());
    let client = connect_to(url, database).await;
    // The generated rows are consistent by construction; checking each foreign key while
    // copying millions of rows would take most of the generation's time. (Superuser only.)
    client
        .batch_execute("SET session_replication_role = replica")
        .await
        .unwrap();
    let g = guild().get() as i64;
    let mut text = String::with_capacity(members * 96);
    for i in 0..members {
        let names = names(i);
        text.push_str(&format!(
            "{g}\t{}\t{now}\t{}\t{}\t{}\t{now}\n",
            member(i).get(),
            escape(&names.display_name),
            escape(&names.username),
            escape(&names.search_key()),
            now = NOW.unix_millis(),
        ));
    }
    copy(
        &client,
        "COPY members (guild_id, user_id, first_seen_ms, display_name, username, search_key,
                       names_seen_ms) FROM STDIN",
        text,
    )
    .await;
    for chunk in edges.chunks(500_000) {
        let mut text = String::with_capacity(chunk.len() * 2 * 64);
        for &(a, b, since) in chunk {
            let (a, b) = (member(a as usize).get(), member(b as usize).get());
            text.push_str(&format!("{g}\t{a}\t{b}\t{since}\n{g}\t{b}\t{a}\t{since}\n"));
        }
        copy(
            &client,
            "COPY connections (guild_id, user_id, peer_id, since_ms) FROM STDIN",
            text,
        )
        .await;
    }
    // VACUUM may not run inside a transaction either.
    client.batch_execute("VACUUM ANALYZE").await.unwrap();
    client
        .batch_execute("CREATE TABLE bench_generated ()")
        .await
        .unwrap();
}

async fn copy(client: &tokio_postgres::Client, statement: &str, text: String) {
    let sink = client.copy_in::<_, Bytes>(statement).await.unwrap();
    futures::pin_mut!(sink);
    sink.send(Bytes::from(text)).await.unwrap();
    sink.finish().await.unwrap();
}

/// COPY's text format: backslash, tab and newline escaped.
fn escape(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('\t', "\\t")
        .replace('\n', "\\n")
}

/// The run database's size on disk, in bytes.
pub(super) async fn database_size(config: &tokio_postgres::Config) -> u64 {
    let (client, connection) = config.connect(tokio_postgres::NoTls).await.unwrap();
    tokio::spawn(connection);
    let size: i64 = client
        .query_one("SELECT pg_database_size(current_database())", &[])
        .await
        .unwrap()
        .get(0);
    size as u64
}
