#!/bin/sh
# The demo month (examples/demo-month.sh, what "make demo" runs) on a
# database of its own: it plays to the end with nothing on standard error,
# prints the month's report as pm-report prints it, and the figures are
# those worked out by hand from the script's schedule, so that the demo
# cannot rot silently when a tool changes.
. "$PM_TOP/tests/cli/lib.sh"
out() { cat "$PM_TMP/out"; }
err() { cat "$PM_TMP/err"; }

export PM_DB="$PM_TMP/month.db"
ok "the month plays through" sh "$PM_TOP/examples/demo-month.sh"
played=$(out)
same "nothing on standard error" "" "$(err)"
same "a line for each day of November" "30" \
	"$(printf '%s\n' "$played" | grep -c '^11月[0-3][0-9]日 周')"
has "the estate's summary first" "$played" "all       爱家名邸    592       360      90     142  66298.10"

export PM_NOW=2026-12-01T07:00
ok "the month's report" pm-report monthly 2026-11
same "is what the demo ends with" "$(out)" \
	"$(printf '%s\n' "$played" | sed '1,/^== 2026-12-01 07:00 pm-report monthly 2026-11$/d')"

ok "its figures" pm-report monthly -o tsv 2026-11
# By hand, from the schedule:
#   complaints c1-c14: c13 and c14 are due in December; of the 12 due,
#     c5 (slowfb) had its feedback late                               11/12
#   repairs r1-r50, w1-w2 (visits), f1-f7 (failed checks): 59; r19
#     cancelled and the 11 received from the 24th due in December;
#     r11 and r29 late, r43 open since the 19th                       44/47
#   resolved in November: 56 repairs (not r19, r43, r49) and 13
#     complaints (not c13); r23 and c14 never called back              67/69
#   callbacks: those 67, the second of r7 and r28, and s1 and s2; the
#     first of r7 and r28 dissatisfied                                 69/71
#   first-time fix: of the 69, r7 and r28 reopened                     67/69
#   housing: 7-1-101 (89.50 m²) found damaged, of 66298.10 m²
#   billed: each unit's area × 1.85, rounded half up once a line
#     (89.50 m²: 165.575 = 165.58), × the units of each area: 278 × 165.58
#     + 138 × 222.56 + 160 × 266.03 + 2 × 496.54 + 103.60 + 134.13
#     + 12 × 176.12 = 122653.57, and one parking space 80.00  = 122733.57
#   survey: every fifth of the 450 households, 6 lines                  /540
#   visits: 5 × 5 × 21 working days + the manager's 5, sun.li two
#     short on each of the four Fridays                               522/530
#   training: 5 weeks (26 Oct - 29 Nov) × 7; greening none in the week
#     of 9 November, security two of three in the week of 23rd         33/35
same "every figure, as worked out by hand" \
"complaint_timeliness 11 12 0
repair_timeliness 44 47 0
callback_rate 67 69 0
callback_satisfaction 69 71 1
first_time_fix 67 69 1
facility_intact 40 40 1
housing_intact 66208.60 66298.10 1
collection_rate_denominator 122733.57
owner_satisfaction_denominator 540
walk_visits 522 530 0
training 33 35 0" \
	"$(awk -F'\t' '
		$2 == "collection_rate" || $2 == "owner_satisfaction" { print $2 "_denominator", $5; next }
		$2 !~ /^(arrears|combined|owner)/ { print $2, $4, $5, $8 }' "$PM_TMP/out")"

# The defaulters: units n % 13 = 5 of the 592 paid nothing since
# September (46), a third of them (n % 39 = 18, 15) all in November; the
# fee is due at the month's end, so November is past due on 1 December.
ok "persistent defaulters" pm-fee arrears --min-months 3 --count 2026-12-01
same "31 units owe three months" "31" "$(out)"
ok "on the last day of November" pm-fee arrears --min-months 2 --count 2026-11-30
same "they owe two" "31" "$(out)"
# So the month's report, as of the end of 30 November (when November's
# fee is due, not yet past due), has no persistent defaulter: the
# estate's persistent_after is 3.
ok "the report's count" pm-report monthly 2026-11
has "none owes three months at the month's end" "$(out)" "persistent defaulters                      0"
has "an empty list" "$(out)" "Persistent defaulters
(none)"

# The self-checks a higher level contradicted: the play area's bins (12th),
# the pump room's valve seal (20th), the car park's fire lane (26th), and
# the lead's pass of r28's repair the supervisor failed (no signature).
ok "the disagreements" pm-inspect compare 2026-11
same "four, by inspector and item" \
"lin.meiling self cleaning P-PLAY 3
tang.kai self security-patrol P-PARK-B1 1
wu.gang self fire-pump-room P-PUMP 3
zhou.jun lead repair-check $(pm-ticket list --all -o tsv --unit 5-2-503 --category water-leak | cut -f1 | sed 's/^/#/') 4" \
	"$(awk -F'\t' '{ print $1, $2, $5, $6, $7 }' "$PM_TMP/out")"

fails 1 "the extinguishers of buildings 7 and 8 are overdue" pm-inspect due
same "and nothing else" "EXT-7 visual
EXT-8 visual" "$(pm-inspect due -o tsv | awk -F'\t' '$2 == "overdue" { print $4, $5 }')"

# Never over a database that is there.
fails 73 "refuses a database that exists" sh "$PM_TOP/examples/demo-month.sh"
has "and says why" "$(err)" "month.db exists"
done_testing
