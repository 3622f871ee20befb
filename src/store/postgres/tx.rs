//! The transaction the port's traits are implemented on: one pooled connection, inside a
//! transaction the store began. Its queries are inherent async methods (by table, in
//! `queries/`); the port's traits forward to them (`delegate!`). Statements are prepared once
//! per connection (deadpool's statement cache) and reused. Writes whose answer nobody reads
//! are queued ([`PgTx::queue`]) and pipelined ahead of the next statement that needs an answer,
//! or of the `COMMIT` (see `pipeline`).

use deadpool_postgres::ClientWrapper;
use futures::TryStreamExt;
use tokio_postgres::Row;
use tokio_postgres::types::ToSql;

use super::pipeline::{Answers, OwnedParams, Queue};
use crate::network::GuildId;
use crate::network::port::{StoreError, delegate};

pub struct PgTx<'c> {
    client: &'c ClientWrapper,
    queued: Queue,
    /// A question already sent whose answer is read later (see
    /// `PgTx::request_last_change`): the guild it is about, and the answer to come.
    pub(super) prefetched: std::sync::Mutex<Option<(GuildId, PendingRow<'c>)>>,
}

/// The answer to a query already sent, yielding at most one row.
pub(super) type PendingRow<'c> =
    std::pin::Pin<Box<dyn Future<Output = Result<Option<Row>, tokio_postgres::Error>> + Send + 'c>>;

/// A statement's parameters.
pub(super) type Params<'p> = &'p [&'p (dyn ToSql + Sync)];

impl<'c> PgTx<'c> {
    pub(super) fn new(client: &'c ClientWrapper) -> Self {
        Self {
            client,
            queued: Queue::default(),
            prefetched: std::sync::Mutex::new(None),
        }
    }

    /// Queues a statement that changes rows and whose answer the rules do not need: it is sent
    /// with the next statement that needs one, or with the `COMMIT`, and a failure fails the
    /// operation there.
    pub(super) fn queue(&self, sql: &'static str, params: OwnedParams) {
        self.queued.push(sql, params);
    }

    /// Sends the queued statements; their answers are checked through what this returns.
    pub(super) async fn send_queued(&self) -> Result<Answers<'c>, StoreError> {
        self.queued.send(self.client).await
    }

    /// Runs `statement` after the queued statements, sent in the same round trip. A queued
    /// statement's failure is reported before the statement's own (it aborted the transaction,
    /// which is why the statement failed).
    async fn after_queued<T>(
        &self,
        statement: impl Future<Output = Result<T, tokio_postgres::Error>>,
    ) -> Result<T, StoreError> {
        let earlier = self.send_queued().await?;
        let answer = statement.await;
        earlier.checked().await?;
        Ok(answer?)
    }

    /// Sends a query yielding at most one row now, after the queued statements, and returns
    /// its answer to come: what is sent next on the connection runs after it.
    pub(super) async fn send_one(
        &self,
        sql: &str,
        params: OwnedParams,
    ) -> Result<PendingRow<'c>, StoreError> {
        let earlier = self.send_queued().await?;
        let statement = self.client.prepare_cached(sql).await?;
        let client = self.client;
        let mut answer: PendingRow<'c> = Box::pin(async move {
            let rows = client.query_raw(&statement, params).await?;
            futures::pin_mut!(rows);
            let first = rows.try_next().await?;
            // Drain, so the statement's completion is read before the next one's answer.
            while rows.try_next().await?.is_some() {}
            Ok(first)
        });
        match super::pipeline::send_now(&mut answer).await {
            Some(Err(error)) => return Err(error.into()),
            // Answered at once: the future is spent, its answer kept.
            Some(Ok(row)) => answer = Box::pin(std::future::ready(Ok(row))),
            None => {}
        }
        earlier.checked().await?;
        Ok(answer)
    }

    /// Runs a query that yields at most one row.
    pub(super) async fn one<T>(
        &self,
        sql: &str,
        params: Params<'_>,
        map: impl FnOnce(&Row) -> Result<T, tokio_postgres::Error>,
    ) -> Result<Option<T>, StoreError> {
        let statement = self.client.prepare_cached(sql).await?;
        match self
            .after_queued(self.client.query_opt(&statement, params))
            .await?
        {
            Some(row) => Ok(Some(map(&row)?)),
            None => Ok(None),
        }
    }

    /// Runs a query and collects every row.
    pub(super) async fn all<T>(
        &self,
        sql: &str,
        params: Params<'_>,
        map: impl FnMut(&Row) -> Result<T, tokio_postgres::Error>,
    ) -> Result<Vec<T>, StoreError> {
        let statement = self.client.prepare_cached(sql).await?;
        let rows = self
            .after_queued(self.client.query(&statement, params))
            .await?;
        Ok(rows.iter().map(map).collect::<Result<_, _>>()?)
    }

    /// Runs a query and collects every row, reading rows as they arrive rather than holding
    /// them all first: for a whole server's names (a million rows), whose driver rows would
    /// take several times the memory of the values kept.
    pub(super) async fn all_streamed<T>(
        &self,
        sql: &str,
        params: Params<'_>,
        mut map: impl FnMut(&Row) -> Result<T, tokio_postgres::Error>,
    ) -> Result<Vec<T>, StoreError> {
        let mut all = Vec::new();
        self.each_row(sql, params, |row| {
            all.push(map(row)?);
            Ok(())
        })
        .await?;
        Ok(all)
    }

    /// Runs a query and hands each row to `each` as it arrives.
    pub(super) async fn each_row(
        &self,
        sql: &str,
        params: Params<'_>,
        mut each: impl FnMut(&Row) -> Result<(), tokio_postgres::Error>,
    ) -> Result<(), StoreError> {
        let statement = self.client.prepare_cached(sql).await?;
        let rows = self
            .after_queued(self.client.query_raw(&statement, params.iter().copied()))
            .await?;
        futures::pin_mut!(rows);
        while let Some(row) = rows.try_next().await? {
            each(&row)?;
        }
        Ok(())
    }

    /// A `count(*)`-like query's single number.
    pub(super) async fn count(&self, sql: &str, params: Params<'_>) -> Result<u32, StoreError> {
        let count = self
            .one(sql, params, |row| row.try_get::<_, i64>(0))
            .await?;
        Ok(count.map_or(0, |n| u32::try_from(n).unwrap_or(u32::MAX)))
    }

    /// Whether a query yields any row.
    pub(super) async fn exists(&self, sql: &str, params: Params<'_>) -> Result<bool, StoreError> {
        Ok(self.one(sql, params, |_| Ok(())).await?.is_some())
    }

    /// Runs a statement that changes rows; returns how many.
    pub(super) async fn change(&self, sql: &str, params: Params<'_>) -> Result<u64, StoreError> {
        let statement = self.client.prepare_cached(sql).await?;
        self.after_queued(self.client.execute(&statement, params))
            .await
    }

    /// A repeatable-read transaction takes its snapshot at its first statement: run one.
    pub async fn pin_snapshot(&self) -> Result<(), StoreError> {
        self.exists("SELECT 1", &[]).await.map(drop)
    }
}

delegate!(async PgTx<'_>);
