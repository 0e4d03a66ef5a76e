#!/usr/bin/env bash
# test/python/run.sh -- portrange through a real client (psycopg 3).
#
#   bash test/python/run.sh
#
# Starts a throwaway server (as user postgres when run as root, else as the
# calling user) in /tmp/portrange-python.XXXXXX with its socket there and no
# TCP listener, runs test/python/test_client.py against a fresh database,
# stops the server by its PID and removes the directory.
#
# Needs the extension installed (tools/test.sh does that; by hand: make
# install) and Debian's python3-psycopg.  As root a missing python3-psycopg
# is installed with apt-get; an ordinary user without it gets a "# skipped"
# line and "0 passed, 0 failed".
#
# Prints "ok NAME" / "not ok NAME" per test and "N passed, N failed" last;
# exits non-zero on failure.  Bounded by PYTHON_TEST_TIMEOUT (default 300 s).

set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
. "$repo/tools/pglib.sh"

unset PGDATABASE PGSERVICE PGOPTIONS PGHOSTADDR PGPASSWORD

# a Python that has psycopg: $PYTHON if set, else python3 on the PATH, else
# Debian's /usr/bin/python3 (the one python3-psycopg is for; the python3
# first on the PATH may be another, e.g. from pyenv)
find_python() {
	local py
	for py in ${PYTHON:-python3 /usr/bin/python3}; do
		if command -v "$py" >/dev/null 2>&1 && "$py" -c 'import psycopg' 2>/dev/null; then
			PYTHON=$py
			return 0
		fi
	done
	return 1
}

if ! find_python; then
	if is_root; then
		log "installing python3-psycopg"
		export DEBIAN_FRONTEND=noninteractive
		{ apt-get update -qq && apt-get install -y -qq --no-install-recommends python3 python3-psycopg; } >/dev/null 2>&1
	fi
	if ! find_python; then
		if is_root; then
			echo "not ok python_psycopg_installed # apt-get install python3-psycopg failed, or PYTHON=${PYTHON:-} lacks it"
			echo "0 passed, 1 failed"
			exit 1
		fi
		echo "# skipped: python3-psycopg is not installed (sudo apt-get install python3-psycopg)"
		echo "0 passed, 0 failed"
		exit 0
	fi
fi

pglib_find_pg_config
if [ -z "${PG_CONFIG:-}" ] || [ ! -x "$PG_CONFIG" ]; then
	echo "not ok pg_config_found # install postgresql-server-dev-$PG_MAJOR"
	echo "0 passed, 1 failed"
	exit 1
fi
PG_BINDIR=$("$PG_CONFIG" --bindir)
export PG_BINDIR
if [ ! -f "$("$PG_CONFIG" --sharedir)/extension/portrange.control" ]; then
	echo "not ok portrange_installed # run make install first"
	echo "0 passed, 1 failed"
	exit 1
fi

tmp=$(mktemp -d /tmp/portrange-python.XXXXXX)
chmod 755 "$tmp"
cleanup() {
	trap "" INT TERM
	[ -f "$tmp/data/postmaster.pid" ] && PG_SERVER_PID=${PG_SERVER_PID:-$(head -1 "$tmp/data/postmaster.pid")}
	pglib_stop_server "$tmp"
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

if ! pglib_start_server "$tmp" "$(pglib_free_port 55500)" 2>"$tmp/start.log"; then
	sed 's/^/# /' "$tmp/start.log"
	echo "not ok python_server_starts"
	echo "0 passed, 1 failed"
	exit 1
fi
timeout 60 "$PG_BINDIR/psql" -X -q -d postgres -c "CREATE DATABASE portrange_client" || {
	echo "not ok python_create_database"
	echo "0 passed, 1 failed"
	exit 1
}
export PGDATABASE=portrange_client

timeout -k 5 "${PYTHON_TEST_TIMEOUT:-300}" "$PYTHON" "$here/test_client.py"
status=$?
if [ $status -eq 124 ] || [ $status -eq 137 ]; then
	echo "not ok python_timeout # killed after ${PYTHON_TEST_TIMEOUT:-300}s"
	echo "0 passed, 1 failed"
fi
exit $status
