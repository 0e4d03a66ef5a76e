#!/usr/bin/env bash
# test/cluster/run.sh -- portrange on several real servers.
#
#   bash test/cluster/run.sh                 # everything
#   CLUSTER_TESTS="fdw dump" bash test/cluster/run.sh
#
# Starts its own throwaway PostgreSQL servers (as user postgres when run as
# root, else as the calling user), each in /tmp/portrange-cluster.XXXXXX/NAME
# with its socket there; those that others must reach over the network
# listen on 127.0.0.1 only, on free ports from 55400 up:
#
#   coord    coordinator of the postgres_fdw shards, publisher for logical
#            replication (wal_level=logical), and the server for the
#            partitioning, Citus-requirement, dump/restore and upgrade tests
#   shard1   postgres_fdw shard (127.0.0.1)
#   shard2   postgres_fdw shard (127.0.0.1)
#   replica  logical replication subscriber (unix socket only)
#
# Sections (CLUSTER_TESTS, default all): partition fdw citus replication
# dump upgrade.  Every check prints "ok NAME" or "not ok NAME", plans and
# other evidence are printed as "# ..." lines, and the last line is
# "N passed, N failed"; the exit status is non-zero if anything failed.
#
# Needs the extension installed in the server's extension directory
# (tools/test.sh does that; by hand: make install) and postgres_fdw
# (part of Debian's postgresql-15 package).
#
# Every server is stopped by its PID and the directory removed on exit,
# also on failure or interruption.  Time is bounded: each client command
# by STEP_TIMEOUT (default 120 s), every wait loop by WAIT_TIMEOUT (60 s),
# the whole run by CLUSTER_TIMEOUT (900 s).  KEEP_TMP=1 keeps the
# directory (servers are stopped anyway).
#
# Environment: PG_CONFIG / PG_MAJOR as for tools/test.sh, CLUSTER_PORT
# (first port to try, default 55400), FLOW_ROWS (rows of generated flow
# data, default 30000).

set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
. "$repo/tools/pglib.sh"

STEP_TIMEOUT=${STEP_TIMEOUT:-120}
WAIT_TIMEOUT=${WAIT_TIMEOUT:-60}
CLUSTER_TIMEOUT=${CLUSTER_TIMEOUT:-900}
FLOW_ROWS=${FLOW_ROWS:-30000}
SECTIONS=${CLUSTER_TESTS:-partition fdw citus replication dump upgrade}
EXT=portrange
# the upgrade harness can be tried on another extension that has several
# versions installed (e.g. hstore), to see it at work before portrange has
# upgrade scripts: CLUSTER_TESTS=upgrade UPGRADE_SELFTEST_EXTENSION=hstore
UPGRADE_EXT=${UPGRADE_SELFTEST_EXTENSION:-$EXT}

# psql and pg_dump must not pick up settings meant for another server (e.g.
# tools/test.sh's): every call names its server explicitly
unset PGDATABASE PGSERVICE PGOPTIONS PGHOSTADDR PGSSLMODE PGPASSWORD PGAPPNAME

npass=0
nfail=0
summarized=0

pass() { echo "ok $*"; npass=$((npass + 1)); }
fail() { echo "not ok $*"; nfail=$((nfail + 1)); }
diag() { sed 's/^/# /'; }
note() { echo "# $*"; }

summary() {
	[ "$summarized" = 1 ] && return
	summarized=1
	echo "$npass passed, $nfail failed"
}

# check NAME EXPECTED ACTUAL: ok if equal, else show both
check_eq() {
	if [ "$2" = "$3" ]; then
		pass "$1"
	else
		fail "$1"
		{ echo "expected:"; printf '%s\n' "$2"; echo "got:"; printf '%s\n' "$3"; } | head -40 | diag
	fi
}

# check_grep NAME EXTENDED-REGEX TEXT: ok if some line of TEXT matches
check_grep() {
	if grep -qE -- "$2" <<<"$3"; then
		pass "$1"
	else
		fail "$1"
		{ echo "no line matches: $2"; printf '%s\n' "$3"; } | head -40 | diag
	fi
}

# check_grep_all NAME TEXT REGEX...: ok if every REGEX matches some line
check_grep_all() {
	local name=$1 text=$2 re
	shift 2
	for re in "$@"; do
		if ! grep -qE -- "$re" <<<"$text"; then
			fail "$name"
			{ echo "no line matches: $re"; printf '%s\n' "$text"; } | head -40 | diag
			return
		fi
	done
	pass "$name"
}

# check_nogrep NAME EXTENDED-REGEX TEXT: ok if no line of TEXT matches
check_nogrep() {
	if grep -qE -- "$2" <<<"$3"; then
		fail "$1"
		{ echo "a line matches: $2"; printf '%s\n' "$3"; } | head -40 | diag
	else
		pass "$1"
	fi
}

# -------------------------------------------------------------- servers

pglib_find_pg_config
if [ -z "${PG_CONFIG:-}" ] || [ ! -x "$PG_CONFIG" ]; then
	echo "not ok pg_config_found # install postgresql-server-dev-$PG_MAJOR"
	echo "0 passed, 1 failed"
	exit 1
fi
PG_BINDIR=$("$PG_CONFIG" --bindir)
SHAREDIR=$("$PG_CONFIG" --sharedir)
export PG_BINDIR

declare -A srv_dir=() srv_port=() srv_pid=()
tmp=
watchdog=

cleanup() {
	local name
	# no interruption of the cleanup itself
	trap '' INT TERM
	[ -n "$watchdog" ] && kill "$watchdog" 2>/dev/null
	for name in "${!srv_pid[@]}"; do
		PG_SERVER_PID=${srv_pid[$name]}
		pglib_stop_server "${srv_dir[$name]}"
	done
	if [ -n "$tmp" ] && [ -d "$tmp" ]; then
		if [ "${KEEP_TMP:-0}" = 1 ]; then
			note "kept $tmp"
		else
			rm -rf "$tmp"
		fi
	fi
	summary
}
trap cleanup EXIT
trap 'fail "interrupted_or_timed_out"; exit 1' INT TERM

# a backstop; each command is bounded by STEP_TIMEOUT on its own
main_pid=$$
(
	trap 'kill "$sleeper" 2>/dev/null; exit 0' TERM
	sleep "$CLUSTER_TIMEOUT" &
	sleeper=$!
	wait "$sleeper" && kill -TERM "$main_pid" 2>/dev/null
) >/dev/null 2>&1 &
watchdog=$!

for f in "$EXT.control" postgres_fdw.control; do
	if [ ! -f "$SHAREDIR/extension/$f" ]; then
		fail "installed_$f # not in $SHAREDIR/extension (run make install)"
		exit 1
	fi
done

tmp=$(mktemp -d /tmp/portrange-cluster.XXXXXX)
chmod 755 "$tmp"
next_port=${CLUSTER_PORT:-55400}

# the user the servers run as (pglib_start_server's rule)
if is_root; then PGRUN_USER=postgres; else PGRUN_USER=$(id -un); fi

# start NAME EXTRA-SERVER-OPTIONS [DESCRIPTION]
start() {
	local name=$1 opts=$2 p
	p=$(pglib_free_port "$next_port")
	# in a subshell, so that a failure (pglib's die) is reported here
	if ! (PG_EXTRA_OPTS="$opts" pglib_start_server "$tmp/$name" "$p") >"$tmp/$name.start.log" 2>&1; then
		diag <"$tmp/$name.start.log"
		[ -f "$tmp/$name/data/postmaster.pid" ] && srv_dir[$name]=$tmp/$name &&
			srv_pid[$name]=$(head -1 "$tmp/$name/data/postmaster.pid")
		fail "server_${name}_starts"
		exit 1
	fi
	srv_dir[$name]=$tmp/$name
	srv_port[$name]=$p
	srv_pid[$name]=$(head -1 "$tmp/$name/data/postmaster.pid")
	# p includes PORTRANGE_PORT_OFFSET, which pglib_free_port adds again
	next_port=$((p + 1 - ${PORTRANGE_PORT_OFFSET:-0}))
	note "server $name: pid ${srv_pid[$name]}, port $p, socket directory $tmp/$name${3:+, $3}"
}

# q SERVER DB [psql options]: run SQL (stdin or -c), unaligned tuples only
q() {
	local s=$1 db=$2
	shift 2
	timeout -k 5 "$STEP_TIMEOUT" "$PG_BINDIR/psql" -X -q -At -v ON_ERROR_STOP=1 \
		-h "${srv_dir[$s]}" -p "${srv_port[$s]}" -U "$PGRUN_USER" -d "$db" "$@"
}

# qc SERVER DB SQL: one command, errors to stdout too
qc() { q "$1" "$2" -c "$3" 2>&1; }

# tool PROGRAM SERVER [args]: pg_dump, pg_restore, ... against SERVER
tool() {
	local prog=$1 s=$2
	shift 2
	timeout -k 5 "$STEP_TIMEOUT" "$PG_BINDIR/$prog" -h "${srv_dir[$s]}" -p "${srv_port[$s]}" -U "$PGRUN_USER" "$@"
}

# setup NAME SERVER DB: run stdin; a failure is a failed check
setup() {
	local name=$1 s=$2 db=$3 out
	if out=$(q "$s" "$db" 2>&1); then
		pass "$name"
		return 0
	fi
	fail "$name"
	printf '%s\n' "$out" | tail -20 | diag
	return 1
}

# wait_for DESCRIPTION SERVER DB SQL: poll until SQL returns t
wait_for() {
	local s=$2 db=$3 sql=$4 i
	for i in $(seq 1 $((WAIT_TIMEOUT * 5))); do
		[ "$(q "$s" "$db" -c "$sql" 2>/dev/null)" = t ] && return 0
		sleep 0.2
	done
	note "gave up waiting for $1 after ${WAIT_TIMEOUT}s"
	return 1
}

want() { case " $SECTIONS " in *" $1 "*) return 0 ;; esac; return 1; }

# the flow data every section uses: deterministic, some very common
# destination ports, the rest spread over all three RFC 6335 classes
flows_select() {
	cat <<EOF
SELECT i::int8 AS id,
       timestamptz '2024-01-01 00:00:00+00' + i * interval '7 seconds' AS ts,
       (32768 + (i * 7919) % 32768)::port AS src_port,
       (CASE i % 12 WHEN 0 THEN 443 WHEN 1 THEN 443 WHEN 2 THEN 80 WHEN 3 THEN 22
                    WHEN 4 THEN 53 WHEN 5 THEN 8080 WHEN 6 THEN 5432 WHEN 7 THEN 3389
                    WHEN 8 THEN 123 ELSE (i::int8 * 104729) % 65536 END)::port AS dst_port,
       (CASE WHEN i % 12 IN (4, 8) OR i % 17 = 0 THEN 'udp' ELSE 'tcp' END)::transport_protocol AS proto,
       ((i * 37) % 100000)::int8 AS bytes,
       (CASE i % 12 WHEN 0 THEN 'https' WHEN 1 THEN 'https' WHEN 2 THEN 'http' WHEN 3 THEN 'ssh'
                    WHEN 4 THEN 'domain' WHEN 5 THEN 'http' WHEN 6 THEN 'postgresql'
                    WHEN 7 THEN 'rdp' WHEN 8 THEN 'ntp' END) AS app
FROM generate_series(1, $FLOW_ROWS) i
EOF
}
FLOW_COLUMNS="id int8 NOT NULL, ts timestamptz NOT NULL, src_port port NOT NULL, dst_port port NOT NULL, proto transport_protocol NOT NULL, bytes int8, app text"

# the partitions a plan scans: sorted names of relations after " on "
scanned() { grep -v 'Bitmap Index Scan' | grep -oE ' on [a-z_0-9.]+' | sed 's/^ on //; s/^public\.//' | sort -u | tr '\n' ' ' | sed 's/ $//'; }

t_start=$(date +%s)
start coord "-c listen_addresses=127.0.0.1 -c wal_level=logical -c max_wal_senders=10 -c max_replication_slots=10" "127.0.0.1, wal_level=logical"
if want fdw; then
	start shard1 "-c listen_addresses=127.0.0.1" "127.0.0.1"
	start shard2 "-c listen_addresses=127.0.0.1" "127.0.0.1"
fi
want replication && start replica "-c max_logical_replication_workers=4" ""
note "servers started in $(($(date +%s) - t_start))s"

section_time() { note "section $1 took $(($(date +%s) - $2))s"; }

# ===================================================================
# Native partitioning: HASH and RANGE on a port column, with pruning
# ===================================================================

test_partition() {
	local t0 plan
	t0=$(date +%s)
	q coord postgres -c "CREATE DATABASE part" >/dev/null || { fail partition_setup; return; }
	setup partition_setup coord part <<EOF || return
CREATE EXTENSION $EXT;
CREATE TABLE flows_all ($FLOW_COLUMNS);
INSERT INTO flows_all $(flows_select);
CREATE TABLE flows_h (LIKE flows_all) PARTITION BY HASH (dst_port);
CREATE TABLE flows_h_0 PARTITION OF flows_h FOR VALUES WITH (MODULUS 4, REMAINDER 0);
CREATE TABLE flows_h_1 PARTITION OF flows_h FOR VALUES WITH (MODULUS 4, REMAINDER 1);
CREATE TABLE flows_h_2 PARTITION OF flows_h FOR VALUES WITH (MODULUS 4, REMAINDER 2);
CREATE TABLE flows_h_3 PARTITION OF flows_h FOR VALUES WITH (MODULUS 4, REMAINDER 3);
CREATE TABLE flows_r (LIKE flows_all) PARTITION BY RANGE (dst_port);
CREATE TABLE flows_r_well_known PARTITION OF flows_r FOR VALUES FROM (0) TO (1024);
CREATE TABLE flows_r_registered PARTITION OF flows_r FOR VALUES FROM (1024) TO (49152);
CREATE TABLE flows_r_dynamic PARTITION OF flows_r FOR VALUES FROM (49152) TO (MAXVALUE);
CREATE INDEX ON flows_h (dst_port);
CREATE INDEX ON flows_r (dst_port);
INSERT INTO flows_h SELECT * FROM flows_all;
INSERT INTO flows_r SELECT * FROM flows_all;
ANALYZE;
EOF

	# rows are where they belong
	check_eq partition_hash_all_rows_routed "$FLOW_ROWS 4" \
		"$(q coord part -c "SELECT count(*), count(DISTINCT tableoid) FROM flows_h" | tr '|' ' ')"
	check_eq partition_range_rows_by_class "flows_r_dynamic dynamic
flows_r_registered registered
flows_r_well_known well-known" \
		"$(q coord part -c "SELECT DISTINCT tableoid::regclass, port_class(dst_port) FROM flows_r ORDER BY 2 DESC" | tr '|' ' ')"
	check_eq partition_range_all_rows_routed "$FLOW_ROWS" "$(q coord part -c "SELECT count(*) FROM flows_r")"

	# HASH: an equality with an int4, int2, int8 or port constant prunes to
	# the one partition that holds the rows (where a scan of every
	# partition, with pruning defeated by the cast, finds them), and the
	# pruned query counts what the unpartitioned table counts
	local home expect_count
	home=$(q coord part -c "SELECT string_agg(DISTINCT tableoid::regclass::text, ' ') FROM flows_h WHERE dst_port::int4 + 0 = 443")
	expect_count=$(q coord part -c "SELECT count(*) FROM flows_all WHERE dst_port::int4 = 443")
	note "port 443 rows ($expect_count) are in $home"
	local lit kind
	for lit in 443 443::int2 443::int8 443::port "'443'"; do
		case $lit in
		443) kind=int4 ;;
		"'443'") kind=literal ;;
		*) kind=${lit#443::} ;;
		esac
		plan=$(q coord part -c "EXPLAIN (COSTS OFF) SELECT count(*) FROM flows_h WHERE dst_port = $lit")
		if [ "$lit" = 443 ]; then
			note "EXPLAIN SELECT count(*) FROM flows_h WHERE dst_port = 443"
			printf '%s\n' "$plan" | diag
		fi
		check_eq "partition_hash_prunes: dst_port = $lit ($kind)" "$home" "$(printf '%s\n' "$plan" | scanned)"
		check_eq "partition_hash_count: dst_port = $lit ($kind)" "$expect_count" \
			"$(q coord part -c "SELECT count(*) FROM flows_h WHERE dst_port = $lit")"
	done
	plan=$(q coord part -c "EXPLAIN (COSTS OFF) SELECT count(*) FROM flows_h WHERE dst_port IN (80, 443)")
	printf '%s\n' "$plan" | diag
	local n
	n=$(printf '%s\n' "$plan" | scanned | wc -w)
	if [ "$n" -ge 1 ] && [ "$n" -le 2 ]; then pass partition_hash_prunes_in_list; else fail "partition_hash_prunes_in_list # scans $n partitions"; fi
	check_eq partition_hash_count_in_list \
		"$(q coord part -c "SELECT count(*) FROM flows_all WHERE dst_port::int4 IN (80, 443)")" \
		"$(q coord part -c "SELECT count(*) FROM flows_h WHERE dst_port IN (80, 443)")"

	# HASH, generic plan: pruning at executor startup
	plan=$(q coord part <<'EOF'
SET plan_cache_mode = force_generic_plan;
PREPARE by_port(int4) AS SELECT count(*) FROM flows_h WHERE dst_port = $1;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) EXECUTE by_port(443);
EOF
)
	note "generic plan, EXECUTE by_port(443):"
	printf '%s\n' "$plan" | diag
	check_grep partition_hash_runtime_pruning 'Subplans Removed: 3' "$plan"

	# RANGE: dst_port < 1024 and dst_port = 443 scan the well-known
	# partition only, dst_port >= 49152 the dynamic one, BETWEEN the
	# registered one
	local pred part
	while IFS='|' read -r pred part; do
		plan=$(q coord part -c "EXPLAIN (COSTS OFF) SELECT count(*) FROM flows_r WHERE $pred")
		if [ "$pred" = "dst_port < 1024" ] || [ "$pred" = "dst_port = 443" ]; then
			note "EXPLAIN SELECT count(*) FROM flows_r WHERE $pred"
			printf '%s\n' "$plan" | diag
		fi
		check_eq "partition_range_prunes: $pred" "$part" "$(printf '%s\n' "$plan" | scanned)"
		check_eq "partition_range_count: $pred" \
			"$(q coord part -c "SELECT count(*) FROM flows_all WHERE $pred")" \
			"$(q coord part -c "SELECT count(*) FROM flows_r WHERE $pred")"
	done <<'EOF'
dst_port < 1024|flows_r_well_known
dst_port = 443|flows_r_well_known
dst_port <= 1023::int8|flows_r_well_known
dst_port >= 49152|flows_r_dynamic
dst_port BETWEEN 8000 AND 8100|flows_r_registered
dst_port = 443::port|flows_r_well_known
EOF

	plan=$(q coord part <<'EOF'
SET plan_cache_mode = force_generic_plan;
PREPARE below(int4) AS SELECT count(*) FROM flows_r WHERE dst_port < $1;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) EXECUTE below(1024);
EOF
)
	check_grep partition_range_runtime_pruning 'Subplans Removed: 2' "$plan"

	# not pruning, for the record: predicates that are not comparisons
	# with the partition key (functions, <@) are checked row by row
	for pred in "is_well_known(dst_port)" "dst_port <@ '[0,1023]'::portrange"; do
		note "for information, WHERE $pred scans: $(q coord part -c "EXPLAIN (COSTS OFF) SELECT count(*) FROM flows_r WHERE $pred" | scanned)"
	done

	# a partition-wise join between two tables hash-partitioned on port
	plan=$(q coord part <<'EOF'
CREATE TABLE services_h (port port PRIMARY KEY, name text) PARTITION BY HASH (port);
CREATE TABLE services_h_0 PARTITION OF services_h FOR VALUES WITH (MODULUS 4, REMAINDER 0);
CREATE TABLE services_h_1 PARTITION OF services_h FOR VALUES WITH (MODULUS 4, REMAINDER 1);
CREATE TABLE services_h_2 PARTITION OF services_h FOR VALUES WITH (MODULUS 4, REMAINDER 2);
CREATE TABLE services_h_3 PARTITION OF services_h FOR VALUES WITH (MODULUS 4, REMAINDER 3);
INSERT INTO services_h SELECT p, port_service(p) FROM generate_series(0, 65535) p WHERE port_service(p) IS NOT NULL;
ANALYZE services_h;
-- grouped by the partition key, so that the aggregate too goes partition
-- by partition, which it can only do over a partition-wise join (grouped
-- by s.name, whether the join goes partition-wise is a close cost call
-- that 19 makes the other way on these tables)
SET enable_partitionwise_join = on;
SET enable_partitionwise_aggregate = on;
EXPLAIN (COSTS OFF) SELECT f.dst_port, count(*) FROM flows_h f JOIN services_h s ON s.port = f.dst_port GROUP BY 1;
EOF
)
	# the same tables with int4 keys: whether the planner goes partition by
	# partition is a cost decision (19 decides differently on these
	# tables), so port must do what int4 does, and must do it where int4 does
	local joins int4_plan int4_joins
	joins=$(printf '%s\n' "$plan" | grep -cE 'Join' || true)
	int4_plan=$(q coord part <<'EOF'
CREATE TABLE flows_hi (dst_port int4) PARTITION BY HASH (dst_port);
CREATE TABLE flows_hi_0 PARTITION OF flows_hi FOR VALUES WITH (MODULUS 4, REMAINDER 0);
CREATE TABLE flows_hi_1 PARTITION OF flows_hi FOR VALUES WITH (MODULUS 4, REMAINDER 1);
CREATE TABLE flows_hi_2 PARTITION OF flows_hi FOR VALUES WITH (MODULUS 4, REMAINDER 2);
CREATE TABLE flows_hi_3 PARTITION OF flows_hi FOR VALUES WITH (MODULUS 4, REMAINDER 3);
INSERT INTO flows_hi SELECT dst_port FROM flows_h;
CREATE TABLE services_hi (port int4 PRIMARY KEY, name text) PARTITION BY HASH (port);
CREATE TABLE services_hi_0 PARTITION OF services_hi FOR VALUES WITH (MODULUS 4, REMAINDER 0);
CREATE TABLE services_hi_1 PARTITION OF services_hi FOR VALUES WITH (MODULUS 4, REMAINDER 1);
CREATE TABLE services_hi_2 PARTITION OF services_hi FOR VALUES WITH (MODULUS 4, REMAINDER 2);
CREATE TABLE services_hi_3 PARTITION OF services_hi FOR VALUES WITH (MODULUS 4, REMAINDER 3);
INSERT INTO services_hi SELECT port, name FROM services_h;
ANALYZE flows_hi, services_hi;
SET enable_partitionwise_join = on;
SET enable_partitionwise_aggregate = on;
EXPLAIN (COSTS OFF) SELECT f.dst_port, count(*) FROM flows_hi f JOIN services_hi s ON s.port = f.dst_port GROUP BY 1;
EOF
)
	int4_joins=$(printf '%s\n' "$int4_plan" | grep -cE 'Join' || true)
	if [ "$joins" -ge 4 ] || { [ "$int4_joins" -lt 4 ] && [ "$joins" -eq "$int4_joins" ]; }; then
		pass "partition_wise_join # $joins joins (int4 keys: $int4_joins)"
	else
		fail "partition_wise_join # $joins joins, int4 keys $int4_joins"
		printf '%s\n' "$plan" | diag
	fi
	check_eq partition_wise_join_result \
		"$(q coord part -c "SELECT md5(string_agg(x::text, ',' ORDER BY x::text)) FROM (SELECT port_service(dst_port) AS name, count(*) FROM flows_all WHERE port_service(dst_port) IS NOT NULL GROUP BY 1) x")" \
		"$(q coord part -c "SET enable_partitionwise_join = on; SELECT md5(string_agg(x::text, ',' ORDER BY x::text)) FROM (SELECT s.name, count(*) FROM flows_h f JOIN services_h s ON s.port = f.dst_port GROUP BY 1) x" | tail -1)"
	section_time partition "$t0"
}

# ===================================================================
# Sharding with postgres_fdw: a partitioned table whose partitions are
# foreign tables on two shard servers
# ===================================================================

test_fdw() {
	local t0 s plan
	t0=$(date +%s)
	for s in shard1 shard2; do
		q "$s" postgres -c "CREATE DATABASE shard" >/dev/null
		setup "fdw_${s}_setup" "$s" shard <<EOF || return
CREATE EXTENSION $EXT;
CREATE TABLE flows ($FLOW_COLUMNS, PRIMARY KEY (id));
CREATE INDEX ON flows (dst_port);
EOF
	done
	q coord postgres -c "CREATE DATABASE coord" >/dev/null
	setup fdw_coordinator_setup coord coord <<EOF || return
CREATE EXTENSION $EXT;
CREATE EXTENSION postgres_fdw;
CREATE SERVER shard1 FOREIGN DATA WRAPPER postgres_fdw
	OPTIONS (host '127.0.0.1', port '${srv_port[shard1]}', dbname 'shard', extensions '$EXT');
CREATE SERVER shard2 FOREIGN DATA WRAPPER postgres_fdw
	OPTIONS (host '127.0.0.1', port '${srv_port[shard2]}', dbname 'shard', extensions '$EXT');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard1 OPTIONS (user '$PGRUN_USER');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard2 OPTIONS (user '$PGRUN_USER');
CREATE TABLE flows ($FLOW_COLUMNS) PARTITION BY HASH (dst_port);
CREATE FOREIGN TABLE flows_shard1 PARTITION OF flows FOR VALUES WITH (MODULUS 2, REMAINDER 0)
	SERVER shard1 OPTIONS (table_name 'flows');
CREATE FOREIGN TABLE flows_shard2 PARTITION OF flows FOR VALUES WITH (MODULUS 2, REMAINDER 1)
	SERVER shard2 OPTIONS (table_name 'flows');
-- the same data in one local table, to compare results with
CREATE TABLE flows_local ($FLOW_COLUMNS, PRIMARY KEY (id));
INSERT INTO flows_local $(flows_select);
-- written through the coordinator: routed to the shards by port hash
INSERT INTO flows SELECT * FROM flows_local;
ANALYZE flows_local;
ANALYZE flows_shard1;
ANALYZE flows_shard2;
EOF

	# the shards hold exactly the rows the hash sends them (checked
	# against the local table, so routing used the same hash as pruning)
	local i cnt
	for i in 1 2; do
		cnt=$(q "shard$i" shard -c "SELECT count(*) FROM flows")
		note "shard$i holds $cnt rows"
		check_eq "fdw_shard${i}_holds_its_hash_partition" \
			"$(q coord coord -c "SELECT count(*), md5(string_agg(f::text, E'\n' ORDER BY id)) FROM flows_local f WHERE satisfies_hash_partition('flows'::regclass, 2, $((i - 1)), dst_port)")" \
			"$(q "shard$i" shard -c "SELECT count(*), md5(string_agg(f::text, E'\n' ORDER BY id)) FROM flows f")"
	done

	# pushdown: the predicate appears in the shards' Remote SQL (every
	# pattern, " && "-separated, matches a Remote SQL line) and is not
	# filtered on the coordinator.  flows is partitioned, so since 1.1 the
	# classification predicates and <@ a constant range or set arrive as the
	# comparisons the planner support function rewrites them into.
	local pred pats pat
	while IFS='|' read -r pred pats; do
		plan=$(q coord coord -c "EXPLAIN (VERBOSE, COSTS OFF) SELECT id FROM flows WHERE $pred")
		note "EXPLAIN VERBOSE SELECT id FROM flows WHERE $pred"
		grep -E 'Foreign Scan|Remote SQL|Filter' <<<"$plan" | diag
		local res=()
		while [ -n "$pats" ]; do
			pat=${pats%% && *}
			res+=("Remote SQL: SELECT .* WHERE .*$pat")
			[ "$pat" = "$pats" ] && break
			pats=${pats#* && }
		done
		check_grep_all "fdw_pushdown: $pred" "$plan" "${res[@]}"
		check_nogrep "fdw_no_local_filter: $pred" '^ *Filter:' "$plan"
		check_eq "fdw_same_result: $pred" \
			"$(q coord coord -c "SELECT count(*), md5(string_agg(id::text, ',' ORDER BY id)) FROM flows_local WHERE $pred")" \
			"$(q coord coord -c "SELECT count(*), md5(string_agg(id::text, ',' ORDER BY id)) FROM flows WHERE $pred")"
	done <<'EOF'
dst_port = 443|\(dst_port OPERATOR\(public\.=\) 443\)
dst_port < 1024|\(dst_port OPERATOR\(public\.<\) 1024\)
dst_port BETWEEN 8000 AND 8100|\(dst_port OPERATOR\(public\.>=\) 8000\) && \(dst_port OPERATOR\(public\.<=\) 8100\)
dst_port IN (22, 80, 443)|\(dst_port OPERATOR\(public\.=\) ANY \('\{22,80,443\}'::integer\[\]\)\)
dst_port = src_port - 30000|\(dst_port OPERATOR\(public\.=\) \(src_port OPERATOR\(public\.-\) 30000\)\)
dst_port <@ '[8000,8100]'::portrange|\(dst_port OPERATOR\(public\.>=\) '8000'\) && \(dst_port OPERATOR\(public\.<\) '8101'\)
dst_port <@ '{[20,23],[80,80]}'::portmultirange|\(dst_port OPERATOR\(public\.=\) '80'\) OR \(\(dst_port OPERATOR\(public\.>=\) '20'\) AND \(dst_port OPERATOR\(public\.<\) '24'\)\)
is_well_known(dst_port)|\(dst_port OPERATOR\(public\.<\) '1024'\)
is_registered(dst_port) AND NOT is_privileged(src_port)|\(dst_port OPERATOR\(public\.>=\) '1024'\) && \(dst_port OPERATOR\(public\.<\) '49152'\) && \(src_port OPERATOR\(public\.>=\) '1024'\)
is_dynamic(dst_port)|\(dst_port OPERATOR\(public\.>=\) '49152'\)
port_class(dst_port) = 'registered'|\(public\.port_class\(dst_port\) = 'registered'::public\.port_class\)
port_class(dst_port) >= 'registered' AND proto = 'udp'|\(public\.port_class\(dst_port\) >= 'registered'::public\.port_class\) && \(proto = 'udp'\)
port_service(dst_port) IS NOT NULL|\(public\.port_service\(dst_port, 'tcp'::public\.transport_protocol, false\) IS NOT NULL\)
port_service(dst_port, 'udp'::transport_protocol) IS NULL|\(public\.port_service\(dst_port, 'udp'::public\.transport_protocol, false\) IS NULL\)
port_service(dst_port) <> app|\(public\.port_service\(dst_port, 'tcp'::public\.transport_protocol, false\) <> app\)
port_service(dst_port, proto, true) = app|\(public\.port_service\(dst_port, proto, true\) = app\)
dst_port = service_port('https')|\(dst_port OPERATOR\(public\.=\) '443'\)
src_port <@ ephemeral_ports('linux')|\(src_port OPERATOR\(public\.>=\) '32768'\) && \(src_port OPERATOR\(public\.<\) '61000'\)
dst_port <@ well_known_ports()|\(dst_port OPERATOR\(public\.<\) '1024'\)
EOF

	# hash pruning on the coordinator: one shard is asked
	plan=$(q coord coord -c "EXPLAIN (VERBOSE, COSTS OFF) SELECT count(*) FROM flows WHERE dst_port = 443")
	check_eq fdw_prunes_to_one_shard 1 "$(printf '%s\n' "$plan" | grep -c 'Remote SQL' || true)"

	# aggregates pushed down: grouping by the partition key lets each
	# shard aggregate its part (partition-wise), with the extension's
	# max(port) and port_service() in the remote query
	plan=$(q coord coord <<'EOF'
SET enable_partitionwise_aggregate = on;
EXPLAIN (VERBOSE, COSTS OFF)
SELECT dst_port, port_service(dst_port), count(*), max(src_port), min(src_port)
FROM flows GROUP BY dst_port;
EOF
)
	note "EXPLAIN VERBOSE ... GROUP BY dst_port (partition-wise aggregate)"
	printf '%s\n' "$plan" | grep -E 'Foreign Scan|Remote SQL' | diag
	check_eq fdw_aggregate_pushdown 2 \
		"$(printf '%s\n' "$plan" | grep -cE 'Remote SQL: SELECT dst_port, public\.port_service\(dst_port, .tcp.::public\.transport_protocol, false\), count\(\*\), public\.max\(src_port\), public\.min\(src_port\) FROM public\.flows GROUP BY 1' || true)"
	check_eq fdw_aggregate_same_result \
		"$(q coord coord -c "SELECT md5(string_agg(x::text, ',' ORDER BY x::text)) FROM (SELECT dst_port, port_service(dst_port), count(*), max(src_port), min(src_port) FROM flows_local GROUP BY dst_port) x")" \
		"$(q coord coord -c "SET enable_partitionwise_aggregate = on; SELECT md5(string_agg(x::text, ',' ORDER BY x::text)) FROM (SELECT dst_port, port_service(dst_port), count(*), max(src_port), min(src_port) FROM flows GROUP BY dst_port) x" | tail -1)"

	# a single shard: the whole aggregate, with the classification as
	# grouping key, runs remotely
	plan=$(q coord coord -c "EXPLAIN (VERBOSE, COSTS OFF) SELECT port_class(dst_port), port_service(dst_port), count(*), sum(bytes) FROM flows_shard1 WHERE is_registered(dst_port) GROUP BY 1, 2")
	grep -E 'Remote SQL' <<<"$plan" | diag
	check_grep fdw_grouping_by_classification_pushdown \
		'Remote SQL: SELECT public\.port_class\(dst_port\), public\.port_service\(dst_port, .*count\(\*\), sum\(bytes\) FROM public\.flows WHERE \(+public\.is_registered\(dst_port\)\)+ GROUP BY 1, 2' "$plan"

	# sorting by a port goes to the shards; on one shard's table, LIMIT too
	plan=$(q coord coord -c "EXPLAIN (VERBOSE, COSTS OFF) SELECT id, src_port FROM flows WHERE dst_port = 443 ORDER BY src_port, id LIMIT 5")
	check_grep fdw_order_by_port_pushdown 'Remote SQL: .* ORDER BY src_port ASC NULLS LAST, id ASC NULLS LAST' "$plan"
	check_eq fdw_order_by_port_same_result \
		"$(q coord coord -c "SELECT string_agg(id || ':' || src_port, ',') FROM (SELECT id, src_port FROM flows_local WHERE dst_port = 443 ORDER BY src_port, id LIMIT 5) x")" \
		"$(q coord coord -c "SELECT string_agg(id || ':' || src_port, ',') FROM (SELECT id, src_port FROM flows WHERE dst_port = 443 ORDER BY src_port, id LIMIT 5) x")"
	plan=$(q coord coord -c "EXPLAIN (VERBOSE, COSTS OFF) SELECT id FROM flows_shard1 WHERE is_dynamic(dst_port) ORDER BY dst_port DESC, id LIMIT 5")
	check_grep fdw_order_limit_pushdown 'Remote SQL: .* ORDER BY dst_port DESC NULLS FIRST, id ASC NULLS LAST LIMIT 5' "$plan"

	# the whole table and the classification summary, as one client sees them
	check_eq fdw_all_rows_same \
		"$(q coord coord -c "SELECT count(*), md5(string_agg(f::text, E'\n' ORDER BY id)) FROM flows_local f")" \
		"$(q coord coord -c "SELECT count(*), md5(string_agg(f::text, E'\n' ORDER BY id)) FROM flows f")"
	check_eq fdw_summary_same \
		"$(q coord coord -c "SELECT string_agg(format('%s/%s/%s', c, n, b), ' ' ORDER BY c) FROM (SELECT port_class(dst_port) c, count(*) n, sum(bytes) b FROM flows_local GROUP BY 1) x")" \
		"$(q coord coord -c "SELECT string_agg(format('%s/%s/%s', c, n, b), ' ' ORDER BY c) FROM (SELECT port_class(dst_port) c, count(*) n, sum(bytes) b FROM flows GROUP BY 1) x")"

	# writes through the coordinator: UPDATE and DELETE with port
	# predicates run on the shards (direct modification)
	plan=$(q coord coord -c "EXPLAIN (VERBOSE, COSTS OFF) UPDATE flows SET bytes = bytes + 1 WHERE dst_port = 8080 AND is_registered(dst_port)")
	check_grep_all fdw_direct_update "$plan" \
		'Remote SQL: UPDATE public\.flows SET bytes = \(bytes \+ 1\) WHERE .*\(dst_port OPERATOR\(public\.>=\) .1024.\)' \
		'Remote SQL: UPDATE public\.flows SET bytes = \(bytes \+ 1\) WHERE .*\(dst_port OPERATOR\(public\.=\) 8080\)'
	plan=$(q coord coord -c "EXPLAIN (VERBOSE, COSTS OFF) DELETE FROM flows WHERE dst_port <@ '[3389,3389]'::portrange")
	check_grep fdw_direct_delete "Remote SQL: DELETE FROM public\.flows WHERE \(\(dst_port OPERATOR\(public\.=\) '3389'\)\)" "$plan"
	q coord coord -c "UPDATE flows SET bytes = bytes + 1 WHERE dst_port = 8080 AND is_registered(dst_port)" >/dev/null
	q coord coord -c "UPDATE flows_local SET bytes = bytes + 1 WHERE dst_port = 8080 AND is_registered(dst_port)" >/dev/null
	q coord coord -c "DELETE FROM flows WHERE dst_port <@ '[3389,3389]'::portrange" >/dev/null
	q coord coord -c "DELETE FROM flows_local WHERE dst_port <@ '[3389,3389]'::portrange" >/dev/null
	check_eq fdw_writes_same \
		"$(q coord coord -c "SELECT count(*), md5(string_agg(f::text, E'\n' ORDER BY id)) FROM flows_local f")" \
		"$(q coord coord -c "SELECT count(*), md5(string_agg(f::text, E'\n' ORDER BY id)) FROM flows f")"

	# without OPTIONS (extensions 'portrange') nothing of the extension is
	# shipped: the shard returns every row and the coordinator filters
	q coord coord -c "ALTER SERVER shard1 OPTIONS (DROP extensions)" >/dev/null
	plan=$(q coord coord -c "EXPLAIN (VERBOSE, COSTS OFF) SELECT id FROM flows_shard1 WHERE is_well_known(dst_port) AND dst_port < 1024")
	note "without OPTIONS (extensions '$EXT'):"
	printf '%s\n' "$plan" | diag
	check_grep fdw_without_extensions_option_filters_locally '^ *Filter: .*is_well_known' "$plan"
	check_nogrep fdw_without_extensions_option_ships_nothing 'Remote SQL: .*WHERE' "$plan"
	q coord coord -c "ALTER SERVER shard1 OPTIONS (ADD extensions '$EXT')" >/dev/null

	# known limit of postgres_fdw (PostgreSQL 15): a text comparison is
	# shipped only if its collation comes from a column of the foreign
	# table, so port_service(dst_port) = 'https' and the os argument of
	# is_ephemeral() (text literals) stay on the coordinator; the results
	# are still right
	for pred in "port_service(dst_port) = 'https'" "is_ephemeral(src_port, 'linux')"; do
		plan=$(q coord coord -c "EXPLAIN (VERBOSE, COSTS OFF) SELECT id FROM flows WHERE $pred")
		if grep -q '^ *Filter:' <<<"$plan"; then
			note "for information: WHERE $pred is evaluated on the coordinator (text literal, postgres_fdw collation rule)"
		else
			note "for information: WHERE $pred is shipped to the shards"
		fi
		check_eq "fdw_same_result: $pred" \
			"$(q coord coord -c "SELECT count(*), md5(string_agg(id::text, ',' ORDER BY id)) FROM flows_local WHERE $pred")" \
			"$(q coord coord -c "SELECT count(*), md5(string_agg(id::text, ',' ORDER BY id)) FROM flows WHERE $pred")"
	done
	section_time fdw "$t0"
}

# ===================================================================
# What Citus needs of a distribution column type, checked on PostgreSQL
# ===================================================================

test_citus() {
	local t0
	t0=$(date +%s)
	q coord postgres -c "CREATE DATABASE citusreq" >/dev/null
	q coord citusreq -c "CREATE EXTENSION $EXT" >/dev/null || { fail citus_setup; return; }
	# a default hash operator class with support functions 1 and 2
	check_eq citus_default_hash_opclass "port_ops 1,2" \
		"$(q coord citusreq -c "SELECT c.opcname, string_agg(p.amprocnum::text, ',' ORDER BY p.amprocnum) FROM pg_opclass c JOIN pg_am a ON a.oid = c.opcmethod AND a.amname = 'hash' JOIN pg_amproc p ON p.amprocfamily = c.opcfamily AND p.amproclefttype = c.opcintype AND p.amprocrighttype = c.opcintype WHERE c.opcintype = 'port'::regtype AND c.opcdefault GROUP BY 1" | tr '|' ' ')"
	# a default btree operator class (range distribution, sorting, merge joins)
	check_eq citus_default_btree_opclass "port_ops" \
		"$(q coord citusreq -c "SELECT c.opcname FROM pg_opclass c JOIN pg_am a ON a.oid = c.opcmethod AND a.amname = 'btree' WHERE c.opcintype = 'port'::regtype AND c.opcdefault")"
	# the hash of a port is the hash of the same int4, so shard placement
	# does not depend on whether a value was written as port or int4
	check_eq citus_hash_equals_int4_hash 0 \
		"$(q coord citusreq -c "SELECT count(*) FROM generate_series(0, 65535) i WHERE hashint4(i) <> port_hash(i::port)")"
	check_eq citus_extended_hash_equals_int4 0 \
		"$(q coord citusreq -c "SELECT count(*) FROM generate_series(0, 65535) i WHERE hashint4extended(i, 42) <> port_hash_extended(i::port, 42)")"
	# assignment casts from the integer types (a WHERE dst_port = 443
	# constant is an int4; shard pruning coerces it to the column's type)
	check_eq citus_assignment_casts_from_integers "bigint a
integer a
numeric a
smallint a" \
		"$(q coord citusreq -c "SELECT castsource::regtype, castcontext FROM pg_cast JOIN pg_type t ON t.oid = castsource WHERE casttarget = 'port'::regtype AND t.typcategory = 'N' ORDER BY castsource::regtype::text" | tr '|' ' ')"
	# port = int4 is in the default hash and btree families, so the
	# planner (and Citus) may treat dst_port = 443 as a pruning condition
	check_eq citus_cross_type_eq_in_families "btree t
hash t" \
		"$(q coord citusreq -c "SELECT a.amname, bool_or(o.amopopr = 'public.=(public.port,integer)'::regoperator) FROM pg_opclass c JOIN pg_am a ON a.oid = c.opcmethod JOIN pg_amop o ON o.amopfamily = c.opcfamily WHERE c.opcintype = 'port'::regtype AND c.opcdefault AND a.amname IN ('btree', 'hash') GROUP BY 1 ORDER BY 1" | tr '|' ' ')"
	section_time citus "$t0"
}

# ===================================================================
# Logical replication with binary = true
# ===================================================================

test_replication() {
	local t0 pub_oid sub_oid
	t0=$(date +%s)
	local tables="CREATE TABLE rep_flows (
	id int PRIMARY KEY,
	p port, wk well_known_port, dyn dynamic_port, nz nonzero_port,
	r portrange, mr portmultirange,
	pa port[], ra portrange[],
	cls port_class, proto transport_protocol,
	note text);
-- the subscriber finds rows by a port primary key ...
CREATE TABLE rep_keyed (p port PRIMARY KEY, r portrange NOT NULL, mr portmultirange);
-- ... or by comparing every column (port, portrange and portmultirange equality)
CREATE TABLE rep_full (p port, r portrange, mr portmultirange);
ALTER TABLE rep_full REPLICA IDENTITY FULL;"

	q coord postgres -c "CREATE DATABASE pub" >/dev/null
	q replica postgres -c "CREATE DATABASE sub" >/dev/null
	setup replication_publisher_setup coord pub <<EOF || return
CREATE EXTENSION $EXT;
$tables
INSERT INTO rep_flows
SELECT i, i * 7 % 65536, i % 1024, 49152 + i % 16384, 1 + i % 65535,
       portrange(i % 60000, i % 60000 + i % 100, '[]'),
       portmultirange(portrange(i % 100, i % 100 + 3), portrange(1000 + i % 100, 1010 + i % 100, '[]')),
       ARRAY[i % 65536, 443]::port[], ARRAY[portrange(i, i + 10)],
       port_class(i * 7 % 65536), (ARRAY['tcp', 'udp', 'sctp', 'dccp'])[1 + i % 4]::transport_protocol,
       'initial ' || i
FROM generate_series(1, 200) i;
INSERT INTO rep_keyed SELECT i * 3, portrange(i, i + 5), NULL FROM generate_series(1, 100) i;
INSERT INTO rep_full SELECT i * 5, portrange(i, NULL), '{[1,2],[5,6]}' FROM generate_series(1, 50) i;
CREATE PUBLICATION portrange_pub FOR TABLE rep_flows, rep_keyed, rep_full;
SELECT pg_create_logical_replication_slot('peek', 'pgoutput');
EOF
	# other objects first, so that the extension's OIDs differ on the
	# subscriber: binary transfer must not depend on them
	setup replication_subscriber_setup replica sub <<EOF || return
CREATE TABLE oid_shift (a int, b text);
CREATE TYPE oid_shift_t AS (a int, b text);
CREATE EXTENSION $EXT;
$tables
CREATE SUBSCRIPTION portrange_sub
	CONNECTION 'host=127.0.0.1 port=${srv_port[coord]} dbname=pub user=$PGRUN_USER'
	PUBLICATION portrange_pub WITH (binary = true);
EOF
	pub_oid=$(q coord pub -c "SELECT 'port'::regtype::oid")
	sub_oid=$(q replica sub -c "SELECT 'port'::regtype::oid")
	if [ "$pub_oid" != "$sub_oid" ]; then
		pass "replication_type_oids_differ # port is $pub_oid on the publisher, $sub_oid on the subscriber"
	else
		fail "replication_type_oids_differ # both $pub_oid"
	fi
	check_eq replication_subscription_is_binary t "$(q replica sub -c "SELECT subbinary FROM pg_subscription WHERE subname = 'portrange_sub'")"

	if wait_for "initial table sync" replica sub \
		"SELECT count(*) = 3 AND bool_and(srsubstate = 'r') FROM pg_subscription_rel"; then
		pass replication_initial_sync
	else
		fail replication_initial_sync
		tail -20 "${srv_dir[replica]}/server.log" | diag
		return
	fi

	# changes after the initial copy are streamed, in binary
	setup replication_changes coord pub <<'EOF'
INSERT INTO rep_flows VALUES
	(1001, 0, 0, 49152, 1, 'empty', '{}', '{}', '{}', 'well-known', 'tcp', 'zero and empty'),
	(1002, 65535, 1023, 65535, 65535, '[0,)', '{[0,)}', '{65535,0}', '{"(,)",empty}', 'dynamic', 'udp', 'extremes'),
	(1003, 443, 443, 50000, 443, '[443,443]', '{[22,22],[80,80],[443,443]}', '{22,80,443}', '{"[1,2]","[3,4)"}', 'well-known', 'sctp', 'web'),
	(1004, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'nulls'),
	(1005, 8080, 80, 60000, 8080, '(8079,8081)', '{[8000,8100),[8443,8443]}', ARRAY[NULL, 8080]::port[], ARRAY[NULL, '[1,1]']::portrange[], 'registered', 'dccp', 'array nulls');
INSERT INTO rep_flows
SELECT i, i * 13 % 65536, i % 1024, 49152 + i % 16384, 1 + i % 65535,
       portrange(i % 60000, NULL), parse_ports(format('%s,%s-%s', i % 1000, 2000 + i % 100, 3000 + i % 100)),
       ARRAY[i % 65536]::port[], ARRAY[portrange(NULL, i % 65536)],
       port_class(i * 13 % 65536), 'udp', 'streamed ' || i
FROM generate_series(2000, 4000) i;
UPDATE rep_flows SET p = p + 1, r = portrange(1, 2), mr = mr + '{[60000,60010]}'::portmultirange WHERE id % 10 = 3;
UPDATE rep_flows SET wk = 22, note = 'updated' WHERE id BETWEEN 10 AND 20;
DELETE FROM rep_flows WHERE id % 10 = 7;
INSERT INTO rep_keyed SELECT 60000 + i, portrange(i, NULL), portmultirange(portrange(i, i + 1)) FROM generate_series(1, 100) i;
UPDATE rep_keyed SET r = '[1,100]', mr = '{[5,5]}' WHERE p < 60;
UPDATE rep_keyed SET p = p + 1 WHERE p BETWEEN 60 AND 90 AND p % 3 = 0 AND NOT EXISTS (SELECT 1 FROM rep_keyed k WHERE k.p = rep_keyed.p + 1);
DELETE FROM rep_keyed WHERE p > 60090;
INSERT INTO rep_full VALUES (443, '[443,443]', '{[443,443]}'), (443, '[443,444)', '{[443,443]}'), (0, 'empty', '{}');
UPDATE rep_full SET mr = mr + '{[100,200]}' WHERE p BETWEEN 10 AND 30;
UPDATE rep_full SET r = '[80,90)' WHERE p = 0 AND isempty(r);
DELETE FROM rep_full WHERE p % 15 = 0;
DELETE FROM rep_full WHERE p = 443 AND r = '[443,444)';
EOF

	local tbl copycols
	for tbl in rep_flows rep_keyed rep_full; do
		local sql="SELECT count(*) || ' ' || md5(coalesce(string_agg(t::text, E'\n' ORDER BY t::text), '')) FROM $tbl t"
		local want
		want=$(q coord pub -c "$sql")
		if wait_for "$tbl to catch up" replica sub "SELECT ($sql) = '$want'"; then
			pass "replication_${tbl}_identical_text # $want"
		else
			fail "replication_${tbl}_identical_text"
			{ echo "publisher:  $want"; echo "subscriber: $(q replica sub -c "$sql")"; tail -10 "${srv_dir[replica]}/server.log"; } | diag
		fi
		# the binary COPY representation too (arrays left out: a binary
		# array carries its element type's OID, which differs by design)
		case $tbl in
		rep_flows) copycols="id, p, wk, dyn, nz, r, mr, cls, proto, note" ;;
		*) copycols="*" ;;
		esac
		local a b
		a=$(q coord pub -c "COPY (SELECT $copycols FROM $tbl ORDER BY $( [ "$tbl" = rep_flows ] && echo id || echo 1, 2, 3 )) TO STDOUT (FORMAT binary)" | md5sum)
		b=$(q replica sub -c "COPY (SELECT $copycols FROM $tbl ORDER BY $( [ "$tbl" = rep_flows ] && echo id || echo 1, 2, 3 )) TO STDOUT (FORMAT binary)" | md5sum)
		check_eq "replication_${tbl}_identical_binary" "$a" "$b"
	done
	# every *_error_count column (19 splits sync_error_count by kind)
	check_eq replication_no_apply_errors "0" \
		"$(q replica sub -c "SELECT sum(e.value::bigint) FROM pg_stat_subscription_stats s, jsonb_each_text(to_jsonb(s)) e WHERE s.subname = 'portrange_sub' AND e.key LIKE '%error_count'")"

	# what pgoutput sends with binary = true: port 443 as its 2-byte
	# network-order binary form ('b', length 2, 0x01bb), not as text
	local peek
	peek=$(q coord pub -c "SELECT count(*) FILTER (WHERE position('\x620000000201bb'::bytea IN data) > 0), count(*) FILTER (WHERE position('\x7400000003343433'::bytea IN data) > 0) FROM pg_logical_slot_peek_binary_changes('peek', NULL, NULL, 'proto_version', '1', 'publication_names', 'portrange_pub', 'binary', 'true')")
	local nbin=${peek%%|*} ntext=${peek##*|}
	if [ "${nbin:-0}" -gt 0 ] && [ "${ntext:-1}" -eq 0 ]; then
		pass "replication_stream_carries_binary_port # $nbin messages with port 443 as \\x01bb, none as text"
	else
		fail "replication_stream_carries_binary_port # binary $nbin, text $ntext"
	fi
	q coord pub -c "SELECT pg_drop_replication_slot('peek')" >/dev/null

	# which tables a publication takes: FOR ALL TABLES includes the
	# extension's own registry tables (which the subscriber's CREATE
	# EXTENSION fills already: the initial copy would duplicate them), FOR
	# TABLES IN SCHEMA of a data schema does not
	local pubtables
	pubtables=$(q coord pub <<'EOF'
CREATE SCHEMA app;
CREATE TABLE app.flows (id int PRIMARY KEY, p port);
CREATE PUBLICATION all_tables FOR ALL TABLES;
CREATE PUBLICATION app_schema FOR TABLES IN SCHEMA app;
SELECT pubname || ':' || string_agg(schemaname || '.' || tablename, ',' ORDER BY schemaname, tablename)
FROM pg_publication_tables WHERE pubname IN ('all_tables', 'app_schema') GROUP BY pubname ORDER BY 1;
DROP PUBLICATION all_tables;
DROP PUBLICATION app_schema;
EOF
)
	note "publications: $(tr '\n' ' ' <<<"$pubtables")"
	check_eq replication_schema_publication_excludes_registry "app_schema:app.flows" "$(grep '^app_schema:' <<<"$pubtables")"
	if grep -q '^all_tables:.*service_registry' <<<"$pubtables"; then
		note "FOR ALL TABLES publishes $EXT's service_registry and service_defacto: publish table lists or schemas instead (doc/deployment.md)"
	fi

	# the replica's indexes work on replicated data
	check_eq replication_replica_index_lookup \
		"$(q coord pub -c "SELECT count(*) FROM rep_keyed WHERE p BETWEEN 60000 AND 60050")" \
		"$(q replica sub -c "SET enable_seqscan = off; SELECT count(*) FROM rep_keyed WHERE p BETWEEN 60000 AND 60050" | tail -1)"
	q replica sub -c "DROP SUBSCRIPTION portrange_sub" >/dev/null 2>&1
	section_time replication "$t0"
}

# ===================================================================
# pg_dump / pg_restore, plain and custom format
# ===================================================================

# the database to dump; run with search_path = public, EXTSCHEMA
dump_schema_sql() {
	cat <<'EOF'
CREATE TABLE services (
	id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	name text NOT NULL,
	p port NOT NULL DEFAULT 443,
	wk well_known_port,
	reg registered_port,
	dyn dynamic_port,
	asg assignable_port,
	unpriv unprivileged_port,
	nz nonzero_port,
	r portrange,
	mr portmultirange,
	pa port[],
	ra portrange[],
	proto transport_protocol NOT NULL DEFAULT 'tcp',
	cls port_class GENERATED ALWAYS AS (port_class(p)) STORED,
	iana text GENERATED ALWAYS AS (port_service(p, proto)) STORED,
	CONSTRAINT p_not_zero CHECK (p <> 0),
	CONSTRAINT p_not_ephemeral CHECK (NOT is_ephemeral(p, 'linux') OR name = 'client'),
	CONSTRAINT r_bounded CHECK (r IS NULL OR NOT upper_inf(r) OR lower(r) >= 1024),
	CONSTRAINT mr_no_zero CHECK (mr IS NULL OR NOT mr @> 0),
	CONSTRAINT wk_privileged CHECK (wk IS NULL OR is_privileged(wk)),
	CONSTRAINT class_known CHECK (port_class(p) IN ('well-known', 'registered', 'dynamic'))
);
COMMENT ON COLUMN services.p IS 'listening port';
CREATE INDEX services_p_btree ON services (p);
CREATE INDEX services_p_hash ON services USING hash (p);
CREATE INDEX services_p_brin ON services USING brin (p) WITH (pages_per_range = 4);
CREATE INDEX services_r_gist ON services USING gist (r);
CREATE INDEX services_mr_gist ON services USING gist (mr);
CREATE INDEX services_class ON services (port_class(p));
CREATE INDEX services_dynamic ON services (p) WHERE is_dynamic(p);
CREATE UNIQUE INDEX services_unique ON services (p, proto, name);

CREATE TABLE firewall_rules (
	id int PRIMARY KEY,
	ports portrange NOT NULL,
	allowed portmultirange,
	action text NOT NULL,
	EXCLUDE USING gist (ports WITH &&)
);

CREATE TABLE flows (id int8, src_port port NOT NULL, dst_port port NOT NULL, proto transport_protocol, bytes int8)
	PARTITION BY HASH (dst_port);
CREATE TABLE flows_0 PARTITION OF flows FOR VALUES WITH (MODULUS 3, REMAINDER 0);
CREATE TABLE flows_1 PARTITION OF flows FOR VALUES WITH (MODULUS 3, REMAINDER 1);
CREATE TABLE flows_2 PARTITION OF flows FOR VALUES WITH (MODULUS 3, REMAINDER 2);
CREATE INDEX ON flows (dst_port);
CREATE TABLE flows_by_class (id int8, dst_port port NOT NULL, bytes int8) PARTITION BY RANGE (dst_port);
CREATE TABLE flows_well_known PARTITION OF flows_by_class FOR VALUES FROM (MINVALUE) TO (1024);
CREATE TABLE flows_registered PARTITION OF flows_by_class FOR VALUES FROM (1024) TO (49152);
CREATE TABLE flows_dynamic PARTITION OF flows_by_class FOR VALUES FROM (49152) TO (MAXVALUE);

CREATE DOMAIN web_port AS port CHECK (VALUE IN (80, 443, 8080, 8443));
CREATE DOMAIN port_set AS portmultirange CHECK (NOT isempty(VALUE));
CREATE TYPE listen_spec AS (host text, p port, r portrange);
CREATE TABLE listeners (host text PRIMARY KEY, p web_port NOT NULL, allowed port_set, ep listen_spec);

CREATE FUNCTION is_web(port) RETURNS bool LANGUAGE sql IMMUTABLE
	RETURN $1 IN (80, 443) OR $1 <@ '[8000,8100]'::portrange;
CREATE VIEW web_flows AS
	SELECT id, dst_port, port_service(dst_port) AS service, port_class(dst_port) AS class
	FROM flows WHERE is_web(dst_port) OR dst_port = ANY ('{8443,9443}'::port[]);
CREATE MATERIALIZED VIEW flows_per_class AS
	SELECT port_class(dst_port) AS class, count(*) AS n, min(dst_port) AS lo, max(dst_port) AS hi
	FROM flows GROUP BY 1;

INSERT INTO services (name, p, wk, reg, dyn, asg, unpriv, nz, r, mr, pa, ra, proto)
SELECT 'svc' || i, 1 + (i * 211) % 32000, i % 1024, 1024 + i % 48128, 49152 + i % 16384,
       i % 49152, 1024 + i % 64512, 1 + i % 65535,
       CASE WHEN i % 5 = 0 THEN NULL WHEN i % 7 = 0 THEN 'empty' ELSE portrange(i % 1000, i % 1000 + i % 50, '[]') END,
       CASE WHEN i % 4 = 0 THEN NULL ELSE parse_ports(format('%s-%s,%s', 1 + i % 500, 600 + i % 500, 2000 + i)) END,
       ARRAY[i % 65536, (i * 3) % 65536]::port[],
       ARRAY[portrange(i, i + 1), portrange(NULL, i)],
       (ARRAY['tcp', 'udp', 'sctp', 'dccp'])[1 + i % 4]::transport_protocol
FROM generate_series(1, 2000) i;
INSERT INTO services (name, p, proto) VALUES ('client', 50000, 'tcp');
INSERT INTO firewall_rules
SELECT i, portrange(i * 100, i * 100 + 50), parse_ports(format('%s,%s', i, i + 1000)), CASE WHEN i % 2 = 0 THEN 'accept' ELSE 'drop' END
FROM generate_series(1, 600) i;
INSERT INTO flows SELECT i, 32768 + i % 32768, (i * 7) % 65536, 'tcp', i * 10 FROM generate_series(1, 5000) i;
INSERT INTO flows_by_class SELECT id, dst_port, bytes FROM flows;
INSERT INTO listeners VALUES ('web1', 443, '{[443,443],[80,80]}', ROW('web1', 443, '[443,444)')),
                             ('web2', 8080, '{[8000,8100]}', ROW('web2', 8080, '[8000,)'));
REFRESH MATERIALIZED VIEW flows_per_class;
ANALYZE;
EOF
}

# schema_dump SERVER DB: pg_dump --schema-only, without the random key of
# the \restrict line (pg_dump 15.14 and later) that differs on every run
schema_dump() {
	tool pg_dump "$1" --schema-only "${@:3}" "$2" | grep -vE '^\\(un)?restrict [A-Za-z0-9]+$'
}

# table_digest SERVER DB: "table rows md5" for every user table
table_digest() {
	q "$1" "$2" <<'EOF'
SELECT format('SELECT %L || '' '' || count(*) || '' '' || md5(coalesce(string_agg(t::text, E''\n'' ORDER BY t::text), '''')) FROM %s t',
              c.oid::regclass::text, c.oid::regclass)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'm')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY c.oid::regclass::text
\gexec
EOF
}

registry_digest() {
	local ns=$3
	q "$1" "$2" -c "SELECT (SELECT count(*) || ' ' || md5(string_agg(r::text, E'\n' ORDER BY r::text)) FROM $ns.service_registry r) || ' / ' || (SELECT count(*) || ' ' || md5(string_agg(d::text, E'\n' ORDER BY d::text)) FROM $ns.service_defacto d)"
}

# dump_roundtrip EXTSCHEMA: build, dump (plain, custom), restore, compare
dump_roundtrip() {
	local ns=$1 src="dumpsrc_$1" tag="[$1]" d
	q coord postgres -c "CREATE DATABASE $src" >/dev/null
	{
		[ "$ns" = public ] || echo "CREATE SCHEMA $ns;"
		echo "CREATE EXTENSION $EXT SCHEMA $ns;"
		echo "SET search_path = public, $ns;"
		dump_schema_sql
	} | setup "dump_source_db $tag" coord "$src" || return

	tool pg_dump coord -Fp -f "$tmp/$src.sql" "$src" 2>"$tmp/dump.err" &&
		tool pg_dump coord -Fc -f "$tmp/$src.custom" "$src" 2>>"$tmp/dump.err"
	if [ $? -eq 0 ]; then pass "dump_plain_and_custom $tag"; else
		fail "dump_plain_and_custom $tag"; diag <"$tmp/dump.err"; return
	fi
	# the registry is part of the extension: not in the dump, recreated by
	# CREATE EXTENSION on restore
	check_grep "dump_has_create_extension $tag" "^CREATE EXTENSION IF NOT EXISTS $EXT WITH SCHEMA $ns;" "$(cat "$tmp/$src.sql")"
	check_nogrep "dump_omits_registry_rows $tag" "^COPY $ns\.service_(registry|defacto)" "$(cat "$tmp/$src.sql")"

	for d in plain custom parallel; do
		q coord postgres -c "CREATE DATABASE ${src}_$d" >/dev/null
	done
	if tool psql coord -X -q -v ON_ERROR_STOP=1 -d "${src}_plain" -f "$tmp/$src.sql" >"$tmp/restore.out" 2>&1; then
		pass "restore_plain $tag"
	else
		fail "restore_plain $tag"; tail -20 "$tmp/restore.out" | diag
	fi
	if tool pg_restore coord --exit-on-error -d "${src}_custom" "$tmp/$src.custom" >"$tmp/restore.out" 2>&1; then
		pass "restore_custom $tag"
	else
		fail "restore_custom $tag"; tail -20 "$tmp/restore.out" | diag
	fi
	if tool pg_restore coord --exit-on-error -j 2 -d "${src}_parallel" "$tmp/$src.custom" >"$tmp/restore.out" 2>&1; then
		pass "restore_custom_parallel $tag"
	else
		fail "restore_custom_parallel $tag"; tail -20 "$tmp/restore.out" | diag
	fi

	local schema_before data_before reg_before
	schema_before=$(schema_dump coord "$src")
	data_before=$(table_digest coord "$src")
	reg_before=$(registry_digest coord "$src" "$ns")
	note "$tag $(printf '%s\n' "$data_before" | wc -l) user tables; registry $reg_before"
	for d in plain custom parallel; do
		local db="${src}_$d" diffout
		diffout=$(diff <(printf '%s\n' "$schema_before") <(printf '%s\n' "$(schema_dump coord "$db")") 2>&1)
		if [ -z "$diffout" ]; then pass "restore_${d}_schema_identical $tag"; else
			fail "restore_${d}_schema_identical $tag"; printf '%s\n' "$diffout" | head -30 | diag
		fi
		diffout=$(diff <(printf '%s\n' "$data_before") <(printf '%s\n' "$(table_digest coord "$db")") 2>&1)
		if [ -z "$diffout" ]; then pass "restore_${d}_data_identical $tag"; else
			fail "restore_${d}_data_identical $tag"; printf '%s\n' "$diffout" | head -30 | diag
		fi
		check_eq "restore_${d}_registry_recreated $tag" "$reg_before" "$(registry_digest coord "$db" "$ns")"
	done

	# the restored database works: indexes are used, constraints and
	# domains hold, generated columns are computed
	local db="${src}_custom" plan
	plan=$(q coord "$db" <<EOF
SET search_path = public, $ns;
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM services WHERE p = 443;
EXPLAIN (COSTS OFF) SELECT id FROM services WHERE r && '[100,200]'::portrange;
EXPLAIN (COSTS OFF) SELECT id FROM services WHERE port_class(p) = 'registered';
EOF
)
	check_grep "restored_btree_index_used $tag" 'Index (Only )?Scan using services_(p_btree|unique|p_hash)' "$plan"
	check_grep "restored_gist_index_used $tag" 'Index Scan using services_r_gist' "$plan"
	check_grep "restored_expression_index_used $tag" 'Index Scan using services_class' "$plan"
	local out
	out=$(qc coord "$db" "SET search_path = public, $ns; INSERT INTO services (name, p, wk) VALUES ('x', 8080, 8080)")
	check_grep "restored_domain_enforced $tag" 'violates check constraint "well_known_port: 0..1023"' "$out"
	out=$(qc coord "$db" "SET search_path = public, $ns; INSERT INTO services (name, p) VALUES ('x', 0)")
	check_grep "restored_check_enforced $tag" 'violates check constraint "p_not_zero"' "$out"
	out=$(qc coord "$db" "SET search_path = public, $ns; INSERT INTO firewall_rules VALUES (9999, '[110,120]', NULL, 'drop')")
	check_grep "restored_exclusion_enforced $tag" 'conflicting key value violates exclusion constraint' "$out"
	check_eq "restored_generated_columns $tag" "well-known|https" \
		"$(q coord "$db" -c "SET search_path = public, $ns; INSERT INTO services (name, p) VALUES ('generated', 443) RETURNING cls, iana")"
}

test_dump() {
	local t0
	t0=$(date +%s)
	dump_roundtrip public
	dump_roundtrip net
	section_time dump "$t0"
}

# ===================================================================
# Extension upgrades
# ===================================================================

fingerprint() { q coord "$1" -v ext="$UPGRADE_EXT" -f "$here/ext_fingerprint.sql"; }

# the schema as pg_dump sees it, extension members included: binary-upgrade
# mode dumps them, with OID-setting calls that are removed here.  pg_dump
# lists an operator family's members ORDER BY strategy only, so members
# with the same strategy come in catalog order, which differs between two
# databases built by the same statements: each run of OPERATOR/FUNCTION
# lines is sorted (without its trailing "," or ";").
member_dump() {
	schema_dump coord "$1" --binary-upgrade |
		grep -vE "binary_upgrade_set_next_|binary_upgrade_set_type_oids|^-- For binary upgrade, (must preserve|set |handle )|^SET relfrozenxid = '[0-9]+', relminmxid = '[0-9]+'\$|^WHERE oid = '[0-9]+';\$" |
		perl -ne 'if (/^    (OPERATOR|FUNCTION) /) { s/[ ,;]*\n?$/\n/; push @r, $_; next }
			print sort @r; @r = (); print; END { print sort @r }'
}

# user objects that must survive an upgrade
if [ "$UPGRADE_EXT" = "$EXT" ]; then
	UPGRADE_USER_SQL="CREATE TABLE kept (id int PRIMARY KEY, p port, r portrange, mr portmultirange, w well_known_port);
INSERT INTO kept VALUES (1, 443, '[80,90)', '{[1,2],[5,6]}', 22), (2, 65535, '[0,)', '{}', 0);
CREATE INDEX ON kept USING gist (r);"
	MEMBER_PATTERN='^CREATE FUNCTION public\.port_service\('
else
	# self-test of the harness on another extension with several versions
	UPGRADE_USER_SQL="CREATE TABLE kept (id int PRIMARY KEY, t text); INSERT INTO kept VALUES (1, 'x');"
	MEMBER_PATTERN="^ALTER EXTENSION $UPGRADE_EXT ADD "
fi

test_upgrade() {
	local t0 default versions
	t0=$(date +%s)

	# the install and upgrade scripts of this source tree are the ones installed
	local f bad=0
	if [ "$UPGRADE_EXT" = "$EXT" ]; then
		for f in "$repo"/$EXT--*.sql; do
			[ -e "$f" ] || continue
			if ! cmp -s "$f" "$SHAREDIR/extension/$(basename "$f")"; then
				note "$(basename "$f") is not installed or differs from the source tree"
				bad=1
			fi
		done
		if [ "$bad" = 0 ]; then
			pass "upgrade_scripts_installed # $(cd "$repo" && echo $EXT--*.sql)"
		else
			fail upgrade_scripts_installed
		fi
	fi

	q coord postgres -c "CREATE DATABASE upgrade_probe" >/dev/null
	default=$(q coord upgrade_probe -c "SELECT default_version FROM pg_available_extensions WHERE name = '$UPGRADE_EXT'")
	# installable versions, oldest first
	versions=$(q coord upgrade_probe -c "SELECT version FROM pg_available_extension_versions WHERE name = '$UPGRADE_EXT' ORDER BY string_to_array(regexp_replace(version, '[^0-9.]', '', 'g'), '.')::int[], version")
	note "default version $default; installable versions: $(echo $versions)"
	note "update paths: $(q coord upgrade_probe -c "SELECT coalesce(string_agg(source || '->' || target || ' via ' || path, '; '), 'none') FROM pg_extension_update_paths('$UPGRADE_EXT') WHERE path IS NOT NULL")"

	# fresh installs of the default version; the second after other
	# objects, so that its OIDs differ: the comparisons below must see
	# both as identical, or they would not prove anything about upgrades
	q coord postgres -c "CREATE DATABASE fresh_a" >/dev/null
	q coord postgres -c "CREATE DATABASE fresh_b" >/dev/null
	q coord fresh_a -c "CREATE EXTENSION $UPGRADE_EXT" >/dev/null
	q coord fresh_b >/dev/null <<EOF
CREATE TABLE oid_shift (a int); CREATE TYPE oid_shift_t AS ENUM ('x');
CREATE EXTENSION $UPGRADE_EXT;
DROP TABLE oid_shift; DROP TYPE oid_shift_t;
EOF
	local fp_a n_members
	fp_a=$(fingerprint fresh_a)
	n_members=$(printf '%s\n' "$fp_a" | wc -l)
	local ext_oid="SELECT oid FROM pg_extension WHERE extname = '$UPGRADE_EXT'"
	if [ "$n_members" -gt 10 ] && [ "$(q coord fresh_a -c "$ext_oid")" != "$(q coord fresh_b -c "$ext_oid")" ]; then
		check_eq "upgrade_harness_catalog_compare_ignores_oids # $n_members members" "$fp_a" "$(fingerprint fresh_b)"
	else
		fail "upgrade_harness_catalog_compare_ignores_oids # $n_members members, or OIDs did not differ"
	fi
	local dump_a
	dump_a=$(member_dump fresh_a)
	check_eq upgrade_harness_dump_compare_ignores_oids "$dump_a" "$(member_dump fresh_b)"
	check_grep upgrade_harness_dump_includes_members "$MEMBER_PATTERN" "$dump_a"

	# ... and must see a difference where there is one: one member
	# function's cost changed
	q coord postgres -c "CREATE DATABASE fresh_c" >/dev/null
	q coord fresh_c -c "CREATE EXTENSION $UPGRADE_EXT" >/dev/null
	q coord fresh_c >/dev/null <<EOF
SELECT format('ALTER FUNCTION %s COST 4321', p.oid::regprocedure)
FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = '$UPGRADE_EXT'
JOIN pg_proc p ON p.oid = d.objid AND d.classid = 'pg_proc'::regclass AND p.prokind = 'f'
WHERE d.deptype = 'e' ORDER BY p.oid::regprocedure::text LIMIT 1
\gexec
EOF
	if [ "$fp_a" != "$(fingerprint fresh_c)" ] && [ "$dump_a" != "$(member_dump fresh_c)" ]; then
		pass upgrade_harness_sees_a_changed_member
	else
		fail upgrade_harness_sees_a_changed_member
	fi

	# ALTER EXTENSION ... UPDATE on the current version: a no-op
	local out
	out=$(q coord fresh_a -c "ALTER EXTENSION $UPGRADE_EXT UPDATE" 2>&1)
	local st=$?
	note "ALTER EXTENSION $UPGRADE_EXT UPDATE: ${out:-(no message)}"
	if [ $st -eq 0 ]; then pass upgrade_update_current_no_error; else fail upgrade_update_current_no_error; fi
	check_grep upgrade_update_current_says_installed "version \"$default\" of extension \"$UPGRADE_EXT\" is already installed" "$out"
	out=$(q coord fresh_a -c "ALTER EXTENSION $UPGRADE_EXT UPDATE TO '$default'" 2>&1)
	if [ $? -eq 0 ]; then pass upgrade_update_to_default_no_error; else fail upgrade_update_to_default_no_error; printf '%s\n' "$out" | diag; fi
	check_eq upgrade_update_current_changes_nothing "$fp_a" "$(fingerprint fresh_a)"

	# every older installable version with an update path to the default:
	# install it, add user data, update, compare with a fresh install
	q coord fresh_a -c "$UPGRADE_USER_SQL" >/dev/null
	local fresh_user_dump fresh_user_data
	fresh_user_dump=$(schema_dump coord fresh_a)
	fresh_user_data=$(table_digest coord fresh_a)
	fp_a=$(fingerprint fresh_a)
	dump_a=$(member_dump fresh_a)
	local v tested=0 db path
	for v in $versions; do
		[ "$v" = "$default" ] && continue
		path=$(q coord upgrade_probe -c "SELECT path FROM pg_extension_update_paths('$UPGRADE_EXT') WHERE source = '$v' AND target = '$default'")
		if [ -z "$path" ]; then
			fail "upgrade_path_exists: $v -> $default # no chain of $UPGRADE_EXT--A--B.sql scripts"
			continue
		fi
		tested=$((tested + 1))
		db="upgrade_from_$(echo "$v" | tr -c 'a-zA-Z0-9\n' '_')"
		q coord postgres -c "CREATE DATABASE $db" >/dev/null
		if ! out=$(q coord "$db" -c "CREATE EXTENSION $UPGRADE_EXT VERSION '$v'" -c "$UPGRADE_USER_SQL" -c "ALTER EXTENSION $UPGRADE_EXT UPDATE" 2>&1); then
			fail "upgrade $v -> $default ($path)"
			printf '%s\n' "$out" | tail -20 | diag
			continue
		fi
		pass "upgrade $v -> $default ($path)"
		check_eq "upgrade_from_${v}_version" "$default" "$(q coord "$db" -c "SELECT extversion FROM pg_extension WHERE extname = '$UPGRADE_EXT'")"
		local diffout
		diffout=$(diff <(printf '%s\n' "$fp_a") <(printf '%s\n' "$(fingerprint "$db")"))
		if [ -z "$diffout" ]; then pass "upgrade_from_${v}_catalog_identical_to_fresh"; else
			fail "upgrade_from_${v}_catalog_identical_to_fresh"; printf '%s\n' "$diffout" | head -40 | diag
		fi
		diffout=$(diff <(printf '%s\n' "$dump_a") <(printf '%s\n' "$(member_dump "$db")"))
		if [ -z "$diffout" ]; then pass "upgrade_from_${v}_member_dump_identical_to_fresh"; else
			fail "upgrade_from_${v}_member_dump_identical_to_fresh"; printf '%s\n' "$diffout" | head -40 | diag
		fi
		check_eq "upgrade_from_${v}_schema_dump_identical_to_fresh" "$fresh_user_dump" "$(schema_dump coord "$db")"
		check_eq "upgrade_from_${v}_user_data_kept" "$fresh_user_data" "$(table_digest coord "$db")"
	done
	if [ "$tested" = 0 ]; then
		pass "upgrade_paths # SKIP $default is the first release: no $UPGRADE_EXT--A--B.sql upgrade script exists yet, nothing to upgrade"
	fi
	section_time upgrade "$t0"
}

# -------------------------------------------------------------- run

for s in $SECTIONS; do
	case $s in
	partition | fdw | citus | replication | dump | upgrade) "test_$s" ;;
	*) fail "unknown_section_$s" ;;
	esac
done
note "total $(($(date +%s) - t_start))s"
summary
[ "$nfail" -eq 0 ]
