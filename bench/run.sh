#!/usr/bin/env bash
# bench/run.sh -- benchmark portrange against int4 + CHECK (and friends)
#
#   bench/run.sh [--rows N] [--reps K] [--out DIR]
#
# Builds and installs the extension (tools/pglib.sh), starts ONE throwaway
# PostgreSQL server in a temporary directory under /tmp on a free port,
# generates the data, runs bench/queries.sql through bench/bench.py, prints
# the table of ratios and writes DIR/latest.{txt,md,csv,json} (default
# DIR: bench/results), then stops the server by its PID and removes the
# temporary directory.  Defaults: 10,000,000 log rows, 5 repetitions after
# one warm-up.  --rows 200000 is a quick run (about 1 minute).
# See bench/README.md.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")

ROWS=10000000
REPS=5
OUT=$HERE/results
EXTRA=()

usage() {
	sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
	exit "${1:-0}"
}

while [ $# -gt 0 ]; do
	case $1 in
		--rows) ROWS=$2; shift 2 ;;
		--rows=*) ROWS=${1#*=}; shift ;;
		--reps) REPS=$2; shift 2 ;;
		--reps=*) REPS=${1#*=}; shift ;;
		--out) OUT=$2; shift 2 ;;
		--out=*) OUT=${1#*=}; shift ;;
		-h|--help) usage 0 ;;
		# development options, passed to bench.py: --only ID,ID  --rules N
		# --sample N  --strings N
		--only|--rules|--sample|--strings) EXTRA+=("$1" "$2"); shift 2 ;;
		*) echo "unknown option: $1" >&2; usage 2 >&2 ;;
	esac
done
case $ROWS in ''|*[!0-9]*) echo "--rows needs a number" >&2; exit 2 ;; esac
case $REPS in ''|*[!0-9]*) echo "--reps needs a number" >&2; exit 2 ;; esac
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

cd "$ROOT"
# shellcheck source=tools/pglib.sh disable=SC1091
source tools/pglib.sh

pglib_ensure_deps
pglib_build
command -v python3 >/dev/null || die "python3 is needed"
command -v nm >/dev/null || die "nm (binutils) is needed"

# The server: 4 GB of shared buffers hold both logs and their indexes at
# the default size; work_mem 1 GB keeps every sort and hash of 10M rows in
# memory; no parallel workers, no JIT and no autovacuum, so that both sides
# run the same single-process plans with little noise.  fsync is off
# (pglib): the data is throwaway.
PG_EXTRA_OPTS="-c shared_buffers=4GB -c work_mem=1GB -c maintenance_work_mem=2GB \
 -c max_parallel_workers_per_gather=0 -c max_parallel_maintenance_workers=0 \
 -c jit=off -c autovacuum=off -c max_wal_size=32GB -c checkpoint_timeout=1h \
 -c synchronous_commit=off -c full_page_writes=off"
export PG_EXTRA_OPTS

BENCH_DIR=$(mktemp -d /tmp/portrange-bench.XXXXXX)
chmod 755 "$BENCH_DIR"
cleanup() {
	pglib_stop_server "$BENCH_DIR"
	rm -rf "$BENCH_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PORT=$(pglib_free_port 55432)
pglib_start_server "$BENCH_DIR" "$PORT"
mkdir -p "$BENCH_DIR/files"
is_root && chown "$PGRUN_USER" "$BENCH_DIR/files"

log "benchmark: $ROWS rows, $REPS repetitions, results in $OUT"
python3 "$HERE/bench.py" --rows "$ROWS" --reps "$REPS" --out "$OUT" \
	--files "$BENCH_DIR/files" --so "$("$PG_CONFIG" --pkglibdir)/portrange.so" \
	${EXTRA[@]+"${EXTRA[@]}"}
