#!/usr/bin/env bash
# test/pg_upgrade/check.sh -- pg_upgrade a cluster whose database uses every
# object of the extension from one major to the next, and prove that
#   - every query answers the same (index scans forced and sequential scans
#     forced, before and after);
#   - amcheck passes on every btree index (heapallindexed);
#   - the extension's catalog fingerprint (test/cluster/ext_fingerprint.sql:
#     types, functions, operators, operator families and their members,
#     operator classes, casts, support functions, comments, ACLs) equals a
#     fresh install on the new major, except for one known difference,
#     which the test names: the objects that CREATE TYPE ... AS RANGE
#     creates implicitly lose their extension membership (doc/pg_upgrade.md);
#   - the documented repair (ALTER EXTENSION ... ADD) makes the two equal.
#
#   bash test/pg_upgrade/check.sh OLD NEW     (default 18 19)
#
# Needs both majors installed (server, headers, contrib), as in the sid
# chroot of tools/pgchroot.sh:  tools/pgchroot.sh run 19 bash test/pg_upgrade/check.sh
# Runs as root (servers as postgres) or as a user who may install into both.
# Prints "N passed, N failed" last.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
. tools/pglib.sh

old=${1:-18}
new=${2:-19}
OLDBIN=/usr/lib/postgresql/$old/bin
NEWBIN=/usr/lib/postgresql/$new/bin
for b in "$OLDBIN" "$NEWBIN"; do
	[ -x "$b/pg_config" ] && [ -x "$b/initdb" ] || die "PostgreSQL ${b//[^0-9]/} with its headers is not installed"
done

passed=0
failed=0
pass() { echo "ok $*"; passed=$((passed + 1)); }
fail() { echo "not ok $*"; failed=$((failed + 1)); }
note() { echo "# $*"; }

# the extension built and installed for both majors
for v in "$old" "$new"; do
	log "building and installing for PostgreSQL $v"
	make -s PG_CONFIG="/usr/lib/postgresql/$v/bin/pg_config" clean >/dev/null
	out=$(make -s PG_CONFIG="/usr/lib/postgresql/$v/bin/pg_config" 2>&1) || { echo "$out"; die "build for $v failed"; }
	make -s PG_CONFIG="/usr/lib/postgresql/$v/bin/pg_config" install >/dev/null
done
make -s PG_CONFIG="$NEWBIN/pg_config" clean >/dev/null

tmp=$(mktemp -d /tmp/portrange-pgupgrade.XXXXXX)
chmod 755 "$tmp"
PGRUN_USER=$(id -un)
if is_root; then
	PGRUN_USER=postgres
	chown postgres "$tmp"
fi
SERVER_PID=
stop_server() {
	[ -n "$SERVER_PID" ] || return 0
	kill -INT "$SERVER_PID" 2>/dev/null || true
	local i
	for i in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
	kill -KILL "$SERVER_PID" 2>/dev/null || true
	SERVER_PID=
}
cleanup() {
	stop_server
	if [ "${KEEP_TMP:-0}" = 1 ]; then log "kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT

port=$(pglib_free_port 56400)
start_server() { # BINDIR DATADIR
	pglib_as_runuser "$1/pg_ctl" -D "$2" -l "$2.log" -w \
		-o "-p $port -k $tmp -c listen_addresses='' -c fsync=off" start >/dev/null ||
		{ cat "$2.log" >&2; die "server in $2 did not start"; }
	SERVER_PID=$(head -1 "$2/postmaster.pid")
}
psql_() { # BINDIR DB [psql args...]
	local bin=$1 db=$2
	shift 2
	"$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$tmp" -p "$port" -U "$PGRUN_USER" -d "$db" "$@"
}
queries() { # BINDIR OUTFILE-PREFIX
	PGOPTIONS='-c enable_seqscan=off' psql_ "$1" upg -f "$repo/test/pg_upgrade/queries.sql" >"$2.idx"
	PGOPTIONS='-c enable_indexscan=off -c enable_bitmapscan=off -c enable_indexonlyscan=off' \
		psql_ "$1" upg -f "$repo/test/pg_upgrade/queries.sql" >"$2.seq"
}
fingerprint() { # BINDIR DB
	psql_ "$1" "$2" -At -v ext=portrange -f "$repo/test/cluster/ext_fingerprint.sql"
}

# ---------------------------------------------------------------- old major
log "PostgreSQL $old: a database with every kind of object"
pglib_as_runuser "$OLDBIN/initdb" -D "$tmp/old" -U "$PGRUN_USER" --auth=trust --no-sync -E UTF8 --locale=C >/dev/null
start_server "$OLDBIN" "$tmp/old"
psql_ "$OLDBIN" postgres -c "CREATE DATABASE upg"
psql_ "$OLDBIN" upg -f "$repo/test/pg_upgrade/objects.sql" >/dev/null
queries "$OLDBIN" "$tmp/before"
if cmp -s "$tmp/before.idx" "$tmp/before.seq"; then
	pass "before_index_scans_equal_seq_scans # PostgreSQL $old"
else
	fail "before_index_scans_equal_seq_scans # PostgreSQL $old"
	diff "$tmp/before.idx" "$tmp/before.seq" | head -20
fi
fingerprint "$OLDBIN" upg >"$tmp/fp.old"
stop_server

# ---------------------------------------------------------------- pg_upgrade
log "pg_upgrade $old -> $new"
pglib_as_runuser "$NEWBIN/initdb" -D "$tmp/new" -U "$PGRUN_USER" --auth=trust --no-sync -E UTF8 --locale=C >/dev/null
mkdir -p "$tmp/work"
is_root && chown postgres "$tmp/work"
if (cd "$tmp/work" && pglib_as_runuser "$NEWBIN/pg_upgrade" -b "$OLDBIN" -B "$NEWBIN" \
	-d "$tmp/old" -D "$tmp/new" -U "$PGRUN_USER" -s "$tmp" -p "$port" -P "$port" >"$tmp/pg_upgrade.log" 2>&1); then
	pass "pg_upgrade_${old}_to_${new}"
else
	fail "pg_upgrade_${old}_to_${new}"
	tail -30 "$tmp/pg_upgrade.log"
	find "$tmp/new" -name '*.log' -path '*pg_upgrade_output.d*' -exec tail -20 {} \; 2>/dev/null | tail -40
	echo "$passed passed, $failed failed"
	exit 1
fi

# ---------------------------------------------------------------- new major
start_server "$NEWBIN" "$tmp/new"
queries "$NEWBIN" "$tmp/after"
for m in idx seq; do
	if cmp -s "$tmp/before.idx" "$tmp/after.$m"; then
		pass "after_upgrade_queries_equal_$m # $(grep -c . "$tmp/after.$m") lines of answers"
	else
		fail "after_upgrade_queries_equal_$m"
		diff "$tmp/before.idx" "$tmp/after.$m" | head -20
	fi
done

psql_ "$NEWBIN" upg -c "CREATE EXTENSION amcheck"
n=$(psql_ "$NEWBIN" upg -At <<'EOF'
SELECT count(bt_index_check(c.oid, true))
FROM pg_index i
JOIN pg_class c ON c.oid = i.indexrelid
JOIN pg_am am ON am.oid = c.relam AND am.amname = 'btree'
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND c.relkind = 'i';
EOF
) && [ "$n" -gt 5 ] && pass "amcheck_btree_indexes # bt_index_check(heapallindexed) on $n indexes" ||
	fail "amcheck_btree_indexes # $n"

# the upgraded extension against a fresh install on the new major
psql_ "$NEWBIN" postgres -c "CREATE DATABASE fresh"
psql_ "$NEWBIN" fresh -c "CREATE EXTENSION portrange"
fingerprint "$NEWBIN" upg >"$tmp/fp.upg"
fingerprint "$NEWBIN" fresh >"$tmp/fp.fresh"
note "fingerprint: $(wc -l <"$tmp/fp.fresh") lines (a fresh install on $new), $(wc -l <"$tmp/fp.upg") (upgraded from $old)"

# What CREATE TYPE ... AS RANGE makes on its own (the multirange type, the
# constructors, the range-to-multirange cast): after pg_upgrade these lose
# their extension membership or their comments.  Nothing else may differ.
implicit="cast from portrange to portmultirange
function portmultirange()
function portmultirange(portrange)
function portmultirange(portrange[])
function portrange(port,port)
function portrange(port,port,text)
type portmultirange
type portmultirange[]
type portrange"
comm -23 "$tmp/fp.fresh" "$tmp/fp.upg" >"$tmp/only_fresh"
comm -13 "$tmp/fp.fresh" "$tmp/fp.upg" >"$tmp/only_upg"
sed 's/ :: .*//' "$tmp/only_fresh" "$tmp/only_upg" | sort -u >"$tmp/differing"
grep -vxF -f <(printf '%s\n' "$implicit") "$tmp/differing" >"$tmp/unexpected" || true
if [ ! -s "$tmp/differing" ]; then
	pass "fingerprint_equal_to_fresh_install # $old -> $new keeps every member"
elif [ -s "$tmp/unexpected" ]; then
	fail "fingerprint_equal_to_fresh_install # differences beyond the implicit range objects:"
	while read -r obj; do
		echo "#   $obj"
		grep -F "$obj :: " "$tmp/only_fresh" | cut -c1-400 | sed 's/^/#     fresh:    /'
		grep -F "$obj :: " "$tmp/only_upg" | cut -c1-400 | sed 's/^/#     upgraded: /'
	done <"$tmp/unexpected"
else
	pass "fingerprint_equal_but_for_the_known_difference # $(wc -l <"$tmp/differing") implicit range objects differ:"
	while read -r obj; do
		if [ "$obj" = "type portrange" ]; then
			echo "#   $obj: its binary input is core's range_recv() again"
		elif grep -qF "$obj :: " "$tmp/fp.upg"; then
			echo "#   $obj: still a member, its comment is lost"
		else
			echo "#   $obj: no longer an extension member (and its comment is lost)"
		fi
	done <"$tmp/differing"
	# the documented repair gives them back
	psql_ "$NEWBIN" upg -f "$repo/tools/pg_upgrade_repair.sql" 2>&1 | sed 's/^/# /'
	fingerprint "$NEWBIN" upg >"$tmp/fp.repaired"
	if cmp -s "$tmp/fp.fresh" "$tmp/fp.repaired"; then
		pass "fingerprint_equal_after_tools_pg_upgrade_repair_sql"
	else
		fail "fingerprint_equal_after_tools_pg_upgrade_repair_sql"
		diff "$tmp/fp.fresh" "$tmp/fp.repaired" | cut -c1-300 | head -10
	fi
	# and running it again changes nothing
	psql_ "$NEWBIN" upg -f "$repo/tools/pg_upgrade_repair.sql" >/dev/null 2>&1
	fingerprint "$NEWBIN" upg >"$tmp/fp.repaired2"
	if cmp -s "$tmp/fp.repaired" "$tmp/fp.repaired2"; then
		pass "pg_upgrade_repair_is_idempotent"
	else
		fail "pg_upgrade_repair_is_idempotent"
	fi
fi

# the operators and opclasses, the part an extension that put operators
# into core's families lost: compared by themselves, they are identical
ops_sql="SELECT o.oid::regoperator::text, f.opfname, am.amname, a.amopstrategy
FROM pg_amop a JOIN pg_operator o ON o.oid = a.amopopr
JOIN pg_opfamily f ON f.oid = a.amopfamily JOIN pg_am am ON am.oid = f.opfmethod
WHERE 'port'::regtype IN (a.amoplefttype, a.amoprighttype)
   OR 'portrange'::regtype IN (a.amoplefttype, a.amoprighttype)
   OR 'portmultirange'::regtype IN (a.amoplefttype, a.amoprighttype)
ORDER BY 1, 2, 3, 4"
psql_ "$NEWBIN" upg -At -c "$ops_sql" >"$tmp/ops.upg"
psql_ "$NEWBIN" fresh -At -c "$ops_sql" >"$tmp/ops.fresh"
if cmp -s "$tmp/ops.upg" "$tmp/ops.fresh"; then
	pass "operator_family_members_identical # $(psql_ "$NEWBIN" fresh -At -c "SELECT count(*) FROM ($ops_sql) s") members"
else
	fail operator_family_members_identical
fi

stop_server
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
