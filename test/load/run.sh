#!/usr/bin/env bash
# test/load/run.sh -- load and memory tests on a throwaway server.
#
# 1. pgbench, 8 clients for LOAD_SECONDS (default 120): concurrent inserts
#    of flow-log rows, classification, registry lookups, firewall parsing
#    and index lookups.  Every transaction must succeed.
# 2. A backend's peak memory (VmHWM) after a 1,000,000-row query and after
#    a LOAD_ROWS-row query (default 10,000,000) that calls every per-row
#    function: it must stay flat (less than 2 MB apart: a leak of a quarter
#    of a byte per call would exceed that), so no function leaks per call.
#    JIT is off for this, because loading LLVM for the larger query alone
#    adds about 60 MB; the rows come from a cross join of two small
#    generate_series so that no large tuplestore is materialized.
# Prints ok/not ok lines and "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/../.."
. tools/pglib.sh

secs=${LOAD_SECONDS:-120}
rows=${LOAD_ROWS:-10000000}
passed=0
failed=0
report() {	# report OK|FAIL text
	if [ "$1" = OK ]; then echo "ok $2"; passed=$((passed + 1)); else echo "not ok $2"; failed=$((failed + 1)); fi
}

pglib_find_pg_config
PG_BINDIR=$("$PG_CONFIG" --bindir)
tmp=$(mktemp -d /tmp/portrange-load.XXXXXX)
chmod 755 "$tmp"
trap 'pglib_stop_server "$tmp"; rm -rf "$tmp"' EXIT
PG_EXTRA_OPTS="-c max_connections=20 -c shared_buffers=256MB" \
	pglib_start_server "$tmp" "$(pglib_free_port 55432)" || exit 1

psql -X -q -v ON_ERROR_STOP=1 -d postgres <<'SQL' || { echo "not ok load setup"; echo "0 passed, 1 failed"; exit 1; }
CREATE EXTENSION portrange;
CREATE TABLE flows (ts timestamptz, src_port port, dst_port port, proto transport_protocol, bytes int8);
CREATE INDEX ON flows (dst_port);
CREATE TABLE rules AS SELECT g AS id, portrange(g * 13 % 65000, g * 13 % 65000 + 50, '[]') AS ports
FROM generate_series(1, 5000) g;
CREATE INDEX ON rules USING gist (ports);
ANALYZE rules;
SQL

# 1. pgbench
"$PG_BINDIR/pgbench" -n -c 8 -j 2 -T "$secs" -d postgres \
	-f test/load/insert.sql@5 -f test/load/classify.sql@3 -f test/load/lookup.sql@2 \
	>"$tmp/pgbench.log" 2>&1
st=$?
tx=$(grep -oE 'number of transactions actually processed: [0-9]+' "$tmp/pgbench.log" | grep -oE '[0-9]+$' | head -1)
fails=$(grep -oE 'number of failed transactions: [0-9]+' "$tmp/pgbench.log" | grep -oE '[0-9]+' | head -1)
tps=$(grep -oE 'tps = [0-9.]+' "$tmp/pgbench.log" | head -1)
if [ "$st" -eq 0 ] && [ -n "$tx" ] && [ "$tx" -gt 0 ] && [ "${fails:-0}" -eq 0 ] &&
	! grep -q 'ERROR' "$tmp/pgbench.log"; then
	report OK "pgbench: 8 clients, ${secs}s, $tx transactions, 0 failed ($tps)"
else
	report FAIL "pgbench (exit $st, ${fails:-?} failed)"
	tail -30 "$tmp/pgbench.log"
fi
n=$(psql -X -At -d postgres -c "SELECT count(*) FROM flows")
bad=$(psql -X -At -d postgres -c "SELECT count(*) FROM flows WHERE NOT (src_port BETWEEN 32768 AND 60999)")
if [ "$bad" = 0 ] && [ "$n" -gt 0 ]; then report OK "inserted $n rows, all valid"; else report FAIL "inserted rows: $n, invalid $bad"; fi

# 2. memory over a long query calling every per-row function
query() {
	cat <<SQL
SELECT count(*)
FROM generate_series(1, $1 / 1000) a, generate_series(1, 1000) b,
     LATERAL (SELECT a * 1000 + b AS g) x
WHERE port_class((g % 65536)::text::port) IS NOT NULL
  AND (g % 65536)::port::text IS NOT NULL
  AND is_well_known((g % 65536)::port) IS NOT NULL
  AND is_ephemeral((g % 65536)::port, 'linux') IS NOT NULL
  AND port_service((g % 65536)::port) IS NOT DISTINCT FROM port_service(g % 65536)
  AND defacto_service((g % 65536)::port) IS NOT DISTINCT FROM defacto_service((g % 65536)::port)
  AND service_port((ARRAY['https', 'ssh', 'nosuch', 'domain'])[1 + g % 4], 'udp') IS NOT DISTINCT FROM service_port((ARRAY['https', 'ssh', 'nosuch', 'domain'])[1 + g % 4], 'udp')
  AND length(to_firewall(parse_ports((ARRAY['22,80,443', '1024:65535', '[1:1024,!22]', '{ 80, 443, 8000-8100 }'])[1 + g % 4]), 'nftables')) > 0
  AND parse_portrange('1024:' || (1024 + g % 60000)) IS NOT NULL
  AND (g % 65536) <@ ephemeral_ports('linux') IS NOT NULL
  AND first_port(portrange(g % 60000, g % 60000 + 5)) IS NOT NULL
  AND ('[' || (g % 60000) || ',' || (g % 60000 + 9) || ']')::portrange @> (g % 60000 + 3)
  AND port_hash((g % 65536)::port) = hashint4(g % 65536);
SQL
}
hwm() { awk '/VmHWM/ {print $2}' "/proc/$1/status"; }
coproc PSQL { psql -X -q -At -d postgres 2>&1; }
echo "SET jit = off; SELECT pg_backend_pid();" >&"${PSQL[1]}"
read -r pid <&"${PSQL[0]}"
query 1000000 >&"${PSQL[1]}"
read -r c1 <&"${PSQL[0]}"
m1=$(hwm "$pid")
start=$(date +%s)
query "$rows" >&"${PSQL[1]}"
read -r c2 <&"${PSQL[0]}"
m2=$(hwm "$pid")
el=$(( $(date +%s) - start ))
echo "\\q" >&"${PSQL[1]}"
wait "$PSQL_PID" 2>/dev/null
if [ "$c1" = 1000000 ] && [ "$c2" = "$rows" ]; then
	report OK "every per-row function over $rows rows: all results consistent (${el}s)"
else
	report FAIL "per-row query counts: $c1 / $c2"
fi
grow=$(( m2 - m1 ))
if [ -n "$m1" ] && [ -n "$m2" ] && [ "$grow" -lt 2048 ]; then
	report OK "backend peak memory flat: ${m1} kB after 1M rows, ${m2} kB after $rows rows"
else
	report FAIL "backend peak memory grew: ${m1} kB after 1M rows, ${m2} kB after $rows rows"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
