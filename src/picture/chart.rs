//! The moderators' chart (`/network stats`): how many connections members have (a histogram
//! on log scales: bins double in width, bar heights are logarithmic, since a few members have
//! thousands and most have a handful) and the invitations sent, accepted and ignored in each of
//! the last weeks.

use super::svg::{INK, MUTED, Svg};
use super::{HEIGHT, Picture, PictureError, WIDTH, render};
use crate::network::{InvitationWeek, StatsHistory};

/// What the chart says, in the moderator's language.
pub trait StatsWords {
    fn title(&self) -> String;
    fn histogram_title(&self) -> String;
    /// Under the histogram's axis.
    fn connections_axis(&self) -> String;
    /// Beside the histogram's axis.
    fn members_axis(&self) -> String;
    fn weeks_title(&self) -> String;
    fn sent(&self) -> String;
    fn accepted(&self) -> String;
    fn ignored(&self) -> String;
}

const SENT: &str = "#0072B2";
const ACCEPTED: &str = "#009E73";
const IGNORED: &str = "#E69F00";
const GRID: &str = "#D0D7DE";

/// Draws the chart.
pub fn stats_chart(chart: &StatsHistory, words: &dyn StatsWords) -> Result<Picture, PictureError> {
    render(&draw(chart, words))
}

pub(crate) fn draw(chart: &StatsHistory, words: &dyn StatsWords) -> String {
    let mut svg = Svg::new(WIDTH, HEIGHT);
    svg.text(40.0, 28.0, 26.0, true, INK, &words.title());
    histogram(&mut svg, &chart.connections_per_member, words);
    weeks(&mut svg, &chart.weeks, words);
    svg.finish()
}

/// The histogram's bins: 0, 1, 2–3, 4–7, …: bin `b > 0` holds 2^(b-1) up to 2^b - 1.
fn bin_of(connections: u32) -> usize {
    if connections == 0 {
        0
    } else {
        connections.ilog2() as usize + 1
    }
}

fn bin_label(bin: usize) -> String {
    match bin {
        0 => "0".to_owned(),
        1 => "1".to_owned(),
        b => {
            let low = 1u64 << (b - 1);
            format!("{}–{}", low, (low << 1) - 1)
        }
    }
}

/// The chart area of one panel: left, top, width, height.
type Area = (f32, f32, f32, f32);

fn histogram(svg: &mut Svg, per_member: &[u32], words: &dyn StatsWords) {
    let (left, top, width, height): Area = (90.0, 140.0, 470.0, 620.0);
    svg.text(40.0, 90.0, 19.0, true, INK, &words.histogram_title());
    let bins = per_member
        .iter()
        .map(|&c| bin_of(c))
        .max()
        .map_or(1, |b| b + 1);
    let mut counts = vec![0u64; bins];
    for &c in per_member {
        counts[bin_of(c)] += 1;
    }
    let most = counts.iter().copied().max().unwrap_or(0).max(1);
    // Log scale: decades up to the one above the largest count.
    let decades = (most as f64).log10().floor() as u32 + 1;
    let y = |count: u64| {
        if count == 0 {
            top + height
        } else {
            // 1 sits a little above the axis, so a bin of one member still shows.
            let level = (count as f64).log10() / f64::from(decades);
            top + height - (0.04 + 0.96 * level as f32) * height
        }
    };
    for decade in 0..=decades {
        let value = 10u64.pow(decade);
        gridline(svg, (left, width), y(value), &value.to_string());
    }
    let slot = width / bins as f32;
    for (bin, &count) in counts.iter().enumerate() {
        let x = left + slot * bin as f32 + slot * 0.12;
        let bar = slot * 0.76;
        let top_of_bar = y(count);
        svg.raw(format_args!(
            r#"<rect x="{x:.1}" y="{top_of_bar:.1}" width="{bar:.1}" height="{:.1}" fill="{SENT}"/>"#,
            top + height - top_of_bar
        ));
        if count > 0 {
            svg.text(x, top_of_bar - 18.0, 12.0, false, INK, &count.to_string());
        }
        // Bin labels slanted would need rotation; every other label keeps them apart instead.
        if bins <= 8 || bin % 2 == 0 {
            svg.text(x, top + height + 8.0, 12.0, false, MUTED, &bin_label(bin));
        }
    }
    svg.raw(format_args!(
        r#"<line x1="{left}" y1="{0}" x2="{1}" y2="{0}" stroke="{INK}" stroke-width="1.5"/>"#,
        top + height,
        left + width
    ));
    svg.text(
        left,
        top + height + 34.0,
        15.0,
        false,
        INK,
        &words.connections_axis(),
    );
    svg.text(40.0, top - 24.0, 15.0, false, INK, &words.members_axis());
}

fn weeks(svg: &mut Svg, weeks: &[InvitationWeek], words: &dyn StatsWords) {
    let (left, top, width, height): Area = (680.0, 140.0, 480.0, 620.0);
    svg.text(640.0, 90.0, 19.0, true, INK, &words.weeks_title());
    let most = weeks
        .iter()
        .map(|w| w.sent.max(w.accepted).max(w.ignored))
        .max()
        .unwrap_or(0)
        .max(1);
    let step = nice_step(most);
    let ceiling = most.div_ceil(step) * step;
    let y = |value: u32| top + height - height * value as f32 / ceiling as f32;
    let mut value = 0;
    while value <= ceiling {
        gridline(svg, (left, width), y(value), &value.to_string());
        value += step;
    }
    let slot = width / weeks.len().max(1) as f32;
    for (at, week) in weeks.iter().enumerate() {
        let x = left + slot * at as f32 + slot * 0.1;
        let bar = slot * 0.8 / 3.0;
        for (n, (figure, colour)) in [
            (week.sent, SENT),
            (week.accepted, ACCEPTED),
            (week.ignored, IGNORED),
        ]
        .into_iter()
        .enumerate()
        {
            let top_of_bar = y(figure);
            svg.raw(format_args!(
                r#"<rect x="{:.1}" y="{top_of_bar:.1}" width="{bar:.1}" height="{:.1}" fill="{colour}"/>"#,
                x + bar * n as f32,
                top + height - top_of_bar
            ));
        }
        if at % 2 == weeks.len() % 2 || weeks.len() <= 6 {
            svg.text(
                x,
                top + height + 8.0,
                12.0,
                false,
                MUTED,
                &month_day(week.week_start.unix_seconds()),
            );
        }
    }
    svg.raw(format_args!(
        r#"<line x1="{left}" y1="{0}" x2="{1}" y2="{0}" stroke="{INK}" stroke-width="1.5"/>"#,
        top + height,
        left + width
    ));
    let mut key_left = left;
    for (name, colour) in [
        (words.sent(), SENT),
        (words.accepted(), ACCEPTED),
        (words.ignored(), IGNORED),
    ] {
        svg.raw(format_args!(
            r#"<rect x="{key_left:.1}" y="{:.1}" width="14" height="14" fill="{colour}"/>"#,
            top + height + 38.0
        ));
        svg.text(
            key_left + 20.0,
            top + height + 36.0,
            15.0,
            false,
            INK,
            &name,
        );
        key_left += 20.0 + super::fonts::text_width(&name, 15.0, false) + 24.0;
    }
}

/// A horizontal grid line across a panel (`left`, `width`) at `at`, labelled on the left.
fn gridline(svg: &mut Svg, (left, width): (f32, f32), at: f32, label: &str) {
    svg.raw(format_args!(
        r#"<line x1="{left}" y1="{at:.1}" x2="{}" y2="{at:.1}" stroke="{GRID}" stroke-width="1"/>"#,
        left + width
    ));
    let label_left = left - 10.0 - 9.0 * label.chars().count() as f32;
    svg.text(label_left, at - 8.0, 14.0, false, MUTED, label);
}

/// A round step for an axis reaching `most`: 1, 2 or 5 times a power of ten, about five steps.
fn nice_step(most: u32) -> u32 {
    let rough = (most as f64 / 5.0).max(1.0);
    let power = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|&s| s >= rough)
        .unwrap_or(10.0 * power);
    step as u32
}

/// "11-23": month and day, which read the same in every language the bot speaks.
fn month_day(unix_seconds: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(unix_seconds).map_or_else(
        |_| String::new(),
        |date| format!("{:02}-{:02}", u8::from(date.month()), date.day()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::Timestamp;
    use crate::picture::PlainWords as English;

    #[test]
    fn bins_double() {
        assert_eq!(
            [0, 1, 2, 3, 4, 7, 8, 1000].map(bin_of),
            [0, 1, 2, 2, 3, 3, 4, 10]
        );
        assert_eq!(bin_label(3), "4–7");
        assert_eq!(nice_step(47), 10);
        assert_eq!(nice_step(3), 1);
        assert_eq!(month_day(1_795_000_000), "11-18");
    }

    #[test]
    fn every_bin_and_week_is_drawn() {
        let chart = StatsHistory {
            connections_per_member: vec![0, 0, 1, 5, 5, 6, 300],
            weeks: (0..12)
                .map(|w| InvitationWeek {
                    week_start: Timestamp::from_unix_millis(1_795_000_000_000 + w * 604_800_000),
                    sent: 10 + w as u32,
                    accepted: 5,
                    ignored: 1,
                })
                .collect(),
        };
        let svg = draw(&chart, &English);
        // Bins 0 … 256–511 (10 bins): 3 with members, 10 bars in all, plus 36 weekly bars.
        assert_eq!(svg.matches("<rect").count(), 10 + 36 + 3, "{svg}");
        assert!(svg.contains(">Invitations per week<"));
        render(&svg).unwrap();
    }
}
