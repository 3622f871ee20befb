//! Gateway shards: the real serenity client against a fake Discord that shards as Discord
//! does (each server's events on shard `(id >> 22) % total`, DMs on shard 0, 4011 for a bot
//! that must shard and does not).

mod support;

use std::time::Duration;

use axum::http::Method;
use handshake::bot::{self, BotError};
use handshake::config::BotConfig;
use handshake::network::{Network, SystemClock};
use handshake::store::sqlite::SqliteStore;
use serde_json::Value;
use support::bot::{TEST_TOKEN, ephemeral_text, eventually};
use support::discord::{FakeDiscord, FakeOptions, guild_on_shard, shard_of};
use support::discord_json as dj;
use support::people::{alice, bob};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// The bot's own `serve`, with `SHARDS` as given, over a fresh SQLite file.
struct ShardedBot {
    stop: oneshot::Sender<()>,
    task: JoinHandle<Result<(), BotError>>,
    _dir: tempfile::TempDir,
}

impl ShardedBot {
    async fn start(discord: &FakeDiscord, shards: Option<&str>) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bot.db");
        let mut settings = vec![
            ("DISCORD_TOKEN", TEST_TOKEN.to_owned()),
            ("DISCORD_PROXY_URL", discord.base_url()),
            ("DATABASE_PATH", path.display().to_string()),
        ];
        if let Some(shards) = shards {
            settings.push(("SHARDS", shards.to_owned()));
        }
        let config = BotConfig::from_lookup(|name| {
            settings
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.clone())
        })
        .unwrap();
        let store = tokio::task::spawn_blocking(move || SqliteStore::open(&path))
            .await
            .unwrap()
            .unwrap();
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(bot::serve(
            config,
            Network::new(store, SystemClock),
            async move {
                let _ = stopped.await;
            },
        ));
        Self {
            stop,
            task,
            _dir: dir,
        }
    }

    async fn stop(self) {
        let _ = self.stop.send(());
        let result = tokio::time::timeout(Duration::from_secs(10), self.task)
            .await
            .expect("the bot stops within 10 s")
            .expect("the bot task did not panic");
        assert!(result.is_ok(), "{result:?}");
    }
}

/// Two servers on each of `total` shards.
fn servers(total: u32) -> Vec<(u64, String)> {
    (0..total)
        .flat_map(|shard| {
            (0..2).map(move |n| {
                (
                    guild_on_shard(shard, total, n),
                    format!("server {shard}.{n}"),
                )
            })
        })
        .collect()
}

/// A fake Discord that requires `shards` shards, with two servers on each.
async fn sharded_discord(shards: u32) -> FakeDiscord {
    FakeDiscord::start_with(FakeOptions {
        shards,
        must_shard: true,
        guilds: servers(shards),
        ..Default::default()
    })
    .await
}

/// `/profile` about bob from alice, in `guild`; the bot's answer.
async fn profile_in(discord: &FakeDiscord, guild: u64) -> String {
    let interaction = dj::profile_view(
        discord.next_id(),
        &format!("token-{guild}"),
        &alice(),
        Some((&bob(), true)),
    );
    let (callback, _) = discord
        .interact(dj::moved_to_guild(interaction, guild))
        .await;
    ephemeral_text(&callback)
}

fn shard_field(identify: &Value) -> (u64, u64) {
    let shard = identify["shard"]
        .as_array()
        .expect("IDENTIFY names its shard");
    (shard[0].as_u64().unwrap(), shard[1].as_u64().unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_process_autoshards_as_discord_recommends_and_answers_in_every_server() {
    let discord = sharded_discord(3).await;
    let bot = ShardedBot::start(&discord, None).await;
    discord.wait_for_shards(&[0, 1, 2]).await;
    let mut identified: Vec<(u64, u64)> = discord.identifies().iter().map(shard_field).collect();
    identified.sort_unstable();
    assert_eq!(identified, vec![(0, 3), (1, 3), (2, 3)]);
    assert!(discord.closes().is_empty(), "{:?}", discord.closes());
    for (guild, _) in servers(3) {
        let answer = profile_in(&discord, guild).await;
        assert!(
            answer.contains(&bob().id.to_string()),
            "server {guild}: {answer}"
        );
    }
    // Commands are registered once for the bot, not once per shard.
    let registrations = discord
        .requests()
        .iter()
        .filter(|r| r.method == Method::PUT && r.path.ends_with("/commands"))
        .count();
    assert_eq!(registrations, 1);
    discord.assert_all_valid();
    bot.stop().await;
}

/// serenity 0.12's `start_shard_range` reads its range's end as included: `SHARDS=1-2/4` must
/// start shards 1 and 2, no fewer and no more.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_shard_range_starts_exactly_its_shards_and_answers_their_servers() {
    let discord = sharded_discord(4).await;
    let bot = ShardedBot::start(&discord, Some("1-2/4")).await;
    discord.wait_for_shards(&[1, 2]).await;
    // Time for a wrongly started extra shard to show up.
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(discord.connected_shards(), vec![1, 2]);
    let mut identified: Vec<(u64, u64)> = discord.identifies().iter().map(shard_field).collect();
    identified.sort_unstable();
    assert_eq!(identified, vec![(1, 4), (2, 4)]);
    for (guild, _) in servers(4)
        .into_iter()
        .filter(|(g, _)| matches!(shard_of(*g, 4), 1 | 2))
    {
        let answer = profile_in(&discord, guild).await;
        assert!(
            answer.contains(&bob().id.to_string()),
            "server {guild}: {answer}"
        );
    }
    // Registering commands is shard 0's process's job.
    assert!(
        !discord
            .requests()
            .iter()
            .any(|r| r.method == Method::PUT && r.path.ends_with("/commands"))
    );
    bot.stop().await;
}

/// What Discord does to a bot in too many servers that identifies without enough shards.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_fake_gateway_closes_an_unsharded_identify_with_4011_when_sharding_is_required() {
    use futures::{SinkExt, StreamExt};
    use tokio_tungstenite::tungstenite::Message;
    let discord = sharded_discord(2).await;
    let url = format!(
        "{}/gateway-ws",
        discord.base_url().replace("http://", "ws://")
    );
    for shard in [None, Some(serde_json::json!([0, 1]))] {
        let (mut socket, _) = tokio_tungstenite::connect_async(&url).await.unwrap();
        let hello = socket.next().await.unwrap().unwrap();
        assert!(hello.to_text().unwrap().contains("heartbeat_interval"));
        let mut identify = serde_json::json!({ "op": 2, "d": {
            "token": format!("Bot {TEST_TOKEN}"), "intents": 0,
            "properties": { "os": "linux", "browser": "test", "device": "test" },
        }});
        if let Some(shard) = shard {
            identify["d"]["shard"] = shard;
        }
        socket
            .send(Message::Text(identify.to_string().into()))
            .await
            .unwrap();
        match socket.next().await {
            Some(Ok(Message::Close(Some(frame)))) => {
                assert_eq!(u16::from(frame.code), 4011, "{frame:?}")
            }
            other => panic!("not closed with 4011: {other:?}"),
        }
    }
    assert!(discord.connected_shards().is_empty());
}

/// Too few shards would be closed with 4011 (and serenity 0.12 would spin on the closed
/// connection): the bot checks Discord's recommendation first and stops, in one line.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_shard_total_below_discords_recommendation_is_refused_in_one_line() {
    let discord = sharded_discord(2).await;
    let bot = ShardedBot::start(&discord, Some("0/1")).await;
    let result = tokio::time::timeout(Duration::from_secs(10), bot.task)
        .await
        .expect("the bot stops at once")
        .unwrap();
    let message = result.unwrap_err().to_string();
    assert!(
        message.contains("SHARDS=0-0/1") && message.contains("recommends 2"),
        "{message}"
    );
    assert!(!message.contains('\n'));
    assert!(discord.identifies().is_empty(), "it never identified");
}

/// Removed from a server, the bot drops its network from memory; an outage (`unavailable`)
/// keeps it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_the_bot_is_removed_from_leaves_memory() {
    let bot = support::bot::TestBot::start().await;
    let guild = support::bot::TestBot::guild();
    eventually("the server is preloaded", || async {
        bot.network.is_loaded(guild)
    })
    .await;
    let id = guild.get().to_string();
    bot.discord
        .dispatch(
            "GUILD_DELETE",
            serde_json::json!({ "id": id, "unavailable": true }),
        )
        .await;
    // serenity handles each event in a task of its own: give this one time to act, if wrongly.
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(bot.network.is_loaded(guild), "an outage is not a removal");
    bot.discord
        .dispatch("GUILD_DELETE", serde_json::json!({ "id": id }))
        .await;
    eventually("the server leaves memory", || async {
        !bot.network.is_loaded(guild)
    })
    .await;
    bot.stop().await;
}

/// A renamed server's new name is the one invitations show.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_renamed_server_is_named_anew_in_invitations() {
    let bot = support::bot::TestBot::start().await;
    let (alice, bob) = (alice(), bob());
    bot.discord.know(&bob);
    // The announcement's handler (which names the server, then preloads it) has run: events
    // are handled in tasks of their own, and the rename must come after it, as it would.
    eventually("the server is preloaded", || async {
        bot.network.is_loaded(support::bot::TestBot::guild())
    })
    .await;
    bot.discord
        .dispatch(
            "GUILD_UPDATE",
            dj::guild_create_for(dj::GUILD_ID, "Crustaceans"),
        )
        .await;
    // serenity handles each event in a task of its own: give the rename time to land.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let (_, before) = bot
        .discord
        .interact(dj::slash_command(
            bot.interaction_id(),
            "tok-renamed",
            &alice,
            "invite",
            &bob,
            true,
            None,
        ))
        .await;
    let dm = bot
        .discord
        .wait_for(before, "the invitation DM", |r| {
            r.method == Method::POST && r.path.starts_with("/channels/")
        })
        .await;
    let text = dm.body["content"].as_str().unwrap();
    assert!(text.contains("on **Crustaceans**"), "{text}");
    bot.stop().await;
}
