//! Pipelining: sending statements down a connection without waiting for each answer.
//!
//! On loopback a round trip costs far more than the statements most operations run, so a write
//! transaction's statements whose answers the rules do not need (inserts, deletes whose count
//! nobody reads) are queued, and sent together just ahead of the next statement that needs an
//! answer, or of the `COMMIT`. The server runs them in the order they arrive; the first failure
//! aborts the transaction, and is the error the operation reports.

use std::future::Future;
use std::pin::Pin;
use std::sync::Mutex;
use std::task::Poll;

use deadpool_postgres::ClientWrapper;
use tokio_postgres::types::ToSql;

use crate::network::port::StoreError;

/// A statement's parameters, owned: a queued statement outlives the call that queued it.
pub(super) type OwnedParams = Vec<Box<dyn ToSql + Sync + Send>>;

/// Owned parameters from a list of values.
macro_rules! owned {
    ($($value:expr),* $(,)?) => {
        vec![$(Box::new($value) as Box<dyn tokio_postgres::types::ToSql + Sync + Send>),*]
    };
}
pub(super) use owned;

/// Statements waiting to be sent, in the order they were queued.
#[derive(Default)]
pub(super) struct Queue {
    statements: Mutex<Vec<(&'static str, OwnedParams)>>,
}

impl Queue {
    pub(super) fn push(&self, sql: &'static str, params: OwnedParams) {
        self.lock().push((sql, params));
    }

    /// Sends every queued statement, in order; the answers are awaited through the returned
    /// [`Answers`]. Whatever is sent on the connection afterwards runs after them.
    pub(super) async fn send<'c>(
        &self,
        client: &'c ClientWrapper,
    ) -> Result<Answers<'c>, StoreError> {
        let queued = std::mem::take(&mut *self.lock());
        let mut answers = Answers::default();
        for (sql, params) in queued {
            let statement = client.prepare_cached(sql).await?;
            let mut answer: PendingAnswer<'c> =
                Box::pin(async move { client.execute_raw(&statement, params).await });
            match send_now(&mut answer).await {
                Some(Err(error)) => return Err(error.into()),
                Some(Ok(_)) => {}
                None => answers.pending.push(answer),
            }
        }
        Ok(answers)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<(&'static str, OwnedParams)>> {
        // Only this transaction's task touches the queue; a poisoned lock means a panic
        // already ended the operation, and its transaction with it.
        self.statements
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

type PendingAnswer<'c> =
    Pin<Box<dyn Future<Output = Result<u64, tokio_postgres::Error>> + Send + 'c>>;

/// The answers still to come for statements already sent.
#[derive(Default)]
#[must_use = "a sent statement's failure is only known from its answer"]
pub(super) struct Answers<'c> {
    pending: Vec<PendingAnswer<'c>>,
}

impl Answers<'_> {
    /// Waits for every answer; the first failure, if any (it aborted the transaction, so
    /// whatever failed after it failed because of it).
    pub(super) async fn checked(self) -> Result<(), StoreError> {
        let mut first_failure = None;
        for answer in self.pending {
            if let Err(error) = answer.await {
                first_failure.get_or_insert(error);
            }
        }
        first_failure.map_or(Ok(()), |error| Err(error.into()))
    }
}

/// Polls a request's future once, which puts the request on the connection (tokio-postgres
/// hands it to the connection task on the first poll); its answer if it came at once, `None`
/// if it is still to come.
pub(super) async fn send_now<F: Future + Unpin>(request: &mut F) -> Option<F::Output> {
    std::future::poll_fn(|cx| match Pin::new(&mut *request).poll(cx) {
        Poll::Ready(answer) => Poll::Ready(Some(answer)),
        Poll::Pending => Poll::Ready(None),
    })
    .await
}
