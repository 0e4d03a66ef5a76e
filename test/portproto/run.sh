#!/usr/bin/env bash
# test/portproto/run.sh -- unit tests of the backend-independent portproto
# core (src/portproto_core.c) and of the fwparse.c additions, built with
# AddressSanitizer and UBSan, then a bounded libFuzzer run of
# test/fuzz/fuzz_portproto.c (FUZZ_SECONDS, default 10; 0 skips it).
# Service names resolve through the real registry, generated from data/.
# Prints "ok"/"not ok" lines and a last line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/../.."
out=test/build/portproto
mkdir -p "$out"
passed=0
failed=0

if ! perl tools/gen_registry.pl -o "$out/registry_data.c" data/services.csv data/defacto.csv; then
	echo "not ok the registry tables could not be generated"
	echo "0 passed, 1 failed"
	exit 1
fi
core="src/portproto_core.c src/port_core.c src/fwparse.c src/registry.c $out/registry_data.c"

cc=${CC:-gcc}
# shellcheck disable=SC2086
if $cc -std=c99 -O1 -g -Wall -Wextra -Werror -Wmissing-prototypes -Wdeclaration-after-statement \
	-fsanitize=address,undefined -fno-sanitize-recover=all -Isrc -o "$out/test_portproto_core" \
	test/portproto/test_portproto_core.c $core; then
	"$out/test_portproto_core" >"$out/unit.log" 2>&1
	grep -E '^(not ok|#)' "$out/unit.log" || true
	line=$(tail -1 "$out/unit.log")
	if [[ $line =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
		passed=$((passed + BASH_REMATCH[1]))
		failed=$((failed + BASH_REMATCH[2]))
		echo "ok portproto_core unit tests: $line"
	else
		echo "not ok portproto_core unit tests crashed"
		cat "$out/unit.log"
		failed=$((failed + 1))
	fi
else
	echo "not ok portproto_core unit tests did not compile"
	failed=$((failed + 1))
fi

secs=${FUZZ_SECONDS:-10}
if [ "$secs" -gt 0 ]; then
	# shellcheck disable=SC2086
	if command -v clang >/dev/null &&
		clang -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -Isrc \
			-o "$out/fuzz_portproto" test/fuzz/fuzz_portproto.c $core 2>"$out/fuzz_build.log"; then
		rm -rf "$out/corpus"
		mkdir -p "$out/corpus"
		if "$out/fuzz_portproto" -max_total_time="$secs" -max_len=4096 \
			"$out/corpus" test/fuzz/corpus/portproto >"$out/fuzz.log" 2>&1; then
			runs=$(grep -oE 'Done [0-9]+ runs' "$out/fuzz.log" | grep -oE '[0-9]+')
			echo "ok fuzz_portproto: ${runs:-?} executions in ${secs}s, no crash"
			passed=$((passed + 1))
		else
			echo "not ok fuzz_portproto: crash (see $out/fuzz.log)"
			tail -30 "$out/fuzz.log"
			failed=$((failed + 1))
		fi
	else
		echo "not ok fuzz_portproto did not build (clang with libFuzzer is needed)"
		cat "$out/fuzz_build.log"
		failed=$((failed + 1))
	fi
else
	echo "# fuzz_portproto skipped (FUZZ_SECONDS=0)"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
