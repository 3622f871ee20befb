//! The schema's history, embedded in the binary. Append-only: a shipped migration is never
//! edited, only followed by a new one, so every database can be brought up to date from any
//! version. The version is kept in SQLite's `user_version` (rusqlite_migration's way).

use std::sync::LazyLock;

use rusqlite_migration::{M, Migrations};

static MIGRATIONS: LazyLock<Migrations<'static>> =
    LazyLock::new(|| Migrations::new(vec![M::up(include_str!("migrations/0001_network.sql"))]));

pub(super) fn migrations() -> &'static Migrations<'static> {
    &MIGRATIONS
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        super::migrations()
            .validate()
            .expect("migrations apply cleanly");
    }
}
