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

# An import reads its input before it takes the write lock: a slow pipe
# (a paper log typed in, a gateway script) never holds the desk up.
printf 'category\tunit\tdescription\n' > "$PM_TMP/log.tsv"
for u in 101 102 201 202 301; do printf 'water-leak\t1-1-%s\t漏水\n' "$u"; done >> "$PM_TMP/log.tsv"
(sleep 3; cat "$PM_TMP/log.tsv") | pm-ticket import > "$PM_TMP/import.out" 2> "$PM_TMP/import.err" &
sleep 1
PM_BUSY_TIMEOUT=500 ok "the desk adds a ticket while the import reads" \
	pm-ticket add -c water-leak -u 2-1-101 厨房漏水
wait
same "the import then wrote all five" 5 "$(wc -l < "$PM_TMP/import.out" | tr -d ' ')"
same "and said nothing" "" "$(cat "$PM_TMP/import.err")"
done_testing
