#!/usr/bin/env bash
# tools/demo.sh -- a working demo database in one command.
#
# Installs what is missing (as root), builds and installs the extension,
# starts a PostgreSQL server in /tmp/portrange-demo (as the postgres user
# when run as root), creates the database "portrange_demo" with the
# extension and a sample flow log (demo/flows.sql), prints example queries
# with their answers (demo/queries.sql), and leaves the server running.
#
#   tools/demo.sh          start (or restart) the demo
#   tools/demo.sh stop     stop the demo server and remove its directory
set -euo pipefail
cd "$(dirname "$0")/.."
. tools/pglib.sh

DEMO_DIR=${DEMO_DIR:-/tmp/portrange-demo}
DEMO_PORT=${DEMO_PORT:-54329}

pglib_find_pg_config
stop_demo() {
	if [ -f "$DEMO_DIR/data/postmaster.pid" ]; then
		PG_BINDIR=$("$PG_CONFIG" --bindir)
		PGRUN_USER=$(stat -c %U "$DEMO_DIR/data")
		PG_SERVER_PID=$(head -1 "$DEMO_DIR/data/postmaster.pid")
		pglib_stop_server "$DEMO_DIR"
	fi
	rm -rf "$DEMO_DIR"
}

if [ "${1:-}" = stop ]; then
	stop_demo
	log "demo stopped"
	exit 0
fi

pglib_ensure_deps
pglib_build
stop_demo
mkdir -p "$DEMO_DIR"
chmod 755 "$DEMO_DIR"
pglib_start_server "$DEMO_DIR" "$DEMO_PORT"

psql_demo() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
psql_demo -d postgres -c "CREATE DATABASE portrange_demo"
psql_demo -d portrange_demo -c "CREATE EXTENSION portrange"
log "loading demo/flows.sql (200,000 flows)"
psql_demo -d portrange_demo -f demo/flows.sql
psql -X -d portrange_demo -f demo/queries.sql

cat <<MSG

The demo server is running (PID $PG_SERVER_PID). Connect with:
    psql -h $DEMO_DIR -p $DEMO_PORT -U $PGUSER portrange_demo
Stop it with:
    tools/demo.sh stop
MSG
