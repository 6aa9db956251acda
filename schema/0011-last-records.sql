-- 0011: the last record of each maintenance plan, each place's checks
-- with a checklist, and each facility's certificate, kept beside the
-- records, so that pm-inspect due reads the plans and not the years of
-- records behind them.
--
-- What is due on a day comes from each plan's last record before that
-- day's end.  Found in the records' index, that is one search per plan
-- whose depth grows with the history: with five years of records in
-- place of half a year, due took 1.6 times as long (bench/
-- inspect-queries.sh).  These tables hold each key's latest record,
-- written by triggers with every record, whenever it was made and
-- whatever time it gives.  They are an index, not facts: nothing reads
-- them for a figure on its own.  A read "as of" a day takes the row when
-- it is before that day's end, which makes it the last record then too;
-- otherwise (a day in the past, or a record dated ahead) it searches the
-- records as before, so a closed day reads the same whichever way.
--
-- The records are never updated or deleted (0007's triggers), so a row
-- here only ever moves to a later record: "later" is the order the
-- reads sort the records in, their time and then their id.

CREATE TABLE maint_last (
	facility TEXT NOT NULL,
	task	TEXT NOT NULL,
	id	INTEGER NOT NULL,	-- maint_records.id
	at	TEXT NOT NULL,
	next_due TEXT,
	PRIMARY KEY (facility, task)
) WITHOUT ROWID;

CREATE TRIGGER maint_last_record AFTER INSERT ON maint_records
WHEN NEW.task IS NOT NULL
BEGIN
	INSERT INTO maint_last(facility, task, id, at, next_due)
	VALUES (NEW.facility, NEW.task, NEW.id, NEW.at, NEW.next_due)
	ON CONFLICT (facility, task) DO UPDATE SET id = excluded.id,
	    at = excluded.at, next_due = excluded.next_due
	WHERE (excluded.at, excluded.id) > (maint_last.at, maint_last.id);
END;

INSERT INTO maint_last(facility, task, id, at, next_due)
SELECT r.facility, r.task, r.id, r.at, r.next_due FROM maint_records r
WHERE r.task IS NOT NULL AND r.id = (SELECT r2.id FROM maint_records r2
	WHERE r2.facility = r.facility AND r2.task = r.task
	ORDER BY r2.at DESC, r2.id DESC LIMIT 1);

-- The last record that renewed a facility's certificate.
CREATE TABLE certificate_last (
	facility TEXT PRIMARY KEY,
	id	INTEGER NOT NULL,	-- maint_records.id
	at	TEXT NOT NULL,
	certificate TEXT NOT NULL
) WITHOUT ROWID;

CREATE TRIGGER certificate_last_record AFTER INSERT ON maint_records
WHEN NEW.certificate IS NOT NULL
BEGIN
	INSERT INTO certificate_last(facility, id, at, certificate)
	VALUES (NEW.facility, NEW.id, NEW.at, NEW.certificate)
	ON CONFLICT (facility) DO UPDATE SET id = excluded.id,
	    at = excluded.at, certificate = excluded.certificate
	WHERE (excluded.at, excluded.id) >
	    (certificate_last.at, certificate_last.id);
END;

INSERT INTO certificate_last(facility, id, at, certificate)
SELECT r.facility, r.id, r.at, r.certificate FROM maint_records r
WHERE r.id = (SELECT r2.id FROM maint_records r2
	WHERE r2.facility = r.facility AND r2.certificate IS NOT NULL
	ORDER BY r2.at DESC, r2.id DESC LIMIT 1);

-- The last check of a place with a checklist, at any level: by its
-- local day, then its time, then its id.
CREATE TABLE inspect_last (
	place_kind TEXT NOT NULL,
	place	TEXT NOT NULL,
	checklist TEXT NOT NULL,
	id	INTEGER NOT NULL,	-- inspections.id
	day	TEXT NOT NULL,
	at	TEXT NOT NULL,
	PRIMARY KEY (place_kind, place, checklist)
) WITHOUT ROWID;

CREATE TRIGGER inspect_last_record AFTER INSERT ON inspections
BEGIN
	INSERT INTO inspect_last(place_kind, place, checklist, id, day, at)
	VALUES (NEW.place_kind, NEW.place, NEW.checklist, NEW.id, NEW.day,
	    NEW.at)
	ON CONFLICT (place_kind, place, checklist) DO UPDATE SET
	    id = excluded.id, day = excluded.day, at = excluded.at
	WHERE (excluded.day, excluded.at, excluded.id) >
	    (inspect_last.day, inspect_last.at, inspect_last.id);
END;

INSERT INTO inspect_last(place_kind, place, checklist, id, day, at)
SELECT i.place_kind, i.place, i.checklist, i.id, i.day, i.at
FROM inspections i
WHERE i.id = (SELECT i2.id FROM inspections i2
	WHERE i2.place_kind = i.place_kind AND i2.place = i.place
	AND i2.checklist = i.checklist
	ORDER BY i2.day DESC, i2.at DESC, i2.id DESC LIMIT 1);

-- Like the records, these are written only by the triggers above.
CREATE TRIGGER maint_last_no_delete BEFORE DELETE ON maint_last
BEGIN
	SELECT RAISE(ABORT, 'maint_last is kept by its trigger');
END;
CREATE TRIGGER certificate_last_no_delete BEFORE DELETE ON certificate_last
BEGIN
	SELECT RAISE(ABORT, 'certificate_last is kept by its trigger');
END;
CREATE TRIGGER inspect_last_no_delete BEFORE DELETE ON inspect_last
BEGIN
	SELECT RAISE(ABORT, 'inspect_last is kept by its trigger');
END;
