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
use handshake::picture::{MapWords, StatsWords, network_map, stats_chart};

#[path = "network/heap.rs"]
mod heap;

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

struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A member's network of `n` connections: groups of 40 % , 25 %, 15 %, 10 % and the rest
/// scattered; each member has about 8 links inside their group and few outside.
fn network(n: usize, second_degree: usize) -> NetworkMap {
    let mut random = SplitMix(0x5EED_0000 + n as u64);
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

struct English;

impl MapWords for English {
    fn you(&self) -> String {
        "You".into()
    }
    fn title(&self) -> String {
        "Your network".into()
    }
    fn connections(&self, drawn: usize, matched: usize) -> String {
        if drawn == matched {
            format!("{drawn} connections")
        } else {
            format!("{drawn} of {matched} connections")
        }
    }
    fn group(&self, name: Option<&str>, number: usize, people: usize) -> String {
        format!(
            "{} · {people} people",
            name.map_or(format!("Group {number}"), str::to_owned)
        )
    }
    fn ungrouped(&self, people: usize) -> String {
        format!("In no group · {people} people")
    }
    fn second_degree(&self, people: usize) -> String {
        format!("2nd degree · {people} people")
    }
}

impl StatsWords for English {
    fn title(&self) -> String {
        "Network statistics".into()
    }
    fn histogram_title(&self) -> String {
        "Connections per member".into()
    }
    fn connections_axis(&self) -> String {
        "connections".into()
    }
    fn members_axis(&self) -> String {
        "members".into()
    }
    fn weeks_title(&self) -> String {
        "Invitations per week".into()
    }
    fn sent(&self) -> String {
        "sent".into()
    }
    fn accepted(&self) -> String {
        "accepted".into()
    }
    fn ignored(&self) -> String {
        "ignored".into()
    }
}

fn main() {
    let folder = std::env::var("HANDSHAKE_BENCH_PICTURES").ok();
    let runs: usize = std::env::var("HANDSHAKE_BENCH_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(9);
    // Fonts are parsed once per process; a first picture takes that, and is not counted.
    drop(network_map(&network(5, 0), &English).unwrap());
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
        let mut times = Vec::new();
        let mut png = Vec::new();
        let mut peak = 0;
        for _ in 0..runs {
            heap::restart_peak();
            let before = heap::allocated();
            let started = Instant::now();
            let picture = network_map(&map, &English).unwrap();
            times.push(started.elapsed());
            peak = peak.max(heap::peak() - before);
            png = picture.png;
        }
        report(&name, times, peak, &png);
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
    let mut times = Vec::new();
    let mut png = Vec::new();
    let mut peak = 0;
    for _ in 0..runs {
        heap::restart_peak();
        let before = heap::allocated();
        let started = Instant::now();
        png = stats_chart(&chart, &English).unwrap().png;
        times.push(started.elapsed());
        peak = peak.max(heap::peak() - before);
    }
    report("stats_chart", times, peak, &png);
    if let Some(folder) = &folder {
        std::fs::write(format!("{folder}/stats_chart.png"), &png).unwrap();
    }
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
