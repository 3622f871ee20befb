//! The stores: implementations of the network's storage port (`network::port`). SQLite is the
//! embedded default; PostgreSQL is shared by several processes.

mod invariants;
pub mod postgres;
pub mod sqlite;

/// Fails unless `steps` lists every `.sql` file in `folder` (relative to the crate), in order.
#[cfg(test)]
fn assert_every_migration_listed(folder: &str, steps: &[(&str, &str)]) {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let mut files: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".sql"))
        .collect();
    files.sort();
    let listed: Vec<&str> = steps.iter().map(|(name, _)| *name).collect();
    assert_eq!(files, listed);
}
