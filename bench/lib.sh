# lib.sh - what the benchmarks share; sourced, never run by bench/run.sh.
# The sourcing script sets 'top' (the source tree) first.

# bench_bin [DIR]: set 'bin' to the binaries: DIR, else the directory of
# the pm-db on PATH (bench/run.sh puts the build there), else build/bin.
bench_bin() {
	if [ -n "$1" ]; then
		bin=$1
	elif command -v pm-db > /dev/null; then
		bin=$(dirname "$(command -v pm-db)")
	else
		bin=$top/build/bin
	fi
	bin=$(cd "$bin" && pwd)
}

# bench_need NAME...: stop unless each pm binary in $bin (pm-*) or tool
# on PATH (anything else) is there.
bench_need() {
	for t in "$@"; do
		case $t in
		pm-*)	[ -x "$bin/$t" ] || { echo "$(basename "$0"): $bin/$t: not built (run make)" >&2; exit 1; } ;;
		*)	command -v "$t" > /dev/null || { echo "$(basename "$0"): needs $t" >&2; exit 1; } ;;
		esac
	done
}

# bench_tickets: set 'cache' to the database of $TICKETS tickets in
# bench/data/, building it when it is missing or stale.  It is good while
# the schema, the estate and the generator are.
bench_tickets() {
	data=$top/bench/data
	cache=$data/tickets-$TICKETS.db
	stamp=$(cat "$top"/schema/*.sql "$top/tests/data/ticket-estate.yaml" \
		"$top/tests/data/ticket-calendar-2026.tsv" "$top/bench/gen-tickets.sql" |
		sha256sum | cut -d' ' -f1)
	mkdir -p "$data"
	if [ -f "$cache" ] && [ "$(cat "$cache.stamp" 2>/dev/null)" = "$stamp" ]; then
		return 0
	fi
	rm -f "$cache" "$cache-wal" "$cache-shm" "$cache.stamp"
	echo "building $cache ($TICKETS tickets)..."
	start=$(date +%s)
	"$bin/pm-db" init -d "$cache" > /dev/null
	"$bin/pm-db" apply -d "$cache" "$top/tests/data/ticket-estate.yaml" > /dev/null
	sed "s/@COUNT@/$TICKETS/g" "$top/bench/gen-tickets.sql" | sqlite3 "$cache" > /dev/null
	echo "built in $(( $(date +%s) - start )) s"
	echo "$stamp" > "$cache.stamp"
}
