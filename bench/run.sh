#!/bin/sh
# Run every benchmark in bench/ with the binaries in $1 first on PATH.
# Each prints its own figures; nothing here is a pass/fail test.
set -e
bin=$(cd "${1:?usage: bench/run.sh BINDIR}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
PATH=$bin:$PATH
export PATH
for b in "$here"/*.sh; do
	case $(basename "$b") in run.sh|lib.sh|gen-*.sh) continue ;; esac
	echo "== $(basename "$b" .sh)"
	sh "$b"
done
