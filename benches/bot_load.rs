//! The load driver: N bot processes (the real binary; 1, 2 and 4, one shard each) on one
//! PostgreSQL, and the tests' fake Discord sending invite → accept (clicked in the DM, so at
//! shard 0's process) → profile → disconnect → confirm interactions as fast as they are
//! answered, for 20 s each; at the end the database must hold exactly what the answered
//! flows did. Prints answered interactions per second, p50/p99 answer time, how many were
//! answered late (after 3 s, when Discord would have shown the member an error) or not at all,
//! and each process's peak memory.
//!
//! Everything — the fake Discord, the driver, N bot processes and PostgreSQL — shares this
//! machine's cores: on two, the CPU sets the ceiling, not the design.
//!
//! `HANDSHAKE_BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres cargo bench
//! --bench bot_load`; without the URL it says it did not run.

#[path = "common/mod.rs"]
mod common;
#[path = "../tests/support/mod.rs"]
mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use serde_json::json;
use support::bot::BotProcess;
use support::discord::{FakeDiscord, FakeOptions, guild_on_shard};
use support::discord_json::{self as dj, ClickedIn, Person};

const DATABASE: &str = "handshake_bench_bot_load";
const RUN_FOR: Duration = Duration::from_secs(20);
/// Members acting at once (each pair's steps are sequential, as a member's are).
const CLIENTS: u64 = 24;
/// Discord's deadline for an answer.
const LATE: Duration = Duration::from_secs(3);

fn main() {
    let Some(url) = common::postgres_url() else {
        println!("bot_load benchmark did not run: set HANDSHAKE_BENCH_DATABASE_URL");
        return;
    };
    common::runtime().block_on(async {
        println!("store postgres");
        for processes in [1u32, 2, 4] {
            run(&url, processes).await;
        }
    });
}

async fn run(url: &str, processes: u32) {
    let database_url = common::fresh_database(url, DATABASE).await;
    let guilds: Vec<(u64, String)> = (0..processes)
        .flat_map(|shard| {
            (0..2).map(move |n| {
                (
                    guild_on_shard(shard, processes, n),
                    format!("Server {shard}.{n}"),
                )
            })
        })
        .collect();
    let discord = Arc::new(
        FakeDiscord::start_with(FakeOptions {
            shards: processes,
            must_shard: true,
            guilds: guilds.clone(),
            validate: false,
        })
        .await,
    );
    // One after another, as an operator would start them.
    let mut bots = Vec::new();
    for shard in 0..processes {
        bots.push(BotProcess::start(
            &discord,
            &database_url,
            &format!("{shard}/{processes}"),
        ));
        discord
            .wait_for_shards(&(0..=shard).collect::<Vec<_>>())
            .await;
    }

    let stop = Arc::new(AtomicBool::new(false));
    let started = Instant::now();
    let clients: Vec<_> = (0..CLIENTS)
        .map(|client| {
            let (discord, stop) = (Arc::clone(&discord), Arc::clone(&stop));
            let guild = guilds[client as usize % guilds.len()].0;
            tokio::spawn(async move { drive(&discord, guild, client, &stop).await })
        })
        .collect();
    tokio::time::sleep(RUN_FOR).await;
    stop.store(true, Ordering::Relaxed);
    let elapsed = started.elapsed();
    let mut answers = Vec::new();
    let mut unanswered = 0usize;
    for client in clients {
        let (times, missed) = client.await.unwrap();
        answers.extend(times);
        unanswered += missed;
    }
    answers.sort_unstable();
    let at = |q: f64| answers[((answers.len() as f64 * q) as usize).min(answers.len() - 1)];
    let late = answers.iter().filter(|t| **t > LATE).count();
    println!(
        "load_{processes}_processes_answered_per_second {:.0} interactions/s",
        answers.len() as f64 / elapsed.as_secs_f64()
    );
    println!(
        "load_{processes}_processes_answer_p50 {:.2} ms",
        at(0.5).as_secs_f64() * 1e3
    );
    println!(
        "load_{processes}_processes_answer_p99 {:.2} ms",
        at(0.99).as_secs_f64() * 1e3
    );
    println!("load_{processes}_processes_late {late} interactions");
    println!("load_{processes}_processes_unanswered {unanswered} interactions");
    // Every flow that finished left a removal and nothing else between its pair.
    let (check, connection) = tokio_postgres::connect(&database_url, tokio_postgres::NoTls)
        .await
        .unwrap();
    tokio::spawn(connection);
    let row = check
        .query_one(
            "SELECT (SELECT count(*) FROM removals), (SELECT count(*) FROM connections),
                    (SELECT count(*) FROM invitations)",
            &[],
        )
        .await
        .unwrap();
    let (removals, connections, invitations): (i64, i64, i64) =
        (row.get(0), row.get(1), row.get(2));
    let flows = answers.len() as i64 / 5;
    assert!(
        (flows - CLIENTS as i64..=flows).contains(&removals)
            && connections <= 2 * CLIENTS as i64
            && invitations <= CLIENTS as i64,
        "{flows} flows answered, yet {removals} removals, {connections} connection rows, \
         {invitations} invitations"
    );
    println!("load_{processes}_processes_flows_completed {removals} flows");
    for (shard, bot) in bots.iter().enumerate() {
        println!(
            "load_{processes}_processes_peak_memory_shard_{shard} {:.1} MiB",
            common::memory_kib(&bot.0.id().to_string(), "VmHWM").unwrap_or(0) as f64 / 1024.0
        );
    }
}

/// One pair of members at a time, each through invite → accept (DM click) → profile →
/// disconnect → confirm; then the next pair. Answer times, and how many never came.
async fn drive(
    discord: &FakeDiscord,
    guild: u64,
    client: u64,
    stop: &AtomicBool,
) -> (Vec<Duration>, usize) {
    let mut times = Vec::new();
    let mut missed = 0;
    let mut pair = 0u64;
    while !stop.load(Ordering::Relaxed) {
        let base = 1_700_000_000_000_000_000 + client * 10_000_000 + 2 * pair;
        let (a, b) = (
            Person::new(base, &format!("a{client}_{pair}")),
            Person::new(base + 1, &format!("b{client}_{pair}")),
        );
        let token = |step: &str| format!("tok-{client}-{pair}-{step}");
        let in_guild = |interaction| dj::moved_to_guild(interaction, guild);
        let accept = format!("hs:accept:{guild}:{}:{}", a.id, b.id);
        let remove = format!("hs:remove:{guild}:{}:{}", a.id, b.id);
        let dm = discord.next_id();
        let steps = [
            in_guild(dj::slash_command(
                discord.next_id(),
                &token("invite"),
                &a,
                "invite",
                &b,
                true,
                None,
            )),
            dj::button_click(
                discord.next_id(),
                &token("accept"),
                &b,
                &accept,
                dj::message(
                    discord.next_id(),
                    dm,
                    "invitation",
                    json!([{ "type": 1, "components": [
                        { "type": 2, "style": 3, "label": "Accept", "custom_id": accept }
                    ]}]),
                    0,
                ),
                ClickedIn::Dm(dm),
            ),
            in_guild(dj::slash_command(
                discord.next_id(),
                &token("profile"),
                &a,
                "profile",
                &b,
                true,
                None,
            )),
            in_guild(dj::slash_command(
                discord.next_id(),
                &token("disconnect"),
                &a,
                "disconnect",
                &b,
                true,
                None,
            )),
            // "Remove connection" on the confirmation.
            in_guild(dj::button_click(
                discord.next_id(),
                &token("remove"),
                &a,
                &remove,
                dj::message(
                    discord.next_id(),
                    dj::CHANNEL_ID,
                    "confirm",
                    json!([{ "type": 1, "components": [
                        { "type": 2, "style": 4, "label": "Remove connection", "custom_id": remove }
                    ]}]),
                    64,
                ),
                ClickedIn::Server,
            )),
        ];
        for step in steps {
            let sent = Instant::now();
            if discord
                .interact_answered(step, Duration::from_secs(10))
                .await
            {
                times.push(sent.elapsed());
            } else {
                missed += 1;
            }
        }
        pair += 1;
    }
    (times, missed)
}
