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

# bench_tickets [COUNT [SPAN]]: set 'cache' to the database of COUNT
# tickets (default $TICKETS) received over SPAN seconds up to the last
# one (default 157000000, five years) in bench/data/, building it when it
# is missing or stale.  It is good while the schema, the estate, the
# calendar and the generator are: their hash is kept beside it
# (tickets-COUNT.db.stamp).  Each size has its own file, so the sizes
# stay cached side by side; a span other than five years is in the name
# (tickets-COUNT-SPAN.db).  The build goes to a temporary name first: an
# interrupted one leaves no database that looks good.
bench_tickets() {
	count=${1:-$TICKETS}
	span=${2:-157000000}
	data=$top/bench/data
	cache=$data/tickets-$count.db
	[ "$span" -eq 157000000 ] || cache=$data/tickets-$count-$span.db
	stamp=$(cat "$top"/schema/*.sql "$top/tests/data/ticket-estate.yaml" \
		"$top/tests/data/ticket-calendar-2026.tsv" "$top/bench/gen-tickets.sql" |
		sha256sum | cut -d' ' -f1)
	mkdir -p "$data"
	if [ -f "$cache" ] && [ "$(cat "$cache.stamp" 2>/dev/null)" = "$stamp" ]; then
		return 0
	fi
	rm -f "$cache" "$cache-wal" "$cache-shm" "$cache.stamp" \
	    "$cache.tmp" "$cache.tmp-wal" "$cache.tmp-shm"
	start=$(date +%s)
	if bench_seed "$(basename "$cache")"; then
		echo "migrating a copy of $seed..." >&2
		rm -f "$cache.tmp".v*.bak
		cp "$seed" "$cache.tmp"
		"$bin/pm-db" migrate -d "$cache.tmp" > /dev/null || exit 1
		# pm-db migrate keeps a copy of what it migrated: a copy here.
		rm -f "$cache.tmp".v*.bak
	else
		echo "building $cache ($count tickets over $span s)..." >&2
		"$bin/pm-db" init -d "$cache.tmp" > /dev/null
		"$bin/pm-db" apply -d "$cache.tmp" "$top/tests/data/ticket-estate.yaml" > /dev/null
		sed "s/@COUNT@/$count/g; s/@SPAN@/$span/g" "$top/bench/gen-tickets.sql" |
		    sqlite3 "$cache.tmp" > /dev/null
	fi
	mv "$cache.tmp" "$cache"
	rm -f "$cache.tmp-wal" "$cache.tmp-shm"
	echo "built in $(( $(date +%s) - start )) s, $(( $(wc -c < "$cache") / 1048576 )) MiB" >&2
	echo "$stamp" > "$cache.stamp"
}

# bench_seed NAME: set 'seed' to a database NAME (tickets-COUNT.db) in
# one of the directories of $BENCH_SEED (colon-separated; unset: none)
# that the same generator built from the same estate and calendar under
# an older schema: its stamp is the hash bench_tickets takes over the
# migrations its user_version counts.  bench_tickets copies it and lets
# pm-db migrate add the later migrations, which is much faster than
# generating a million tickets again (another checkout's bench/data
# serves).
bench_seed() {
	seed=
	[ -n "$BENCH_SEED" ] || return 1
	_ifs=$IFS
	IFS=:
	for _d in $BENCH_SEED; do
		IFS=$_ifs
		_s=$_d/$1
		[ -f "$_s" ] && [ -f "$_s.stamp" ] || continue
		_v=$(sqlite3 "$_s" 'PRAGMA user_version') || continue
		_h=$(ls "$top"/schema/*.sql | head -n "$_v" | xargs cat |
		    cat - "$top/tests/data/ticket-estate.yaml" \
		    "$top/tests/data/ticket-calendar-2026.tsv" \
		    "$top/bench/gen-tickets.sql" | sha256sum | cut -d' ' -f1)
		if [ "$(cat "$_s.stamp")" = "$_h" ]; then
			seed=$_s
			return 0
		fi
	done
	IFS=$_ifs
	return 1
}

# bench_estate [COUNT [SPAN]]: set 'estate' to a copy of the database of
# bench_tickets to which bench/gen-estate.sql has added the same span's
# history of the other tools (fees, inspections, visits, training,
# surveys): bench/data/estate-COUNT.db (estate-COUNT-SPAN.db), made
# again whenever the tickets' database or the generator changes.
bench_estate() {
	bench_tickets "$@"
	estate=$data/estate-${cache#$data/tickets-}
	_st=$(cat "$cache.stamp" "$top/bench/gen-estate.sql" | sha256sum |
	    cut -d' ' -f1)
	if [ -f "$estate" ] && [ "$(cat "$estate.stamp" 2>/dev/null)" = "$_st" ]; then
		return 0
	fi
	rm -f "$estate" "$estate-wal" "$estate-shm" "$estate.stamp" \
	    "$estate.tmp" "$estate.tmp-wal" "$estate.tmp-shm"
	echo "adding the tools' history to a copy of $cache..." >&2
	start=$(date +%s)
	cp "$cache" "$estate.tmp"
	sed "s/@SPAN@/$span/g" "$top/bench/gen-estate.sql" > "$estate.sql"
	sqlite3 -bail "$estate.tmp" < "$estate.sql" > /dev/null || exit 1
	rm -f "$estate.sql"
	mv "$estate.tmp" "$estate"
	rm -f "$estate.tmp-wal" "$estate.tmp-shm"
	echo "built in $(( $(date +%s) - start )) s, $(( $(wc -c < "$estate") / 1048576 )) MiB" >&2
	echo "$_st" > "$estate.stamp"
}

# bench_sizes: the ticket counts to measure, $SIZES (default "100000
# 1000000"), each built or found by bench_tickets before anything is
# timed.
bench_sizes() {
	SIZES=${SIZES:-100000 1000000}
	for s in $SIZES; do
		bench_tickets "$s"
	done
}

# bench_rss: set 'rss' to 1 when /usr/bin/time -f %M gives the peak
# resident set of a command (GNU time), else 0.
bench_rss() {
	if [ -x /usr/bin/time ] && /usr/bin/time -f %M true > /dev/null 2>&1; then
		rss=1
	else
		rss=0
	fi
}

# bench_analyzed [COUNT [SPAN]]: set 'analyzed' to a copy of the database
# of bench_tickets on which ANALYZE has run (bench/data/tickets-COUNT-
# analyzed.db), made again whenever the database it copies is.  The
# plans pm gets with statistics must be no worse than without.
bench_analyzed() {
	bench_tickets "$@"
	analyzed=${cache%.db}-analyzed.db
	if [ -f "$analyzed" ] && cmp -s "$cache.stamp" "$analyzed.stamp"; then
		return 0
	fi
	rm -f "$analyzed" "$analyzed-wal" "$analyzed-shm" "$analyzed.stamp"
	echo "analyzing a copy of $cache..." >&2
	cp "$cache" "$analyzed.tmp"
	sqlite3 "$analyzed.tmp" 'ANALYZE'
	mv "$analyzed.tmp" "$analyzed"
	rm -f "$analyzed.tmp-wal" "$analyzed.tmp-shm"
	cp "$cache.stamp" "$analyzed.stamp"
}

# bench_one CMD...: run CMD once with stdout to /dev/null and print
# "MS KB": its wall time (one fork, exec and wait, measured by perl) and,
# when bench_rss found GNU time, its peak resident set ("-" otherwise),
# by way of the file $rss_file.  A failing CMD stops the benchmark.
bench_one() {
	RSS=$rss OUT=${rss_file:?} perl -MTime::HiRes=time -e '
		my @cmd = $ENV{RSS} ? ("/usr/bin/time", "-f", "%M", "-o",
		    $ENV{OUT}, @ARGV) : @ARGV;
		my $t = time;
		my $pid = fork // die "fork: $!\n";
		if ($pid == 0) {
			open STDOUT, ">", "/dev/null" or die;
			exec @cmd or die "exec $cmd[0]: $!\n";
		}
		waitpid $pid, 0;
		my $ms = (time - $t) * 1000;
		$? == 0 or die "failed: @ARGV\n";
		my $kb = "-";
		if ($ENV{RSS} && open my $f, "<", $ENV{OUT}) {
			while (<$f>) { $kb = $1 if /^(\d+)$/ }
		}
		printf "%.2f %s\n", $ms, $kb;
	' -- "$@"
}

# bench_pair: "PM SH", the medians in ms of $N runs each of pm ($PM with
# the words of $ARGS) and of the sqlite3 shell reading $SQL on $DB, run
# alternately, so drifts in the machine's speed hit both alike.  A run is
# one fork, exec and wait, timed by perl.  pm may exit 1: a check that
# found something due or short.
bench_pair() {
	perl -MTime::HiRes=time -e '
	my @pm = ($ENV{PM}, split(/ /, $ENV{ARGS}));
	my @sh = ("sqlite3", "-batch", "-tabs", $ENV{DB});
	sub run {
		my ($in, @cmd) = @_;
		my $t = time;
		my $pid = fork // die "fork: $!\n";
		if ($pid == 0) {
			open STDIN, "<", $in or die "$in: $!\n";
			open STDOUT, ">", "/dev/null" or die;
			exec @cmd or die "exec $cmd[0]: $!\n";
		}
		waitpid $pid, 0;
		$? == 0 || ($? == 256 && $cmd[0] eq $ENV{PM}) or
		    die "failed: @cmd\n";
		time - $t;
	}
	sub median { my @s = sort { $a <=> $b } @_; my $n = @s;
		$n % 2 ? $s[$n / 2] : ($s[$n / 2 - 1] + $s[$n / 2]) / 2 }
	my (@a, @b);
	for (1 .. $ENV{N}) {
		push @a, run("/dev/null", @pm);
		push @b, run($ENV{SQL}, @sh);
	}
	printf "%.2f %.2f\n", median(@a) * 1000, median(@b) * 1000;
	'
}

# bench_peak FILE CMD...: the peak resident set in KB of CMD reading
# FILE, or "-" when bench_rss found no GNU time; by way of $work/rss.
bench_peak() {
	_in=$1
	shift
	if [ "$rss" -eq 1 ]; then
		/usr/bin/time -f %M -o "${work:?}/rss" "$@" < "$_in" > /dev/null 2>&1 || :
		tail -n 1 "$work/rss"
	else
		echo -
	fi
}

# bench_read NAME KEY DB TOOL ARGS...: one read of a pm tool against its
# floor.  TOOL ARGS -o tsv runs on DB at $NOW once with PM_DEBUG_PLAN=1,
# and bench/shell-sql.pl turns the statements it ran, with the values it
# bound, into the shell's SQL; then bench_pair times both and bench_peak
# measures both.  Prints a row: NAME, pm ms, shell ms, pm/shell, pm's
# rows, pm KB, shell KB; appends "KEY PM-MS" to $work/results.
bench_read() {
	_name=$1 _key=$2 _db=$3 _tool=$4
	shift 4
	_base=${work:?}/$(echo "$_key" | tr ' ' -)
	PM_DB=$_db PM_NOW=$NOW PM_DEBUG_PLAN=1 "$bin/$_tool" "$@" -o tsv \
	    > "$_base.out" 2> "$_base.plan" || [ $? -eq 1 ]
	perl "$top/bench/shell-sql.pl" "$_db" "$_base.plan" > "$_base.sql"
	sqlite3 -batch -tabs "$_db" < "$_base.sql" > /dev/null
	_t=$(PM_DB=$_db PM_NOW=$NOW N=${N:?} PM=$bin/$_tool ARGS="$* -o tsv" \
	    DB=$_db SQL=$_base.sql bench_pair)
	_pk=$(PM_DB=$_db PM_NOW=$NOW bench_peak /dev/null "$bin/$_tool" "$@" -o tsv)
	_sk=$(bench_peak "$_base.sql" sqlite3 -batch -tabs "$_db")
	set -- $_t
	echo "$_key $1" >> "$work/results"
	printf '%-30s %9s %9s %8s %6s %8s %8s\n' "$_name" "$1" "$2" \
	    "$(echo "$1 $2" | awk '{ printf "%.2f", $1 / $2 }')" \
	    "$(wc -l < "$_base.out")" "$_pk" "$_sk"
}

# bench_header: the column heads of bench_read's rows.
bench_header() {
	printf '%-30s %9s %9s %8s %6s %8s %8s\n' command pm-ms shell-ms \
	    pm/shell rows pm-KB shell-KB
}
