#!/bin/sh
# Run the CLI test scripts (TAP) with the build's binaries first on PATH,
# each in its own temporary directory, and print one closing line:
# "cli: N passed, N failed".
: "${PM_TEST_BIN:?set PM_TEST_BIN to the directory holding pm-*}"
top=$(cd "$(dirname "$0")/../.." && pwd)
PATH=$PM_TEST_BIN:$PATH
LC_ALL=C.UTF-8
PM_TOP=$top
export PATH LC_ALL PM_TOP
unset PM_DB PM_NOW PM_USER PM_BUSY_TIMEOUT
pass=0 fail=0 bad=""
for t in "$@"; do
	dir=$(mktemp -d "${TMPDIR:-/tmp}/pm-cli.XXXXXX")
	out=$(cd "$dir" && PM_TMP=$dir sh "$top/$t" 2>&1)
	status=$?
	p=$(printf '%s\n' "$out" | grep -c '^ok ')
	f=$(printf '%s\n' "$out" | grep -c '^not ok ')
	pass=$((pass + p))
	fail=$((fail + f))
	if [ "$f" -gt 0 ] || [ "$status" -ne 0 ]; then
		[ "$f" -gt 0 ] || fail=$((fail + 1))
		bad="$bad $t"
		printf '%s\n' "$out" | sed "s|^|$t: |"
	else
		echo "$t: $p ok"
	fi
	rm -rf "$dir"
done
echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ] || { echo "failed:$bad"; exit 1; }
