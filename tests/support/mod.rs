//! Shared helpers for the integration tests. Each test binary uses a different subset.
#![allow(dead_code)]

pub mod bot;
pub mod discord;
pub mod discord_json;
pub mod network;
pub mod openapi;
pub mod people;
pub mod rng;
