//! Identifiers of the things a network is made of, parsed once at the boundary.
//!
//! Discord ids are snowflakes: non-zero integers that fit in 63 bits. Keeping them in newtypes
//! means a guild id can never be passed where a member id is expected, and a value that got this
//! far is known to fit SQLite's signed 64-bit INTEGER.

use std::fmt;
use std::str::FromStr;

use super::NetworkError;

macro_rules! snowflake_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[derive(serde::Serialize, serde::Deserialize)]
        // Checked on the way in like any other id (see `changes`: what other processes read).
        #[serde(try_from = "u64", into = "u64")]
        pub struct $name(u64);

        impl $name {
            /// Accepts any snowflake: non-zero and at most `i64::MAX`.
            pub fn new(raw: u64) -> Result<Self, NetworkError> {
                if raw == 0 || raw > i64::MAX as u64 {
                    return Err(NetworkError::InvalidId);
                }
                Ok(Self(raw))
            }

            pub fn get(self) -> u64 {
                self.0
            }
        }

        impl TryFrom<u64> for $name {
            type Error = NetworkError;
            fn try_from(raw: u64) -> Result<Self, Self::Error> {
                Self::new(raw)
            }
        }

        impl From<$name> for u64 {
            fn from(id: $name) -> u64 {
                id.0
            }
        }

        impl FromStr for $name {
            type Err = NetworkError;
            fn from_str(text: &str) -> Result<Self, Self::Err> {
                text.parse::<u64>()
                    .map_err(|_| NetworkError::InvalidId)
                    .and_then(Self::new)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

snowflake_id!(
    /// A Discord server. Every network lives inside exactly one.
    GuildId
);
snowflake_id!(
    /// A member of a server, by their Discord user id.
    MemberId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_and_oversized_ids_are_refused() {
        assert!(matches!(MemberId::new(0), Err(NetworkError::InvalidId)));
        assert!(matches!(
            MemberId::new(i64::MAX as u64 + 1),
            Err(NetworkError::InvalidId)
        ));
        assert_eq!(
            MemberId::new(i64::MAX as u64).unwrap().get(),
            i64::MAX as u64
        );
    }

    #[test]
    fn ids_parse_from_decimal_text_only() {
        assert_eq!(
            "80351110224678912".parse::<GuildId>().unwrap().get(),
            80351110224678912
        );
        assert!(matches!(
            "-5".parse::<GuildId>(),
            Err(NetworkError::InvalidId)
        ));
        assert!(matches!(
            "12ab".parse::<MemberId>(),
            Err(NetworkError::InvalidId)
        ));
        assert!(matches!(
            "".parse::<MemberId>(),
            Err(NetworkError::InvalidId)
        ));
    }
}
