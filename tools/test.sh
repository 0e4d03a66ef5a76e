#!/usr/bin/env bash
# tools/test.sh -- the whole test suite in one command.
#
# Installs what is missing (as root, via apt-get), builds with -Wall -Wextra
# and fails on any warning, installs the extension, starts a throwaway
# server as an unprivileged user on a free port, runs the pg_regress suite
# and the tests outside the server, stops the server and prints
# "N passed, N failed".  Exits non-zero on any failure.
#
# Usage: tools/test.sh [--pg MAJOR] [--quick]
#   --pg MAJOR  test against that PostgreSQL major (default 15, or PG_MAJOR).
#               A major the host does not package (17, 18, 19 on Debian 12)
#               runs inside a Debian chroot that tools/pgchroot.sh builds
#               with debootstrap on first use and reuses after.
#   --quick     the build (warnings are errors), pg_regress and the C unit
#               tests only: what CI runs on the majors other than 15.
#   --only "T1 T2"  the build and just these pg_regress tests (setup and
#               validate, which the others need, are added), for iterating.
#
# Environment: PG_MAJOR (default 15), PG_CONFIG, KEEP_TMP=1 keeps the
# server directory, FUZZ_SECONDS (default 10) for the bounded fuzz run.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=${PORTRANGE_QUICK:-}
only=
while [ $# -gt 0 ]; do
	case "$1" in
	--pg) PG_MAJOR=${2:?--pg needs a major version}; shift 2 ;;
	--pg=*) PG_MAJOR=${1#--pg=}; shift ;;
	--quick) quick=1; shift ;;
	--only) only=${2:?--only needs test names}; shift 2 ;;
	*) echo "usage: $0 [--pg MAJOR] [--quick] [--only TESTS]" >&2; exit 2 ;;
	esac
done
export PG_MAJOR=${PG_MAJOR:-15}

# A major that is not installed here, and that this host cannot install
# from its own suite: run the same command inside its chroot.
if [ -z "${PORTRANGE_IN_CHROOT:-}" ] && [ -z "${PG_CONFIG:-}" ] &&
	[ ! -x "/usr/lib/postgresql/$PG_MAJOR/bin/pg_config" ] &&
	! apt-cache show "postgresql-server-dev-$PG_MAJOR" >/dev/null 2>&1; then
	echo "==> PostgreSQL $PG_MAJOR is not packaged for this host: testing in a chroot" >&2
	args=(--pg "$PG_MAJOR")
	[ -z "$only" ] || args+=(--only "$only")
	PORTRANGE_QUICK=$quick exec bash tools/pgchroot.sh run "$PG_MAJOR" bash tools/test.sh "${args[@]}"
fi

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
regress_args=()
[ -z "$only" ] || regress_args=(REGRESS="setup validate $only")
make -s PG_CONFIG="$PG_CONFIG" installcheck "${regress_args[@]}" 2>&1 | tee "$tmp/regress.out"
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

# Tests outside pg_regress: each prints "N passed, N failed" last.  The
# quick run keeps the C unit tests (those that need no server).
unit_tests="test/core/run.sh test/unit/run_fwparse.sh test/registry/run.sh test/portproto/run.sh
	test/endpoint/run.sh test/wire/run.sh test/static/run.sh"
for t in test/*/run*.sh; do
	[ -f "$t" ] && [ -z "$only" ] || continue
	if [ -n "$quick" ] && ! grep -qw "$t" <<<"$unit_tests"; then
		continue
	fi
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

echo "==> PostgreSQL $("$PG_CONFIG" --version | awk '{print $2}')${quick:+ (quick)}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
