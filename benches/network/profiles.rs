//! Profiles and people search on the generated server: 30 % of members save a profile of 3–8
//! skills drawn from a Zipf-distributed vocabulary of 2,000 skills (a few very common, most
//! rare), with a headline and an about text; then `/people` by a common skill for the
//! best-connected and a typical member, by words, and skill autocomplete.

use std::time::Instant;

use handshake::network::{GuildId, Network, PeopleFilter, ProfileDraft};

use super::{Figures, Rng, guild, member, timed};

const SKILLS: usize = 2_000;
const PEOPLE_PAGE: usize = 10;
const SYLLABLES: [&str; 37] = [
    "ra", "ko", "mi", "te", "su", "la", "no", "vi", "da", "pe", "zu", "ro", "ki", "ma", "to", "se",
    "li", "na", "go", "fe", "ba", "ri", "mo", "ti", "sa", "lu", "ne", "va", "di", "po", "xa", "re",
    "ku", "me", "tu", "si", "le",
];
const ROLES: [&str; 12] = [
    "Backend engineer",
    "Designer",
    "Data scientist",
    "Product manager",
    "Site reliability engineer",
    "Frontend developer",
    "Researcher",
    "Founder",
    "Community manager",
    "Security engineer",
    "Student",
    "Consultant",
];
const COMPANIES: [&str; 10] = [
    "Ferrous Systems",
    "Oxide",
    "a fintech",
    "a game studio",
    "Café Analytics",
    "the university",
    "a hospital",
    "Zürich Labs",
    "an agency",
    "Northwind",
];

/// A pronounceable, distinct name for skill `k` (0-based): "Rako", "Mite", …
fn skill_name(k: usize) -> String {
    let mut name = format!(
        "{}{}",
        SYLLABLES[k % SYLLABLES.len()],
        SYLLABLES[(k / SYLLABLES.len()) % SYLLABLES.len()]
    );
    let third = k / (SYLLABLES.len() * SYLLABLES.len());
    if third > 0 {
        name.push_str(SYLLABLES[third]);
    }
    let mut chars = name.chars();
    let first = chars.next().unwrap().to_uppercase().collect::<String>();
    first + chars.as_str()
}

/// Zipf (s = 1) over `SKILLS` ranks: skill 0 is the most common.
struct Zipf(Vec<f64>);

impl Zipf {
    fn new() -> Self {
        let mut total = 0.0;
        Zipf(
            (1..=SKILLS)
                .map(|k| {
                    total += 1.0 / k as f64;
                    total
                })
                .collect(),
        )
    }

    fn sample(&self, rng: &mut Rng) -> usize {
        let total = *self.0.last().unwrap();
        let u = (rng.next() as f64 / u64::MAX as f64) * total;
        self.0.partition_point(|&c| c < u).min(SKILLS - 1)
    }
}

/// A made-up word for about texts, from syllables.
fn word(rng: &mut Rng) -> String {
    (0..2 + rng.below(2))
        .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
        .collect()
}

fn draft(rng: &mut Rng, zipf: &Zipf) -> ProfileDraft {
    let count = 3 + rng.below(6);
    let mut skills: Vec<String> = Vec::new();
    while skills.len() < count {
        let name = skill_name(zipf.sample(rng));
        if !skills.contains(&name) {
            skills.push(name);
        }
    }
    let words = 20 + rng.below(60);
    let about: Vec<String> = (0..words).map(|_| word(rng)).collect();
    ProfileDraft {
        headline: format!(
            "{} at {}",
            ROLES[rng.below(ROLES.len())],
            COMPANIES[rng.below(COMPANIES.len())]
        ),
        about: about.join(" "),
        skills: skills.join(", "),
        links: "https://example.com/me".to_owned(),
    }
}

/// Saves after which the store's upkeep refreshes the planner's statistics.
const STATISTICS_AFTER: usize = 1_000;

pub(super) async fn measure(
    network: &Network,
    figures: &mut Figures,
    rng: &mut Rng,
    members: usize,
    cases: usize,
    (hub, typical): (usize, &[usize]),
) {
    let g: GuildId = guild();
    let zipf = Zipf::new();
    let with_profile = members * 3 / 10;
    let (heap_before, rss_before) = (super::heap::allocated(), current_memory_kib());
    let mut saves = Vec::with_capacity(with_profile);
    let started = Instant::now();
    // A random 30 % of the members, in a random order.
    let mut order: Vec<usize> = (0..members).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i + 1));
    }
    for &who in order.iter().take(with_profile) {
        if saves.len() == STATISTICS_AFTER {
            // What autovacuum does on its own once a table has grown by a tenth (it is off on
            // some servers, these machines' among them): without fresh statistics, lookups
            // prepared while the profiles table was empty keep scanning it whole.
            network.storage().maintain().await.unwrap();
        }
        let draft = draft(rng, &zipf);
        let (saved, took) = timed(network.save_profile(g, member(who), draft)).await;
        saved.unwrap();
        saves.push(took);
    }
    figures.add("profiles_saved", with_profile as f64, "count");
    figures.add(
        "profiles_save_all",
        started.elapsed().as_secs_f64() * 1e3,
        "ms",
    );
    figures.timings("profile_save", saves);
    // The profiles and their indexes: what the heap grew by. Resident memory grows by more
    // (SQLite's page cache, the allocator's slack): shown too.
    let grown = super::heap::allocated() - heap_before;
    figures.add("profiles_memory", grown as f64 / (1024.0 * 1024.0), "MiB");
    figures.add(
        "profiles_resident_growth",
        current_memory_kib().saturating_sub(rss_before) as f64 / 1024.0,
        "MiB",
    );

    let common = skill_name(0);
    let by_skill = |skill: &str| PeopleFilter {
        skill: Some(skill.to_owned()),
        ..Default::default()
    };
    let total = network
        .people(g, member(hub), by_skill(&common), 0, PEOPLE_PAGE)
        .await
        .unwrap()
        .total;
    figures.add("people_common_skill_profiles", total as f64, "count");

    let mut samples = Vec::with_capacity(cases);
    for _ in 0..cases {
        let (page, took) =
            timed(network.people(g, member(hub), by_skill(&common), 0, PEOPLE_PAGE)).await;
        page.unwrap();
        samples.push(took);
    }
    figures.timings("people_common_skill_best_connected", samples);

    let mut samples = Vec::with_capacity(cases);
    for _ in 0..cases {
        let who = member(typical[rng.below(typical.len())]);
        let (page, took) = timed(network.people(g, who, by_skill(&common), 0, PEOPLE_PAGE)).await;
        page.unwrap();
        samples.push(took);
    }
    figures.timings("people_common_skill_typical", samples);

    // Words: a role word (in a twelfth of headlines) or a made-up word from about texts.
    let mut samples = Vec::with_capacity(cases);
    for _ in 0..cases {
        let text = if rng.next().is_multiple_of(2) {
            ROLES[rng.below(ROLES.len())]
                .split(' ')
                .next()
                .unwrap()
                .to_lowercase()
        } else {
            word(rng)
        };
        let who = member(typical[rng.below(typical.len())]);
        let filter = PeopleFilter {
            text: Some(text),
            ..Default::default()
        };
        let (page, took) = timed(network.people(g, who, filter, 0, PEOPLE_PAGE)).await;
        page.unwrap();
        samples.push(took);
    }
    figures.timings("people_text", samples);

    // Autocomplete as a skill is typed: its first 1 to 3 letters.
    let mut samples = Vec::with_capacity(cases);
    for _ in 0..cases {
        let skill = skill_name(zipf.sample(rng));
        let typed: String = skill.chars().take(1 + rng.below(3)).collect();
        let (choices, took) = timed(network.skill_choices(g, &typed)).await;
        choices.unwrap();
        samples.push(took);
    }
    figures.timings("skill_autocomplete", samples);
}

/// The process's resident memory now (VmRSS), in KiB.
fn current_memory_kib() -> u64 {
    super::common::memory_kib("self", "VmRSS").unwrap_or(0)
}
