//! A fake Discord on 127.0.0.1: the REST API (under `/api/v10`) and a gateway websocket, enough
//! for the real serenity client to connect, register commands, receive interactions and answer
//! them. Every REST request the bot makes is recorded, and its body validated against Discord's
//! OpenAPI spec.

use std::collections::{HashMap, HashSet};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::http::{Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::{Value, json};
use tokio::sync::{Notify, mpsc};

use super::discord_json::{self as dj, Person};
use super::openapi;

/// Files sent with a multipart request: (file name, contents).
pub type Files = Vec<(String, Vec<u8>)>;

/// One REST request the bot made.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: Method,
    /// The path after `/api/v10`, e.g. `/interactions/1/tok/callback`.
    pub path: String,
    pub body: Value,
    pub authorization: Option<String>,
    /// Files sent with a multipart request.
    pub files: Files,
}

impl Recorded {
    pub fn is(&self, method: Method, path: &str) -> bool {
        self.method == method && self.path == path
    }
}

/// How the fake Discord behaves as a gateway.
#[derive(Debug, Clone)]
pub struct FakeOptions {
    /// The shard count `GET /gateway/bot` recommends.
    pub shards: u32,
    /// Whether the bot is in too many servers to run unsharded: an IDENTIFY with fewer shards
    /// than recommended is closed with 4011, "Sharding required", as Discord does.
    pub must_shard: bool,
    /// The servers the bot is in: (id, name). Each is announced on its own shard.
    pub guilds: Vec<(u64, String)>,
    /// Whether every request body is checked against Discord's OpenAPI spec (the load
    /// benchmark turns it off: checking costs more CPU than the bot's own work).
    pub validate: bool,
}

impl Default for FakeOptions {
    fn default() -> Self {
        Self {
            shards: 1,
            must_shard: false,
            guilds: vec![(dj::GUILD_ID, dj::GUILD_NAME.to_owned())],
            validate: true,
        }
    }
}

/// The shard a server's events go to, as Discord computes it.
pub fn shard_of(guild: u64, total: u32) -> u32 {
    ((guild >> 22) % u64::from(total)) as u32
}

/// A server id that lands on `shard` of `total` (the `n`th such, for several per shard).
pub fn guild_on_shard(shard: u32, total: u32, n: u64) -> u64 {
    // Snowflake-sized (about 1.3e18), below i64::MAX like every real one.
    let timestamp = (300_000_000_000 + n) * u64::from(total) + u64::from(shard);
    (timestamp << 22) | 1
}

#[derive(Default)]
struct Shared {
    options: FakeOptions,
    requests: Mutex<Vec<Recorded>>,
    request_arrived: Notify,
    /// Each live gateway connection's outbox, by shard id; and the total they identified with.
    gateways: Mutex<HashMap<u32, mpsc::UnboundedSender<Value>>>,
    shard_total: Mutex<u32>,
    gateway_connected: Notify,
    /// Close codes the gateway sent (4011 for a bot that had to shard and did not).
    closes: Mutex<Vec<u16>>,
    /// Who waits for the callback at each path (see `FakeDiscord::interact_answered`).
    callback_waiters: Mutex<HashMap<String, tokio::sync::oneshot::Sender<()>>>,
    /// Users whose DMs are closed to the bot: sending them a message fails with 50007.
    closed_dms: Mutex<HashSet<u64>>,
    /// Who each DM channel the bot opened is with.
    dm_channels: Mutex<HashMap<u64, u64>>,
    /// People the fake knows, for DM channel objects.
    people: Mutex<HashMap<u64, Person>>,
    next_id: AtomicU64,
    gateway_url: Mutex<String>,
    /// The bot's IDENTIFY payloads (`d`), in order, one per shard it started.
    identifies: Mutex<Vec<Value>>,
    /// Requests whose bodies Discord's OpenAPI spec refuses.
    invalid: Mutex<Vec<String>>,
}

pub struct FakeDiscord {
    addr: SocketAddr,
    shared: Arc<Shared>,
}

impl FakeDiscord {
    pub async fn start() -> Self {
        Self::start_with(FakeOptions::default()).await
    }

    pub async fn start_with(options: FakeOptions) -> Self {
        let shared = Arc::new(Shared {
            options,
            next_id: AtomicU64::new(1_600_000_000_000_000_000),
            ..Default::default()
        });
        let app = Router::new()
            .route("/gateway-ws", get(gateway))
            .fallback(rest)
            .with_state(Arc::clone(&shared));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        *shared.gateway_url.lock().unwrap() = format!("ws://{addr}/gateway-ws");
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Self { addr, shared }
    }

    /// What `DISCORD_PROXY_URL` should be.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn know(&self, person: &Person) {
        self.shared
            .people
            .lock()
            .unwrap()
            .insert(person.id, person.clone());
    }

    pub fn close_dms_of(&self, person: &Person) {
        self.shared.closed_dms.lock().unwrap().insert(person.id);
    }

    /// Fails the test if the bot sent any body that Discord's spec refuses.
    pub fn assert_all_valid(&self) {
        let invalid = self.shared.invalid.lock().unwrap();
        assert!(
            invalid.is_empty(),
            "bodies refused by Discord's OpenAPI spec:\n{}",
            invalid.join("\n\n")
        );
    }

    /// What the bot sent in its first IDENTIFY (token, intents, …), once it has.
    pub fn identify(&self) -> Option<Value> {
        self.shared.identifies.lock().unwrap().first().cloned()
    }

    /// Every IDENTIFY so far (`d`), in order.
    pub fn identifies(&self) -> Vec<Value> {
        self.shared.identifies.lock().unwrap().clone()
    }

    /// The shards with a live, identified connection.
    pub fn connected_shards(&self) -> Vec<u32> {
        let mut shards: Vec<u32> = self
            .shared
            .gateways
            .lock()
            .unwrap()
            .keys()
            .copied()
            .collect();
        shards.sort_unstable();
        shards
    }

    /// Close codes the gateway sent so far.
    pub fn closes(&self) -> Vec<u16> {
        self.shared.closes.lock().unwrap().clone()
    }

    /// Waits until shards `shards` are all connected; fails the test if they take much longer
    /// than serenity 0.12 needs (it starts one shard every 5 s, whatever `max_concurrency`).
    pub async fn wait_for_shards(&self, shards: &[u32]) {
        let boot = Duration::from_secs(5 * shards.len() as u64 + 10);
        let deadline = tokio::time::Instant::now() + boot;
        loop {
            let connected = self.shared.gateway_connected.notified();
            let live = self.connected_shards();
            if shards.iter().all(|s| live.contains(s)) {
                return;
            }
            if tokio::time::timeout_at(deadline, connected).await.is_err() {
                panic!("shards {shards:?} never all connected; live: {live:?}");
            }
        }
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.shared.requests.lock().unwrap().clone()
    }

    /// Waits until a recorded request (from position `from` on) matches.
    pub async fn wait_for(
        &self,
        from: usize,
        what: &str,
        matches: impl Fn(&Recorded) -> bool,
    ) -> Recorded {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
        loop {
            let arrived = self.shared.request_arrived.notified();
            if let Some(found) = self.requests().into_iter().skip(from).find(|r| matches(r)) {
                return found;
            }
            if tokio::time::timeout_at(deadline, arrived).await.is_err() {
                panic!(
                    "timed out waiting for {what}; requests so far: {:#?}",
                    self.requests()
                );
            }
        }
    }

    /// Sends a dispatch event (`t`, `d`) to the bot over the gateway: on the shard of the
    /// server it names (`guild_id`), else on shard 0, where Discord sends DMs.
    pub async fn dispatch(&self, event: &str, data: Value) {
        let guild = data["guild_id"]
            .as_str()
            .and_then(|g| g.parse::<u64>().ok());
        let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
        loop {
            let connected = self.shared.gateway_connected.notified();
            let total = *self.shared.shard_total.lock().unwrap();
            let shard = match guild {
                Some(guild) if total > 0 => shard_of(guild, total),
                _ => 0,
            };
            if let Some(outbox) = self.shared.gateways.lock().unwrap().get(&shard) {
                outbox
                    .send(json!({ "op": 0, "t": event, "d": data }))
                    .expect("gateway open");
                return;
            }
            if tokio::time::timeout_at(deadline, connected).await.is_err() {
                panic!("the bot never connected shard {shard} to the gateway");
            }
        }
    }

    /// Sends an interaction and waits for the bot's callback to it. Returns the callback and
    /// the number of requests recorded before the interaction was sent.
    pub async fn interact(&self, interaction: Value) -> (Recorded, usize) {
        let before = self.requests().len();
        let id = interaction["id"].as_str().unwrap().to_owned();
        let token = interaction["token"].as_str().unwrap().to_owned();
        self.dispatch("INTERACTION_CREATE", interaction).await;
        let path = format!("/interactions/{id}/{token}/callback");
        let callback = self
            .wait_for(before, &format!("the callback of interaction {id}"), |r| {
                r.is(Method::POST, &path)
            })
            .await;
        (callback, before)
    }

    /// Sends an interaction and waits (up to `patience`) for the bot's callback to it, without
    /// scanning the recorded requests: for the load benchmark's thousands. Whether it came.
    pub async fn interact_answered(&self, interaction: Value, patience: Duration) -> bool {
        let path = format!(
            "/interactions/{}/{}/callback",
            interaction["id"].as_str().unwrap(),
            interaction["token"].as_str().unwrap()
        );
        let (answered, answer) = tokio::sync::oneshot::channel();
        self.shared
            .callback_waiters
            .lock()
            .unwrap()
            .insert(path.clone(), answered);
        self.dispatch("INTERACTION_CREATE", interaction).await;
        let came = matches!(tokio::time::timeout(patience, answer).await, Ok(Ok(())));
        self.shared.callback_waiters.lock().unwrap().remove(&path);
        came
    }

    pub fn next_id(&self) -> u64 {
        self.shared.next_id.fetch_add(1, Ordering::SeqCst)
    }
}

async fn gateway(ws: WebSocketUpgrade, State(shared): State<Arc<Shared>>) -> Response {
    ws.on_upgrade(move |socket| run_gateway(socket, shared))
}

/// HELLO, then READY and a GUILD_CREATE for each of the shard's servers after IDENTIFY,
/// heartbeat ACKs, and dispatches from the test. Sequence numbers increase per connection.
async fn run_gateway(mut socket: WebSocket, shared: Arc<Shared>) {
    let (outbox, mut queued) = mpsc::unbounded_channel::<Value>();
    let hello = json!({ "op": 10, "s": null, "t": null, "d": { "heartbeat_interval": 41_250 } });
    if socket
        .send(Message::Text(hello.to_string().into()))
        .await
        .is_err()
    {
        return;
    }
    let mut seq = 0u64;
    let mut shard = None;
    loop {
        tokio::select! {
            incoming = socket.recv() => {
                let Some(Ok(Message::Text(text))) = incoming else { break };
                let payload: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
                match payload["op"].as_u64() {
                    Some(1) => {
                        let ack = json!({ "op": 11, "s": null, "t": null, "d": null });
                        if socket.send(Message::Text(ack.to_string().into())).await.is_err() { break }
                    }
                    Some(2) if shard.is_none() => {
                        let close = |code: u16, reason: &str| {
                            Message::Close(Some(axum::extract::ws::CloseFrame { code, reason: reason.to_owned().into() }))
                        };
                        if payload["d"]["token"].as_str() != Some(format!("Bot {}", super::bot::TEST_TOKEN).as_str()) {
                            // What Discord does with a bad token: close with 4004.
                            let _ = socket.send(close(4004, "Authentication failed.")).await;
                            shared.closes.lock().unwrap().push(4004);
                            break;
                        }
                        let (id, total) = match payload["d"]["shard"].as_array().map(Vec::as_slice) {
                            Some([id, total]) => (id.as_u64().unwrap_or(0) as u32, total.as_u64().unwrap_or(1) as u32),
                            _ => (0, 1),
                        };
                        if shared.options.must_shard && total < shared.options.shards {
                            let _ = socket.send(close(4011, "Sharding required.")).await;
                            shared.closes.lock().unwrap().push(4011);
                            break;
                        }
                        shard = Some(id);
                        shared.identifies.lock().unwrap().push(payload["d"].clone());
                        *shared.shard_total.lock().unwrap() = total;
                        let url = shared.gateway_url.lock().unwrap().clone();
                        let guilds: Vec<&(u64, String)> = shared.options.guilds.iter()
                            .filter(|(guild, _)| shard_of(*guild, total) == id)
                            .collect();
                        let ids: Vec<u64> = guilds.iter().map(|(guild, _)| *guild).collect();
                        let mut frames = vec![("READY", dj::ready_on_shard(&url, id, total, &ids))];
                        frames.extend(guilds.iter().map(|(guild, name)| ("GUILD_CREATE", dj::guild_create_for(*guild, name))));
                        for (event, data) in frames {
                            seq += 1;
                            let frame = json!({ "op": 0, "s": seq, "t": event, "d": data });
                            if socket.send(Message::Text(frame.to_string().into())).await.is_err() { return }
                        }
                        shared.gateways.lock().unwrap().insert(id, outbox.clone());
                        shared.gateway_connected.notify_waiters();
                    }
                    _ => {}
                }
            }
            Some(mut frame) = queued.recv() => {
                seq += 1;
                frame["s"] = json!(seq);
                if socket.send(Message::Text(frame.to_string().into())).await.is_err() { break }
            }
        }
    }
    if let Some(id) = shard {
        shared.gateways.lock().unwrap().remove(&id);
    }
}

/// Every REST call: recorded, validated, then answered like Discord would.
async fn rest(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: axum::http::HeaderMap,
    body: Bytes,
) -> Response {
    let Some(path) = uri.path().strip_prefix("/api/v10") else {
        return (StatusCode::NOT_FOUND, "not under /api/v10").into_response();
    };
    let path = path.to_owned();
    let content_type = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    // Requests with files are multipart: the JSON body travels as the `payload_json` part.
    let (body, files) = match multipart(&content_type, &body) {
        Some((json, files)) => (json, files),
        None if body.is_empty() => (Value::Null, Vec::new()),
        None => (
            serde_json::from_slice(&body).unwrap_or(Value::Null),
            Vec::new(),
        ),
    };
    if !body.is_null()
        && shared.options.validate
        && let Err(problems) = openapi::validate(method.as_str(), &path, &body)
    {
        // Recorded for the test to fail on, and refused like Discord would.
        let report = format!("{method} {path}: {problems:#?}\n{body:#}");
        eprintln!("fake Discord refused a body: {report}");
        shared.invalid.lock().unwrap().push(report);
        return (
            StatusCode::BAD_REQUEST,
            axum::Json(json!({ "message": "Invalid Form Body", "code": 50035 })),
        )
            .into_response();
    }
    let authorization = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let response = answer(&shared, &method, &path, &body);
    let recorded_path = path.clone();
    shared.requests.lock().unwrap().push(Recorded {
        method,
        path,
        body,
        authorization,
        files,
    });
    shared.request_arrived.notify_waiters();
    if let Some(waiter) = shared
        .callback_waiters
        .lock()
        .unwrap()
        .remove(&recorded_path)
    {
        let _ = waiter.send(());
    }
    response
}

fn answer(shared: &Shared, method: &Method, path: &str, body: &Value) -> Response {
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let id = || shared.next_id.fetch_add(1, Ordering::SeqCst);
    match (method.as_str(), segments.as_slice()) {
        ("GET", ["gateway"]) | ("GET", ["gateway", "bot"]) => {
            let url = shared.gateway_url.lock().unwrap().clone();
            let shards = shared.options.shards;
            ok(
                json!({ "url": url, "shards": shards, "session_start_limit": { "total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1 } }),
            )
        }
        ("GET", ["guilds", guild]) => {
            let known = shared
                .options
                .guilds
                .iter()
                .find(|(id, _)| id.to_string() == *guild);
            match known {
                Some((id, name)) => ok(dj::guild_create_for(*id, name)),
                None => (
                    StatusCode::NOT_FOUND,
                    axum::Json(json!({ "message": "Unknown Guild", "code": 10004 })),
                )
                    .into_response(),
            }
        }
        ("PUT", ["applications", _, "commands"]) => ok(commands(body, None)),
        ("PUT", ["applications", _, "guilds", guild, "commands"]) => {
            ok(commands(body, guild.parse().ok()))
        }
        ("POST", ["interactions", _, _, "callback"]) => StatusCode::NO_CONTENT.into_response(),
        ("POST", ["webhooks", _, _]) | ("PATCH", ["webhooks", _, _, "messages", "@original"]) => {
            ok(dj::message(
                id(),
                dj::CHANNEL_ID,
                body["content"].as_str().unwrap_or(""),
                body.get("components").cloned().unwrap_or(json!([])),
                64,
            ))
        }
        ("POST", ["users", "@me", "channels"]) => {
            let recipient: u64 = body["recipient_id"]
                .as_str()
                .and_then(|s| s.parse().ok())
                .unwrap_or(0);
            let channel = id();
            shared
                .dm_channels
                .lock()
                .unwrap()
                .insert(channel, recipient);
            let person = shared
                .people
                .lock()
                .unwrap()
                .get(&recipient)
                .cloned()
                .unwrap_or_else(|| Person::new(recipient, "someone"));
            ok(dj::dm_channel(channel, &person))
        }
        ("POST", ["channels", channel, "messages"]) => {
            let channel: u64 = channel.parse().unwrap_or(0);
            let recipient = shared.dm_channels.lock().unwrap().get(&channel).copied();
            if recipient.is_some_and(|r| shared.closed_dms.lock().unwrap().contains(&r)) {
                return (
                    StatusCode::FORBIDDEN,
                    axum::Json(
                        json!({ "message": "Cannot send messages to this user", "code": 50007 }),
                    ),
                )
                    .into_response();
            }
            ok(dj::message(
                id(),
                channel,
                body["content"].as_str().unwrap_or(""),
                body.get("components").cloned().unwrap_or(json!([])),
                0,
            ))
        }
        _ => (
            StatusCode::NOT_FOUND,
            axum::Json(json!({ "message": "404: Not Found", "code": 0 })),
        )
            .into_response(),
    }
}

fn commands(body: &Value, guild: Option<u64>) -> Value {
    let list = body.as_array().cloned().unwrap_or_default();
    Value::Array(
        list.iter()
            .enumerate()
            .map(|(i, c)| dj::registered_command(c, i, guild))
            .collect(),
    )
}

fn ok(body: Value) -> Response {
    (StatusCode::OK, axum::Json(body)).into_response()
}

/// Splits a `multipart/form-data` body into its `payload_json` and its files.
fn multipart(content_type: &str, body: &[u8]) -> Option<(Value, Files)> {
    let boundary = content_type
        .strip_prefix("multipart/form-data")?
        .split("boundary=")
        .nth(1)?
        .trim_matches('"');
    let delimiter = format!("--{boundary}");
    let mut payload = Value::Null;
    let mut files = Vec::new();
    let text = body;
    let mut parts = Vec::new();
    let mut start = 0;
    while let Some(found) = find(&text[start..], delimiter.as_bytes()) {
        let at = start + found;
        if start > 0 {
            parts.push(&text[start..at]);
        }
        start = at + delimiter.len();
    }
    for part in parts {
        let part = part.strip_prefix(b"\r\n").unwrap_or(part);
        let split = find(part, b"\r\n\r\n")?;
        let headers = String::from_utf8_lossy(&part[..split]).to_string();
        let head = headers
            .lines()
            .find(|line| line.to_ascii_lowercase().starts_with("content-disposition"))
            .unwrap_or_default()
            .to_owned();
        let mut content = &part[split + 4..];
        content = content.strip_suffix(b"\r\n").unwrap_or(content);
        let field = |key: &str| {
            head.split(';').find_map(|piece| {
                piece
                    .trim()
                    .strip_prefix(&format!("{key}="))
                    .map(|v| v.trim_matches('"').to_owned())
            })
        };
        match (field("name").as_deref(), field("filename")) {
            (Some("payload_json"), _) => payload = serde_json::from_slice(content).ok()?,
            (_, Some(filename)) => files.push((filename, content.to_vec())),
            _ => {}
        }
    }
    Some((payload, files))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
