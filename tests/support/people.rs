//! The cast of the end-to-end tests.

use super::discord_json::Person;

pub fn alice() -> Person {
    Person::new(1_700_000_000_000_000_001, "alice")
}

pub fn bob() -> Person {
    Person::new(1_700_000_000_000_000_002, "bob").with_nick("Bobby")
}

pub fn carol() -> Person {
    Person::new(1_700_000_000_000_000_003, "carol")
}

pub fn dave() -> Person {
    Person::new(1_700_000_000_000_000_004, "dave")
}

pub fn a_bot() -> Person {
    Person::bot(1_700_000_000_000_000_099, "otherbot")
}
