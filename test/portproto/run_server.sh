#!/usr/bin/env bash
# test/portproto/run_server.sh -- portproto on a real server and in the
# real tools:
#
#   fdw     postgres_fdw pushes portproto comparisons (=, <, BETWEEN, IN,
#           ORDER BY) to the remote server: the Remote SQL carries them and
#           no local Filter is left; results equal the remote's own
#   dump    pg_dump / pg_restore of portproto columns, their btree, hash and
#           BRIN indexes and a hash-partitioned table: same rows, indexes
#           valid and used
#   tools   to_firewall() output on generated sets, checked by the tools
#           themselves: nft -c (nftables), iptables-restore --test
#           (iptables), ufw --dry-run (ufw), and firewalld's own port
#           checks when firewalld is installed
#
# One throwaway server (tools/pglib.sh), the fdw loops back to it through
# its socket.  Installs nftables, iptables and ufw with apt-get when run as
# root and they are missing.  Prints "ok NAME" / "not ok NAME" and a last
# line "N passed, N failed".
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
cd "$repo"
# shellcheck source=tools/pglib.sh disable=SC1091
. tools/pglib.sh
unset PGDATABASE PGSERVICE PGOPTIONS

npass=0
nfail=0
pass() { echo "ok $*"; npass=$((npass + 1)); }
fail() { echo "not ok $*"; nfail=$((nfail + 1)); }
note() { echo "# $*"; }
check_eq() {
	if [ "$2" = "$3" ]; then pass "$1"; else
		fail "$1"
		{ echo "expected: $2"; echo "got: $3"; } | head -20 | sed 's/^/# /'
	fi
}

pglib_ensure_deps >/dev/null 2>&1 || pglib_ensure_deps
PG_BINDIR=$("$PG_CONFIG" --bindir)
tmp=$(mktemp -d /tmp/portproto-server.XXXXXX)
chmod 755 "$tmp"
cleanup() {
	pglib_stop_server "$tmp"
	if [ "${KEEP_TMP:-0}" = 1 ]; then note "kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
pglib_start_server "$tmp" "$(pglib_free_port 54521)" 2>/dev/null ||
	{ fail "server start"; echo "$npass passed, $nfail failed"; exit 1; }

q() { local db=$1; shift; "$PG_BINDIR/psql" -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }
pgnum=$(q postgres -c "SHOW server_version_num")

# ---------------------------------------------------------------- fdw
q postgres -c "CREATE DATABASE remote" -c "CREATE DATABASE local" -c "CREATE DATABASE restored"
q remote <<'SQL'
CREATE EXTENSION portrange;
CREATE TABLE flows (id int PRIMARY KEY, svc portproto NOT NULL, note text);
INSERT INTO flows
SELECT i, portproto((abs(hashint4(i)) % 65536), (ARRAY['tcp', 'udp', 'sctp', 'dccp'])[1 + abs(hashint4(i * 7)) % 4]), 'f' || i
FROM generate_series(1, 20000) i;
INSERT INTO flows VALUES (0, '53/udp', 'dns');
CREATE INDEX flows_svc ON flows (svc);
CREATE INDEX flows_svc_hash ON flows USING hash (svc);
CREATE INDEX flows_svc_brin ON flows USING brin (svc);
CREATE TABLE parts (svc portproto, n int) PARTITION BY HASH (svc);
CREATE TABLE parts_0 PARTITION OF parts FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE parts_1 PARTITION OF parts FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO parts SELECT svc, id FROM flows;
ANALYZE;
SQL
q local <<SQL
CREATE EXTENSION portrange;
CREATE EXTENSION postgres_fdw;
CREATE SERVER remote FOREIGN DATA WRAPPER postgres_fdw
	OPTIONS (host '$PGHOST', port '$PGPORT', dbname 'remote', extensions 'portrange');
CREATE USER MAPPING FOR CURRENT_USER SERVER remote;
CREATE FOREIGN TABLE flows (id int, svc portproto, note text) SERVER remote;
ANALYZE flows;
SQL

for pred in "svc = '53/udp'" "svc < '100/tcp'" "svc BETWEEN '53/tcp' AND '53/sctp'" \
	"svc IN ('53/udp', '443/tcp')" "svc <> '53/udp' AND svc >= '65000/udp'"; do
	plan=$(q local -c "EXPLAIN (VERBOSE, COSTS OFF, FORMAT JSON) SELECT id FROM flows WHERE $pred")
	remote_sql=$(printf '%s' "$plan" | python3 -c "import json,sys; p=json.load(sys.stdin)[0]['Plan']; print(p.get('Remote SQL','')); print('FILTER' if 'Filter' in p else '')")
	if printf '%s' "$remote_sql" | grep -q ' WHERE ' && ! printf '%s' "$remote_sql" | grep -q '^FILTER'; then
		pass "fdw pushdown: $pred"
	elif [ "$pgnum" -lt 170000 ] && [ "${pred#*IN (}" != "$pred" ]; then
		# before 17 an extension's array types are not its members, so
		# postgres_fdw does not ship the portproto[] constant of IN (...)
		note "for information: WHERE $pred is filtered locally before PostgreSQL 17 (portproto[] is not an extension member)"
	else
		fail "fdw pushdown: $pred"
		printf '%s\n' "$remote_sql" | sed 's/^/# /'
	fi
	check_eq "fdw same result: $pred" \
		"$(q remote -c "SELECT count(*), md5(string_agg(id::text, ',' ORDER BY id)) FROM flows WHERE $pred")" \
		"$(q local -c "SELECT count(*), md5(string_agg(id::text, ',' ORDER BY id)) FROM flows WHERE $pred")"
done
plan=$(q local -c "EXPLAIN (VERBOSE, COSTS OFF, FORMAT JSON) SELECT svc FROM flows ORDER BY svc LIMIT 5")
if printf '%s' "$plan" | grep -q 'ORDER BY svc ASC NULLS LAST'; then pass "fdw pushdown: ORDER BY svc"; else
	fail "fdw pushdown: ORDER BY svc"; printf '%s\n' "$plan" | grep 'Remote SQL' | sed 's/^/# /'; fi
check_eq "fdw same result: ORDER BY svc LIMIT 5" \
	"$(q remote -c "SELECT string_agg(svc::text, ' ' ORDER BY svc) FROM (SELECT svc FROM flows ORDER BY svc LIMIT 5) s")" \
	"$(q local -c "SELECT string_agg(svc::text, ' ' ORDER BY svc) FROM (SELECT svc FROM flows ORDER BY svc LIMIT 5) s")"

# ---------------------------------------------------------------- dump
if "$PG_BINDIR/pg_dump" -Fc -d remote -f "$tmp/remote.dump" 2>"$tmp/dump.log" &&
	"$PG_BINDIR/pg_restore" -d restored "$tmp/remote.dump" 2>"$tmp/restore.log"; then
	pass "pg_dump and pg_restore"
else
	fail "pg_dump and pg_restore"; sed 's/^/# /' "$tmp/dump.log" "$tmp/restore.log" | head -20
fi
digest="SELECT count(*), md5(string_agg(id || ' ' || svc::text || ' ' || note, ',' ORDER BY id)) FROM flows"
check_eq "dump: same rows" "$(q remote -c "$digest")" "$(q restored -c "$digest")"
pdigest="SELECT tableoid::regclass, count(*), md5(string_agg(svc::text || n, ',' ORDER BY n)) FROM parts GROUP BY 1 ORDER BY 1"
check_eq "dump: hash partitions hold the same rows" "$(q remote -c "$pdigest")" "$(q restored -c "$pdigest")"
check_eq "dump: btree, hash and BRIN indexes valid" "flows_svc|btree|t
flows_svc_brin|brin|t
flows_svc_hash|hash|t" \
	"$(q restored -c "SELECT c.relname, am.amname, i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam WHERE i.indrelid = 'flows'::regclass AND c.relname LIKE 'flows_svc%' ORDER BY 1")"
check_eq "dump: index answers after restore" "1" \
	"$(q restored -c "SET enable_seqscan = off; SELECT count(*) FROM flows WHERE svc = '53/udp' AND note = 'dns'")"

# ---------------------------------------------------------------- tools
if is_root; then
	missing=()
	command -v nft >/dev/null || missing+=(nftables)
	command -v iptables-restore >/dev/null || missing+=(iptables)
	command -v ufw >/dev/null || missing+=(ufw)
	[ -f /usr/lib/python3/dist-packages/firewall/functions.py ] || missing+=(firewalld)
	if [ ${#missing[@]} -gt 0 ]; then
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 ||
			note "apt-get install ${missing[*]} failed"
	fi
fi

# generated sets (deterministic): a few ports and ranges each; small enough
# for iptables' multiport and ufw (15 ports at most, a range counts twice)
q remote <<'SQL'
CREATE TABLE gen AS
SELECT g, range_agg(portrange(lo, least(lo + len, 65535), '[]')) AS ports
FROM (SELECT g, k, 1 + abs(hashint4(g * 131 + k)) % 65535 AS lo,
             CASE WHEN abs(hashint4(g * 7 + k)) % 3 = 0 THEN abs(hashint4(g + k * 17)) % 3000 ELSE 0 END AS len
      FROM generate_series(1, 200) g, generate_series(1, 1 + g % 6) k) s
GROUP BY g;
SQL

# nftables: every set in one ruleset, for tcp and udp
if command -v nft >/dev/null; then
	{
		echo "table inet portproto_check {"
		echo "  chain input {"
		echo "    type filter hook input priority 0; policy accept;"
		q remote -c "SELECT format('    %s dport %s accept', p, to_firewall(ports, 'nftables')) FROM gen, unnest('{tcp,udp}'::text[]) p ORDER BY g, p"
		echo "  }"
		echo "}"
	} >"$tmp/rules.nft"
	n=$(grep -c 'dport' "$tmp/rules.nft")
	if out=$(nft -c -f "$tmp/rules.nft" 2>&1); then
		pass "nft -c accepts $n rules printed by to_firewall(ports, 'nftables')"
	elif printf '%s' "$out" | grep -qi 'operation not permitted\|netlink'; then
		fail "nft -c cannot run here: $(printf '%s' "$out" | head -1) (nft -c needs a netlink socket, i.e. CAP_NET_ADMIN in this container)"
	else
		fail "nft -c rejects to_firewall(ports, 'nftables')"; printf '%s\n' "$out" | head -10 | sed 's/^/# /'
	fi
else
	fail "nft is not installed (apt-get install nftables)"
fi

# iptables: multiport takes up to 15 ports (a range counts twice)
if command -v iptables-restore >/dev/null; then
	{
		echo "*filter"
		q remote -c "SELECT format('-A INPUT -p %s -m multiport --dports %s -j ACCEPT', p, to_firewall(ports, 'iptables'))
		             FROM gen, unnest('{tcp,udp}'::text[]) p
		             WHERE (SELECT sum(CASE WHEN upper(r) - lower(r) = 1 THEN 1 ELSE 2 END) FROM unnest(ports) r) <= 15
		             ORDER BY g, p"
		echo "COMMIT"
	} >"$tmp/rules.ipt"
	n=$(grep -c 'dports' "$tmp/rules.ipt")
	if out=$(iptables-restore --test "$tmp/rules.ipt" 2>&1); then
		pass "iptables-restore --test accepts $n rules printed by to_firewall(ports, 'iptables')"
	elif printf '%s' "$out" | grep -qi 'permission denied\|not permitted'; then
		fail "iptables-restore --test cannot run here: $(printf '%s' "$out" | head -1)"
	else
		fail "iptables-restore --test rejects to_firewall(ports, 'iptables')"; printf '%s\n' "$out" | head -10 | sed 's/^/# /'
	fi
else
	fail "iptables-restore is not installed (apt-get install iptables)"
fi

# ufw: one rule per call (about 1 s each), the first 10 sets, tcp and udp
if command -v ufw >/dev/null; then
	bad=0
	n=0
	while IFS= read -r spec; do
		n=$((n + 1))
		if ! out=$(ufw --dry-run allow "$spec" 2>&1); then
			bad=$((bad + 1))
			note "ufw rejects \"$spec\": $(printf '%s' "$out" | tail -1)"
		fi
	done < <(q remote -c "SELECT to_firewall(p, ports, 'ufw') FROM gen, unnest('{tcp,udp}'::transport_protocol[]) p
	                      WHERE (SELECT sum(CASE WHEN upper(r) - lower(r) = 1 THEN 1 ELSE 2 END) FROM unnest(ports) r) <= 15
	                      ORDER BY g, p LIMIT 20")
	if [ "$bad" -eq 0 ] && [ "$n" -gt 0 ]; then
		pass "ufw --dry-run accepts $n rules printed by to_firewall(protocol, ports, 'ufw')"
	else
		fail "ufw --dry-run rejects $bad of $n rules"
	fi
else
	fail "ufw is not installed (apt-get install ufw)"
fi

# firewalld: its own port and protocol checks (firewall.functions), offline
# (Debian's python3-firewall is for the system python3)
if /usr/bin/python3 -c "import firewall.functions" 2>/dev/null; then
	out=$(q remote -c "SELECT to_firewall(p, ports, 'firewalld') FROM gen, unnest('{tcp,udp,sctp,dccp}'::transport_protocol[]) p ORDER BY g, p" |
		/usr/bin/python3 -c "
import sys
from firewall.functions import check_port, checkProtocol
n = bad = 0
for line in sys.stdin:
    for item in line.split():
        port, proto = item.rsplit('/', 1)
        n += 1
        if not check_port(port) or not checkProtocol(proto):
            bad += 1
            print('# firewalld rejects', item)
print(n, bad)")
	last=$(printf '%s\n' "$out" | tail -1)
	printf '%s\n' "$out" | grep '^#' | head -5
	if [ "${last#* }" = 0 ]; then
		pass "firewalld's check_port/checkProtocol accept ${last% *} ports printed by to_firewall(protocol, ports, 'firewalld')"
	else
		fail "firewalld rejects ${last#* } of ${last% *} ports"
	fi
else
	note "firewalld is not installed: its checks are not run (firewall-offline-cmd edits /etc/firewalld, so only its check functions would be used)"
fi

echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
