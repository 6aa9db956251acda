-- gen-tickets.sql - fill a pm database (made by "pm-db init" and applied
-- tests/data/ticket-estate.yaml) with a large estate's five years of
-- service desk: 50 buildings of 200 units (10,000 units) and @COUNT@
-- tickets, each with its "add" history row and audit row, as pm-ticket
-- would have written them.  bench/ticket-add.sh runs it through the
-- sqlite3 shell, replacing @COUNT@; it is deterministic.
--
-- Durability is off while generating: the measurement runs with
-- synchronous=FULL, the generation need not.
PRAGMA synchronous = OFF;
PRAGMA foreign_keys = OFF;
PRAGMA cache_size = -200000;
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

-- One ticket every 157 seconds from 2021-11-23: five years.  All but
-- the last 500 are closed after a callback.
CREATE TEMP TABLE cat(k INTEGER PRIMARY KEY, code, kind, level);
INSERT INTO cat VALUES (0, 'door-lock', 'repair', 3), (1, 'water-leak', 'repair', 3),
    (2, 'noise', 'complaint', 3), (3, 'fee-question', 'inquiry', 3),
    (4, 'door-lock', 'repair', 2), (5, 'water-outage', 'repair', 1),
    (6, 'idea', 'suggestion', 3);
CREATE TEMP TABLE who(k INTEGER PRIMARY KEY, login);
INSERT INTO who VALUES (0, 'zhang.wei'), (1, 'li.na'), (2, 'wang.qiang'),
    (3, 'zhao.lei'), (4, 'chen.jing');

INSERT INTO tickets(id, kind, category, unit, source, description, status,
    level, level_reason, receiver, assignee, received_at, notice_due,
    same_day_due, feedback_due, completion_due, noticed_at, feedback_at,
    resolved_at, callback_at, callback_by, satisfaction, closed_at)
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < @COUNT@),
g AS (SELECT n, 1637625600 + n * 157 AS r, (n * 7919) % 10000 AS i,
    n % 7 AS c, n > @COUNT@ - 500 AS open FROM t)
SELECT n, cat.kind, cat.code,
    (11 + i / 200) || '-' || (i / 100 % 2 + 1) || '-' ||
    ((i / 4 % 25 + 1) * 100 + i % 4 + 1),
    CASE n % 3 WHEN 0 THEN 'phone' WHEN 1 THEN 'walk-in' ELSE 'online' END,
    '第' || n || '号 生成的工单',
    CASE WHEN NOT open THEN 'closed' ELSE
        CASE n % 4 WHEN 0 THEN 'new' WHEN 1 THEN 'assigned'
        WHEN 2 THEN 'in_progress' ELSE 'resolved' END END,
    cat.level, 'generated', (SELECT login FROM who WHERE k = n % 2),
    (SELECT login FROM who WHERE k = 2 + n % 2),
    strftime('%Y-%m-%dT%H:%M:%SZ', r, 'unixepoch'),
    CASE WHEN cat.level < 3 THEN strftime('%Y-%m-%dT%H:%M:%SZ', r + 300 * cat.level, 'unixepoch') END,
    strftime('%Y-%m-%dT16:00:00Z', r + 28800, 'unixepoch'),
    strftime('%Y-%m-%dT%H:%M:%SZ', r + 2 * 86400, 'unixepoch'),
    strftime('%Y-%m-%dT%H:%M:%SZ', r + 7 * 86400, 'unixepoch'),
    CASE WHEN cat.level < 3 THEN strftime('%Y-%m-%dT%H:%M:%SZ', r + 240, 'unixepoch') END,
    CASE WHEN NOT open THEN strftime('%Y-%m-%dT%H:%M:%SZ', r + 3600, 'unixepoch') END,
    CASE WHEN NOT open OR n % 4 = 3 THEN strftime('%Y-%m-%dT%H:%M:%SZ', r + 20000, 'unixepoch') END,
    CASE WHEN NOT open THEN strftime('%Y-%m-%dT%H:%M:%SZ', r + 90000, 'unixepoch') END,
    CASE WHEN NOT open THEN 'li.na' END,
    CASE WHEN NOT open THEN CASE n % 20 WHEN 0 THEN 'dissatisfied' WHEN 1 THEN 'basic' ELSE 'satisfied' END END,
    CASE WHEN NOT open THEN strftime('%Y-%m-%dT%H:%M:%SZ', r + 90060, 'unixepoch') END
FROM g JOIN cat ON cat.k = g.c;

INSERT INTO ticket_history(ticket_id, at, who, action, from_status, to_status, detail)
SELECT id, received_at, receiver, 'add', NULL, 'new', 'generated' FROM tickets;

INSERT INTO audit(at, who, program, verb, tbl, row_id, summary)
SELECT received_at, receiver, 'pm-ticket', 'add', 'tickets', id, 'add: generated'
FROM tickets;

COMMIT;
PRAGMA foreign_keys = ON;
PRAGMA foreign_key_check;
PRAGMA wal_checkpoint(TRUNCATE);
