//! The Discord adapter: the only place serenity's types appear.
//!
//! An interaction flows through `parse` (serenity → typed [`request::Request`]), `handlers`
//! (request → [`response::Response`], a plain value), `render` (response → Discord requests)
//! and `deliver` (sends them). `events` wires that to the gateway; `commands` is the routing
//! table.

pub mod commands;
pub mod custom_id;
mod deliver;
pub(crate) mod error_text;
mod events;
pub mod handlers;
pub mod i18n;
pub mod parse;
pub mod render;
pub mod request;
pub mod response;
pub mod text;

use std::future::Future;

use serenity::all::{ClientBuilder, GatewayIntents, HttpBuilder};
use tracing::info;

pub use events::Registration;

use crate::config::{BotConfig, Shards, StoreConfig};
use crate::network::port::StoreError;
use crate::network::{Network, SystemClock};
use crate::store::postgres::PostgresStore;
use crate::store::sqlite::SqliteStore;

/// A server held for a DM click about another process's shard leaves memory after this long
/// unused: the process of shard 0 would otherwise end up holding every server.
const FOREIGN_SERVER_IDLE: std::time::Duration = std::time::Duration::from_secs(10 * 60);

/// How often the planner statistics are refreshed while running.
const OPTIMIZE_EVERY: std::time::Duration = std::time::Duration::from_secs(6 * 60 * 60);

#[derive(Debug, thiserror::Error)]
pub enum BotError {
    #[error("could not open the database")]
    Store(#[from] StoreError),
    #[error(
        "Discord refused the token in DISCORD_TOKEN (authentication failed); check it in the Developer Portal"
    )]
    InvalidToken,
    #[error("the connection to Discord failed")]
    Discord(#[source] serenity::Error),
    #[error(
        "SHARDS={configured} runs {total} shards in all, but Discord recommends {recommended} for this bot: raise the total (Discord refuses a shard with more than 2,500 servers)"
    )]
    TooFewShards {
        configured: String,
        total: u32,
        recommended: u32,
    },
}

/// Opens the store and runs the bot until `shutdown` completes or the connection fails.
pub async fn run(
    config: BotConfig,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), BotError> {
    let network = match &config.store {
        StoreConfig::Sqlite { database_path } => {
            let path = database_path.clone();
            let store = tokio::task::spawn_blocking(move || SqliteStore::open(&path))
                .await
                .map_err(StoreError::task)??;
            info!(path = %database_path.display(), "SQLite database ready");
            Network::new(store, SystemClock)
        }
        StoreConfig::Postgres { url } => {
            let store = PostgresStore::connect(url.expose()).await?;
            info!(database = url.place(), "PostgreSQL database ready");
            Network::new(store, SystemClock)
        }
    };
    serve(config, network, shutdown).await
}

/// Runs the bot over an already opened network.
pub async fn serve(
    config: BotConfig,
    network: Network,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), BotError> {
    let token = config.token.expose();
    let http = match &config.proxy_url {
        // serenity applies the proxy only with its own rate limiter off (the limiter builds
        // requests to discord.com itself); the proxy is then expected to rate-limit.
        Some(proxy) => HttpBuilder::new(token)
            .proxy(proxy)
            .ratelimiter_disabled(true)
            .build(),
        None => HttpBuilder::new(token).build(),
    };
    let registration = match config.dev_guild {
        Some(guild) => Registration::Guild(guild),
        None => Registration::Global,
    };
    let network_store = std::sync::Arc::clone(network.storage());
    // GUILDS (server names) and GUILD_MODERATION (bans): nothing privileged, so no owner has
    // to enable anything. Without the privileged members intent the bot does not see members
    // leave; see the README.
    let intents = GatewayIntents::GUILDS | GatewayIntents::GUILD_MODERATION;
    let handler = events::Handler::new(network.clone(), registration);
    tokio::spawn(evict_foreign_servers(network, handler.announced()));
    let mut client = ClientBuilder::new_with_http(http, intents)
        .event_handler(handler)
        .await
        .map_err(BotError::Discord)?;
    // Keep the query planner informed as the data grows (cheap when nothing changed).
    let store = network_store;
    tokio::spawn(async move {
        let mut every = tokio::time::interval(OPTIMIZE_EVERY);
        every.tick().await; // the store optimized itself when it opened
        loop {
            every.tick().await;
            if let Err(e) = store.maintain().await {
                tracing::warn!(error = %text::error_chain(&e), "database upkeep failed");
            }
        }
    });
    let shards = client.shard_manager.clone();
    tokio::spawn(async move {
        shutdown.await;
        info!("shutting down");
        shards.shutdown_all().await;
    });
    if let Shards::Range { first, last, total } = config.shards {
        // Fewer than recommended may mean more than 2,500 servers on a shard, which Discord
        // closes with 4011 — and serenity 0.12 then spins on the closed connection. Refused
        // here, in one line, instead.
        let recommended = client
            .http
            .get_bot_gateway()
            .await
            .map_err(BotError::Discord)?
            .shards;
        if total < recommended {
            return Err(BotError::TooFewShards {
                configured: format!("{first}-{last}/{total}"),
                total,
                recommended,
            });
        }
    }
    info!(shards = %config.shards, "starting the gateway");
    let started = match config.shards {
        Shards::Auto => client.start_autosharded().await,
        // serenity 0.12 reads the range's end as included (it starts `end - start + 1`
        // shards; see tests/bot_shards.rs), so `last` goes in as the end.
        Shards::Range { first, last, total } => {
            client
                .start_shard_range(
                    std::ops::Range {
                        start: first,
                        end: last,
                    },
                    total,
                )
                .await
        }
    };
    started.map_err(|e| match e {
        serenity::Error::Gateway(serenity::all::GatewayError::InvalidAuthentication) => {
            BotError::InvalidToken
        }
        other => BotError::Discord(other),
    })
}

/// Drops from memory the servers this process holds only for DM clicks (their shard is
/// another process's) once they have gone unused for [`FOREIGN_SERVER_IDLE`]: memory stays
/// bounded by this process's own shards.
async fn evict_foreign_servers(network: Network, announced: events::Announced) {
    let mut every = tokio::time::interval(FOREIGN_SERVER_IDLE / 10);
    loop {
        every.tick().await;
        for guild in network.idle_guilds(FOREIGN_SERVER_IDLE) {
            let own = announced
                .read()
                .unwrap_or_else(|p| p.into_inner())
                .contains(&guild);
            if !own {
                network.unload(guild).await;
                tracing::debug!(guild = %guild, "an idle server of another shard left memory");
            }
        }
    }
}
