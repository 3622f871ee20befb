//! PostgreSQL going away while the bot runs (every connection cut, as a restart does): commands
//! meanwhile get the ordinary "try again", nothing is half-written, the pool reconnects by
//! itself, and memory still equals the database afterwards. Runs with `TEST_DATABASE_URL`.

mod support;

use std::time::{Duration, Instant};

use handshake::network::NetworkError;
use support::network::{TestNetwork, g, member};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cut_connections_mean_try_again_then_service_resumes_within_5_seconds() {
    let Some(t) = TestNetwork::postgres().await else {
        return;
    };
    t.connect(g(), member(1), member(2)).await;
    t.connect(g(), member(2), member(3)).await;
    for round in 0..3u64 {
        let cut = t.pg_schema().terminate_connections().await;
        assert!(cut > 0, "round {round}: the pool had connections to cut");
        let cut_at = Instant::now();
        let (a, b) = (member(10 + 2 * round), member(11 + 2 * round));
        // Retried as a member would: each answer is either done or "try again".
        loop {
            match t.network.invite(g(), a, b, None).await {
                Ok(_) => break,
                Err(NetworkError::InvitationAlreadyPending) => break, // an earlier try committed
                Err(e) => {
                    assert!(e.is_internal(), "round {round}: {e:?}");
                    assert_eq!(
                        e.to_string(),
                        "Something went wrong on our side. Please try again in a moment."
                    );
                }
            }
            assert!(
                cut_at.elapsed() < Duration::from_secs(5),
                "round {round}: still failing after {:?}",
                cut_at.elapsed()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        t.network.accept(g(), b, a).await.unwrap();
        assert!(t.network.is_connected(g(), a, b).await.unwrap());
        assert_eq!(
            t.network.degree(g(), member(1), member(3)).await.unwrap(),
            handshake::network::Degree::Second
        );
    }
    t.assert_in_step().await;
}
