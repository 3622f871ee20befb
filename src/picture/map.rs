//! The network map (`/map`): the asker in the centre, their connections around them coloured by
//! the group they fall in, the links among them, the best-connected few of each group named,
//! and a legend naming each group after its most common shared tag or skill.
//!
//! The map sits in a square on the left; the legend in a column on the right.

use std::collections::HashMap;

use super::fonts::text_width;
use super::labels::{Rect, Wanted, place};
use super::layout::{Disc, Point, lay_out};
use super::svg::{INK, MUTED, Svg, shortened};
use super::{HEIGHT, Picture, PictureError, WIDTH, groups, render};
use crate::network::NetworkMap;

/// What the map says, in the asker's language.
pub trait MapWords {
    /// The asker's own label, in the centre.
    fn you(&self) -> String;
    /// The legend's title.
    fn title(&self) -> String;
    /// How many connections are drawn, and how many there were before the cap.
    fn connections(&self, drawn: usize, matched: usize) -> String;
    /// A group: named after a shared tag or skill, or else by its number (from 1).
    fn group(&self, name: Option<&str>, number: usize, people: usize) -> String;
    /// The connections in no group.
    fn ungrouped(&self, people: usize) -> String;
    /// The second-degree dots.
    fn second_degree(&self, people: usize) -> String;
}

/// Group colours, told apart with any kind of colour vision (Okabe–Ito, then two more).
const PALETTE: [&str; 8] = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#8C6D31", "#7A5195",
];
const UNGROUPED: &str = "#9AA3AD";
const SECOND_DEGREE: &str = "#C8CDD3";
/// Where the map is drawn: a square on the left; the legend takes the rest.
const MAP_SIDE: f32 = HEIGHT as f32;
const LEGEND_LEFT: f32 = MAP_SIDE + 20.0;
/// More links than this are thinned (evenly, the same ones every time): beyond it they are a
/// grey wash that only slows drawing and swells the file.
const MOST_LINKS_DRAWN: usize = 12_000;
/// Names drawn at most, and the longest a name is drawn.
const MOST_LABELS: usize = 40;
const NAME_CHARS: usize = 24;

/// Draws `map`.
pub fn network_map(map: &NetworkMap, words: &dyn MapWords) -> Result<Picture, PictureError> {
    render(&draw(map, words).svg)
}

/// The map as a document, and where its labels went (for tests).
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) struct Drawn {
    pub(crate) svg: String,
    pub(crate) labels: Vec<Rect>,
    pub(crate) positions: Vec<Point>,
}

pub(crate) fn draw(map: &NetworkMap, words: &dyn MapWords) -> Drawn {
    let n = map.connections.len();
    let found = groups::find(n, &map.links);
    // Groups of a few are no group: below this size, members count as "in no group".
    let smallest = if n < 12 { 2 } else { 3 };
    let mut size: Vec<usize> = vec![0; n];
    for &g in &found {
        size[g as usize] += 1;
    }
    let coloured = size
        .iter()
        .take(PALETTE.len())
        .take_while(|&&s| s >= smallest)
        .count();
    // The layout's groups: each coloured group, then everyone else together.
    let layout_group: Vec<u32> = found
        .iter()
        .map(|&g| (g as usize).min(coloured) as u32)
        .collect();
    let disc = Disc {
        centre: Point {
            x: MAP_SIDE / 2.0,
            y: MAP_SIDE / 2.0,
        },
        radius: MAP_SIDE / 2.0 - 40.0,
        hole: 60.0,
    };
    let positions = lay_out(&layout_group, &map.links, disc);
    let mut degree = vec![0u32; n];
    for &(a, b) in &map.links {
        degree[a as usize] += 1;
        degree[b as usize] += 1;
    }
    let most = degree.iter().copied().max().unwrap_or(0).max(1) as f32;
    let base = match n {
        0..=50 => 6.0,
        51..=300 => 4.5,
        301..=1500 => 3.0,
        _ => 2.2,
    };
    let radius = |i: usize| base * (1.0 + (degree[i] as f32 / most).sqrt());
    let colour = |i: usize| match layout_group[i] as usize {
        g if g < coloured => PALETTE[g],
        _ => UNGROUPED,
    };

    let mut svg = Svg::new(WIDTH, HEIGHT);
    svg.raw(format_args!(
        r##"<rect x="{MAP_SIDE}" y="0" width="{}" height="{HEIGHT}" fill="#F5F6F8"/>"##,
        WIDTH as f32 - MAP_SIDE
    ));
    draw_second_degree(&mut svg, map, &positions, disc);
    draw_links(&mut svg, map, &positions, &layout_group, coloured);
    for (i, p) in positions.iter().enumerate() {
        let outline = if n <= 300 {
            r#" stroke="white" stroke-width="1""#
        } else {
            ""
        };
        svg.raw(format_args!(
            r#"<circle cx="{:.1}" cy="{:.1}" r="{:.1}" fill="{}"{outline}/>"#,
            p.x,
            p.y,
            radius(i),
            colour(i)
        ));
    }
    // The asker.
    let you = words.you();
    let you_size = 16.0;
    let you_width = text_width(&you, you_size, true) + 12.0;
    svg.raw(format_args!(
        r##"<circle cx="{0}" cy="{0}" r="11" fill="#1F2328" stroke="white" stroke-width="2"/>"##,
        disc.centre.x
    ));
    let you_box = Rect {
        left: disc.centre.x - you_width / 2.0,
        top: disc.centre.y + 14.0,
        width: you_width,
        height: you_size * 1.4,
    };
    label_box(&mut svg, &you_box, you_size, true, &you);

    let labels = draw_names(
        &mut svg,
        map,
        &positions,
        &degree,
        &layout_group,
        coloured,
        &radius,
        you_box,
    );
    draw_legend(&mut svg, map, words, &found, &size, coloured);
    Drawn {
        svg: svg.finish(),
        labels,
        positions,
    }
}

fn draw_second_degree(svg: &mut Svg, map: &NetworkMap, positions: &[Point], disc: Disc) {
    let mut random = super::shuffle::Shuffle::new(0x3C6E_F372_FE94_F82B);
    for anchors in &map.second_degree {
        let count = anchors.len() as f32;
        let (sx, sy) = anchors.iter().fold((0.0, 0.0), |(x, y), &a| {
            let p = positions[a as usize];
            (x + p.x, y + p.y)
        });
        let (cx, cy) = (sx / count, sy / count);
        // Just beyond the connections they know, away from the centre.
        let (dx, dy) = (cx - disc.centre.x, cy - disc.centre.y);
        let d = (dx * dx + dy * dy).sqrt().max(1.0);
        let out = 12.0 + 30.0 * random.unit() as f32;
        let turn = (random.unit() as f32 - 0.5) * 24.0;
        let x = (cx + dx / d * out - dy / d * turn).clamp(4.0, MAP_SIDE - 4.0);
        let y = (cy + dy / d * out + dx / d * turn).clamp(4.0, MAP_SIDE - 4.0);
        svg.raw(format_args!(
            r#"<circle cx="{x:.1}" cy="{y:.1}" r="1.8" fill="{SECOND_DEGREE}"/>"#
        ));
    }
}

fn draw_links(
    svg: &mut Svg,
    map: &NetworkMap,
    positions: &[Point],
    layout_group: &[u32],
    coloured: usize,
) {
    let total = map.links.len();
    let opacity = match total {
        0..=300 => 0.45,
        301..=3000 => 0.25,
        _ => 0.12,
    };
    let every = total.div_ceil(MOST_LINKS_DRAWN).max(1);
    svg.raw(format_args!(
        r#"<g stroke-width="{}" stroke-opacity="{opacity}" fill="none">"#,
        if total > 3000 { 0.6 } else { 1.0 }
    ));
    for (at, &(a, b)) in map.links.iter().enumerate() {
        if at % every != 0 {
            continue;
        }
        let (p, q) = (positions[a as usize], positions[b as usize]);
        let (ga, gb) = (
            layout_group[a as usize] as usize,
            layout_group[b as usize] as usize,
        );
        let stroke = if ga == gb && ga < coloured {
            PALETTE[ga]
        } else {
            UNGROUPED
        };
        svg.raw(format_args!(
            r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{stroke}"/>"#,
            p.x, p.y, q.x, q.y
        ));
    }
    svg.raw(format_args!("</g>"));
}

/// Names the best-connected few of each group (on a small map, everyone who fits).
#[allow(clippy::too_many_arguments)]
fn draw_names(
    svg: &mut Svg,
    map: &NetworkMap,
    positions: &[Point],
    degree: &[u32],
    layout_group: &[u32],
    coloured: usize,
    radius: &dyn Fn(usize) -> f32,
    you_box: Rect,
) -> Vec<Rect> {
    let n = map.connections.len();
    let font = match n {
        0..=50 => 15.0,
        51..=300 => 14.0,
        _ => 13.0,
    };
    let mut ranked: Vec<usize> = (0..n).collect();
    ranked.sort_by_key(|&i| (std::cmp::Reverse(degree[i]), i));
    // How many of each group: everyone on a small map; a few per group on a larger one; on a
    // crowded one only the largest groups' best-connected.
    let (per_group, groups_named) = match n {
        0..=40 => (usize::MAX, usize::MAX),
        41..=300 => (4, usize::MAX),
        _ => (2, 6),
    };
    let mut named_in = vec![0usize; coloured + 1];
    let chosen: Vec<usize> = ranked
        .into_iter()
        .filter(|&i| {
            let g = layout_group[i] as usize;
            if g >= groups_named.min(coloured + 1) || (n > 40 && g == coloured && coloured > 0) {
                // The ungrouped are named only while there is no group to name instead.
                return false;
            }
            named_in[g] += 1;
            named_in[g] <= per_group
        })
        .take(MOST_LABELS)
        .collect();
    let texts: Vec<String> = chosen
        .iter()
        .map(|&i| shortened(&map.connections[i].name, NAME_CHARS))
        .collect();
    let wanted: Vec<Wanted> = chosen
        .iter()
        .zip(&texts)
        .map(|(&i, text)| Wanted {
            dot: positions[i],
            radius: radius(i),
            width: text_width(text, font, false) + 8.0,
            height: font * 1.4,
        })
        .collect();
    let bounds = Rect {
        left: 4.0,
        top: 4.0,
        width: MAP_SIDE - 8.0,
        height: MAP_SIDE - 8.0,
    };
    let placed = place(&wanted, bounds, &[you_box]);
    let mut boxes = Vec::new();
    for (spot, text) in placed.iter().zip(&texts) {
        if let Some(rect) = spot {
            label_box(svg, rect, font, false, text);
            boxes.push(*rect);
        }
    }
    boxes
}

/// A label on a pale box, so it reads over dots and links.
fn label_box(svg: &mut Svg, rect: &Rect, font: f32, bold: bool, text: &str) {
    svg.raw(format_args!(
        r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="3" fill="white" fill-opacity="0.85"/>"#,
        rect.left, rect.top, rect.width, rect.height
    ));
    svg.text(
        rect.left + 4.0,
        rect.top + (rect.height - font) / 2.0 - font * 0.05,
        font,
        bold,
        INK,
        text,
    );
}

fn draw_legend(
    svg: &mut Svg,
    map: &NetworkMap,
    words: &dyn MapWords,
    found: &[u32],
    size: &[usize],
    coloured: usize,
) {
    let width = WIDTH as f32 - LEGEND_LEFT - 16.0;
    let fit = |text: String, font: f32, bold: bool| {
        let mut text = text;
        while text.chars().count() > 4 && text_width(&text, font, bold) > width - 24.0 {
            let keep = text.chars().count() - 2;
            text = shortened(&text, keep);
        }
        text
    };
    let mut top = 32.0;
    svg.text(
        LEGEND_LEFT,
        top,
        22.0,
        true,
        INK,
        &fit(words.title(), 22.0, true),
    );
    top += 34.0;
    let drawn = map.connections.len();
    svg.text(
        LEGEND_LEFT,
        top,
        15.0,
        false,
        MUTED,
        &fit(words.connections(drawn, map.matched), 15.0, false),
    );
    top += 40.0;
    let mut row = |colour: &str, text: String, top: &mut f32| {
        svg.raw(format_args!(
            r#"<circle cx="{:.1}" cy="{:.1}" r="7" fill="{colour}"/>"#,
            LEGEND_LEFT + 7.0,
            *top + 9.0
        ));
        svg.text(
            LEGEND_LEFT + 22.0,
            *top,
            15.0,
            false,
            INK,
            &fit(text, 15.0, false),
        );
        *top += 28.0;
    };
    for (g, colour) in PALETTE.iter().enumerate().take(coloured) {
        let name = group_name(map, found, g as u32);
        row(
            colour,
            words.group(name.as_deref(), g + 1, size[g]),
            &mut top,
        );
    }
    let ungrouped: usize = size.iter().skip(coloured).sum();
    if ungrouped > 0 {
        row(UNGROUPED, words.ungrouped(ungrouped), &mut top);
    }
    if !map.second_degree.is_empty() {
        row(
            SECOND_DEGREE,
            words.second_degree(map.second_degree.len()),
            &mut top,
        );
    }
}

/// The tag or skill most members of group `g` share (at least two of them), in the spelling
/// met first; ties go to the alphabetically first.
fn group_name(map: &NetworkMap, found: &[u32], g: u32) -> Option<String> {
    let mut tally: HashMap<String, (usize, &str)> = HashMap::new();
    for (member, _) in map.connections.iter().zip(found).filter(|(_, f)| **f == g) {
        let mut seen: Vec<String> = Vec::new();
        for label in &member.labels {
            let key = label.to_lowercase();
            if seen.contains(&key) {
                continue;
            }
            tally.entry(key.clone()).or_insert((0, label)).0 += 1;
            seen.push(key);
        }
    }
    tally
        .into_iter()
        .filter(|(_, (count, _))| *count >= 2)
        .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.0.cmp(&a.0)))
        .map(|(_, (_, spelling))| spelling.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::{MapMember, MemberId};
    use crate::picture::PlainWords as English;

    /// Two groups of `size`: in the first, everyone lists "Rust"; in the second, "Go".
    pub(crate) fn two_groups(size: u32) -> NetworkMap {
        let mut links = Vec::new();
        for group in 0..2 {
            for a in 0..size {
                for b in a + 1..size {
                    if (a + b) % 3 != 0 {
                        links.push((group * size + a, group * size + b));
                    }
                }
            }
        }
        links.push((0, size));
        NetworkMap {
            connections: (0..2 * size)
                .map(|i| MapMember {
                    id: MemberId::new(1000 + u64::from(i)).unwrap(),
                    name: format!("Member {i}"),
                    labels: vec![if i < size { "Rust".into() } else { "Go".into() }],
                })
                .collect(),
            links,
            second_degree: vec![vec![0, 1], vec![size]],
            matched: 2 * size as usize,
        }
    }

    #[test]
    fn groups_are_named_by_what_they_share() {
        let map = two_groups(10);
        let drawn = draw(&map, &English).svg;
        assert!(drawn.contains("Rust · 10 people"), "{drawn}");
        assert!(drawn.contains("Go · 10 people"));
        assert!(drawn.contains("2nd degree · 2"));
        // Small: (nearly) everyone is named; a name without a free place is left out.
        assert!(drawn.matches(">Member ").count() >= 16, "{drawn}");
    }

    #[test]
    fn any_script_or_emoji_in_a_name_renders() {
        let mut map = two_groups(4);
        let names = [
            "Ada 🦀 Lovelace",
            "محمد علي",
            "שרה כהן",
            "สมชาย ใจดี",
            "Дмитрий",
            "山田 太郎",
            "김민준",
            "\u{202E}reversed\u{202C} <b>&amp;",
        ];
        for (member, name) in map.connections.iter_mut().zip(names) {
            member.name = name.to_owned();
        }
        let picture = network_map(&map, &English).expect("drawn");
        let decoder = png::Decoder::new(std::io::Cursor::new(picture.png.as_slice()));
        let reader = decoder.read_info().expect("a PNG");
        assert_eq!((reader.info().width, reader.info().height), (WIDTH, HEIGHT));
    }

    #[test]
    fn labels_never_overlap_and_the_same_network_draws_the_same() {
        for size in [3, 25, 250] {
            let map = two_groups(size);
            let first = draw(&map, &English);
            assert_eq!(first.svg, draw(&map, &English).svg);
            assert!(!first.labels.is_empty());
            for (i, a) in first.labels.iter().enumerate() {
                assert!(a.left >= 0.0 && a.left + a.width <= MAP_SIDE);
                for b in &first.labels[i + 1..] {
                    assert!(!a.overlaps(b), "{a:?} and {b:?}");
                }
            }
            for p in &first.positions {
                assert!((0.0..=MAP_SIDE).contains(&p.x) && (0.0..=MAP_SIDE).contains(&p.y));
            }
        }
    }
}
