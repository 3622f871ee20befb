//! Settings, read from the environment (after loading `.env`, if there is one).
//!
//! Every setting is listed, with its meaning, in `.env.example` and README.md.

use std::fmt;
use std::path::PathBuf;

use crate::network::GuildId;

/// Where the SQLite database lives unless `DATABASE_PATH` says otherwise.
pub const DEFAULT_DATABASE_PATH: &str = "data/handshake.db";

/// Where to get a bot token; said in the error when none is set.
const TOKEN_HELP: &str = "create an application at https://discord.com/developers/applications, \
     open Bot → Reset Token, and put the token in .env as DISCORD_TOKEN=…";

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ConfigError {
    #[error("DISCORD_TOKEN is not set: {TOKEN_HELP}")]
    MissingToken,
    #[error("DISCORD_TOKEN is not a bot token (it has spaces or is too short): {TOKEN_HELP}")]
    MalformedToken,
    #[error("{name} is not valid: {reason}")]
    Invalid { name: &'static str, reason: String },
}

/// The bot's token. Never printed: `Debug` and `Display` show a placeholder, so logging a
/// config or an error that holds one cannot leak it.
#[derive(Clone, PartialEq, Eq)]
pub struct DiscordToken(String);

impl DiscordToken {
    pub fn parse(raw: &str) -> Result<Self, ConfigError> {
        let token = raw.trim();
        // Tolerate a pasted "Bot " prefix; the client adds its own.
        let token = token.strip_prefix("Bot ").unwrap_or(token).trim();
        if token.is_empty() {
            return Err(ConfigError::MissingToken);
        }
        if token.len() < 30 || token.chars().any(char::is_whitespace) {
            return Err(ConfigError::MalformedToken);
        }
        Ok(Self(token.to_owned()))
    }

    /// The secret itself, for the Discord client only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for DiscordToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DiscordToken(<redacted>)")
    }
}

/// Which store keeps the data, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreConfig {
    /// The embedded default: an SQLite file.
    Sqlite { database_path: PathBuf },
    /// A PostgreSQL database shared by several processes (`DATABASE_URL`).
    Postgres { url: DatabaseUrl },
}

impl StoreConfig {
    /// Reads the settings through `lookup`, so tests need not touch the process environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let path = non_empty(&lookup, "DATABASE_PATH");
        match non_empty(&lookup, "DATABASE_URL") {
            Some(_) if path.is_some() => Err(ConfigError::Invalid {
                name: "DATABASE_URL",
                reason: "set either DATABASE_URL (PostgreSQL) or DATABASE_PATH (SQLite), not both"
                    .to_owned(),
            }),
            Some(url) => Ok(Self::Postgres {
                url: DatabaseUrl::parse(&url)?,
            }),
            None => Ok(Self::Sqlite {
                database_path: PathBuf::from(path.as_deref().unwrap_or(DEFAULT_DATABASE_PATH)),
            }),
        }
    }
}

/// A PostgreSQL URL. It may hold a password, so `Debug` shows only where it points.
#[derive(Clone, PartialEq, Eq)]
pub struct DatabaseUrl(String);

impl DatabaseUrl {
    pub fn parse(raw: &str) -> Result<Self, ConfigError> {
        let invalid = |reason: &str| ConfigError::Invalid {
            name: "DATABASE_URL",
            reason: reason.to_owned(),
        };
        let Some((_, rest)) = raw
            .split_once("://")
            .filter(|(scheme, _)| matches!(*scheme, "postgres" | "postgresql"))
        else {
            return Err(invalid(
                "it must look like postgres://user:password@host:5432/database",
            ));
        };
        if rest.is_empty() || raw.contains(char::is_whitespace) {
            return Err(invalid("it names no host"));
        }
        Ok(Self(raw.to_owned()))
    }

    /// The URL itself, password included, for the database driver only.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// `host[:port]/database`, for messages: never the user or the password.
    pub fn place(&self) -> &str {
        let rest = self.0.split_once("://").map_or("", |(_, rest)| rest);
        let after_user = rest.rsplit_once('@').map_or(rest, |(_, host)| host);
        after_user.split('?').next().unwrap_or(after_user)
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DatabaseUrl(postgres://<redacted>@{})", self.place())
    }
}

/// Which gateway shards this process runs (`SHARDS`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shards {
    /// All of them, as many as Discord recommends (`GET /gateway/bot`): one process.
    Auto,
    /// Shards `first` to `last` (both included) of `total`: one of several processes.
    Range { first: u32, last: u32, total: u32 },
}

impl Shards {
    /// Discord allows far fewer; this only keeps nonsense out.
    const MOST: u32 = 1 << 16;

    /// `a-b/n` (shards a to b of n) or `a/n` (shard a of n).
    pub fn parse(raw: &str) -> Result<Self, ConfigError> {
        let invalid = |reason: String| ConfigError::Invalid {
            name: "SHARDS",
            reason,
        };
        let shape = || {
            invalid(format!(
                "{raw:?} is not a shard range like 0-3/16 (shards 0 to 3 of 16) or 5/16"
            ))
        };
        let number = |text: &str| text.trim().parse::<u32>().map_err(|_| shape());
        let (range, total) = raw.split_once('/').ok_or_else(shape)?;
        let (first, last) = match range.split_once('-') {
            Some((first, last)) => (number(first)?, number(last)?),
            None => (number(range)?, number(range)?),
        };
        let total = number(total)?;
        if total == 0 || total > Self::MOST {
            return Err(invalid(format!(
                "{raw:?}: the total must be between 1 and {}",
                Self::MOST
            )));
        }
        if first > last {
            return Err(invalid(format!(
                "{raw:?}: the first shard ({first}) comes after the last ({last})"
            )));
        }
        if last >= total {
            return Err(invalid(format!(
                "{raw:?}: shards are numbered 0 to {} of {total}",
                total - 1
            )));
        }
        Ok(Self::Range { first, last, total })
    }
}

impl fmt::Display for Shards {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Auto => f.write_str("all, as many as Discord recommends"),
            Self::Range { first, last, total } if first == last => write!(f, "{first} of {total}"),
            Self::Range { first, last, total } => write!(f, "{first} to {last} of {total}"),
        }
    }
}

/// Everything the bot needs to run.
#[derive(Debug, Clone)]
pub struct BotConfig {
    pub token: DiscordToken,
    /// Register commands in this one server (instant updates while developing) instead of
    /// globally.
    pub dev_guild: Option<GuildId>,
    /// A base URL that replaces `https://discord.com` for every REST call (an HTTP proxy such as
    /// twilight-http-proxy, or the tests' fake Discord).
    pub proxy_url: Option<String>,
    pub store: StoreConfig,
    pub shards: Shards,
}

impl BotConfig {
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(env_lookup)
    }

    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let dev_guild = non_empty(&lookup, "DISCORD_GUILD_ID")
            .map(|raw| {
                raw.parse::<GuildId>().map_err(|_| ConfigError::Invalid {
                    name: "DISCORD_GUILD_ID",
                    reason: format!(
                        "{raw:?} is not a server id (right-click the server → Copy Server ID)"
                    ),
                })
            })
            .transpose()?;
        let proxy_url = non_empty(&lookup, "DISCORD_PROXY_URL")
            .map(|raw| {
                let url = raw.trim_end_matches('/').to_owned();
                let scheme_ok = url.starts_with("http://") || url.starts_with("https://");
                if scheme_ok && url.len() > "https://".len() && !url.contains(char::is_whitespace) {
                    Ok(url)
                } else {
                    Err(ConfigError::Invalid {
                        name: "DISCORD_PROXY_URL",
                        reason: format!(
                            "{raw:?} is not an http(s) base URL like http://127.0.0.1:3000"
                        ),
                    })
                }
            })
            .transpose()?;
        Ok(Self {
            token: discord_token_from_lookup(&lookup)?,
            dev_guild,
            proxy_url,
            store: StoreConfig::from_lookup(&lookup)?,
            shards: non_empty(&lookup, "SHARDS")
                .map(|raw| Shards::parse(&raw))
                .transpose()?
                .unwrap_or(Shards::Auto),
        })
    }
}

/// The token, required only to connect to Discord.
pub fn discord_token_from_lookup(
    lookup: impl Fn(&str) -> Option<String>,
) -> Result<DiscordToken, ConfigError> {
    match non_empty(&lookup, "DISCORD_TOKEN") {
        Some(raw) => DiscordToken::parse(&raw),
        None => Err(ConfigError::MissingToken),
    }
}

/// Loads `.env` from the working folder (or a parent) into the environment, if there is one.
/// Variables already set win over the file. Returns whether a file was loaded.
pub fn load_dotenv() -> Result<bool, ConfigError> {
    match dotenvy::dotenv() {
        Ok(_) => Ok(true),
        Err(e) if e.not_found() => Ok(false),
        Err(e) => Err(ConfigError::Invalid {
            name: ".env",
            reason: e.to_string(),
        }),
    }
}

fn env_lookup(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

fn non_empty(lookup: &impl Fn(&str) -> Option<String>, name: &str) -> Option<String> {
    lookup(name)
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        }
    }

    // Shaped like no real token, so secret scanners stay quiet.
    const TOKEN: &str = "fake.test-token.for-the-config-tests-only";

    #[test]
    fn database_path_defaults_and_can_be_set() {
        let sqlite = |path: &str| StoreConfig::Sqlite {
            database_path: PathBuf::from(path),
        };
        let default = StoreConfig::from_lookup(lookup(&[])).unwrap();
        assert_eq!(default, sqlite(DEFAULT_DATABASE_PATH));
        let blank = StoreConfig::from_lookup(lookup(&[("DATABASE_PATH", "  ")])).unwrap();
        assert_eq!(blank, sqlite(DEFAULT_DATABASE_PATH));
        let set = StoreConfig::from_lookup(lookup(&[("DATABASE_PATH", "/tmp/x.db")])).unwrap();
        assert_eq!(set, sqlite("/tmp/x.db"));
    }

    #[test]
    fn database_url_selects_postgres_and_never_shows_its_password() {
        for url in [
            "postgres://bot:s3cret@db.internal:5433/handshake",
            "postgresql://bot:s3cret@db.internal:5433/handshake?sslmode=disable",
        ] {
            let config = StoreConfig::from_lookup(lookup(&[("DATABASE_URL", url)])).unwrap();
            let StoreConfig::Postgres { url: parsed } = &config else {
                panic!("{config:?}");
            };
            assert_eq!(parsed.expose(), url);
            assert_eq!(parsed.place(), "db.internal:5433/handshake");
            let shown = format!("{config:?}");
            assert!(
                !shown.contains("s3cret") && !shown.contains("bot:"),
                "{shown}"
            );
        }
    }

    #[test]
    fn both_stores_or_a_bad_url_is_a_one_line_error() {
        let both = StoreConfig::from_lookup(lookup(&[
            ("DATABASE_URL", "postgres://localhost/handshake"),
            ("DATABASE_PATH", "data/x.db"),
        ]))
        .unwrap_err();
        assert!(both.to_string().contains("not both"), "{both}");
        for bad in [
            "mysql://localhost/x",
            "localhost:5432",
            "postgres://",
            "postgres:// x",
        ] {
            let err = StoreConfig::from_lookup(lookup(&[("DATABASE_URL", bad)])).unwrap_err();
            let text = err.to_string();
            assert!(text.starts_with("DATABASE_URL is not valid"), "{text}");
            assert!(!text.contains('\n'), "{text}");
        }
    }

    #[test]
    fn shards_default_to_automatic_and_take_a_range_of_a_total() {
        let shards = |value: &str| {
            BotConfig::from_lookup(lookup(&[("DISCORD_TOKEN", TOKEN), ("SHARDS", value)]))
                .map(|config| config.shards)
        };
        assert_eq!(shards("").unwrap(), Shards::Auto);
        assert_eq!(
            shards("0-3/16").unwrap(),
            Shards::Range {
                first: 0,
                last: 3,
                total: 16
            }
        );
        assert_eq!(
            shards(" 5/16 ").unwrap(),
            Shards::Range {
                first: 5,
                last: 5,
                total: 16
            }
        );
        assert_eq!(
            shards("1-1/2").unwrap(),
            Shards::Range {
                first: 1,
                last: 1,
                total: 2
            }
        );
        for bad in [
            "4-2/16",
            "0-16/16",
            "x",
            "0-3",
            "3/0",
            "-1-2/4",
            "1-2/x",
            "0-1/99999999",
        ] {
            let text = shards(bad).unwrap_err().to_string();
            assert!(text.starts_with("SHARDS is not valid"), "{bad}: {text}");
            assert!(!text.contains('\n'), "{text}");
        }
    }

    #[test]
    fn missing_or_empty_token_is_a_one_line_error_saying_where_to_get_one() {
        for env in [
            vec![],
            vec![("DISCORD_TOKEN", "")],
            vec![("DISCORD_TOKEN", "   ")],
        ] {
            let err = discord_token_from_lookup(lookup(&env)).unwrap_err();
            assert_eq!(err, ConfigError::MissingToken);
            let text = err.to_string();
            assert!(!text.contains('\n'), "{text}");
            assert!(
                text.contains("discord.com/developers/applications"),
                "{text}"
            );
        }
    }

    #[test]
    fn bot_settings_are_read_and_checked() {
        let config = BotConfig::from_lookup(lookup(&[
            ("DISCORD_TOKEN", TOKEN),
            ("DISCORD_GUILD_ID", "80351110224678912"),
            ("DISCORD_PROXY_URL", "http://127.0.0.1:3000/"),
        ]))
        .unwrap();
        assert_eq!(config.dev_guild.unwrap().get(), 80351110224678912);
        assert_eq!(config.proxy_url.as_deref(), Some("http://127.0.0.1:3000"));
        assert_eq!(
            config.store,
            StoreConfig::Sqlite {
                database_path: PathBuf::from(DEFAULT_DATABASE_PATH)
            }
        );

        let bare = BotConfig::from_lookup(lookup(&[("DISCORD_TOKEN", TOKEN)])).unwrap();
        assert_eq!((bare.dev_guild, bare.proxy_url), (None, None));

        let bad_guild = BotConfig::from_lookup(lookup(&[
            ("DISCORD_TOKEN", TOKEN),
            ("DISCORD_GUILD_ID", "my server"),
        ]));
        assert!(matches!(
            bad_guild,
            Err(ConfigError::Invalid {
                name: "DISCORD_GUILD_ID",
                ..
            })
        ));
        let bad_proxy = BotConfig::from_lookup(lookup(&[
            ("DISCORD_TOKEN", TOKEN),
            ("DISCORD_PROXY_URL", "127.0.0.1:3000"),
        ]));
        assert!(matches!(
            bad_proxy,
            Err(ConfigError::Invalid {
                name: "DISCORD_PROXY_URL",
                ..
            })
        ));
        let no_token = BotConfig::from_lookup(lookup(&[("DISCORD_GUILD_ID", "1")]));
        assert!(matches!(no_token, Err(ConfigError::MissingToken)));
        assert!(
            !format!("{config:?}").contains("config-tests"),
            "the token is redacted in Debug"
        );
    }

    #[test]
    fn malformed_token_is_refused() {
        let err = discord_token_from_lookup(lookup(&[("DISCORD_TOKEN", "abc def")])).unwrap_err();
        assert_eq!(err, ConfigError::MalformedToken);
    }

    #[test]
    fn token_is_never_shown_in_debug_output() {
        let token = discord_token_from_lookup(lookup(&[("DISCORD_TOKEN", TOKEN)])).unwrap();
        assert_eq!(token.expose(), TOKEN);
        let shown = format!("{token:?}");
        assert!(!shown.contains("config-tests"), "{shown}");
        let prefixed = DiscordToken::parse(&format!("Bot {TOKEN}")).unwrap();
        assert_eq!(prefixed.expose(), TOKEN);
    }
}
