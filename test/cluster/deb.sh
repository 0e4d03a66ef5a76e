#!/usr/bin/env bash
# test/cluster/deb.sh -- build the Debian package, install it, test it.
#
#   sudo bash test/cluster/deb.sh
#   PORTRANGE_TEST_DEB=1 tools/test.sh      # the same, as part of the suite
#
# Needs root (it installs packages).  Steps, each timed:
#
#   1. apt-get the build dependencies that are missing (debhelper,
#      postgresql-server-dev-all, dpkg-dev, fakeroot, gcc, make, perl)
#   2. copy the source tree (tracked and untracked, not ignored files) to
#      /tmp/portrange-deb.XXXXXX/portrange-VERSION; nothing is written to
#      the source tree
#   3. dpkg-buildpackage -us -uc -b there
#   4. check the .deb's contents, then apt-get install ./postgresql-NN-portrange_*.deb
#      (files installed before, e.g. by make install, are saved first)
#   5. with the packaged files: the pg_regress suite (make installcheck
#      against a throwaway server, and debian/tests/installcheck, the
#      autopkgtest, via pg_buildext/pg_virtualenv), test/cluster/run.sh and
#      test/clients/run.sh
#   6. purge the package, and put back the files that were installed
#      before (unless something else has replaced them meanwhile)
#
# Prints "ok NAME" / "not ok NAME", "# ..." notes with timings, and
# "N passed, N failed" last; exits non-zero on failure.  KEEP_TMP=1 keeps
# the build directory, DEB_KEEP_INSTALLED=1 leaves the package installed.

set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
. "$repo/tools/pglib.sh"

npass=0
nfail=0
pass() { echo "ok $*"; npass=$((npass + 1)); }
fail() { echo "not ok $*"; nfail=$((nfail + 1)); }
diag() { sed 's/^/# /'; }
note() { echo "# $*"; }

# run_suite NAME COMMAND...: a test runner's own ok/not ok lines, prefixed
run_suite() {
	local name=$1 out st line
	shift
	out=$("$@" 2>&1)
	st=$?
	while IFS= read -r line; do
		case $line in
		"ok "*) pass "$name: ${line#ok }" ;;
		"not ok "*) fail "$name: ${line#not ok }" ;;
		"# "*) echo "$line" ;;
		esac
	done <<<"$out"
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' <<<"$out" | tail -1)
	note "$name: ${line:-no summary line}, exit status $st"
	if [ $st -ne 0 ] && ! grep -q '^not ok ' <<<"$out"; then
		fail "$name exit status $st"
		tail -20 <<<"$out" | diag
	fi
}

step_start=0
step() { step_start=$(date +%s); note "--- $*"; }
step_done() { note "took $(($(date +%s) - step_start))s"; }

if ! is_root; then
	echo "# skipped: building and installing the Debian package needs root"
	echo "0 passed, 0 failed"
	exit 0
fi

t_begin=$(date +%s)
export DEBIAN_FRONTEND=noninteractive
unset PGDATABASE PGSERVICE PGOPTIONS PGHOSTADDR

# ------------------------------------------------------------ 1. build deps

step "build dependencies"
missing=()
for p in debhelper postgresql-server-dev-all dpkg-dev fakeroot gcc make perl; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	note "apt-get install ${missing[*]}"
	if timeout 900 apt-get update -qq >/dev/null 2>&1 &&
		timeout 900 apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1; then
		pass "deb_build_dependencies # installed ${missing[*]}"
	else
		fail "deb_build_dependencies # apt-get install ${missing[*]} failed"
		echo "$npass passed, $nfail failed"
		exit 1
	fi
else
	pass "deb_build_dependencies # all present"
fi
step_done

pglib_find_pg_config
PG_BINDIR=$("$PG_CONFIG" --bindir)
export PG_BINDIR
versions=$(cd "$repo" && pg_buildext supported-versions 2>/dev/null)
note "PostgreSQL versions to package (debian/pgversions and this system): $(echo $versions)"

# ------------------------------------------------------------ 2. copy

version=$(cd "$repo" && dpkg-parsechangelog -SVersion)
tmp=$(mktemp -d /tmp/portrange-deb.XXXXXX)
chmod 755 "$tmp"
src=$tmp/portrange-$version
mkdir "$src"
declare -A saved=()
installed=0

restore() {
	trap '' INT TERM
	if [ "$installed" = 1 ] && [ "${DEB_KEEP_INSTALLED:-0}" != 1 ]; then
		local v pkg f
		for v in $versions; do
			pkg=postgresql-$v-portrange
			dpkg-query -W "$pkg" >/dev/null 2>&1 || continue
			# remember what the package put there, to restore only those
			dpkg -L "$pkg" | while IFS= read -r f; do [ -f "$f" ] && echo "$f"; done >"$tmp/$pkg.files"
			mkdir -p "$tmp/pkgcopy"
			while IFS= read -r f; do
				mkdir -p "$tmp/pkgcopy$(dirname "$f")" && cp -p "$f" "$tmp/pkgcopy$f"
			done <"$tmp/$pkg.files"
			if timeout 300 apt-get purge -y -qq "$pkg" >/dev/null 2>&1; then
				pass "deb_purge $pkg"
			else
				fail "deb_purge $pkg"
			fi
		done
		installed=0
	fi
	# put back what make install (or anybody) had installed before, unless
	# it was replaced by something else than this package in the meantime
	local f
	for f in "${!saved[@]}"; do
		if [ ! -e "$f" ] || { [ -f "$tmp/pkgcopy$f" ] && cmp -s "$f" "$tmp/pkgcopy$f"; }; then
			mkdir -p "$(dirname "$f")"
			# a new file renamed into place: servers running with the old
			# library mapped are not disturbed
			cp -p "${saved[$f]}" "$f.deb-test-restore" && mv -f "$f.deb-test-restore" "$f"
		else
			note "not restoring $f: replaced meanwhile"
		fi
	done
	saved=()
}

finish() {
	restore
	if [ "${KEEP_TMP:-0}" = 1 ]; then note "kept $tmp"; else rm -rf "$tmp"; fi
	note "total $(($(date +%s) - t_begin))s"
	echo "$npass passed, $nfail failed"
}
trap finish EXIT
trap 'fail interrupted; exit 1' INT TERM

step "copy the source tree to $src"
if (cd "$repo" && git ls-files -co --exclude-standard -z | tar --null -T - -cf -) | tar -xf - -C "$src"; then
	pass "deb_source_copied # $(cd "$src" && find . -type f | wc -l) files"
else
	fail deb_source_copied
	exit 1
fi
step_done

# ------------------------------------------------------------ 3. build

# debian/control as committed names the majors of the distribution it was
# last generated for; build for this host's, as Debian's own tooling does
(cd "$src" && pg_buildext updatecontrol >/dev/null 2>&1) || true

step "dpkg-buildpackage -us -uc -b"
if (cd "$src" && timeout 1200 dpkg-buildpackage -us -uc -b) >"$tmp/build.log" 2>&1; then
	pass "deb_build # dpkg-buildpackage -us -uc -b"
else
	fail deb_build
	tail -40 "$tmp/build.log" | diag
	exit 1
fi
if grep -E 'warning:' "$tmp/build.log" | grep -v 'dpkg-' >"$tmp/warnings"; then
	fail "deb_build_no_compiler_warnings"
	diag <"$tmp/warnings"
else
	pass deb_build_no_compiler_warnings
fi
step_done
ls -l "$tmp"/*.deb | diag

# ------------------------------------------------------------ 4. install

step "contents and install"
debs=()
for v in $versions; do
	deb=$(ls "$tmp"/postgresql-"$v"-portrange_"$version"_*.deb 2>/dev/null | head -1)
	if [ -z "$deb" ]; then
		fail "deb_built_for_$v"
		continue
	fi
	debs+=("$deb")
	contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
	want="./usr/lib/postgresql/$v/lib/portrange.so ./usr/share/postgresql/$v/extension/portrange.control"
	for f in "$src"/portrange--*.sql; do want="$want ./usr/share/postgresql/$v/extension/$(basename "$f")"; done
	want="$want ./usr/share/doc/postgresql-$v-portrange/copyright ./usr/share/doc/postgresql-$v-portrange/README.md.gz ./usr/share/doc/postgresql-$v-portrange/README.data.md.gz"
	bad=
	for f in $want; do grep -qxF "$f" <<<"$contents" || bad="$bad $f"; done
	if [ -z "$bad" ]; then pass "deb_contents_$v"; else fail "deb_contents_$v # missing:$bad"; fi
	dpkg-deb -f "$deb" Depends | sed 's/^/Depends: /' | diag
done

# save what is installed now (make install's copy) before the package
# overwrites it
mkdir -p "$tmp/saved"
for v in $versions; do
	for f in "/usr/lib/postgresql/$v/lib/portrange.so" /usr/share/postgresql/"$v"/extension/portrange*; do
		[ -f "$f" ] || continue
		mkdir -p "$tmp/saved$(dirname "$f")" && cp -p "$f" "$tmp/saved$f"
		saved[$f]=$tmp/saved$f
	done
done
note "saved ${#saved[@]} previously installed files"

installed=1
if timeout 600 apt-get install -y -qq --no-install-recommends "${debs[@]}" >"$tmp/install.log" 2>&1; then
	pass "deb_install # apt-get install ${debs[*]##*/}"
else
	fail deb_install
	tail -20 "$tmp/install.log" | diag
	exit 1
fi
for v in $versions; do
	pc=/usr/lib/postgresql/$v/bin/pg_config
	owner=$(dpkg -S "$("$pc" --pkglibdir)/portrange.so" 2>/dev/null | cut -d: -f1)
	check_files=ok
	for f in "$src"/portrange.control "$src"/portrange--*.sql; do
		cmp -s "$f" "$("$pc" --sharedir)/extension/$(basename "$f")" || check_files="differs: $(basename "$f")"
	done
	if [ "$owner" = "postgresql-$v-portrange" ] && [ "$check_files" = ok ]; then
		pass "deb_installed_files_$v # owned by $owner, SQL and control identical to the source"
	else
		fail "deb_installed_files_$v # owner '$owner', $check_files"
	fi
done
step_done

# ------------------------------------------------------------ 5. test

step "pg_regress suite (make installcheck) against the packaged extension"
regress_dir=$tmp/regress
mkdir -p "$regress_dir"
chmod 755 "$regress_dir"
srvdir=$tmp/server
if pglib_start_server "$srvdir" "$(pglib_free_port 55600)" 2>"$tmp/server.start"; then
	out=$(cd "$src" && timeout 900 make -s installcheck PG_CONFIG="$PG_CONFIG" 2>&1)
	st=$?
	n_ok=$(grep -cE '(\.\.\. ok|^ok [0-9])' <<<"$out" || true)
	n_bad=$(grep -cE '(\.\.\. FAILED|^not ok [0-9]|\.\.\. failed)' <<<"$out" || true)
	grep -E '^(test |ok |not ok )' <<<"$out" | diag
	if [ $st -eq 0 ] && [ "$n_bad" -eq 0 ] && [ "$n_ok" -gt 0 ]; then
		pass "deb_installcheck # $n_ok pg_regress tests passed"
	else
		fail "deb_installcheck # $n_ok passed, $n_bad failed, exit status $st"
		[ -f "$src/regression.diffs" ] && head -60 "$src/regression.diffs" | diag
	fi
	pglib_stop_server "$srvdir"
else
	fail "deb_installcheck # server did not start"
	diag <"$tmp/server.start"
fi
step_done

step "debian/tests/installcheck (autopkgtest; pg_buildext installcheck in pg_virtualenv)"
if (cd "$src" && timeout 900 debian/tests/installcheck) >"$tmp/autopkgtest.log" 2>&1; then
	pass "deb_autopkgtest_installcheck # $(grep -cE '\.\.\. ok|^ok [0-9]' "$tmp/autopkgtest.log") tests passed"
else
	fail deb_autopkgtest_installcheck
	tail -40 "$tmp/autopkgtest.log" | diag
fi
step_done

step "test/cluster/run.sh against the packaged extension"
run_suite deb_cluster bash "$src/test/cluster/run.sh"
step_done

step "test/clients/run.sh against the packaged extension"
run_suite deb_clients bash "$src/test/clients/run.sh"
step_done

# ------------------------------------------------------------ 6. purge

step "purge and restore"
restore
for v in $versions; do
	if dpkg-query -W "postgresql-$v-portrange" >/dev/null 2>&1 && [ "${DEB_KEEP_INSTALLED:-0}" != 1 ]; then
		fail "deb_purged_$v"
	fi
done
step_done
[ "$nfail" -eq 0 ]
