//! The schema's history, embedded in the binary. Append-only: a shipped migration is never
//! edited, only followed by a new one. Applied versions are kept in `schema_migrations` (the one
//! table not keyed by guild: it describes the database, not a server's network).
//!
//! Migrating runs in one transaction under an advisory lock, so two processes starting at once
//! on an empty database do not both migrate: the second waits, then finds nothing left to do.
//! A database newer than this binary is refused with a sentence saying so (an old binary left
//! running during an upgrade must not guess at a schema it does not know).

use tokio_postgres::Client;

use crate::network::port::StoreError;

/// Every file in `migrations/`, in order (a test checks none is left out).
pub(super) const STEPS: &[(&str, &str)] = &[
    (
        "0001_network.sql",
        include_str!("migrations/0001_network.sql"),
    ),
    (
        "0002_change_log.sql",
        include_str!("migrations/0002_change_log.sql"),
    ),
    (
        "0003_profiles.sql",
        include_str!("migrations/0003_profiles.sql"),
    ),
    (
        "0004_saved_searches.sql",
        include_str!("migrations/0004_saved_searches.sql"),
    ),
    (
        "0005_locales.sql",
        include_str!("migrations/0005_locales.sql"),
    ),
    (
        "0006_invitation_weeks.sql",
        include_str!("migrations/0006_invitation_weeks.sql"),
    ),
];

/// Brings the schema in the connection's `search_path` up to date.
pub(super) async fn migrate(client: &mut Client) -> Result<(), StoreError> {
    let tx = client.transaction().await?;
    // One lock per schema (tests give each their own), held until this transaction ends.
    tx.execute(
        "SELECT pg_advisory_xact_lock(hashtext('handshake migrations ' || current_schema()))",
        &[],
    )
    .await?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
             version     integer PRIMARY KEY,
             name        text    NOT NULL,
             applied_at  timestamptz NOT NULL DEFAULT now())",
    )
    .await?;
    let current: i32 = tx
        .query_one(
            "SELECT coalesce(max(version), 0) FROM schema_migrations",
            &[],
        )
        .await?
        .try_get(0)?;
    let known = STEPS.len() as i32;
    if current > known {
        tx.rollback().await?;
        return Err(StoreError::corrupt(format!(
            "the database schema is version {current}, newer than this binary's {known}"
        )));
    }
    for (version, (name, sql)) in (1..).zip(STEPS).skip(current as usize) {
        tx.batch_execute(sql)
            .await
            .map_err(|e| StoreError::new(format!("migration {name} failed"), e))?;
        tx.execute(
            "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)",
            &[&version, name],
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_migration_file_is_applied_in_order() {
        crate::store::assert_every_migration_listed("src/store/postgres/migrations", super::STEPS);
    }
}
