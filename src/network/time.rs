//! Time as the network sees it: instants in milliseconds since the Unix epoch, read from an
//! injectable [`Clock`] so the 7-day and 21-day windows can be tested without waiting.

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// An instant, in milliseconds since the Unix epoch (UTC). Logged changes carry it as that
/// number.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(transparent)]
pub struct Timestamp(i64);

impl Timestamp {
    pub const fn from_unix_millis(millis: i64) -> Self {
        Self(millis)
    }

    pub const fn unix_millis(self) -> i64 {
        self.0
    }

    /// Whole seconds, as Discord's `<t:…>` timestamps want them.
    pub const fn unix_seconds(self) -> i64 {
        self.0.div_euclid(1000)
    }

    pub fn plus(self, span: Duration) -> Self {
        Self(self.0.saturating_add(millis_of(span)))
    }

    pub fn minus(self, span: Duration) -> Self {
        Self(self.0.saturating_sub(millis_of(span)))
    }

    /// How long from `self` until `later`; zero if `later` is not after `self`.
    pub fn until(self, later: Timestamp) -> Duration {
        Duration::from_millis(later.0.saturating_sub(self.0).max(0) as u64)
    }
}

fn millis_of(span: Duration) -> i64 {
    i64::try_from(span.as_millis()).unwrap_or(i64::MAX)
}

/// Where the network reads "now" from.
pub trait Clock: Send + Sync + 'static {
    fn now(&self) -> Timestamp;
}

/// The real wall clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        let since_epoch = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or(Duration::ZERO);
        Timestamp(millis_of(since_epoch))
    }
}

/// A clock that only moves when told to: for tests, benchmarks and simulations.
/// Clones share the same time.
#[derive(Debug, Clone)]
pub struct ManualClock(Arc<AtomicI64>);

impl ManualClock {
    pub fn starting_at(start: Timestamp) -> Self {
        Self(Arc::new(AtomicI64::new(start.0)))
    }

    pub fn advance(&self, span: Duration) {
        self.0.fetch_add(millis_of(span), Ordering::SeqCst);
    }

    pub fn set(&self, to: Timestamp) {
        self.0.store(to.0, Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Timestamp {
        Timestamp(self.0.load(Ordering::SeqCst))
    }
}

/// A wait shown to a person: rounded *up* to its largest whole unit, so "in 3 days" is never
/// shorter than the real wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wait(pub Duration);

/// The unit a [`Wait`] is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaitUnit {
    Minutes,
    Hours,
    Days,
}

impl Wait {
    /// How many of which unit: the largest unit the wait exceeds, rounded up.
    pub fn parts(self) -> (u64, WaitUnit) {
        const MINUTE: u64 = 60;
        const HOUR: u64 = 60 * MINUTE;
        const DAY: u64 = 24 * HOUR;
        let secs = self.0.as_secs() + u64::from(self.0.subsec_nanos() > 0);
        if secs > DAY {
            (secs.div_ceil(DAY), WaitUnit::Days)
        } else if secs > HOUR {
            (secs.div_ceil(HOUR), WaitUnit::Hours)
        } else {
            (secs.div_ceil(MINUTE).max(1), WaitUnit::Minutes)
        }
    }
}

/// In English, for logs and tests; members read it in their language (the bot's `errors.ftl`).
impl fmt::Display for Wait {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (count, unit) = self.parts();
        let unit = match unit {
            WaitUnit::Minutes => "minute",
            WaitUnit::Hours => "hour",
            WaitUnit::Days => "day",
        };
        let plural = if count == 1 { "" } else { "s" };
        write!(f, "{count} {unit}{plural}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_round_up_to_their_largest_unit() {
        let show = |secs: u64| Wait(Duration::from_secs(secs)).to_string();
        assert_eq!(show(0), "1 minute");
        assert_eq!(show(59), "1 minute");
        assert_eq!(show(61), "2 minutes");
        assert_eq!(show(3600), "60 minutes");
        assert_eq!(show(3601), "2 hours");
        assert_eq!(show(86_400), "24 hours");
        assert_eq!(show(86_401), "2 days");
        assert_eq!(show(21 * 86_400), "21 days");
        assert_eq!(
            Wait(Duration::from_millis(86_400_001)).to_string(),
            "2 days"
        );
    }

    #[test]
    fn manual_clock_clones_share_time() {
        let clock = ManualClock::starting_at(Timestamp::from_unix_millis(1_000));
        let other = clock.clone();
        clock.advance(Duration::from_secs(2));
        assert_eq!(other.now(), Timestamp::from_unix_millis(3_000));
        assert_eq!(Timestamp::from_unix_millis(1_999).unix_seconds(), 1);
    }

    #[test]
    fn until_never_goes_negative() {
        let early = Timestamp::from_unix_millis(10);
        let late = Timestamp::from_unix_millis(25);
        assert_eq!(early.until(late), Duration::from_millis(15));
        assert_eq!(late.until(early), Duration::ZERO);
    }
}
