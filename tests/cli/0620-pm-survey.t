#!/bin/sh
# pm-survey: rounds that keep their lines and targets, a 5-point form's
# export imported with its columns mapped (all or nothing), the tally
# against rates worked out by hand, pooled periods, as-of, voids, and
# every error a user can reach, with its exit status and message.
. "$PM_TOP/tests/cli/lib.sh"

at() { PM_NOW=$1; export PM_NOW; }
out() { cat "$PM_TMP/out"; }
err() { cat "$PM_TMP/err"; }
dbsum() { cat "$PM_DB" "$PM_DB-wal" 2>/dev/null | sha256sum | cut -d' ' -f1; }

at 2026-10-31T08:00
pm-db init > /dev/null && pm-db apply "$PM_TOP/tests/data/people-estate.yaml" > /dev/null ||
	{ echo "Bail out! cannot set up the estate"; exit 1; }
export PM_USER=li.na
at 2026-11-20T17:00

ok "lines" pm-survey lines
same "the estate file's, with targets" "repairs	维修服务	95.00
security	公共秩序	90.00
cleaning	保洁服务	90.00" "$(out)"
fails 66 "tally before any round" pm-survey tally
same "message" "pm-survey: no survey round yet (open one with pm-survey open)" "$(err)"
fails 66 "import before any round" pm-survey import /dev/null
fails 66 "comments before any round" pm-survey comments

# open
before=$(dbsum)
fails 64 "open without --quarter" pm-survey open
same "message" "pm-survey: open: --quarter is needed" "$(err)"
fails 65 "a bad quarter" pm-survey open --quarter 2026-Q5
same "message" "pm-survey: quarter '2026-Q5': not a quarter like 2026-Q4" "$(err)"
fails 65 "in Chinese" env LANG=zh_CN.UTF-8 LC_ALL= LANGUAGE= pm-survey open --quarter 2026-Q5
same "message in Chinese" "pm-survey: 季度“2026-Q5”：不是 2026-Q4 这样的季度" "$(err)"
fails 66 "no such line" pm-survey open --quarter 2026-Q4 --lines repairs,gardens
same "message" "pm-survey: survey line 'gardens': no such line (see 'pm-survey lines')" "$(err)"
fails 65 "a line twice" pm-survey open --quarter 2026-Q4 --lines repairs,repairs
same "message" "pm-survey: line 'repairs': named twice" "$(err)"
fails 64 "a scale of 4" pm-survey open --quarter 2026-Q4 --scale 4
same "message" "pm-survey: scale '4': 3 or 5 points" "$(err)"
fails 65 "control characters in a title" pm-survey open --quarter 2026-Q4 --title "$(printf 'a\033b')"
same "nothing written by any refused open" "$before" "$(dbsum)"
ok "open a 5-point round on two lines" pm-survey open --quarter 2026-Q4 --scale 5 --lines cleaning,repairs --title 第四季度
same "prints the id" "1" "$(out)"
ok "rounds" pm-survey rounds
same "the lines in the order given" "1	2026-Q4	5	cleaning,repairs	0	2026-11-20T17:00	第四季度" "$(out)"

# import: a form's export, columns mapped
cat > form.csv <<'EOF'
序号,房号,业主,提交时间,维修服务,保洁,建议
1,3-1-101,赵一,2026-11-10T20:15,非常满意,4,
2,3-1-102,钱二,2026-11-10T21:00,3,2,楼道要多扫
3,3-1-201,孙三,2026-11-11T08:00,1,,维修太慢
4,3-1-202,李四,2026-11-11T09:30,不了解,5,
5,,,2026-11-12T10:00,5,非常不满意,匿名
EOF
map="--map 序号=- --map 业主=respondent --map 提交时间=answered --map 保洁=cleaning --map 建议=comment"
before=$(dbsum)
fails 65 "a column left unmapped" pm-survey import form.csv
has "names it and the known fields" "$(err)" "form.csv:1: unknown field '序号' (known: unit, 房号, respondent, 姓名, answered, 填写时间, comment, 意见, cleaning, 保洁服务, repairs, 维修服务)"
ok "-n checks, keeping nothing" pm-survey import -n $map form.csv
same "nothing written by -n" "$before" "$(dbsum)"
ok "import" pm-survey import $map form.csv
same "an id per answer" "1
2
3
4
5" "$(out)"
ok "answers" pm-survey answers
same "by unit (the anonymous first), the worst grade, each line's point as given" \
"5	1			2026-11-12T10:00	dissatisfied	cleaning=1 repairs=5	匿名
1	1	3-1-101	赵一	2026-11-10T20:15	satisfied	cleaning=4 repairs=5	
2	1	3-1-102	钱二	2026-11-10T21:00	dissatisfied	cleaning=2 repairs=3	楼道要多扫
3	1	3-1-201	孙三	2026-11-11T08:00	dissatisfied	repairs=1	维修太慢
4	1	3-1-202	李四	2026-11-11T09:30	satisfied	cleaning=5	" "$(out)"
# repairs: 5 5 (satisfied) 3 (basic) 1 (dissatisfied): 3/4 = 75.0%,
# target 95%.  cleaning: 4 5 (satisfied) 2 1 (dissatisfied): 2/4 =
# 50.0%, target 90%.  Overall 5/8 = 62.5%, target owner_satisfaction 90%.
ok "tally" pm-survey tally
same "hand-computed rates" \
"cleaning	保洁服务	2	0	2	2	4	50.0	90.0	0
repairs	维修服务	2	1	1	3	4	75.0	95.0	0
all		4	1	3	5	8	62.5	90.0	0" "$(out)"
fails 1 "--check: targets missed" pm-survey tally --check
ok "in a table" pm-survey tally -o table
has "headings" "$(head -1 "$PM_TMP/out")" "line      name      satisfied  basic  dissatisfied  numerator  answers  rate  target  met"
ok "in a Chinese table" env LANG=zh_CN.UTF-8 LC_ALL= LANGUAGE= pm-survey tally -o table
same "headings in Chinese" "服务项目  名称      满意  基本满意  不满意  分子  答卷数  比率  目标  达标" "$(head -1 "$PM_TMP/out")"
ok "comments" pm-survey comments
same "three" "5
2
3" "$(cut -f1 "$PM_TMP/out")"
same "--worst dissatisfied" "5
2
3" "$(pm-survey answers --worst 不满意 | cut -f1)"
same "--unit" "3" "$(pm-survey answers --unit 3-1-201 | cut -f1)"
same "--commented" "3" "$(pm-survey answers --commented | wc -l | tr -d ' ')"

# all or nothing
cat > bad.csv <<'EOF'
房号,维修服务,保洁服务
3-1-301,5,4
3-1-101,5,5
P-GATE-N,4,4
9-9-9,4,4
3-1-302,,
3-1-302,6,1
3-1-302,好,1
EOF
before=$(dbsum)
fails 65 "every bad line reported, nothing imported" pm-survey import bad.csv
same "the messages" "pm-survey: bad.csv:3: unit '3-1-101': answered this round already (answer 1)
pm-survey: bad.csv:4: unit 'P-GATE-N': a public area, not a household
pm-survey: bad.csv:5: unit '9-9-9': no such unit (see 'pm-unit list')
pm-survey: bad.csv:6: no answer to any line of the round
pm-survey: bad.csv:7: repairs '6': not an answer on the 5-point scale (5 非常满意, 4 满意, 3 一般, 2 不满意, 1 非常不满意)
pm-survey: bad.csv:8: repairs '好': not an answer on the 5-point scale (5 非常满意, 4 满意, 3 一般, 2 不满意, 1 非常不满意)
pm-survey: bad.csv: 6 errors, nothing imported" "$(err)"
same "nothing written" "$before" "$(dbsum)"
printf '房号,维修服务\n3-1-301,5\n3-1-301,4\n' > twice.csv
fails 65 "a household twice in one file" pm-survey import twice.csv
has "message" "$(err)" "unit '3-1-301': answered this round already"
printf '房号,维修服务,repairs\n3-1-301,5,4\n' > both.csv
fails 65 "two columns for one line" pm-survey import both.csv
has "message" "$(err)" "columns 'repairs' and '维修服务' both answer 'repairs'"
printf '房号,填写时间,维修服务\n3-1-301,2026-11-21,5\n' > future.csv
fails 65 "answered in the future" pm-survey import future.csv
has "message" "$(err)" "answered '2026-11-21T00:00': in the future"
printf '房号,security\n3-1-301,5\n' > notasked.csv
fails 65 "a line the round does not ask" pm-survey import notasked.csv
has "message" "$(err)" "unknown field 'security'"
same "nothing written by any" "$before" "$(dbsum)"
fails 64 "a map that is no COLUMN=FIELD" pm-survey import --map extra form.csv
same "message" "pm-survey: map 'extra': not COLUMN=FIELD" "$(err)"
fails 64 "a map to no field" pm-survey import --map 保洁=gardens form.csv
same "message" "pm-survey: map '保洁=gardens': no such field in this round (unit, respondent, answered, comment, a line's code, or - to leave the column out)" "$(err)"
fails 66 "no such round" pm-survey import --round 9 form.csv
same "message" "pm-survey: survey round '9': no such round" "$(err)"
fails 66 "no such file" pm-survey import nofile.csv
same "message" "pm-survey: file 'nofile.csv': No such file or directory" "$(err)"
fails 64 "a bad --from" pm-survey import --from xml form.csv

# JSON Lines from standard input, on a 3-point round of the first quarter
ok "a 3-point round" pm-survey open --quarter 2026-Q1 --lines security
printf '{"unit":"3-1-301","security":"基本满意"}\n{"unit":"3-1-302","security":"satisfied","comment":"保安很负责"}\n' |
	pm-survey import --round 2 --from json > "$PM_TMP/out" 2> "$PM_TMP/err"
same "imported from standard input" "6
7" "$(out)"
same "the round's tally" "security	公共秩序	1	1	0	2	2	100.0	90.0	1
all		1	1	0	2	2	100.0	90.0	1" "$(pm-survey tally --round 2)"
ok "--check: met" pm-survey tally --round 2 --check
ok "the year pooled" pm-survey tally --period 2026
same "both rounds' lines, the first quarter's first; overall 7/10" "security	公共秩序	1	1	0	2	2	100.0	90.0	1
cleaning	保洁服务	2	0	2	2	4	50.0	90.0	0
repairs	维修服务	2	1	1	3	4	75.0	95.0	0
all		5	2	3	7	10	70.0	90.0	0" "$(out)"
fails 64 "--round and --period" pm-survey tally --round 1 --period 2026
same "message" "pm-survey: --round and --period: one or the other" "$(err)"
fails 66 "tally of no such round" pm-survey tally --round 9

# void, as of
at 2026-11-21T09:00
ok "void an answer" pm-survey void -r 录入错误 3
same "repairs now 3/3" "repairs	维修服务	2	1	0	3	3	100.0	95.0	1" "$(pm-survey tally --round 1 | sed -n 2p)"
same "as it was reported" "repairs	维修服务	2	1	1	3	4	75.0	95.0	0" \
	"$(pm-survey tally --round 1 --as-of 2026-11-20T18:00 | sed -n 2p)"
fails 65 "voided already" pm-survey void -r x 3
same "message" "pm-survey: survey answer '3': voided (录入错误)" "$(err)"
fails 66 "void no such answer" pm-survey void -r x 99
fails 64 "void without --reason" pm-survey void 3
ok "the household may answer again" sh -c 'printf "房号,维修服务\n3-1-201,4\n" | pm-survey import --round 1'
fails 65 "a worst grade that is none" pm-survey answers --worst happy
fails 66 "answers of no such unit" pm-survey answers --unit 9-9-9
done_testing
