#!/bin/sh
# pm-inspect: a scripted quarter at 爱家名邸 (the demo estate), October to
# December 2026, with the estate taken over on 1 July.  What is due and
# overdue (the fire pumps' quarterly flow test, a lift past its 15 days, a
# certificate a month before it expires, the season's work plans) and
# how each clears once recorded; a vacant unit whose water meter moved;
# the failed items as tickets, one each; the self-check the supervisor's
# spot check contradicts; and the intact rates of a past day, unchanged
# by what happens after it.
. "$PM_TOP/tests/cli/lib.sh"

at() { PM_NOW=$1; export PM_NOW; }
out() { cat "$PM_TMP/out"; }
err() { cat "$PM_TMP/err"; }
# The rows of "due" (TSV) for one task: "due status kind place task".
due_of() { pm-inspect due -o tsv | awk -F'\t' -v t="$1" -v p="$2" \
	'$5 == t && $4 == p { print $1, $2, $3, $4, $5, $9, $10 }'; }

at 2026-07-01T08:00
pm-db init > /dev/null && pm-db apply "$PM_TOP/examples/aijia.yaml" > /dev/null &&
	pm-unit import --as zhang.wei "$PM_TOP/examples/owners.csv" > /dev/null ||
	{ echo "Bail out! cannot set up the estate"; exit 1; }
export PM_USER=zhang.wei
vacant=$(pm-unit list -s vacant | head -1 | cut -f1)
[ -n "$vacant" ] || { echo "Bail out! no vacant unit"; exit 1; }

# The lift contractor's last visit before the quarter.
at 2026-09-25T10:00
ok "a lift's 15-day service" pm-inspect maint record --as wu.gang --task service \
	--contractor 迅达电梯维保站 LIFT-3-1

# 2 October: the quarterly flow test, due one quarter after the takeover,
# has not been done: overdue.
at 2026-10-02T08:00
fails 1 "due exits 1: something is overdue" pm-inspect due
same "the fire pumps' flow test is overdue" \
	"2026-10-01 overdue maintenance FP-1 flow-test 1 0" "$(due_of flow-test FP-1)"
same "the lift is not due yet" "" "$(due_of service LIFT-3-1)"
same "the leaves of October, the first day not cleared" \
	"2026-10-01 overdue work  cln-leaves 1 0" "$(pm-inspect due -o tsv | awk -F'\t' '$5 == "cln-leaves" { print $1, $2, $3, $4, $5, $9, $10 }')"
for p in FP-1 FP-2 SP-1; do
	ok "flow test of $p" pm-inspect maint record --as wu.gang --task flow-test "$p"
done
same "the flow test clears once recorded" "" "$(due_of flow-test FP-1)"
ok "leaves cleared today" pm-inspect work done --as lin.meiling cln-leaves
same "the missed day stays overdue today" "2026-10-01 overdue" \
	"$(pm-inspect due -o tsv | awk -F'\t' '$5 == "cln-leaves" { print $1, $2 }')"
at 2026-10-03T08:00
same "the next day, yesterday was done: today is due" "2026-10-03 due" \
	"$(pm-inspect due -o tsv | awk -F'\t' '$5 == "cln-leaves" { print $1, $2 }')"

# 10 October: the lift is due; the 11th, past its 15 days (a hard limit).
at 2026-10-10T08:00
same "the lift is due on its 15th day" \
	"2026-10-10 due maintenance LIFT-3-1 service 0 1" "$(due_of service LIFT-3-1)"
at 2026-10-11T08:00
same "and overdue the day after, a hard limit" \
	"2026-10-10 overdue maintenance LIFT-3-1 service 1 1" "$(due_of service LIFT-3-1)"
fails 65 "a next due day past the hard limit is refused" pm-inspect maint record \
	--as wu.gang --task service --next-due 2026-10-30 LIFT-3-1
has "naming the limit" "$(err)" "past the hard limit"
ok "the lift serviced" pm-inspect maint record --as wu.gang --task service LIFT-3-1
same "the lift clears once recorded" "" "$(due_of service LIFT-3-1)"
at 2026-10-26T08:00
same "and is due again 15 days later" \
	"2026-10-26 due maintenance LIFT-3-1 service 0 1" "$(due_of service LIFT-3-1)"

# The certificates of building 5's lifts expire on 15 December: listed from
# a month before, and renewed by the yearly inspection's record.
at 2026-11-14T08:00
same "a month and a day before: not yet" "" "$(due_of certificate LIFT-5-1)"
at 2026-11-15T08:00
same "a month before it expires: listed" \
	"2026-12-15 due certificate LIFT-5-1 certificate -30 1" "$(due_of certificate LIFT-5-1)"
ok "the yearly inspection passed, a new certificate" pm-inspect maint record \
	--as wang.qiang --task statutory --certificate 2027-12-15 LIFT-5-1
same "the certificate clears" "" "$(due_of certificate LIFT-5-1)"
same "its successor is in force" "2027-12-15" \
	"$(pm-inspect facility list -o json | python3 -c 'import json, sys
for l in sys.stdin:
	f = json.loads(l)
	if f["code"] == "LIFT-5-1": print(f["certificate"])')"

# A vacant unit, checked monthly with its two meter readings.
at 2026-10-05T10:00
ok "October's check of a vacant unit" pm-inspect record --as chen.jing \
	-c vacant-unit -u "$vacant" 4=1234.5 5=880
same "passes" "pass" "$(pm-inspect show -o json "$(out)" | python3 -c 'import json, sys; print(json.load(sys.stdin)["result"])')"
at 2026-11-04T08:00
same "the unit is not due before its month" "" "$(due_of vacant-unit "$vacant")"
at 2026-11-05T08:00
same "a month on, it is due" "2026-11-05 due vacant $vacant vacant 0 0" \
	"$(due_of vacant "$vacant")"
at 2026-11-05T10:00
ok "November's check: the water meter moved" pm-inspect record --as chen.jing \
	-c vacant-unit -u "$vacant" 4=1236.2 5=880
check=$(out)
same "the check fails" "fail	1" "$(pm-inspect list -o tsv --unit "$vacant" | awk -F'\t' -v id="$check" '$1 == id { print $8 "\t" $9 }')"
same "on the water meter, against last month's reading" "4	fail	1236.2	1234.5	m³" \
	"$(pm-inspect items "$check" | awk -F'\t' '$4 == "fail" { print $2 "\t" $4 "\t" $5 "\t" $6 "\t" $7 }')"
same "the check clears it from due" "" "$(due_of vacant "$vacant")"

# The three levels: the fire pump room's self-check passes what the
# supervisor's spot check fails the same day.
at 2026-11-20T09:00
ok "wu.gang's self-check passes all" pm-inspect record --as wu.gang -c fire-pump-room \
	-u P-PUMP 2=0.65
self=$(out)
at 2026-11-20T15:00
ok "the supervisor's spot check fails the valves" pm-inspect record --as wang.qiang \
	-c fire-pump-room -u P-PUMP 2=0.65 3=fail:二号泵出口阀未铅封
spot=$(out)
ok "compare" pm-inspect compare 2026-11
same "flags the self-check whose item the supervisor failed" \
	"wu.gang	self	$self	2026-11-20	fire-pump-room	P-PUMP	3	wang.qiang	supervisor	$spot	二号泵出口阀未铅封" \
	"$(cut -f1-7,9-12 "$PM_TMP/out")"
ok "compare --summary" pm-inspect compare --summary 2026-11
same "by inspector: one check, six items, one missed" "wu.gang	吴刚	1	6	1	16.7" "$(out)"

# The failed items of November, as tickets: one each, at its place.
at 2026-12-01T08:00
ok "November's failures" pm-inspect failures 2026-11
nfailed=$(($(wc -l < "$PM_TMP/out") - 1))
same "two failed items: the meter and the valves" "2" "$nfailed"
before=$(pm-ticket list --all | wc -l)
ok "piped into pm-ticket import" sh -c 'pm-inspect failures 2026-11 | pm-ticket import'
same "one ticket per failed item" "$nfailed" "$(($(pm-ticket list --all | wc -l) - before))"
same "at their places, by their inspectors, from the inspection" \
	"$vacant	water-leak	chen.jing	inspection
P-PUMP	fire-equipment	wang.qiang	inspection" \
	"$(pm-ticket list --all | cut -f1 | pm-ticket show -o json - | python3 -c 'import json, sys
for l in sys.stdin:
	t = json.loads(l)
	print("\t".join([t["unit"], t["category"], t["receiver"], t["source"]]))')"

# The intact rates of 31 October, asked on 1 November and again after the
# states and grades changed: the same.
at 2026-10-15T09:00
ok "building 5 surveyed: good" pm-inspect grade set --grade good 5
ok "building 7: basically good" pm-inspect grade set --grade basic 7
at 2026-10-20T09:00
ok "the fire panel faulty" pm-inspect facility set-state --state faulty --reason 主机通讯故障 FAS-1
at 2026-11-01T08:00
ok "the rates of 31 October" pm-inspect rates 2026-10-31
oct=$(out)
# Building 5: 60 units of 89.50 m², 60 of 143.80 and 12 of 95.20 (the
# ground floor), 15140.40 m²; building 7: 88 units of 89.50, 7876.00 m².
same "housing intact: 23016.40 of 23016.40 m², 100.0%" \
	"housing_intact	23016.40	23016.40	100.0	98.00" \
	"$(printf '%s\n' "$oct" | grep '^housing_intact')"
same "facility intact: one of 40 faulty" "facility_intact	39	40	97.5	95.00" \
	"$(printf '%s\n' "$oct" | grep '^facility_intact')"
at 2026-11-10T09:00
ok "a unit of building 5 damaged" pm-inspect grade set --grade dangerous -r 外墙开裂 5-1-101
ok "the fire panel repaired" pm-inspect maint record --done 更换通讯板 --cost 1200 FAS-1
ok "a lift out of service" pm-inspect facility set-state --state out_of_service \
	--reason 曳引机异响 LIFT-6-2
at 2026-12-01T09:00
ok "31 October asked again" pm-inspect rates 2026-10-31
same "reads the same" "$oct" "$(out)"
ok "30 November" pm-inspect rates 2026-11-30
same "shows the damage: 95.20 m² less, 99.586% rounded to 99.6" \
	"housing_intact	22921.20	23016.40	99.6	98.00" "$(grep '^housing_intact' "$PM_TMP/out")"
same "and the lift" "facility_intact	39	40	97.5	95.00" "$(grep '^facility_intact' "$PM_TMP/out")"
# What was due on a past day reads the same after later records, the
# last record of each plan and place being kept beside the records
# (0011): December's lift service and water-tank check, asked for the
# day before them and again a fortnight on, the lift's record dated back
# moving nothing.
at 2026-12-02T08:00
pm-inspect due -o tsv 2026-12-01 > "$PM_TMP/due-1201"
at 2026-12-02T10:00
ok "the lift serviced on 2 December" pm-inspect maint record --as wu.gang --task service LIFT-3-1
ok "the water tank checked" pm-inspect record --as wu.gang -c water-supply -f TANK-1
at 2026-12-03T08:00
pm-inspect due -o tsv 2026-12-02 > "$PM_TMP/due-1202"
at 2026-12-03T10:00
ok "and again on 3 December" pm-inspect maint record --as wu.gang --task service LIFT-3-1
ok "a service of 30 November, recorded late" pm-inspect maint record --as wu.gang \
	--task service --at 2026-11-30T10:00 LIFT-3-1
ok "the tank checked again" pm-inspect record --as wu.gang -c water-supply -f TANK-1
ok "a check of 1 December, recorded late" pm-inspect record --as wu.gang -c water-supply \
	--at 2026-12-01T10:00 -f TANK-1
at 2026-12-20T08:00
same "the lift counts from its last service, not the late record" \
	"2026-12-18 overdue maintenance LIFT-3-1 service 2 1" "$(due_of service LIFT-3-1)"
same "the tank from its last check" "2027-01-03" \
	"$(pm-inspect due -o tsv 2027-01-05 | awk -F'\t' '$3 == "round" && $4 == "TANK-1" { print $1 }')"
pm-inspect due -o tsv 2026-12-02 > "$PM_TMP/due-1202-again"
same "2 December reads as it did: its records came first" \
	"$(cat "$PM_TMP/due-1202")" "$(cat "$PM_TMP/due-1202-again")"
# 1 December: the two records made late count for it; nothing else moved.
lift1201() { awk -F'\t' '$5 == "service" && $4 == "LIFT-3-1" { print $1, $2 }' "$1"; }
tank1201() { awk -F'\t' '$3 == "round" && $4 == "TANK-1" { print $1, $2 }' "$1"; }
same "the lift was overdue on 1 December" "2026-10-26 overdue" "$(lift1201 "$PM_TMP/due-1201")"
same "the tank, never checked, overdue since August" "2026-08-01 overdue" "$(tank1201 "$PM_TMP/due-1201")"
pm-inspect due -o tsv 2026-12-01 > "$PM_TMP/due-1201-again"
same "asked again, the late service of 30 November clears it" "" "$(lift1201 "$PM_TMP/due-1201-again")"
same "and the late check of the tank" "" "$(tank1201 "$PM_TMP/due-1201-again")"
same "the rest of 1 December reads as it did" \
	"$(grep -v 'LIFT-3-1	service\|TANK-1' "$PM_TMP/due-1201")" \
	"$(grep -v 'LIFT-3-1	service\|TANK-1' "$PM_TMP/due-1201-again")"
done_testing
