//! A bot in many small servers, in one process: 10,000 servers of 10 to 200 members (each
//! newcomer connected to up to 3 earlier members), on SQLite. Measures what start-up costs
//! when Discord announces every server at once (the bot preloads each, in turns): opening the
//! store, loading them all, the answer time of a first command in a server not loaded yet
//! while that goes on (it must not wait behind the preloads), and the process's memory once
//! every server is loaded.
//!
//! `cargo bench --bench servers`; `HANDSHAKE_BENCH_SERVERS` (default 10000) changes the count.
//! The generated file is kept under target/bench-data. Prints `name value unit` lines.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

#[path = "common/mod.rs"]
mod common;

use handshake::network::{GuildId, MemberId, MemberNames, Network, SystemClock};
use handshake::store::sqlite::SqliteStore;

const SEED: u64 = 0x5EED_5E4E;
const LINKS_PER_NEWCOMER: usize = 3;
const FIRST_USES: usize = 100;

fn main() {
    let servers: usize = std::env::var("HANDSHAKE_BENCH_SERVERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let path = data_file(servers);
    common::runtime().block_on(measure(&path, servers));
}

fn data_file(servers: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("servers-{servers}-{SEED:x}-v1.db"));
    let done = path.with_extension("done");
    if !done.exists() {
        eprintln!("generating {servers} servers (once; reused later)…");
        let _ = std::fs::remove_file(&path);
        generate(&path, servers);
        std::fs::write(&done, b"").unwrap();
    }
    path
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn guild(i: usize) -> GuildId {
    GuildId::new(1_300_000_000_000_000_000 + i as u64).unwrap()
}

fn member(guild: usize, i: usize) -> MemberId {
    MemberId::new(1_000_000_000_000_000_000 + (guild * 1_000 + i) as u64).unwrap()
}

fn members_of(rng: &mut Rng) -> usize {
    10 + rng.below(191)
}

fn generate(path: &Path, servers: usize) {
    drop(SqliteStore::open(path).unwrap());
    let mut conn = rusqlite::Connection::open(path).unwrap();
    let mut rng = Rng(SEED);
    let now = 1_795_000_000_000i64;
    let tx = conn.transaction().unwrap();
    {
        let mut add_member = tx
            .prepare(
                "INSERT INTO members (guild_id, user_id, first_seen_ms, display_name, username,
                                      search_key, names_seen_ms)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?3)",
            )
            .unwrap();
        let mut connect = tx
            .prepare(
                "INSERT INTO connections (guild_id, user_id, peer_id, since_ms)
                 VALUES (?1, ?2, ?3, ?4)",
            )
            .unwrap();
        for s in 0..servers {
            let g = guild(s).get() as i64;
            let count = members_of(&mut rng);
            for i in 0..count {
                let names = MemberNames {
                    display_name: format!("Member {i} of {s}"),
                    username: format!("m{s}_{i}"),
                };
                add_member
                    .execute(rusqlite::params![
                        g,
                        member(s, i).get() as i64,
                        now,
                        names.display_name,
                        names.username,
                        names.search_key()
                    ])
                    .unwrap();
                let mut chosen: Vec<usize> = Vec::new();
                while chosen.len() < LINKS_PER_NEWCOMER.min(i) {
                    let peer = rng.below(i);
                    if !chosen.contains(&peer) {
                        chosen.push(peer);
                    }
                }
                for peer in chosen {
                    let (a, b) = (member(s, i).get() as i64, member(s, peer).get() as i64);
                    connect.execute(rusqlite::params![g, a, b, now]).unwrap();
                    connect.execute(rusqlite::params![g, b, a, now]).unwrap();
                }
            }
        }
    }
    tx.commit().unwrap();
    drop(conn);
    SqliteStore::open(path)
        .unwrap()
        .optimize_blocking()
        .unwrap();
}

async fn measure(path: &Path, servers: usize) {
    // A copy, so every run starts from the same file.
    let copy = path.with_extension("run.db");
    std::fs::copy(path, &copy).unwrap();
    let opened = Instant::now();
    let store = tokio::task::spawn_blocking(move || SqliteStore::open(&copy))
        .await
        .unwrap()
        .unwrap();
    let network = Network::new(store, SystemClock);
    println!("store sqlite");
    println!("servers {servers} servers");
    println!("open_store {:.1} ms", opened.elapsed().as_secs_f64() * 1e3);

    // Discord announces every server at once; the bot preloads each (as on GUILD_CREATE).
    let started = Instant::now();
    let loaded = Arc::new(AtomicUsize::new(0));
    let preloads: Vec<_> = (0..servers)
        .map(|s| {
            let (network, loaded) = (network.clone(), Arc::clone(&loaded));
            tokio::spawn(async move {
                network.preload(guild(s)).await.unwrap();
                loaded.fetch_add(1, Ordering::Relaxed);
            })
        })
        .collect();

    // Meanwhile members use servers not loaded yet: a first command must not wait behind the
    // thousands of preloads queued before it.
    let mut rng = Rng(SEED ^ 1);
    let mut first_uses = Vec::new();
    while first_uses.len() < FIRST_USES && loaded.load(Ordering::Relaxed) < servers {
        let s = rng.below(servers);
        if network.is_loaded(guild(s)) {
            continue;
        }
        let asked = Instant::now();
        network
            .degree(guild(s), member(s, 0), member(s, 1))
            .await
            .unwrap();
        first_uses.push(asked.elapsed());
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    for preload in preloads {
        preload.await.unwrap();
    }
    println!(
        "preload_all {:.1} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
    first_uses.sort_unstable();
    let at =
        |q: f64| first_uses[((first_uses.len() as f64 * q) as usize).min(first_uses.len() - 1)];
    println!("first_use_samples {} commands", first_uses.len());
    println!(
        "first_use_unloaded_p50 {:.2} ms",
        at(0.5).as_secs_f64() * 1e3
    );
    println!(
        "first_use_unloaded_p99 {:.2} ms",
        at(0.99).as_secs_f64() * 1e3
    );
    for (field, name) in [("VmRSS", "rss_all_loaded"), ("VmHWM", "peak_rss")] {
        if let Some(kib) = common::memory_kib("self", field) {
            println!("{name} {:.1} MiB", kib as f64 / 1024.0);
        }
    }
}
