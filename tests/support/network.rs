//! A real network over a real SQLite file in a fresh temporary folder, with a manual clock.

use std::path::PathBuf;
use std::time::Duration;

use handshake::network::{
    Connection, GuildId, InviteOutcome, InvitePolicy, LimitsUpdate, ManualClock, MemberId, Network,
    NetworkError, SettingsUpdate, Timestamp,
};
use handshake::store::Store;
use tempfile::TempDir;

/// 2026-01-01T00:00:00Z.
pub const START: Timestamp = Timestamp::from_unix_millis(1_767_225_600_000);
pub const DAY: Duration = Duration::from_secs(24 * 60 * 60);

pub struct TestNetwork {
    pub network: Network,
    pub clock: ManualClock,
    pub path: PathBuf,
    // Dropped last: the folder outlives the connections into it.
    _dir: TempDir,
}

impl TestNetwork {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("network.db");
        let store = Store::open(&path).expect("open store");
        let clock = ManualClock::starting_at(START);
        Self {
            network: Network::new(store, clock.clone()),
            clock,
            path,
            _dir: dir,
        }
    }

    pub fn advance(&self, span: Duration) {
        self.clock.advance(span);
    }

    /// Fails the test if the database breaks any invariant.
    pub async fn assert_sound(&self) {
        let violations = self.network.store().audit().await.expect("audit runs");
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
