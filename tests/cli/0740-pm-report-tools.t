#!/bin/sh
# pm-report's figures from the other tools, on November 2026 scripted
# through the tools themselves: facility and housing intact rates
# (pm-inspect), the three collection rates (pm-fee), owner satisfaction
# overall and by line (pm-survey), walk visits (pm-visit) and training
# (pm-train) against their quotas.  Every numerator and denominator is
# worked out by hand below; a figure with nothing to count is "—"; and
# November reads the same, byte for byte, after December has recorded,
# voided, corrected and back-dated what it could.
. "$PM_TOP/tests/cli/lib.sh"
out() { cat "$PM_TMP/out"; }
err() { cat "$PM_TMP/err"; }
zh() { env LANG=zh_CN.UTF-8 LC_ALL= LANGUAGE= "$@"; }
at() { PM_NOW=$1; export PM_NOW; }
run() { "$@" > /dev/null || { echo "Bail out! $*"; exit 1; }; }

# The estate: six units (3-1-101 to 3-1-202 of 89.50 m², 5-1-101 and
# 5-1-102 of 120.00 m²), three facilities with a plan each, a service
# fee of 1.50 a m² a month due on the 15th (prorated from a handover),
# 5 visits a working day for customer-service staff and 5 a month for
# the manager, 1-2 training sessions a week for each department, and
# two survey lines.
cat > "$PM_TMP/estate.yaml" <<'EOF'
estate:
  name: 测试花园
  timezone: Asia/Shanghai

departments:
  - {code: service, name: 客服部}
  - {code: engineering, name: 工程部}

staff:
  - {login: zhang.wei, name: 张伟, department: service, role: staff}
  - {login: li.na, name: 李娜, department: service, role: supervisor}
  - {login: chen.jing, name: 陈静, department: service, role: manager}
  - {login: wang.qiang, name: 王强, department: engineering, role: staff}

buildings:
  - code: "3"
    name: 3号楼
    units:
      - {entrances: 1, floors: 1-2, rooms: 1-2, area: 89.50}
  - code: "5"
    name: 5号楼
    units:
      - {entrances: 1, floors: 1, rooms: 1-2, area: 120.00}

public_areas:
  - {code: P-PUMP, name: 水泵房, area: 120.00}

categories:
  - {code: facility-repair, name: 设备设施维修, kind: repair, department: engineering}

kpi_targets:
  facility_intact: 95%
  housing_intact: 98%
  collection_rate: 85%
  owner_satisfaction: 95%
  walk_visits: 100%
  training: 100%

checklists:
  - code: pump
    name: 泵房检查
    department: engineering
    category: facility-repair
    items:
      - {check: 水泵启动运行正常, serious: true}
      - 阀门铅封

facilities:
  - {code: FP-1, name: 消防主泵, kind: fire, location: P-PUMP, department: engineering}
  - {code: TANK-1, name: 水箱, kind: water, location: P-PUMP, department: engineering}
  - {code: PUMP-2, name: 生活水泵, kind: water, location: P-PUMP, department: engineering}

maintenance:
  - {task: flow-test, name: 流量压力测试, every: quarterly, facilities: [FP-1]}
  - {task: clean, name: 水箱清洗, every: monthly, facilities: [TANK-1]}
  - {task: service, name: 水泵保养, every: 15d, facilities: [PUMP-2]}

fees:
  default_series: SJ
  books:
    - {code: service, name: 物业服务收入, kind: income}
  series:
    - {code: SJ, name: 物业收费收据, prefix: SJ, digits: 6}
  items:
    - code: service
      name: 物业服务费
      book: service
      basis: area
      start: prorate
      due_day: 15
      formula: 建筑面积 × 1.50 元/m²/月
      rates:
        - {from: 2026-01-01, rate: 1.50}

visit_quotas:
  - {department: service, roles: [staff], per: day, households: 5}
  - {roles: manager, per: month, households: 5}

training_quotas:
  - {department: service,     per_week: 1-2}
  - {department: engineering, per_week: 1-2}

survey_lines:
  - {code: repairs,  name: 维修服务, target: 95%}
  - {code: cleaning, name: 保洁服务, target: 90%}
EOF
export PM_USER=li.na
at 2026-10-01T08:00
run pm-db init
run pm-db apply "$PM_TMP/estate.yaml"

# October: 5-1-102 is to be handed over on 16 November; the others are
# billed 134.25 (89.50 m²) or 180.00 a month; 3-1-101 pays October.
at 2026-10-01T09:00
run pm-fee handover --date 2026-11-16 5-1-102
run pm-fee bill 2026-10				# lines 1-5
at 2026-10-10T10:00; run pm-fee pay 3-1-101 134.25		# SJ000001

# November.
at 2026-11-01T09:00; run pm-fee bill 2026-11	# lines 6-10, and 11: 5-1-102 15/30 days, 90.00
at 2026-11-02T18:00
for u in 3-1-101 3-1-102 3-1-201 3-1-202 5-1-101 5-1-102; do
	run pm-visit add --staff zhang.wei --unit $u --at 2026-11-02T10:00
done
run pm-train add --department service --kind in-service --topic 礼仪 --trainer 李娜 --at 2026-11-02T14:00 --hours 2
at 2026-11-03T09:00; run pm-inspect grade set --grade good --reason 年度评定 3
at 2026-11-03T10:00; run pm-fee pay 3-1-101 134.25		# SJ000002, line 6
at 2026-11-03T18:00
run pm-visit add --staff zhang.wei --unit 3-1-101 --at 2026-11-03T10:00
run pm-visit add --staff zhang.wei --unit 3-1-101 --at 2026-11-03T11:00
run pm-visit add --staff zhang.wei --unit 3-1-102 --at 2026-11-03T15:00
at 2026-11-04T10:00; run pm-fee pay 3-1-102 268.50		# SJ000003, lines 2 and 7
at 2026-11-04T18:00; run pm-train add --department service --kind drill --topic 消防演练 --trainer 李娜 --at 2026-11-04T14:00 --hours 1
at 2026-11-05T09:00; run pm-inspect facility set-state --state faulty --reason 漏水 TANK-1
at 2026-11-05T10:00; run pm-fee pay --line 8 3-1-201 134.25	# SJ000004
at 2026-11-05T18:00; run pm-train add --department engineering --kind in-service --topic 水泵 --trainer 王强 --at 2026-11-05T14:00 --hours 1
at 2026-11-06T09:00; run pm-inspect facility set-state --state out_of_service --reason 电机烧毁 PUMP-2
at 2026-11-06T10:00; run pm-fee void --reason 银行退票 SJ000004
at 2026-11-08T09:00; run pm-survey open --quarter 2026-Q4 --title 四季度满意度调查
at 2026-11-10T09:00; run pm-inspect grade set --grade damaged --reason 外墙开裂 3-1-202
at 2026-11-11T09:00
printf '%s\n' unit,answered,repairs,cleaning 3-1-101,2026-11-09,满意,满意 \
	3-1-102,2026-11-09,基本满意,不满意 3-1-201,2026-11-10,不满意,满意 \
	3-1-202,2026-11-10,满意, > "$PM_TMP/q4.csv"
run pm-survey import "$PM_TMP/q4.csv"
at 2026-11-11T18:00; run pm-train add --department service --kind in-service --topic 收费 --trainer 李娜 --at 2026-11-11T14:00 --hours 1
at 2026-11-12T09:00; run pm-inspect grade set --grade basic 5-1-101
at 2026-11-12T10:00; run pm-inspect record --checklist pump --unit P-PUMP --inspector wang.qiang
at 2026-11-13T10:00; run pm-inspect record --checklist pump --unit P-PUMP --inspector wang.qiang 1=fail
at 2026-11-14T10:00; run pm-inspect record --checklist pump --facility FP-1 2=fail
at 2026-11-20T10:00
run pm-inspect maint record --task service --done 更换电机 --result good --at 2026-11-20T09:00 PUMP-2
run pm-fee pay 5-1-101 100.00			# SJ000005, on line 5
at 2026-11-20T18:00
run pm-visit add --staff chen.jing --unit 3-1-201 --at 2026-11-20T10:00
run pm-visit add --staff chen.jing --unit 5-1-101 --at 2026-11-20T11:00
run pm-visit add --staff zhang.wei --unit 3-1-202 --at 2026-11-20T10:00	# visit 12
at 2026-11-21T09:00; run pm-visit void --reason 记错了 12
at 2026-11-21T10:00; run pm-inspect maint record --done 更换浮球阀 --result faulty TANK-1
at 2026-11-25T10:00; run pm-fee pay 5-1-102 90.00		# SJ000006, line 11
# The service department's month-end test (session 5): zhang.wei 85,
# li.na 55 under the pass mark of 60, chen.jing absent.
at 2026-11-27T18:00
run pm-train add --department service --kind test --topic 月末考试 --trainer 李娜 --at 2026-11-27T14:00 --hours 1 --pass-mark 60
run pm-train attend --session 5 --score 85 zhang.wei
run pm-train attend --session 5 --score 55 li.na

# The morning of 1 December.
at 2026-12-01T07:00
golden "the monthly report with every tool's figures" report-2026-11-tools.txt pm-report monthly 2026-11
nov_text=$(out)
ok "for programs" pm-report monthly -o tsv 2026-11
nov_tsv=$(out)
# By hand:
#   facility intact: FP-1 never changed (good), PUMP-2 out of service on
#     6 Nov and good again by its maintenance of 20 Nov, TANK-1 faulty
#     since 5 Nov                                                   2/3
#   housing intact: building 3 good on 3 Nov, 3-1-202 damaged on 10 Nov,
#     5-1-101 basically good; 5-1-102 never graded, so in neither:
#     3 × 89.50 + 120.00 = 388.50 of 4 × 89.50 + 120.00 = 478.00
#   collection rate: November's lines 6-10 (4 × 134.25 + 180.00) and 11
#     (5-1-102 from its handover on the 16th, 180.00 × 15/30 = 90.00):
#     807.00 billed; paid 134.25 (line 6) + 134.25 (line 7) + 90.00
#     (line 11); SJ000004 on line 8 voided the next day    358.50/807.00
#   arrears recovery: October's lines open on 1 November: 2, 3, 4
#     (134.25 each) and 5 (180.00), 582.75; recovered 134.25 (line 2,
#     SJ000003) + 100.00 (line 5, SJ000005)                234.25/582.75
#   combined collection                                   592.75/1389.75
#   owner satisfaction (2026-Q4's round, the answers by 30 November):
#     repairs satisfied, basic, dissatisfied, satisfied             3/4
#     cleaning satisfied, dissatisfied, satisfied (one no answer)   2/3
#     overall                                                       5/7
#   walk visits: zhang.wei owes 5 on each of 21 working days (105),
#     visited 6 households on 2 Nov (5 credited) and 2 on 3 Nov (3-1-101
#     twice counts once), his visit of 20 Nov voided: 7; chen.jing, the
#     manager, owes 5 a month and visited 2                       9/110
#   training: the weeks ending in November (on Sundays 1, 8, 15, 22 and
#     29 November; that of 30 November is December's), 1 session owed
#     by each department each week (10); service held 2 in the week of
#     2 November (1 credited) and 1 in the next, engineering 1 in the
#     week of 2 November                                            3/10
same "every numerator and denominator, as worked out by hand" \
"2026-11	complaint_timeliness	count	0	0		100	
2026-11	repair_timeliness	count	0	0		95	
2026-11	callback_rate	count	0	0		100	
2026-11	callback_satisfaction	count	0	0		95	
2026-11	first_time_fix	count	0	0			
2026-11	facility_intact	count	2	3	66.7	95	0
2026-11	housing_intact	m2	388.50	478.00	81.3	98	0
2026-11	collection_rate	yuan	358.50	807.00	44.4	85	0
2026-11	arrears_recovery	yuan	234.25	582.75	40.2		
2026-11	combined_collection	yuan	592.75	1389.75	42.7		
2026-11	owner_satisfaction	count	5	7	71.4	95	0
2026-11	owner_satisfaction.repairs	count	3	4	75.0	95	0
2026-11	owner_satisfaction.cleaning	count	2	3	66.7	90	0
2026-11	walk_visits	count	9	110	8.2	100	0
2026-11	training	count	3	10	30.0	100	0" "$nov_tsv"
has "nothing to count is —" "$nov_text" "complaint timeliness                     0/0      —    100%"
# The counts: 3 inspections, the last two failed (a serious item; a
# score of 1/2 under the pass mark); two maintenance records; TANK-1's
# monthly cleaning, due one month after the plan came (1 November), never
# done; the money of the rates; households visited (8 + 2) and sessions
# held (2 + 1 + 1); no persistent defaulter (3 months by default): 3-1-201,
# 3-1-202 and 5-1-101 owe October and November, two months each.
same "the counts behind them" "inspections made                        3
inspections failed                      2
maintenance records                     2
maintenance overdue at the end          1
billed                             807.00
collected                          358.50
arrears at the start               582.75
arrears recovered                  234.25
persistent defaulters                   0
households visited (on quota)          10
training sessions held (on quota)       4" \
	"$(printf '%s\n' "$nov_text" | sed -n '/^Counts/,/^$/p' | sed -n '3,13p')"
same "the maintenance overdue: TANK-1's monthly cleaning, due one month
after the plan came (1 October), never done" \
"TANK-1 clean  水箱清洗              2026-11-01T24:00" \
	"$(printf '%s\n' "$nov_text" | sed -n '/^Maintenance overdue/,/^$/p' | sed -n '3,$p')"
same "the quotas missed, from the records short of their quota" \
"chen.jing/month         walk visits     2     5
zhang.wei               walk visits     7   105
engineering 2026-10-26  training        0     1
service 2026-10-26      training        0     1
engineering 2026-11-09  training        0     1
engineering 2026-11-16  training        0     1
service 2026-11-16      training        0     1
engineering 2026-11-23  training        0     1
service 2026-11-23      training        0     1" \
	"$(printf '%s\n' "$nov_text" | sed -n '/^Quotas missed/,/^$/p' | sed -n '3,$p' | sed 's/ *$//')"

# The records behind each figure, with why.
ok "facility intact" pm-report explain -o tsv facility_intact 2026-11
same "each facility in the register, by its state at the end" \
"FP-1	1	1	good		
PUMP-2	1	1	good		2026-11-20T09:00
TANK-1	0	1	faulty		2026-11-05T09:00" "$(out)"
nov_facility=$(out)
ok "housing intact" pm-report explain -o tsv housing_intact 2026-11
same "each unit graded, with the area it was graded with" \
"3-1-101	89.50	89.50	good		2026-11-03T09:00
3-1-102	89.50	89.50	good		2026-11-03T09:00
3-1-201	89.50	89.50	good		2026-11-03T09:00
3-1-202	0.00	89.50	damaged		2026-11-10T09:00
5-1-101	120.00	120.00	basic_good		2026-11-12T09:00" "$(out)"
nov_housing=$(out)
ok "collection rate" pm-report explain -o tsv collection_rate 2026-11
same "November's lines, the receipt voided, the unit handed over" \
"6	134.25	134.25	paid	2026-11-15T24:00	2026-11-03T10:00
7	134.25	134.25	paid	2026-11-15T24:00	2026-11-04T10:00
8	0.00	134.25	unpaid	2026-11-15T24:00	2026-11-06T10:00
9	0.00	134.25	unpaid	2026-11-15T24:00	
10	0.00	180.00	unpaid	2026-11-15T24:00	
11	90.00	90.00	paid	2026-11-16T24:00	2026-11-25T10:00
SJ000004	0.00	0.00	voided		2026-11-06T10:00
5-1-102	0.00	0.00	handed_over		2026-11-16T00:00" "$(out)"
nov_collection=$(out)
ok "arrears recovery" pm-report explain -o tsv arrears_recovery 2026-11
same "October's lines open on 1 November, and what came in" \
"2	134.25	134.25	paid	2026-10-15T24:00	2026-11-04T10:00
3	0.00	134.25	unpaid	2026-10-15T24:00	
4	0.00	134.25	unpaid	2026-10-15T24:00	
5	100.00	180.00	part_paid	2026-10-15T24:00	2026-11-20T10:00" "$(out)"
nov_arrears=$(out)
for k in combined_collection owner_satisfaction owner_satisfaction.repairs \
    owner_satisfaction.cleaning walk_visits training; do
	ok "explain $k" pm-report explain -o tsv $k 2026-11
	same "$k: the records add up to the figure" \
		"$(printf '%s\n' "$nov_tsv" | awk -F'\t' -v k=$k '$2 == k { print $4 "/" $5 }')" \
		"$(awk -F'\t' '{ n += $2; d += $3 } END { printf "%.2f/%.2f\n", n, d }' "$PM_TMP/out" |
		    sed 's/\.00\//\//; s/\.00$//')"
done
ok "owner satisfaction" pm-report explain -o tsv owner_satisfaction 2026-11
same "each answer of the round, by response and line" \
"1 cleaning	1	1	satisfied		2026-11-09T00:00
1 repairs	1	1	satisfied		2026-11-09T00:00
2 cleaning	0	1	dissatisfied		2026-11-09T00:00
2 repairs	1	1	basic		2026-11-09T00:00
3 cleaning	1	1	satisfied		2026-11-10T00:00
3 repairs	0	1	dissatisfied		2026-11-10T00:00
4 repairs	1	1	satisfied		2026-11-10T00:00" "$(out)"
nov_survey=$(out)
ok "one line" pm-report explain -o tsv owner_satisfaction.repairs 2026-11
same "its answers" "1	1	1	satisfied		2026-11-09T00:00
2	1	1	basic		2026-11-09T00:00
3	0	1	dissatisfied		2026-11-10T00:00
4	1	1	satisfied		2026-11-10T00:00" "$(out)"
ok "walk visits" pm-report explain -o tsv walk_visits 2026-11
same "each person's quota" "chen.jing/month	2	5	short		
zhang.wei	7	105	short		" "$(out)"
nov_visits=$(out)
ok "training" pm-report explain -o tsv training 2026-11
same "each department's week, by its Monday" "engineering 2026-10-26	0	1	short		
service 2026-10-26	0	1	short		
engineering 2026-11-02	1	1	quota_met		
service 2026-11-02	1	1	quota_met		
engineering 2026-11-09	0	1	short		
service 2026-11-09	1	1	quota_met		
engineering 2026-11-16	0	1	short		
service 2026-11-16	0	1	short		
engineering 2026-11-23	0	1	short		
service 2026-11-23	0	1	short		" "$(out)"
nov_training=$(out)
# The appraisal: each person's visits against their quota (the figure's
# records) and month-end test; each department's visits and training.
ok "by staff" pm-report monthly --by staff -o tsv 2026-11
nov_staff=$(out)
same "visits and the month-end test, by hand" \
"wang.qiang 0 0  
chen.jing 2 5  0
li.na 0 0 55.00 0
zhang.wei 7 105 85.00 1" "$(awk -F'\t' '{ print $2, $14, $15, $16, $17 }' "$PM_TMP/out")"
# wang.qiang's two self-checks of the pump room, which no higher level
# re-examined (li.na's spot check was of FP-1): 2 of 2 agreed.
same "self-checks, by hand" "wang.qiang 2 2
chen.jing 0 0
li.na 0 0
zhang.wei 0 0" "$(awk -F'\t' '{ print $2, $18, $19 }' "$PM_TMP/out")"
ok "by department" pm-report monthly --by department -o tsv 2026-11
nov_depts=$(out)
same "visits and training weeks, by hand" "engineering 0 0 1 5
service 9 110 2 5" "$(awk -F'\t' '{ print $2, $13, $14, $15, $16 }' "$PM_TMP/out")"
ok "for people" pm-report monthly --by staff 2026-11
has "a test missed" "$(out)" "chen.jing   陈静  客服部             0        0           —               —                      —    2/5 40.0%          missed"
has "a test failed" "$(out)" "55.00 ✗"
golden "explain for people, in Chinese" report-explain-collection.zh.txt zh pm-report explain 当期收缴率 2026-11
ok "a line's figure in Chinese" zh pm-report monthly 2026-11
has "by the line's name" "$(out)" "业主满意度：维修服务"
ok "a line no round of the period asked" pm-report explain owner_satisfaction.repairs 2026-09
has "has nothing to count" "$(out)" "owner satisfaction.repairs: 0/0 —, target —"
fails 65 "a line no round asked" pm-report explain owner_satisfaction.greening 2026-11
has "is no KPI" "$(err)" "kpi 'owner_satisfaction.greening': unknown KPI"

# A day's collection rate is its month's, to the day's end: on 5
# November SJ000004 still stood.
ok "5 November" pm-report daily -o tsv 2026-11-05
same "month to date" "2026-11-05	collection_rate	yuan	402.75	807.00	49.9	85	0" \
	"$(awk -F'\t' '$2 == "collection_rate"' "$PM_TMP/out")"
# A quota is judged when its day or week has ended: Monday 2 November
# met zhang.wei's 5; Sunday 29 November ended a week with no session; on
# the morning of 1 December nothing of the day or of the week of 30
# November (but that Monday) has been judged.
quotas() { awk -F'\t' '$2 == "walk_visits" || $2 == "training" { print $2, $4 "/" $5 }' "$PM_TMP/out"; }
ok "2 November" pm-report daily -o tsv 2026-11-02
same "the day's visits" "walk_visits 5/5
training 0/0" "$(quotas)"
ok "29 November" pm-report daily -o tsv 2026-11-29
same "the week that ended that Sunday" "walk_visits 0/0
training 0/2" "$(quotas)"
ok "today" pm-report daily -o tsv this
same "nothing judged yet" "walk_visits 0/0
training 0/0" "$(quotas)"
ok "this week" pm-report weekly -o tsv this
same "Monday judged, the week not" "walk_visits 0/5
training 0/0" "$(quotas)"
# October: nothing graded, no survey answered yet, no lines open before.
ok "October" pm-report monthly -o tsv 2026-10
same "— where there is nothing to count" \
"2026-10	facility_intact	count	3	3	100.0	95	1
2026-10	housing_intact	m2	0.00	0.00		98	
2026-10	collection_rate	yuan	134.25	717.00	18.7	85	0
2026-10	arrears_recovery	yuan	0.00	0.00			
2026-10	combined_collection	yuan	134.25	717.00	18.7		
2026-10	owner_satisfaction	count	0	0		95	" \
	"$(awk -F'\t' 'NR >= 6 && NR <= 11' "$PM_TMP/out")"

# December: what could change a careless report of November.  States
# and grades dated back into November, a late maintenance record and a
# late inspection, a November receipt voided and payments, a visit
# voided and one corrected, a session recorded late, an answer voided.
at 2026-12-02T09:00
run pm-inspect facility set-state --state good --reason 修复 --at 2026-11-25T09:00 TANK-1
run pm-inspect grade set --grade good --reason 已修复 --at 2026-11-28T09:00 3-1-202
run pm-inspect grade set --grade good --at 2026-11-28T09:00 5-1-102
run pm-inspect maint record --task clean --done 清洗 --at 2026-11-28T09:00 TANK-1
run pm-inspect record --checklist pump --unit P-PUMP --inspector wang.qiang --at 2026-11-29T10:00 1=fail
run pm-inspect facility set-state --state faulty --reason 异响 FP-1
run pm-fee void --reason 重复收费 SJ000002
run pm-fee pay 3-1-202 268.50
run pm-fee pay 3-1-201 268.50
run pm-visit void --reason 未见到业主 7
run pm-visit correct --at 2026-11-04T10:00 --reason 日期记错 8
run pm-visit add --staff zhang.wei --unit 3-1-201 --at 2026-11-30T10:00
run pm-train add --department engineering --kind in-service --topic 补记 --trainer 王强 --at 2026-11-16T14:00 --hours 1
run pm-survey void --reason 重复提交 2
run pm-train attend --session 5 --score 70 chen.jing
# PUMP-2 and its plan leave the estate file.
grep -v 'PUMP-2' "$PM_TMP/estate.yaml" > "$PM_TMP/estate2.yaml"
run pm-db apply "$PM_TMP/estate2.yaml"
at 2026-12-20T10:00
ok "November's report again" pm-report monthly 2026-11
same "reads the same, byte for byte" "$nov_text" "$(out)"
ok "for programs" pm-report monthly -o tsv 2026-11
same "the same figures" "$nov_tsv" "$(out)"
ok "facilities" pm-report explain -o tsv facility_intact 2026-11
same "TANK-1's repair dated 25 November came too late for November" "$nov_facility" "$(out)"
ok "housing" pm-report explain -o tsv housing_intact 2026-11
same "the same grades" "$nov_housing" "$(out)"
ok "collection" pm-report explain -o tsv collection_rate 2026-11
same "the same lines, SJ000002 still paying line 6" "$nov_collection" "$(out)"
ok "arrears" pm-report explain -o tsv arrears_recovery 2026-11
same "the same" "$nov_arrears" "$(out)"
ok "survey" pm-report explain -o tsv owner_satisfaction 2026-11
same "response 2 still counted" "$nov_survey" "$(out)"
ok "visits" pm-report explain -o tsv walk_visits 2026-11
same "the same quotas" "$nov_visits" "$(out)"
ok "the appraisal" pm-report monthly --by staff -o tsv 2026-11
same "the same" "$nov_staff" "$(out)"
ok "by department" pm-report monthly --by department -o tsv 2026-11
same "the same" "$nov_depts" "$(out)"
ok "training" pm-report explain -o tsv training 2026-11
same "the late session not in" "$nov_training" "$(out)"
# December sees what was done in it: FP-1 faulty, TANK-1 good again,
# PUMP-2 retired; every unit graded good or basically good.
at 2027-01-01T07:00
ok "December's figures" pm-report monthly -o tsv 2026-12
same "as December has them" \
"2026-12	facility_intact	count	1	2	50.0	95	0
2026-12	housing_intact	m2	598.00	598.00	100.0	98	1" \
	"$(awk -F'\t' '$2 ~ /intact/' "$PM_TMP/out")"
ok "December's facilities" pm-report explain -o tsv facility_intact 2026-12
same "PUMP-2 left the register in December" "FP-1	0	1	faulty		2026-12-02T09:00
PUMP-2	0	0	retired		
TANK-1	1	1	good		2026-11-25T09:00" "$(out)"
done_testing
