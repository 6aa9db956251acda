-- 0014: the estate file's settings, dated, as 0012 dates its quotas and
-- targets.
--
-- The settings live in meta (the time zone, the working hours, the fee
-- section's persistent_after, ...), changed in place by pm-db apply.  A
-- figure of a closed period that reads one (the persistent defaulters
-- of a month's report: who owes persistent_after months or more at its
-- end) read it as it is now, so raising the threshold in December moved
-- November's list.  Each change apply makes leaves a version here, at
-- the time of its audit row, and such a figure reads the version in
-- force at its cut (versions.h).  The settings already here start from
-- their first audit row, or from the beginning, with their values now.

CREATE TABLE setting_versions (
	id	INTEGER PRIMARY KEY,
	at	TEXT NOT NULL,
	key	TEXT NOT NULL,
	removed	INTEGER NOT NULL CHECK (removed = 0 OR removed = 1),
	value	TEXT			-- NULL when removed
);
CREATE INDEX setting_versions_key ON setting_versions(key, at, id);

INSERT INTO setting_versions(at, key, removed, value)
SELECT coalesce((SELECT min(a.at) FROM audit a WHERE a.tbl = 'meta'
    AND a.row_id = m.key), '1970-01-01T00:00:00Z'), m.key, 0, m.value
FROM meta m ORDER BY m.key;

CREATE TRIGGER setting_versions_audit AFTER INSERT ON audit
    WHEN NEW.tbl = 'meta'
BEGIN
	INSERT INTO setting_versions(at, key, removed, value)
	SELECT NEW.at, NEW.row_id, m.key IS NULL, m.value
	FROM (SELECT NEW.row_id AS k) LEFT JOIN meta m ON m.key = k;
END;

CREATE TRIGGER setting_versions_no_update BEFORE UPDATE ON setting_versions
BEGIN
	SELECT RAISE(ABORT, 'setting versions cannot be changed');
END;
CREATE TRIGGER setting_versions_no_delete BEFORE DELETE ON setting_versions
BEGIN
	SELECT RAISE(ABORT, 'setting versions cannot be deleted');
END;
