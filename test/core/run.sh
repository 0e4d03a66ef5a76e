#!/usr/bin/env bash
# test/core/run.sh -- unit tests of the backend-independent port core, and
# a bounded libFuzzer run of port_parse() when clang's libFuzzer is there.
# Prints "ok"/"not ok" lines and a last line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/../.."
out=test/build/core
mkdir -p "$out"
passed=0
failed=0

cc=${CC:-gcc}
if $cc -std=c99 -O1 -g -Wall -Wextra -Werror -fsanitize=address,undefined \
	-fno-sanitize-recover=all -Isrc -o "$out/test_port_core" \
	test/core/test_port_core.c src/port_core.c; then
	if "$out/test_port_core" >"$out/unit.log" 2>&1; then :; fi
	grep -E '^(not )?ok|^#' "$out/unit.log" | grep -v '^ok' || true
	line=$(tail -1 "$out/unit.log")
	if [[ $line =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
		passed=$((passed + BASH_REMATCH[1]))
		failed=$((failed + BASH_REMATCH[2]))
		echo "ok port_core unit tests: $line"
	else
		echo "not ok port_core unit tests crashed"; cat "$out/unit.log"
		failed=$((failed + 1))
	fi
else
	echo "not ok port_core unit tests did not compile"
	failed=$((failed + 1))
fi

# bounded fuzzing (FUZZ_SECONDS, default 10; 0 skips)
secs=${FUZZ_SECONDS:-10}

# fuzz NAME MAX_LEN SOURCE...: build test/fuzz/fuzz_NAME.c with SOURCE...
# under ASan and UBSan and run it for $secs seconds from its seed corpus
fuzz() {
	local name=$1 max_len=$2 runs
	shift 2
	if [ "$secs" -le 0 ] || ! command -v clang >/dev/null ||
		! clang -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -Isrc \
			-o "$out/fuzz_$name" "test/fuzz/fuzz_$name.c" "$@" 2>"$out/fuzz_${name}_build.log"; then
		echo "# fuzz_$name skipped (FUZZ_SECONDS=$secs, no clang libFuzzer, or no build)"
		return
	fi
	mkdir -p "$out/corpus_$name"
	if "$out/fuzz_$name" -max_total_time="$secs" -max_len="$max_len" \
		"$out/corpus_$name" "test/fuzz/corpus/$name" >"$out/fuzz_$name.log" 2>&1; then
		runs=$(grep -oE 'Done [0-9]+ runs' "$out/fuzz_$name.log" | grep -oE '[0-9]+')
		echo "ok fuzz_$name: ${runs:-?} executions in ${secs}s, no crash"
		passed=$((passed + 1))
	else
		echo "not ok fuzz_$name: crash (see $out/fuzz_$name.log)"
		tail -30 "$out/fuzz_$name.log"
		failed=$((failed + 1))
	fi
}

fuzz port 4096 src/port_core.c
# the port-set helpers (range_agg bitmap runs, percentile sort)
fuzz portset 4096 src/port_core.c
# the registry lookups and the IP protocol argument parser, over the
# generated data
if [ "$secs" -gt 0 ] &&
	perl tools/gen_registry.pl -o "$out/registry_data.c" data/services.csv data/defacto.csv; then
	fuzz registry 256 src/registry.c "$out/registry_data.c"
	fuzz ipproto 64 src/registry.c "$out/registry_data.c"
else
	echo "# fuzz_registry and fuzz_ipproto skipped"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
