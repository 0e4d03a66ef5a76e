# tools/pglib.sh -- shell functions shared by tools/test.sh and tools/demo.sh
#
# Finds (or, as root, installs) PostgreSQL and its server headers, builds
# and installs the extension, and runs a throwaway server as an unprivileged
# user.  Meant to be sourced; expects "set -euo pipefail" in the caller.

PG_MAJOR=${PG_MAJOR:-15}

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# pglib_find_pg_config: set PG_CONFIG to the pg_config of PG_MAJOR
pglib_find_pg_config() {
	if [ -z "${PG_CONFIG:-}" ]; then
		if [ -x "/usr/lib/postgresql/$PG_MAJOR/bin/pg_config" ]; then
			PG_CONFIG=/usr/lib/postgresql/$PG_MAJOR/bin/pg_config
		else
			PG_CONFIG=$(command -v pg_config || true)
		fi
	fi
	export PG_CONFIG
}

# pglib_ensure_deps: server, headers and build tools; apt-get them as root
pglib_ensure_deps() {
	local missing=()
	pglib_find_pg_config
	[ -n "$PG_CONFIG" ] && [ -x "$PG_CONFIG" ] || missing+=("postgresql-server-dev-$PG_MAJOR")
	if [ ${#missing[@]} -eq 0 ]; then
		[ -f "$("$PG_CONFIG" --includedir-server)/postgres.h" ] || missing+=("postgresql-server-dev-$PG_MAJOR")
		[ -x "$("$PG_CONFIG" --bindir)/initdb" ] || missing+=("postgresql-$PG_MAJOR")
	fi
	command -v make >/dev/null || missing+=(make)
	command -v gcc >/dev/null || missing+=(gcc)
	command -v perl >/dev/null || missing+=(perl)
	command -v python3 >/dev/null || missing+=(python3)
	# clang with libFuzzer and the sanitizer runtimes, for the fuzz runs
	command -v clang >/dev/null || missing+=(clang)
	[ -n "$(ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a 2>/dev/null)" ] ||
		missing+=(libclang-rt-dev)
	if [ ${#missing[@]} -gt 0 ]; then
		is_root || die "missing: ${missing[*]} (install them: sudo apt-get install ${missing[*]})"
		log "installing ${missing[*]}"
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq
		apt-get install -y -qq --no-install-recommends \
			"postgresql-$PG_MAJOR" "postgresql-server-dev-$PG_MAJOR" \
			make gcc libc6-dev perl python3 clang libclang-rt-dev >/dev/null
		unset PG_CONFIG
		pglib_find_pg_config
	fi
	PG_BINDIR=$("$PG_CONFIG" --bindir)
	export PG_BINDIR
}

# pglib_build: build with warnings as failures, then install (or check the
# installed copy when we may not write there).
pglib_build() {
	local out
	out=$(mktemp)
	log "building with $PG_CONFIG"
	if ! make -s PG_CONFIG="$PG_CONFIG" >"$out" 2>&1; then
		cat "$out" >&2
		die "build failed"
	fi
	if grep -E 'warning:' "$out" >&2; then
		die "the build printed compiler warnings (see above)"
	fi
	rm -f "$out"
	local pkglibdir sharedir
	pkglibdir=$("$PG_CONFIG" --pkglibdir)
	sharedir=$("$PG_CONFIG" --sharedir)/extension
	if [ -w "$pkglibdir" ] && [ -w "$sharedir" ]; then
		log "installing into $pkglibdir and $sharedir"
		make -s PG_CONFIG="$PG_CONFIG" install >/dev/null
	else
		# An ordinary user with the extension installed by an administrator:
		# test only if the installed files are the ones just built.
		local f
		for f in portrange.so; do
			pglib_same_code "$f" "$pkglibdir/$f" ||
				die "$pkglibdir/$f is missing or differs from this build; run 'sudo make install' first"
		done
		for f in portrange.control portrange--*.sql; do
			cmp -s "$f" "$sharedir/$f" ||
				die "$sharedir/$f is missing or differs from this build; run 'sudo make install' first"
		done
		log "using the installed copy (identical to this build)"
	fi
}

# pglib_same_code A B: do two shared libraries hold the same code and data?
# (Debug information and the build ID record the build directory, so two
# builds of the same source in different directories differ as files.)
pglib_same_code() {
	[ -f "$2" ] || return 1
	cmp -s "$1" "$2" && return 0
	command -v objcopy >/dev/null || return 1
	local a b
	a=$(mktemp) b=$(mktemp)
	objcopy -O binary --only-section=.text --only-section=.rodata \
		--only-section=.data --only-section=.data.rel.ro "$1" "$a" &&
		objcopy -O binary --only-section=.text --only-section=.rodata \
			--only-section=.data --only-section=.data.rel.ro "$2" "$b" &&
		cmp -s "$a" "$b"
	local rc=$?
	rm -f "$a" "$b"
	return $rc
}

# pglib_start_server DIR PORT: initdb and start a server in DIR, socket in
# DIR, listening on no TCP address.  Sets PGHOST, PGPORT, PGUSER.
pglib_start_server() {
	local dir=$1 port=$2
	PGRUN_USER=$(id -un)
	if is_root; then
		PGRUN_USER=postgres
		id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
	fi
	mkdir -p "$dir"
	is_root && chown "$PGRUN_USER" "$dir"
	log "initdb in $dir (server runs as $PGRUN_USER, port $port)"
	pglib_as_runuser "$PG_BINDIR/initdb" -D "$dir/data" -U "$PGRUN_USER" \
		--auth=trust --no-sync -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 ||
		{ cat "$dir/initdb.log" >&2; die "initdb failed"; }
	pglib_as_runuser "$PG_BINDIR/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
		-o "-p $port -k $dir -c listen_addresses='' -c fsync=off -c max_connections=40 ${PG_EXTRA_OPTS:-}" \
		start >/dev/null ||
		{ cat "$dir/server.log" >&2; die "server did not start"; }
	PG_SERVER_PID=$(head -1 "$dir/data/postmaster.pid")
	export PGHOST=$dir PGPORT=$port PGUSER=$PGRUN_USER
}

pglib_as_runuser() {
	if is_root; then
		runuser -u "$PGRUN_USER" -- "$@"
	else
		"$@"
	fi
}

# pglib_stop_server DIR: stop the server started in DIR, by its PID
pglib_stop_server() {
	local dir=$1
	[ -n "${PG_SERVER_PID:-}" ] || return 0
	pglib_as_runuser "$PG_BINDIR/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 ||
		kill -TERM "$PG_SERVER_PID" 2>/dev/null || true
	local i
	for i in $(seq 1 50); do
		kill -0 "$PG_SERVER_PID" 2>/dev/null || break
		sleep 0.1
	done
	kill -KILL "$PG_SERVER_PID" 2>/dev/null || true
	PG_SERVER_PID=
}

# pglib_free_port START: first TCP port >= START (+ PORTRANGE_PORT_OFFSET, so
# that concurrent runs of the suite keep apart) with no server socket
pglib_free_port() {
	local p=$(($1 + ${PORTRANGE_PORT_OFFSET:-0}))
	while [ -e "/tmp/.s.PGSQL.$p" ] || (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do
		p=$((p + 1))
	done
	echo "$p"
}
