#!/bin/sh
# gen-inspect.sh - build a large estate for pm-inspect's benchmarks:
# 10,000 units (400 of them vacant), 100 public areas, 200 staff, 2,000
# facilities with 2,333 maintenance plans, three rounds (a daily patrol
# of the 100 public areas, a monthly check of 200 plant facilities, the
# vacant units monthly) and 5 work-plan entries; then DAYS days of
# records up to the day before NOW: every patrol made by a staff member,
# a tenth re-examined by the team lead and a fiftieth spot-checked by the
# supervisor the same day; each plant facility and vacant unit checked
# monthly; each maintenance task carried out at its interval (a day or
# two late now and then), the lifts' statutory inspections with their new
# certificates; the work plans done weekly.  Failures are a few in a
# hundred, more often found by the higher levels.
#
#   sh bench/gen-inspect.sh BINDIR DB DAYS NOW
#
# NOW is a local time (2026-11-16T09:30); the estate is applied DAYS days
# before it, so every plan entered the register then.  Sourced data only
# from here: run by bench/inspect-queries.sh, which caches the result.
set -e
bin=$1 db=$2 days=$3 now=$4
top=$(cd "$(dirname "$0")/.." && pwd)
today=${now%T*}
start=$(date -d "$today -$days days" +%F)
rm -f "$db" "$db-wal" "$db-shm"
yaml=$db.yaml
awk 'BEGIN {
	print "estate:"
	print "  name: 基准花园"
	print "  timezone: Asia/Shanghai"
	split("service engineering cleaning security greening", dep, " ")
	split("客服部 工程部 保洁部 秩序部 绿化部", depname, " ")
	print "departments:"
	for (d = 1; d <= 5; d++)
		printf "  - {code: %s, name: %s}\n", dep[d], depname[d]
	print "staff:"
	for (i = 0; i < 200; i++) {
		d = int(i / 40) + 1
		role = i % 40 == 0 ? "manager" : i % 40 == 1 ? "supervisor" : \
		    i % 10 == 2 ? "lead" : "staff"
		printf "  - {login: %s.%03d, name: 员工%03d, department: %s, role: %s}\n",
		    dep[d], i, i, dep[d], role
	}
	print "buildings:"
	for (b = 1; b <= 40; b++) {
		printf "  - code: \"%d\"\n    name: %d号楼\n    units:\n", b, b
		print "      - {entrances: 1-2, floors: 1-25, rooms: [1, 5], area: 89.50}"
		print "      - {entrances: 1-2, floors: 1-25, rooms: 2-4, area: 120.30}"
	}
	print "public_areas:"
	for (p = 1; p <= 100; p++)
		printf "  - {code: P-%03d, name: 公共区域%d}\n", p, p
	print "categories:"
	print "  - {code: facility-repair, name: 设备设施维修, kind: repair, department: engineering}"
	print "  - {code: patrol-issue, name: 巡查整改, kind: repair, department: security}"
	print "  - {code: water-leak, name: 漏水, kind: repair, department: engineering}"
	print "checklists:"
	print "  - code: patrol"
	print "    name: 秩序巡逻检查"
	print "    department: security"
	print "    category: patrol-issue"
	print "    items: [消防通道畅通, 灭火器在位, 安全出口指示灯完好, 监控探头正常, 无违章停车]"
	print "  - code: plant"
	print "    name: 设备房月检"
	print "    department: engineering"
	print "    category: facility-repair"
	print "    items:"
	print "      - {check: 设备运行正常, serious: true}"
	print "      - {check: 压力在正常范围, reading: MPa, min: 0.50, max: 1.00}"
	print "      - 阀门位置正确"
	print "      - 无渗漏"
	print "      - 控制柜处于自动状态"
	print "      - 机房清洁"
	print "  - code: vacant-unit"
	print "    name: 空置房月检"
	print "    department: service"
	print "    category: water-leak"
	print "    items:"
	print "      - 门封完好"
	print "      - {check: 水表读数, reading: m³, unchanged: true}"
	print "      - {check: 电表读数, reading: kWh, unchanged: true}"
	split("fire lift power water security other", kind, " ")
	print "facilities:"
	for (f = 1; f <= 2000; f++) {
		k = kind[(f - 1) % 6 + 1]
		printf "  - {code: F-%04d, name: 设备%d, kind: %s, location: P-%03d, department: %s",
		    f, f, k, (f - 1) % 100 + 1, k == "security" ? "security" : "engineering"
		if (k == "lift")
			printf ", certificate: %s", "2027-0" (f % 9 + 1) "-15"
		print "}"
	}
	print "maintenance:"
	print "  - {task: weekly, name: 周保养, every: weekly, kind: fire}"
	print "  - {task: service, name: 电梯半月维保, every: 15d, hard: true, kind: lift}"
	print "  - {task: statutory, name: 电梯定期检验, every: yearly, ahead: 1 month, kind: lift}"
	print "  - {task: monthly, name: 月保养, every: monthly, kind: power}"
	print "  - {task: quarterly, name: 季度保养, every: quarterly, kind: water}"
	print "  - {task: monthly, name: 月保养, every: monthly, kind: security}"
	print "  - {task: yearly, name: 年度保养, every: yearly, kind: other}"
	print "rounds:"
	printf "  - {code: patrol, name: 秩序巡逻, checklist: patrol, every: daily, department: security, places: ["
	for (p = 1; p <= 100; p++)
		printf "%sP-%03d", (p > 1 ? ", " : ""), p
	print "]}"
	printf "  - {code: plant, name: 设备房月检, checklist: plant, every: monthly, department: engineering, places: ["
	for (f = 1; f <= 200; f++)
		printf "%sF-%04d", (f > 1 ? ", " : ""), f
	print "]}"
	print "  - {code: vacant, name: 空置房月检, checklist: vacant-unit, places: vacant, every: monthly, department: service}"
	print "work_plans:"
	print "  - {code: appraisal, name: 保洁质量考核, department: cleaning, months: 1-12, every: monthly}"
	print "  - {code: training, name: 保洁员培训, department: cleaning, months: 1-3, days: [tue, thu]}"
	print "  - {code: rain, name: 雨季特别清洁, department: cleaning, months: 7-9, every: weekly}"
	print "  - {code: leaves, name: 落叶清扫, department: cleaning, months: 10-11, every: daily}"
	print "  - {code: snow, name: 除雪准备, department: cleaning, months: 11, every: once}"
}' > "$yaml"
PM_NOW="${start}T08:00" "$bin/pm-db" init -d "$db" > /dev/null
PM_NOW="${start}T08:00" "$bin/pm-db" apply -d "$db" "$yaml" > /dev/null
rm -f "$yaml"

# The records.  Days are local (UTC+8); a check at 09:00 local is 01:00Z.
# h(x) is a deterministic spread over 0..99 of an integer x.
sqlite3 "$db" > /dev/null <<EOF
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
BEGIN;
UPDATE units SET occupancy = CASE WHEN kind = 'unit' AND code LIKE '%01'
    AND floor % 5 = 0 THEN 'vacant' ELSE 'occupied' END;
CREATE TEMP TABLE days(i INTEGER PRIMARY KEY, d TEXT);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $days)
INSERT INTO days SELECT i, date('$start', '+' || i || ' days') FROM n;
CREATE TEMP TABLE places(p INTEGER PRIMARY KEY);
WITH RECURSIVE n(p) AS (SELECT 1 UNION ALL SELECT p + 1 FROM n WHERE p < 100)
INSERT INTO places SELECT p FROM n;
CREATE TEMP TABLE five(k INTEGER PRIMARY KEY);
INSERT INTO five VALUES (1), (2), (3), (4), (5), (6);

-- The patrol: ids i*300 + p (self), + 100 (lead, a tenth), + 200
-- (supervisor, a fiftieth); self fails 2 in 100 items, the lead 5, the
-- supervisor 8.
CREATE TEMP TABLE pc(id INTEGER PRIMARY KEY, level TEXT, place TEXT, day TEXT,
    at TEXT, inspector TEXT, of INTEGER, rate INTEGER);
INSERT INTO pc SELECT i * 300 + p, 'self', printf('P-%03d', p), d,
    d || 'T01:' || printf('%02d', p % 60) || ':00Z',
    printf('security.%03d', 123 + p % 7), NULL, 2 FROM days, places;
INSERT INTO pc SELECT i * 300 + 100 + p, 'lead', printf('P-%03d', p), d,
    d || 'T05:' || printf('%02d', p % 60) || ':00Z', 'security.122',
    CASE WHEN p % 3 = 0 THEN i * 300 + p END, 5
    FROM days, places WHERE (i + p) % 10 = 0;
INSERT INTO pc SELECT i * 300 + 200 + p, 'supervisor', printf('P-%03d', p), d,
    d || 'T07:' || printf('%02d', p % 60) || ':00Z', 'security.121', NULL, 8
    FROM days, places WHERE (i + p) % 50 = 0;
INSERT INTO inspection_items(inspection_id, n, text, weight, serious, result,
    category, note)
SELECT id, k, CASE k WHEN 1 THEN '消防通道畅通' WHEN 2 THEN '灭火器在位'
    WHEN 3 THEN '安全出口指示灯完好' WHEN 4 THEN '监控探头正常' ELSE '无违章停车' END,
    1, 0, CASE WHEN ((id / 300) * 7 + (id % 100) * 13 + k * 31) % 100 < rate
    THEN 'fail' ELSE 'pass' END, 'patrol-issue', NULL
    FROM pc, five WHERE k <= 5;
INSERT INTO inspections(id, checklist, level, place_kind, place, unit, day, at,
    inspector, recorded_at, recorded_by, of, passed, weight, failed, result)
SELECT pc.id, 'patrol', level, 'unit', place, place, day, at, inspector, at,
    inspector, of, sum(t.result = 'pass'), 5, sum(t.result = 'fail'),
    CASE WHEN sum(t.result = 'fail') > 0 THEN 'fail' ELSE 'pass' END
    FROM pc JOIN inspection_items t ON t.inspection_id = pc.id GROUP BY pc.id;

-- The plant round and the vacant units, monthly, after the patrol's ids.
CREATE TEMP TABLE mc(id INTEGER PRIMARY KEY, checklist TEXT, kind TEXT,
    place TEXT, unit TEXT, day TEXT, at TEXT, inspector TEXT, m INTEGER);
INSERT INTO mc(checklist, kind, place, unit, day, at, inspector, m)
SELECT 'plant', 'facility', f.code, f.location, d, d || 'T02:00:00Z',
    printf('engineering.%03d', 43 + i % 7), i / 30
    FROM days JOIN facilities f ON f.code <= 'F-0200'
    WHERE i % 30 = CAST(substr(f.code, 3) AS INTEGER) % 30;
INSERT INTO mc(checklist, kind, place, unit, day, at, inspector, m)
SELECT 'vacant-unit', 'unit', u.code, u.code, d, d || 'T03:00:00Z',
    printf('service.%03d', 3 + i % 7), i / 30
    FROM days JOIN units u ON u.occupancy = 'vacant'
    WHERE i % 30 = (u.floor + u.entrance * 7) % 30;
UPDATE mc SET id = id + (SELECT max(id) FROM inspections);
INSERT INTO inspection_items(inspection_id, n, text, weight, serious, result,
    reading, previous, unit_of, category)
SELECT id, k, '项目' || k, 1, k = 1,
    CASE WHEN (id * 7 + k * 31) % 100 < 3 THEN 'fail' ELSE 'pass' END,
    CASE k WHEN 2 THEN 600 + (id * 13) % 300 END, NULL,
    CASE k WHEN 2 THEN 'MPa' END, 'facility-repair'
    FROM mc, five WHERE checklist = 'plant';
INSERT INTO inspection_items(inspection_id, n, text, weight, serious, result,
    reading, previous, unit_of, category)
SELECT id, k, '项目' || k, 1, 0,
    CASE WHEN k > 1 AND (id * 11) % 100 < 2 THEN 'fail' ELSE 'pass' END,
    CASE k WHEN 2 THEN 100000 + m * 10 WHEN 3 THEN 3000000 END,
    CASE WHEN k > 1 AND m > 0 THEN CASE k WHEN 2 THEN 100000 + m * 10 - 10
    ELSE 3000000 END END, CASE k WHEN 2 THEN 'm³' WHEN 3 THEN 'kWh' END,
    'water-leak'
    FROM mc, five WHERE checklist = 'vacant-unit' AND k <= 3;
INSERT INTO inspections(id, checklist, level, place_kind, place, unit, day, at,
    inspector, recorded_at, recorded_by, of, passed, weight, failed, result)
SELECT mc.id, checklist, 'self', kind, place, unit, day, at, inspector, at,
    inspector, NULL, sum(t.result = 'pass'), count(*), sum(t.result = 'fail'),
    CASE WHEN sum(t.result = 'fail') > 0 THEN 'fail' ELSE 'pass' END
    FROM mc JOIN inspection_items t ON t.inspection_id = mc.id GROUP BY mc.id;

-- Maintenance at each plan's interval from the start, now and then a
-- day or two late.
INSERT INTO maint_records(facility, task, at, who, recorded_at, done,
    contractor, cost, result, certificate)
SELECT p.facility, p.task, x.d || 'T06:00:00Z', 'engineering.045',
    x.d || 'T06:00:00Z', p.name, f.contractor, 20000, 'good',
    CASE p.task WHEN 'statutory' THEN date(x.d, '+1 year') END
    FROM maint_plans p JOIN facilities f ON f.code = p.facility
    JOIN days x ON CASE WHEN p.every_days > 0
    THEN x.i % p.every_days = (CAST(substr(p.facility, 3) AS INTEGER) * 3) % p.every_days
    ELSE x.i % (p.every_months * 30) = (CAST(substr(p.facility, 3) AS INTEGER) * 3) % (p.every_months * 30) END;

-- The work plans, done each week on Mondays.
INSERT INTO work_records(plan, at, who, recorded_at, note)
SELECT w.code, x.d || 'T04:00:00Z', 'cleaning.083', x.d || 'T04:00:00Z', NULL
    FROM work_plans w JOIN days x ON strftime('%w', x.d) = '1';
COMMIT;
PRAGMA journal_mode = WAL;
EOF
