use std::borrow::Cow;
use std::error::Error;
use std::path::Path;

/// A failure of the database layer. Opaque on purpose: callers above the store only need to
/// know that it failed (and log the chain of causes), never which SQLite call it was.
#[derive(Debug, thiserror::Error)]
#[error("{context}")]
pub struct StoreError {
    context: Cow<'static, str>,
    #[source]
    source: Option<Box<dyn Error + Send + Sync + 'static>>,
}

impl StoreError {
    pub(crate) fn new(
        context: impl Into<Cow<'static, str>>,
        source: impl Into<Box<dyn Error + Send + Sync + 'static>>,
    ) -> Self {
        Self {
            context: context.into(),
            source: Some(source.into()),
        }
    }

    pub(crate) fn corrupt(what: impl Into<Cow<'static, str>>) -> Self {
        Self {
            context: what.into(),
            source: None,
        }
    }

    pub(crate) fn at_path(
        what: &str,
        path: &Path,
        source: impl Into<Box<dyn Error + Send + Sync + 'static>>,
    ) -> Self {
        Self::new(format!("{what} {}", path.display()), source)
    }

    pub(crate) fn task(join: tokio::task::JoinError) -> Self {
        Self::new("database task failed", join)
    }
}

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
