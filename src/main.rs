//! `cargo run --release`: loads `.env`, opens the store and runs the bot until Ctrl-C/SIGTERM.

use std::process::ExitCode;

use handshake::bot::{self, text::error_chain};
use handshake::config::{self, BotConfig};

#[tokio::main]
async fn main() -> ExitCode {
    // Set-up mistakes are one line on stderr, with no backtrace: they are not bugs.
    let config = match load_config() {
        Ok(config) => config,
        Err(message) => {
            eprintln!("handshake: {message}");
            return ExitCode::FAILURE;
        }
    };
    handshake::logging::init();
    match bot::run(config, shutdown_signal()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!(error = %error_chain(&error), "stopped");
            eprintln!("handshake: {}", error_chain(&error));
            ExitCode::FAILURE
        }
    }
}

fn load_config() -> Result<BotConfig, String> {
    config::load_dotenv().map_err(|e| e.to_string())?;
    BotConfig::from_env().map_err(|e| e.to_string())
}

/// Completes on Ctrl-C, or on SIGTERM where there is one (service managers, containers).
async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
}
