-- 0001: the estate: its settings, places, people, categories, service
-- levels, KPI targets, working calendar, and the append-only audit trail.
-- Rows that leave the estate file are retired (retired = 1), never
-- deleted, because tickets, bills and the audit trail still name them.

CREATE TABLE meta (
	key	TEXT PRIMARY KEY,	-- estate_name, timezone, working_hours, calendar_file
	value	TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE departments (
	code	TEXT PRIMARY KEY,	-- service, engineering, cleaning, security, greening
	name	TEXT NOT NULL,		-- 客服部
	retired	INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
) WITHOUT ROWID;

CREATE TABLE staff (
	login	TEXT PRIMARY KEY,
	name	TEXT NOT NULL,
	department TEXT NOT NULL REFERENCES departments(code),
	role	TEXT NOT NULL CHECK (role IN ('staff', 'lead', 'supervisor', 'manager')),
	phone	TEXT,
	retired	INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
) WITHOUT ROWID;
CREATE INDEX staff_department ON staff(department, role);

CREATE TABLE buildings (
	code	TEXT PRIMARY KEY,	-- "3"
	name	TEXT NOT NULL,		-- 3号楼
	retired	INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
) WITHOUT ROWID;

-- Units and public areas share one table so a ticket or an inspection
-- names either by its code.  Areas are integer hundredths of a m².
CREATE TABLE units (
	code	TEXT PRIMARY KEY,	-- "3-1-502", or a public area "P-GATE-N"
	kind	TEXT NOT NULL DEFAULT 'unit' CHECK (kind IN ('unit', 'public')),
	building TEXT REFERENCES buildings(code),
	entrance INTEGER,
	floor	INTEGER,
	name	TEXT,			-- public areas: 北门岗亭
	area	INTEGER NOT NULL DEFAULT 0 CHECK (area >= 0),
	occupancy TEXT NOT NULL DEFAULT 'vacant'
		CHECK (occupancy IN ('occupied', 'vacant', 'rented')),
	condition TEXT NOT NULL DEFAULT 'good'
		CHECK (condition IN ('good', 'basic', 'poor')),
	owner_name TEXT,
	owner_phone TEXT,
	owner_id_number TEXT,
	retired	INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
	CHECK (kind = 'public' OR building IS NOT NULL)
) WITHOUT ROWID;
CREATE INDEX units_building ON units(building, code);

CREATE TABLE categories (
	code	TEXT PRIMARY KEY,	-- water-outage
	name	TEXT NOT NULL,		-- 停水
	kind	TEXT CHECK (kind IN ('repair', 'complaint', 'inquiry', 'suggestion')),
	urgent	INTEGER NOT NULL DEFAULT 0 CHECK (urgent IN (0, 1)),
	emergency INTEGER NOT NULL DEFAULT 0 CHECK (emergency IN (0, 1)),	-- 急修: on site in 30 min
	department TEXT REFERENCES departments(code),
	retired	INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
) WITHOUT ROWID;

-- Service levels: how long each deadline is, and on which clock.
CREATE TABLE sla (
	name	TEXT PRIMARY KEY,	-- notice_level1, notice_level2, onsite, same_day, feedback, completion, repeat_window
	seconds	INTEGER NOT NULL CHECK (seconds >= 0),
	clock	TEXT NOT NULL CHECK (clock IN ('calendar', 'working'))
) WITHOUT ROWID;

-- KPI targets in basis points (95% = 9500), so no floating point.
CREATE TABLE kpi_targets (
	kpi	TEXT PRIMARY KEY,
	target	INTEGER NOT NULL CHECK (target BETWEEN 0 AND 10000)
) WITHOUT ROWID;

-- Public holidays (working = 0) and make-up working days (working = 1).
CREATE TABLE calendar_days (
	date	TEXT PRIMARY KEY,	-- "2026-10-01", local
	working	INTEGER NOT NULL CHECK (working IN (0, 1)),
	name	TEXT
) WITHOUT ROWID;

CREATE TABLE audit (
	id	INTEGER PRIMARY KEY,
	at	TEXT NOT NULL,		-- UTC "2026-11-23T01:30:00Z"
	who	TEXT NOT NULL,
	program	TEXT NOT NULL,
	verb	TEXT NOT NULL,
	tbl	TEXT NOT NULL,
	row_id	TEXT NOT NULL,
	summary	TEXT NOT NULL
);
CREATE INDEX audit_row ON audit(tbl, row_id);

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
	SELECT RAISE(ABORT, 'audit rows cannot be changed');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
	SELECT RAISE(ABORT, 'audit rows cannot be deleted');
END;
