-- 0003: who is who.  A staff login may be bound to the Unix account its
-- owner logs in with (pm-estate(5) "unix:"), so that acting as someone
-- else can be refused; every audit row records the Unix user that ran
-- the command beside the staff member it acted as.  Unit and public-area
-- codes are unique whatever their case, so "p-gate-n" finds P-GATE-N.

ALTER TABLE staff ADD COLUMN unix_user TEXT;
CREATE UNIQUE INDEX staff_unix_user ON staff(unix_user)
	WHERE unix_user IS NOT NULL;

ALTER TABLE audit ADD COLUMN unix_user TEXT;

CREATE UNIQUE INDEX units_code_nocase ON units(code COLLATE NOCASE);
