//! Building a server's graph while its connections are still being read: the store hands over
//! batches as it reads them, and a blocking thread interns them as they come, so on a big
//! server the database's reading and the graph's building share the machine's cores instead of
//! taking turns (and no list of every connection is ever held whole).

use std::collections::HashSet;
use std::sync::mpsc;

use super::graph::{GraphBuilder, GuildGraph};
use super::{MemberId, Timestamp};

pub(crate) struct GraphLoader {
    batches: mpsc::Sender<Vec<(MemberId, MemberId, Timestamp)>>,
    built: tokio::task::JoinHandle<GuildGraph>,
}

impl GraphLoader {
    /// Starts the building thread. Connections of `left_out` members (the banned) are not
    /// part of the graph.
    pub(crate) fn start(left_out: HashSet<MemberId>) -> Self {
        let (batches, arriving) = mpsc::channel::<Vec<(MemberId, MemberId, Timestamp)>>();
        let built = tokio::task::spawn_blocking(move || {
            let mut builder = GraphBuilder::default();
            for batch in arriving {
                if left_out.is_empty() {
                    builder.add(batch);
                } else {
                    builder.add(
                        batch
                            .into_iter()
                            .filter(|(a, b, _)| !left_out.contains(a) && !left_out.contains(b)),
                    );
                }
            }
            builder.finish()
        });
        Self { batches, built }
    }

    /// Hands a batch to the building thread; never waits.
    pub(crate) fn add(&self, batch: Vec<(MemberId, MemberId, Timestamp)>) {
        // Only a panicked builder has hung up, and `finish` reports that.
        let _ = self.batches.send(batch);
    }

    /// No more batches: the building thread finishes the graph (counting, filling and
    /// checking every list, a second or two for a million members) while the caller goes on
    /// reading the rest of the server; the returned future is the graph.
    pub(crate) fn finish(self) -> impl Future<Output = GuildGraph> {
        drop(self.batches);
        let built = self.built;
        async move {
            match built.await {
                Ok(graph) => graph,
                Err(failed) => std::panic::resume_unwind(failed.into_panic()),
            }
        }
    }
}
