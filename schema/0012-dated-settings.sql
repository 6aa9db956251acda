-- 0012: the estate file's quotas and KPI targets, dated.
--
-- visit_quotas, training_quotas and kpi_targets hold what the estate
-- file says now; pm-db apply changes a row in place, or deletes it when
-- the file no longer has it.  A figure of a closed period read them as
-- they are now, so a quota removed or a target raised in December moved
-- November's marks.  Each change apply makes now leaves a version here,
-- at the time of its audit row (pm's clock), and the figures of a
-- period read the versions in force at its cut, as they read every
-- other fact: a change applied after a month ended leaves the month as
-- it was.
--
-- A version is written by the trigger on the change's audit row, which
-- apply writes just after the change, so the version copies the row as
-- it then is; 'removed' 1 when the row is gone.  The rows already here
-- start from their first audit row (or from the beginning when they
-- have none) with the values they hold now: what they held before that
-- is not known.

CREATE TABLE visit_quota_versions (
	id	INTEGER PRIMARY KEY,
	at	TEXT NOT NULL,
	key	TEXT NOT NULL,
	removed	INTEGER NOT NULL CHECK (removed = 0 OR removed = 1),
	department TEXT,		-- the row's columns; NULL when removed
	role	TEXT,
	per	TEXT,
	households INTEGER,
	days	TEXT,
	from_day TEXT
);
CREATE INDEX visit_quota_versions_key ON visit_quota_versions(key, at, id);

INSERT INTO visit_quota_versions(at, key, removed, department, role, per,
    households, days, from_day)
SELECT coalesce((SELECT min(a.at) FROM audit a WHERE a.tbl = 'visit_quotas'
    AND a.row_id = q.key), '1970-01-01T00:00:00Z'), q.key, 0, q.department,
    q.role, q.per, q.households, q.days, q.from_day
FROM visit_quotas q ORDER BY q.key;

CREATE TRIGGER visit_quota_versions_audit AFTER INSERT ON audit
    WHEN NEW.tbl = 'visit_quotas'
BEGIN
	INSERT INTO visit_quota_versions(at, key, removed, department, role,
	    per, households, days, from_day)
	SELECT NEW.at, NEW.row_id, q.key IS NULL, q.department, q.role, q.per,
	    q.households, q.days, q.from_day
	FROM (SELECT NEW.row_id AS k) LEFT JOIN visit_quotas q ON q.key = k;
END;

CREATE TABLE training_quota_versions (
	id	INTEGER PRIMARY KEY,
	at	TEXT NOT NULL,
	key	TEXT NOT NULL,
	removed	INTEGER NOT NULL CHECK (removed = 0 OR removed = 1),
	department TEXT,
	min_sessions INTEGER,
	max_sessions INTEGER,
	from_day TEXT
);
CREATE INDEX training_quota_versions_key ON training_quota_versions(key, at,
	id);

INSERT INTO training_quota_versions(at, key, removed, department,
    min_sessions, max_sessions, from_day)
SELECT coalesce((SELECT min(a.at) FROM audit a
    WHERE a.tbl = 'training_quotas' AND a.row_id = q.key),
    '1970-01-01T00:00:00Z'), q.key, 0, q.department, q.min_sessions,
    q.max_sessions, q.from_day
FROM training_quotas q ORDER BY q.key;

CREATE TRIGGER training_quota_versions_audit AFTER INSERT ON audit
    WHEN NEW.tbl = 'training_quotas'
BEGIN
	INSERT INTO training_quota_versions(at, key, removed, department,
	    min_sessions, max_sessions, from_day)
	SELECT NEW.at, NEW.row_id, q.key IS NULL, q.department,
	    q.min_sessions, q.max_sessions, q.from_day
	FROM (SELECT NEW.row_id AS k) LEFT JOIN training_quotas q ON q.key = k;
END;

-- A KPI's target: 'target' NULL when the file says none (the figure is
-- shown without a mark), as in kpi_targets.
CREATE TABLE kpi_target_versions (
	id	INTEGER PRIMARY KEY,
	at	TEXT NOT NULL,
	kpi	TEXT NOT NULL,
	removed	INTEGER NOT NULL CHECK (removed = 0 OR removed = 1),
	target	INTEGER
);
CREATE INDEX kpi_target_versions_kpi ON kpi_target_versions(kpi, at, id);

INSERT INTO kpi_target_versions(at, kpi, removed, target)
SELECT coalesce((SELECT min(a.at) FROM audit a WHERE a.tbl = 'kpi_targets'
    AND a.row_id = t.kpi), '1970-01-01T00:00:00Z'), t.kpi, 0, t.target
FROM kpi_targets t ORDER BY t.kpi;

CREATE TRIGGER kpi_target_versions_audit AFTER INSERT ON audit
    WHEN NEW.tbl = 'kpi_targets'
BEGIN
	INSERT INTO kpi_target_versions(at, kpi, removed, target)
	SELECT NEW.at, NEW.row_id, t.kpi IS NULL, t.target
	FROM (SELECT NEW.row_id AS k) LEFT JOIN kpi_targets t ON t.kpi = k;
END;

-- Versions are facts: never changed, never deleted.
CREATE TRIGGER visit_quota_versions_no_update
    BEFORE UPDATE ON visit_quota_versions
BEGIN
	SELECT RAISE(ABORT, 'quota versions cannot be changed');
END;
CREATE TRIGGER visit_quota_versions_no_delete
    BEFORE DELETE ON visit_quota_versions
BEGIN
	SELECT RAISE(ABORT, 'quota versions cannot be deleted');
END;
CREATE TRIGGER training_quota_versions_no_update
    BEFORE UPDATE ON training_quota_versions
BEGIN
	SELECT RAISE(ABORT, 'quota versions cannot be changed');
END;
CREATE TRIGGER training_quota_versions_no_delete
    BEFORE DELETE ON training_quota_versions
BEGIN
	SELECT RAISE(ABORT, 'quota versions cannot be deleted');
END;
CREATE TRIGGER kpi_target_versions_no_update
    BEFORE UPDATE ON kpi_target_versions
BEGIN
	SELECT RAISE(ABORT, 'target versions cannot be changed');
END;
CREATE TRIGGER kpi_target_versions_no_delete
    BEFORE DELETE ON kpi_target_versions
BEGIN
	SELECT RAISE(ABORT, 'target versions cannot be deleted');
END;
