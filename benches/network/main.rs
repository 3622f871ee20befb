//! Benchmark of the network on a generated server: 100,000 members, a heavy-tailed degree
//! distribution from preferential attachment (each newcomer connects to 25 members chosen in
//! proportion to their connection count), so a mean of 50 connections and a best-connected
//! member with thousands. Every figure is measured through the network module's public API.
//!
//! Prints one `name value unit` line per figure. Timings are never asserted anywhere.
//!
//! Settings (environment): HANDSHAKE_BENCH_MEMBERS (default 100000), HANDSHAKE_BENCH_CASES
//! (default 2000). The generated database is kept under target/bench-data and reused.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use handshake::network::port::Output;
use handshake::network::{
    ConnectionFilter, ConnectionWindow, GuildId, LimitsUpdate, ManualClock, MemberId, MemberNames,
    Network, Timestamp,
};
use handshake::store::postgres::PostgresStore;
use handshake::store::sqlite::SqliteStore;

#[path = "../common/mod.rs"]
mod common;
#[path = "../common/splitmix.rs"]
mod splitmix;
use splitmix::Rng;
mod generate;
mod heap;
mod profiles;

/// Counted, so that what a structure takes can be read exactly (see `heap`).
#[global_allocator]
static HEAP: heap::Counting = heap::Counting;

const LINKS_PER_NEWCOMER: usize = 25;
const SEED: u64 = 0x5EED_2026;
const GUILD: u64 = 1_200_000_000_000_000_001;
/// Connections are spread over the two years before this instant.
const NOW: Timestamp = Timestamp::from_unix_millis(1_795_000_000_000);
const TWO_YEARS_MS: u64 = 2 * 365 * 24 * 3600 * 1000;

const FIRST_NAMES: [&str; 24] = [
    "Ada", "Bram", "Chloé", "Dmitri", "Emeka", "Fatima", "Giulia", "Hana", "Ivan", "Jonas",
    "Keiko", "Lucía", "Mateo", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Sven", "Tomás",
    "Uma", "Viktor", "Wen", "Zoë",
];
const LAST_NAMES: [&str; 16] = [
    "Anders",
    "Bauer",
    "Costa",
    "Dubois",
    "Eriksen",
    "Fujita",
    "García",
    "Horvat",
    "Ibarra",
    "Jansen",
    "Kowalski",
    "Lindqvist",
    "Moreau",
    "Novak",
    "Okafor",
    "Petrov",
];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--generate") {
        let path = PathBuf::from(&args[at + 1]);
        let members: usize = args[at + 2].parse().unwrap();
        generate::into_sqlite(&path, members);
        return;
    }
    if let Some(at) = args.iter().position(|a| a == "--generate-postgres") {
        let (url, database) = (&args[at + 1], &args[at + 2]);
        let members: usize = args[at + 3].parse().unwrap();
        runtime().block_on(generate::into_postgres(url, database, members));
        return;
    }
    let members = setting("HANDSHAKE_BENCH_MEMBERS", 100_000);
    let cases = setting("HANDSHAKE_BENCH_CASES", 2_000);
    let sections = Sections::from_env();
    let target = match std::env::var("HANDSHAKE_BENCH_DATABASE_URL") {
        Ok(url) if !url.trim().is_empty() => {
            let runtime = runtime();
            let run = runtime.block_on(postgres_working_copy(&url, members));
            Target::Postgres(Box::new(run))
        }
        _ => Target::Sqlite(working_copy(&database(members))),
    };
    runtime().block_on(measure(&target, members, cases, sections));
}

use common::runtime;

/// The database a run measures: always a fresh copy of the generated one.
enum Target {
    Sqlite(PathBuf),
    /// A driver configuration for the run's own database.
    Postgres(Box<tokio_postgres::Config>),
}

/// The generated PostgreSQL database (a template, made once by a child process), copied into
/// a fresh database for this run with `CREATE DATABASE … TEMPLATE`.
async fn postgres_working_copy(url: &str, members: usize) -> tokio_postgres::Config {
    let template = format!("handshake_bench_{members}_{SEED:x}_v1");
    let admin = generate::admin(url).await;
    let done = admin
        .query_opt("SELECT 1 FROM pg_database WHERE datname = $1", &[&template])
        .await
        .unwrap()
        .is_some()
        && generate::marked_done(url, &template).await;
    if !done {
        eprintln!(
            "generating a {members}-member network in database {template} (once; reused later)…"
        );
        let started = Instant::now();
        let status = Command::new(std::env::current_exe().unwrap())
            .args(["--generate-postgres", url, &template, &members.to_string()])
            .status()
            .unwrap();
        assert!(status.success(), "generation failed");
        eprintln!("generated in {:.0?}", started.elapsed());
    }
    let run = "handshake_bench_run";
    for statement in [
        format!("DROP DATABASE IF EXISTS {run}"),
        format!("CREATE DATABASE {run} TEMPLATE {template}"),
    ] {
        admin.batch_execute(&statement).await.unwrap();
    }
    let mut config: tokio_postgres::Config = url.parse().unwrap();
    config.dbname(run);
    config
}

/// Which groups of figures to measure: all, or those named in HANDSHAKE_BENCH_ONLY
/// (comma-separated: `reads`, `profiles`, `writes`), to profile one group alone.
#[derive(Clone, Copy)]
struct Sections {
    reads: bool,
    profiles: bool,
    writes: bool,
}

impl Sections {
    fn from_env() -> Self {
        match std::env::var("HANDSHAKE_BENCH_ONLY") {
            Ok(only) => {
                let named = |s: &str| only.split(',').any(|n| n.trim() == s);
                Sections {
                    reads: named("reads"),
                    profiles: named("profiles"),
                    writes: named("writes"),
                }
            }
            Err(_) => Sections {
                reads: true,
                profiles: true,
                writes: true,
            },
        }
    }
}

fn setting(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The generated database, made by a child process (so this process's peak memory is the
/// serving figure alone), or reused from an earlier run.
fn database(members: usize) -> PathBuf {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join(format!("network-{members}-{SEED:x}-v1.db"));
    let done = path.with_extension("done");
    if !done.exists() {
        for stale in [
            path.clone(),
            path.with_extension("db-wal"),
            path.with_extension("db-shm"),
        ] {
            let _ = std::fs::remove_file(stale);
        }
        eprintln!(
            "generating a {members}-member network in {} (once; reused later)…",
            path.display()
        );
        let started = Instant::now();
        let status = Command::new(std::env::current_exe().unwrap())
            .args(["--generate", path.to_str().unwrap(), &members.to_string()])
            .status()
            .unwrap();
        assert!(status.success(), "generation failed");
        eprintln!("generated in {:.0?}", started.elapsed());
        std::fs::write(&done, "").unwrap();
    }
    // A data set generated by an older schema is brought up to date once, here, not in every
    // run's copy.
    drop(SqliteStore::open(&path).unwrap());
    path
}

/// A fresh copy of the generated database for this run, so that every run starts from the same
/// state (the writes measured would otherwise pile up in the reused file).
fn working_copy(generated: &Path) -> PathBuf {
    let copy = generated.with_extension("run.db");
    for stale in [copy.with_extension("db-wal"), copy.with_extension("db-shm")] {
        let _ = std::fs::remove_file(stale);
    }
    std::fs::copy(generated, &copy).unwrap();
    copy
}

fn member(i: usize) -> MemberId {
    MemberId::new(1_000_000_000_000_000_000 + i as u64).unwrap()
}

fn guild() -> GuildId {
    GuildId::new(GUILD).unwrap()
}

fn names(i: usize) -> MemberNames {
    let first = FIRST_NAMES[i % FIRST_NAMES.len()];
    let last = LAST_NAMES[(i / FIRST_NAMES.len()) % LAST_NAMES.len()];
    MemberNames {
        display_name: format!("{first} {last}"),
        username: format!("{}{i}", first.to_lowercase()),
    }
}

struct Figures(Vec<(String, f64, &'static str)>);

impl Figures {
    fn add(&mut self, name: impl Into<String>, value: f64, unit: &'static str) {
        let name = name.into();
        println!("{name} {value:.1} {unit}");
        self.0.push((name, value, unit));
    }

    fn timings(&mut self, name: &str, mut samples: Vec<Duration>) {
        samples.sort_unstable();
        let at = |q: f64| samples[((samples.len() as f64 * q) as usize).min(samples.len() - 1)];
        self.add(format!("{name}_p50"), at(0.50).as_secs_f64() * 1e6, "us");
        self.add(format!("{name}_p99"), at(0.99).as_secs_f64() * 1e6, "us");
    }
}

async fn timed<T, F: std::future::Future<Output = T>>(work: F) -> (T, Duration) {
    let started = Instant::now();
    let out = work.await;
    (out, started.elapsed())
}

async fn measure(target: &Target, members: usize, cases: usize, sections: Sections) {
    let mut figures = Figures(Vec::new());
    let clock = ManualClock::starting_at(NOW);
    let network = match target {
        Target::Sqlite(path) => Network::new(SqliteStore::open(path).unwrap(), clock.clone()),
        Target::Postgres(config) => Network::new(
            PostgresStore::connect_with((**config).clone())
                .await
                .unwrap(),
            clock.clone(),
        ),
    };
    let g = guild();
    let mut rng = Rng(SEED ^ 0xBE7C);
    println!("store {}", network.storage().kind());
    figures.add("members", members as f64, "count");

    let (_, load) = timed(network.degree(g, member(0), member(1))).await;
    figures.add("graph_load", load.as_secs_f64() * 1e3, "ms");
    if sections.reads || sections.profiles {
        let (hub, typical) = census(&network, &mut figures, members).await;
        if sections.reads {
            reads(
                &network,
                &mut figures,
                &mut rng,
                members,
                cases,
                hub,
                &typical,
            )
            .await;
        }
        // After the reads, so that their figures are those of the network without profiles.
        if sections.profiles {
            profiles::measure(
                &network,
                &mut figures,
                &mut rng,
                members,
                cases,
                (hub, &typical),
            )
            .await;
        }
    }
    if sections.writes {
        writes(&network, &clock, &mut figures, &mut rng, members, cases).await;
    }

    let size = match target {
        Target::Sqlite(path) => ["db", "db-wal"]
            .iter()
            .filter_map(|ext| std::fs::metadata(path.with_extension(ext)).ok())
            .map(|m| m.len())
            .sum(),
        Target::Postgres(config) => generate::database_size(config).await,
    };
    figures.add("store_size", size as f64 / (1024.0 * 1024.0), "MiB");
    figures.add("peak_memory", peak_memory_kib() as f64 / 1024.0, "MiB");
}

/// The best-connected member and the typical ones (median connection count).
async fn census(network: &Network, figures: &mut Figures, members: usize) -> (usize, Vec<usize>) {
    let g = guild();
    let mut counts = Vec::with_capacity(members);
    for i in 0..members {
        counts.push((network.counts(g, member(i)).await.unwrap().connections, i));
    }
    counts.sort_unstable();
    let total: u64 = counts.iter().map(|c| u64::from(c.0)).sum();
    figures.add("connections", (total / 2) as f64, "count");
    let (hub_degree, hub) = *counts.last().unwrap();
    figures.add(
        "best_connected_member_connections",
        f64::from(hub_degree),
        "count",
    );
    let median = counts[members / 2].0;
    figures.add("median_member_connections", f64::from(median), "count");
    let typical: Vec<usize> = counts
        .iter()
        .filter(|c| c.0 == median)
        .map(|c| c.1)
        .collect();
    (hub, typical)
}

/// Pages, degree, mutual connections and suggestions.
async fn reads(
    network: &Network,
    figures: &mut Figures,
    rng: &mut Rng,
    members: usize,
    cases: usize,
    hub: usize,
    typical: &[usize],
) {
    let g = guild();

    // A /connections page: the first page, or the page after a random connection.
    let page = |who: usize, rng: &mut Rng, search: Option<String>| {
        let network = network.clone();
        let random = rng.next();
        async move {
            let filter = ConnectionFilter {
                name_contains: search,
                ..Default::default()
            };
            let window = if random.is_multiple_of(2) {
                ConnectionWindow::first(10)
            } else {
                let all = network
                    .connections(
                        g,
                        member(who),
                        ConnectionFilter::default(),
                        ConnectionWindow::first(100),
                    )
                    .await
                    .unwrap();
                match all
                    .items
                    .get((random as usize / 2) % all.items.len().max(1))
                {
                    Some(entry) => ConnectionWindow::after(entry.cursor(), 10),
                    None => ConnectionWindow::first(10),
                }
            };
            let (page, took) = timed(network.connections(g, member(who), filter, window)).await;
            page.unwrap();
            took
        }
    };
    for (label, pick) in [("typical", None), ("best_connected", Some(hub))] {
        for (suffix, searching) in [("", false), ("_search", true)] {
            let mut samples = Vec::with_capacity(cases);
            for _ in 0..cases {
                let who = pick.unwrap_or_else(|| typical[rng.below(typical.len())]);
                // A search is part of a real name: three letters of a first or last name.
                let search = searching.then(|| {
                    let name = if rng.next().is_multiple_of(2) {
                        FIRST_NAMES[rng.below(FIRST_NAMES.len())]
                    } else {
                        LAST_NAMES[rng.below(LAST_NAMES.len())]
                    };
                    name.chars().skip(rng.below(2)).take(3).collect::<String>()
                });
                samples.push(page(who, rng, search).await);
            }
            figures.timings(&format!("connections_page_{label}{suffix}"), samples);
        }
    }

    let mut samples = Vec::with_capacity(cases);
    for _ in 0..cases {
        let (a, b) = (rng.below(members), rng.below(members));
        if a == b {
            continue;
        }
        let (degree, took) = timed(network.degree(g, member(a), member(b))).await;
        degree.unwrap();
        samples.push(took);
    }
    figures.timings("degree", samples);

    let mut samples = Vec::with_capacity(cases);
    for _ in 0..cases {
        let a = rng.below(members);
        let peers = network
            .connections(
                g,
                member(a),
                ConnectionFilter::default(),
                ConnectionWindow::first(100),
            )
            .await
            .unwrap();
        let b = peers.items[rng.below(peers.items.len())].peer;
        let (mutuals, took) = timed(network.mutual_connections(g, member(a), b, 5)).await;
        mutuals.unwrap();
        samples.push(took);
    }
    figures.timings("mutuals", samples);

    let mut samples = Vec::with_capacity(cases);
    for _ in 0..cases {
        let who = rng.below(members);
        let (list, took) = timed(network.suggestions(g, member(who), 10)).await;
        list.unwrap();
        samples.push(took);
    }
    figures.timings("suggestions", samples);
    let (list, took) = timed(network.suggestions(g, member(hub), 10)).await;
    list.unwrap();
    figures.add("suggestions_best_connected", took.as_secs_f64() * 1e6, "us");
}

/// Writes, each in its own transaction: invite, accept, disconnect.
async fn writes(
    network: &Network,
    clock: &ManualClock,
    figures: &mut Figures,
    rng: &mut Rng,
    members: usize,
    cases: usize,
) {
    let g = guild();
    network
        .update_limits(
            g,
            LimitsUpdate {
                invites_per_week: Some(10_000),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    // What any operation costs before its own work: a transaction that runs one trivial
    // statement (on PostgreSQL, the round trips and the client's share of them).
    let (mut read_floor, mut write_floor) = (Vec::new(), Vec::new());
    for _ in 0..cases {
        let storage = network.storage();
        let (done, took) = timed(storage.read(Box::new(|tx| {
            Box::pin(async move { Ok(Box::new(tx.pin_snapshot().await?) as Output) })
        })))
        .await;
        done.unwrap();
        read_floor.push(took);
        let (done, took) = timed(storage.write(
            g,
            Box::new(|tx| {
                Box::pin(async move { Ok(Box::new(tx.pin_snapshot().await?) as Output) })
            }),
        ))
        .await;
        done.unwrap();
        write_floor.push(took);
    }
    figures.timings("floor_read", read_floor);
    figures.timings("floor_write", write_floor);

    let (mut invites, mut accepts, mut disconnects) = (Vec::new(), Vec::new(), Vec::new());
    while invites.len() < cases {
        let (a, b) = (member(rng.below(members)), member(rng.below(members)));
        if a == b || network.is_connected(g, a, b).await.unwrap() {
            continue;
        }
        let (sent, took) = timed(network.invite(g, a, b, Some("Met at the benchmark"))).await;
        if sent.is_err() {
            continue; // already invited by an earlier case
        }
        invites.push(took);
        let (connected, took) = timed(network.accept(g, b, a)).await;
        connected.unwrap();
        accepts.push(took);
        let (removed, took) = timed(network.disconnect(g, a, b)).await;
        removed.unwrap();
        disconnects.push(took);
        clock.advance(Duration::from_millis(1));
    }
    figures.timings("write_invite", invites);
    figures.timings("write_accept", accepts);
    figures.timings("write_disconnect", disconnects);

    // A member erasing their data (`/mydata delete`): both sides of each connection and
    // everything else they own, in one transaction. Rare, so fewer cases; run last, as it
    // changes the network.
    let mut erasures = Vec::new();
    for _ in 0..(cases / 40).max(10) {
        let who = member(rng.below(members));
        let (erased, took) = timed(network.erase_my_data(g, who)).await;
        erased.unwrap();
        erasures.push(took);
    }
    figures.timings("write_erase_member", erasures);
}

/// The process's peak resident memory (VmHWM), in KiB.
fn peak_memory_kib() -> u64 {
    common::memory_kib("self", "VmHWM").unwrap_or(0)
}
