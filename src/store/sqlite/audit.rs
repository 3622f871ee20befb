//! A full check of the database against the invariants the code relies on. Used by tests after
//! random operations, concurrent runs and crashes; cheap enough to run by hand on a live file.

use rusqlite::Connection;

use crate::network::port::{StoreError, Violation};
use crate::store::invariants::CHECKS;

pub(super) fn run(conn: &mut Connection) -> Result<Vec<Violation>, StoreError> {
    let tx = super::SqliteTx::new(conn);
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
