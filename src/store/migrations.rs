//! The schema's history, embedded in the binary. Append-only: a shipped migration is never
//! edited, only followed by a new one, so every database can be brought up to date from any
//! version. The version is kept in SQLite's `user_version` (rusqlite_migration's way).

use std::sync::LazyLock;

use rusqlite_migration::{M, Migrations};

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
];

static MIGRATIONS: LazyLock<Migrations<'static>> =
    LazyLock::new(|| Migrations::new(STEPS.iter().map(|(_, sql)| M::up(sql)).collect()));

pub(super) fn migrations() -> &'static Migrations<'static> {
    &MIGRATIONS
}

#[cfg(test)]
mod tests {
    use super::STEPS;

    #[test]
    fn migrations_are_valid() {
        super::migrations()
            .validate()
            .expect("migrations apply cleanly");
    }

    #[test]
    fn every_migration_file_is_applied_in_order() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store/migrations");
        let mut files: Vec<String> = std::fs::read_dir(folder)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".sql"))
            .collect();
        files.sort();
        let listed: Vec<&str> = STEPS.iter().map(|(name, _)| *name).collect();
        assert_eq!(files, listed);
    }
}
