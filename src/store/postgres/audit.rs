//! A full check of the database against the invariants the code relies on (the constraints
//! PostgreSQL enforces itself need no check: it never stores a row that breaks one).

use deadpool_postgres::ClientWrapper;

use crate::network::port::{StoreError, Violation};
use crate::store::invariants::CHECKS;

pub(super) async fn run(client: &ClientWrapper) -> Result<Vec<Violation>, StoreError> {
    let mut found = Vec::new();
    for (rule, sql) in CHECKS {
        for row in client.query(*sql, &[]).await? {
            found.push(Violation(format!(
                "{rule}: guild {} / {} / {}",
                row.try_get::<_, i64>(0)?,
                row.try_get::<_, i64>(1)?,
                row.try_get::<_, i64>(2)?
            )));
        }
    }
    Ok(found)
}
