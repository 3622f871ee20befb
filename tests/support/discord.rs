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

#[derive(Default)]
struct Shared {
    requests: Mutex<Vec<Recorded>>,
    request_arrived: Notify,
    /// The live gateway connection's outbox.
    gateway: Mutex<Option<mpsc::UnboundedSender<Value>>>,
    gateway_connected: Notify,
    /// Users whose DMs are closed to the bot: sending them a message fails with 50007.
    closed_dms: Mutex<HashSet<u64>>,
    /// Who each DM channel the bot opened is with.
    dm_channels: Mutex<HashMap<u64, u64>>,
    /// People the fake knows, for DM channel objects.
    people: Mutex<HashMap<u64, Person>>,
    next_id: AtomicU64,
    gateway_url: Mutex<String>,
    /// The bot's IDENTIFY payload (`d`), once it connected.
    identify: Mutex<Option<Value>>,
    /// Requests whose bodies Discord's OpenAPI spec refuses.
    invalid: Mutex<Vec<String>>,
}

pub struct FakeDiscord {
    addr: SocketAddr,
    shared: Arc<Shared>,
}

impl FakeDiscord {
    pub async fn start() -> Self {
        let shared = Arc::new(Shared {
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

    /// What the bot sent in IDENTIFY (token, intents, …), once it has.
    pub fn identify(&self) -> Option<Value> {
        self.shared.identify.lock().unwrap().clone()
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

    /// Sends a dispatch event (`t`, `d`) to the bot over the gateway.
    pub async fn dispatch(&self, event: &str, data: Value) {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
        loop {
            let connected = self.shared.gateway_connected.notified();
            if let Some(outbox) = self.shared.gateway.lock().unwrap().as_ref() {
                outbox
                    .send(json!({ "op": 0, "t": event, "d": data }))
                    .expect("gateway open");
                return;
            }
            if tokio::time::timeout_at(deadline, connected).await.is_err() {
                panic!("the bot never connected to the gateway");
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

    pub fn next_id(&self) -> u64 {
        self.shared.next_id.fetch_add(1, Ordering::SeqCst)
    }
}

async fn gateway(ws: WebSocketUpgrade, State(shared): State<Arc<Shared>>) -> Response {
    ws.on_upgrade(move |socket| run_gateway(socket, shared))
}

/// HELLO, then READY and GUILD_CREATE after IDENTIFY, heartbeat ACKs, and dispatches from the
/// test. Sequence numbers increase per connection.
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
    let mut identified = false;
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
                    Some(2) if !identified => {
                        if payload["d"]["token"].as_str() != Some(format!("Bot {}", super::bot::TEST_TOKEN).as_str()) {
                            // What Discord does with a bad token: close with 4004.
                            let close = axum::extract::ws::CloseFrame { code: 4004, reason: "Authentication failed.".into() };
                            let _ = socket.send(Message::Close(Some(close))).await;
                            break;
                        }
                        identified = true;
                        *shared.identify.lock().unwrap() = Some(payload["d"].clone());
                        let url = shared.gateway_url.lock().unwrap().clone();
                        for (event, data) in [("READY", dj::ready(&url)), ("GUILD_CREATE", dj::guild_create())] {
                            seq += 1;
                            let frame = json!({ "op": 0, "s": seq, "t": event, "d": data });
                            if socket.send(Message::Text(frame.to_string().into())).await.is_err() { return }
                        }
                        *shared.gateway.lock().unwrap() = Some(outbox.clone());
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
    *shared.gateway.lock().unwrap() = None;
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
    shared.requests.lock().unwrap().push(Recorded {
        method,
        path,
        body,
        authorization,
        files,
    });
    shared.request_arrived.notify_waiters();
    response
}

fn answer(shared: &Shared, method: &Method, path: &str, body: &Value) -> Response {
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let id = || shared.next_id.fetch_add(1, Ordering::SeqCst);
    match (method.as_str(), segments.as_slice()) {
        ("GET", ["gateway"]) | ("GET", ["gateway", "bot"]) => {
            let url = shared.gateway_url.lock().unwrap().clone();
            ok(
                json!({ "url": url, "shards": 1, "session_start_limit": { "total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1 } }),
            )
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
