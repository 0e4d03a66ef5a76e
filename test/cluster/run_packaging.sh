#!/usr/bin/env bash
# test/cluster/run_packaging.sh -- PGXN and Debian packaging checks.
#
#   bash test/cluster/run_packaging.sh
#   PORTRANGE_TEST_DEB=1 bash test/cluster/run_packaging.sh   # + build, install, test the .deb
#
# Always (a second or two, no server, writes nothing):
#   - META.json is valid PGXN Meta Spec 1.0.0 for this tree: required keys,
#     semantic versions, the provided file and docfile exist, the versions
#     agree with portrange.control's default_version and debian/changelog,
#     PostgreSQL 14 or later (multiranges) is required
#   - debian/control is up to date with debian/control.in (pg_buildext
#     checkcontrol), debian/copyright is machine-readable and carries
#     LICENSE, the scripts are executable
#   - "make install" would install every portrange--*.sql of the tree
# With PORTRANGE_TEST_DEB=1 (as root): test/cluster/deb.sh, which builds the
# package in a copy of the tree, installs it and runs the test suites
# against it (a few minutes; see its header).
#
# Prints "ok NAME" / "not ok NAME" and "N passed, N failed" last.

set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
. "$repo/tools/pglib.sh"

npass=0
nfail=0
pass() { echo "ok $*"; npass=$((npass + 1)); }
fail() { echo "not ok $*"; nfail=$((nfail + 1)); }
diag() { sed 's/^/# /'; }

PYTHON=python3
command -v python3 >/dev/null || PYTHON=/usr/bin/python3

default_version=$(sed -n "s/^default_version *= *'\(.*\)'.*/\1/p" "$repo/portrange.control")

# ------------------------------------------------------------ META.json

out=$(cd "$repo" && "$PYTHON" - "$default_version" <<'EOF' 2>&1
import json, os, re, sys

default_version = sys.argv[1]
problems = []
try:
    with open("META.json", encoding="utf-8") as f:
        meta = json.load(f)
except (OSError, ValueError) as e:
    print(f"META.json: {e}")
    sys.exit(1)

SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+)?$")
LICENSES = {"agpl_3", "apache_1_1", "apache_2_0", "artistic_1", "artistic_2", "bsd", "freebsd",
            "gfdl_1_2", "gfdl_1_3", "gpl_1", "gpl_2", "gpl_3", "lgpl_2_1", "lgpl_3_0", "mit",
            "mozilla_1_0", "mozilla_1_1", "openssl", "perl_5", "postgresql", "qpl_1_0",
            "ssleay", "sun", "zlib", "open_source", "restricted", "unrestricted", "unknown"}

for key in ("name", "abstract", "maintainer", "license", "provides", "meta-spec", "version"):
    if key not in meta:
        problems.append(f"required key {key} missing")
if meta.get("meta-spec", {}).get("version") != "1.0.0":
    problems.append("meta-spec version is not 1.0.0")
if meta.get("name") != "portrange":
    problems.append("name is not portrange")
version = meta.get("version", "")
if not SEMVER.match(version):
    problems.append(f"version {version!r} is not a semantic version")
lic = meta.get("license")
for l in ([lic] if isinstance(lic, str) else list(lic or [])):
    if l not in LICENSES:
        problems.append(f"license {l!r} is not a PGXN licence name")
if not meta.get("abstract"):
    problems.append("empty abstract")
if not meta.get("maintainer"):
    problems.append("no maintainer")
for name, p in meta.get("provides", {}).items():
    if "file" not in p or "version" not in p:
        problems.append(f"provides.{name}: file and version are required")
        continue
    if not SEMVER.match(p["version"]):
        problems.append(f"provides.{name}.version is not a semantic version")
    for k in ("file", "docfile"):
        if k in p and not os.path.isfile(p[k]):
            problems.append(f"provides.{name}.{k} {p[k]} does not exist")
ext = meta.get("provides", {}).get("portrange", {})
# the file PGXN shows is the base install script; later versions are
# reached from it through the upgrade scripts (contrib style)
if not re.fullmatch(r"portrange--[0-9]+\.[0-9]+\.sql", ext.get("file", "")):
    problems.append("provides.portrange.file is not a base install script portrange--X.Y.sql")
# PGXN versions are semantic, the extension's are major.minor: 1.0 <-> 1.0.x
if ".".join(version.split(".")[:2]) != default_version or ext.get("version") != version:
    problems.append(f"version {version} / provides {ext.get('version')} do not match default_version {default_version}")
pg = meta.get("prereqs", {}).get("runtime", {}).get("requires", {}).get("PostgreSQL")
if not pg or tuple(int(x) for x in str(pg).split(".")[:1]) < (14,):
    problems.append(f"runtime requires PostgreSQL {pg!r}; multiranges need 14.0.0 or later")
if not isinstance(meta.get("tags", []), list) or any(not isinstance(t, str) or len(t) > 255 for t in meta.get("tags", [])):
    problems.append("tags must be a list of short strings")
for p in problems:
    print(p)
print(f"version {version}")
sys.exit(1 if problems else 0)
EOF
)
if [ $? -eq 0 ]; then pass "pgxn_meta_json_valid # $(tail -1 <<<"$out")"; else fail pgxn_meta_json_valid; diag <<<"$out"; fi
meta_version=$(sed -n 's/^version //p' <<<"$out" | tail -1)

# ------------------------------------------------------------ debian/

if command -v dpkg-parsechangelog >/dev/null; then
	deb_version=$(cd "$repo" && dpkg-parsechangelog -SVersion 2>/dev/null)
	if [ -n "$deb_version" ] && [ "${deb_version%%-*}" = "$meta_version" ]; then
		pass "debian_changelog_version # $deb_version"
	else
		fail "debian_changelog_version # debian/changelog has '$deb_version', META.json '$meta_version'"
	fi
	if grep -q native "$repo/debian/source/format" && [ "$deb_version" != "${deb_version%-*}" ]; then
		fail "debian_native_version # a native package's version has no Debian revision"
	fi
else
	pass "debian_changelog_version # SKIP dpkg-dev not installed"
fi

# debian/control must be debian/control.in instantiated for majors that the
# project supports, one binary package each (pg_buildext updatecontrol
# writes it for a distribution's majors; test/cluster/deb.sh regenerates it
# for the host before building).  This does not depend on which majors this
# machine happens to have, unlike "pg_buildext checkcontrol".
min_major=$(sed -n 's/^#error "portrange needs PostgreSQL \([0-9]*\) or later"/\1/p' "$repo/src/pg_compat.h")
pgversions=$(tr -d ' \n' <"$repo/debian/pgversions")
majors=$(sed -n 's/^Package: postgresql-\([0-9]*\)-portrange$/\1/p' "$repo/debian/control" | tr '\n' ' ')
expected_control=$(
	sed '/^Package: /,$d' "$repo/debian/control.in"
	sep=
	for m in $majors; do
		[ -z "$sep" ] || echo
		sep=1
		sed -n '/^Package: /,$p' "$repo/debian/control.in" | sed "s/PGVERSION/$m/g"
	done
)
problems=
[ "$pgversions" = "$min_major+" ] || problems="debian/pgversions is '$pgversions', the code needs $min_major+; "
[ -n "$majors" ] || problems="${problems}debian/control has no binary package; "
for m in $majors; do
	[ "$m" -ge "$min_major" ] && [ "$m" -le 19 ] || problems="${problems}postgresql-$m-portrange is not a supported major; "
done
if [ -z "$problems" ] && diff <(printf '%s\n' "$expected_control" | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}') \
	<(sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' "$repo/debian/control") >/dev/null; then
	pass "debian_control_consistent # control.in for PostgreSQL $majors; pgversions $pgversions"
else
	fail "debian_control_consistent # ${problems:-debian/control is not debian/control.in instantiated for $majors}"
fi

copyright=$repo/debian/copyright
if head -1 "$copyright" | grep -q '^Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' &&
	grep -q '^Files: \*$' "$copyright" && grep -q '^Files: data/services.csv' "$copyright" &&
	diff <(sed -n '3,$p' "$repo/LICENSE" | sed 's/^$/./; s/^/ /') \
		<(sed -n '/^License: PostgreSQL$/,/^$/p' "$copyright" | tail -n +2 | sed '/^$/d' | sed -n '/^ Copyright/,$p') >/dev/null; then
	pass "debian_copyright # DEP-5, LICENSE text, data/ paragraph"
else
	fail "debian_copyright # not DEP-5, no data/ paragraph, or the PostgreSQL licence text differs from LICENSE"
fi

bad=
for f in debian/rules debian/tests/installcheck test/cluster/deb.sh; do
	[ -x "$repo/$f" ] || bad="$bad $f"
done
if [ -z "$bad" ]; then pass debian_scripts_executable; else fail "debian_scripts_executable #$bad not executable (git update-index --chmod=+x)"; fi

# ------------------------------------------------------------ make install

pglib_find_pg_config
if [ -n "${PG_CONFIG:-}" ] && [ -x "$PG_CONFIG" ]; then
	plan=$(cd "$repo" && make -n install PG_CONFIG="$PG_CONFIG" 2>/dev/null | grep -E 'install.*\.sql|install.*\.control')
	bad=
	for f in "$repo"/portrange--*.sql "$repo"/portrange.control; do
		grep -qF "$(basename "$f")" <<<"$plan" || bad="$bad $(basename "$f")"
	done
	if [ -z "$bad" ]; then
		pass "make_install_ships_every_script # $(cd "$repo" && echo portrange--*.sql)"
	else
		fail "make_install_ships_every_script # not in DATA:$bad"
	fi
fi

# ------------------------------------------------------------ the .deb

if [ "${PORTRANGE_TEST_DEB:-0}" = 1 ]; then
	out=$(bash "$here/deb.sh" 2>&1)
	st=$?
	grep -vE '^[0-9]+ passed, [0-9]+ failed' <<<"$out"
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' <<<"$out" | tail -1)
	if [ -n "$line" ]; then
		npass=$((npass + ${line%% *}))
		nfail=$((nfail + $(awk '{print $3}' <<<"$line")))
	fi
	if [ $st -ne 0 ] && [ "$(awk '{print $3}' <<<"${line:-0 passed, 0 failed}")" = 0 ]; then
		fail "deb_sh_exit_status_$st"
	fi
else
	echo "# skipped: building, installing and testing the .deb (set PORTRANGE_TEST_DEB=1; needs root; see test/cluster/deb.sh)"
fi

echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
