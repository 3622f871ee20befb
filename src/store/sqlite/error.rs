//! How SQLite's errors become the port's opaque [`StoreError`].

use std::error::Error;
use std::path::Path;

use crate::network::port::StoreError;

impl From<rusqlite::Error> for StoreError {
    fn from(source: rusqlite::Error) -> Self {
        Self::new("database query failed", source)
    }
}

impl From<r2d2::Error> for StoreError {
    fn from(source: r2d2::Error) -> Self {
        Self::new("no database connection available", source)
    }
}

/// A failure about a file, naming it.
pub(super) fn at_path(
    what: &str,
    path: &Path,
    source: impl Into<Box<dyn Error + Send + Sync + 'static>>,
) -> StoreError {
    StoreError::new(format!("{what} {}", path.display()), source)
}
