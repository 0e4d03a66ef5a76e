#!/bin/sh
# test/registry/run.sh - standalone tests for the registry data pipeline and
# the pure-C lookup core (src/registry.[ch]).
#
#   test/registry/run.sh            # from anywhere
#
# Generates src/registry_data.c into a build directory (never into src/),
# compiles the C unit test with "cc -std=c99 -Wall -Wextra -Werror" (plus
# -fsanitize=address,undefined when the compiler supports it, else valgrind
# when installed), runs it on the shipped snapshot and on the converter
# fixture, and tests tools/iana_to_data.py and tools/gen_registry.pl, and
# (when IANA's XML is beside the repository) that data/services.csv is the
# converter's output of IANA's 2026-08-17 edition.
#
# Prints "ok NAME" / "not ok NAME" per test, "# ..." diagnostics, and a final
# "N passed, N failed"; exits 1 if anything failed.
#
# Environment: CC (default cc), PERL (perl), PYTHON (python3),
# REGISTRY_TEST_BUILD (default test/build/registry), SANITIZE=0 to disable
# sanitizers, VALGRIND=0 to disable valgrind.

set -u

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${REGISTRY_TEST_BUILD:-$repo/test/build/registry}
CC=${CC:-cc}
PERL=${PERL:-perl}
PYTHON=${PYTHON:-python3}
CFLAGS_TEST="-std=c99 -Wall -Wextra -Werror -Wmissing-prototypes -Wdeclaration-after-statement -pedantic -O1 -g"

mkdir -p "$build" || exit 1
results="$build/results.txt"
: > "$results"

pass() { echo "ok $1" | tee -a "$results"; }
fail() { echo "not ok $1" | tee -a "$results"; }
diag() { sed 's/^/# /'; }
check() {	# check NAME COMMAND...: ok if the command succeeds
	name=$1; shift
	if "$@" > "$build/out.txt" 2>&1; then pass "$name"; else diag < "$build/out.txt"; fail "$name"; fi
}

# --------------------------------------------------------------- generator

gen() {	# gen SERVICES DEFACTO OUTPUT [extra args]
	"$PERL" "$repo/tools/gen_registry.pl" "$@"
}

check gen_registry_generates \
	gen -o "$build/registry_data.c" "$repo/data/services.csv" "$repo/data/defacto.csv"
check gen_registry_deterministic sh -c '
	"$1" "$2/tools/gen_registry.pl" "$2/data/services.csv" "$2/data/defacto.csv" > "$3/registry_data.again.c" &&
	cmp "$3/registry_data.c" "$3/registry_data.again.c"' sh "$PERL" "$repo" "$build"

# --------------------------------------------------------------- C unit test

san=""
runner=""
cat > "$build/probe.c" <<'EOF'
int main(void) { return 0; }
EOF
if [ "${SANITIZE:-1}" != 0 ] &&
   $CC -fsanitize=address,undefined -o "$build/probe" "$build/probe.c" > /dev/null 2>&1 &&
   "$build/probe" > /dev/null 2>&1; then
	san="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
	echo "# using $CC $san"
elif [ "${VALGRIND:-1}" != 0 ] && command -v valgrind > /dev/null 2>&1; then
	runner="valgrind -q --error-exitcode=99 --leak-check=full"
	echo "# sanitizers unavailable; using valgrind"
else
	echo "# neither sanitizers nor valgrind available; plain run"
fi

compile() {	# compile OUTPUT DATA.c
	$CC $CFLAGS_TEST $san -I"$repo/src" -o "$1" \
		"$repo/src/registry.c" "$2" "$here/test_registry.c"
}

run_unit() {	# run_unit PREFIX BINARY [ARGS]
	prefix=$1; shift
	$runner "$@" > "$build/unit.txt" 2>&1
	status=$?
	while IFS= read -r line; do
		case $line in
			"ok "*) pass "$prefix${line#ok }" ;;
			"not ok "*) fail "$prefix${line#not ok }" ;;
			*) echo "# ${line#\# }" ;;
		esac
	done < "$build/unit.txt"
	if [ $status -ne 0 ] && ! grep -q '^not ok ' "$build/unit.txt"; then
		fail "${prefix}exit_status_$status"
	fi
}

if compile "$build/test_registry" "$build/registry_data.c" > "$build/cc.txt" 2>&1; then
	pass compile_c99_wall_wextra_werror
	REGISTRY_NETBASE="$repo/data/netbase.csv" run_unit "" "$build/test_registry"
else
	diag < "$build/cc.txt"
	fail compile_c99_wall_wextra_werror
fi

# the generated file also compiles under PostgreSQL's extension warning flags
check compile_generated_with_pg_flags \
	$CC -std=c99 -Wall -Wextra -Werror -Wmissing-prototypes -Wpointer-arith \
	-Wdeclaration-after-statement -Werror=vla -Wendif-labels -Wformat-security \
	-fno-strict-aliasing -fwrapv -fPIC -O2 -I"$repo/src" \
	-c "$build/registry_data.c" -o "$build/registry_data.o"
if [ -f "$build/registry_data.o" ] && command -v size > /dev/null 2>&1; then
	size "$build/registry_data.o" | diag
fi

# --------------------------------------------------------------- converter

fixture="$repo/test/fixtures/iana-sample.csv"
expected="$repo/test/fixtures/iana-sample.expected.csv"

if "$PYTHON" "$repo/tools/iana_to_data.py" "$fixture" > "$build/iana-sample.out.csv" 2> "$build/conv.err" &&
   cmp -s "$build/iana-sample.out.csv" "$expected"; then
	pass iana_to_data_fixture
else
	diag < "$build/conv.err"
	diff -u "$expected" "$build/iana-sample.out.csv" | head -40 | diag
	fail iana_to_data_fixture
fi

# CRLF line ends (also inside quoted fields) give the same result
sed 's/$/\r/' "$fixture" > "$build/iana-sample.crlf.csv"
check iana_to_data_crlf_input sh -c '
	"$1" "$2/tools/iana_to_data.py" "$3/iana-sample.crlf.csv" 2>/dev/null | cmp - "$4"' \
	sh "$PYTHON" "$repo" "$build" "$expected"

rm -f "$build/iana-sample.o.csv"
check iana_to_data_output_option sh -c '
	"$1" "$2/tools/iana_to_data.py" -o "$3/iana-sample.o.csv" "$4" 2>/dev/null &&
	cmp "$3/iana-sample.o.csv" "$5"' sh "$PYTHON" "$repo" "$build" "$fixture" "$expected"

conv_rejects() {
	hdr='Service Name,Port Number,Transport Protocol,Description,Assignee,Contact,Registration Date,Modification Date,Reference,Service Code,Unauthorized Use Reported,Assignment Notes'
	bad=0
	for case in 'x,12x,tcp,d,,,,,,,,' 'x,1,foo,d,,,,,,,,' 'x,70000,tcp,d,,,,,,,,' \
	            'x,9-3,tcp,d,,,,,,,,' 'x,1,tcp,"unterminated,,,,,,,,' 'x,1,tcp,d,,,2020-13-01,,,,,' \
	            'x,1,tcp'; do
		printf '%s\n%s\n' "$hdr" "$case" > "$build/bad.csv"
		if "$PYTHON" "$repo/tools/iana_to_data.py" "$build/bad.csv" > /dev/null 2> "$build/bad.err"; then
			echo "# accepted: $case"; bad=1
		elif ! grep -q 'iana_to_data: error' "$build/bad.err"; then
			echo "# no error message for: $case"; bad=1
		fi
	done
	printf 'Name,Port\nx,1\n' > "$build/bad.csv"
	if "$PYTHON" "$repo/tools/iana_to_data.py" "$build/bad.csv" > /dev/null 2>&1; then
		echo "# accepted a file without IANA columns"; bad=1
	fi
	return $bad
}
if conv_rejects; then pass iana_to_data_rejects_malformed; else fail iana_to_data_rejects_malformed; fi

# the converted fixture is valid generator input and meets every invariant
if gen -o "$build/fixture_data.c" "$expected" "$repo/data/defacto.csv" > "$build/gen.err" 2>&1 &&
   compile "$build/test_fixture" "$build/fixture_data.c" > "$build/cc2.txt" 2>&1; then
	pass fixture_generates_and_compiles
	run_unit "fixture:" "$build/test_fixture" --invariants-only
else
	cat "$build/gen.err" "$build/cc2.txt" | diag
	fail fixture_generates_and_compiles
fi

# --------------------------------------------------------------- generator rejects bad input

gen_rejects() {
	svc_hdr='port_low,port_high,protocol,service_name,name_rank,status,description,assignee,contact,registration_date,modification_date,reference,notes,unauthorized,sources'
	good='80,80,tcp,http,1,assigned,Web,,,,,,,,netbase'
	bad=0
	while IFS='|' read -r label row; do
		printf '%s\n%s\n%s\n' "$svc_hdr" "$good" "$row" > "$build/bad_services.csv"
		if gen "$build/bad_services.csv" "$repo/data/defacto.csv" > /dev/null 2> "$build/bad.err"; then
			echo "# accepted ($label): $row"; bad=1
		elif ! grep -q 'bad_services.csv:3:' "$build/bad.err"; then
			echo "# no FILE:LINE message ($label):"; diag < "$build/bad.err"; bad=1
		fi
	done <<'EOF'
stray quote|81,81,tcp,a"b,1,assigned,x,,,,,,,,netbase
unterminated quote|81,81,tcp,"ab,1,assigned,x,,,,,,,,netbase
too few fields|81,81,tcp,ab,1,assigned,x,,,,,,,netbase
too many fields|81,81,tcp,ab,1,assigned,x,,,,,,,,netbase,
port too big|81,70000,tcp,ab,1,assigned,x,,,,,,,,netbase
port not a number|8a,81,tcp,ab,1,assigned,x,,,,,,,,netbase
low above high|82,81,tcp,ab,1,assigned,x,,,,,,,,netbase
not sorted|79,79,tcp,ab,1,assigned,x,,,,,,,,netbase
unknown protocol|81,81,icmp,ab,1,assigned,x,,,,,,,,netbase
unknown status|81,81,tcp,ab,1,registered,x,,,,,,,,netbase
second primary|80,80,tcp,www,1,assigned,x,,,,,,,,netbase
name on reserved row|81,81,tcp,ab,,reserved,x,,,,,,,,netbase
rank on reserved row|81,81,tcp,,1,reserved,x,,,,,,,,netbase
missing name|81,81,tcp,,1,assigned,x,,,,,,,,netbase
missing rank|81,81,tcp,ab,,assigned,x,,,,,,,,netbase
rank zero|81,81,tcp,ab,0,assigned,x,,,,,,,,netbase
bad date|81,81,tcp,ab,1,assigned,x,,,2020-02-30x,,,,,netbase
bad month|81,81,tcp,ab,1,assigned,x,,,2020-13,,,,,netbase
bad sources|81,81,tcp,ab,1,assigned,x,,,,,,,,Net Base
empty sources|81,81,tcp,ab,1,assigned,x,,,,,,,,
EOF
	for raw in 'x\001y' 'x\377y'; do	# control character, invalid UTF-8
		printf "%s\n%s\n81,81,tcp,ab,1,assigned,$raw,,,,,,,,netbase\n" "$svc_hdr" "$good" > "$build/bad_services.csv"
		if gen "$build/bad_services.csv" "$repo/data/defacto.csv" > /dev/null 2> "$build/bad.err" ||
		   ! grep -q 'bad_services.csv:3:' "$build/bad.err"; then
			echo "# not rejected properly: description $raw"; bad=1
		fi
	done
	printf 'port_low,port_high\n' > "$build/bad_services.csv"
	if gen "$build/bad_services.csv" "$repo/data/defacto.csv" > /dev/null 2>&1; then
		echo "# accepted a wrong header"; bad=1
	fi
	printf 'port,protocol,name,description,source\n9092,tcp,kafka,x,y\n9092,tcp,other,x,y\n' > "$build/bad_defacto.csv"
	if gen "$repo/data/services.csv" "$build/bad_defacto.csv" > /dev/null 2>&1; then
		echo "# accepted a duplicate de-facto port"; bad=1
	fi
	if gen -o "$build/never.c" "$build/bad_defacto.csv" "$build/bad_defacto.csv" > /dev/null 2>&1 ||
	   [ -e "$build/never.c" ]; then
		echo "# wrote output for bad input"; bad=1
	fi
	return $bad
}
if gen_rejects; then pass gen_registry_rejects_malformed; else fail gen_registry_rejects_malformed; fi

# --------------------------------------------------------------- IANA's XML

# IANA's own files sit beside the repository (../shared/iana) on the
# development machine and in CI; the build itself never needs them.
iana=${IANA_DIR:-}
if [ -z "$iana" ]; then
	for d in "$repo/../shared/iana" /work/shared/iana; do
		[ -f "$d/service-names-port-numbers.2026-08-17.xml" ] && { iana=$d; break; }
	done
fi
if [ -n "$iana" ]; then
	xml="$iana/service-names-port-numbers.2026-08-17.xml"
	# the committed snapshot is exactly the converter's output
	check services_csv_is_converted_from_iana_xml sh -c '
		"$1" "$2/tools/iana_to_data.py" "$3" --netbase "$2/data/netbase.csv" -o "$4/from-xml.csv" 2>/dev/null &&
		cmp "$4/from-xml.csv" "$2/data/services.csv"' sh "$PYTHON" "$repo" "$xml" "$build"
	check protocols_csv_is_converted_from_iana_xml sh -c '
		"$1" "$2/tools/iana_to_data.py" --protocols "$3"/protocol-numbers.2026-03-09.xml -o "$4/protocols.csv" 2>/dev/null &&
		cmp "$4/protocols.csv" "$2/data/protocols.csv"' sh "$PYTHON" "$repo" "$iana" "$build"
	# IANA's CSV of the same edition converts to the same file (IANA
	# generates its CSV from the XML; --render-csv does the same here, and
	# --people names the CSV's people as the XML does)
	check iana_csv_and_xml_give_the_same_file sh -c '
		"$1" "$2/tools/iana_to_data.py" --render-csv "$3" -o "$4/iana.csv" 2>/dev/null &&
		"$1" "$2/tools/iana_to_data.py" "$4/iana.csv" --people "$3" --netbase "$2/data/netbase.csv" -o "$4/from-csv.csv" 2>/dev/null &&
		cmp "$4/from-csv.csv" "$2/data/services.csv"' sh "$PYTHON" "$repo" "$xml" "$build"
	# 100% of IANA's named port/protocol/name entries are in the snapshot,
	# and IANA's first-listed name is primary except where its note flags
	# a conflict
	check every_iana_named_entry_present "$PYTHON" - "$xml" "$repo/data/services.csv" <<'PYEOF'
import csv, sys, xml.etree.ElementTree as ET
NS = "{http://www.iana.org/assignments}"
want, first = set(), {}
for r in ET.parse(sys.argv[1]).getroot().findall(NS + "record"):
    name = (r.findtext(NS + "name") or "").strip()
    num = (r.findtext(NS + "number") or "").strip()
    if not name or not num:
        continue
    lo, _, hi = num.partition("-")
    protos = [(r.findtext(NS + "protocol") or "").strip() or p for p in ("tcp", "udp")]
    if (r.findtext(NS + "protocol") or "").strip():
        protos = protos[:1]
    note = r.findtext(NS + "note") or ""
    for p in protos:
        key = (p, int(lo), int(hi or lo))
        want.add(key + (name,))
        if "Conflict on" not in note:
            first.setdefault(key, name)
have, prim = set(), {}
for r in csv.DictReader(open(sys.argv[2], encoding="utf-8")):
    if r["status"] == "assigned":
        key = (r["protocol"], int(r["port_low"]), int(r["port_high"]))
        have.add(key + (r["service_name"],))
        if r["name_rank"] == "1":
            prim[key] = r["service_name"]
missing = want - have
wrong = [k for k in first if prim.get(k) != first[k]]
print("%d IANA entries, %d missing; %d primaries, %d not IANA's first name" % (len(want), len(missing), len(first), len(wrong)))
for m in sorted(missing)[:10] + wrong[:10]:
    print(m)
sys.exit(1 if missing or wrong else 0)
PYEOF
	diag < "$build/out.txt"
else
	pass "services_csv_is_converted_from_iana_xml # SKIP IANA's XML not found (../shared/iana or IANA_DIR)"
fi

# --------------------------------------------------------------- summary

passed=$(grep -c '^ok ' "$results")
failed=$(grep -c '^not ok ' "$results")
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
