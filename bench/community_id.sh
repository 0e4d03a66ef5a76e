#!/usr/bin/env bash
# bench/community_id.sh -- Community IDs per second: community_id() against
# the same computation in SQL with pgcrypto's digest(..., 'sha1') and encode()
#
#   bench/community_id.sh [--rows N] [--reps K] [--no-warmup]
#
# Builds and installs the extension (tools/pglib.sh), starts one throwaway
# server under /tmp on a free port, generates N flows (default 10,000,000),
# checks that both sides give the same IDs, times K repetitions of each side
# (default 3, after one warm-up unless --no-warmup, alternating) and prints the medians, the
# IDs per second and the speedup; then stops the server by its PID and
# removes its directory.  Needs pgcrypto (postgresql-contrib, which ships
# with the server packages).  See bench/README.md.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
ROWS=10000000
REPS=3
WARMUP=1
while [ $# -gt 0 ]; do
	case $1 in
		--rows) ROWS=$2; shift 2 ;;
		--reps) REPS=$2; shift 2 ;;
		--no-warmup) WARMUP=0; shift ;;
		-h|--help) sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
		*) echo "unknown option: $1" >&2; exit 2 ;;
	esac
done
case $ROWS in ''|*[!0-9]*) echo "--rows needs a number" >&2; exit 2 ;; esac
case $REPS in ''|*[!0-9]*) echo "--reps needs a number" >&2; exit 2 ;; esac

cd "$ROOT"
# shellcheck source=tools/pglib.sh disable=SC1091
source tools/pglib.sh
pglib_ensure_deps
pglib_build
[ -f "$("$PG_CONFIG" --sharedir)/extension/pgcrypto.control" ] ||
	die "pgcrypto is not installed (postgresql-contrib)"

PG_EXTRA_OPTS="-c shared_buffers=2GB -c work_mem=256MB -c max_parallel_workers_per_gather=0 \
 -c jit=off -c autovacuum=off -c synchronous_commit=off -c full_page_writes=off -c max_wal_size=8GB"
export PG_EXTRA_OPTS
BENCH_DIR=$(mktemp -d /tmp/portrange-cid-bench.XXXXXX)
chmod 755 "$BENCH_DIR"
cleanup() {
	pglib_stop_server "$BENCH_DIR"
	rm -rf "$BENCH_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
pglib_start_server "$BENCH_DIR" "$(pglib_free_port 55532)"

log "Community ID benchmark: $ROWS flows, $REPS repetitions"
PGOPTIONS="-c bench.reps=$REPS -c bench.warmup=$WARMUP" "$PG_BINDIR/psql" -X -q -d postgres -v rows="$ROWS" \
	-f "$HERE/community_id.sql"
