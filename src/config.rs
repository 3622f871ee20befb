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

/// Where the store keeps its data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreConfig {
    pub database_path: PathBuf,
}

impl StoreConfig {
    /// Reads the settings through `lookup`, so tests need not touch the process environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let database_path = match non_empty(&lookup, "DATABASE_PATH") {
            Some(path) => PathBuf::from(path),
            None => PathBuf::from(DEFAULT_DATABASE_PATH),
        };
        Ok(Self { database_path })
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
        let default = StoreConfig::from_lookup(lookup(&[])).unwrap();
        assert_eq!(default.database_path, PathBuf::from(DEFAULT_DATABASE_PATH));
        let blank = StoreConfig::from_lookup(lookup(&[("DATABASE_PATH", "  ")])).unwrap();
        assert_eq!(blank.database_path, PathBuf::from(DEFAULT_DATABASE_PATH));
        let set = StoreConfig::from_lookup(lookup(&[("DATABASE_PATH", "/tmp/x.db")])).unwrap();
        assert_eq!(set.database_path, PathBuf::from("/tmp/x.db"));
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
            config.store.database_path,
            PathBuf::from(DEFAULT_DATABASE_PATH)
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
