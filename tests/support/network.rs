//! A real network over a real database with a manual clock: an SQLite file in a fresh
//! temporary folder, or, when `TEST_DATABASE_URL` names a PostgreSQL server, a fresh schema
//! there (dropped afterwards). `on_both_stores!` instantiates a test once per store.

use std::io::Write;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use handshake::network::{
    Connection, GuildId, InviteOutcome, InvitePolicy, LimitsUpdate, ManualClock, MemberId, Network,
    NetworkError, SettingsUpdate, Timestamp,
};
use handshake::store::postgres::PostgresStore;
use handshake::store::sqlite::SqliteStore;
use tempfile::TempDir;

/// 2026-01-01T00:00:00Z.
pub const START: Timestamp = Timestamp::from_unix_millis(1_767_225_600_000);
pub const DAY: Duration = Duration::from_secs(24 * 60 * 60);

/// Instantiates each named test once per store: `async fn name(t: &TestNetwork)` becomes the
/// tests `sqlite::name` and `postgres::name`. After each, the database must pass its audit and
/// every server in memory must equal what the database holds. The PostgreSQL half runs when
/// `TEST_DATABASE_URL` is set (CI always sets it), and says once that it did not run otherwise.
#[macro_export]
macro_rules! on_both_stores {
    ($($test:ident),+ $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $test() {
                    let t = $crate::support::network::TestNetwork::sqlite();
                    super::$test(&t).await;
                    t.assert_in_step().await;
                }
            )+
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $test() {
                    if let Some(t) = $crate::support::network::TestNetwork::postgres().await {
                        super::$test(&t).await;
                        t.assert_in_step().await;
                    }
                }
            )+
        }
    };
}

/// Where a test's database lives.
enum Place {
    Sqlite {
        path: PathBuf,
        // Dropped last: the folder outlives the connections into it.
        _dir: TempDir,
    },
    Postgres(TestSchema),
}

pub struct TestNetwork {
    pub network: Network,
    pub clock: ManualClock,
    place: Place,
}

impl TestNetwork {
    /// On SQLite (every test binary can run these).
    pub fn new() -> Self {
        Self::sqlite()
    }

    pub fn sqlite() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("network.db");
        let store = SqliteStore::open(&path).expect("open store");
        let clock = ManualClock::starting_at(START);
        Self {
            network: Network::new(store, clock.clone()),
            clock,
            place: Place::Sqlite { path, _dir: dir },
        }
    }

    /// On a fresh schema of `TEST_DATABASE_URL`'s database, or `None` (said once) without it.
    pub async fn postgres() -> Option<Self> {
        let schema = TestSchema::create().await?;
        let store = PostgresStore::connect_with(schema.config())
            .await
            .expect("connect to the test schema");
        let clock = ManualClock::starting_at(START);
        Some(Self {
            network: Network::new(store, clock.clone()),
            clock,
            place: Place::Postgres(schema),
        })
    }

    /// Which store this is: "sqlite" or "postgres".
    pub fn kind(&self) -> &'static str {
        self.network.storage().kind()
    }

    /// The SQLite file, for tests about SQLite itself.
    pub fn sqlite_path(&self) -> &PathBuf {
        match &self.place {
            Place::Sqlite { path, .. } => path,
            Place::Postgres(_) => panic!("an SQLite test ran on PostgreSQL"),
        }
    }

    /// The PostgreSQL schema, for tests about PostgreSQL itself.
    pub fn pg_schema(&self) -> &TestSchema {
        match &self.place {
            Place::Postgres(schema) => schema,
            Place::Sqlite { .. } => panic!("a PostgreSQL test ran on SQLite"),
        }
    }

    /// A second network over the same database, with nothing in memory yet: what a restarted
    /// process would load.
    pub async fn reopen(&self) -> Network {
        let clock = self.clock.clone();
        match &self.place {
            Place::Sqlite { path, .. } => {
                let path = path.clone();
                let store = tokio::task::spawn_blocking(move || SqliteStore::open(&path))
                    .await
                    .unwrap()
                    .expect("reopen the file");
                Network::new(store, clock)
            }
            Place::Postgres(schema) => {
                let store = PostgresStore::connect_with(schema.config())
                    .await
                    .expect("reconnect");
                Network::new(store, clock)
            }
        }
    }

    /// Fails the test if the database breaks an invariant or memory differs from it.
    pub async fn assert_in_step(&self) {
        self.assert_sound().await;
        let drift = self
            .network
            .memory_differences()
            .await
            .expect("memory can be compared");
        assert!(
            drift.is_empty(),
            "memory drifted from the database: {drift:#?}"
        );
    }

    pub fn advance(&self, span: Duration) {
        self.clock.advance(span);
    }

    /// Fails the test if the database breaks any invariant.
    pub async fn assert_sound(&self) {
        let violations = self.network.storage().audit().await.expect("audit runs");
        assert!(violations.is_empty(), "invariants broken: {violations:#?}");
    }

    /// Sets who may invite `member`.
    pub async fn set_policy(&self, guild: GuildId, member: MemberId, policy: InvitePolicy) {
        self.network
            .update_settings(
                guild,
                member,
                SettingsUpdate {
                    invite_policy: Some(policy),
                    ..Default::default()
                },
            )
            .await
            .expect("set the invitation policy");
    }

    pub async fn set_cap(&self, guild: GuildId, cap: u32) {
        self.network
            .update_limits(
                guild,
                LimitsUpdate {
                    connection_cap: Some(cap),
                    ..Default::default()
                },
            )
            .await
            .expect("set cap");
    }

    /// `a` invites `b` and `b` accepts.
    pub async fn connect(&self, guild: GuildId, a: MemberId, b: MemberId) -> Connection {
        let sent = self
            .network
            .invite(guild, a, b, None)
            .await
            .expect("invite");
        assert!(matches!(sent, InviteOutcome::Sent { .. }), "{sent:?}");
        self.network.accept(guild, b, a).await.expect("accept")
    }
}

pub fn guild(n: u64) -> GuildId {
    GuildId::new(n).unwrap()
}

pub fn member(n: u64) -> MemberId {
    MemberId::new(n).unwrap()
}

pub const G: u64 = 900_000_000_000_000_001;

/// The usual server of a test.
pub fn g() -> GuildId {
    guild(G)
}

/// A short name for an error's kind, for assertions on refusals.
pub fn is_not_invitable(result: &Result<InviteOutcome, NetworkError>) -> bool {
    matches!(result, Err(NetworkError::NotInvitable))
}

/// Tells whoever runs the tests that the PostgreSQL half did not run: once per `cargo test`,
/// though each test binary finds it out. The binaries of one run share their parent (cargo),
/// so the first to create a marker named after it says it.
fn say_once_per_run_that_postgres_did_not_run() {
    static SAID: OnceLock<()> = OnceLock::new();
    SAID.get_or_init(|| {
        let marker = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
            "postgres-half-not-run-{}",
            std::os::unix::process::parent_id()
        ));
        let first = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&marker)
            .is_ok();
        if first {
            // Straight to stderr: the test harness captures print!/eprint! output.
            let _ = writeln!(
                std::io::stderr(),
                "note: the PostgreSQL half of the tests did not run (set TEST_DATABASE_URL to run it)"
            );
        }
    });
}

/// A schema of its own in the PostgreSQL database `TEST_DATABASE_URL` names, for one test;
/// dropped with everything in it when the test ends.
pub struct TestSchema {
    url: String,
    name: String,
}

impl TestSchema {
    /// `None`, said once per `cargo test` run, when `TEST_DATABASE_URL` is not set. Set but
    /// unreachable fails the test: whoever set it wants these tests to run.
    pub async fn create() -> Option<Self> {
        let Some(url) = std::env::var("TEST_DATABASE_URL")
            .ok()
            .filter(|u| !u.trim().is_empty())
        else {
            say_once_per_run_that_postgres_did_not_run();
            return None;
        };
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let name = format!(
            "test_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let client = admin(&url).await;
        client
            .batch_execute(&format!("CREATE SCHEMA {name}"))
            .await
            .expect("create the test schema");
        Some(Self { url, name })
    }

    /// The driver's settings for connections that work in this schema.
    pub fn config(&self) -> tokio_postgres::Config {
        let mut config: tokio_postgres::Config = self
            .url
            .parse()
            .expect("TEST_DATABASE_URL is a PostgreSQL URL");
        config.options(format!("-c search_path={}", self.name));
        // So that a test can find (and cut) this schema's connections.
        config.application_name(&self.name);
        config
    }

    /// A `DATABASE_URL` for a bot process working in this schema (its connections findable,
    /// like [`TestSchema::config`]'s, by application name).
    pub fn url(&self) -> String {
        let separator = if self.url.contains('?') { '&' } else { '?' };
        format!(
            "{}{separator}options=-c%20search_path%3D{name}&application_name={name}",
            self.url,
            name = self.name
        )
    }

    /// Ends the change feeds' connections (those listening for this schema's writes), as a
    /// network fault that spares the pools would; how many were ended.
    pub async fn terminate_feeds(&self) -> u64 {
        admin(&self.url)
            .await
            .query(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                  WHERE application_name = $1 AND query LIKE 'LISTEN%'",
                &[&self.name],
            )
            .await
            .expect("terminate the test's feeds")
            .len() as u64
    }

    /// Ends every connection opened with [`TestSchema::config`], as a database restart would.
    pub async fn terminate_connections(&self) -> u64 {
        admin(&self.url)
            .await
            .query(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1",
                &[&self.name],
            )
            .await
            .expect("terminate the test's connections")
            .len() as u64
    }
}

impl Drop for TestSchema {
    fn drop(&mut self) {
        let (url, name) = (self.url.clone(), self.name.clone());
        // Drop cannot await; a thread with a runtime of its own can.
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async {
                let admin = admin(&url).await;
                // The test's own connections may still be open (their tasks run on the test's
                // runtime, which waits here), one of them perhaps inside a transaction that
                // would hold up the drop: end them first.
                admin
                    .execute(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                          WHERE application_name = $1",
                        &[&name],
                    )
                    .await?;
                admin
                    .batch_execute(&format!("DROP SCHEMA IF EXISTS {name} CASCADE"))
                    .await
            })
        })
        .join();
        if !matches!(dropped, Ok(Ok(()))) && !std::thread::panicking() {
            panic!("could not drop the test schema: {dropped:?}");
        }
    }
}

/// A plain connection to the test database, for creating and dropping schemas.
async fn admin(url: &str) -> tokio_postgres::Client {
    let (client, connection) = tokio_postgres::connect(url, tokio_postgres::NoTls)
        .await
        .unwrap_or_else(|e| panic!("TEST_DATABASE_URL is set but PostgreSQL is unreachable: {e}"));
    tokio::spawn(connection);
    client
}
