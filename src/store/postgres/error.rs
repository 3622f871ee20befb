//! How PostgreSQL's errors become the port's opaque [`StoreError`].

use crate::network::port::StoreError;

impl From<tokio_postgres::Error> for StoreError {
    fn from(source: tokio_postgres::Error) -> Self {
        Self::new("database query failed", source)
    }
}

impl From<deadpool_postgres::PoolError> for StoreError {
    fn from(source: deadpool_postgres::PoolError) -> Self {
        Self::new("no database connection available", source)
    }
}
