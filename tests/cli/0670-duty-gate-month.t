#!/bin/sh
# A scripted month at the fire control room and the gate (issue 9's
# acceptance): November 2026, two guards on each 12-hour shift, an entry
# in the log every 2 hours and a handover at each change of shift; on
# the 17th the 14:00 entry is written at 15:00, a gap of 3 hours that
# the month's check finds, exit 1, for cron.  At the gate, a move
# applied for 20 hours ahead is refused, then allowed by the manager's
# override, which is recorded.
. "$PM_TOP/tests/cli/lib.sh"

# Set up before the month: a post's rule holds from when it is applied.
PM_NOW=2026-10-31T08:00 pm-db init > /dev/null &&
    PM_NOW=2026-10-31T08:00 pm-db apply "$PM_TOP/tests/data/duty-gate-estate.yaml" > /dev/null ||
	{ echo "Bail out! cannot set up the estate"; exit 1; }
export PM_USER=song.tao
PM_NOW=2026-12-01T09:00
export PM_NOW
err() { cat "$PM_TMP/err"; }
out() { cat "$PM_TMP/out"; }

# The roster, from the night of 31 October to the morning of 1 December:
# day shifts 08:00-20:00, night shifts 20:00-08:00.
bad=0
d=2026-10-31
pm-duty shift -q --post fire-control --staff tang.kai,cao.yong \
    --from ${d}T20:00 --to 2026-11-01T08:00 || bad=1
pm-duty log -q --as tang.kai --post fire-control --at ${d}T20:00 接班 || bad=1
for t in 22:00; do
	pm-duty log -q --as tang.kai --post fire-control --at ${d}T$t 巡查正常 || bad=1
done
for i in $(seq 1 30); do
	d=$(printf '2026-11-%02d' "$i")
	next=$(date -d "$d + 1 day" +%F)
	for t in 00:00 02:00 04:00 06:00; do
		pm-duty log -q --as tang.kai --post fire-control --kind 巡查 \
		    --at ${d}T$t 巡查正常 || bad=1
	done
	pm-duty shift -q --post fire-control --staff xie.bin,han.dong \
	    --from ${d}T08:00 --to ${d}T20:00 || bad=1
	pm-duty handover -q --as tang.kai --post fire-control \
	    --to xie.bin,han.dong --at ${d}T08:00 设备正常 无异常 || bad=1
	for t in 10:00 12:00 14:00 16:00 18:00; do
		[ "$d" = 2026-11-17 ] && [ $t = 14:00 ] && t=15:00
		pm-duty log -q --as xie.bin --post fire-control --kind 巡查 \
		    --at ${d}T$t 巡查正常 || bad=1
	done
	pm-duty shift -q --post fire-control --staff tang.kai,cao.yong \
	    --from ${d}T20:00 --to ${next}T08:00 || bad=1
	pm-duty handover -q --as xie.bin --post fire-control \
	    --to tang.kai,cao.yong --at ${d}T20:00 设备正常 无异常 || bad=1
	pm-duty log -q --as tang.kai --post fire-control --kind 巡查 \
	    --at ${d}T22:00 巡查正常 || bad=1
done
same "the month's roster and log written" 0 "$bad"
same "61 shifts of two" 122 "$(pm-duty shifts --post fire-control | wc -l)"
same "and 362 entries" 362 "$(pm-duty entries --post fire-control | wc -l)"

fails 1 "the month's check finds the gap: exit 1" pm-duty check --post fire-control 2026-11
same "one gap of 3 hours (180 minutes), 12:00-15:00 on the 17th" \
    "fire-control	消防控制室	log	2026-11-17T12:00	2026-11-17T15:00	180			0" "$(out)"
fails 1 "so does the day's" pm-duty check --post fire-control 2026-11-17
same "the same gap" "fire-control	消防控制室	log	2026-11-17T12:00	2026-11-17T15:00	180			0" "$(out)"
ok "the day before has none: exit 0" pm-duty check --post fire-control 2026-11-16
same "nothing printed" "" "$(out)"

# December: the rule relaxed to an entry every 4 hours.  November's gap
# stays a gap: a check reads the rule in force at the end of what it
# checks.
sed 's/min_staff: 2, log_every: 2h/min_staff: 2, log_every: 4h/' \
    "$PM_TOP/tests/data/duty-gate-estate.yaml" > "$PM_TMP/relaxed.yaml"
PM_NOW=2026-12-05T09:00 ok "the rule relaxed on 5 December" pm-db apply "$PM_TMP/relaxed.yaml"
PM_NOW=2026-12-06T09:00 fails 1 "November checked again: still the gap" \
    pm-duty check --post fire-control 2026-11
same "the same 3 hours" "fire-control	消防控制室	log	2026-11-17T12:00	2026-11-17T15:00	180			0" "$(out)"
PM_NOW=2026-12-06T09:00 fails 1 "the year so far, read by the rule of its end (now)" \
    pm-duty check --post fire-control 2026
same "the 17th's 3 hours without an entry are no gap by the rule of 4" "" \
    "$(awk -F'\t' '$3 == "log" && $4 == "2026-11-17T12:00"' "$PM_TMP/out")"
PM_NOW=2026-11-17T14:30 fails 1 "the cron run at 14:30 that day finds it under way" \
    pm-duty check --post fire-control
same "2h30 since the last entry, ongoing" \
    "fire-control	消防控制室	log	2026-11-17T12:00	2026-11-17T14:30	150			1" "$(out)"
PM_NOW=2026-11-17T13:30 ok "at 13:30, 1h30 since the last entry: no gap yet" \
    pm-duty check --post fire-control

# The gate, on the 20th at 10:00: a move at 06:00 the next day is 20
# hours ahead.
PM_NOW=2026-11-20T10:00
fails 65 "a move applied for 20 hours ahead is refused" pm-gate move \
    --as xie.bin --unit 3-1-502 --at 2026-11-21T06:00 --direction out --items 家具
same "the message says how far ahead, and what is needed" \
    "pm-gate: move at '2026-11-21T06:00': applied for 20h ahead, 1d is needed (a manager may allow it with --override REASON)" "$(err)"
same "nothing recorded" "" "$(pm-gate list --kind move)"
fails 77 "the guard cannot override" pm-gate move --as xie.bin --unit 3-1-502 \
    --at 2026-11-21T06:00 --direction out --items 家具 --override 业主急需
ok "the manager allows it" pm-gate move --as chen.jing --unit 3-1-502 \
    --at 2026-11-21T06:00 --direction out --items 家具 --override 业主调任外地，清晨搬出
ok "the next day's list shows it, and who allowed it" pm-gate day 2026-11-21
same "the move" "$(out | cut -f1-9,13 | tr '\t' ' ')" \
    "1 2026-11-21T06:00 move 3-1-502    out 家具 chen.jing"
ok "the record keeps the override and when it was applied for" pm-gate show -o json 1
has "recorded" "$(out)" '"applied_at":"2026-11-20T10:00","override_by":"chen.jing","override_reason":"业主调任外地，清晨搬出"'
done_testing
