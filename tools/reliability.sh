#!/usr/bin/env bash
# tools/reliability.sh -- the reliability suite in one command.
#
#   PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config tools/reliability.sh
#
# Parts (test/reliability/*.sh), each on throwaway servers of its own:
#   index    index integrity under churn: every index kind on every type,
#            index vs sequential scans for generated predicates (parallel
#            plans included, and each index alone), amcheck
#   crash    kill -9 of the postmaster and its children under pgbench load;
#            nothing acknowledged lost, amcheck clean, indexes agree
#   standby  a pg_basebackup -R streaming standby answers like the primary
#   memory   backend memory flat over millions of parser/lookup calls, over
#            binary COPY input and over several clients at once
#
# Builds and installs the extension first (tools/pglib.sh, as tools/test.sh
# does).  Servers run as postgres when started by root (else as the caller),
# listen on unix sockets only, live under /tmp/portrange-reliability.XXXXXX,
# use free ports from 56110 up (+ PORTRANGE_PORT_OFFSET) and are stopped by
# PID on every exit path.  Prints ok/not ok lines, "# figure" lines with the
# measurements, and "N passed, N failed" last; exits non-zero on failure.
#
# Environment:
#   PG_CONFIG           the server to test (default: PG_MAJOR's, as test.sh)
#   RELIABILITY_PARTS   which parts, default "index crash standby memory"
#   RELIABILITY_SCALE   size multiplier, default 1 (about 2-4 minutes on 2
#                       cores); 10 is the long version (see doc/testing.md)
#   KEEP_TMP=1          keep the server directories
set -uo pipefail
cd "$(dirname "$0")/.."
REL_SRC=$(pwd)
. tools/pglib.sh
. test/reliability/lib.sh
for f in test/reliability/index.sh test/reliability/crash.sh test/reliability/standby.sh \
	test/reliability/memory.sh; do
	. "$f"
done

scale=${RELIABILITY_SCALE:-1}
case $scale in '' | *[!0-9]*) die "RELIABILITY_SCALE must be a positive integer" ;; esac
[ "$scale" -ge 1 ] || die "RELIABILITY_SCALE must be at least 1"
REL_ROWS=$((10000 * scale))				# churn table rows (index part)
REL_CHURN_ROUNDS=3
REL_PREDS=$((200 + 100 * (scale - 1)))	# generated predicates
REL_CRASHES=$((scale > 1 ? 3 : 2))	# kill -9 cycles
REL_CRASH_SECONDS=$((6 * scale))		# pgbench load before each kill
REL_MEM_ROWS=$((2000000 * scale))		# rows of the one-client memory query
REL_MEM_CLIENTS=4

figure() { echo "# figure $1: $2"; }

set -e
pglib_ensure_deps
pglib_build
set +e
unset PGDATABASE PGSERVICE PGOPTIONS PGHOSTADDR PGPASSWORD PGHOST PGPORT

REL_TMP=$(mktemp -d /tmp/portrange-reliability.XXXXXX)
chmod 755 "$REL_TMP"
trap rel_cleanup EXIT
trap 'exit 130' INT TERM

log "reliability: $("$PG_BINDIR/postgres" --version), scale $scale, in $REL_TMP"
start=$(date +%s)
for part in ${RELIABILITY_PARTS:-index crash standby memory}; do
	log "part $part"
	t=$(date +%s)
	"part_$part"
	note "part $part: $(( $(date +%s) - t )) s"
done
figure "total time" "$(( $(date +%s) - start )) s at scale $scale ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
echo "$REL_PASSED passed, $REL_FAILED failed"
[ "$REL_FAILED" -eq 0 ]
