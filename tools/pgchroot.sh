#!/usr/bin/env bash
# tools/pgchroot.sh -- Debian chroots with the PostgreSQL majors that the
# host's own Debian release does not package.
#
#   tools/pgchroot.sh ensure MAJOR        create (or reuse) the chroot; print its path
#   tools/pgchroot.sh run MAJOR CMD ...   run CMD inside it, as root, in /build/portrange.PID
#                                         (a fresh copy of this work tree, .git included)
#   tools/pgchroot.sh path MAJOR          print the chroot's path (no side effects)
#
# Majors and suites: 17 from trixie; 18 from sid; 19 from sid plus the
# experimental suite.  18 and 19 share one chroot, so that pg_upgrade from
# 18 to 19 can run in it.  The chroots are built with debootstrap
# --variant=minbase from the archive the host's apt sources name, and live
# under $PORTRANGE_CHROOTS (default /var/cache/portrange/chroots).
#
# "run" mounts /proc, /dev and a tmpfs on /dev/shm only while CMD runs, and
# unmounts them on every exit path (normal exit, failure, signal).
set -euo pipefail

CHROOTS=${PORTRANGE_CHROOTS:-/var/cache/portrange/chroots}
here=$(cd "$(dirname "$0")/.." && pwd)

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

suite_of() {
	case "$1" in
	17) echo trixie ;;
	18 | 19) echo sid ;;
	*) die "no chroot recipe for PostgreSQL $1 (15 is the host's own; 17, 18 and 19 have chroots)" ;;
	esac
}

# The Debian mirror the host's apt sources use (deb822 or one-line format)
host_mirror() {
	local m
	m=$(grep -hsE '^(URIs:|deb )' /etc/apt/sources.list /etc/apt/sources.list.d/*.sources \
		/etc/apt/sources.list.d/*.list 2>/dev/null |
		grep -oE 'https?://[^ ]*/debian/?( |$)' | grep -v security | head -1 | tr -d ' ')
	echo "${m:-http://deb.debian.org/debian}"
}

# Packages each chroot holds: the server, its headers, and what the test
# suite needs to build and fuzz.
packages_of() {
	local common="make gcc libc6-dev perl python3 clang libclang-rt-dev git ca-certificates procps"
	case "$1" in
	17) echo "postgresql-17 postgresql-server-dev-17 $common" ;;
	18 | 19) echo "postgresql-18 postgresql-server-dev-18 $common" ;;
	esac
}

# In the chroot: apt-get with the settings sid needs by this clock
in_apt() {
	local root=$1
	shift
	chroot "$root" env DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 \
		apt-get -o Acquire::Check-Valid-Until=false -o APT::Install-Recommends=false -y -q "$@"
}

# The host may reach the package registries through a TLS proxy whose CA
# only the host trusts (/usr/local/share/ca-certificates): trust the same
# ones in the chroot, so that npm and pip there work as they do here.
trust_host_cas() {
	local root=$1
	compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null || return 0
	[ -x "$root/usr/sbin/update-ca-certificates" ] || return 0
	mkdir -p "$root/usr/local/share/ca-certificates"
	if ! diff -rq /usr/local/share/ca-certificates "$root/usr/local/share/ca-certificates" >/dev/null 2>&1; then
		rm -f "$root"/usr/local/share/ca-certificates/*.crt
		cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
		chroot "$root" update-ca-certificates >/dev/null 2>&1 || log "update-ca-certificates failed in $root"
	fi
}

mounted=()
mount_all() {
	local root=$1
	mountpoint -q "$root/proc" || { mount -t proc proc "$root/proc" && mounted+=("$root/proc"); }
	mountpoint -q "$root/dev" || { mount --bind /dev "$root/dev" && mounted+=("$root/dev"); }
	mkdir -p "$root/dev/shm"
	# /dev is the host's (bound); a private tmpfs over its /dev/shm
	mount -t tmpfs -o size=2g,mode=1777 tmpfs "$root/dev/shm" && mounted=("$root/dev/shm" "${mounted[@]}")
}
umount_all() {
	local m
	for m in "${mounted[@]}"; do
		umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
	done
	mounted=()
}

ensure() {
	local major=$1 suite root mirror
	[ "$(id -u)" -eq 0 ] || die "building a chroot needs root"
	suite=$(suite_of "$major")
	root=$CHROOTS/$suite
	if [ -f "$root/.portrange-ready-$major" ]; then
		echo "$root"
		return 0
	fi
	mirror=$(host_mirror)
	command -v debootstrap >/dev/null || {
		log "installing debootstrap"
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap >/dev/null ||
			{ apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap >/dev/null; }
	}
	if [ ! -f "$root/.portrange-base" ]; then
		log "debootstrap --variant=minbase $suite from $mirror into $root (1-2 minutes)"
		rm -rf "$root"
		mkdir -p "$CHROOTS"
		debootstrap --variant=minbase "$suite" "$root" "$mirror" >"$CHROOTS/$suite.debootstrap.log" 2>&1 ||
			{ tail -20 "$CHROOTS/$suite.debootstrap.log" >&2; die "debootstrap of $suite failed"; }
		{
			echo "deb $mirror $suite main"
			[ "$suite" = sid ] && echo "deb $mirror experimental main"
		} >"$root/etc/apt/sources.list"
		echo 'Acquire::Check-Valid-Until "false";' >"$root/etc/apt/apt.conf.d/99portrange"
		# no daemons may start inside the chroot while packages install
		printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
		chmod 755 "$root/usr/sbin/policy-rc.d"
		touch "$root/.portrange-base"
	fi
	trap umount_all EXIT INT TERM
	mount_all "$root"
	log "installing PostgreSQL $major into the $suite chroot"
	in_apt "$root" update >/dev/null
	# shellcheck disable=SC2046
	in_apt "$root" install $(packages_of "$major") >"$root/.apt-$major.log" 2>&1 ||
		{ tail -20 "$root/.apt-$major.log" >&2; die "apt-get install in the $suite chroot failed"; }
	if [ "$major" = 19 ]; then
		# apt-get -t experimental trips over a perl conflict; naming each
		# package with its suite works.
		in_apt "$root" install postgresql-19/experimental postgresql-server-dev-19/experimental \
			postgresql-client-19/experimental libpq5/experimental libpq-dev/experimental \
			>>"$root/.apt-$major.log" 2>&1 ||
			{ tail -20 "$root/.apt-$major.log" >&2; die "installing PostgreSQL 19 from experimental failed"; }
	fi
	# Debian's packages create a cluster per major; the tests make their own
	local v
	for v in 17 18 19; do
		[ -d "$root/etc/postgresql/$v/main" ] && chroot "$root" pg_dropcluster "$v" main >/dev/null 2>&1 || true
	done
	[ -x "$root/usr/lib/postgresql/$major/bin/pg_config" ] || die "PostgreSQL $major did not install in $root"
	umount_all
	trap - EXIT INT TERM
	touch "$root/.portrange-ready-$major"
	echo "$root"
}

# run MAJOR CMD...: copy the work tree in, run CMD there with the mounts up.
# Each run has its own copy (/build/portrange.PID), removed afterwards
# unless KEEP_TMP=1.  Runs in one chroot take turns (flock): the mounts are
# shared, and one run's unmounting must not pull /dev/shm from under
# another's server.
RUN_ROOT=
RUN_BUILD=
run_cleanup() {
	umount_all
	if [ -n "$RUN_BUILD" ] && [ "${KEEP_TMP:-0}" != 1 ]; then
		rm -rf "${RUN_ROOT:?}$RUN_BUILD"
	fi
}
run() {
	local major=$1
	shift
	RUN_ROOT=$CHROOTS/$(suite_of "$major")
	mkdir -p "$CHROOTS"
	exec 9>"$RUN_ROOT.lock"
	if ! flock -n 9; then
		log "waiting for another run in $RUN_ROOT to finish"
		flock 9
	fi
	ensure "$major" >/dev/null
	RUN_BUILD=/build/portrange.$$
	trap run_cleanup EXIT
	trap 'exit 130' INT TERM
	rm -rf "${RUN_ROOT:?}$RUN_BUILD"
	mkdir -p "$RUN_ROOT$RUN_BUILD"
	# the work tree as it is (tracked and untracked files, not ignored ones), with .git
	(cd "$here" && { git ls-files -co --exclude-standard -z 2>/dev/null; printf '.git\0'; } |
		tar --null --ignore-failed-read -T - -cf - 2>/dev/null) | tar -C "$RUN_ROOT$RUN_BUILD" -xf -
	mount_all "$RUN_ROOT"
	trust_host_cas "$RUN_ROOT"
	local st=0
	chroot "$RUN_ROOT" env -i PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin HOME=/root LC_ALL=C.UTF-8 \
		CI="${CI:-}" FUZZ_SECONDS="${FUZZ_SECONDS:-}" PG_MAJOR="$major" KEEP_TMP="${KEEP_TMP:-}" \
		PORTRANGE_IN_CHROOT=1 PORTRANGE_QUICK="${PORTRANGE_QUICK:-}" \
		PORTRANGE_PORT_OFFSET="${PORTRANGE_PORT_OFFSET:-}" \
		NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt \
		bash -c 'cd "$0" && exec "$@"' "$RUN_BUILD" "$@" || st=$?
	return $st
}

case "${1:-}" in
ensure) [ $# -eq 2 ] || die "usage: $0 ensure MAJOR"; ensure "$2" ;;
path) [ $# -eq 2 ] || die "usage: $0 path MAJOR"; echo "$CHROOTS/$(suite_of "$2")" ;;
run) [ $# -ge 3 ] || die "usage: $0 run MAJOR CMD ..."; shift; run "$@" ;;
*) die "usage: $0 ensure|path|run MAJOR [CMD ...]" ;;
esac
