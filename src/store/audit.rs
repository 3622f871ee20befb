//! A full check of the database against the invariants the code relies on. Used by tests after
//! random operations, concurrent runs and crashes; cheap enough to run by hand on a live file.

use std::fmt;

use crate::store::{ReadTx, StoreError};

/// One broken invariant, described for a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation(pub String);

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Each check is a query that lists the rows breaking one rule.
const CHECKS: &[(&str, &str)] = &[
    (
        "connected with yourself",
        "SELECT guild_id, user_id, peer_id FROM connections WHERE user_id = peer_id",
    ),
    (
        "connection without its mirror (same date, other side)",
        "SELECT c.guild_id, c.user_id, c.peer_id FROM connections AS c
          WHERE NOT EXISTS (SELECT 1 FROM connections AS m
                             WHERE m.guild_id = c.guild_id AND m.user_id = c.peer_id
                               AND m.peer_id = c.user_id AND m.since_ms = c.since_ms)",
    ),
    (
        "connected and an invitation pending",
        "SELECT i.guild_id, i.inviter_id, i.invitee_id FROM invitations AS i
           JOIN connections AS c ON c.guild_id = i.guild_id AND c.user_id = i.inviter_id
                                AND c.peer_id = i.invitee_id",
    ),
    (
        "connected and a removal on record",
        "SELECT r.guild_id, r.remover_id, r.removed_id FROM removals AS r
           JOIN connections AS c ON c.guild_id = r.guild_id AND c.user_id = r.remover_id
                                AND c.peer_id = r.removed_id",
    ),
    (
        "the same pair connected twice",
        "SELECT guild_id, user_id, peer_id FROM connections
          GROUP BY guild_id, user_id, peer_id HAVING count(*) > 1",
    ),
];

pub(super) fn run(tx: &ReadTx<'_>) -> Result<Vec<Violation>, StoreError> {
    let mut found = Vec::new();
    let integrity: Vec<String> = tx.all("PRAGMA integrity_check", [], |row| row.get(0))?;
    found.extend(
        integrity
            .into_iter()
            .filter(|line| line != "ok")
            .map(|line| Violation(format!("integrity: {line}"))),
    );
    let foreign: Vec<String> = tx.all("PRAGMA foreign_key_check", [], |row| {
        Ok(format!(
            "foreign key: {} row {:?} breaks its reference to {}",
            row.get::<_, String>(0)?,
            row.get::<_, Option<i64>>(1)?,
            row.get::<_, String>(2)?
        ))
    })?;
    found.extend(foreign.into_iter().map(Violation));
    for (rule, sql) in CHECKS {
        let rows: Vec<String> = tx.all(sql, [], |row| {
            Ok(format!(
                "{rule}: guild {} / {} / {}",
                row.get::<_, i64>(0)?,
                row.get::<_, i64>(1)?,
                row.get::<_, i64>(2)?
            ))
        })?;
        found.extend(rows.into_iter().map(Violation));
    }
    Ok(found)
}
