-- 0016: the duty posts' rules, dated, as 0012 dates the quotas.
--
-- A post's rule (so many on duty at every moment, an entry in the log
-- at least so often) is changed in place by pm-db apply.  pm-duty check
-- of a past day read the rule as it is now, so a rule relaxed in
-- December cleared November's gaps.  Each change apply makes leaves a
-- version here, at the time of its audit row; a check reads the rule in
-- force at the end of what it checks (versions.h).  The posts already
-- here start from their first audit row, or from the beginning, with
-- their rules now.

CREATE TABLE duty_post_versions (
	id	INTEGER PRIMARY KEY,
	at	TEXT NOT NULL,
	code	TEXT NOT NULL,
	removed	INTEGER NOT NULL CHECK (removed = 0 OR removed = 1),
	name	TEXT,			-- the row's columns; NULL when removed
	min_staff INTEGER,
	log_every INTEGER,
	retired	INTEGER
);
CREATE INDEX duty_post_versions_code ON duty_post_versions(code, at, id);

INSERT INTO duty_post_versions(at, code, removed, name, min_staff,
    log_every, retired)
SELECT coalesce((SELECT min(a.at) FROM audit a WHERE a.tbl = 'duty_posts'
    AND a.row_id = p.code), '1970-01-01T00:00:00Z'), p.code, 0, p.name,
    p.min_staff, p.log_every, p.retired
FROM duty_posts p ORDER BY p.code;

CREATE TRIGGER duty_post_versions_audit AFTER INSERT ON audit
    WHEN NEW.tbl = 'duty_posts'
BEGIN
	INSERT INTO duty_post_versions(at, code, removed, name, min_staff,
	    log_every, retired)
	SELECT NEW.at, NEW.row_id, p.code IS NULL, p.name, p.min_staff,
	    p.log_every, p.retired
	FROM (SELECT NEW.row_id AS k) LEFT JOIN duty_posts p ON p.code = k;
END;

CREATE TRIGGER duty_post_versions_no_update
    BEFORE UPDATE ON duty_post_versions
BEGIN
	SELECT RAISE(ABORT, 'duty post versions cannot be changed');
END;
CREATE TRIGGER duty_post_versions_no_delete
    BEFORE DELETE ON duty_post_versions
BEGIN
	SELECT RAISE(ABORT, 'duty post versions cannot be deleted');
END;
