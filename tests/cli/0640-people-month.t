#!/bin/sh
# The people side through a scripted month, November 2026 (no holiday in
# it; 21 working days): walk visits that meet and miss the quota, a
# training week under quota for security, an untrained new hire flagged,
# a survey whose tallies match rates computed by hand, a fire control
# room gap of 3 hours, and a move applied for 20 hours ahead refused, then
# allowed by the manager's override.  Each figure below is worked out by
# hand in the comment above it.
. "$PM_TOP/tests/cli/lib.sh"

at() { PM_NOW=$1; export PM_NOW; }
out() { cat "$PM_TMP/out"; }
err() { cat "$PM_TMP/err"; }
field() { awk -F '\t' -v k="$1" -v c="$2" '$1 == k { print $c }' "$PM_TMP/out"; }

# The estate file applied on the last day of October: everyone is on
# the staff from November's start.
at 2026-10-31T08:00
pm-db init > /dev/null && pm-db apply "$PM_TOP/tests/data/people-estate.yaml" > /dev/null ||
	{ echo "Bail out! cannot set up the estate"; exit 1; }
export PM_USER=li.na
ok "households: twelve occupied, two rented, two vacant" sh -c '
	pm-unit set --owner 赵一 --phone 13900000001 --occupancy occupied 3-1-101 3-1-102 3-1-201 3-1-202 3-1-301 3-2-101 3-2-102 3-2-201 3-2-202 5-1-102 5-1-201 5-1-202 &&
	pm-unit set --owner 钱二 --occupancy rented 3-1-302 5-1-101'

# Sunday 1st: the pre-job training everyone on the staff passed.
at 2026-11-01T12:00
ok "pre-job training" pm-train add --department service --kind pre-job --topic 公司制度与员工手册 \
	--trainer 李娜 --at 2026-11-01T09:00 --hours 3 --pass-mark 60
ok "everyone attended and passed" pm-train attend --session 1 --passed \
	zhang.wei li.na chen.jing liu.yang wu.gang song.tao xie.bin

# Walk visits.  Monday 2nd: chen.jing visits five households, liu.yang
# three (one of them twice, which counts once).
at 2026-11-02T17:00
for u in 3-1-101 3-1-102 3-1-201 3-1-202 3-1-301; do
	pm-visit add --staff chen.jing -u $u --at 2026-11-02T10:00 --met 业主 --satisfaction satisfied > /dev/null
done
ok "liu.yang: a dissatisfied tenant who raised a leak" pm-visit add --staff liu.yang -u 3-1-302 \
	--at 2026-11-02T10:00 --met 租户 --satisfaction 不满意 -r 卫生间漏水 -c water-leak
ok "the same household again" pm-visit add --staff liu.yang -u 3-1-302 --at 2026-11-02T11:00
ok "another" pm-visit add --staff liu.yang -u 5-1-101 --at 2026-11-02T11:30
ok "and a third" pm-visit add --staff liu.yang -u 5-1-102 --at 2026-11-02T14:00
# 5 owed each; chen.jing 5 of 5, liu.yang 3 households; total 8/10.
fails 1 "Monday's quota is missed: exit 1 for cron" pm-visit quota 2026-11-02
same "chen.jing met it, liu.yang is 2 short, 80.0% in all" \
"chen.jing	陈静	day	1	5	5	5	0	100.0
liu.yang	刘洋	day	1	5	3	3	2	60.0
all			2	10	8	8	2	80.0" "$(out)"
# Tuesday 3rd: five each (liu.yang six visits to five households).
at 2026-11-03T17:00
for u in 3-2-101 3-2-102 3-2-201 3-2-202 3-1-101; do
	pm-visit add --staff chen.jing -u $u --at 2026-11-03T09:00 > /dev/null
	pm-visit add --staff liu.yang -u $u --at 2026-11-03T10:00 > /dev/null
done
pm-visit add --staff liu.yang -u 3-2-101 --at 2026-11-03T15:00 > /dev/null
ok "Tuesday's quota is met: exit 0" pm-visit quota 2026-11-03
same "10 of 10" "all			2	10	10	10	0	100.0" "$(tail -1 "$PM_TMP/out")"
ok "the matter raised goes to the desk" sh -c 'pm-visit raised --since 2026-11-01 | pm-ticket import'
ok "as a ticket from the visit" pm-ticket list --header -o json
has "with the visit's unit, category, source and visitor" "$(out)" '"category":"water-leak","unit":"3-1-302"'
has "received when the visit was made" "$(out)" '"received":"2026-11-02T10:00"'
ok "raised again: nothing left to import" pm-visit raised --since 2026-11-01
same "only the header" "category	unit	description	source	received	receiver" "$(out)"

# Training.  The week of the 2nd: security holds two sessions (3 to 5 a
# week), service one (1 to 2); the monthly test does not count.
at 2026-11-06T18:00
ok "security: a fire drill" pm-train add --department security --kind drill --topic 消防演练 \
	--trainer 宋涛 --at 2026-11-03T09:00 --hours 1.5
ok "security: gate etiquette" pm-train add --department security --kind 在职培训 --topic 门岗礼仪 \
	--trainer 宋涛 --at 2026-11-05T09:00 --hours 1
ok "service: reception" pm-train add --department service --kind in-service --topic 接待礼仪 \
	--trainer 李娜 --at 2026-11-04T14:00 --hours 2
fails 1 "the week is under quota: exit 1" pm-train quota 2026-11-02
# security 2 held of 3, service 1 of 1: 3/4 credited, 75.0%.
same "security is one short" \
"security	秩序部	2026-11-02	3	5	2	2	1	0	66.7
service	客服部	2026-11-02	1	2	1	1	0	0	100.0
all			4	7	3	3	1	0	75.0" "$(out)"
# The next week security holds three and service two: met.
at 2026-11-13T18:00
for d in 09 11 13; do
	pm-train add --department security --kind drill --topic 巡逻演练 --trainer 宋涛 \
		--at 2026-11-${d}T09:00 --hours 1 > /dev/null
done
for d in 10 12; do
	pm-train add --department service --kind in-service --topic 投诉处理 --trainer 李娜 \
		--at 2026-11-${d}T14:00 --hours 1 > /dev/null
done
ok "the week of the 9th meets it" pm-train quota 2026-W46
same "3 of 3 and 1 of 1 credited (a second session is over the minimum)" \
"all			4	7	5	4	0	0	100.0" "$(tail -1 "$PM_TMP/out")"

# A new hire joins on Monday 16th and visits on the 17th, untrained.
at 2026-11-16T08:00
sed 's/^  - {login: liu.yang.*/&\n  - {login: zhou.xin, name: 周欣, department: service, role: staff}/' \
	"$PM_TOP/tests/data/people-estate.yaml" > people-estate.yaml
cp "$PM_TOP/tests/data/ticket-calendar-2026.tsv" .
ok "the estate file names the new hire" pm-db apply people-estate.yaml
at 2026-11-17T17:00
ok "zhou.xin visits" pm-visit add --staff zhou.xin -u 3-1-101 --at 2026-11-17T10:00
fails 1 "an untrained new hire at work is flagged: exit 1" pm-train unqualified 2026-11-17
same "zhou.xin alone, no pre-job training, at work on a visit" \
"zhou.xin	周欣	service	2026-11-16T08:00	none	visit" "$(out)"
ok "the others were trained" pm-train unqualified 2026-11-02
at 2026-11-18T12:00
ok "pre-job training on the 18th" pm-train add --department service --kind pre-job --topic 岗前培训 \
	--trainer 李娜 --at 2026-11-18T09:00 --hours 3 --pass-mark 60
sid=$(out)
ok "passed with 90" pm-train attend --session "$sid" --score 90 zhou.xin
same "passed by the pass mark" "1" "$(pm-train attendance --session "$sid" | cut -f7)"
at 2026-11-19T17:00
ok "zhou.xin visits again" pm-visit add --staff zhou.xin -u 3-1-102 --at 2026-11-19T10:00
ok "trained now: no one is flagged" pm-train unqualified 2026-11-19
same "nothing listed" "" "$(out)"
fails 1 "the 17th still reads as it was" pm-train unqualified 2026-11-17

# The quarter's survey: six households answer three lines.
at 2026-11-20T17:00
ok "open the round" pm-survey open --quarter 2026-Q4 --title 2026年第四季度业主满意度调查
cat > answers.csv <<'EOF'
房号,姓名,填写时间,维修,秩序,保洁,意见
3-1-101,赵一,2026-11-10,满意,满意,不满意,垃圾清运不及时
3-1-102,钱二,2026-11-10,基本满意,满意,满意,
3-1-201,孙三,2026-11-11,不满意,基本满意,满意,维修太慢
3-1-202,李四,2026-11-11,满意,不满意,满意,
3-1-301,周五,2026-11-12,满意,满意,不了解,
5-1-102,吴六,2026-11-12,5,满意,基本满意,很好
EOF
fails 65 "a 3-point round takes no 5" pm-survey import --map 维修=repairs --map 秩序=security --map 保洁=cleaning answers.csv
sed -i 's/^5-1-102,吴六,2026-11-12,5,/5-1-102,吴六,2026-11-12,满意,/' answers.csv
ok "import with the columns mapped" pm-survey import --map 维修=repairs --map 秩序=security --map 保洁=cleaning answers.csv
same "six answers" "6" "$(wc -l < "$PM_TMP/out" | tr -d ' ')"
# repairs: satisfied 101 202 301 5-1-102, basic 102, dissatisfied 201:
#   5/6 = 83.3%, target 95%.  security: satisfied 101 102 301 5-1-102,
#   basic 201, dissatisfied 202: 5/6 = 83.3%, target 90%.  cleaning
#   (301 did not know): satisfied 102 201 202, basic 5-1-102,
#   dissatisfied 101: 4/5 = 80.0%.  Overall 14/17 = 82.35% = 82.4%,
#   target owner_satisfaction 90%.
ok "the tally" pm-survey tally
same "by line and overall, numerator and denominator shown" \
"repairs	维修服务	4	1	1	5	6	83.3	95.0	0
security	公共秩序	4	1	1	5	6	83.3	90.0	0
cleaning	保洁服务	3	1	1	4	5	80.0	90.0	0
all		11	3	3	14	17	82.4	90.0	0" "$(out)"
fails 1 "--check: exit 1 when a target is missed" pm-survey tally --check
ok "the comments" pm-survey comments
same "three came with one" "垃圾清运不及时
维修太慢
很好" "$(cut -f8 "$PM_TMP/out")"
# The households to visit next: those whose latest reading was
# dissatisfied, the longest waiting first (3-1-201's and 3-1-202's
# survey answers; 3-1-302's dissatisfied visit at 10:00 on the 2nd and
# 3-1-101's answer were followed by a visit, which saw them), then those
# never visited this year (5-1-201 and 5-1-202; 3-2-301 and 3-2-302 are
# vacant).
ok "todo" pm-visit todo
same "both ends: the dissatisfied first, then the unvisited" \
"3-1-201	dissatisfied	survey	2026-11-11T00:00
3-1-202	dissatisfied	survey	2026-11-11T00:00
5-1-201	not_visited		
5-1-202	not_visited		" "$(cut -f1,4-6 "$PM_TMP/out")"

# The fire control room on Tuesday 24th: two on duty all day, an entry
# every 2 hours but for 12:00 to 15:00.
at 2026-11-25T08:00
ok "two on duty for the day" pm-duty shift --post fire-control --staff song.tao,xie.bin \
	--from 2026-11-24T00:00 --to 2026-11-25T00:00
for t in 00 02 04 06 08 10 12 15 17 19 21 23; do
	pm-duty log --as xie.bin --post fire-control --at 2026-11-24T$t:00 巡查正常 > /dev/null
done
fails 1 "the gap is found: exit 1 for cron" pm-duty check --post fire-control 2026-11-24
same "180 minutes without an entry, from 12:00 to 15:00" \
"fire-control	消防控制室	log	2026-11-24T12:00	2026-11-24T15:00	180" "$(cut -f1-6 "$PM_TMP/out")"
fails 1 "in a table, in words" pm-duty check --post fire-control -o table 2026-11-24
has "3h" "$(out)" "3h"

# A move applied for on the 25th at 09:00 for the 26th at 05:00: 20 hours.
at 2026-11-25T09:00
fails 65 "20 hours ahead is refused" pm-gate move --unit 3-1-101 --at 2026-11-26T05:00 --items 沙发
has "the notice is named" "$(err)" "applied for 20h ahead, 1d is needed (a manager may allow it with --override REASON)"
fails 77 "a supervisor may not override" pm-gate move --unit 3-1-101 --at 2026-11-26T05:00 --items 沙发 --override 业主急需
ok "the manager may" pm-gate move --as zhang.wei --unit 3-1-101 --at 2026-11-26T05:00 --items 沙发 --override 业主急需
ok "the override is recorded" pm-gate show -o json 1
has "by whom and why" "$(out)" '"override_by":"zhang.wei","override_reason":"业主急需"'

# The month closed: the manager's 5 households, everyone's days.
at 2026-11-30T17:00
for u in 3-1-101 3-1-102 3-1-201 3-1-101 5-1-101 5-1-102; do
	pm-visit add --as zhang.wei -u $u --at 2026-11-30T10:00 > /dev/null
done
at 2026-12-01T09:00
fails 1 "November's quota: the administrators were short" pm-visit quota 2026-11
# 21 working days, 5 a day: 105 owed.  chen.jing 5+5, liu.yang 3+5;
# zhou.xin joined at 08:00 on the 16th, so owes from the 17th: 10
# working days, 50 owed, 2 visited.  The manager was not short (a
# monthly quota counts no days).  zhang.wei: 5 different households of 6 visits.
same "per staff member, the days owed and the households credited" \
"chen.jing	day	21	105	10	10	95
liu.yang	day	21	105	8	8	97
zhang.wei	month	0	5	5	5	0
zhou.xin	day	10	50	2	2	48" "$(grep -v '^all' "$PM_TMP/out" | cut -f1,3-8)"
# December: the estate file changes.  The manager's monthly visits are
# dropped, service trains 2-3 times a week, walk visits aim at 90% of
# the quota (100% by default).
# November, closed, reads as it did; the tools' own reads, as of now,
# follow the file, and as of the 1st read as they did then.
ok "November's report, on the 1st" pm-report monthly -o tsv 2026-11
nov=$(out)
nov_train=$(pm-train quota -o tsv 2026-11)
same "service owed 1-2 sessions a week" "1-2" \
	"$(printf '%s\n' "$nov_train" | awk -F'\t' '$1 == "service" { print $4 "-" $5; exit }')"
nov_visit=$(pm-visit quota -o tsv 2026-11)
at 2026-12-05T09:00
sed -e '/roles: manager, per: month/d' -e 's/department: service, per_week: 1-2/department: service, per_week: 2-3/' \
	-e 's/owner_satisfaction: 90%/owner_satisfaction: 90%\n  walk_visits: 90%/' \
	"$PM_TOP/tests/data/people-estate.yaml" > "$PM_TMP/people-estate.yaml"
cp "$PM_TOP/tests/data/ticket-calendar-2026.tsv" "$PM_TMP/"
ok "the changed file applied" pm-db apply "$PM_TMP/people-estate.yaml"
same "applied again, nothing changes" "" "$(pm-db apply -o tsv "$PM_TMP/people-estate.yaml")"
ok "November's report again" pm-report monthly -o tsv 2026-11
same "reads as it did, targets and quotas" "$nov" "$(out)"
fails 1 "November's visits as of the 1st" pm-visit quota -o tsv --as-of 2026-12-01T09:00 2026-11
same "read as they did then" "$nov_visit" "$(out)"
fails 1 "November's visits as of now" pm-visit quota -o tsv 2026-11
same "the manager owes none now" "" "$(awk -F'\t' '$1 == "zhang.wei"' "$PM_TMP/out")"
fails 1 "November's training as of the 1st" pm-train quota -o tsv --as-of 2026-12-01T09:00 2026-11
same "reads as it did then" "$nov_train" "$(out)"
fails 1 "November's training as of now" pm-train quota -o tsv 2026-11
same "service owes 2-3" "2-3" \
	"$(awk -F'\t' '$1 == "service" { print $4 "-" $5; exit }' "$PM_TMP/out")"
at 2026-12-05T10:00
ok "December's report, running" pm-report monthly -o tsv 2026-12
same "the walk visits' target is 90% from the 5th" "90" \
	"$(awk -F'\t' '$2 == "walk_visits" { print $7 }' "$PM_TMP/out")"
same "November's was 100%" "100" \
	"$(printf '%s\n' "$nov" | awk -F'\t' '$2 == "walk_visits" { print $7 }')"
done_testing
