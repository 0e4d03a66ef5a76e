#!/usr/bin/env bash
# test/endpoint/run.sh -- unit tests of the backend-independent endpoint
# and Community ID cores, and bounded libFuzzer runs of both when clang's
# libFuzzer is there.  Prints "ok"/"not ok" lines and a last line
# "N passed, N failed".
#
# The Community ID test checks the specification's reference vectors
# (test/fixtures/community-id/vectors.tsv) with OpenSSL's SHA-1 from
# libcrypto (libssl-dev), linked into the test only; as root the script
# installs libssl-dev when it is missing.
#
# Environment: CC (default gcc), FUZZ_SECONDS (default 10; 0 skips fuzzing).
set -uo pipefail
cd "$(dirname "$0")/../.."
out=test/build/endpoint
mkdir -p "$out"
passed=0
failed=0
cc=${CC:-gcc}
CFLAGS="-std=c99 -O1 -g -Wall -Wextra -Werror -Wmissing-prototypes -Wdeclaration-after-statement"
SAN="-fsanitize=address,undefined -fno-sanitize-recover=all"

# unit NAME LIBS SOURCES... -- compile with the sanitizers, run, count
unit() {
	local name=$1 libs=$2
	shift 2
	# shellcheck disable=SC2086
	if $cc $CFLAGS $SAN -Isrc -o "$out/$name" "$@" $libs 2>"$out/$name.build.log"; then
		"$out/$name" test/fixtures/community-id/vectors.tsv >"$out/$name.log" 2>&1
		grep -E '^not ok|^#' "$out/$name.log" || true
		local line
		line=$(tail -1 "$out/$name.log")
		if [[ $line =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
			passed=$((passed + BASH_REMATCH[1]))
			failed=$((failed + BASH_REMATCH[2]))
			echo "ok $name: $line"
		else
			echo "not ok $name crashed"
			tail -30 "$out/$name.log"
			failed=$((failed + 1))
		fi
	else
		echo "not ok $name did not compile"
		cat "$out/$name.build.log"
		failed=$((failed + 1))
	fi
}

unit test_endpoint_core "" test/endpoint/test_endpoint_core.c src/endpoint_core.c

if [ ! -f /usr/include/openssl/sha.h ] && [ "$(id -u)" -eq 0 ]; then
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libssl-dev >/dev/null 2>&1 ||
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libssl-dev >/dev/null; }
fi
if [ -f /usr/include/openssl/sha.h ]; then
	unit test_community_id -lcrypto test/endpoint/test_community_id.c \
		src/community_id.c src/endpoint_core.c
else
	echo "not ok test_community_id: libssl-dev (OpenSSL's SHA-1) is not installed"
	failed=$((failed + 1))
fi

# bounded fuzzing (FUZZ_SECONDS, default 10; 0 skips)
secs=${FUZZ_SECONDS:-10}
fuzz() {
	local name=$1 corpus=$2
	shift 2
	if [ "$secs" -gt 0 ] && command -v clang >/dev/null &&
		clang -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -Isrc \
			-o "$out/$name" "$@" 2>"$out/$name.build.log"; then
		mkdir -p "$out/corpus_$name"
		if "$out/$name" -max_total_time="$secs" -max_len=4096 \
			"$out/corpus_$name" "test/fuzz/corpus/$corpus" >"$out/$name.log" 2>&1; then
			runs=$(grep -oE 'Done [0-9]+ runs' "$out/$name.log" | grep -oE '[0-9]+')
			echo "ok $name: ${runs:-?} executions in ${secs}s, no crash"
			passed=$((passed + 1))
		else
			echo "not ok $name: crash (see $out/$name.log)"
			tail -30 "$out/$name.log"
			failed=$((failed + 1))
		fi
	else
		echo "# $name skipped (FUZZ_SECONDS=$secs or no clang libFuzzer)"
	fi
}
fuzz fuzz_endpoint endpoint test/fuzz/fuzz_endpoint.c src/endpoint_core.c
fuzz fuzz_community_id community_id test/fuzz/fuzz_community_id.c src/community_id.c

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
