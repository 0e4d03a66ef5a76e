# test/reliability/lib.sh -- servers and reporting for tools/reliability.sh
#
# Sourced by tools/reliability.sh (after tools/pglib.sh), not run alone.
# Servers live in $REL_TMP/NAME (data, socket, log), listen on no TCP
# address (socket only), run as postgres when we are root, and are stopped
# by their PID: rel_cleanup, installed as the EXIT/INT/TERM trap, stops
# every server still running, whatever the exit path.

REL_SERVERS=()
REL_PASSED=0
REL_FAILED=0

ok() { echo "ok $*"; REL_PASSED=$((REL_PASSED + 1)); }
notok() { echo "not ok $*"; REL_FAILED=$((REL_FAILED + 1)); }
note() { echo "# $*"; }
# check NAME VALUE EXPECTED
check_eq() {
	if [ "$2" = "$3" ]; then ok "$1"; else notok "$1 # got '$2', expected '$3'"; fi
}

rel_user() { if is_root; then echo postgres; else id -un; fi; }

as_pg() {
	if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

# rel_init NAME: initdb a new cluster in $REL_TMP/NAME/data
rel_init() {
	local dir=$REL_TMP/$1
	mkdir -p "$dir"
	is_root && chown postgres "$dir"
	as_pg "$PG_BINDIR/initdb" -D "$dir/data" -U "$(rel_user)" --auth=trust \
		-E UTF8 --locale=C >"$dir/initdb.log" 2>&1 ||
		{ cat "$dir/initdb.log"; return 1; }
}

# rel_start NAME PORT [postgres -c options...]: start, wait, record the PID
rel_start() {
	local name=$1 port=$2 dir=$REL_TMP/$1
	shift 2
	echo "$port" >"$dir/port"
	as_pg "$PG_BINDIR/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 120 \
		-o "-p $port -k $dir -c listen_addresses='' -c max_connections=30 $*" \
		start >/dev/null 2>&1 ||
		{ tail -20 "$dir/server.log"; return 1; }
	head -1 "$dir/data/postmaster.pid" >"$dir/pid"
	REL_SERVERS+=("$name")
}

rel_pid() { cat "$REL_TMP/$1/pid" 2>/dev/null; }

# the PIDs of the direct children of a process, from /proc
rel_children() {
	local parent=$1 f line rest
	for f in /proc/[0-9]*/stat; do
		read -r line 2>/dev/null <"$f" || continue
		rest=${line##*) }		# after the command name: state ppid ...
		rest=${rest#* }
		[ "${rest%% *}" = "$parent" ] && { f=${f#/proc/}; echo "${f%/stat}"; }
	done
}

rel_wait_gone() {	# rel_wait_gone SECONDS PID...
	local n=$(($1 * 10)) p alive
	shift
	while [ "$n" -gt 0 ]; do
		alive=
		for p in "$@"; do kill -0 "$p" 2>/dev/null && alive=1; done
		[ -z "$alive" ] && return 0
		sleep 0.1
		n=$((n - 1))
	done
	return 1
}

# rel_stop NAME: fast shutdown by PID (SIGINT), SIGKILL after 60 s
rel_stop() {
	local pid
	pid=$(rel_pid "$1")
	[ -n "$pid" ] || return 0
	if kill -0 "$pid" 2>/dev/null; then
		kill -INT "$pid" 2>/dev/null
		if ! rel_wait_gone 60 "$pid"; then
			kill -KILL "$pid" $(rel_children "$pid") 2>/dev/null
			rel_wait_gone 10 "$pid"
		fi
	fi
	rm -f "$REL_TMP/$1/pid"
}

# rel_kill9 NAME: SIGKILL the postmaster and all its children at once
rel_kill9() {
	local pid kids
	pid=$(rel_pid "$1")
	kids=$(rel_children "$pid")
	kill -KILL "$pid" $kids 2>/dev/null
	rel_wait_gone 30 "$pid" $kids
	rm -f "$REL_TMP/$1/pid"
}

rel_cleanup() {
	local s
	for s in "${REL_SERVERS[@]}"; do rel_stop "$s"; done
	REL_SERVERS=()
	if [ "${KEEP_TMP:-0}" = 1 ]; then note "kept $REL_TMP"; else rm -rf "$REL_TMP"; fi
}

# rq NAME DB psql-args...: psql to a server, stopping at the first error
rq() {
	local name=$1 db=$2
	shift 2
	"$PG_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h "$REL_TMP/$name" \
		-p "$(cat "$REL_TMP/$name/port")" -U "$(rel_user)" -d "$db" "$@"
}
# rv NAME DB SQL: one value
rv() { rq "$1" "$2" -At -c "$3"; }

# rel_wait_replay PRIMARY STANDBY: until the standby has replayed what the
# primary has written (at most 120 s)
rel_wait_replay() {
	local lsn i
	lsn=$(rv "$1" postgres "SELECT pg_current_wal_lsn()")
	for i in $(seq 1 1200); do
		[ "$(rv "$2" postgres "SELECT pg_last_wal_replay_lsn() >= '$lsn'::pg_lsn")" = t ] && return 0
		sleep 0.1
	done
	return 1
}

# rel_hwm PID: a process's peak resident memory in kB
rel_hwm() { awk '/VmHWM/ {print $2}' "/proc/$1/status"; }
