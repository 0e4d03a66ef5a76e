#!/usr/bin/env bash
# tools/test.sh -- the whole test suite in one command.
#
# Installs what is missing (as root, via apt-get), builds with -Wall -Wextra
# and fails on any warning, installs the extension, starts a throwaway
# server as an unprivileged user on a free port, runs the pg_regress suite
# and the tests outside the server, stops the server and prints
# "N passed, N failed".  Exits non-zero on any failure.
#
# Environment: PG_MAJOR (default 15), PG_CONFIG, KEEP_TMP=1 keeps the
# server directory, FUZZ_SECONDS (default 10) for the bounded fuzz run.
set -euo pipefail
cd "$(dirname "$0")/.."
. tools/pglib.sh

passed=0
failed=0

pglib_ensure_deps
pglib_build

tmp=$(mktemp -d /tmp/portrange-test.XXXXXX)
chmod 755 "$tmp"
cleanup() {
	pglib_stop_server "$tmp"
	if [ "${KEEP_TMP:-0}" = 1 ]; then log "kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
pglib_start_server "$tmp" "$(pglib_free_port 54321)"

log "pg_regress"
rm -rf results regression.diffs regression.out
set +e
make -s PG_CONFIG="$PG_CONFIG" installcheck 2>&1 | tee "$tmp/regress.out"
regress_status=${PIPESTATUS[0]}
set -e
ok=$(grep -cE '(\.\.\. ok|^ok [0-9])' "$tmp/regress.out" || true)
bad=$(grep -cE '(\.\.\. FAILED|^not ok [0-9]|\.\.\. failed)' "$tmp/regress.out" || true)
if [ "$regress_status" -ne 0 ] && [ "$bad" -eq 0 ]; then
	bad=1
fi
passed=$((passed + ok))
failed=$((failed + bad))
if [ -s regression.diffs ]; then
	log "regression.diffs:"
	cat regression.diffs
fi

# Tests outside pg_regress: each prints "N passed, N failed" last.
for t in test/*/run*.sh; do
	[ -f "$t" ] || continue
	log "$t"
	set +e
	bash "$t" 2>&1 | tee "$tmp/unit.out"
	st=${PIPESTATUS[0]}
	set -e
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$tmp/unit.out" | tail -1 || true)
	if [ -n "$line" ]; then
		passed=$((passed + $(echo "$line" | awk '{print $1}')))
		failed=$((failed + $(echo "$line" | awk '{print $3}')))
	fi
	if [ "$st" -ne 0 ] && { [ -z "$line" ] || [ "$(echo "$line" | awk '{print $3}')" -eq 0 ]; }; then
		failed=$((failed + 1))
	fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
