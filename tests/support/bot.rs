//! The real bot (the library's `serve` entry, the serenity client and all) connected to the fake
//! Discord, over a real SQLite file whose Network the test shares for set-up and assertions.

use std::path::PathBuf;
use std::time::Duration;

use axum::http::Method;
use handshake::bot::{self, BotError};
use handshake::config::BotConfig;
use handshake::network::{GuildId, MemberId, Network, SystemClock};
use handshake::store::sqlite::SqliteStore;
use serde_json::Value;
use tempfile::TempDir;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use super::discord::{FakeDiscord, Recorded};
use super::discord_json::{self as dj, ClickedIn, Person};

pub const TEST_TOKEN: &str = "fake.bot-token.used-only-against-the-fake-discord";

pub struct TestBot {
    pub discord: FakeDiscord,
    /// The same database the bot uses, for assertions and set-up.
    pub network: Network,
    pub path: PathBuf,
    /// The bulk overwrite the bot made at start-up.
    pub registration: Recorded,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<Result<(), BotError>>>,
    _dir: TempDir,
}

impl TestBot {
    /// Starts the bot with commands registered globally.
    pub async fn start() -> Self {
        Self::start_with(&[]).await
    }

    /// Starts the bot with extra settings (e.g. `DISCORD_GUILD_ID`).
    pub async fn start_with(extra: &[(&str, String)]) -> Self {
        // HANDSHAKE_TEST_LOG=debug shows the bot's logs while debugging a test.
        if let Ok(level) = std::env::var("HANDSHAKE_TEST_LOG") {
            let _ = tracing_subscriber::fmt()
                .with_env_filter(handshake::logging::filter(Some(&level)))
                .try_init();
        }
        let discord = FakeDiscord::start().await;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bot.db");
        let mut settings: Vec<(String, String)> = vec![
            ("DISCORD_TOKEN".into(), TEST_TOKEN.into()),
            ("DISCORD_PROXY_URL".into(), discord.base_url()),
            ("DATABASE_PATH".into(), path.display().to_string()),
        ];
        settings.extend(extra.iter().map(|(k, v)| (k.to_string(), v.clone())));
        let config = BotConfig::from_lookup(|name| {
            settings
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        })
        .expect("test settings are valid");
        // The bot and the test share one Network: the network keeps per-server state in memory
        // beside the database, and a database belongs to one Network (as in production, where
        // `run` opens it). The binary's own `run` is exercised by tests/bot_process.rs.
        let store_path = path.clone();
        let store = tokio::task::spawn_blocking(move || SqliteStore::open(&store_path))
            .await
            .unwrap()
            .unwrap();
        let network = Network::new(store, SystemClock);
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(bot::serve(config, network.clone(), async move {
            let _ = stopped.await;
        }));
        let registration = discord
            .wait_for(0, "the command registration", |r| {
                r.method == Method::PUT && r.path.ends_with("/commands")
            })
            .await;
        Self {
            discord,
            network,
            path,
            registration,
            stop: Some(stop),
            task: Some(task),
            _dir: dir,
        }
    }

    /// Stops the bot and checks it shut down cleanly and sent only valid bodies.
    pub async fn stop(mut self) {
        self.discord.assert_all_valid();
        let _ = self.stop.take().unwrap().send(());
        let task = self.task.take().unwrap();
        let result = tokio::time::timeout(Duration::from_secs(10), task)
            .await
            .expect("the bot stops within 10 s of the shutdown signal")
            .expect("the bot task did not panic");
        assert!(result.is_ok(), "the bot stopped with an error: {result:?}");
    }

    pub fn guild() -> GuildId {
        GuildId::new(dj::GUILD_ID).unwrap()
    }

    pub fn id(person: &Person) -> MemberId {
        MemberId::new(person.id).unwrap()
    }

    /// Requests recorded since position `from`, other than the given callback.
    pub fn requests_since(&self, from: usize) -> Vec<Recorded> {
        self.discord.requests().into_iter().skip(from).collect()
    }

    /// Gives a bot that just answered time to send anything it sends after replying (DMs,
    /// follow-ups), then returns everything it sent since `from`.
    pub async fn settle(&self, from: usize) -> Vec<Recorded> {
        tokio::time::sleep(Duration::from_millis(300)).await;
        self.requests_since(from)
    }

    pub fn interaction_id(&self) -> u64 {
        self.discord.next_id()
    }

    /// `clicker` clicks the component `custom_id` on `message`, in a server or a DM; returns
    /// the bot's callback and the position to read later requests from.
    pub async fn click(
        &self,
        token: &str,
        clicker: &Person,
        custom_id: &str,
        message: Value,
        place: ClickedIn,
    ) -> (Recorded, usize) {
        let click = dj::button_click(
            self.interaction_id(),
            token,
            clicker,
            custom_id,
            message,
            place,
        );
        self.discord.interact(click).await
    }
}

/// The `data` of an interaction callback.
pub fn callback_data(callback: &Recorded) -> &Value {
    &callback.body["data"]
}

/// The custom ids of the buttons in a message body (callback data or message).
pub fn button_ids(message: &Value) -> Vec<String> {
    message["components"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
        .filter_map(|c| c["custom_id"].as_str().map(str::to_owned))
        .collect()
}

/// Asserts the callback is an ephemeral new message that pings nobody, and returns its text.
pub fn ephemeral_text(callback: &Recorded) -> String {
    let body = &callback.body;
    assert_eq!(body["type"], 4, "a new message: {body:#}");
    assert_eq!(body["data"]["flags"], 64, "ephemeral: {body:#}");
    assert_eq!(
        body["data"]["allowed_mentions"]["parse"],
        serde_json::json!([]),
        "no pings: {body:#}"
    );
    body["data"]["content"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// Asserts the callback updates the clicked message in place, and returns its text.
pub fn updated_text(callback: &Recorded) -> String {
    let body = &callback.body;
    assert_eq!(
        body["type"], 7,
        "an update of the clicked message: {body:#}"
    );
    assert_eq!(
        body["data"]["allowed_mentions"]["parse"],
        serde_json::json!([]),
        "no pings: {body:#}"
    );
    body["data"]["content"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// The message a button click comes from: the bot's ephemeral reply, as Discord would attach it.
pub fn reply_message(callback: &Recorded) -> Value {
    dj::message(
        1_650_000_000_000_000_001,
        dj::CHANNEL_ID,
        callback.body["data"]["content"].as_str().unwrap_or(""),
        callback.body["data"]["components"].clone(),
        64,
    )
}

/// Whether a request could reach someone other than the person who acted.
pub fn reaches_others(request: &Recorded) -> bool {
    request.path == "/users/@me/channels"
        || request.path.starts_with("/channels/")
        || request.path.starts_with("/guilds/")
}

/// The options of the first select menu in a message body: (label, value).
pub fn menu_options(message: &Value) -> Vec<(String, String)> {
    message["components"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
        .filter(|c| c["type"] == 3)
        .flat_map(|menu| menu["options"].as_array().cloned().unwrap_or_default())
        .map(|o| {
            (
                o["label"].as_str().unwrap_or_default().to_owned(),
                o["value"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

/// The custom id of the first select menu in a message body.
pub fn menu_id(message: &Value) -> String {
    message["components"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
        .find(|c| c["type"] == 3)
        .and_then(|menu| menu["custom_id"].as_str().map(str::to_owned))
        .expect("a select menu")
}

/// The buttons of a message body: (label, custom id, disabled).
pub fn buttons(message: &Value) -> Vec<(String, String, bool)> {
    message["components"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
        .filter(|c| c["type"] == 2)
        .map(|b| {
            (
                b["label"].as_str().unwrap_or_default().to_owned(),
                b["custom_id"].as_str().unwrap_or_default().to_owned(),
                b["disabled"].as_bool().unwrap_or(false),
            )
        })
        .collect()
}

/// The button with this label.
pub fn button(message: &Value, label: &str) -> String {
    buttons(message)
        .into_iter()
        .find(|(l, _, _)| l == label)
        .unwrap_or_else(|| panic!("no button {label:?} in {message:#}"))
        .1
}

impl TestBot {
    /// `a` invites `b` and `b` accepts, straight through the network (no Discord traffic), with
    /// both names recorded as the bot would have seen them.
    pub async fn connect(&self, a: &Person, b: &Person) {
        let g = Self::guild();
        for p in [a, b] {
            let names = handshake::network::MemberNames {
                display_name: p.display_name(),
                username: p.username.clone(),
            };
            self.network
                .see_member(g, Self::id(p), names)
                .await
                .unwrap();
        }
        self.network
            .invite(g, Self::id(a), Self::id(b), None)
            .await
            .unwrap();
        self.network
            .accept(g, Self::id(b), Self::id(a))
            .await
            .unwrap();
    }
}

/// The ids of the members mentioned (`<@id>`) in a text, in order.
pub fn mentioned(text: &str) -> Vec<u64> {
    text.split("<@")
        .skip(1)
        .filter_map(|rest| rest.split('>').next()?.parse().ok())
        .collect()
}

/// The bot's real binary against the fake Discord, on PostgreSQL at `database_url`, running
/// `shards` (`SHARDS`); killed when dropped, so a failing test leaves no process behind.
pub struct BotProcess(pub std::process::Child);

impl BotProcess {
    pub fn start(discord: &FakeDiscord, database_url: &str, shards: &str) -> Self {
        let child = std::process::Command::new(env!("CARGO_BIN_EXE_handshake"))
            // A folder with no .env, and none of the developer's settings.
            .current_dir(std::env::temp_dir())
            .env_remove("DATABASE_PATH")
            .env_remove("DISCORD_GUILD_ID")
            .env("DISCORD_TOKEN", TEST_TOKEN)
            .env("DISCORD_PROXY_URL", discord.base_url())
            .env("DATABASE_URL", database_url)
            .env("SHARDS", shards)
            .env("RUST_LOG", "warn")
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::inherit())
            .spawn()
            .expect("start the bot binary");
        Self(child)
    }
}

impl Drop for BotProcess {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Waits until `check` holds (the bot handles gateway events in tasks of their own); fails the
/// test after 2 s.
pub async fn eventually<F: Fn() -> Fut, Fut: std::future::Future<Output = bool>>(
    what: &str,
    check: F,
) {
    for _ in 0..200 {
        if check().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("timed out waiting until {what}");
}
