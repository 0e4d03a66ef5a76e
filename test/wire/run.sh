#!/usr/bin/env bash
# test/wire/run.sh -- unit tests of the binary-form readers (src/port_wire.c)
# and a bounded libFuzzer run of them when clang's libFuzzer is there.
# Prints "ok"/"not ok" lines and a last line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/../.."
out=test/build/wire
mkdir -p "$out"
passed=0
failed=0

cc=${CC:-gcc}
if $cc -std=c99 -O1 -g -Wall -Wextra -Werror -fsanitize=address,undefined \
	-fno-sanitize-recover=all -Isrc -o "$out/test_port_wire" \
	test/wire/test_port_wire.c src/port_wire.c; then
	"$out/test_port_wire" >"$out/unit.log" 2>&1
	grep -E '^not ok' "$out/unit.log" | head -20
	line=$(tail -1 "$out/unit.log")
	if [[ $line =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
		passed=$((passed + BASH_REMATCH[1]))
		failed=$((failed + BASH_REMATCH[2]))
		echo "ok port_wire unit tests: $line"
	else
		echo "not ok port_wire unit tests crashed"; cat "$out/unit.log"
		failed=$((failed + 1))
	fi
else
	echo "not ok port_wire unit tests did not compile"
	failed=$((failed + 1))
fi

# bounded fuzzing (FUZZ_SECONDS, default 10; 0 skips).  The seeds are
# written here (they are binary): a port, ranges, an empty range and a
# multirange of two ranges, as the send functions produce them.
secs=${FUZZ_SECONDS:-10}
if [ "$secs" -gt 0 ] && command -v clang >/dev/null &&
	clang -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -Isrc \
		-o "$out/fuzz_wire" test/fuzz/fuzz_wire.c src/port_wire.c 2>"$out/fuzz_build.log"; then
	seeds=$out/seeds_wire
	mkdir -p "$seeds" "$out/corpus_wire"
	printf '\001\273' >"$seeds/port443"
	printf '\002\000\000\000\002\000\026\000\000\000\002\000\027' >"$seeds/range"
	printf '\022\000\000\000\002\004\000' >"$seeds/range_open"
	printf '\001' >"$seeds/empty"
	printf '\000\000\000\002\000\000\000\015\002\000\000\000\002\000\026\000\000\000\002\000\027\000\000\000\001\001' >"$seeds/multi"
	if "$out/fuzz_wire" -max_total_time="$secs" -max_len=4096 \
		"$out/corpus_wire" "$seeds" >"$out/fuzz.log" 2>&1; then
		runs=$(grep -oE 'Done [0-9]+ runs' "$out/fuzz.log" | grep -oE '[0-9]+')
		echo "ok fuzz_wire: ${runs:-?} executions in ${secs}s, no crash"
		passed=$((passed + 1))
	else
		echo "not ok fuzz_wire: crash (see $out/fuzz.log)"
		tail -30 "$out/fuzz.log"
		failed=$((failed + 1))
	fi
else
	echo "# fuzz_wire skipped (FUZZ_SECONDS=$secs or no clang libFuzzer)"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
