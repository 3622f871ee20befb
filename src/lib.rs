//! handshake: a professional network inside a Discord server.
//!
//! - [`network`]: the domain — connection rules, with no Discord or SQL types in its API.
//! - [`store`]: SQLite persistence behind typed transactions.
//! - [`config`]: settings from the environment.

pub mod bot;
pub mod config;
pub mod logging;
pub mod network;
pub mod picture;
pub mod store;
