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
if [ "$secs" -gt 0 ] && command -v clang >/dev/null &&
	clang -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -Isrc \
		-o "$out/fuzz_port" test/fuzz/fuzz_port.c src/port_core.c 2>"$out/fuzz_build.log"; then
	mkdir -p "$out/corpus_port"
	if "$out/fuzz_port" -max_total_time="$secs" -max_len=4096 \
		"$out/corpus_port" test/fuzz/corpus/port >"$out/fuzz.log" 2>&1; then
		runs=$(grep -oE 'Done [0-9]+ runs' "$out/fuzz.log" | grep -oE '[0-9]+')
		echo "ok fuzz_port: ${runs:-?} executions in ${secs}s, no crash"
		passed=$((passed + 1))
	else
		echo "not ok fuzz_port: crash (see $out/fuzz.log)"
		tail -30 "$out/fuzz.log"
		failed=$((failed + 1))
	fi
else
	echo "# fuzz_port skipped (FUZZ_SECONDS=$secs or no clang libFuzzer)"
fi
# the port-set helpers (range_agg bitmap runs, percentile sort)
if [ "$secs" -gt 0 ] && command -v clang >/dev/null &&
	clang -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -Isrc \
		-o "$out/fuzz_portset" test/fuzz/fuzz_portset.c src/port_core.c 2>"$out/fuzz_portset_build.log"; then
	mkdir -p "$out/corpus_portset"
	if "$out/fuzz_portset" -max_total_time="$secs" -max_len=4096 \
		"$out/corpus_portset" test/fuzz/corpus/portset >"$out/fuzz_portset.log" 2>&1; then
		runs=$(grep -oE 'Done [0-9]+ runs' "$out/fuzz_portset.log" | grep -oE '[0-9]+')
		echo "ok fuzz_portset: ${runs:-?} executions in ${secs}s, no crash"
		passed=$((passed + 1))
	else
		echo "not ok fuzz_portset: crash (see $out/fuzz_portset.log)"
		tail -30 "$out/fuzz_portset.log"
		failed=$((failed + 1))
	fi
else
	echo "# fuzz_portset skipped"
fi
# the registry lookups, over the generated data
if [ "$secs" -gt 0 ] && command -v clang >/dev/null &&
	perl tools/gen_registry.pl -o "$out/registry_data.c" data/services.csv data/defacto.csv &&
	clang -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -Isrc \
		-o "$out/fuzz_registry" test/fuzz/fuzz_registry.c src/registry.c \
		"$out/registry_data.c" 2>"$out/fuzz_registry_build.log"; then
	mkdir -p "$out/corpus_registry"
	if "$out/fuzz_registry" -max_total_time="$secs" -max_len=256 \
		"$out/corpus_registry" test/fuzz/corpus/registry >"$out/fuzz_registry.log" 2>&1; then
		runs=$(grep -oE 'Done [0-9]+ runs' "$out/fuzz_registry.log" | grep -oE '[0-9]+')
		echo "ok fuzz_registry: ${runs:-?} executions in ${secs}s, no crash"
		passed=$((passed + 1))
	else
		echo "not ok fuzz_registry: crash (see $out/fuzz_registry.log)"
		tail -30 "$out/fuzz_registry.log"
		failed=$((failed + 1))
	fi
else
	echo "# fuzz_registry skipped"
fi
# the IP protocol argument parser, over the generated protocol table
if [ "$secs" -gt 0 ] && command -v clang >/dev/null && [ -f "$out/registry_data.c" ] &&
	clang -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -Isrc \
		-o "$out/fuzz_ipproto" test/fuzz/fuzz_ipproto.c src/registry.c \
		"$out/registry_data.c" 2>"$out/fuzz_ipproto_build.log"; then
	mkdir -p "$out/corpus_ipproto"
	if "$out/fuzz_ipproto" -max_total_time="$secs" -max_len=64 \
		"$out/corpus_ipproto" test/fuzz/corpus/ipproto >"$out/fuzz_ipproto.log" 2>&1; then
		runs=$(grep -oE 'Done [0-9]+ runs' "$out/fuzz_ipproto.log" | grep -oE '[0-9]+')
		echo "ok fuzz_ipproto: ${runs:-?} executions in ${secs}s, no crash"
		passed=$((passed + 1))
	else
		echo "not ok fuzz_ipproto: crash (see $out/fuzz_ipproto.log)"
		tail -30 "$out/fuzz_ipproto.log"
		failed=$((failed + 1))
	fi
else
	echo "# fuzz_ipproto skipped"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
