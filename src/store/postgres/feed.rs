//! The change feed: one connection outside the pool that `LISTEN`s on this schema's channel
//! (migration 0002 notifies it on every logged write, at commit) and passes each notice on.
//!
//! When the connection drops (PostgreSQL restarted, the backend was terminated), the network is
//! told the feed is lost, and the listener reconnects with a growing pause; once it listens
//! again, it says so, and the network reads what it missed from the log.

use std::time::Duration;

use futures::StreamExt;
use tokio::sync::mpsc::Sender;
use tokio_postgres::{AsyncMessage, NoTls};
use tracing::{debug, warn};

use crate::network::{FeedEvent, GuildId};

/// Notices not yet taken by the network; past this the listener waits (PostgreSQL queues them
/// meanwhile).
pub(super) const BACKLOG: usize = 1024;

const FIRST_PAUSE: Duration = Duration::from_millis(100);
const LONGEST_PAUSE: Duration = Duration::from_secs(2);

/// The channel a schema's writes are announced on (see migration 0002).
pub(super) fn channel(schema: &str) -> String {
    format!("handshake_changes_{schema}")
}

/// Listens until `events` is dropped.
pub(super) async fn listen(
    config: tokio_postgres::Config,
    channel: String,
    events: Sender<FeedEvent>,
) {
    let mut pause = FIRST_PAUSE;
    let mut heard = false;
    while !events.is_closed() {
        match listen_once(&config, &channel, &events, &mut heard).await {
            Ok(()) => return,
            Err(error) => {
                if heard {
                    heard = false;
                    warn!(%error, "the change feed's connection dropped; reconnecting");
                    if events.send(FeedEvent::Lost).await.is_err() {
                        return;
                    }
                    pause = FIRST_PAUSE;
                } else {
                    debug!(%error, "the change feed could not connect yet");
                }
                tokio::select! {
                    _ = events.closed() => return,
                    _ = tokio::time::sleep(pause) => {}
                }
                pause = (pause * 2).min(LONGEST_PAUSE);
            }
        }
    }
}

/// One connection's life: `Ok` when the network stopped listening, `Err` when the connection
/// failed. Sets `heard` once it listens.
async fn listen_once(
    config: &tokio_postgres::Config,
    channel: &str,
    events: &Sender<FeedEvent>,
    heard: &mut bool,
) -> Result<(), Cut> {
    let (client, mut connection) = config.connect(NoTls).await?;
    let mut messages = futures::stream::poll_fn(move |cx| connection.poll_message(cx));
    // The channel name is an identifier: quoted, with any quote in it doubled.
    let statement = format!("LISTEN \"{}\"", channel.replace('"', "\"\""));
    let listen = client.batch_execute(&statement);
    tokio::pin!(listen);
    // The connection only makes progress while its messages are polled.
    loop {
        tokio::select! {
            done = &mut listen => { done?; break; }
            message = messages.next() => match message {
                Some(Ok(_)) => {}
                Some(Err(error)) => return Err(error.into()),
                None => return Err(Cut::Closed),
            },
        }
    }
    *heard = true;
    // Whatever was committed before the LISTEN took effect is read from the log.
    if events.send(FeedEvent::Resumed).await.is_err() {
        return Ok(());
    }
    loop {
        let message = tokio::select! {
            _ = events.closed() => return Ok(()),
            message = messages.next() => message,
        };
        match message {
            Some(Ok(AsyncMessage::Notification(notice))) => {
                let Some(event) = parse(notice.payload()) else {
                    warn!(payload = notice.payload(), "an unreadable change notice");
                    continue;
                };
                if events.send(event).await.is_err() {
                    return Ok(());
                }
            }
            Some(Ok(_)) => {}
            Some(Err(error)) => return Err(error.into()),
            None => return Err(Cut::Closed),
        }
    }
}

/// Why a feed connection ended.
#[derive(Debug, thiserror::Error)]
enum Cut {
    #[error(transparent)]
    Failed(#[from] tokio_postgres::Error),
    #[error("the server closed the connection")]
    Closed,
}

/// "<guild> <seq>" (see migration 0002).
fn parse(payload: &str) -> Option<FeedEvent> {
    let (guild, seq) = payload.split_once(' ')?;
    Some(FeedEvent::Committed {
        guild: guild.parse::<GuildId>().ok()?,
        seq: seq.parse().ok()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices_are_read_and_nonsense_is_not() {
        assert_eq!(
            parse("81384788765712384 42"),
            Some(FeedEvent::Committed {
                guild: GuildId::new(81384788765712384).unwrap(),
                seq: 42
            })
        );
        for bad in ["", "1", "x 2", "0 2", "1 -2", "1 2 3"] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
    }
}
