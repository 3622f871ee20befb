//! `cargo run --release`: loads `.env`, opens the store and (once the Discord adapter lands)
//! connects to Discord.

use std::process::ExitCode;

use handshake::config::{self, StoreConfig};
use handshake::store::Store;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            // One line, no backtrace: these are set-up mistakes, not bugs.
            eprintln!("handshake: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    config::load_dotenv().map_err(|e| e.to_string())?;
    let store_config = StoreConfig::from_env().map_err(|e| e.to_string())?;
    let _token = config::discord_token_from_env().map_err(|e| e.to_string())?;
    let store = Store::open(&store_config.database_path).map_err(|e| error_chain(&e))?;
    let problems = store.audit_blocking().map_err(|e| error_chain(&e))?;
    if !problems.is_empty() {
        return Err(format!(
            "the database at {} failed its checks: {problems:?}",
            store_config.database_path.display()
        ));
    }
    Err(format!(
        "the database at {} is ready, but the Discord adapter is not built yet",
        store_config.database_path.display()
    ))
}

/// An error and its causes on one line.
fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
