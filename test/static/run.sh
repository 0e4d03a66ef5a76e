#!/usr/bin/env bash
# test/static/run.sh -- checks on the built library behind doc/security.md's
# claims about the C code: it calls no file, socket or process functions,
# keeps no writable static state, and allocates with malloc/realloc only in
# fw_std_realloc(), the plain-C allocator the unit tests use (the backend
# passes fw_parse() a palloc-based one).
#
# Needs the build (portrange.so and src/*.o; tools/test.sh builds first).
# Prints "ok"/"not ok" lines and "N passed, N failed" last.
set -uo pipefail
cd "$(dirname "$0")/../.."
passed=0
failed=0
ok() { echo "ok $*"; passed=$((passed + 1)); }
notok() { echo "not ok $*"; failed=$((failed + 1)); }

if [ ! -f portrange.so ] || ! command -v nm >/dev/null || ! command -v objdump >/dev/null; then
	echo "# skipped: no portrange.so (run make first) or no binutils"
	echo "0 passed, 0 failed"
	exit 0
fi

imports=$(nm -D -u portrange.so | awk '{print $NF}' | sed 's/@.*//')
forbidden='^(fopen|fopen64|freopen|open|open64|openat|openat64|creat|opendir|socket|connect|bind|listen|accept|accept4|sendto|recvfrom|sendmsg|recvmsg|system|popen|fork|vfork|execv|execve|execvp|execl|execlp|execle|posix_spawn|posix_spawnp|dlopen|getenv|setenv|putenv|unlink|remove|rename|mkdir|rmdir|chmod|pthread_create|signal|sigaction|kill|AllocateFile|OpenTransientFile|PathNameOpenFile|BasicOpenFile|OpenPipeStream)$'
bad=$(echo "$imports" | grep -E "$forbidden" | tr '\n' ' ')
if [ -z "$bad" ]; then
	ok "no file, socket, process or environment calls among $(echo "$imports" | wc -l) imported symbols"
else
	notok "the library imports $bad"
fi

bad=$(echo "$imports" | grep -E '^(malloc|calloc|strdup|strndup|aligned_alloc|posix_memalign)$' | tr '\n' ' ')
if [ -z "$bad" ]; then ok "no malloc/calloc/strdup imported"; else notok "imports $bad"; fi

# realloc()/free() appear only inside fw_std_realloc(), which the backend
# code never passes to fw_parse()
uses=$(grep -nE '(^|[^a-z_])(realloc|free)\(' src/*.c | grep -v 'src/fwparse.c' | tr '\n' ' ')
if [ -z "$uses" ]; then ok "realloc/free used only in src/fwparse.c"; else notok "realloc/free in $uses"; fi
if grep -q fw_std_realloc src/portlist.c src/port.c src/prange.c src/service.c 2>/dev/null; then
	notok "backend code passes fw_std_realloc"
else
	ok "backend code passes its palloc allocator to fw_parse()"
fi

# no writable static state: every .data and .bss section of every object is
# empty (constant tables live in .rodata / .data.rel.ro)
bad=
for o in src/*.o; do
	sz=0
	for h in $(objdump -h "$o" | awk '$2 == ".data" || $2 == ".bss" {print $3}'); do
		sz=$((sz + 16#$h))
	done
	[ "$sz" -eq 0 ] || bad="$bad $o($sz bytes)"
done
if [ -z "$bad" ]; then ok "no writable static data in $(ls src/*.o | wc -l) object files"; else notok "writable static data:$bad"; fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
