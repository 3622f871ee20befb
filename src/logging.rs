//! Log set-up: `RUST_LOG` (tracing's `EnvFilter` syntax), with limits that keep secrets out.

use tracing_subscriber::EnvFilter;
use tracing_subscriber::filter::Directive;

/// Without `RUST_LOG`: our own events at `info`, libraries' warnings only.
pub const DEFAULT_FILTER: &str = "warn,handshake=info";

/// The filter for `spec` (the value of `RUST_LOG`), or the default.
///
/// Whatever `spec` says, tungstenite stays at `debug` or quieter: at `trace` it logs every
/// websocket frame whole, and the gateway IDENTIFY frame carries the bot token. (Only a spec
/// that enables `trace` somewhere gets the cap: added to a quieter one, it would make
/// tungstenite louder.)
pub fn filter(spec: Option<&str>) -> EnvFilter {
    let base = spec
        .and_then(|s| EnvFilter::try_new(s).ok())
        .unwrap_or_else(|| EnvFilter::new(DEFAULT_FILTER));
    if base.max_level_hint() != Some(tracing_subscriber::filter::LevelFilter::TRACE) {
        return base;
    }
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

#[cfg(test)]
mod tests {
    use tracing::Level;
    use tracing_subscriber::layer::SubscriberExt;

    /// Whether `filter(spec)` lets an event of `level` from `target`'s module through.
    fn lets_through(spec: Option<&str>, level: Level) -> [bool; 2] {
        let subscriber = tracing_subscriber::registry().with(super::filter(spec));
        tracing::subscriber::with_default(subscriber, || {
            // `enabled!` needs a literal target: one per case.
            let tungstenite = match level {
                Level::TRACE => tracing::enabled!(target: "tungstenite::protocol", Level::TRACE),
                _ => tracing::enabled!(target: "tungstenite::protocol", Level::DEBUG),
            };
            let ours = match level {
                Level::TRACE => tracing::enabled!(target: "handshake::bot", Level::TRACE),
                _ => tracing::enabled!(target: "handshake::bot", Level::DEBUG),
            };
            [tungstenite, ours]
        })
    }

    #[test]
    fn tungstenite_never_traces_and_is_never_louder_than_asked() {
        assert_eq!(lets_through(Some("trace"), Level::TRACE), [false, true]);
        assert_eq!(lets_through(Some("trace"), Level::DEBUG), [true, true]);
        assert_eq!(lets_through(Some("warn"), Level::DEBUG), [false, false]);
        assert_eq!(lets_through(None, Level::DEBUG), [false, false]);
    }
}
