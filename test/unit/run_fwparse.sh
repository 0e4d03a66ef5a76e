#!/bin/sh
# CC, CLANG and the flag variables are split into words on purpose.
# shellcheck disable=SC2086
#-------------------------------------------------------------------------
#
# run_fwparse.sh
#	  Build and run the standalone tests of src/fwparse.c.
#
# 1. Compiles the unit test with AddressSanitizer and UBSan and runs it;
#	 it prints "ok NAME" / "not ok NAME" per test case.  It runs twice:
#	 as built for the extension, and with tiny internal buffer sizes
#	 (names prefixed "stress:") so that buffer growth and compaction
#	 happen even on small inputs.
# 2. If clang with libFuzzer is available, builds test/fuzz/fuzz_fwparse.c
#	 (with the tiny buffer sizes) and fuzzes for FUZZ_SECONDS seconds
#	 (default 20; 0 skips this step), starting from a scratch copy of
#	 test/fuzz/corpus/fwparse (the seed corpus in the repository is never
#	 modified).  Reproducers of failures are copied to test/fuzz/.
# Ends with a "N passed, N failed" line; the exit status is non-zero if
# anything failed.
#
# Environment: CC (default cc), CLANG (default: clang, else clang-14),
# FUZZ_SECONDS (default 20), KEEP_TMP=1 keeps the build directory.
#
# IDENTIFICATION
#	  test/unit/run_fwparse.sh
#
#-------------------------------------------------------------------------

set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
CC=${CC:-cc}
FUZZ_SECONDS=${FUZZ_SECONDS:-20}
WARN="-std=c99 -Wall -Wextra -Werror -Wmissing-prototypes -Wdeclaration-after-statement"
SAN="-fsanitize=address,undefined -fno-sanitize-recover=all"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/fwparse.XXXXXX") || exit 1
if [ "${KEEP_TMP:-0}" = 1 ]; then
	echo "# build directory: $tmp"
else
	trap 'rm -rf "$tmp"' EXIT
fi

ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export ASAN_OPTIONS UBSAN_OPTIONS

passed=0
failed=0

# --- unit test -----------------------------------------------------------

# run_unit NAME EXTRA_CFLAGS PREFIX
run_unit()
{
	if $CC $WARN $SAN $2 -g -O1 -I"$root/src" "$root/src/fwparse.c" \
		"$root/test/unit/test_fwparse.c" -o "$tmp/$1" 2>"$tmp/cc.log"
	then
		"$tmp/$1" "$3" >"$tmp/unit.out" 2>"$tmp/unit.err"
		rc=$?
		grep -v '^[0-9]* passed, [0-9]* failed$' "$tmp/unit.out"
		summary=$(grep '^[0-9]* passed, [0-9]* failed$' "$tmp/unit.out" | tail -n 1)
		p=0
		f=0
		if [ -n "$summary" ]; then
			p=$(echo "$summary" | sed 's/ passed.*//')
			f=$(echo "$summary" | sed 's/.*passed, //; s/ failed//')
		fi
		passed=$((passed + p))
		failed=$((failed + f))
		if [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then
			# crashed (sanitizer report) before printing its summary
			sed 's/^/# /' "$tmp/unit.err"
			echo "not ok $1 exited with status $rc"
			failed=$((failed + 1))
		fi
	else
		sed 's/^/# /' "$tmp/cc.log"
		echo "not ok compile $1"
		failed=$((failed + 1))
	fi
}

# the real build
run_unit test_fwparse "" ""
# tiny internal buffers: every growth and compaction path on small inputs
STRESS="-DFW_INLINE_IVS=1 -DFW_COMPACT_MIN=2"
run_unit test_fwparse_stress "$STRESS" "stress:"

# --- fuzzing -------------------------------------------------------------

find_clang()
{
	for c in ${CLANG:-} clang clang-14; do
		command -v "$c" >/dev/null 2>&1 && { echo "$c"; return 0; }
	done
	return 1
}

if [ "$FUZZ_SECONDS" -gt 0 ] 2>/dev/null; then
	if clang=$(find_clang) &&
		printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n);\nint LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void) d; (void) n; return 0; }\n' >"$tmp/probe.c" &&
		$clang -fsanitize=fuzzer "$tmp/probe.c" -o "$tmp/probe" >/dev/null 2>&1
	then
		if $clang $WARN $SAN $STRESS -fsanitize=fuzzer -g -O1 -I"$root/src" \
			"$root/src/fwparse.c" "$root/test/fuzz/fuzz_fwparse.c" \
			-o "$tmp/fuzz_fwparse" 2>"$tmp/fcc.log"
		then
			mkdir "$tmp/corpus"
			cp "$root"/test/fuzz/corpus/fwparse/* "$tmp/corpus/" 2>/dev/null
			cat >"$tmp/fw.dict" <<'EOF'
"any"
"eq "
"neq "
"gt "
"lt "
"range "
"><"
"<>"
".."
"ftp-data"
"3com-tsmux"
"https"
"65535"
"65536"
"!["
"{ "
" }"
EOF
			(cd "$tmp" && ./fuzz_fwparse -max_total_time="$FUZZ_SECONDS" \
				-max_len=4096 -dict=fw.dict -print_final_stats=1 \
				corpus >fuzz.log 2>&1)
			rc=$?
			runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$tmp/fuzz.log")
			if [ $rc -eq 0 ]; then
				echo "ok fuzz_fwparse (${runs:-?} executions in ${FUZZ_SECONDS}s)"
				passed=$((passed + 1))
			else
				tail -n 40 "$tmp/fuzz.log" | sed 's/^/# /'
				for f in "$tmp"/crash-* "$tmp"/leak-* "$tmp"/timeout-* "$tmp"/oom-*; do
					[ -f "$f" ] || continue
					cp "$f" "$root/test/fuzz/" 2>/dev/null &&
						echo "# reproducer saved as test/fuzz/$(basename "$f")"
				done
				echo "not ok fuzz_fwparse (exit status $rc)"
				failed=$((failed + 1))
			fi
		else
			sed 's/^/# /' "$tmp/fcc.log"
			echo "not ok compile fuzz_fwparse"
			failed=$((failed + 1))
		fi
	else
		echo "# clang with libFuzzer not available: fuzzing skipped"
	fi
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
