#!/usr/bin/env bash
# test/clients/run.sh -- portrange through real client drivers.
#
#   bash test/clients/run.sh
#
# Tests the client modules under clients/ (doc/clients.md) against a real
# server:
#
#   test_psycopg.py   psycopg 3 and clients/python/portrange_psycopg.py
#                     (and pandas' read_sql, when python3-pandas is there)
#   test_node_pg.js   node-postgres (npm "pg" 8) and clients/node/portrange-pg.js
#
# Starts a throwaway server (as user postgres when run as root, else as the
# calling user) in /tmp/portrange-clients.XXXXXX with its socket there and
# no TCP listener, gives each driver a fresh database, stops the server by
# its PID and removes the directory.
#
# Needs the extension installed (tools/test.sh does that; by hand: make
# install).  As root, what is missing is installed: Debian's python3-psycopg
# and python3-pandas, nodejs and npm (Debian's packages on a machine that
# has no node), and "npm install pg@8" into the temporary directory (never
# into the repository).  An ordinary user without a driver gets a
# "# skipped" line for it.
#
# Prints "ok NAME" / "not ok NAME" per test and "N passed, N failed" last;
# exits non-zero on failure.  Each driver's run is bounded by
# CLIENT_TEST_TIMEOUT (default 300 s).

set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
. "$repo/tools/pglib.sh"

unset PGDATABASE PGSERVICE PGOPTIONS PGHOSTADDR PGPASSWORD
TIMEOUT=${CLIENT_TEST_TIMEOUT:-300}
passed=0
failed=0

fail_early() {
	echo "not ok $1${2:+ # $2}"
	failed=$((failed + 1))
}

apt_install() {
	is_root || return 1
	log "installing $*"
	export DEBIAN_FRONTEND=noninteractive
	{ apt-get update -qq && apt-get install -y -qq --no-install-recommends "$@"; } >/dev/null 2>&1
}

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

have_python=0
if find_python || { apt_install python3 python3-psycopg && find_python; }; then
	have_python=1
	# pandas only for the read_sql check; cheap with --no-install-recommends
	"$PYTHON" -c 'import pandas' 2>/dev/null || apt_install python3-pandas || true
elif is_root; then
	fail_early python_psycopg_installed "apt-get install python3-psycopg failed, or PYTHON=${PYTHON:-} lacks it"
else
	echo "# skipped: python3-psycopg is not installed (sudo apt-get install python3-psycopg)"
fi

have_node=0
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
	have_node=1
elif apt_install nodejs npm && command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
	have_node=1
elif is_root; then
	fail_early node_installed "apt-get install nodejs npm failed"
else
	echo "# skipped: node and npm are not installed (sudo apt-get install nodejs npm)"
fi

pglib_find_pg_config
if [ -z "${PG_CONFIG:-}" ] || [ ! -x "$PG_CONFIG" ]; then
	fail_early pg_config_found "install postgresql-server-dev-$PG_MAJOR"
	echo "$passed passed, $failed failed"
	exit 1
fi
PG_BINDIR=$("$PG_CONFIG" --bindir)
export PG_BINDIR
if [ ! -f "$("$PG_CONFIG" --sharedir)/extension/portrange.control" ]; then
	fail_early portrange_installed "run make install first"
	echo "$passed passed, $failed failed"
	exit 1
fi

tmp=$(mktemp -d /tmp/portrange-clients.XXXXXX)
chmod 755 "$tmp"
cleanup() {
	trap "" INT TERM
	[ -f "$tmp/data/postmaster.pid" ] && PG_SERVER_PID=${PG_SERVER_PID:-$(head -1 "$tmp/data/postmaster.pid")}
	pglib_stop_server "$tmp"
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

# node-postgres into the temporary directory
if [ "$have_node" = 1 ]; then
	mkdir -p "$tmp/node"
	if ! (cd "$tmp/node" && timeout 180 npm install --no-save --no-package-lock --no-audit --no-fund \
		--prefix "$tmp/node" pg@8 >"$tmp/npm.log" 2>&1); then
		sed 's/^/# /' "$tmp/npm.log" | tail -20
		fail_early node_pg_installed "npm install pg@8 failed"
		have_node=0
	fi
fi

if ! pglib_start_server "$tmp" "$(pglib_free_port 55500)" 2>"$tmp/start.log"; then
	sed 's/^/# /' "$tmp/start.log"
	fail_early clients_server_starts
	echo "$passed passed, $failed failed"
	exit 1
fi

# run_driver NAME DATABASE COMMAND...: a fresh database, the command's
# "ok"/"not ok" lines, and its "N passed, N failed" added to ours
run_driver() {
	local name=$1 db=$2 out st line
	shift 2
	out="$tmp/$name.out"
	if ! timeout 60 "$PG_BINDIR/psql" -X -q -d postgres -c "CREATE DATABASE $db"; then
		fail_early "${name}_create_database"
		return
	fi
	PGDATABASE=$db timeout -k 5 "$TIMEOUT" "$@" >"$out" 2>&1
	st=$?
	grep -vE '^[0-9]+ passed, [0-9]+ failed' "$out"
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$out" | tail -1)
	if [ -n "$line" ]; then
		passed=$((passed + $(echo "$line" | awk '{print $1}')))
		failed=$((failed + $(echo "$line" | awk '{print $3}')))
	fi
	if [ $st -eq 124 ] || [ $st -eq 137 ]; then
		fail_early "${name}_timeout" "killed after ${TIMEOUT}s"
	elif [ $st -ne 0 ] && { [ -z "$line" ] || [ "$(echo "$line" | awk '{print $3}')" -eq 0 ]; }; then
		fail_early "${name}_exit_status" "exit status $st"
	fi
}

[ "$have_python" = 1 ] && run_driver python portrange_python "$PYTHON" "$here/test_psycopg.py"
[ "$have_node" = 1 ] && NODE_PATH="$tmp/node/node_modules" run_driver node portrange_node node "$here/test_node_pg.js"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
