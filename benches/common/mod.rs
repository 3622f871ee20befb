//! What the benchmarks share: their runtime, the PostgreSQL they may run on, and the memory
//! figures Linux keeps per process. Each benchmark uses a part.
#![allow(dead_code)]

/// The runtime every benchmark measures on: two workers, as the machines have two cores.
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

/// `HANDSHAKE_BENCH_DATABASE_URL`, if set: the PostgreSQL server to measure on.
pub fn postgres_url() -> Option<String> {
    std::env::var("HANDSHAKE_BENCH_DATABASE_URL")
        .ok()
        .filter(|u| !u.trim().is_empty())
}

/// An empty database `name` on the server `url` names (dropped first if it exists, even with
/// connections still open); the URL to reach it.
pub async fn fresh_database(url: &str, name: &str) -> String {
    let (admin, connection) = tokio_postgres::connect(url, tokio_postgres::NoTls)
        .await
        .expect("connect to HANDSHAKE_BENCH_DATABASE_URL");
    tokio::spawn(connection);
    for statement in [
        format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
        format!("CREATE DATABASE {name}"),
    ] {
        admin.batch_execute(&statement).await.unwrap();
    }
    let (server, _) = url.rsplit_once('/').expect("a URL ending in /database");
    format!("{server}/{name}")
}

/// A memory figure of a process (`"self"` or a pid) from /proc, in KiB: `VmRSS` (now) or
/// `VmHWM` (peak). `None` where there is no /proc.
pub fn memory_kib(process: &str, field: &str) -> Option<u64> {
    std::fs::read_to_string(format!("/proc/{process}/status"))
        .ok()?
        .lines()
        .find(|l| {
            l.strip_prefix(field)
                .is_some_and(|rest| rest.starts_with(':'))
        })
        .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
}
