#!/usr/bin/env bash
# test/reference/run.sh -- doc/reference.md against the installed extension.
#
#   bash test/reference/run.sh
#
# Starts a throwaway server (as user postgres when run as root, else as the
# calling user) in /tmp/portrange-reference.XXXXXX with its socket there and
# no TCP listener, creates a fresh database with CREATE EXTENSION portrange
# and runs tools/reference_check.py against it: every member object of the
# extension must have an entry in doc/reference.md, every entry must name
# an object, and every example must print exactly its output block.  Stops
# the server by its PID and removes the directory.
#
# Needs the extension installed (tools/test.sh does that; by hand: make
# install) and python3.  Prints "ok NAME" / "not ok NAME", a diff for each
# example that differs, and "N passed, N failed" last; exits non-zero on
# failure.  Bounded by REFERENCE_TEST_TIMEOUT (default 300 s).

set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
. "$repo/tools/pglib.sh"

unset PGDATABASE PGSERVICE PGOPTIONS PGHOSTADDR PGPASSWORD

bail() {
	echo "not ok $1${2:+ # $2}"
	echo "0 passed, 1 failed"
	exit 1
}

command -v python3 >/dev/null 2>&1 || bail reference_python3 "python3 is missing"
pglib_find_pg_config
[ -n "${PG_CONFIG:-}" ] && [ -x "$PG_CONFIG" ] || bail pg_config_found "install postgresql-server-dev-$PG_MAJOR"
PG_BINDIR=$("$PG_CONFIG" --bindir)
export PG_BINDIR
[ -f "$("$PG_CONFIG" --sharedir)/extension/portrange.control" ] || bail portrange_installed "run make install first"

tmp=$(mktemp -d /tmp/portrange-reference.XXXXXX)
chmod 755 "$tmp"
cleanup() {
	trap "" INT TERM
	[ -f "$tmp/data/postmaster.pid" ] && PG_SERVER_PID=${PG_SERVER_PID:-$(head -1 "$tmp/data/postmaster.pid")}
	pglib_stop_server "$tmp"
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

if ! pglib_start_server "$tmp" "$(pglib_free_port 55600)" 2>"$tmp/start.log"; then
	sed 's/^/# /' "$tmp/start.log"
	bail reference_server_starts
fi
timeout 60 "$PG_BINDIR/psql" -X -q -d postgres -c "CREATE DATABASE portrange_reference" ||
	bail reference_create_database
timeout 120 "$PG_BINDIR/psql" -X -q -d portrange_reference -c "CREATE EXTENSION portrange" ||
	bail reference_create_extension

timeout -k 5 "${REFERENCE_TEST_TIMEOUT:-300}" python3 "$repo/tools/reference_check.py" \
	--psql "$PG_BINDIR/psql" -d portrange_reference --doc "$repo/doc/reference.md"
status=$?
if [ $status -eq 124 ] || [ $status -eq 137 ]; then
	echo "not ok reference_timeout # killed after ${REFERENCE_TEST_TIMEOUT:-300}s"
	echo "0 passed, 1 failed"
fi
exit $status
