//! PostgreSQL, the shared store: one database several bot processes can use, through
//! tokio-postgres with a deadpool pool (chosen over sqlx: the same driver the pool is built for,
//! no compile-time query checking against a live database, and far less to build; prepared
//! statements are cached per connection by the pool's client wrapper).
//!
//! Every operation is one transaction on one pooled connection, awaited on the async runtime
//! (nothing blocks a worker). Writes run at READ COMMITTED under a transaction-scoped advisory
//! lock on their guild (`pg_advisory_xact_lock`), taken in the same round trip as `BEGIN`: all
//! writes to one server are serialized — across processes too — so every rule that reads then
//! writes sees the state it decides on, with no serialization failures to retry; different
//! servers never wait for each other. Reads run at REPEATABLE READ, READ ONLY: one snapshot
//! for all their statements.

mod audit;
mod error;
mod feed;
mod migrations;
mod pipeline;
mod queries;
mod sql_types;
mod tx;

use std::time::Duration;

use async_trait::async_trait;
use deadpool_postgres::{ClientWrapper, Manager, ManagerConfig, Object, Pool, RecyclingMethod};
use futures::future::BoxFuture;
use tokio_postgres::NoTls;

use crate::network::port::{Output, ReadOp, Storage, StoreError, Violation, WriteOp};
use crate::network::{FeedEvent, GuildId, NetworkError};
use pipeline::{Answers, send_now};
pub use tx::PgTx;

/// Connections kept open: a transaction holds one for a few round trips, so a handful serve
/// many interactions; loads and audits take one each for longer.
const POOL_SIZE: usize = 16;

/// How long to wait for the server: at start-up (then the bot says it cannot connect and
/// exits), and for a connection during an outage (then the member is asked to try again).
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// The schema version this binary brings a database to: its number of migrations.
pub const SCHEMA_VERSION: usize = migrations::STEPS.len();

/// A pool of connections to one PostgreSQL database; cheap to clone.
#[derive(Clone)]
pub struct PostgresStore {
    pool: Pool,
    /// For the change feed's own connection (see `feed`).
    config: tokio_postgres::Config,
    /// The channel this schema's writes are announced on.
    channel: String,
}

impl PostgresStore {
    /// Connects to the database at `url` (`postgres://user[:password]@host[:port]/database`),
    /// bringing its schema up to date. Errors name the host and database, never the password.
    pub async fn connect(url: &str) -> Result<PostgresStore, StoreError> {
        let config: tokio_postgres::Config = url.parse().map_err(|_| {
            StoreError::corrupt(
                "DATABASE_URL is not a PostgreSQL URL like postgres://user:password@host:5432/database",
            )
        })?;
        Self::connect_with(config).await
    }

    /// [`PostgresStore::connect`] with a driver configuration (tests set a `search_path`).
    pub async fn connect_with(
        mut config: tokio_postgres::Config,
    ) -> Result<PostgresStore, StoreError> {
        config.connect_timeout(CONNECT_TIMEOUT);
        // A feed connection only listens: without keepalives, a server that vanished without
        // closing it (a network partition) would leave it waiting forever.
        config.keepalives(true);
        config.keepalives_idle(Duration::from_secs(30));
        let place = describe(&config);
        let manager = Manager::from_config(
            config.clone(),
            NoTls,
            ManagerConfig {
                // Checking a connection costs a round trip; a broken one is noticed by the
                // driver and dropped by the pool on its return instead.
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = Pool::builder(manager)
            .max_size(POOL_SIZE)
            .runtime(deadpool_postgres::Runtime::Tokio1)
            .wait_timeout(Some(CONNECT_TIMEOUT))
            .create_timeout(Some(CONNECT_TIMEOUT))
            .build()
            .map_err(|e| StoreError::new("could not set up the PostgreSQL pool", e))?;
        let unreachable =
            |e| StoreError::new(format!("could not connect to PostgreSQL at {place}"), e);
        let mut client = pool.get().await.map_err(unreachable)?;
        migrations::migrate(&mut client).await?;
        let schema: String = client
            .query_one("SELECT current_schema()", &[])
            .await?
            .try_get(0)?;
        Ok(PostgresStore {
            pool,
            config,
            channel: feed::channel(&schema),
        })
    }

    /// Runs `op` in one transaction begun with `begin`: committed if it returns `Ok`, rolled
    /// back otherwise.
    ///
    /// Round trips are most of what a transaction costs here, so the `BEGIN` is not waited
    /// for: it is sent, the operation's first statement follows it down the same connection,
    /// and the server runs them in order. Its answer is checked before the end. (A `BEGIN`
    /// that failed leaves the connection broken or its transaction aborted, so none of the
    /// operation's statements can have run outside it.) A read's `COMMIT` is sent and not
    /// waited for either: it only ends a snapshot, and the connection's next user queues
    /// behind it.
    async fn run<F>(&self, begin: &str, access: Access, op: F) -> Result<Output, NetworkError>
    where
        F: for<'t> FnOnce(&'t mut PgTx<'_>) -> BoxFuture<'t, Result<Output, NetworkError>>,
    {
        let mut session = Session::new(self.pool.get().await.map_err(StoreError::from)?);
        let result = {
            let client = session.client();
            let mut begun = Box::pin(client.batch_execute(begin));
            let early = send_now(&mut begun).await;
            let mut tx = PgTx::new(client);
            let result = op(&mut tx).await;
            // The writes still queued go down with the COMMIT: one round trip for both.
            let (result, queued) = match result {
                Ok(output) => match tx.send_queued().await {
                    Ok(queued) => (Ok(output), queued),
                    Err(error) => (Err(error.into()), Answers::default()),
                },
                Err(error) => (Err(error), Answers::default()),
            };
            match early {
                Some(answer) => answer,
                None => begun.await,
            }
            .map_err(StoreError::from)?;
            let end = if result.is_ok() { "COMMIT" } else { "ROLLBACK" };
            let mut ended = Box::pin(client.batch_execute(end));
            match access {
                Access::ReadWrite => {
                    let sent = send_now(&mut ended).await;
                    // A failed statement aborted the transaction, and the server then answers
                    // `COMMIT` with a rollback, not an error: the failure is the answer to look at.
                    queued.checked().await?;
                    match sent {
                        Some(answer) => answer,
                        None => ended.await,
                    }
                    .map_err(StoreError::from)?;
                }
                Access::ReadOnly => {
                    drop(queued);
                    if let Some(answer) = send_now(&mut ended).await {
                        answer.map_err(StoreError::from)?;
                    }
                }
            }
            result
        };
        session.ended();
        result
    }
}

/// Whether a transaction writes (its end must be confirmed) or only reads.
#[derive(Clone, Copy)]
enum Access {
    ReadWrite,
    ReadOnly,
}

/// A pooled connection inside a transaction. If it is dropped before the transaction ended (a
/// failed round trip, a panic), the connection is closed rather than returned to the pool,
/// which makes the server roll the transaction back.
struct Session {
    client: Option<Object>,
    in_transaction: bool,
}

impl Session {
    fn new(client: Object) -> Self {
        Self {
            client: Some(client),
            in_transaction: true,
        }
    }

    fn client(&self) -> &ClientWrapper {
        self.client
            .as_ref()
            .expect("a session keeps its client until dropped")
    }

    fn ended(&mut self) {
        self.in_transaction = false;
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if self.in_transaction
            && let Some(client) = self.client.take()
        {
            drop(Object::take(client));
        }
    }
}

#[async_trait]
impl Storage for PostgresStore {
    async fn write(&self, guild: GuildId, op: WriteOp) -> Result<Output, NetworkError> {
        // The guild id is a number the type guarantees, so formatting it into the statement is
        // safe; it saves the lock its own round trip.
        let begin = format!(
            "BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_advisory_xact_lock({})",
            guild.get() as i64
        );
        self.run(&begin, Access::ReadWrite, |tx| op(tx)).await
    }

    async fn read(&self, op: ReadOp) -> Result<Output, NetworkError> {
        self.run(
            "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY",
            Access::ReadOnly,
            |tx| op(tx),
        )
        .await
    }

    async fn read_long(&self, op: ReadOp) -> Result<Output, NetworkError> {
        self.read(op).await
    }

    async fn audit(&self) -> Result<Vec<Violation>, StoreError> {
        let client = self.pool.get().await?;
        audit::run(&client).await
    }

    async fn maintain(&self) -> Result<(), StoreError> {
        // The planner's statistics for this schema's tables. autovacuum refreshes them where
        // it runs, but it can be off (it is on the machines this is developed on), and then a
        // statement first prepared while a table was nearly empty keeps its sequential-scan
        // plan on every pooled connection as the table grows: a profile lookup measured 2 ms
        // at 30,000 profiles. ANALYZE samples, so it stays cheap, and it makes every
        // connection plan its statements afresh.
        let client = self.pool.get().await?;
        let tables: Vec<String> = client
            .query(
                "SELECT format('%I.%I', schemaname, relname) FROM pg_stat_user_tables
                  WHERE schemaname = current_schema() ORDER BY relname",
                &[],
            )
            .await?
            .iter()
            .map(|row| row.try_get(0))
            .collect::<Result<_, _>>()?;
        if !tables.is_empty() {
            client
                .batch_execute(&format!("ANALYZE {}", tables.join(", ")))
                .await?;
        }
        Ok(())
    }

    fn kind(&self) -> &'static str {
        "postgres"
    }

    fn follow(&self) -> Option<tokio::sync::mpsc::Receiver<FeedEvent>> {
        let (events, feed) = tokio::sync::mpsc::channel(feed::BACKLOG);
        tokio::spawn(feed::listen(
            self.config.clone(),
            self.channel.clone(),
            events,
        ));
        Some(feed)
    }
}

/// `host:port/database` for messages: never the user's password.
fn describe(config: &tokio_postgres::Config) -> String {
    let host = match config.get_hosts().first() {
        Some(tokio_postgres::config::Host::Tcp(host)) => host.clone(),
        #[cfg(unix)]
        Some(tokio_postgres::config::Host::Unix(path)) => path.display().to_string(),
        None => "localhost".to_owned(),
    };
    let port = config.get_ports().first().copied().unwrap_or(5432);
    let database = config.get_dbname().unwrap_or("(default database)");
    format!("{host}:{port}/{database}")
}
