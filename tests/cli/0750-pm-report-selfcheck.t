#!/bin/sh
# The appraisal's self-checks agreed, worked out by hand on November
# 2026 scripted through pm-inspect: wang.qiang's self-check that a spot
# check contradicted (1 of 2 agreed), sun.hao's that the higher levels
# confirmed (2 of 2), a department's its members' summed; and a spot
# check recorded in December with a time in November, which pm-inspect
# compare shows but which leaves November's appraisal as it was.
. "$PM_TOP/tests/cli/lib.sh"
out() { cat "$PM_TMP/out"; }
zh() { env LANG=zh_CN.UTF-8 LC_ALL= LANGUAGE= "$@"; }
at() { PM_NOW=$1; export PM_NOW; }
run() { "$@" > /dev/null || { echo "Bail out! $*"; exit 1; }; }

cat > "$PM_TMP/estate.yaml" <<'EOF'
estate:
  name: 测试花园
  timezone: Asia/Shanghai

departments:
  - {code: service, name: 客服部}
  - {code: engineering, name: 工程部}

staff:
  - {login: li.na, name: 李娜, department: service, role: supervisor}
  - {login: wang.qiang, name: 王强, department: engineering, role: staff}
  - {login: sun.hao, name: 孙浩, department: engineering, role: staff}
  - {login: zhao.lei, name: 赵磊, department: engineering, role: lead}

buildings:
  - code: "3"
    name: 3号楼
    units:
      - {entrances: 1, floors: 1, rooms: 1, area: 89.50}

public_areas:
  - {code: P-PUMP, name: 水泵房, area: 120.00}

categories:
  - {code: facility-repair, name: 设备设施维修, kind: repair, department: engineering}

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
EOF
export PM_USER=li.na
at 2026-11-01T08:00
run pm-db init
run pm-db apply "$PM_TMP/estate.yaml"

ins() { run pm-inspect record --checklist pump "$@"; }
# wang.qiang checks the pump room (checks 1 and 4), sun.hao the fire
# pump (2 and 5, the second failing the pump's start).
at 2026-11-10T10:00; ins --as wang.qiang --unit P-PUMP
at 2026-11-11T10:00; ins --as sun.hao --facility FP-1
# li.na's spot check of the pump room the same day fails the valve's
# seal that wang.qiang passed (3): his check of the 10th is contradicted.
at 2026-11-10T15:00; ins --as li.na --unit P-PUMP 2=fail
at 2026-11-17T10:00; ins --as wang.qiang --unit P-PUMP
at 2026-11-18T10:00; ins --as sun.hao --facility FP-1 1=fail
# zhao.lei's lead check (6) fails the start as sun.hao did: agreed; li.na
# passes FP-1 after sun.hao's of the 11th (7): agreed.
at 2026-11-18T11:00; ins --as zhao.lei --facility FP-1 1=fail
at 2026-11-11T16:00; ins --as li.na --facility FP-1

at 2026-12-01T08:00
ok "by staff" pm-report monthly --by staff -o tsv 2026-11
nov_staff=$(out)
same "agreed of self-checks, by hand" "sun.hao 2 2
wang.qiang 1 2
zhao.lei 0 0
li.na 0 0" "$(awk -F'\t' '{ print $2, $18, $19 }' "$PM_TMP/out")"
ok "by department" pm-report monthly --by department -o tsv 2026-11
nov_depts=$(out)
same "a department's, its members' summed" "engineering 3 4
service 0 0" "$(awk -F'\t' '{ print $2, $17, $18 }' "$PM_TMP/out")"
ok "as JSON" pm-report monthly --by staff -o json 2026-11
has "the keys" "$(out)" '"agreed":1,"self_checks":2'
ok "for people" pm-report monthly --by staff 2026-11
nov_text=$(out)
has "the heading" "$nov_text" "self-checks agreed"
same "each person's figure, the last column" "sun.hao 2/2 100.0%
wang.qiang 1/2 50.0%
zhao.lei —
li.na —" "$(awk '$1 ~ /^[a-z]+\.[a-z]+$/ { if ($NF ~ /%$/) print $1, $(NF-1), $NF; else print $1, $NF }' "$PM_TMP/out")"
ok "by department, for people" pm-report monthly --by department 2026-11
has "summed" "$(out)" "3/4 75.0%"
ok "in Chinese" zh pm-report monthly --by staff 2026-11
has "the Chinese heading" "$(out)" "自检一致率"
ok "pm-inspect compare" pm-inspect compare --summary -o tsv 2026-11
same "says the same: one item of wang.qiang's passed and failed" "wang.qiang 1 2 1
sun.hao 2 4 0" "$(awk -F'\t' '{ print $1, $3, $4, $5 }' "$PM_TMP/out" | sort -r)"

# December: li.na records a spot check of FP-1 dated 11 November that
# fails the seal sun.hao passed, and sun.hao a self-check dated 30
# November.  compare, which reads every check, now flags sun.hao; the
# closed month's appraisal reads the same.
at 2026-12-02T09:00
ins --as li.na --facility FP-1 --at 2026-11-11T17:00 2=fail
ins --as sun.hao --facility FP-1 --at 2026-11-30T10:00
ok "compare" pm-inspect compare -o tsv --inspector sun.hao 2026-11
has "sees the late check" "$(out)" "sun.hao	self	2	2026-11-11	pump	FP-1	2"
ok "November's appraisal again" pm-report monthly --by staff -o tsv 2026-11
same "the same" "$nov_staff" "$(out)"
ok "by department" pm-report monthly --by department -o tsv 2026-11
same "the same" "$nov_depts" "$(out)"
ok "for people" pm-report monthly --by staff 2026-11
same "byte for byte" "$nov_text" "$(out)"
# December's own appraisal, while it runs: the checks dated November are
# not December's.
ok "December" pm-report monthly --by staff -o tsv this
same "no self-check in December" "0 0 0 0 0 0 0 0" "$(awk -F'\t' '{ printf "%s %s ", $18, $19 }' "$PM_TMP/out" | sed 's/ $//')"
done_testing
