//! Benchmark of the network map and the moderators' chart: layout and rendering time, the
//! heap's peak growth while a picture is made, and the PNG's size, for networks of 0, 1, 5,
//! 50, 500 and 5,000 connections (and a map with second-degree members).
//!
//! Each network is generated the same way every run: connections fall in groups of varied
//! sizes (a community's circles), linked mostly within their group, and members list skills
//! by group. Prints `name value unit` lines; HANDSHAKE_BENCH_PICTURES=<folder> also writes
//! each picture there, to look at.

use std::time::{Duration, Instant};

use handshake::network::{
    InvitationWeek, MapMember, MemberId, NetworkMap, StatsHistory, Timestamp,
};
use handshake::picture::{Picture, PictureError, PlainWords, network_map, stats_chart};

#[path = "network/heap.rs"]
mod heap;
#[path = "common/splitmix.rs"]
mod splitmix;
use splitmix::Rng;

#[global_allocator]
static HEAP: heap::Counting = heap::Counting;

const SKILLS: [&str; 8] = [
    "Rust",
    "Design",
    "Go",
    "Data",
    "Marketing",
    "Security",
    "Frontend",
    "DevOps",
];
/// Names in several scripts, as a server's members have them.
const NAMES: [&str; 10] = [
    "Ada Lovelace",
    "Дмитрий Петров",
    "山田 太郎",
    "Chloé Dubois",
    "김민준",
    "Σοφία Παππά",
    "Emeka Okafor",
    "李小龍",
    "Zoë Jansen",
    "Mateo García",
];

/// A member's network of `n` connections: groups of 40 % , 25 %, 15 %, 10 % and the rest
/// scattered; each member has about 8 links inside their group and few outside.
fn network(n: usize, second_degree: usize) -> NetworkMap {
    let mut random = Rng(0x5EED_0000 + n as u64);
    let shares = [0.4, 0.25, 0.15, 0.1];
    let group = |i: usize| {
        let mut edge = 0.0;
        for (g, share) in shares.iter().enumerate() {
            edge += share * n as f64;
            if (i as f64) < edge {
                return Some(g);
            }
        }
        None
    };
    let mut links = Vec::new();
    for a in 0..n {
        // Links to later members of the same group, about 4 each (8 per member in all).
        let ga = group(a);
        for _ in 0..4 {
            let b = a + 1 + (random.next() % 60) as usize;
            if b < n && group(b) == ga && ga.is_some() {
                links.push((a as u32, b as u32));
            }
        }
        if random.unit() < 0.1 {
            let b = (random.next() % n as u64) as usize;
            if b != a {
                links.push((a.min(b) as u32, a.max(b) as u32));
            }
        }
    }
    links.sort_unstable();
    links.dedup();
    NetworkMap {
        connections: (0..n)
            .map(|i| MapMember {
                id: MemberId::new(1_000 + i as u64).unwrap(),
                name: format!("{} {i}", NAMES[i % NAMES.len()]),
                labels: group(i)
                    .map(|g| vec![SKILLS[g].to_owned()])
                    .unwrap_or_default(),
            })
            .collect(),
        links,
        second_degree: (0..second_degree.min(n * 4))
            .map(|i| vec![(i % n.max(1)) as u32, ((i * 7 + 3) % n.max(1)) as u32])
            .filter(|_| n > 0)
            .collect(),
        matched: n,
    }
}

fn main() {
    let folder = std::env::var("HANDSHAKE_BENCH_PICTURES").ok();
    let runs: usize = std::env::var("HANDSHAKE_BENCH_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(9);
    // Fonts are parsed once per process; a first picture takes that, and is not counted.
    drop(network_map(&network(5, 0), &PlainWords).unwrap());
    for (n, second) in [
        (0, 0),
        (1, 0),
        (5, 0),
        (50, 0),
        (500, 0),
        (500, 1500),
        (5_000, 0),
    ] {
        let map = network(n, second);
        let name = if second > 0 {
            format!("map_{n}_second_degree")
        } else {
            format!("map_{n}")
        };
        let png = measure(&name, runs, || network_map(&map, &PlainWords));
        if let Some(folder) = &folder {
            std::fs::write(format!("{folder}/{name}.png"), &png).unwrap();
        }
    }
    let chart = StatsHistory {
        connections_per_member: network(100_000, 0).links.iter().fold(
            vec![0u32; 100_000],
            |mut degree, &(a, b)| {
                degree[a as usize] += 1;
                degree[b as usize] += 1;
                degree
            },
        ),
        weeks: (0..12)
            .map(|w| InvitationWeek {
                week_start: Timestamp::from_unix_millis(1_795_000_000_000 + w * 604_800_000),
                sent: 400 + 37 * w as u32,
                accepted: 250 + 20 * w as u32,
                ignored: 60 + 5 * (w % 4) as u32,
            })
            .collect(),
    };
    let png = measure("stats_chart", runs, || stats_chart(&chart, &PlainWords));
    if let Some(folder) = &folder {
        std::fs::write(format!("{folder}/stats_chart.png"), &png).unwrap();
    }
}

/// Draws `runs` times; prints the figures and returns the last picture's PNG.
fn measure(name: &str, runs: usize, draw: impl Fn() -> Result<Picture, PictureError>) -> Vec<u8> {
    let (mut times, mut peak, mut png) = (Vec::new(), 0, Vec::new());
    for _ in 0..runs {
        heap::restart_peak();
        let before = heap::allocated();
        let started = Instant::now();
        png = draw().unwrap().png;
        times.push(started.elapsed());
        peak = peak.max(heap::peak() - before);
    }
    report(name, times, peak, &png);
    png
}

fn report(name: &str, mut times: Vec<Duration>, peak: isize, png: &[u8]) {
    times.sort_unstable();
    let median = times[times.len() / 2];
    println!("{name}_render_p50 {:.1} ms", median.as_secs_f64() * 1e3);
    println!(
        "{name}_peak_heap {:.1} MiB",
        peak as f64 / (1024.0 * 1024.0)
    );
    println!("{name}_png {:.1} KiB", png.len() as f64 / 1024.0);
}
