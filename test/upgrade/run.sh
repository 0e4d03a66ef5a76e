#!/usr/bin/env bash
# test/upgrade/run.sh -- a real upgrade from the released 1.0, and a
# registry refresh on real IANA data.
#
# Into the PostgreSQL installation of PG_CONFIG (which it overwrites; it
# reinstalls this tree's build before it exits):
#   1. builds and installs 1.0 from tag v1.0 (commit d3b9cd0 in a clone
#      without tags), creates database A with 1.0, user data and indexes of
#      every kind (btree, hash, GiST, BRIN, expression, unique, exclusion,
#      domains, generated columns), and records the answers of queries;
#   2. when IANA's XML editions are at hand (../shared/iana beside the
#      repository, or IANA_DIR), builds this tree with data/services.csv
#      converted from the 2025-12-15 edition and creates database R with it;
#   3. installs this tree's build; updates A (ALTER EXTENSION portrange
#      UPDATE); creates database B fresh; compares A with B: the catalog
#      fingerprint of the extension (test/cluster/ext_fingerprint.sql: every
#      member's definition, and its tables' data), the registry tables row
#      for row; checks A's btree indexes with amcheck and A's query answers;
#      restores pg_dump of A into a new database C at 1.1 and compares again;
#   4. in R, registry_changes() lists what differs between the 2025-12-15
#      tables and the 2026-08-17 library, registry_refresh() applies it, and
#      R then equals B.
# Generic: it compares whatever 1.1 contains, so other objects added to
# portrange--1.0--1.1.sql are covered without changes here.
#
# Prints "ok ..."/"not ok ..." lines, "# ..." diagnostics, and a last line
# "N passed, N failed".  Environment: PG_CONFIG, PORTRANGE_PORT_OFFSET,
# IANA_DIR, KEEP_TMP=1.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
cd "$repo"
set -e
. tools/pglib.sh
set +e
pglib_find_pg_config
PG_BINDIR=$("$PG_CONFIG" --bindir)

passed=0
failed=0
pass() { echo "ok $*"; passed=$((passed + 1)); }
fail() { echo "not ok $*"; failed=$((failed + 1)); }
diag() { sed 's/^/# /'; }
check_eq() {	# check_eq NAME EXPECTED ACTUAL
	if [ "$2" = "$3" ]; then pass "$1"; else
		fail "$1"
		diff <(printf '%s\n' "$2") <(printf '%s\n' "$3") | head -30 | diag
	fi
}
finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
	exit $?
}

tmp=$(mktemp -d /tmp/portrange-upgrade.XXXXXX)
chmod 755 "$tmp"
reinstall_current() {
	make -s -C "$repo" PG_CONFIG="$PG_CONFIG" install >"$tmp/install-current.log" 2>&1
}
cleanup() {
	pglib_stop_server "$tmp/srv"
	reinstall_current || cat "$tmp/install-current.log" >&2
	if [ "${KEEP_TMP:-0}" = 1 ]; then echo "# kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT

q() {	# q DB [psql args]: quiet, unaligned, tuples only, stop on error
	local db=$1
	shift
	"$PG_BINDIR/psql" -X -q -A -t -v ON_ERROR_STOP=1 -d "$db" "$@"
}

# ------------------------------------------------------------ the trees

# 1.0 from its tag; in a clone without tags, from the commit it names
v10=$tmp/v1.0
mkdir -p "$v10"
ref=v1.0
git -C "$repo" rev-parse -q --verify "$ref^{commit}" >/dev/null 2>&1 || ref=d3b9cd0
if git -C "$repo" archive "$ref" | tar -x -C "$v10"; then
	pass "release 1.0 source from $ref"
else
	fail "release 1.0 source from $ref (git archive)"
	finish
fi

build_install() {	# build_install DIR NAME: build the tree in DIR and install it
	if make -s -C "$1" PG_CONFIG="$PG_CONFIG" >"$tmp/build-$2.log" 2>&1 &&
		make -s -C "$1" PG_CONFIG="$PG_CONFIG" install >>"$tmp/build-$2.log" 2>&1; then
		pass "build and install $2"
		return 0
	fi
	fail "build and install $2"
	tail -20 "$tmp/build-$2.log" | diag
	return 1
}

iana=${IANA_DIR:-}
if [ -z "$iana" ]; then
	for d in "$repo/../shared/iana" /work/shared/iana; do
		[ -f "$d/service-names-port-numbers.2025-12-15.xml" ] && { iana=$d; break; }
	done
fi

# ------------------------------------------------------------ 1.0

major=$("$PG_CONFIG" --version | sed 's/^[^0-9]*\([0-9]*\).*/\1/')
if [ "$major" -ge 16 ]; then
	# 1.0's C code predates varatt.h and does not build on 16+, so no
	# database on this major can hold a 1.0 library: 1.0 comes from its
	# released SQL script, with the current library
	echo "# 1.0's C code does not build on PostgreSQL $major: installing 1.0 from its SQL script with the current library"
	if cmp -s "$v10/portrange--1.0.sql" "$repo/portrange--1.0.sql"; then
		pass "portrange--1.0.sql is the released script"
	else
		fail "portrange--1.0.sql differs from the released script"
	fi
	build_install "$repo" "the current library, for 1.0's script on $major" || finish
else
	build_install "$v10" "1.0 ($ref)" || finish
fi
pglib_start_server "$tmp/srv" "$(pglib_free_port 55432)" || finish

# data and indexes of every kind, built by 1.0
USER_SQL="
CREATE TABLE flows (
	id int PRIMARY KEY,
	p port NOT NULL,
	wk well_known_port,
	r portrange,
	mr portmultirange,
	cls port_class GENERATED ALWAYS AS (port_class(p)) STORED,
	iana text GENERATED ALWAYS AS (port_service(p)) STORED,
	UNIQUE (p, id));
INSERT INTO flows (id, p, wk, r, mr)
SELECT g, (g * 7919) % 65536, CASE WHEN g % 3 = 0 THEN (g % 1024)::port END,
       portrange(((g * 13) % 60000)::port, ((g * 13) % 60000 + g % 50)::port),
       portmultirange(portrange((g % 100)::port, (g % 100 + 5)::port),
                      portrange((1000 + g % 100)::port, (1010 + g % 100)::port))
FROM generate_series(1, 20000) g;
CREATE INDEX flows_p_btree ON flows (p);
CREATE INDEX flows_p_hash ON flows USING hash (p);
CREATE INDEX flows_r_gist ON flows USING gist (r);
CREATE INDEX flows_p_brin ON flows USING brin (p);
CREATE INDEX flows_service ON flows ((port_service(p)));
CREATE INDEX flows_cls ON flows (cls);
CREATE TABLE rules (id int, r portrange, EXCLUDE USING gist (r WITH &&));
INSERT INTO rules SELECT g, portrange((g * 100)::port, (g * 100 + 50)::port) FROM generate_series(1, 600) g;
ANALYZE flows;
ANALYZE rules;"

QUERIES="
SET enable_seqscan = off;
SELECT 'btree', count(*), sum(p::int) FROM flows WHERE p BETWEEN 1000 AND 5000;
SELECT 'hash', count(*) FROM flows WHERE p = 443::port;
SELECT 'gist', count(*) FROM flows WHERE r @> 8080::port;
SELECT 'exclusion', count(*) FROM rules WHERE r && portrange(1000::port, 2000::port);
SELECT 'class', cls, count(*) FROM flows GROUP BY cls ORDER BY cls;
SELECT 'domain', count(wk), max(wk::int) FROM flows;
SELECT 'multirange', count(*) FROM flows WHERE mr @> 1003::port;
SELECT 'sum', sum(hashtext(r::text || mr::text)) FROM flows;
RESET enable_seqscan;"

q postgres -c "CREATE DATABASE upgrade_a" >/dev/null
if q upgrade_a -c "CREATE EXTENSION portrange VERSION '1.0'" -c "$USER_SQL" >"$tmp/a.log" 2>&1; then
	pass "database A at 1.0 with data and indexes"
else
	fail "database A at 1.0 with data and indexes"; diag <"$tmp/a.log"; finish
fi
check_eq "database A is at 1.0" "1.0" "$(q upgrade_a -c "SELECT extversion FROM pg_extension WHERE extname = 'portrange'")"
answers_10=$(q upgrade_a -c "$QUERIES")

# ------------------------------------------------------------ 2025-12-15

if [ -n "$iana" ]; then
	old=$tmp/edition-2025-12-15
	mkdir -p "$old"
	git -C "$repo" ls-files -z | (cd "$repo" && xargs -0 tar -cf -) | tar -x -C "$old"
	if python3 "$repo/tools/iana_to_data.py" "$iana/service-names-port-numbers.2025-12-15.xml" \
		--netbase "$repo/data/netbase.csv" -o "$old/data/services.csv" 2>"$tmp/convert.log"; then
		sed -i 's/^Snapshot: .*/Snapshot: 2025-12-15 (IANA service-names-port-numbers.xml, updated 2025-12-15; netbase 6.4 aliases)/' "$old/data/README.md"
		pass "converted the 2025-12-15 edition: $(tail -1 "$tmp/convert.log")"
		if build_install "$old" "this tree with the 2025-12-15 edition"; then
			q postgres -c "CREATE DATABASE upgrade_r" >/dev/null
			q upgrade_r -c "CREATE EXTENSION portrange" >/dev/null
			check_eq "database R has the 2025-12-15 registry" "2025-12-15" \
				"$(q upgrade_r -c "SELECT left(registry_version(), 10)")"
		else
			iana=
		fi
	else
		fail "convert the 2025-12-15 edition"; diag <"$tmp/convert.log"; iana=
	fi
else
	pass "registry refresh on real data # SKIP IANA's XML editions not found (../shared/iana or IANA_DIR)"
fi

# ------------------------------------------------------------ 1.1

if reinstall_current; then pass "install this tree's build"; else
	fail "install this tree's build"; diag <"$tmp/install-current.log"; finish
fi
default=$(q postgres -c "SELECT default_version FROM pg_available_extensions WHERE name = 'portrange'")

filenode() { q upgrade_a -c "SELECT relfilenode FROM pg_class WHERE relname = '$1'"; }
node_service=$(filenode flows_service)
node_btree=$(filenode flows_p_btree)
out=$(q upgrade_a -c "ALTER EXTENSION portrange UPDATE" 2>&1)
if [ $? -eq 0 ]; then pass "ALTER EXTENSION portrange UPDATE in A"; else
	fail "ALTER EXTENSION portrange UPDATE in A"; printf '%s\n' "$out" | diag; finish
fi
printf '%s\n' "$out" | diag
# indexes on registry lookups are rebuilt, generated columns named
if [ "$node_service" != "$(filenode flows_service)" ]; then pass "the update rebuilds the index on port_service(p)"; else
	fail "the update rebuilds the index on port_service(p)"
fi
check_eq "the update leaves other indexes alone" "$node_btree" "$(filenode flows_p_btree)"
case $out in
*"WARNING:  portrange: table flows has a stored generated column"*) pass "the update names the generated column on port_service(p)" ;;
*) fail "the update names the generated column on port_service(p)" ;;
esac
check_eq "A is at $default" "$default" "$(q upgrade_a -c "SELECT extversion FROM pg_extension WHERE extname = 'portrange'")"

q postgres -c "CREATE DATABASE upgrade_b" >/dev/null
q upgrade_b -c "CREATE EXTENSION portrange" >/dev/null

fingerprint() { q "$1" -v ext=portrange -f "$repo/test/cluster/ext_fingerprint.sql"; }
fp_b=$(fingerprint upgrade_b)
n=$(printf '%s\n' "$fp_b" | wc -l)
check_eq "upgraded A's catalog fingerprint equals a fresh $default's ($n members)" "$fp_b" "$(fingerprint upgrade_a)"

# the registry tables, row for row (the fingerprint has their digests; this
# names the rows that differ)
registry_rows() {
	q "$1" -c "SELECT r::text FROM portrange_registry.service_registry r ORDER BY r::text" \
		-c "SELECT d::text FROM portrange_registry.service_defacto d ORDER BY d::text"
}
rows_b=$(registry_rows upgrade_b)
check_eq "registry tables of A equal B's, row for row ($(printf '%s\n' "$rows_b" | wc -l) rows)" \
	"$rows_b" "$(registry_rows upgrade_a)"
check_eq "A's registry tables equal the library's rows" "0" \
	"$(q upgrade_a -c "SELECT count(*) FROM registry_changes()")"

# data and indexes still valid
if q upgrade_a -c "CREATE EXTENSION IF NOT EXISTS amcheck" >/dev/null 2>&1; then
	out=$(q upgrade_a -c "
SELECT c.relname || ' ' || bt_index_check(c.oid, true)::text
FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
JOIN pg_am am ON am.oid = c.relam AND am.amname = 'btree'
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'pg_toast', 'information_schema')
ORDER BY 1" 2>&1)
	if [ $? -eq 0 ]; then pass "amcheck bt_index_check(heapallindexed) on A's $(printf '%s\n' "$out" | wc -l) btree indexes"; else
		fail "amcheck on A's btree indexes"; printf '%s\n' "$out" | diag
	fi
	q upgrade_a -c "DROP EXTENSION amcheck" >/dev/null
else
	fail "amcheck is not available"
fi
check_eq "A answers the queries as under 1.0" "$answers_10" "$(q upgrade_a -c "$QUERIES")"
out=$(q upgrade_a -c "INSERT INTO rules VALUES (0, portrange(1020::port, 1030::port))" 2>&1)
case $out in
*"conflicting key value violates exclusion constraint"*) pass "A's exclusion constraint still enforced" ;;
*) fail "A's exclusion constraint still enforced"; printf '%s\n' "$out" | diag ;;
esac
out=$(q upgrade_a -c "INSERT INTO flows (id, p, wk) VALUES (0, 1, 8080)" 2>&1)
case $out in
*"violates check constraint"*) pass "A's domain still enforced" ;;
*) fail "A's domain still enforced"; printf '%s\n' "$out" | diag ;;
esac

# pg_dump of the upgraded database restores into a fresh 1.1
q postgres -c "CREATE DATABASE upgrade_c" >/dev/null
if "$PG_BINDIR/pg_dump" -d upgrade_a >"$tmp/a.dump" 2>"$tmp/dump.log" &&
	q upgrade_c -f "$tmp/a.dump" >"$tmp/restore.log" 2>&1; then
	pass "pg_dump A | psql C"
else
	fail "pg_dump A | psql C"; tail -20 "$tmp/dump.log" "$tmp/restore.log" | diag
fi
check_eq "C is at $default" "$default" "$(q upgrade_c -c "SELECT extversion FROM pg_extension WHERE extname = 'portrange'")"
check_eq "C's catalog fingerprint equals a fresh $default's" "$fp_b" "$(fingerprint upgrade_c)"
check_eq "C answers the queries as A did under 1.0" "$answers_10" "$(q upgrade_c -c "$QUERIES")"

# ------------------------------------------------------------ refresh

if [ -n "$iana" ]; then
	changes=$(q upgrade_r -F ' ' -c "SELECT change, count(*) FROM registry_changes() GROUP BY 1 ORDER BY 1")
	echo "# registry_changes() from the 2025-12-15 tables to the 2026-08-17 library:"
	printf '%s\n' "$changes" | diag
	if [ -n "$changes" ]; then pass "registry_changes() lists the real diff"; else fail "registry_changes() lists the real diff"; fi
	echo "# examples:"
	q upgrade_r -F ' | ' -c "(SELECT * FROM registry_changes() WHERE change = 'renamed' LIMIT 8)
		UNION ALL (SELECT * FROM registry_changes() WHERE change = 'added' AND new_name IS NOT NULL LIMIT 4)
		UNION ALL (SELECT * FROM registry_changes() WHERE change = 'removed' AND old_name IS NOT NULL LIMIT 4)" | diag
	check_eq "registry_refresh() reports the new edition" "2026-08-17" \
		"$(q upgrade_r -c "SELECT left(registry_refresh(), 10)")"
	check_eq "nothing left to change after registry_refresh()" "0" \
		"$(q upgrade_r -c "SELECT count(*) FROM registry_changes()")"
	check_eq "refreshed R's registry tables equal B's" "$rows_b" "$(registry_rows upgrade_r)"
	check_eq "refreshed R's catalog fingerprint equals B's" "$fp_b" "$(fingerprint upgrade_r)"
fi

finish
