#!/usr/bin/env bash
# What a write costs PostgreSQL on this machine before any of handshake's code: pgbench, a C
# client, one connection, statements pipelined as the store sends them. It shows the floor under
# the `write_*` figures of `cargo bench --bench network` on PostgreSQL:
#   pg_round_trip      one `SELECT 1` (a round trip and nothing else)
#   pg_durable_commit  BEGIN, one two-row insert and COMMIT, all sent at once: one round trip
#                      and the commit's flush to disk (WAL fsync), the least any durable write pays
#   pg_two_trip_write  a read first (BEGIN, a guild lock, a lookup), then two inserts and the
#                      COMMIT: the shape of an invitation, accept or disconnect, whose rules need
#                      the read's answer before they know what to write
# Prints `name value unit` lines (p50 and p99 of each transaction's latency, from pgbench's own
# per-transaction log).
#
# Usage: benches/postgres_floor.sh [postgresql://postgres@127.0.0.1:5432/postgres] [seconds]
set -euo pipefail

url="${1:-${HANDSHAKE_BENCH_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/postgres}}"
seconds="${2:-8}"
work="$(mktemp -d)"
trap 'psql -q "$url" -c "DROP TABLE IF EXISTS handshake_floor_rows" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

psql -q "$url" -c "CREATE TABLE IF NOT EXISTS handshake_floor_rows (
    guild_id bigint, a bigint, b bigint, at_ms bigint, PRIMARY KEY (guild_id, a, b))" >/dev/null

cat >"$work/pg_round_trip.sql" <<'SQL'
SELECT 1;
SQL
cat >"$work/pg_durable_commit.sql" <<'SQL'
\set a random(1, 1000000000)
\set b random(1, 1000000000)
\startpipeline
BEGIN ISOLATION LEVEL READ COMMITTED;
INSERT INTO handshake_floor_rows VALUES (42, :a, :b, 1), (42, :b, :a, 1) ON CONFLICT DO NOTHING;
COMMIT;
\endpipeline
SQL
cat >"$work/pg_two_trip_write.sql" <<'SQL'
\set a random(1, 1000000000)
\set b random(1, 1000000000)
\startpipeline
BEGIN ISOLATION LEVEL READ COMMITTED;
SELECT pg_advisory_xact_lock(42);
SELECT count(*) FROM handshake_floor_rows WHERE guild_id = 42 AND a = :a;
\endpipeline
\startpipeline
INSERT INTO handshake_floor_rows VALUES (42, :a, :b, 1) ON CONFLICT DO NOTHING;
INSERT INTO handshake_floor_rows VALUES (42, :b, :a, 1) ON CONFLICT DO NOTHING;
COMMIT;
\endpipeline
SQL

for name in pg_round_trip pg_durable_commit pg_two_trip_write; do
    (cd "$work" && pgbench -n -M prepared -c 1 -T "$seconds" -l --log-prefix="$name" \
        -f "$name.sql" "$url" >/dev/null 2>&1)
    # Each log line: client, transaction, latency in µs, script, epoch seconds, µs.
    sort -n -k3,3 "$work/$name".* | awk -v name="$name" '
        { latency[NR] = $3 }
        END {
            if (NR == 0) { print name " no transactions"; exit 1 }
            printf "%s_p50 %.1f us\n", name, latency[int((NR + 1) * 0.50)]
            printf "%s_p99 %.1f us\n", name, latency[int((NR - 1) * 0.99) + 1]
        }'
done
