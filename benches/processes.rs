//! Several processes on one PostgreSQL: how fast one process's commit reaches another's
//! memory, and how many writes per second one PostgreSQL takes from 1, 2 and 4 processes.
//!
//! Each "process" is a `Network` over its own `PostgresStore` (its own pool and change feed),
//! as a bot process has; they share this benchmark's OS process and the machine's cores with
//! PostgreSQL itself, so on a small machine the CPU, not the design, sets the ceiling (the
//! figures say so: compare the 1-, 2- and 4-process lines).
//!
//! `HANDSHAKE_BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres cargo bench
//! --bench processes`. Prints `name value unit` lines; without the URL it says it did not run.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

#[path = "common/mod.rs"]
mod common;

use handshake::network::{Degree, GuildId, LimitsUpdate, MemberId, Network, SystemClock};
use handshake::store::postgres::PostgresStore;

const DATABASE: &str = "handshake_bench_processes";
const PROPAGATIONS: u64 = 400;
const THROUGHPUT_FOR: Duration = Duration::from_secs(10);
/// Writers per process: enough to keep each process's pool busy.
const WRITERS: u64 = 8;

fn main() {
    let Some(url) = common::postgres_url() else {
        println!("processes benchmark did not run: set HANDSHAKE_BENCH_DATABASE_URL");
        return;
    };
    common::runtime().block_on(async {
        let config: tokio_postgres::Config = common::fresh_database(&url, DATABASE)
            .await
            .parse()
            .unwrap();
        println!("store postgres");
        propagation(&config).await;
        for processes in [1, 2, 4] {
            throughput(&config, processes).await;
        }
    });
}

async fn process(config: &tokio_postgres::Config) -> Network {
    let store = PostgresStore::connect_with(config.clone()).await.unwrap();
    Network::new(store, SystemClock)
}

fn id(n: u64) -> MemberId {
    MemberId::new(n).unwrap()
}

async fn generous_limits(network: &Network, guild: GuildId) {
    network
        .update_limits(
            guild,
            LimitsUpdate {
                invites_per_week: Some(10_000),
                connection_cap: Some(1_000_000),
                ..Default::default()
            },
        )
        .await
        .unwrap();
}

/// Commit in one process (the accept returns) → the other process's in-memory graph has the
/// connection.
async fn propagation(config: &tokio_postgres::Config) {
    let guild = GuildId::new(1_200_000_000_000_000_001).unwrap();
    let (writer, follower) = (process(config).await, process(config).await);
    generous_limits(&writer, guild).await;
    follower.preload(guild).await.unwrap();
    let mut samples = Vec::new();
    for pair in 0..PROPAGATIONS {
        let (a, b) = (id(2 * pair + 1), id(2 * pair + 2));
        writer.invite(guild, a, b, None).await.unwrap();
        writer.accept(guild, b, a).await.unwrap();
        let committed = Instant::now();
        while follower.degree(guild, a, b).await.unwrap() != Degree::First {
            tokio::task::yield_now().await;
            assert!(
                committed.elapsed() < Duration::from_secs(10),
                "never arrived"
            );
        }
        samples.push(committed.elapsed());
    }
    timings("propagation", samples);
}

/// `processes` processes, each with [`WRITERS`] tasks inviting and accepting as fast as they
/// are answered, each task in a server of its own (a bot serves many servers; writes to one
/// server are serialized by design).
async fn throughput(config: &tokio_postgres::Config, processes: u64) {
    let mut networks = Vec::new();
    for _ in 0..processes {
        networks.push(process(config).await);
    }
    let stop = Arc::new(AtomicBool::new(false));
    let done = Arc::new(AtomicU64::new(0));
    let mut tasks = Vec::new();
    for (p, network) in networks.iter().enumerate() {
        for w in 0..WRITERS {
            let guild = GuildId::new(1_000 * processes + 100 * p as u64 + w + 1).unwrap();
            let (network, stop, done) = (network.clone(), Arc::clone(&stop), Arc::clone(&done));
            tasks.push(tokio::spawn(async move {
                generous_limits(&network, guild).await;
                let mut latencies = Vec::new();
                let mut n = 0u64;
                while !stop.load(Ordering::Relaxed) {
                    let (a, b) = (id(2 * n + 1), id(2 * n + 2));
                    let started = Instant::now();
                    network.invite(guild, a, b, None).await.unwrap();
                    latencies.push(started.elapsed());
                    let started = Instant::now();
                    network.accept(guild, b, a).await.unwrap();
                    latencies.push(started.elapsed());
                    done.fetch_add(2, Ordering::Relaxed);
                    n += 1;
                }
                latencies
            }));
        }
    }
    // Past the set-up (limits, loads), then measured.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let (start, from) = (Instant::now(), done.load(Ordering::Relaxed));
    tokio::time::sleep(THROUGHPUT_FOR).await;
    let writes = done.load(Ordering::Relaxed) - from;
    let elapsed = start.elapsed();
    stop.store(true, Ordering::Relaxed);
    let mut latencies = Vec::new();
    for task in tasks {
        latencies.extend(task.await.unwrap());
    }
    println!(
        "writes_per_second_{processes}_processes {:.0} writes/s",
        writes as f64 / elapsed.as_secs_f64()
    );
    timings(&format!("write_{processes}_processes"), latencies);
}

fn timings(name: &str, mut samples: Vec<Duration>) {
    samples.sort_unstable();
    let at = |q: f64| samples[((samples.len() as f64 * q) as usize).min(samples.len() - 1)];
    println!("{name}_p50 {:.2} ms", at(0.50).as_secs_f64() * 1e3);
    println!("{name}_p99 {:.2} ms", at(0.99).as_secs_f64() * 1e3);
}
