# Every binary has a man page that passes mandoc -Tlint, and its usage
# (--help) is the SYNOPSIS of that page, form for form.
. "$PM_TOP/tests/cli/lib.sh"

synopsis() {
	mandoc -Tascii -Owidth=1000 "$1" | sed 's/.\x08//g' |
	    sed -n '/^SYNOPSIS/,/^[A-Z]/p' | sed '1d;$d' |
	    sed 's/^ *//; s/  */ /g' | grep -v '^$'
}

for c in "$PM_TOP"/cmd/pm-*.c; do
	b=$(basename "$c" .c)
	page="$PM_TOP/man/man1/$b.1"
	if [ ! -f "$page" ]; then
		_res 1 "$b has a man page"
		continue
	fi
	_res 0 "$b has a man page"
	lint=$(mandoc -Tlint -Wwarning "$page" 2>&1)
	same "$b.1 passes mandoc -Tlint" "" "$lint"
	help=$("$b" --help | sed 's/^usage: //; s/^ *//; s/  */ /g')
	same "$b --help is the SYNOPSIS of $b(1)" "$(synopsis "$page")" "$help"
	fails 64 "$b with no arguments is a usage error" "$b"
	fails 0 "$b -h" "$b" -h
	ok "$b --version" "$b" --version
	has "$b --version names the version" "$(cat "$PM_TMP/out")" "$b (pm) "
	fails 64 "$b with an unknown command" "$b" no-such-verb
	fails 64 "$b VERB with an unknown option" "$b" "$(sed -n 's/^.Cm \([a-z]*\)$/\1/p' "$page" | head -1)" --no-such-option
	has "the unknown option is named" "$(cat "$PM_TMP/err")" "'--no-such-option'"
	# VERB --help: that verb's usage, each option it has with what it
	# does, and the shared options; an unknown option: that usage only.
	synopsis "$page" | while read -r prog verb rest; do
		# A verb of a group ("facility list") is two words: the group
		# alone lists the usage of each of its verbs.
		if [ "$("$b" "$verb" --help 2>/dev/null |
		    grep -c '^usage: \|^       ')" -gt 1 ]; then
			sub=${rest%% *}
			rest=${rest#"$sub"}
			rest=${rest# }
			verb="$verb $sub"
		fi
		# shellcheck disable=SC2086 # a verb may be two words
		"$b" $verb --help > "$PM_TMP/vhelp" 2>&1
		s=$?
		first=$(head -1 "$PM_TMP/vhelp")
		missing=""
		for o in $(printf '%s\n' "$rest" | grep -o -- '--[a-z-]*'); do
			grep -q -- "$o" "$PM_TMP/vhelp" || missing="$missing $o"
		done
		if [ $s -eq 0 ] && [ "$first" = "usage: $prog $verb${rest:+ $rest}" ] &&
		    [ -z "$missing" ] && grep -q -- "--format format" "$PM_TMP/vhelp"; then
			echo "ok"
		else
			echo "not ok: $prog $verb: exit $s, first line '$first', missing:$missing"
		fi
		# shellcheck disable=SC2086
		"$b" $verb --no-such-option > /dev/null 2> "$PM_TMP/verr"
		if [ "$(grep -c '^usage: \|^       ' "$PM_TMP/verr")" -eq 1 ] &&
		    grep -q "^usage: $prog $verb" "$PM_TMP/verr"; then
			echo "ok"
		else
			echo "not ok: $prog $verb --no-such-option shows more than its usage"
		fi
	done > "$PM_TMP/verbs"
	same "$b VERB --help: the verb's usage, options and shared options; bad options show that usage alone" \
		"" "$(grep -v '^ok$' "$PM_TMP/verbs")"
done

for p in "$PM_TOP"/man/man5/*.5 "$PM_TOP"/man/man7/*.7; do
	lint=$(mandoc -Tlint -Wwarning "$p" 2>&1)
	same "$(basename "$p") passes mandoc -Tlint" "" "$lint"
done
done_testing
