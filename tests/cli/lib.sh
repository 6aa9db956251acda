# lib.sh - TAP helpers for the CLI tests, sourced by each tests/cli/*.t.
# Each script runs in a fresh temporary directory ($PM_TMP) with the build
# first on PATH; $PM_TOP is the source tree.
#
#   ok NAME CMD...          CMD exits 0
#   fails STATUS NAME CMD... CMD exits STATUS
#   same NAME WANT GOT      two strings are equal (a diff is shown if not)
#   has NAME TEXT PART      TEXT contains PART
#   done_testing            prints the plan; exits non-zero if anything failed

n=0
nfail=0
export PM_DB="$PM_TMP/pm.db"
export PM_USER=tester

_res() {
	n=$((n + 1))
	if [ "$1" = 0 ]; then echo "ok $n - $2"
	else echo "not ok $n - $2"; nfail=$((nfail + 1)); fi
}

ok() {
	name=$1; shift
	"$@" > "$PM_TMP/out" 2> "$PM_TMP/err"
	s=$?
	_res $s "$name"
	[ $s -eq 0 ] || { echo "# exit $s: $*"; sed 's/^/# /' "$PM_TMP/err"; }
}

fails() {
	want=$1 name=$2; shift 2
	"$@" > "$PM_TMP/out" 2> "$PM_TMP/err"
	s=$?
	[ $s -eq "$want" ] && r=0 || r=1
	_res $r "$name"
	[ $r -eq 0 ] || { echo "# exit $s, want $want: $*"; sed 's/^/# /' "$PM_TMP/err"; }
}

same() {
	if [ "$2" = "$3" ]; then _res 0 "$1"
	else
		_res 1 "$1"
		printf '%s\n' "$2" > "$PM_TMP/want"; printf '%s\n' "$3" > "$PM_TMP/got"
		diff -u "$PM_TMP/want" "$PM_TMP/got" | sed 's/^/# /'
	fi
}

has() {
	case "$2" in
	*"$3"*) _res 0 "$1" ;;
	*) _res 1 "$1"; echo "# '$3' not in:"; printf '%s\n' "$2" | sed 's/^/#   /' ;;
	esac
}

# Compare a command's stdout with a golden file under tests/cli/golden/;
# the command must also succeed (exit 0, or GOLDEN_STATUS) and say nothing
# on stderr.
golden() {
	name=$1 file=$2; shift 2
	"$@" > "$PM_TMP/out" 2> "$PM_TMP/err"
	s=$?
	if [ -n "$PM_BLESS" ]; then cp "$PM_TMP/out" "$PM_TOP/tests/cli/golden/$file"; fi
	if cmp -s "$PM_TOP/tests/cli/golden/$file" "$PM_TMP/out" &&
	    [ "$s" -eq "${GOLDEN_STATUS:-0}" ] && [ ! -s "$PM_TMP/err" ]; then
		_res 0 "$name"
	else
		_res 1 "$name"
		echo "# exit $s, want ${GOLDEN_STATUS:-0}: $*"
		diff -u "$PM_TOP/tests/cli/golden/$file" "$PM_TMP/out" | sed 's/^/# /'
		sed 's/^/# stderr: /' "$PM_TMP/err"
	fi
}

sha() { sha256sum "$1" | cut -d' ' -f1; }

done_testing() {
	echo "1..$n"
	[ $nfail -eq 0 ]
}
