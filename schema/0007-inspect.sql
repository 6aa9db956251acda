-- 0007: inspections, the facility register, planned maintenance, the
-- year's work plans, and the housing grades (pm-inspect(1)).
--
-- The plans come from the estate file (pm-estate(5)) and are merged by
-- pm-db apply like the core sections: checklists and their items,
-- facilities (设备设施台帐), maintenance plans, inspection rounds and
-- their places, and work-plan entries.  Rows that leave the file are
-- retired, never deleted.
--
-- What happened is kept as facts nothing rewrites (triggers refuse
-- UPDATE and DELETE): inspections and each item's result, maintenance
-- records (维修记录档案), work done, facility states and housing grades,
-- each with when and by whom.  A state is a dated history: the intact
-- rates of any past day are computed from the facts as of its end, so
-- they read the same whenever they are asked.
--
-- Times are UTC ISO 8601 text, days local "YYYY-MM-DD"; readings are
-- integer thousandths (1234.5 m³ = 1234500), money integer fen, areas
-- integer hundredths of a m², a pass score basis points (90% = 9000).
-- CHECKs are OR chains, not IN lists (see 0004).

CREATE TABLE checklists (
	code	TEXT PRIMARY KEY,	-- fire-pump-room
	name	TEXT NOT NULL,		-- 消防泵房月检
	department TEXT NOT NULL REFERENCES departments(code),
	category TEXT NOT NULL REFERENCES categories(code),	-- its failures' tickets
	pass_score INTEGER NOT NULL CHECK (pass_score BETWEEN 0 AND 10000),
	retired	INTEGER NOT NULL DEFAULT 0 CHECK (retired = 0 OR retired = 1)
) WITHOUT ROWID;

-- An item: what "pass" means, its weight in the score, whether a failure
-- fails the whole check; or a reading (a meter, a pressure), which fails
-- outside [min, max] or, when 'unchanged', when it moved since the last
-- reading of the same item at the same place.  The key is the checklist
-- and the item's number, "fire-pump-room 03".
CREATE TABLE checklist_items (
	key	TEXT PRIMARY KEY,
	checklist TEXT NOT NULL REFERENCES checklists(code),
	n	INTEGER NOT NULL CHECK (n >= 1),
	text	TEXT NOT NULL,
	weight	INTEGER NOT NULL CHECK (weight >= 1),
	serious	INTEGER NOT NULL CHECK (serious = 0 OR serious = 1),
	reading	TEXT,			-- the reading's unit ("m³"), NULL: pass/fail
	min	INTEGER,
	max	INTEGER,
	unchanged INTEGER NOT NULL CHECK (unchanged = 0 OR unchanged = 1),
	category TEXT REFERENCES categories(code),	-- NULL: the checklist's
	retired	INTEGER NOT NULL DEFAULT 0 CHECK (retired = 0 OR retired = 1)
) WITHOUT ROWID;
CREATE INDEX checklist_items_checklist ON checklist_items(checklist, n);

CREATE TABLE facilities (
	code	TEXT PRIMARY KEY,	-- LIFT-3-1
	name	TEXT NOT NULL,		-- 3号楼1单元电梯
	kind	TEXT NOT NULL CHECK (kind = 'power' OR kind = 'water' OR
	    kind = 'fire' OR kind = 'lift' OR kind = 'security' OR
	    kind = 'other'),
	location TEXT NOT NULL REFERENCES units(code),	-- 3-1-LIFT, P-PUMP
	department TEXT NOT NULL REFERENCES departments(code),
	contractor TEXT,
	certificate TEXT,		-- the certificate's expiry, a local day
	retired	INTEGER NOT NULL DEFAULT 0 CHECK (retired = 0 OR retired = 1)
) WITHOUT ROWID;
CREATE INDEX facilities_kind ON facilities(kind, code);

-- Intervals are days or calendar months: weekly is 7 days, monthly 1
-- month, every 2 years 24 months; one of the two is 0.  'ahead' is the
-- lead time before the due day (a statutory inspection applied for a
-- month ahead).  'hard': the interval is a statutory limit (a lift's 15
-- days).  The key is "FACILITY TASK".
CREATE TABLE maint_plans (
	key	TEXT PRIMARY KEY,
	facility TEXT NOT NULL REFERENCES facilities(code),
	task	TEXT NOT NULL,		-- flow-test
	name	TEXT NOT NULL,		-- 流量压力测试
	every_days INTEGER NOT NULL CHECK (every_days >= 0),
	every_months INTEGER NOT NULL CHECK (every_months >= 0),
	ahead_days INTEGER NOT NULL CHECK (ahead_days >= 0),
	ahead_months INTEGER NOT NULL CHECK (ahead_months >= 0),
	hard	INTEGER NOT NULL CHECK (hard = 0 OR hard = 1),
	retired	INTEGER NOT NULL DEFAULT 0 CHECK (retired = 0 OR retired = 1),
	CHECK (every_days > 0 OR every_months > 0)
) WITHOUT ROWID;
CREATE INDEX maint_plans_facility ON maint_plans(facility, task);

-- A round: a checklist walked at its places every so often.  A round
-- whose places are "vacant" covers every vacant unit (pm-unit's
-- occupancy), read when it is asked.
CREATE TABLE rounds (
	code	TEXT PRIMARY KEY,
	name	TEXT NOT NULL,
	checklist TEXT NOT NULL REFERENCES checklists(code),
	every_days INTEGER NOT NULL CHECK (every_days >= 0),
	every_months INTEGER NOT NULL CHECK (every_months >= 0),
	level	TEXT NOT NULL CHECK (level = 'self' OR level = 'lead' OR
	    level = 'supervisor'),
	department TEXT NOT NULL REFERENCES departments(code),
	vacant	INTEGER NOT NULL CHECK (vacant = 0 OR vacant = 1),
	retired	INTEGER NOT NULL DEFAULT 0 CHECK (retired = 0 OR retired = 1),
	CHECK (every_days > 0 OR every_months > 0)
) WITHOUT ROWID;

-- The vacant units a round of vacant units walks, without reading the
-- occupied ones.
CREATE INDEX units_vacant ON units(code) WHERE occupancy = 'vacant';

-- Each place of a round, keyed "ROUND PLACE": a unit, public area or
-- common part, or a facility.
CREATE TABLE round_places (
	key	TEXT PRIMARY KEY,
	round	TEXT NOT NULL REFERENCES rounds(code),
	place_kind TEXT NOT NULL CHECK (place_kind = 'unit' OR
	    place_kind = 'facility'),
	place	TEXT NOT NULL,
	retired	INTEGER NOT NULL DEFAULT 0 CHECK (retired = 0 OR retired = 1)
) WITHOUT ROWID;

-- A work-plan entry: a task of a department in some months of the year
-- (months a bit set, January bit 0), every day, on some weekdays
-- (weekdays a bit set, Monday bit 0), every week, every month or once in
-- its months; 'year' 0 for every year.
CREATE TABLE work_plans (
	code	TEXT PRIMARY KEY,
	name	TEXT NOT NULL,
	department TEXT NOT NULL REFERENCES departments(code),
	year	INTEGER NOT NULL,
	months	INTEGER NOT NULL CHECK (months BETWEEN 1 AND 4095),
	often	TEXT NOT NULL CHECK (often = 'daily' OR often = 'days' OR
	    often = 'weekly' OR often = 'monthly' OR often = 'once'),
	weekdays INTEGER NOT NULL CHECK (weekdays BETWEEN 0 AND 127),
	retired	INTEGER NOT NULL DEFAULT 0 CHECK (retired = 0 OR retired = 1)
) WITHOUT ROWID;

-- When each plan, round, place and facility entered the register, left
-- it or came back, from the audit rows pm-db apply writes for them
-- ("added: ...", "retired", "changed: restored, ..."), which never
-- change: a plan's first task falls due one interval after it was
-- added, and a facility counts in the intact rate of the days it was in
-- the register.
CREATE TABLE inspect_register (
	tbl	TEXT NOT NULL,
	key	TEXT NOT NULL,
	at	TEXT NOT NULL,
	event	TEXT NOT NULL CHECK (event = 'add' OR event = 'retire' OR
	    event = 'restore')
);
CREATE INDEX inspect_register_key ON inspect_register(tbl, key, at);

CREATE TRIGGER inspect_register_audit AFTER INSERT ON audit
WHEN (NEW.tbl = 'facilities' OR NEW.tbl = 'maint_plans' OR
    NEW.tbl = 'rounds' OR NEW.tbl = 'round_places' OR
    NEW.tbl = 'work_plans') AND (NEW.summary = 'retired' OR
    NEW.summary LIKE 'added:%' OR NEW.summary LIKE 'changed: restored%')
BEGIN
	INSERT INTO inspect_register(tbl, key, at, event)
	VALUES (NEW.tbl, NEW.row_id, NEW.at,
	    CASE WHEN NEW.summary = 'retired' THEN 'retire'
	    WHEN NEW.summary LIKE 'added:%' THEN 'add' ELSE 'restore' END);
END;

-- An inspection: a checklist at a place, at one of the three levels
-- (self 自检, lead 班长检查, supervisor 主管抽查), by an inspector.  The
-- place is a unit, public area or common part ('unit'), a facility, or a
-- ticket checked after its repair; 'unit' is where it is (a facility's
-- location, a ticket's unit), 'day' the local day of 'at'.  'of' is the
-- lower-level check it re-examines, when one was named.  The score is
-- the weight of the items passed over the weight of all.
CREATE TABLE inspections (
	id	INTEGER PRIMARY KEY,
	checklist TEXT NOT NULL REFERENCES checklists(code),
	level	TEXT NOT NULL CHECK (level = 'self' OR level = 'lead' OR
	    level = 'supervisor'),
	place_kind TEXT NOT NULL CHECK (place_kind = 'unit' OR
	    place_kind = 'facility' OR place_kind = 'ticket'),
	place	TEXT NOT NULL,
	unit	TEXT NOT NULL REFERENCES units(code),
	day	TEXT NOT NULL,
	at	TEXT NOT NULL,
	inspector TEXT NOT NULL REFERENCES staff(login),
	recorded_at TEXT NOT NULL,
	recorded_by TEXT NOT NULL REFERENCES staff(login),
	of	INTEGER REFERENCES inspections(id),
	passed	INTEGER NOT NULL,	-- weight of the items passed
	weight	INTEGER NOT NULL,	-- weight of all the items
	failed	INTEGER NOT NULL,	-- items failed
	result	TEXT NOT NULL CHECK (result = 'pass' OR result = 'fail'),
	note	TEXT
);
-- The last check of a place (due), the checks of a place and day
-- (compare), the previous reading.
CREATE INDEX inspections_place ON inspections(place_kind, place, checklist,
	day, at);
-- Periods: list, failures, compare.
CREATE INDEX inspections_at ON inspections(at);

-- Each item's result, as it was checked: the item's text, weight and
-- seriousness are copied, so a checklist edited later leaves old
-- inspections as they were.  A reading keeps the previous one it was
-- compared with.
CREATE TABLE inspection_items (
	inspection_id INTEGER NOT NULL REFERENCES inspections(id),
	n	INTEGER NOT NULL,
	text	TEXT NOT NULL,
	weight	INTEGER NOT NULL,
	serious	INTEGER NOT NULL,
	result	TEXT NOT NULL CHECK (result = 'pass' OR result = 'fail'),
	reading	INTEGER,
	previous INTEGER,
	unit_of	TEXT,			-- the reading's unit ("m³")
	category TEXT NOT NULL REFERENCES categories(code),
	note	TEXT,
	PRIMARY KEY (inspection_id, n)
) WITHOUT ROWID;

-- The maintenance archive (维修记录档案): a planned task carried out
-- ('task' set) or a repair, what was done, by whom, the contractor,
-- parts and cost, the facility's state after it, the next due day when
-- it was set by hand, and a certificate renewed.
CREATE TABLE maint_records (
	id	INTEGER PRIMARY KEY,
	facility TEXT NOT NULL REFERENCES facilities(code),
	task	TEXT,
	at	TEXT NOT NULL,
	who	TEXT NOT NULL REFERENCES staff(login),
	recorded_at TEXT NOT NULL,
	done	TEXT NOT NULL,
	contractor TEXT,
	parts	TEXT,
	cost	INTEGER NOT NULL DEFAULT 0 CHECK (cost >= 0),
	result	TEXT NOT NULL CHECK (result = 'good' OR result = 'faulty' OR
	    result = 'out_of_service'),
	next_due TEXT,			-- a local day
	certificate TEXT		-- the new certificate's expiry
);
CREATE INDEX maint_records_task ON maint_records(facility, task, at);
CREATE INDEX maint_records_certificate ON maint_records(facility, at)
	WHERE certificate IS NOT NULL;
CREATE INDEX maint_records_at ON maint_records(at);

-- A facility's states, dated: good 完好, faulty 故障, out of service 停用.
-- A facility with no state yet is good.
CREATE TABLE facility_states (
	id	INTEGER PRIMARY KEY,
	facility TEXT NOT NULL REFERENCES facilities(code),
	state	TEXT NOT NULL CHECK (state = 'good' OR state = 'faulty' OR
	    state = 'out_of_service'),
	at	TEXT NOT NULL,
	recorded_at TEXT NOT NULL,
	who	TEXT NOT NULL REFERENCES staff(login),
	reason	TEXT NOT NULL,
	maint_id INTEGER REFERENCES maint_records(id)
);
CREATE INDEX facility_states_facility ON facility_states(facility, at, id);

-- The housing grades of the damage standard (房屋完损等级), dated, one
-- row per unit graded; grading a building grades each of its units
-- ('building' says so).  The unit's floor area is kept as it was graded.
CREATE TABLE housing_grades (
	id	INTEGER PRIMARY KEY,
	unit	TEXT NOT NULL REFERENCES units(code),
	grade	TEXT NOT NULL CHECK (grade = 'good' OR grade = 'basic' OR
	    grade = 'damaged' OR grade = 'serious' OR grade = 'dangerous'),
	area	INTEGER NOT NULL CHECK (area >= 0),
	building TEXT REFERENCES buildings(code),
	at	TEXT NOT NULL,
	recorded_at TEXT NOT NULL,
	who	TEXT NOT NULL REFERENCES staff(login),
	reason	TEXT
);
CREATE INDEX housing_grades_unit ON housing_grades(unit, at, id);

-- Work-plan entries carried out.
CREATE TABLE work_records (
	id	INTEGER PRIMARY KEY,
	plan	TEXT NOT NULL REFERENCES work_plans(code),
	at	TEXT NOT NULL,
	who	TEXT NOT NULL REFERENCES staff(login),
	recorded_at TEXT NOT NULL,
	note	TEXT
);
CREATE INDEX work_records_plan ON work_records(plan, at);

CREATE TRIGGER inspect_register_no_update BEFORE UPDATE ON inspect_register
BEGIN
	SELECT RAISE(ABORT, 'the register''s history cannot be changed');
END;
CREATE TRIGGER inspect_register_no_delete BEFORE DELETE ON inspect_register
BEGIN
	SELECT RAISE(ABORT, 'the register''s history cannot be deleted');
END;
CREATE TRIGGER inspections_no_update BEFORE UPDATE ON inspections
BEGIN
	SELECT RAISE(ABORT, 'inspections cannot be changed');
END;
CREATE TRIGGER inspections_no_delete BEFORE DELETE ON inspections
BEGIN
	SELECT RAISE(ABORT, 'inspections cannot be deleted');
END;
CREATE TRIGGER inspection_items_no_update BEFORE UPDATE ON inspection_items
BEGIN
	SELECT RAISE(ABORT, 'inspection results cannot be changed');
END;
CREATE TRIGGER inspection_items_no_delete BEFORE DELETE ON inspection_items
BEGIN
	SELECT RAISE(ABORT, 'inspection results cannot be deleted');
END;
CREATE TRIGGER maint_records_no_update BEFORE UPDATE ON maint_records
BEGIN
	SELECT RAISE(ABORT, 'maintenance records cannot be changed');
END;
CREATE TRIGGER maint_records_no_delete BEFORE DELETE ON maint_records
BEGIN
	SELECT RAISE(ABORT, 'maintenance records cannot be deleted');
END;
CREATE TRIGGER facility_states_no_update BEFORE UPDATE ON facility_states
BEGIN
	SELECT RAISE(ABORT, 'facility states cannot be changed');
END;
CREATE TRIGGER facility_states_no_delete BEFORE DELETE ON facility_states
BEGIN
	SELECT RAISE(ABORT, 'facility states cannot be deleted');
END;
CREATE TRIGGER housing_grades_no_update BEFORE UPDATE ON housing_grades
BEGIN
	SELECT RAISE(ABORT, 'housing grades cannot be changed');
END;
CREATE TRIGGER housing_grades_no_delete BEFORE DELETE ON housing_grades
BEGIN
	SELECT RAISE(ABORT, 'housing grades cannot be deleted');
END;
CREATE TRIGGER work_records_no_update BEFORE UPDATE ON work_records
BEGIN
	SELECT RAISE(ABORT, 'work records cannot be changed');
END;
CREATE TRIGGER work_records_no_delete BEFORE DELETE ON work_records
BEGIN
	SELECT RAISE(ABORT, 'work records cannot be deleted');
END;
