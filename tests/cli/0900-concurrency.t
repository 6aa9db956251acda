# Several writers at once (cron plus staff at the desk) lose nothing and
# show no "database is locked" within the busy timeout.
. "$PM_TOP/tests/cli/lib.sh"

pm-db init && pm-db apply "$PM_TOP/examples/aijia.yaml" > /dev/null
export PM_USER=zhang.wei
before=$(sqlite3 "$PM_DB" 'SELECT count(*) FROM audit')
for w in 1 2 3 4; do
	(
		for e in 1 2; do
			for f in $((3 * w - 2)) $((3 * w - 1)) $((3 * w)); do
				for r in 1 2; do
					pm-unit set --owner "业主$w$e$f$r" "1-$e-$((f * 100 + r))" 2>&1 >/dev/null
				done
			done
		done > "$PM_TMP/w$w.err"
	) &
done
wait
errs=$(cat "$PM_TMP"/w*.err)
same "no writer saw an error" "" "$errs"
after=$(sqlite3 "$PM_DB" 'SELECT count(*) FROM audit')
same "every change was kept and audited" 48 "$((after - before))"
ok "the database is sound" env PM_NOW=2026-11-20 pm-db check
done_testing
