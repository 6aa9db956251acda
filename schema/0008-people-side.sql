-- 0008: the people side: walk visits, training, owner surveys, the duty
-- log and the gate; the estate file's quotas, survey lines and posts; and
-- the history of who held which post, so that a closed month's quotas
-- are owed by the staff of that month.
--
-- Records are facts (pm-visit(1) and friends, "Corrections"): every
-- table of records keeps each version of a record as its own row, and
-- nothing is updated or deleted (triggers refuse both).  A record is
-- known by the id of its first version ('record' = 'id' there); a
-- correction is a new row of the same record with the next 'version',
-- and a void is a new version with voided = 1.  The current version of
-- a record is its highest; a figure "as of" a moment reads the versions
-- recorded by then (recorded_at), so a report of a closed period can be
-- made again exactly as it was.
--
-- Times are UTC ISO 8601 text, as everywhere; days are local
-- "2026-11-23".  The CHECKs are OR chains, not IN lists (see 0004).

-- Who held which department and role, and since when: a row for each
-- change pm-db apply makes to a staff member, written by the trigger on
-- its audit row (the audit row's time is pm's clock, PM_NOW in tests).
-- Staff already in the database start from their first audit row, or
-- from the beginning when they have none.
CREATE TABLE staff_history (
	id	INTEGER PRIMARY KEY,
	at	TEXT NOT NULL,
	login	TEXT NOT NULL,
	department TEXT NOT NULL,
	role	TEXT NOT NULL,
	retired	INTEGER NOT NULL
);
CREATE INDEX staff_history_login ON staff_history(login, at, id);

INSERT INTO staff_history(at, login, department, role, retired)
SELECT coalesce((SELECT min(a.at) FROM audit a WHERE a.tbl = 'staff'
    AND a.row_id = s.login), '1970-01-01T00:00:00Z'), s.login,
    s.department, s.role, s.retired
FROM staff s ORDER BY s.login;

CREATE TRIGGER staff_history_audit AFTER INSERT ON audit
    WHEN NEW.tbl = 'staff'
BEGIN
	INSERT INTO staff_history(at, login, department, role, retired)
	SELECT NEW.at, s.login, s.department, s.role, s.retired
	FROM staff s WHERE s.login = NEW.row_id;
END;
CREATE TRIGGER staff_history_no_update BEFORE UPDATE ON staff_history
BEGIN
	SELECT RAISE(ABORT, 'staff history cannot be changed');
END;
CREATE TRIGGER staff_history_no_delete BEFORE DELETE ON staff_history
BEGIN
	SELECT RAISE(ABORT, 'staff history cannot be deleted');
END;

-- The estate file's sections (pm-estate(5)).  A quota holds from its
-- day on ('from_day', '' for always) until a later row for the same
-- staff replaces it, so changing a quota from a day on is a new row and
-- the months before keep theirs.

-- Walk visits owed: households a day (on the days 'days' says) or a
-- month, by each staff member of 'role' (in 'department', '' for any).
CREATE TABLE visit_quotas (
	key	TEXT PRIMARY KEY,	-- "service staff day 2026-01-01"
	department TEXT NOT NULL,
	role	TEXT NOT NULL,
	per	TEXT NOT NULL CHECK (per = 'day' OR per = 'month'),
	households INTEGER NOT NULL CHECK (households >= 0),
	days	TEXT NOT NULL CHECK (days = 'working' OR days = 'all'),
	from_day TEXT NOT NULL
) WITHOUT ROWID;

-- Training sessions owed by a department each week (Monday to Sunday).
CREATE TABLE training_quotas (
	key	TEXT PRIMARY KEY,	-- "security 2026-01-01"
	department TEXT NOT NULL REFERENCES departments(code),
	min_sessions INTEGER NOT NULL CHECK (min_sessions >= 0),
	max_sessions INTEGER NOT NULL CHECK (max_sessions >= min_sessions),
	from_day TEXT NOT NULL
) WITHOUT ROWID;

-- The service lines a survey asks about, with their targets in basis
-- points (NULL: none).  A round copies them when it opens.
CREATE TABLE survey_lines (
	code	TEXT PRIMARY KEY,
	name	TEXT NOT NULL,
	target	INTEGER CHECK (target IS NULL OR target BETWEEN 0 AND 10000),
	position INTEGER NOT NULL,
	retired	INTEGER NOT NULL DEFAULT 0 CHECK (retired = 0 OR retired = 1)
) WITHOUT ROWID;

-- Duty posts: the fire control room, the gates, the patrol.  min_staff
-- on duty at every moment (0: not checked) and an entry in the log at
-- least every log_every seconds while anyone is on duty (0: not checked).
CREATE TABLE duty_posts (
	code	TEXT PRIMARY KEY,
	name	TEXT NOT NULL,
	place	TEXT REFERENCES units(code),
	min_staff INTEGER NOT NULL CHECK (min_staff >= 0),
	log_every INTEGER NOT NULL CHECK (log_every >= 0),
	retired	INTEGER NOT NULL DEFAULT 0 CHECK (retired = 0 OR retired = 1)
) WITHOUT ROWID;

-- Walk visits (走访): who visited which household, when, whom they met,
-- the owner's satisfaction, and what was raised (a matter for the desk,
-- with the category its ticket will have).
CREATE TABLE visits (
	id	INTEGER PRIMARY KEY,
	record	INTEGER NOT NULL,
	version	INTEGER NOT NULL CHECK (version >= 1),
	unit	TEXT NOT NULL REFERENCES units(code),
	staff	TEXT NOT NULL REFERENCES staff(login),
	at	TEXT NOT NULL,
	met	TEXT,
	satisfaction TEXT CHECK (satisfaction IS NULL OR
	    satisfaction = 'satisfied' OR satisfaction = 'basic' OR
	    satisfaction = 'dissatisfied'),
	raised	TEXT,
	category TEXT REFERENCES categories(code),
	note	TEXT,
	voided	INTEGER NOT NULL DEFAULT 0 CHECK (voided = 0 OR voided = 1),
	reason	TEXT,
	recorded_at TEXT NOT NULL,
	recorded_by TEXT NOT NULL REFERENCES staff(login),
	CHECK (version > 1 OR record = id),
	CHECK ((raised IS NULL) = (category IS NULL))
);
CREATE UNIQUE INDEX visits_record ON visits(record, version);
-- Quotas: a period's visits, by staff, from the index alone.
CREATE INDEX visits_at ON visits(at, staff, unit, record, version, voided,
	recorded_at);
-- todo: a household's last visit.
CREATE INDEX visits_unit ON visits(unit, at, record, version, voided);
-- raised: the visits that raised something, few among many.
CREATE INDEX visits_raised ON visits(at) WHERE raised IS NOT NULL;

-- Training sessions (培训) and who attended, with test scores in
-- hundredths of a point.  Attendance names the session's record, so a
-- corrected session keeps its attendance.
CREATE TABLE training_sessions (
	id	INTEGER PRIMARY KEY,
	record	INTEGER NOT NULL,
	version	INTEGER NOT NULL CHECK (version >= 1),
	department TEXT NOT NULL REFERENCES departments(code),
	kind	TEXT NOT NULL CHECK (kind = 'pre-job' OR kind = 'in-service'
	    OR kind = 'drill' OR kind = 'competition' OR kind = 'test'),
	topic	TEXT NOT NULL,
	at	TEXT NOT NULL,
	hours	INTEGER NOT NULL CHECK (hours > 0),	-- hundredths of an hour
	trainer	TEXT NOT NULL,
	place	TEXT,
	pass_mark INTEGER CHECK (pass_mark IS NULL OR pass_mark >= 0),
	voided	INTEGER NOT NULL DEFAULT 0 CHECK (voided = 0 OR voided = 1),
	reason	TEXT,
	recorded_at TEXT NOT NULL,
	recorded_by TEXT NOT NULL REFERENCES staff(login),
	CHECK (version > 1 OR record = id)
);
CREATE UNIQUE INDEX training_sessions_record ON training_sessions(record,
	version);
CREATE INDEX training_sessions_at ON training_sessions(at, department, kind,
	record, version, voided, recorded_at);

CREATE TABLE training_attendance (
	id	INTEGER PRIMARY KEY,
	record	INTEGER NOT NULL,
	version	INTEGER NOT NULL CHECK (version >= 1),
	session	INTEGER NOT NULL,	-- a training_sessions record
	staff	TEXT NOT NULL REFERENCES staff(login),
	score	INTEGER CHECK (score IS NULL OR score >= 0),
	passed	INTEGER CHECK (passed IS NULL OR passed = 0 OR passed = 1),
	voided	INTEGER NOT NULL DEFAULT 0 CHECK (voided = 0 OR voided = 1),
	reason	TEXT,
	recorded_at TEXT NOT NULL,
	recorded_by TEXT NOT NULL REFERENCES staff(login),
	CHECK (version > 1 OR record = id)
);
CREATE UNIQUE INDEX training_attendance_record ON training_attendance(record,
	version);
CREATE INDEX training_attendance_session ON training_attendance(session,
	staff);
CREATE INDEX training_attendance_staff ON training_attendance(staff, session);

-- Owner satisfaction surveys (满意度调查): a round asks about service
-- lines on a scale; its lines and targets are copied when it opens, so
-- its tallies never change with the estate file.
CREATE TABLE survey_rounds (
	id	INTEGER PRIMARY KEY,
	quarter	TEXT NOT NULL,		-- "2026-Q4"
	starts	TEXT NOT NULL,		-- the quarter's first day, UTC
	title	TEXT,
	scale	INTEGER NOT NULL CHECK (scale = 3 OR scale = 5),
	overall_target INTEGER CHECK (overall_target IS NULL OR
	    overall_target BETWEEN 0 AND 10000),
	opened_at TEXT NOT NULL,
	opened_by TEXT NOT NULL REFERENCES staff(login)
);
CREATE INDEX survey_rounds_starts ON survey_rounds(starts);

CREATE TABLE survey_round_lines (
	round	INTEGER NOT NULL REFERENCES survey_rounds(id),
	line	TEXT NOT NULL,
	name	TEXT NOT NULL,
	target	INTEGER CHECK (target IS NULL OR target BETWEEN 0 AND 10000),
	position INTEGER NOT NULL,
	PRIMARY KEY (round, line)
) WITHOUT ROWID;

-- One household's (or one anonymous) answers to a round.  'worst' is the
-- lowest grade among its answers, for pm-visit todo.
CREATE TABLE survey_responses (
	id	INTEGER PRIMARY KEY,
	record	INTEGER NOT NULL,
	version	INTEGER NOT NULL CHECK (version >= 1),
	round	INTEGER NOT NULL REFERENCES survey_rounds(id),
	unit	TEXT REFERENCES units(code),
	respondent TEXT,
	answered_at TEXT NOT NULL,
	comment	TEXT,
	source	TEXT,		-- "q4.csv:12"
	worst	TEXT CHECK (worst IS NULL OR worst = 'satisfied' OR
	    worst = 'basic' OR worst = 'dissatisfied'),
	voided	INTEGER NOT NULL DEFAULT 0 CHECK (voided = 0 OR voided = 1),
	reason	TEXT,
	recorded_at TEXT NOT NULL,
	recorded_by TEXT NOT NULL REFERENCES staff(login),
	CHECK (version > 1 OR record = id)
);
CREATE UNIQUE INDEX survey_responses_record ON survey_responses(record,
	version);
CREATE INDEX survey_responses_round ON survey_responses(round, unit);
CREATE INDEX survey_responses_answered ON survey_responses(answered_at)
	WHERE unit IS NOT NULL;

CREATE TABLE survey_answers (
	response INTEGER NOT NULL REFERENCES survey_responses(id),
	line	TEXT NOT NULL,
	score	INTEGER NOT NULL,	-- as answered: 1 to the scale
	grade	TEXT NOT NULL CHECK (grade = 'satisfied' OR grade = 'basic' OR
	    grade = 'dissatisfied'),
	PRIMARY KEY (response, line)
) WITHOUT ROWID;

-- The duty log (保安工作日志): who was on duty at which post and when,
-- and what they wrote in its log; a handover is an entry naming who
-- took over.
CREATE TABLE duty_shifts (
	id	INTEGER PRIMARY KEY,
	record	INTEGER NOT NULL,
	version	INTEGER NOT NULL CHECK (version >= 1),
	post	TEXT NOT NULL REFERENCES duty_posts(code),
	staff	TEXT NOT NULL REFERENCES staff(login),
	starts	TEXT NOT NULL,
	ends	TEXT NOT NULL,
	voided	INTEGER NOT NULL DEFAULT 0 CHECK (voided = 0 OR voided = 1),
	reason	TEXT,
	recorded_at TEXT NOT NULL,
	recorded_by TEXT NOT NULL REFERENCES staff(login),
	CHECK (version > 1 OR record = id),
	CHECK (ends > starts)
);
CREATE UNIQUE INDEX duty_shifts_record ON duty_shifts(record, version);
-- A day's shifts begin before its end and end after its start; no
-- shift is longer than a day and a half (duty.c), which bounds the
-- search.
CREATE INDEX duty_shifts_post ON duty_shifts(post, starts, ends, staff,
	record, version, voided);
CREATE INDEX duty_shifts_staff ON duty_shifts(staff, starts, ends);
CREATE INDEX duty_shifts_starts ON duty_shifts(starts, staff);

CREATE TABLE duty_entries (
	id	INTEGER PRIMARY KEY,
	record	INTEGER NOT NULL,
	version	INTEGER NOT NULL CHECK (version >= 1),
	post	TEXT NOT NULL REFERENCES duty_posts(code),
	staff	TEXT NOT NULL REFERENCES staff(login),
	at	TEXT NOT NULL,
	kind	TEXT NOT NULL CHECK (kind = 'note' OR kind = 'patrol' OR
	    kind = 'alarm' OR kind = 'incident' OR kind = 'handover'),
	text	TEXT NOT NULL,
	handover_to TEXT,		-- logins, comma-separated
	voided	INTEGER NOT NULL DEFAULT 0 CHECK (voided = 0 OR voided = 1),
	reason	TEXT,
	recorded_at TEXT NOT NULL,
	recorded_by TEXT NOT NULL REFERENCES staff(login),
	CHECK (version > 1 OR record = id)
);
CREATE UNIQUE INDEX duty_entries_record ON duty_entries(record, version);
CREATE INDEX duty_entries_post ON duty_entries(post, at, record, version,
	voided);

-- The gate (门岗): visitors and when they left, goods in and out,
-- decoration workers, tenants of rented units, large moves, and
-- offences.  One table, so that a day's list is one ordered read and
-- every record has one id; the columns a kind does not use are NULL.
CREATE TABLE gate_records (
	id	INTEGER PRIMARY KEY,
	record	INTEGER NOT NULL,
	version	INTEGER NOT NULL CHECK (version >= 1),
	kind	TEXT NOT NULL CHECK (kind = 'visitor' OR kind = 'leave' OR
	    kind = 'goods' OR kind = 'worker' OR kind = 'tenant' OR
	    kind = 'move' OR kind = 'offence'),
	at	TEXT NOT NULL,		-- arrived, passed, moves at, registered
	unit	TEXT REFERENCES units(code),
	name	TEXT,
	id_number TEXT,
	phone	TEXT,
	detail	TEXT,			-- purpose, items, rule broken
	direction TEXT CHECK (direction IS NULL OR direction = 'in' OR
	    direction = 'out'),
	carrier	TEXT CHECK (carrier IS NULL OR carrier = 'resident' OR
	    carrier = 'visitor' OR carrier = 'worker'),
	refers	INTEGER,		-- the visitor record (leave, goods)
	company	TEXT,
	valid_until TEXT,		-- workers and tenants: last day
	confirmed_by TEXT,		-- goods a visitor takes out
	applied_at TEXT,		-- moves: when applied for
	override_by TEXT REFERENCES staff(login),
	override_reason TEXT,
	offender TEXT,			-- offences: the unit or id number
	nth	INTEGER,		-- offences: the offender's count
	voided	INTEGER NOT NULL DEFAULT 0 CHECK (voided = 0 OR voided = 1),
	reason	TEXT,
	recorded_at TEXT NOT NULL,
	recorded_by TEXT NOT NULL REFERENCES staff(login),
	CHECK (version > 1 OR record = id)
);
CREATE UNIQUE INDEX gate_records_record ON gate_records(record, version);
CREATE INDEX gate_records_at ON gate_records(at, kind);
CREATE INDEX gate_records_kind ON gate_records(kind, unit, at);
CREATE INDEX gate_records_refers ON gate_records(refers)
	WHERE refers IS NOT NULL;
CREATE INDEX gate_records_offender ON gate_records(offender, at)
	WHERE offender IS NOT NULL;
-- The passes still valid on a day, however old their registration.
CREATE INDEX gate_records_valid ON gate_records(valid_until, kind)
	WHERE valid_until IS NOT NULL;

-- Append-only, all of them.
CREATE TRIGGER visits_no_update BEFORE UPDATE ON visits
BEGIN
	SELECT RAISE(ABORT, 'visits cannot be changed (correct them)');
END;
CREATE TRIGGER visits_no_delete BEFORE DELETE ON visits
BEGIN
	SELECT RAISE(ABORT, 'visits cannot be deleted (void them)');
END;
CREATE TRIGGER training_sessions_no_update BEFORE UPDATE ON training_sessions
BEGIN
	SELECT RAISE(ABORT, 'training sessions cannot be changed (correct them)');
END;
CREATE TRIGGER training_sessions_no_delete BEFORE DELETE ON training_sessions
BEGIN
	SELECT RAISE(ABORT, 'training sessions cannot be deleted (void them)');
END;
CREATE TRIGGER training_attendance_no_update BEFORE UPDATE
    ON training_attendance
BEGIN
	SELECT RAISE(ABORT, 'attendance cannot be changed (correct it)');
END;
CREATE TRIGGER training_attendance_no_delete BEFORE DELETE
    ON training_attendance
BEGIN
	SELECT RAISE(ABORT, 'attendance cannot be deleted (void it)');
END;
CREATE TRIGGER survey_rounds_no_update BEFORE UPDATE ON survey_rounds
BEGIN
	SELECT RAISE(ABORT, 'survey rounds cannot be changed');
END;
CREATE TRIGGER survey_rounds_no_delete BEFORE DELETE ON survey_rounds
BEGIN
	SELECT RAISE(ABORT, 'survey rounds cannot be deleted');
END;
CREATE TRIGGER survey_round_lines_no_update BEFORE UPDATE
    ON survey_round_lines
BEGIN
	SELECT RAISE(ABORT, 'survey rounds cannot be changed');
END;
CREATE TRIGGER survey_round_lines_no_delete BEFORE DELETE
    ON survey_round_lines
BEGIN
	SELECT RAISE(ABORT, 'survey rounds cannot be deleted');
END;
CREATE TRIGGER survey_responses_no_update BEFORE UPDATE ON survey_responses
BEGIN
	SELECT RAISE(ABORT, 'survey answers cannot be changed (void them)');
END;
CREATE TRIGGER survey_responses_no_delete BEFORE DELETE ON survey_responses
BEGIN
	SELECT RAISE(ABORT, 'survey answers cannot be deleted (void them)');
END;
CREATE TRIGGER survey_answers_no_update BEFORE UPDATE ON survey_answers
BEGIN
	SELECT RAISE(ABORT, 'survey answers cannot be changed (void them)');
END;
CREATE TRIGGER survey_answers_no_delete BEFORE DELETE ON survey_answers
BEGIN
	SELECT RAISE(ABORT, 'survey answers cannot be deleted (void them)');
END;
CREATE TRIGGER duty_shifts_no_update BEFORE UPDATE ON duty_shifts
BEGIN
	SELECT RAISE(ABORT, 'shifts cannot be changed (correct them)');
END;
CREATE TRIGGER duty_shifts_no_delete BEFORE DELETE ON duty_shifts
BEGIN
	SELECT RAISE(ABORT, 'shifts cannot be deleted (cancel them)');
END;
CREATE TRIGGER duty_entries_no_update BEFORE UPDATE ON duty_entries
BEGIN
	SELECT RAISE(ABORT, 'duty log entries cannot be changed (strike them)');
END;
CREATE TRIGGER duty_entries_no_delete BEFORE DELETE ON duty_entries
BEGIN
	SELECT RAISE(ABORT, 'duty log entries cannot be deleted (strike them)');
END;
CREATE TRIGGER gate_records_no_update BEFORE UPDATE ON gate_records
BEGIN
	SELECT RAISE(ABORT, 'gate records cannot be changed (void them)');
END;
CREATE TRIGGER gate_records_no_delete BEFORE DELETE ON gate_records
BEGIN
	SELECT RAISE(ABORT, 'gate records cannot be deleted (void them)');
END;

-- The current version of each record that is not voided: what lists
-- and shows read.
CREATE VIEW visits_now AS SELECT * FROM visits v WHERE v.voided = 0
	AND NOT EXISTS (SELECT 1 FROM visits n WHERE n.record = v.record
	AND n.version > v.version);
CREATE VIEW training_sessions_now AS SELECT * FROM training_sessions s
	WHERE s.voided = 0 AND NOT EXISTS (SELECT 1 FROM training_sessions n
	WHERE n.record = s.record AND n.version > s.version);
CREATE VIEW training_attendance_now AS SELECT * FROM training_attendance a
	WHERE a.voided = 0 AND NOT EXISTS (SELECT 1 FROM training_attendance n
	WHERE n.record = a.record AND n.version > a.version);
CREATE VIEW survey_responses_now AS SELECT * FROM survey_responses r
	WHERE r.voided = 0 AND NOT EXISTS (SELECT 1 FROM survey_responses n
	WHERE n.record = r.record AND n.version > r.version);
CREATE VIEW duty_shifts_now AS SELECT * FROM duty_shifts s
	WHERE s.voided = 0 AND NOT EXISTS (SELECT 1 FROM duty_shifts n
	WHERE n.record = s.record AND n.version > s.version);
CREATE VIEW duty_entries_now AS SELECT * FROM duty_entries e
	WHERE e.voided = 0 AND NOT EXISTS (SELECT 1 FROM duty_entries n
	WHERE n.record = e.record AND n.version > e.version);
CREATE VIEW gate_records_now AS SELECT * FROM gate_records g
	WHERE g.voided = 0 AND NOT EXISTS (SELECT 1 FROM gate_records n
	WHERE n.record = g.record AND n.version > g.version);
