//! Plain English words for pictures, without the bot's translations: for the benchmark and the
//! tests, which draw pictures without a Discord client's language.

use super::{MapWords, StatsWords};

/// English, with plain plurals.
pub struct PlainWords;

fn people(n: usize) -> String {
    if n == 1 {
        "1 person".to_owned()
    } else {
        format!("{n} people")
    }
}

impl MapWords for PlainWords {
    fn you(&self) -> String {
        "You".into()
    }
    fn title(&self) -> String {
        "Your network".into()
    }
    fn connections(&self, drawn: usize, matched: usize) -> String {
        match (drawn, matched) {
            (1, 1) => "1 connection".into(),
            (d, m) if d == m => format!("{d} connections"),
            (d, m) => format!("{d} of {m} connections"),
        }
    }
    fn group(&self, name: Option<&str>, number: usize, count: usize) -> String {
        let name = name.map_or_else(|| format!("Group {number}"), str::to_owned);
        format!("{name} · {}", people(count))
    }
    fn ungrouped(&self, count: usize) -> String {
        format!("In no group · {}", people(count))
    }
    fn second_degree(&self, count: usize) -> String {
        format!("2nd degree · {}", people(count))
    }
}

impl StatsWords for PlainWords {
    fn title(&self) -> String {
        "Network statistics".into()
    }
    fn histogram_title(&self) -> String {
        "Connections per member".into()
    }
    fn connections_axis(&self) -> String {
        "connections (bins double)".into()
    }
    fn members_axis(&self) -> String {
        "members (log scale)".into()
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
