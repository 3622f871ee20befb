//! The token never appears in the logs, even with `RUST_LOG=trace` (every library at TRACE,
//! through the same filter the binary installs); interactions are logged in a span that names
//! their shard, server, command and id.
//! Its own test binary, because it installs a process-wide log subscriber.

mod support;

use std::io::Write;
use std::sync::{Arc, Mutex};

use support::bot::{TEST_TOKEN, TestBot};
use support::discord_json as dj;
use support::people::{alice, bob};

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn the_token_never_reaches_the_logs() {
    let captured = Captured::default();
    let writer = captured.clone();
    tracing_subscriber::fmt()
        .with_env_filter(handshake::logging::filter(Some("trace")))
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .init();

    let bot = TestBot::start().await;
    let (alice, bob) = (alice(), bob());
    bot.discord.close_dms_of(&bob); // a failed request, whose error gets logged
    let (_, before) = bot
        .discord
        .interact(dj::slash_command(
            bot.interaction_id(),
            "t",
            &alice,
            "invite",
            &bob,
            true,
            None,
        ))
        .await;
    bot.discord
        .wait_for(before, "the follow-up", |r| {
            r.path.starts_with("/webhooks/")
        })
        .await;
    bot.stop().await;

    let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(
        logs.contains("commands registered"),
        "the logs were captured: {} bytes",
        logs.len()
    );
    // What an operator follows an interaction by: the span every interaction runs in.
    let line = logs
        .lines()
        .find(|l| l.contains("does not accept DMs"))
        .expect("the closed DMs were logged");
    for field in [
        "interaction{",
        "shard=0",
        &format!("guild={}", dj::GUILD_ID),
        "what=/invite",
        "id=",
    ] {
        assert!(line.contains(field), "{field:?} missing from: {line}");
    }
    // And each process says which shards it runs.
    assert!(
        logs.lines()
            .any(|l| l.contains("starting the gateway") && l.contains("shards=")),
        "the shard range was not logged"
    );
    assert!(logs.contains("TRACE"), "libraries did log at TRACE");
    let leaks: Vec<&str> = logs.lines().filter(|l| l.contains(TEST_TOKEN)).collect();
    assert!(
        leaks.is_empty(),
        "the token appears in the logs:\n{}",
        leaks.join("\n")
    );
    assert!(
        !logs.contains("used-only-against"),
        "part of the token appears in the logs"
    );
}
