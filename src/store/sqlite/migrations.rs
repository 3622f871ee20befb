//! The schema's history, embedded in the binary. Append-only: a shipped migration is never
//! edited, only followed by a new one, so every database can be brought up to date from any
//! version. The version is kept in SQLite's `user_version` (rusqlite_migration's way).

use std::sync::LazyLock;

use rusqlite::Transaction;
use rusqlite_migration::{HookError, HookResult, M, Migrations};

/// A migration file, by name, embedded.
macro_rules! step {
    ($file:literal) => {
        ($file, include_str!(concat!("migrations/", $file)))
    };
}

/// Every file in `migrations/`, in order (a test checks none is left out).
const STEPS: &[(&str, &str)] = &[
    step!("0001_network.sql"),
    step!("0002_drop_sent_invitations_index.sql"),
    step!("0003_saved_filters.sql"),
    step!("0004_reports.sql"),
    step!("0005_audit_log.sql"),
    step!("0006_bans.sql"),
    step!("0007_connections_newest_first_key.sql"),
    step!("0008_invitation_sends_keyed.sql"),
    step!("0009_pending_checks.sql"),
    step!("0010_connections_peer_key_dropped.sql"),
    step!("0011_profiles.sql"),
    step!("0012_saved_searches.sql"),
    step!("0013_locales.sql"),
    step!("0014_invitation_weeks.sql"),
];

static MIGRATIONS: LazyLock<Migrations<'static>> = LazyLock::new(|| {
    Migrations::new(
        STEPS
            .iter()
            .map(|&(file, sql)| match file {
                "0010_connections_peer_key_dropped.sql" => M::up_with_hook(sql, drop_peer_key),
                _ => M::up(sql),
            })
            .collect(),
    )
});

/// Migration 0010 (see its file for why).
fn drop_peer_key(tx: &Transaction) -> HookResult {
    drop_table_constraint(
        tx,
        "connections",
        "    FOREIGN KEY (guild_id, peer_id) REFERENCES members (guild_id, user_id) ON DELETE CASCADE,\n",
    )
}

/// Removes one line, a constraint, from a table's definition without rebuilding the table, by
/// SQLite's documented procedure for dropping a constraint: edit the definition in
/// `sqlite_schema` and bump `schema_version` so every connection reloads it. Stored rows are
/// untouched, which is why this is only for constraints, never for columns or keys that shape
/// the B-tree. Refuses unless the line occurs exactly once.
fn drop_table_constraint(tx: &Transaction, table: &str, line: &str) -> HookResult {
    let definition: String = tx.query_row(
        "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?1",
        [table],
        |row| row.get(0),
    )?;
    if definition.matches(line).count() != 1 {
        return Err(HookError::Hook(format!(
            "the definition of {table} does not hold the constraint to drop exactly once: {line:?}"
        )));
    }
    let edited = definition.replacen(line, "", 1);
    let version: i64 = tx.pragma_query_value(None, "schema_version", |row| row.get(0))?;
    tx.pragma_update(None, "writable_schema", true)?;
    tx.execute(
        "UPDATE sqlite_schema SET sql = ?1 WHERE type = 'table' AND name = ?2",
        (&edited, table),
    )?;
    tx.pragma_update(None, "schema_version", version + 1)?;
    // RESET also reloads this connection's copy of the schema.
    tx.pragma_update(None, "writable_schema", "RESET")?;
    Ok(())
}

pub(super) fn migrations() -> &'static Migrations<'static> {
    &MIGRATIONS
}

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    use super::STEPS;

    fn commits(conn: &Connection, sql: &str) -> Result<(), String> {
        let result = conn.execute_batch(&format!("BEGIN; {sql}; COMMIT;"));
        if result.is_err() {
            let _ = conn.execute_batch("ROLLBACK");
        }
        result.map_err(|e| e.to_string())
    }

    /// Migration 0010 edits a table's definition in place, on a database with rows in it.
    #[test]
    fn dropping_the_peer_key_keeps_every_row_and_every_other_rule() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "foreign_keys", true).unwrap();
        super::migrations().to_version(&mut conn, 9).unwrap();
        commits(
            &conn,
            "INSERT INTO members (guild_id, user_id, first_seen_ms) VALUES (1, 10, 0), (1, 20, 0), (1, 30, 0);
             INSERT INTO connections VALUES (1, 10, 20, 5), (1, 20, 10, 5), (1, 10, 30, 6), (1, 30, 10, 6)",
        )
        .unwrap();
        super::migrations().to_latest(&mut conn).unwrap();

        let keys: Vec<(String, String)> = conn
            .prepare("SELECT \"table\", \"from\" FROM pragma_foreign_key_list('connections')")
            .unwrap()
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert!(
            !keys.contains(&("members".into(), "peer_id".into())),
            "{keys:?}"
        );
        assert!(
            keys.contains(&("members".into(), "user_id".into())),
            "{keys:?}"
        );
        assert!(
            keys.contains(&("connections".into(), "peer_id".into())),
            "{keys:?}"
        );

        let rows: i64 = conn
            .query_row("SELECT count(*) FROM connections", [], |row| row.get(0))
            .unwrap();
        assert_eq!(rows, 4);
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |row| row.get(0))
            .unwrap();
        assert_eq!(check, "ok");

        // A peer who is not a member is still refused: the mirror row's own key catches it.
        let err = commits(
            &conn,
            "INSERT INTO connections VALUES (1, 10, 99, 7), (1, 99, 10, 7)",
        )
        .unwrap_err();
        assert!(err.contains("FOREIGN KEY"), "{err}");
        // And so is a one-sided connection.
        let err = commits(&conn, "INSERT INTO connections VALUES (1, 20, 30, 8)").unwrap_err();
        assert!(err.contains("FOREIGN KEY"), "{err}");
        // A member goes once their connections, both sides, are gone.
        commits(
            &conn,
            "DELETE FROM connections WHERE 30 IN (user_id, peer_id);
             DELETE FROM members WHERE user_id = 30",
        )
        .unwrap();
    }

    #[test]
    fn migrations_are_valid() {
        super::migrations()
            .validate()
            .expect("migrations apply cleanly");
    }

    #[test]
    fn every_migration_file_is_applied_in_order() {
        crate::store::assert_every_migration_listed("src/store/sqlite/migrations", STEPS);
    }
}
