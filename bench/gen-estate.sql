-- gen-estate.sql - add to a database of gen-tickets.sql the history the
-- other tools would have written over the same @SPAN@ seconds up to
-- 2026-11-14T03:06:40Z, as pm-fee, pm-inspect, pm-visit, pm-train and
-- pm-survey write it, so that pm-report has every figure to compute.
-- bench/lib.sh (bench_estate) runs it through the sqlite3 shell on a
-- copy of the tickets' database, replacing @SPAN@; it is deterministic.
--
-- What the estate holds (the 10,000 generated units; the months are the
-- whole local months from the first after the span's start, to November
-- 2026, which is cut at the span's end):
--   * fees: a service fee by area (1.85 a m² a month, 1.95 from 2025)
--     and a parking fee (150.00 a space a month, 2,000 spaces), billed
--     on the 1st of each month, due at its end; 9,880 units were handed
--     over before the span, the other 120 one by one across it (billed
--     from the month after).  Each unit's month is paid in one receipt:
--     88% within the month, 8% one to four months late, 4% thirteen
--     months late (arrears recovered); the units n % 97 = 3 never pay
--     (persistent defaulters).  One receipt in 211 is voided an hour
--     later and paid again by a new one.
--   * inspections: 160 facilities (100 lifts, 20 pumps, 30 fire
--     installations, 10 power rooms) with a maintenance plan each (lifts
--     every 15 days, a hard limit; pumps monthly; fire quarterly; power
--     yearly), carried out on time but for one in 53 four days late;
--     each facility's self-check every Monday (3 items, 3% failed), its
--     lead's check the same day every fourth week (5% failed, so some
--     disagree), a supervisor's spot check every 13th week on a quarter
--     of them; a fault every 97 days or so, repaired in two days (one in
--     seven out of service for ten); every unit's housing grade at the
--     start and each March.
--   * people: 21 service staff owing 5 walk visits a working day (some
--     days 3), the manager 5 a month; one visit in 200 corrected the
--     next day; each department's training every Wednesday (one week in
--     23 missed) and a test on the 25th of each month, attended by all
--     its staff; a survey round per quarter begun within the span, four
--     service lines on a scale of 5, answered by 30% of the units in the
--     quarter's first month.
PRAGMA synchronous = OFF;
PRAGMA foreign_keys = OFF;
PRAGMA cache_size = -400000;
BEGIN;

-- The span: S its start, E its end (seconds since the epoch, UTC); the
-- local zone is UTC+8.
CREATE TEMP TABLE span(s INTEGER, e INTEGER);
INSERT INTO span VALUES (1794625600 - @SPAN@, 1794625600);

-- Local days z (days since 1970-01-01) of the span, working or not, as
-- gen-tickets.sql reads the calendar.
CREATE TEMP TABLE dz(z INTEGER PRIMARY KEY, d TEXT, working INTEGER,
    dow INTEGER);
INSERT INTO dz
WITH RECURSIVE d(z) AS (SELECT (s + 28800) / 86400 FROM span
    UNION ALL SELECT z + 1 FROM d WHERE z < (SELECT (e + 28800) / 86400 FROM span))
SELECT z, date(z * 86400, 'unixepoch'), coalesce((SELECT working
    FROM calendar_days WHERE date = date(z * 86400, 'unixepoch')),
    CASE WHEN (z + 4) % 7 IN (0, 6) THEN 0 ELSE 1 END), (z + 3) % 7 FROM d;

-- The months: k from 0, 'YYYY-MM', the first and last local days, and
-- the UTC second the month starts.
CREATE TEMP TABLE mo(k INTEGER PRIMARY KEY, m TEXT, d0 TEXT, dl TEXT,
    t0 INTEGER);
INSERT INTO mo
WITH RECURSIVE m(k, d0) AS (
    SELECT 0, date((s + 28800), 'unixepoch', 'start of month', '+1 month')
    FROM span
    UNION ALL SELECT k + 1, date(d0, '+1 month') FROM m
    WHERE date(d0, '+1 month') <= (SELECT date(e + 28800, 'unixepoch') FROM span))
SELECT k, substr(d0, 1, 7), d0, date(d0, '+1 month', '-1 day'),
    strftime('%s', d0) - 28800 FROM m;

-- The generated units, numbered as gen-tickets.sql made them.
CREATE TEMP TABLE u(i INTEGER PRIMARY KEY, code TEXT, building TEXT,
    area INTEGER, handover TEXT, hz INTEGER);
INSERT INTO u
WITH RECURSIVE u(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM u WHERE i < 9999)
SELECT i, (11 + i / 200) || '-' || (i / 100 % 2 + 1) || '-' ||
    ((i / 4 % 25 + 1) * 100 + i % 4 + 1), 11 + i / 200, 8950 + i % 7 * 1000,
    CASE WHEN i < 9880 THEN '2020-06-30'
    ELSE date(s + 28800 + (i - 9880) * ((e - s) / 121), 'unixepoch') END,
    CASE WHEN i < 9880 THEN 0 ELSE (s + 28800 + (i - 9880) * ((e - s) / 121)) / 86400 END
FROM u, span;

-- More staff: the butlers (管家) who walk the households, the engineers.
INSERT INTO staff(login, name, department, role, retired)
WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 20)
SELECT printf('butler%02d', k), '管家' || k, 'service', 'staff', 0 FROM n
UNION ALL
SELECT printf('eng%02d', k), '工程' || k, 'engineering', 'staff', 0 FROM n
WHERE k <= 6;
INSERT INTO staff_history(at, login, department, role, retired)
SELECT '1970-01-01T00:00:00Z', login, department, role, retired FROM staff
WHERE login LIKE 'butler%' OR login LIKE 'eng0%' ORDER BY login;
CREATE TEMP TABLE walkers(si INTEGER PRIMARY KEY, login TEXT);
INSERT INTO walkers SELECT 0, 'zhang.wei';
INSERT INTO walkers SELECT k, printf('butler%02d', k) FROM (
    WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 20)
    SELECT k FROM n);
CREATE TEMP TABLE engineers(ei INTEGER PRIMARY KEY, login TEXT);
INSERT INTO engineers SELECT 0, 'wang.qiang';
INSERT INTO engineers SELECT k, printf('eng%02d', k) FROM (
    WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 6)
    SELECT k FROM n);

INSERT OR REPLACE INTO kpi_targets(kpi, target) VALUES
    ('facility_intact', 9500), ('housing_intact', 9800),
    ('collection_rate', 8500), ('owner_satisfaction', 9500),
    ('walk_visits', 10000), ('training', 10000);

-- ---------------------------------------------------------------- fees

INSERT INTO fee_books(code, name, kind) VALUES ('service', '物业服务收入', 'income');
INSERT INTO fee_series(code, name, prefix, digits) VALUES ('SJ', '物业收费收据', 'SJ', 8);
INSERT INTO fee_items(code, name, book, basis, frequency, due_day,
    start_rule, formula) VALUES
    ('service', '物业服务费', 'service', 'area', 'monthly', 31, 'next-month',
	'建筑面积 × 单价'),
    ('parking', '车位管理费', 'service', 'space', 'monthly', 31, 'next-month',
	'每个车位每月');
INSERT INTO fee_rates(key, item, from_day, rate) VALUES
    ('parking 2020-01-01', 'parking', '2020-01-01', 1500000),
    ('service 2020-01-01', 'service', '2020-01-01', 18500),
    ('service 2025-01-01', 'service', '2025-01-01', 19500);
INSERT INTO fee_spaces(code, item)
WITH RECURSIVE n(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM n WHERE j < 2000)
SELECT printf('B1-%04d', j), 'parking' FROM n;
INSERT INTO fee_holders(key, space, unit, from_day)
SELECT printf('B1-%04d', u.i / 5 + 1) || ' 2020-06-30', printf('B1-%04d', u.i / 5 + 1),
    u.code, '2020-06-30' FROM u WHERE u.i % 5 = 0;
INSERT INTO fee_handovers(unit, day, posted, who)
SELECT code, handover, strftime('%Y-%m-%dT%H:%M:%SZ',
    strftime('%s', handover) - 28800 + 36000, 'unixepoch'), 'zhang.wei'
FROM u ORDER BY handover, code;
INSERT INTO fee_runs(id, verb, period, posted, who)
SELECT k + 1, 'bill', m, strftime('%Y-%m-%dT%H:%M:%SZ', t0 + 7200, 'unixepoch'),
    'chen.jing' FROM mo ORDER BY k;

-- Each unit's month: when it is paid (pt, NULL: not by the span's end),
-- and whether its first receipt is voided.
CREATE TEMP TABLE um AS
SELECT u.i, u.code AS unit, u.building, u.area, mo.k, mo.m, mo.d0, mo.dl,
    mo.t0, h, CASE WHEN u.i % 97 = 3 THEN NULL
	WHEN h < 880 THEN mo.t0 + (h * 31 % 25) * 86400 + 36000 + h % 8 * 3600
	WHEN h < 960 THEN CAST(strftime('%s', mo.d0, '+' || (1 + h % 4) || ' months')
	    AS INTEGER) - 28800 + (h % 25) * 86400 + 36000 + h % 8 * 3600
	ELSE CAST(strftime('%s', mo.d0, '+13 months') AS INTEGER) - 28800
	    + (h % 25) * 86400 + 36000 END AS pt,
    h % 211 = 5 AS voided
FROM (SELECT u.*, mo.k, (u.i * 7919 + mo.k * 104729) % 1000 AS h
    FROM u JOIN mo ON mo.d0 > u.handover) u JOIN mo ON mo.k = u.k;
UPDATE um SET pt = NULL WHERE pt + CASE WHEN voided THEN 7200 ELSE 0 END
    > (SELECT e FROM span);

-- The bill lines of each month's run.
CREATE TEMP TABLE bl AS
SELECT um.*, 'service' AS item, NULL AS space, area AS quantity,
    CASE WHEN d0 >= '2025-01-01' THEN 19500 ELSE 18500 END AS rate
FROM um
UNION ALL
SELECT um.*, 'parking', printf('B1-%04d', i / 5 + 1), 100, 1500000
FROM um WHERE i % 5 = 0;
CREATE TEMP TABLE bls AS SELECT * FROM bl ORDER BY k, i, item;
DROP TABLE bl;

-- The receipts, numbered in the order posted.
CREATE TEMP TABLE dc AS
SELECT row_number() OVER (ORDER BY t, i) AS id, * FROM (
    SELECT i, k, unit, pt AS t, voided AS first_voided, h FROM um
	WHERE pt IS NOT NULL
    UNION ALL
    SELECT i, k, unit, pt + 7200, 0, h FROM um WHERE pt IS NOT NULL AND voided);
CREATE INDEX dc_ik ON dc(i, k, first_voided);

INSERT INTO fee_lines(id, unit, building, item, space, kind, period,
    from_day, to_day, quantity, rate, amount, due_day, note, run, posted,
    who, paid, paid_at)
SELECT row_number() OVER (ORDER BY rowid), unit, building, item, space,
    'charge', m, d0, dl, quantity, rate, (quantity * rate + 5000) / 10000,
    dl, NULL, k + 1, strftime('%Y-%m-%dT%H:%M:%SZ', t0 + 7200, 'unixepoch'),
    'chen.jing',
    CASE WHEN pt IS NOT NULL THEN (quantity * rate + 5000) / 10000 ELSE 0 END,
    strftime('%Y-%m-%dT%H:%M:%SZ', pt + CASE WHEN voided THEN 7200 ELSE 0 END,
	'unixepoch')
FROM bls ORDER BY rowid;
CREATE TEMP TABLE lid AS SELECT f.id, b.i, b.k, b.item,
    (b.quantity * b.rate + 5000) / 10000 AS amount
FROM bls b JOIN fee_lines f ON f.id = b.rowid;
CREATE INDEX lid_ik ON lid(i, k);
DROP TABLE bls;

INSERT INTO fee_docs(id, series, number, receipt, kind, unit, amount,
    method, day, posted, who)
SELECT dc.id, 'SJ', dc.id, printf('SJ%08d', dc.id), 'payment', dc.unit,
    (SELECT sum(amount) FROM lid WHERE lid.i = dc.i AND lid.k = dc.k),
    CASE dc.h % 4 WHEN 0 THEN 'cash' WHEN 1 THEN 'wechat'
	WHEN 2 THEN 'alipay' ELSE 'transfer' END,
    date(dc.t + 28800, 'unixepoch'),
    strftime('%Y-%m-%dT%H:%M:%SZ', dc.t, 'unixepoch'),
    CASE dc.h % 2 WHEN 0 THEN 'zhang.wei' ELSE 'li.na' END
FROM dc ORDER BY dc.id;
INSERT INTO fee_voids(doc, reason, posted, who)
SELECT id, '金额录错', strftime('%Y-%m-%dT%H:%M:%SZ', t + 3600, 'unixepoch'),
    'li.na' FROM dc WHERE first_voided ORDER BY id;

-- The settlements: each receipt pays its unit's month, a voided one is
-- taken back an hour later.
INSERT INTO fee_allocs(line, doc, cause, amount, value_day, posted)
SELECT line, doc, cause, amount, date(t + 28800, 'unixepoch'),
    strftime('%Y-%m-%dT%H:%M:%SZ', t, 'unixepoch') FROM (
    SELECT lid.id AS line, dc.id AS doc, 'pay' AS cause, lid.amount, dc.t
    FROM dc JOIN lid ON lid.i = dc.i AND lid.k = dc.k
    UNION ALL
    SELECT lid.id, dc.id, 'void', -lid.amount, dc.t + 3600
    FROM dc JOIN lid ON lid.i = dc.i AND lid.k = dc.k WHERE dc.first_voided)
ORDER BY t, doc, line;
DROP TABLE dc;
DROP TABLE lid;
DROP TABLE um;

-- ---------------------------------------------------------- inspections

INSERT INTO units(code, kind, name, area, occupancy) VALUES
    ('P-PUMP', 'public', '水泵房', 12000, 'vacant'),
    ('P-FIRE', 'public', '消防控制室', 6000, 'vacant'),
    ('P-POWER', 'public', '配电房', 9000, 'vacant');

CREATE TEMP TABLE fc(fid INTEGER PRIMARY KEY, code TEXT, name TEXT,
    kind TEXT, location TEXT, task TEXT, tname TEXT, every_days INTEGER,
    every_months INTEGER, hard INTEGER);
INSERT INTO fc(code, name, kind, location, task, tname, every_days,
    every_months, hard)
WITH RECURSIVE n(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM n WHERE j < 99)
SELECT 'LIFT-' || (11 + j / 2) || '-' || (j % 2 + 1),
    (11 + j / 2) || '号楼' || (j % 2 + 1) || '单元电梯', 'lift',
    (11 + j / 2) || '-' || (j % 2 + 1) || '-101', 'service', '电梯半月保养',
    15, 0, 1 FROM n
UNION ALL SELECT 'PUMP-' || (j + 1), (j + 1) || '号水泵', 'water', 'P-PUMP',
    'service', '水泵保养', 0, 1, 0 FROM n WHERE j < 20
UNION ALL SELECT 'FIRE-' || (j + 1), (j + 1) || '号消防设施', 'fire', 'P-FIRE',
    'flow-test', '流量压力测试', 0, 3, 0 FROM n WHERE j < 30
UNION ALL SELECT 'POWER-' || (j + 1), (j + 1) || '号配电柜', 'power', 'P-POWER',
    'check', '年度检测', 0, 12, 0 FROM n WHERE j < 10;

INSERT INTO categories(code, name, kind, department)
SELECT 'facility-repair', '设备设施维修', 'repair', 'engineering'
WHERE NOT EXISTS (SELECT 1 FROM categories WHERE code = 'facility-repair');
INSERT INTO checklists(code, name, department, category, pass_score)
SELECT DISTINCT kind || '-check', kind || ' 周检', 'engineering',
    'facility-repair', 9000 FROM fc;
INSERT INTO checklist_items(key, checklist, n, text, weight, serious,
    unchanged)
SELECT DISTINCT kind || '-check 0' || n.n, kind || '-check', n.n,
    CASE n.n WHEN 1 THEN '运行正常' WHEN 2 THEN '外观完好' ELSE '记录齐全' END,
    1, n.n = 1, 0
FROM fc, (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3) n;
INSERT INTO facilities(code, name, kind, location, department)
SELECT code, name, kind, location, 'engineering' FROM fc ORDER BY fid;
INSERT INTO maint_plans(key, facility, task, name, every_days, every_months,
    ahead_days, ahead_months, hard)
SELECT code || ' ' || task, code, task, tname, every_days, every_months, 0,
    0, hard FROM fc ORDER BY fid;
-- pm-db apply's audit rows, a month before the span, which the
-- register's trigger reads.
INSERT INTO audit(at, who, program, verb, tbl, row_id, summary)
SELECT strftime('%Y-%m-%dT%H:%M:%SZ', s - 30 * 86400, 'unixepoch'),
    'chen.jing', 'pm-db', 'apply', tbl, key, 'added: ' || name FROM (
    SELECT fid, 0 AS o, 'facilities' AS tbl, code AS key, name FROM fc
    UNION ALL SELECT fid, 1, 'maint_plans', code || ' ' || task, tname FROM fc),
    span ORDER BY fid, o;

-- Planned maintenance, each interval after the last.
INSERT INTO maint_records(facility, task, at, who, recorded_at, done, cost,
    result)
SELECT code, task, strftime('%Y-%m-%dT%H:%M:%SZ', t, 'unixepoch'), who,
    strftime('%Y-%m-%dT%H:%M:%SZ', t + 3600, 'unixepoch'), tname, 0,
    CASE WHEN (n + fid) % 41 = 0 THEN 'faulty' ELSE 'good' END
FROM (WITH RECURSIVE r(fid, n, d) AS (
	SELECT fid, 0, date(s + 28800 + fid % 15 * 86400, 'unixepoch') FROM fc, span
	UNION ALL SELECT r.fid, n + 1, CASE WHEN fc.every_days > 0
	    THEN date(d, '+' || (fc.every_days + CASE WHEN (n * 7 + r.fid) % 53 = 0
		THEN 4 ELSE 0 END) || ' days')
	    ELSE date(d, '+' || fc.every_months || ' months') END
	FROM r JOIN fc ON fc.fid = r.fid
	WHERE d < (SELECT date(e + 28800, 'unixepoch') FROM span))
    SELECT r.fid, r.n, fc.code, fc.task, fc.tname,
	strftime('%s', r.d) - 28800 + 32400 + r.fid * 60 AS t,
	(SELECT login FROM engineers WHERE ei = r.fid % 7) AS who
    FROM r JOIN fc ON fc.fid = r.fid)
WHERE t < (SELECT e FROM span) ORDER BY t, fid;

-- Faults and repairs, every 97 days or so from a day of its own.
INSERT INTO facility_states(facility, state, at, recorded_at, who, reason)
SELECT code, state, strftime('%Y-%m-%dT%H:%M:%SZ', t, 'unixepoch'),
    strftime('%Y-%m-%dT%H:%M:%SZ', t + 1800, 'unixepoch'), 'zhao.lei', reason
FROM (WITH RECURSIVE f(fid, n, t) AS (
	SELECT fid, 0, s + (fid * 37 % 97) * 86400 + 3600 FROM fc, span
	UNION ALL SELECT fid, n + 1, t + (90 + (fid + n) % 15) * 86400 FROM f
	WHERE t < (SELECT e FROM span))
    SELECT f.fid, fc.code, CASE WHEN (f.n + f.fid) % 7 = 0
	THEN 'out_of_service' ELSE 'faulty' END AS state, f.t, '报修' AS reason
	FROM f JOIN fc ON fc.fid = f.fid
    UNION ALL
    SELECT f.fid, fc.code, 'good', f.t + CASE WHEN (f.n + f.fid) % 7 = 0
	THEN 10 ELSE 2 END * 86400, '修复' FROM f JOIN fc ON fc.fid = f.fid)
WHERE t < (SELECT e FROM span) ORDER BY t, fid;

-- The checks: each Monday a self-check of every facility; every fourth
-- week its lead's the same day; every 13th week a supervisor's.
CREATE TEMP TABLE ck AS
SELECT row_number() OVER (ORDER BY t, fid, lv) AS id, * FROM (
    SELECT fc.fid, fc.code, fc.kind, fc.location, dz.z, dz.d, w.w,
	lv, CASE lv WHEN 0 THEN 'self' WHEN 1 THEN 'lead' ELSE 'supervisor' END
	AS level,
	CASE lv WHEN 0 THEN (SELECT login FROM engineers WHERE ei = fc.fid % 7)
	    WHEN 1 THEN 'zhao.lei' ELSE 'li.na' END AS who,
	dz.z * 86400 - 28800 + 32400 + fc.fid * 120 + lv * 7200 AS t,
	(fc.fid * 31 + w.w * 17) % 100 < CASE lv WHEN 0 THEN 3 ELSE 5 END AS failed
    FROM dz JOIN (SELECT z, z / 7 AS w FROM dz WHERE dow = 0) w ON w.z = dz.z
    CROSS JOIN fc
    CROSS JOIN (SELECT 0 AS lv UNION ALL SELECT 1 UNION ALL SELECT 2) l
    WHERE lv = 0 OR (lv = 1 AND w.w % 4 = 0)
	OR (lv = 2 AND w.w % 13 = 0 AND fc.fid % 4 = 0))
WHERE t < (SELECT e FROM span);
CREATE INDEX ck_fzl ON ck(fid, z, lv);
INSERT INTO inspections(id, checklist, level, place_kind, place, unit, day,
    at, inspector, recorded_at, recorded_by, of, passed, weight, failed,
    result)
SELECT id, kind || '-check', level, 'facility', code, location, d,
    strftime('%Y-%m-%dT%H:%M:%SZ', t, 'unixepoch'), who,
    strftime('%Y-%m-%dT%H:%M:%SZ', t + 600, 'unixepoch'), who,
    CASE WHEN lv > 0 THEN (SELECT c2.id FROM ck c2 WHERE c2.fid = ck.fid
	AND c2.z = ck.z AND c2.lv = 0) END,
    CASE WHEN failed THEN 2 ELSE 3 END, 3, failed,
    CASE WHEN failed THEN 'fail' ELSE 'pass' END
FROM ck ORDER BY id;
INSERT INTO inspection_items(inspection_id, n, text, weight, serious,
    result, category)
SELECT ck.id, n.n, CASE n.n WHEN 1 THEN '运行正常' WHEN 2 THEN '外观完好'
	ELSE '记录齐全' END, 1, n.n = 1,
    CASE WHEN ck.failed AND n.n = 2 THEN 'fail' ELSE 'pass' END,
    'facility-repair'
FROM ck, (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3) n
ORDER BY ck.id, n.n;
DROP TABLE ck;

-- Housing grades: every unit at the span's start and each March, a
-- building at a time.
INSERT INTO housing_grades(unit, grade, area, building, at, recorded_at,
    who, reason)
SELECT u.code, CASE WHEN (u.i * 13 + g.y) % 100 < 94 THEN 'good'
	WHEN (u.i * 13 + g.y) % 100 < 99 THEN 'basic' ELSE 'damaged' END,
    u.area, u.building,
    strftime('%Y-%m-%dT%H:%M:%SZ', g.t + (u.building - 11) * 86400 / 4, 'unixepoch'),
    strftime('%Y-%m-%dT%H:%M:%SZ', g.t + (u.building - 11) * 86400 / 4 + 3600,
	'unixepoch'), 'zhao.lei', '年度房屋完损等级评定'
FROM (SELECT 0 AS y, s + 86400 AS t FROM span
    UNION ALL SELECT CAST(substr(d, 1, 4) AS INTEGER), z * 86400 - 28800 + 7200
    FROM dz WHERE substr(d, 6) = '03-01') g CROSS JOIN u
ORDER BY g.t, u.building, u.i;

-- -------------------------------------------------------------- people

INSERT INTO visit_quotas(key, department, role, per, households, days,
    from_day) VALUES
    ('service staff day', 'service', 'staff', 'day', 5, 'working', ''),
    ('service manager month', 'service', 'manager', 'month', 5, 'all', '');
INSERT INTO training_quotas(key, department, min_sessions, max_sessions,
    from_day) VALUES ('engineering', 'engineering', 1, 2, ''),
    ('service', 'service', 1, 2, '');
INSERT INTO survey_lines(code, name, target, position) VALUES
    ('service', '客户服务', 9500, 1), ('repair', '维修服务', 9000, 2),
    ('security', '安全秩序', 9000, 3), ('cleaning', '环境卫生', 9000, 4);
-- Applied a month before the span, like the register above: the quotas
-- and targets in force are those applied by a period's end (0012).
INSERT INTO audit(at, who, program, verb, tbl, row_id, summary)
SELECT strftime('%Y-%m-%dT%H:%M:%SZ', s - 30 * 86400, 'unixepoch'),
    'chen.jing', 'pm-db', 'apply', tbl, key, 'added' FROM (
    SELECT 'visit_quotas' AS tbl, key FROM visit_quotas
    UNION ALL SELECT 'training_quotas', key FROM training_quotas
    UNION ALL SELECT 'kpi_targets', kpi FROM kpi_targets), span;

-- Walk visits: each service staff member five households a working day
-- (three on some days), the manager five on the 5th to 9th of a month.
CREATE TEMP TABLE vs AS
SELECT row_number() OVER (ORDER BY t, si, j) AS id, * FROM (
    SELECT w.si, w.login, dz.z, j.j,
	dz.z * 86400 - 28800 + 54000 + w.si * 97 + j.j * 1200 AS t,
	(dz.z * 105 + w.si * 5 + j.j) % 10000 AS ui,
	(dz.z * 31 + w.si * 7 + j.j * 3) % 200 AS h
    FROM dz CROSS JOIN walkers w
    CROSS JOIN (SELECT 0 AS j UNION ALL SELECT 1 UNION ALL SELECT 2
	UNION ALL SELECT 3 UNION ALL SELECT 4) j
    WHERE dz.working AND (j.j < 3 OR (dz.z + w.si * 3) % 29 <> 0)
    UNION ALL
    SELECT 99, 'chen.jing', dz.z, 0, dz.z * 86400 - 28800 + 36000,
	(dz.z * 211) % 10000, dz.z % 200
    FROM dz WHERE CAST(substr(d, 9) AS INTEGER) BETWEEN 5 AND 9)
WHERE t < (SELECT e FROM span);
INSERT INTO visits(id, record, version, unit, staff, at, met, satisfaction,
    raised, category, recorded_at, recorded_by)
SELECT vs.id, vs.id, 1, u.code, login,
    strftime('%Y-%m-%dT%H:%M:%SZ', t, 'unixepoch'), '业主',
    CASE WHEN h % 50 = 0 THEN 'dissatisfied' WHEN h % 10 = 1 THEN 'basic'
	ELSE 'satisfied' END,
    CASE WHEN h % 20 = 3 THEN '楼道灯不亮' END,
    CASE WHEN h % 20 = 3 THEN 'other' END,
    strftime('%Y-%m-%dT%H:%M:%SZ', t + 1800, 'unixepoch'), login
FROM vs JOIN u ON u.i = vs.ui ORDER BY vs.id;
-- One in 200 corrected the next day.
INSERT INTO visits(record, version, unit, staff, at, met, satisfaction,
    raised, category, note, recorded_at, recorded_by)
SELECT v.record, 2, v.unit, v.staff, v.at, v.met, 'satisfied', v.raised,
    v.category, '更正满意度',
    strftime('%Y-%m-%dT%H:%M:%SZ', vs.t + 86400, 'unixepoch'), v.staff
FROM vs JOIN visits v ON v.id = vs.id
WHERE vs.h = 7 AND vs.t + 86400 < (SELECT e FROM span) ORDER BY vs.t + 86400, vs.id;
DROP TABLE vs;

-- Training: each department every Wednesday at 14:00 (one week in 23
-- missed), a test on the 25th; everyone of the department attends.
INSERT INTO training_sessions(id, record, version, department, kind, topic,
    at, hours, trainer, place, pass_mark, recorded_at, recorded_by)
SELECT id, id, 1, dept, kind, topic,
    strftime('%Y-%m-%dT%H:%M:%SZ', t, 'unixepoch'), 150, trainer, '培训室',
    CASE WHEN kind = 'test' THEN 6000 END,
    strftime('%Y-%m-%dT%H:%M:%SZ', t + 7200, 'unixepoch'), trainer
FROM (SELECT row_number() OVER (ORDER BY t, dept) AS id, * FROM (
    SELECT dp.dept, dp.trainer, 'in-service' AS kind, '岗位技能' AS topic,
	dz.z * 86400 - 28800 + 50400 + dp.o * 3600 AS t
    FROM dz CROSS JOIN (SELECT 'service' AS dept, 'li.na' AS trainer, 0 AS o
	UNION ALL SELECT 'engineering', 'zhao.lei', 1) dp
    WHERE dz.dow = 2 AND (dz.z / 7 + dp.o) % 23 <> 0
    UNION ALL
    SELECT dp.dept, dp.trainer, 'test', '月末考核',
	dz.z * 86400 - 28800 + 36000 + dp.o * 3600
    FROM dz CROSS JOIN (SELECT 'service' AS dept, 'li.na' AS trainer, 0 AS o
	UNION ALL SELECT 'engineering', 'zhao.lei', 1) dp
    WHERE substr(dz.d, 9) = '25')
    WHERE t < (SELECT e FROM span))
ORDER BY id;
INSERT INTO training_attendance(id, record, version, session, staff, score,
    passed, recorded_at, recorded_by)
SELECT row_number() OVER (ORDER BY s.id, st.login),
    row_number() OVER (ORDER BY s.id, st.login), 1, s.record, st.login,
    CASE WHEN s.kind = 'test' THEN 5000 + (s.id * 7 + length(st.login) * 13) % 50 * 100 END,
    CASE WHEN s.kind = 'test' THEN 5000 + (s.id * 7 + length(st.login) * 13) % 50 * 100 >= 6000 END,
    s.recorded_at, s.recorded_by
FROM training_sessions s JOIN staff st ON st.department = s.department
ORDER BY s.id, st.login;

-- A survey round each quarter begun within the span, answered by 30% of
-- the units within its first month.
INSERT INTO survey_rounds(id, quarter, starts, title, scale, overall_target,
    opened_at, opened_by)
SELECT row_number() OVER (ORDER BY z), substr(d, 1, 4) || '-Q' ||
    ((CAST(substr(d, 6, 2) AS INTEGER) + 2) / 3),
    strftime('%Y-%m-%dT%H:%M:%SZ', z * 86400 - 28800, 'unixepoch'),
    '业主满意度调查', 5, 9500,
    strftime('%Y-%m-%dT%H:%M:%SZ', z * 86400 - 28800 + 9 * 86400, 'unixepoch'),
    'li.na'
FROM dz WHERE substr(d, 6) IN ('01-01', '04-01', '07-01', '10-01')
    AND z * 86400 - 28800 + 9 * 86400 < (SELECT e FROM span) ORDER BY z;
INSERT INTO survey_round_lines(round, line, name, target, position)
SELECT r.id, l.code, l.name, l.target, l.position
FROM survey_rounds r CROSS JOIN survey_lines l ORDER BY r.id, l.position;
CREATE TEMP TABLE rs AS
SELECT row_number() OVER (ORDER BY t, i) AS id, * FROM (
    SELECT r.id AS round, u.i, u.code,
	strftime('%s', r.starts) + (10 + u.i % 18) * 86400 + 7200 + u.i % 600 AS t
    FROM survey_rounds r CROSS JOIN u WHERE (u.i * 7 + r.id) % 10 < 3)
WHERE t + 86400 < (SELECT e FROM span);
CREATE TEMP TABLE ra AS
SELECT rs.id AS response, rs.line, rs.position,
    CASE WHEN h < 85 THEN 5 WHEN h < 92 THEN 4 WHEN h < 97 THEN 3 ELSE 2 END
	AS score
FROM (SELECT rs.id, (rs.i * 31 + rs.round * 7 + l.position * 13) % 100 AS h,
	l.line, l.position FROM rs JOIN survey_round_lines l ON l.round = rs.round) rs;
CREATE INDEX ra_response ON ra(response);
INSERT INTO survey_responses(id, record, version, round, unit, answered_at,
    source, worst, recorded_at, recorded_by)
SELECT rs.id, rs.id, 1, rs.round, rs.code,
    strftime('%Y-%m-%dT%H:%M:%SZ', rs.t, 'unixepoch'),
    'survey-' || rs.round || '.csv:' || rs.id,
    (SELECT CASE WHEN min(score) >= 4 THEN 'satisfied'
	WHEN min(score) = 3 THEN 'basic' ELSE 'dissatisfied' END
	FROM ra WHERE ra.response = rs.id),
    strftime('%Y-%m-%dT%H:%M:%SZ', rs.t + 86400, 'unixepoch'), 'zhang.wei'
FROM rs ORDER BY rs.id;
INSERT INTO survey_answers(response, line, score, grade)
SELECT response, line, score, CASE WHEN score >= 4 THEN 'satisfied'
    WHEN score = 3 THEN 'basic' ELSE 'dissatisfied' END
FROM ra ORDER BY response, line;
DROP TABLE ra;
DROP TABLE rs;

COMMIT;
PRAGMA foreign_keys = ON;
PRAGMA foreign_key_check;
PRAGMA wal_checkpoint(TRUNCATE);
