//! Log set-up: `RUST_LOG` (tracing's `EnvFilter` syntax), with limits that keep secrets out.

use tracing_subscriber::EnvFilter;
use tracing_subscriber::filter::Directive;

/// Without `RUST_LOG`: our own events at `info`, libraries' warnings only.
pub const DEFAULT_FILTER: &str = "warn,handshake=info";

/// The filter for `spec` (the value of `RUST_LOG`), or the default.
///
/// Whatever `spec` says, tungstenite stays at `debug` or quieter: at `trace` it logs every
/// websocket frame whole, and the gateway IDENTIFY frame carries the bot token.
pub fn filter(spec: Option<&str>) -> EnvFilter {
    let base = spec
        .and_then(|s| EnvFilter::try_new(s).ok())
        .unwrap_or_else(|| EnvFilter::new(DEFAULT_FILTER));
    base.add_directive(quiet("tungstenite=debug"))
        .add_directive(quiet("tokio_tungstenite=debug"))
}

fn quiet(directive: &str) -> Directive {
    directive.parse().expect("a valid static directive")
}

/// Installs the process-wide subscriber, writing to stderr.
pub fn init() {
    let spec = std::env::var("RUST_LOG").ok();
    tracing_subscriber::fmt()
        .with_env_filter(filter(spec.as_deref()))
        .with_writer(std::io::stderr)
        .init();
}
