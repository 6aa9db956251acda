#!/bin/sh
# pm-report on a scripted month (tests/data/report-month.sh): every
# numerator and denominator worked out by hand, the records behind each
# figure, the counts and the lists, the appraisal and its service star,
# the callback analysis; a KPI with nothing to count prints "—"; and the
# month's report reads the same, byte for byte, after the desk has gone
# on working in December.
. "$PM_TOP/tests/cli/lib.sh"
. "$PM_TOP/tests/data/report-month.sh"
out() { cat "$PM_TMP/out"; }
zh() { env LANG=zh_CN.UTF-8 LC_ALL= LANGUAGE= "$@"; }
err() { cat "$PM_TMP/err"; }

# The morning of 1 December: the month is over.
at 2026-12-01T07:00
golden "the monthly report of last month" report-2026-11.txt pm-report monthly
nov_text=$(out)
ok "the same named" pm-report monthly 2026-11
same "reads the same" "$nov_text" "$(out)"
golden "in Chinese" report-2026-11.zh.txt zh pm-report monthly 2026-11
ok "for programs" pm-report monthly -o tsv 2026-11
nov_tsv=$(out)
# By hand (the comments of report-month.sh):
#   complaints due: C1 met, C2 feedback late, C4 overdue (C3 moved) 1/3
#   repairs due: R9 R1 R3 W1 met, R2 late, R6 overdue, R8 cancelled
#   late (R4 paused and R5 cancelled before it are out)              4/7
#   callback rate: R9 R1 R2 R3 W1 C1 C2 called back, R7 not         7/8
#   callbacks: 8 in November, R3's first dissatisfied                 7/8
#   first-time fix: the 8 resolved, R3 reopened                       7/8
same "every numerator and denominator, as worked out by hand" \
"2026-11	complaint_timeliness	count	1	3	33.3	100	0
2026-11	repair_timeliness	count	4	7	57.1	95	0
2026-11	callback_rate	count	7	8	87.5	100	0
2026-11	callback_satisfaction	count	7	8	87.5	95	0
2026-11	first_time_fix	count	7	8	87.5		" "$(printf '%s\n' "$nov_tsv" | head -5)"
# The other tools recorded nothing: their figures have nothing to count.
same "the other sources' figures, each 0 of 0 with no rate" \
"facility_intact 0 0  95
housing_intact 0.00 0.00  98
collection_rate 0.00 0.00  85
arrears_recovery 0.00 0.00  
combined_collection 0.00 0.00  
owner_satisfaction 0 0  95
walk_visits 0 0  100
training 0 0  100" "$(printf '%s\n' "$nov_tsv" | awk -F'\t' 'NR > 5 { print $2, $4, $5, $6, $7 }')"
ok "as JSON" pm-report monthly -o json 2026-11
cp "$PM_TMP/out" "$PM_TMP/json"
ok "which parses, one object a figure, numbers bare" python3 -c '
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert [r["kpi"] for r in rows][:5] == ["complaint_timeliness", "repair_timeliness",
    "callback_rate", "callback_satisfaction", "first_time_fix"], rows
assert len(rows) == 13, rows
assert rows[1] == {"period": "2026-11", "kpi": "repair_timeliness", "unit": "count",
    "numerator": 4, "denominator": 7, "rate": 57.1, "target": 95, "met": 0}, rows[1]
assert rows[4]["target"] is None and rows[4]["met"] is None' "$PM_TMP/json"
ok "as CSV with a header" pm-report monthly -o csv 2026-11
same "the header" "period,kpi,unit,numerator,denominator,rate,target,met" "$(head -1 "$PM_TMP/out" | tr -d '\r')"

# The records behind each figure, with why.
for k in complaint_timeliness repair_timeliness callback_rate callback_satisfaction first_time_fix; do
	golden "explain $k" "report-explain-$k.tsv" pm-report explain -o tsv $k 2026-11
done
golden "explain for people" report-explain.txt pm-report explain repair_timeliness 2026-11
golden "by its Chinese name, in Chinese" report-explain.zh.txt zh pm-report explain 维修及时率 last-month
ok "explain sums to the figure" sh -c 'pm-report explain -o tsv repair_timeliness 2026-11 |
	awk -F"\t" "{ n += \$2; d += \$3 } END { print n \"/\" d }"'
same "4/7" "4/7" "$(out)"

# The counts: by kind and department; the lists.
same "the counts by kind" "repair             9         7          2           2        1
complaint          4         2          0           2        1
inquiry            1         1          0           0        0
suggestion         1         0          0           1        1
all               15        10          2           5        3" \
	"$(printf '%s\n' "$nov_text" | sed -n '/^Tickets by kind/,/^$/p' | sed -n '3,7p')"
same "overdue at the month's end: S1, R6 and C4, each by its first missed deadline" \
	"8 11 15" "$(printf '%s\n' "$nov_text" | sed -n '/^Overdue/,/^$/p' | awk 'NR > 2 && NF { printf "%s%s", s, $1; s = " " }')"
has "the level 1 event told in time" "$nov_text" "13  2026-11-12T09:00  add       water-outage  3-1-502  2026-11-12T09:05  2026-11-12T09:02  called_back"
has "the escalation never told" "$nov_text" "15  2026-11-25T09:00  escalate  noise         3-2-301  2026-11-25T09:05                    new"

# The appraisal, by staff and by department (no visit or training
# quota in this estate, no month-end test, no self-check: 0 of 0, and
# no score).
ok "by staff" pm-report monthly --by staff -o tsv 2026-11
nov_staff=$(out)
# zhang.wei received 11 (3/7 in time: R9 R1 C1 met; R2 R6 R8 C2 not),
# answered I1; li.na received 4 (R3 W1 met, C4 overdue); wang.qiang
# resolved R9 R1 R3 R3 R2 W1 R7 (R3 reopened), callbacks 5 of 6;
# zhao.lei C1 and C2.  No one meets the star's rule: zhang.wei is late,
# wang.qiang has a dissatisfied callback, the others did too little.
same "each person's numbers, by hand" \
"2026-11	wang.qiang	王强	engineering	0	7	0	0	5	6	5	6	0	0	0			0	0
2026-11	zhao.lei	赵磊	engineering	0	2	0	0	2	2	2	2	0	0	0			0	0
2026-11	chen.jing	陈静	service	0	0	0	0	0	0	0	0	0	0	0			0	0
2026-11	li.na	李娜	service	4	0	2	3	0	0	0	0	0	0	0			0	0
2026-11	zhang.wei	张伟	service	11	1	3	7	0	0	0	0	0	0	0			0	0" "$nov_staff"
ok "by department" pm-report monthly --by department -o tsv 2026-11
same "the sums of the members" \
"2026-11	engineering	工程部	2	0	9	0	0	7	8	7	8	0	0	0	0	0	0
2026-11	service	客服部	3	15	1	5	10	0	0	0	0	0	0	0	0	0	0" "$(out)"
golden "the appraisal for people" report-2026-11-staff.txt pm-report monthly --by staff 2026-11
has "no star" "$(out)" "Service star: none (no one meets the rule)"

# The callback analysis of in-home repairs: repairs of units, not
# complaints.
golden "the callback analysis" report-2026-11-callbacks.txt pm-report monthly --callbacks 2026-11
ok "for programs" pm-report monthly --callbacks -o tsv 2026-11
same "one row per callback of a repair of a unit" "1 2 3 6 6 13" "$(cut -f2 "$PM_TMP/out" | tr '\n' ' ' | sed 's/ $//')"
has "the owner's words kept" "$(out)" "dissatisfied	还在滴水"

# A KPI with nothing to count is "—", never 0% or 100%, and never
# misses: the first of November was a quiet Sunday.
golden "a day with nothing to count" report-2026-11-01.txt pm-report daily 2026-11-01
same "— in the figures, and no mark" "13" "$(grep -c '0/0\(\.00\)\{0,1\}  *— ' "$PM_TMP/out")"
same "no mark at all" "0" "$(grep -c '✗' "$PM_TMP/out")"
ok "for programs: empty rate and met" pm-report daily -o tsv 2026-11-01
same "the rows" "2026-11-01	complaint_timeliness	count	0	0		100	
2026-11-01	repair_timeliness	count	0	0		95	
2026-11-01	callback_rate	count	0	0		100	
2026-11-01	callback_satisfaction	count	0	0		95	
2026-11-01	first_time_fix	count	0	0			" "$(head -5 "$PM_TMP/out")"
same "every row empty" "13" "$(awk -F'\t' '$5 == 0 && $6 == "" && $8 == ""' "$PM_TMP/out" | wc -l | tr -d ' ')"
fails 0 "--check: nothing misses on a quiet day" pm-report daily --check 2026-11-01
fails 1 "--check: the month missed its targets" pm-report monthly --check -q
same "and -q says nothing" "" "$(out)$(err)"
fails 1 "--check writes the report without -q" pm-report monthly --check
same "the same report" "$nov_text" "$(out)"

# The default period is the last complete one.
for v in "daily 2026-11-30" "weekly 2026-W48" "monthly 2026-11" "quarterly 2026-Q3" "yearly 2025"; do
	ok "${v% *} by default" pm-report ${v% *} -o tsv
	same "is ${v#* }" "${v#* }" "$(head -1 "$PM_TMP/out" | cut -f1)"
done
ok "a day in the period" pm-report weekly -o tsv 2026-11-25
same "names its week" "2026-W48" "$(head -1 "$PM_TMP/out" | cut -f1)"
ok "the running week" pm-report weekly -o tsv this
same "is this week" "2026-W49" "$(head -1 "$PM_TMP/out" | cut -f1)"
ok "a running period for people" pm-report monthly this
has "says it is not over" "$(out)" "2026-12-01 to 2026-12-31, as of 2026-12-01T07:00 (the period is not over)"

# December: everything that could change a careless report of November.
at 2026-12-01T08:50; tk resolve --as zhao.lei 14
at 2026-12-01T09:00; tk callback --as li.na -s 满意 14
at 2026-12-02T09:00
tk reopen --reason 又坏了 2
tk callback --as li.na -s 满意 16
at 2026-12-02T10:00
tk resolve --as wang.qiang 2 11
tk resume 9
tk resolve --as wang.qiang 9
tk cancel --reason 业主撤回 15
at 2026-12-02T11:00; tk callback --as li.na -s 满意 2 11 9
at 2026-12-03T09:00
for u in 3-1-201 3-1-202 3-1-301; do tk add -c door-lock -u $u 门锁坏了; done
tk assign --to wang.qiang 17 18 19
at 2026-12-03T10:00; tk resolve --as wang.qiang 17 18 19
at 2026-12-03T11:00; tk callback --as li.na -s 满意 17 18 19
tk close 1 2 3 4 5 6 13
at 2026-12-20T10:00
ok "November's report again" pm-report monthly 2026-11
same "reads the same, byte for byte" "$nov_text" "$(out)"
ok "for programs" pm-report monthly -o tsv 2026-11
same "the same figures" "$nov_tsv" "$(out)"
ok "the appraisal" pm-report monthly --by staff -o tsv 2026-11
same "the same" "$nov_staff" "$(out)"
golden "and each figure's records" report-explain-callback_rate.tsv pm-report explain -o tsv callback_rate 2026-11
golden "R4, paused in November, still out of it" report-explain-repair_timeliness.tsv pm-report explain -o tsv repair_timeliness 2026-11
golden "the callback analysis" report-2026-11-callbacks.txt pm-report monthly --callbacks 2026-11

# December's own figures: C3 and R4 are judged here, once; R7's callback
# of 2 December counts for no period's callback rate.
at 2027-01-01T07:00
ok "December" pm-report monthly -o tsv
same "C3 met its moved deadline; R7, R4 and the three new repairs theirs" \
"2026-12	complaint_timeliness	count	1	1	100.0	100	1
2026-12	repair_timeliness	count	5	5	100.0	95	1
2026-12	callback_rate	count	7	7	100.0	100	1
2026-12	callback_satisfaction	count	8	8	100.0	95	1
2026-12	first_time_fix	count	6	7	85.7		" "$(head -5 "$PM_TMP/out")"
fails 0 "--check: December meets every target" pm-report monthly --check -q
ok "December's appraisal" pm-report monthly --by staff -o tsv
same "wang.qiang is the service star: 6 handled, every callback satisfied" \
	"wang.qiang	6	7	7	1" "$(awk -F'\t' '$2 == "wang.qiang" { print $2 "\t" $6 "\t" $11 "\t" $12 "\t" $13 }' "$PM_TMP/out")"
same "and only he" "1" "$(awk -F'\t' '$13 == 1' "$PM_TMP/out" | wc -l | tr -d ' ')"
ok "for people" pm-report monthly --by staff
has "the star is named" "$(out)" "Service star: 王强 (wang.qiang), 0 received and 6 handled"
done_testing
