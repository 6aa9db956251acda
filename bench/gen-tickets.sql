-- gen-tickets.sql - fill a pm database (made by "pm-db init" and applied
-- tests/data/ticket-estate.yaml) with a large estate's five years of
-- service desk, as pm-ticket would have written them: 50 buildings of 200
-- units (10,000 units) and @COUNT@ tickets received evenly over the
-- @SPAN@ seconds up to 2026-11-14T03:06:40Z (157,000,000 seconds is five
-- years, from 2021-11-23), each with every event that happened to it
-- (ticket_events), the stretches it was unresolved (ticket_spans), the
-- notices "pm-ticket due --mark" recorded (ticket_notices) and one audit
-- row per event.  bench/lib.sh runs it through the sqlite3 shell,
-- replacing @COUNT@ and @SPAN@; it is deterministic.
--
-- What each ticket is, from its number n:
--   * unit and category from m, which is n, except that every 50th
--     ticket repeats the unit and category of ticket n - 37 (received
--     hours or days before), so the repeat rule gives level 2;
--   * the level as pm_ticket_add() decides it: 1 for the urgent category
--     (water-outage), 2 when a ticket of the same unit and category not
--     cancelled was received within 30 days before, else 3;
--   * the deadlines as pm computes them: notice 5 or 10 minutes, onsite
--     30 minutes for the emergency categories, same-day at the end of the
--     local day, feedback and completion 2 and 5 working days on the
--     estate's calendar (08:30-12:00 and 13:30-17:30, Monday to Friday,
--     and the 2026 holidays and make-up days of calendar_days);
--   * its fate: the last 500 are open (new, assigned, in progress,
--     waiting, resolved, called back in turn); of the others 1% are
--     cancelled, 1% reopened once after a dissatisfied callback, and the
--     rest resolved after a time whose span class is 0 (74%: 5.5 to 20.5
--     hours), 1 (20%: 1 to 7 days), 2 (3%: 8 to 31 days), 3 (1%: 32 to
--     365 days) or 4 (0.2%: 367 to 730 days), then called back (repairs
--     and complaints, a third of the others) and closed.  A long one that
--     would end after the last ticket is received is resolved as class 0.
--
-- Events are written in the order they happened across all tickets, as
-- the desk would have appended them, and the audit rows beside them.
-- Durability is off while generating: the measurement runs with
-- synchronous=FULL, the generation need not.
PRAGMA synchronous = OFF;
PRAGMA foreign_keys = OFF;
PRAGMA cache_size = -400000;
BEGIN;

INSERT INTO buildings(code, name)
WITH RECURSIVE b(n) AS (SELECT 11 UNION ALL SELECT n + 1 FROM b WHERE n < 60)
SELECT n, n || '号楼' FROM b;

-- Unit i (0-9999): building 11 + i/200, entrance 1-2, floor 1-25, room 1-4.
INSERT INTO units(code, building, entrance, floor, area, occupancy)
WITH RECURSIVE u(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM u WHERE i < 9999)
SELECT (11 + i / 200) || '-' || (i / 100 % 2 + 1) || '-' ||
    ((i / 4 % 25 + 1) * 100 + i % 4 + 1),
    11 + i / 200, i / 100 % 2 + 1, i / 4 % 25 + 1, 8950 + i % 7 * 1000,
    'occupied'
FROM u;

CREATE TEMP TABLE cat(k INTEGER PRIMARY KEY, code, kind, urgent, emergency);
INSERT INTO cat VALUES (0, 'door-lock', 'repair', 0, 0),
    (1, 'water-leak', 'repair', 0, 1), (2, 'noise', 'complaint', 0, 0),
    (3, 'fee-question', 'inquiry', 0, 0), (4, 'door-lock', 'repair', 0, 0),
    (5, 'water-outage', 'repair', 1, 1), (6, 'idea', 'suggestion', 0, 0);

-- The working calendar: local day z (days since 1970-01-01), whether it
-- is a working day, and how many working days come before it; wdn(k) is
-- the k-th working day.  A time's working position is 27000 (seconds in
-- a working day) per working day before its day, plus the working
-- seconds of its day gone by; a deadline "s working seconds later" is
-- the working day and second of position + s, the end of a span when it
-- uses the span up exactly (work_forward() in libpm/clock.c).
CREATE TEMP TABLE wd(z INTEGER PRIMARY KEY, working INTEGER, before INTEGER);
INSERT INTO wd
SELECT z, w, sum(w) OVER (ORDER BY z) - w FROM (
    WITH RECURSIVE d(z) AS (SELECT 18900 UNION ALL SELECT z + 1 FROM d
	WHERE z < 21600)
    SELECT z, coalesce((SELECT working FROM calendar_days
	WHERE date = date(z * 86400, 'unixepoch')),
	CASE WHEN (z + 4) % 7 IN (0, 6) THEN 0 ELSE 1 END) AS w FROM d);
CREATE TEMP TABLE wdn(k INTEGER PRIMARY KEY, z INTEGER);
INSERT INTO wdn SELECT before, z FROM wd WHERE working = 1;

-- Step 1: what was received, and what became of it.  Times are seconds
-- since the epoch (UTC); the local zone is UTC+8 (Asia/Shanghai).
CREATE TEMP TABLE g0 AS
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < @COUNT@),
a AS (SELECT n, 1794625600 - @SPAN@ + n * @SPAN@ / @COUNT@ AS r,
    CASE WHEN n % 50 = 25 AND n > 37 THEN n - 37 ELSE n END AS m,
    (n * 389) % 1000 AS f, n > @COUNT@ - 500 AS open FROM t)
SELECT n, r, open, f,
    CASE WHEN open THEN 'open' WHEN f >= 990 THEN 'cancel'
	WHEN f >= 980 THEN 'reopen' ELSE 'close' END AS fate,
    (11 + (m * 7919) % 10000 / 200) || '-' || ((m * 7919) % 10000 / 100 % 2 + 1)
	|| '-' || (((m * 7919) % 10000 / 4 % 25 + 1) * 100 + (m * 7919) % 4 + 1)
	AS unit,
    cat.code AS category, cat.kind AS kind, cat.urgent AS urgent,
    cat.emergency AS emergency,
    CASE n % 2 WHEN 0 THEN 'zhang.wei' ELSE 'li.na' END AS receiver,
    CASE WHEN cat.kind = 'repair' THEN CASE n / 2 % 2 WHEN 0 THEN 'wang.qiang'
	ELSE 'zhao.lei' END ELSE 'zhang.wei' END AS worker,
    CASE n % 3 WHEN 0 THEN 'phone' WHEN 1 THEN 'walk-in' ELSE 'online' END
	AS source,
    '第' || n || '号 生成的工单' AS description,
    -- Seconds from receipt to the (first) resolution.
    CASE WHEN f < 2 AND r + 800 * 86400 < 1794625600
	THEN (367 + n * 13 % 300) * 86400 + n % 3600
    WHEN f < 12 AND r + 400 * 86400 < 1794625600
	THEN (32 + n * 17 % 330) * 86400 + n % 3600
    WHEN f < 42 AND r + 40 * 86400 < 1794625600
	THEN (8 + n * 19 % 23) * 86400 + n % 3600
    WHEN f < 242 AND r + 10 * 86400 < 1794625600
	THEN 86400 + 600 + n * 23 % (6 * 86400)
    ELSE 20000 + n % 7 * 9000 END AS d
FROM a JOIN cat ON cat.k = a.m % 7;

-- Step 2: the level, as pm_ticket_add() decides it.
CREATE TEMP TABLE g1 AS
SELECT g0.*, CASE WHEN urgent THEN 1 WHEN prev IS NOT NULL
	AND r - (1794625600 - @SPAN@ + prev * @SPAN@ / @COUNT@) <= 2592000 THEN 2
	ELSE 3 END AS lvl,
    CASE WHEN urgent THEN 'urgent category ' || category
	WHEN prev IS NOT NULL
	AND r - (1794625600 - @SPAN@ + prev * @SPAN@ / @COUNT@) <= 2592000
	THEN 'repeat of ticket ' || prev || ' within 30d' ELSE 'routine' END
	AS reason
FROM (SELECT g0.*, max(CASE WHEN fate <> 'cancel' THEN n END) OVER (
    PARTITION BY unit, category ORDER BY n
    ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev FROM g0) g0;
DROP TABLE g0;

-- Step 3: the deadlines and when each event happened (NULL: it did not).
-- The open ones: state n % 6 is new, assigned, in_progress, waiting,
-- resolved, called_back, their events minutes apart.
CREATE TEMP TABLE g AS
SELECT g1.*,
    CASE lvl WHEN 1 THEN r + 300 WHEN 2 THEN r + 600 END AS notice_due,
    CASE WHEN emergency THEN r + 1800 END AS onsite_due,
    ((r + 28800) / 86400 + 1) * 86400 - 28800 AS same_day_due,
    (SELECT wdn.z * 86400 - 28800 + CASE WHEN (pos + 53999) % 27000 + 1 <= 12600
	THEN 30600 ELSE 36000 END + (pos + 53999) % 27000 + 1
	FROM wdn WHERE wdn.k = (pos + 53999) / 27000) AS feedback_due,
    (SELECT wdn.z * 86400 - 28800 + CASE WHEN (pos + 134999) % 27000 + 1 <= 12600
	THEN 30600 ELSE 36000 END + (pos + 134999) % 27000 + 1
	FROM wdn WHERE wdn.k = (pos + 134999) / 27000) AS completion_due,
    CASE WHEN lvl < 3 THEN r + 60 END AS due_at,
    CASE WHEN fate = 'cancel' OR (fate = 'open' AND n % 6 = 0) THEN NULL
	WHEN fate = 'open' THEN r + 120 ELSE r + 300 + n % 4 * 60 END AS assign_at,
    CASE WHEN fate = 'open' THEN CASE WHEN n % 6 IN (2, 3) THEN r + 600 END
	WHEN fate <> 'cancel' AND kind = 'repair' THEN r + 1200 + n % 4 * 60
	END AS start_at,
    CASE WHEN fate = 'open' AND n % 6 = 3 THEN r + 900 END AS wait_at,
    CASE WHEN fate = 'open' THEN CASE WHEN n % 6 >= 4 THEN r + 1800 END
	WHEN fate = 'cancel' THEN NULL ELSE r + d END AS resolve_at,
    CASE WHEN fate = 'cancel' THEN r + 1800 END AS cancel_at
FROM (SELECT g1.*, wd.before * 27000 + CASE WHEN NOT wd.working THEN 0
	WHEN s < 30600 THEN 0 WHEN s < 43200 THEN s - 30600
	WHEN s < 48600 THEN 12600 WHEN s < 63000 THEN s - 36000
	ELSE 27000 END AS pos
    FROM (SELECT g1.*, (r + 28800) % 86400 AS s FROM g1) g1
    JOIN wd ON wd.z = (r + 28800) / 86400) g1;
DROP TABLE g1;

-- The callbacks, the reopening, the second resolution, the close.
CREATE TEMP TABLE gx AS
SELECT g.*,
    CASE WHEN fate = 'open' THEN CASE WHEN n % 6 = 5 THEN r + 2400 END
	WHEN resolve_at IS NOT NULL AND (kind IN ('repair', 'complaint')
	OR n % 3 = 0 OR fate = 'reopen') THEN resolve_at + 70000 END AS callback_at,
    CASE WHEN fate = 'reopen' THEN resolve_at + 70060 END AS reopen_at,
    CASE WHEN fate = 'reopen' THEN resolve_at + 100060 END AS resolve2_at,
    CASE WHEN fate = 'reopen' THEN resolve_at + 170060 END AS callback2_at
FROM g;
DROP TABLE g;
CREATE TEMP TABLE g AS
SELECT gx.*,
    CASE WHEN fate = 'reopen' THEN callback2_at + 60
	WHEN fate = 'close' THEN coalesce(callback_at + 60, resolve_at + 3600)
	END AS close_at,
    coalesce(resolve2_at, resolve_at) AS final_resolve_at,
    coalesce(callback2_at, callback_at) AS final_callback_at,
    CASE WHEN fate = 'reopen' THEN 'satisfied'
	WHEN coalesce(callback2_at, callback_at) IS NULL THEN NULL
	WHEN n % 20 = 0 THEN 'dissatisfied' WHEN n % 20 = 1 THEN 'basic'
	ELSE 'satisfied' END AS satisfaction,
    CASE WHEN fate = 'open' AND n % 6 = 0 THEN 'new'
	WHEN fate = 'open' AND n % 6 = 1 THEN 'assigned'
	WHEN fate = 'open' AND n % 6 = 2 THEN 'in_progress'
	WHEN fate = 'open' AND n % 6 = 3 THEN 'waiting'
	WHEN fate = 'open' AND n % 6 = 4 THEN 'resolved'
	WHEN fate = 'open' THEN 'called_back'
	WHEN fate = 'cancel' THEN 'cancelled' ELSE 'closed' END AS status
FROM gx;
DROP TABLE gx;

-- The tickets as they stand now, times as UTC text like pm's.
INSERT INTO tickets(id, kind, category, unit, source, description, receiver,
    received_at, first_level, first_level_reason, first_notice_due,
    first_onsite_due, first_same_day_due, first_feedback_due,
    first_completion_due, first_resolved_at, status, level, level_reason,
    escalated, assignee, notice_due, onsite_due, same_day_due, feedback_due,
    completion_due, noticed_at, onsite_at, feedback_at, resolved_at,
    resolved_by, callback_at, callback_by, satisfaction, callback_comment,
    closed_at, cancelled_at, paused_at, wait_reason, resume_status,
    paused_seconds, reopen_count, open_since)
SELECT n, kind, category, unit, source, description, receiver,
    strftime('%Y-%m-%dT%H:%M:%SZ', r, 'unixepoch'), lvl, reason,
    strftime('%Y-%m-%dT%H:%M:%SZ', notice_due, 'unixepoch'),
    strftime('%Y-%m-%dT%H:%M:%SZ', onsite_due, 'unixepoch'),
    strftime('%Y-%m-%dT%H:%M:%SZ', same_day_due, 'unixepoch'),
    strftime('%Y-%m-%dT%H:%M:%SZ', feedback_due, 'unixepoch'),
    strftime('%Y-%m-%dT%H:%M:%SZ', completion_due, 'unixepoch'),
    strftime('%Y-%m-%dT%H:%M:%SZ', resolve_at, 'unixepoch'),
    status, lvl, reason, 0, CASE WHEN assign_at IS NOT NULL THEN worker END,
    strftime('%Y-%m-%dT%H:%M:%SZ', notice_due, 'unixepoch'),
    strftime('%Y-%m-%dT%H:%M:%SZ', onsite_due, 'unixepoch'),
    strftime('%Y-%m-%dT%H:%M:%SZ', same_day_due, 'unixepoch'),
    strftime('%Y-%m-%dT%H:%M:%SZ', feedback_due, 'unixepoch'),
    strftime('%Y-%m-%dT%H:%M:%SZ', completion_due, 'unixepoch'),
    strftime('%Y-%m-%dT%H:%M:%SZ', due_at, 'unixepoch'),
    CASE WHEN emergency THEN strftime('%Y-%m-%dT%H:%M:%SZ',
	coalesce(start_at, resolve_at), 'unixepoch') END,
    strftime('%Y-%m-%dT%H:%M:%SZ', coalesce(assign_at, start_at, resolve_at),
	'unixepoch'),
    strftime('%Y-%m-%dT%H:%M:%SZ', final_resolve_at, 'unixepoch'),
    CASE WHEN final_resolve_at IS NOT NULL THEN worker END,
    strftime('%Y-%m-%dT%H:%M:%SZ', final_callback_at, 'unixepoch'),
    CASE WHEN final_callback_at IS NOT NULL THEN 'li.na' END,
    satisfaction, NULL,
    strftime('%Y-%m-%dT%H:%M:%SZ', close_at, 'unixepoch'),
    strftime('%Y-%m-%dT%H:%M:%SZ', cancel_at, 'unixepoch'),
    strftime('%Y-%m-%dT%H:%M:%SZ', wait_at, 'unixepoch'),
    CASE WHEN wait_at IS NOT NULL THEN 'parts' END,
    CASE WHEN wait_at IS NOT NULL THEN 'in_progress' END,
    0, fate = 'reopen',
    CASE WHEN status IN ('new', 'assigned', 'in_progress', 'waiting')
	THEN strftime('%Y-%m-%dT%H:%M:%SZ', r, 'unixepoch') END
FROM g ORDER BY n;

-- Every event, in the order of its time: (at, ord) orders one ticket's.
CREATE TEMP TABLE ev(at INTEGER, ord INTEGER, ticket_id INTEGER, who TEXT,
    event TEXT, from_status TEXT, status TEXT, level INTEGER, assignee TEXT,
    nd TEXT, od TEXT, sd TEXT, fd TEXT, cd TEXT, meets TEXT,
    satisfaction TEXT, detail TEXT);
INSERT INTO ev SELECT r, 0, n, receiver, 'add', NULL, 'new', lvl, NULL,
    strftime('%Y-%m-%dT%H:%M:%SZ', notice_due, 'unixepoch'),
    strftime('%Y-%m-%dT%H:%M:%SZ', onsite_due, 'unixepoch'),
    strftime('%Y-%m-%dT%H:%M:%SZ', same_day_due, 'unixepoch'),
    strftime('%Y-%m-%dT%H:%M:%SZ', feedback_due, 'unixepoch'),
    strftime('%Y-%m-%dT%H:%M:%SZ', completion_due, 'unixepoch'),
    NULL, NULL, kind || ' ' || category || ' at ' || unit || ', level ' ||
    lvl || ' (' || reason || ')' FROM g;
-- "pm-ticket due --mark --within 10m", run by cron every minute.
INSERT INTO ev SELECT due_at, 1, n, 'chen.jing', 'due', 'new', 'new', lvl,
    NULL, NULL, NULL, NULL, NULL, NULL, 'notice', NULL,
    'notice deadline ' || strftime('%Y-%m-%dT%H:%M', notice_due + 28800,
    'unixepoch') || ' reported' FROM g WHERE due_at IS NOT NULL;
INSERT INTO ev SELECT cancel_at, 2, n, receiver, 'cancel', 'new',
    'cancelled', lvl, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    '重复登记' FROM g WHERE cancel_at IS NOT NULL;
INSERT INTO ev SELECT assign_at, 2, n, receiver, 'assign', 'new',
    'assigned', lvl, worker, NULL, NULL, NULL, NULL, NULL, 'feedback', NULL,
    worker FROM g WHERE assign_at IS NOT NULL;
INSERT INTO ev SELECT start_at, 3, n, worker, 'start', 'assigned',
    'in_progress', lvl, worker, NULL, NULL, NULL, NULL, NULL,
    CASE WHEN emergency THEN 'onsite' END, NULL, NULL
FROM g WHERE start_at IS NOT NULL;
INSERT INTO ev SELECT wait_at, 4, n, worker, 'wait', 'in_progress',
    'waiting', lvl, worker, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    'waiting for parts' FROM g WHERE wait_at IS NOT NULL;
INSERT INTO ev SELECT resolve_at, 5, n, worker, 'resolve',
    CASE WHEN start_at IS NOT NULL THEN 'in_progress' ELSE 'assigned' END,
    'resolved', lvl, worker, NULL, NULL, NULL, NULL, NULL,
    CASE WHEN emergency AND start_at IS NULL THEN 'onsite,' ELSE '' END ||
    'same_day,completion', NULL, NULL FROM g WHERE resolve_at IS NOT NULL;
INSERT INTO ev SELECT callback_at, 6, n, 'li.na', 'callback', 'resolved',
    'called_back', lvl, worker, NULL, NULL, NULL, NULL, NULL, NULL,
    CASE WHEN fate = 'reopen' THEN 'dissatisfied' ELSE satisfaction END,
    CASE WHEN fate = 'reopen' THEN 'dissatisfied: 还是漏' ELSE satisfaction END
FROM g WHERE callback_at IS NOT NULL;
INSERT INTO ev SELECT reopen_at, 7, n, 'li.na', 'reopen', 'called_back',
    'assigned', lvl, worker, NULL, NULL, NULL, NULL, NULL,
    '-same_day,-completion', NULL, '回访不满意' FROM g WHERE reopen_at IS NOT NULL;
INSERT INTO ev SELECT resolve2_at, 8, n, worker, 'resolve', 'assigned',
    'resolved', lvl, worker, NULL, NULL, NULL, NULL, NULL,
    'same_day,completion', NULL, NULL FROM g WHERE resolve2_at IS NOT NULL;
INSERT INTO ev SELECT callback2_at, 9, n, 'li.na', 'callback', 'resolved',
    'called_back', lvl, worker, NULL, NULL, NULL, NULL, NULL, NULL,
    'satisfied', 'satisfied' FROM g WHERE callback2_at IS NOT NULL;
INSERT INTO ev SELECT close_at, 10, n,
    CASE WHEN final_callback_at IS NOT NULL THEN 'li.na' ELSE receiver END,
    'close', CASE WHEN final_callback_at IS NOT NULL THEN 'called_back'
    ELSE 'resolved' END, 'closed', lvl, worker, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL FROM g WHERE close_at IS NOT NULL;

CREATE TEMP TABLE evs AS SELECT * FROM ev ORDER BY at, ticket_id, ord;
DROP TABLE ev;

INSERT INTO ticket_events(ticket_id, at, who, event, from_status, status,
    level, assignee, notice_due, onsite_due, same_day_due, feedback_due,
    completion_due, meets, satisfaction, detail)
SELECT ticket_id, strftime('%Y-%m-%dT%H:%M:%SZ', at, 'unixepoch'), who,
    event, from_status, status, level, assignee, nd, od, sd, fd, cd, meets,
    satisfaction, detail FROM evs ORDER BY rowid;

-- tk_save(): the summary reads like the event.
INSERT INTO audit(at, who, program, verb, tbl, row_id, summary, unix_user)
SELECT strftime('%Y-%m-%dT%H:%M:%SZ', at, 'unixepoch'), who, 'pm-ticket',
    event, 'tickets', ticket_id, event ||
    CASE WHEN from_status IS NOT NULL AND from_status <> status
	THEN ' ' || from_status || ' -> ' || status ELSE '' END ||
    CASE WHEN detail IS NOT NULL THEN ': ' || detail ELSE '' END, 'desk'
FROM evs ORDER BY rowid;
DROP TABLE evs;

INSERT INTO ticket_notices(ticket_id, kind, due, at)
SELECT n, 'notice', strftime('%Y-%m-%dT%H:%M:%SZ', notice_due, 'unixepoch'),
    strftime('%Y-%m-%dT%H:%M:%SZ', due_at, 'unixepoch')
FROM g WHERE due_at IS NOT NULL ORDER BY due_at, n;

-- Each stretch unresolved, written when it ended: received to the first
-- resolution or the cancel, and a reopening to the second resolution.
INSERT INTO ticket_spans(ticket_id, opened_at, closed_at, class)
SELECT n, strftime('%Y-%m-%dT%H:%M:%SZ', o, 'unixepoch'),
    strftime('%Y-%m-%dT%H:%M:%SZ', c, 'unixepoch'),
    CASE WHEN c - o <= 86400 THEN 0 WHEN c - o <= 7 * 86400 THEN 1
	WHEN c - o <= 31 * 86400 THEN 2 WHEN c - o <= 366 * 86400 THEN 3
	ELSE 4 END
FROM (SELECT n, r AS o, coalesce(resolve_at, cancel_at) AS c FROM g
	WHERE coalesce(resolve_at, cancel_at) IS NOT NULL
    UNION ALL SELECT n, reopen_at, resolve2_at FROM g
	WHERE reopen_at IS NOT NULL)
ORDER BY c, n;
DROP TABLE g;

COMMIT;
PRAGMA foreign_keys = ON;
PRAGMA foreign_key_check;
PRAGMA wal_checkpoint(TRUNCATE);
