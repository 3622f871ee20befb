//! The binary itself: set-up mistakes are one line on stderr and exit code 1, never a panic; a
//! running bot stops cleanly on SIGTERM.

mod support;

use std::process::{Command, Stdio};
use std::time::Duration;

use support::bot::TEST_TOKEN;
use support::discord::FakeDiscord;

fn handshake(dir: &std::path::Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_handshake"));
    // A folder with no .env, and none of the developer's settings.
    command
        .current_dir(dir)
        .env_remove("DISCORD_TOKEN")
        .env_remove("DISCORD_GUILD_ID")
        .env_remove("DISCORD_PROXY_URL")
        .env_remove("RUST_LOG")
        .env("DATABASE_PATH", dir.join("bot.db"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

fn assert_one_line_failure(output: &std::process::Output, expected: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "stderr: {stderr}");
    assert!(
        !stderr.contains("panicked") && !stderr.contains("backtrace"),
        "{stderr}"
    );
    let last = stderr.lines().last().unwrap_or_default();
    assert!(
        last.starts_with("handshake: ") && last.contains(expected),
        "last line: {last:?}\nall: {stderr}"
    );
}

#[test]
fn a_missing_token_is_one_line_saying_where_to_get_one() {
    let dir = tempfile::tempdir().unwrap();
    let output = handshake(dir.path()).output().unwrap();
    assert_one_line_failure(&output, "DISCORD_TOKEN is not set");
    assert_eq!(String::from_utf8_lossy(&output.stderr).lines().count(), 1);
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("discord.com/developers/applications")
    );
}

#[test]
fn a_bad_setting_is_one_line_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let output = handshake(dir.path())
        .env("DISCORD_TOKEN", TEST_TOKEN)
        .env("DISCORD_GUILD_ID", "not-a-number")
        .output()
        .unwrap();
    assert_one_line_failure(&output, "DISCORD_GUILD_ID is not valid");
}

#[tokio::test]
async fn a_token_discord_refuses_is_one_line_and_exit_code_1() {
    let discord = FakeDiscord::start().await;
    let dir = tempfile::tempdir().unwrap();
    let child = handshake(dir.path())
        .env(
            "DISCORD_TOKEN",
            "refused.token-that-the-fake-discord-rejects",
        )
        .env("DISCORD_PROXY_URL", discord.base_url())
        .spawn()
        .unwrap();
    let output = tokio::time::timeout(
        Duration::from_secs(20),
        tokio::task::spawn_blocking(move || child.wait_with_output()),
    )
    .await
    .expect("the bot gives up on a refused token")
    .unwrap()
    .unwrap();
    assert_one_line_failure(&output, "Discord refused the token in DISCORD_TOKEN");
}

#[tokio::test]
async fn sigterm_stops_the_bot_cleanly() {
    let discord = FakeDiscord::start().await;
    let dir = tempfile::tempdir().unwrap();
    let child = handshake(dir.path())
        .env("DISCORD_TOKEN", TEST_TOKEN)
        .env("DISCORD_PROXY_URL", discord.base_url())
        .spawn()
        .unwrap();
    discord
        .wait_for(0, "the command registration", |r| {
            r.path.ends_with("/commands")
        })
        .await;
    let pid = child.id().to_string();
    let killed = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    assert!(killed.success());
    let output = tokio::time::timeout(
        Duration::from_secs(20),
        tokio::task::spawn_blocking(move || child.wait_with_output()),
    )
    .await
    .expect("the bot stops after SIGTERM")
    .unwrap()
    .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        output.status.code(),
        Some(0),
        "clean exit; stderr: {stderr}"
    );
    assert!(stderr.contains("shutting down"), "{stderr}");
    assert!(
        dir.path().join("bot.db").exists(),
        "the default store was created"
    );
}

#[tokio::test]
async fn a_second_process_on_the_same_sqlite_file_is_refused_in_one_line() {
    let discord = FakeDiscord::start().await;
    let dir = tempfile::tempdir().unwrap();
    let mut first = handshake(dir.path())
        .env("DISCORD_TOKEN", TEST_TOKEN)
        .env("DISCORD_PROXY_URL", discord.base_url())
        .spawn()
        .unwrap();
    discord
        .wait_for(0, "the first process's command registration", |r| {
            r.path.ends_with("/commands")
        })
        .await;
    let second = handshake(dir.path())
        .env("DISCORD_TOKEN", TEST_TOKEN)
        .env("DISCORD_PROXY_URL", discord.base_url())
        .output()
        .unwrap();
    first.kill().unwrap();
    first.wait().unwrap();
    assert_one_line_failure(&second, "another handshake process is using");
    assert!(
        String::from_utf8_lossy(&second.stderr).contains("bot.db"),
        "names the file"
    );
}

#[test]
fn database_url_and_database_path_together_are_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let output = handshake(dir.path())
        .env("DISCORD_TOKEN", TEST_TOKEN)
        .env(
            "DATABASE_URL",
            "postgres://bot:s3cret@127.0.0.1:5432/handshake",
        )
        .output()
        .unwrap();
    assert_one_line_failure(&output, "not both");
}

/// Runs the bot on `url` (no SQLite path) and expects it to give up in one line within 10 s,
/// naming where it tried and never the password.
fn assert_postgres_refused(url: &str, place: &str) {
    let dir = tempfile::tempdir().unwrap();
    let started = std::time::Instant::now();
    let output = handshake(dir.path())
        .env_remove("DATABASE_PATH")
        .env("DISCORD_TOKEN", TEST_TOKEN)
        .env("DATABASE_URL", url)
        .output()
        .unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    assert_one_line_failure(&output, place);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("s3cret"), "{stderr}");
}

#[test]
fn an_unreachable_postgres_is_one_line_naming_the_host_never_the_password() {
    // Nothing listens on port 1.
    assert_postgres_refused(
        "postgres://bot:s3cret@127.0.0.1:1/handshake",
        "could not connect to PostgreSQL at 127.0.0.1:1/handshake",
    );
    assert_postgres_refused(
        "mysql://bot:s3cret@127.0.0.1/x",
        "DATABASE_URL is not valid",
    );
}

#[test]
fn a_refused_postgres_login_is_one_line_naming_the_host() {
    let Ok(test_url) = std::env::var("TEST_DATABASE_URL") else {
        return; // needs a PostgreSQL server; CI always has one
    };
    let config: tokio_postgres::Config = test_url.parse().unwrap();
    let host = match &config.get_hosts()[0] {
        tokio_postgres::config::Host::Tcp(host) => host.clone(),
        other => panic!("a TCP TEST_DATABASE_URL, not {other:?}"),
    };
    let port = config.get_ports().first().copied().unwrap_or(5432);
    assert_postgres_refused(
        &format!("postgres://no_such_role:s3cret@{host}:{port}/no_such_database"),
        &format!("could not connect to PostgreSQL at {host}:{port}/no_such_database"),
    );
}
