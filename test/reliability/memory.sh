# test/reliability/memory.sh -- part "memory" of tools/reliability.sh:
# backend memory stays flat.  Sourced; defines part_memory.
#
# 1. One backend runs memory.sql (every text parser and registry lookup per
#    row) over REL_MEM_ROWS / 10 rows and then over REL_MEM_ROWS rows: its
#    peak memory (VmHWM) may grow by less than 2 MB between the two (a leak
#    of a byte per row would be 1.8 MB per 2 million rows).
# 2. The same for the binary input functions: COPY ... FROM a binary file
#    of port, portrange and portmultirange values (a small file loaded and
#    compared with its source, then a large one read with WHERE false).
# 3. REL_MEM_CLIENTS backends at once, each over REL_MEM_ROWS / 8 rows.
# JIT is off: loading LLVM alone would add tens of MB to the peak.

rel_mem_check() {	# NAME WARM_ROWS FULL_ROWS OUTPUT(two lines count|hwm)
	local c1 h1 c2 h2
	{ IFS='|' read -r c1 h1; IFS='|' read -r c2 h2; } <<<"$4"
	if [ "$c1" = "$2" ] && [ "$c2" = "$3" ] && [ -n "$h1" ] && [ -n "$h2" ] &&
		[ $((h2 - h1)) -lt 2048 ]; then
		ok "memory: $1: peak ${h1} kB after $2 rows, ${h2} kB after $3 rows"
		REL_MEM_LAST="$h1 kB -> $h2 kB"
	else
		notok "memory: $1: counts $c1/$2, $c2/$3; peak ${h1:-?} kB -> ${h2:-?} kB"
		REL_MEM_LAST="(failed)"
	fi
}

part_memory() {
	local port n=$REL_MEM_ROWS warm t0 out dir=$REL_TMP/mem
	t0=$(date +%s)
	warm=$(( n / 10 / 1000 * 1000 ))
	rel_init mem || { notok "memory: initdb"; return; }
	port=$(pglib_free_port 56140)
	rel_start mem "$port" -c fsync=off -c jit=off || { notok "memory: server start"; return; }
	rq mem postgres -c "CREATE DATABASE rel" && rq mem rel -c "CREATE EXTENSION portrange" ||
		{ notok "memory: setup"; return; }

	out=$(rq mem rel -At <<SQL
\\set n $warm
\\i test/reliability/memory.sql
\\set n $n
\\i test/reliability/memory.sql
SQL
)
	rel_mem_check "every parser and lookup, one client" "$warm" "$n" "$out"
	figure "memory: one client, every parser and lookup" "$n rows, peak $REL_MEM_LAST"

	# binary input
	local small=$((warm / 2)) big=$((n / 4)) src
	src="SELECT (g % 65536)::port, portrange(g % 60000, g % 60000 + g % 500),
			portmultirange(portrange(g % 30000, g % 30000 + 5), portrange(40000 + g % 20000, 40000 + g % 20000 + 9))
		 FROM generate_series(1, @N@) g"
	out=$(rq mem rel -At <<SQL
CREATE UNLOGGED TABLE sink (p port, r portrange, m portmultirange);
COPY (${src//@N@/$small}) TO '$dir/small.bin' WITH (FORMAT binary);
COPY (${src//@N@/$big}) TO '$dir/big.bin' WITH (FORMAT binary);
\\o /dev/null
COPY sink FROM '$dir/small.bin' WITH (FORMAT binary);
\\o
SELECT (SELECT count(*) FROM (SELECT * FROM sink EXCEPT ALL ${src//@N@/$small}) d)
	   + (SELECT count(*) FROM (${src//@N@/$small} EXCEPT ALL SELECT * FROM sink) d);
SELECT $small, substring(pg_read_file('/proc/self/status') FROM 'VmHWM:\\s+(\\d+)');
COPY sink FROM '$dir/big.bin' WITH (FORMAT binary) WHERE false;
SELECT $big, substring(pg_read_file('/proc/self/status') FROM 'VmHWM:\\s+(\\d+)');
SQL
)
	check_eq "memory: COPY BINARY of $small rows reads back what was written" "$(echo "$out" | head -1)" 0
	rel_mem_check "binary input (COPY FROM ... FORMAT binary)" "$small" "$big" "$(echo "$out" | tail -2)"
	figure "memory: binary input" "$big rows, peak $REL_MEM_LAST"
	rm -f "$dir/small.bin" "$dir/big.bin"

	# several clients at once
	local k pids=() each=$(( n / 8 / 1000 * 1000 )) w2 allok=1
	# the warm-up must reach every port value once: port_service() caches
	# each port's name as it first returns it (up to 65,536 entries, about
	# 2 MB), which is growth that stops, not a leak (measured: 25k rows
	# +2.0 MB, 250k +0.7 MB, 1M +0.1 MB, 2.5M +0.1 MB)
	w2=$(( each / 2 / 1000 * 1000 ))
	[ "$w2" -ge 66000 ] || w2=66000
	for k in $(seq 1 "$REL_MEM_CLIENTS"); do
		rq mem rel -At >"$dir/client$k.out" 2>&1 <<SQL &
\\set n $w2
\\i test/reliability/memory.sql
\\set n $each
\\i test/reliability/memory.sql
SQL
		pids+=($!)
	done
	wait "${pids[@]}"
	local hw=
	for k in $(seq 1 "$REL_MEM_CLIENTS"); do
		rel_mem_check "client $k of $REL_MEM_CLIENTS at once" "$w2" "$each" "$(cat "$dir/client$k.out")"
		hw="$hw; $REL_MEM_LAST"
	done
	figure "memory: $REL_MEM_CLIENTS clients at once" "$each rows each, peaks ${hw#; }"
	rel_stop mem
	figure "memory: part time" "$(( $(date +%s) - t0 )) s"
}
