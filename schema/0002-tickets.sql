-- 0002: the service desk.  A ticket is one request, complaint, repair or
-- suggestion; its deadlines are computed once when it is received and
-- stored, so lists and reports compare text, never recompute.  Every
-- change of a ticket is kept in ticket_history with who and when.
--
-- Times are UTC ISO 8601 text ("2026-11-23T01:30:00Z").  A deadline
-- column (*_due) is NULL when the ticket has no such deadline; the
-- matching acted-on column (noticed_at, onsite_at, feedback_at,
-- resolved_at) is NULL until the deadline is met.

CREATE TABLE tickets (
	id	INTEGER PRIMARY KEY,
	kind	TEXT NOT NULL
		CHECK (kind IN ('repair', 'complaint', 'inquiry', 'suggestion')),
	category TEXT NOT NULL REFERENCES categories(code),
	unit	TEXT NOT NULL REFERENCES units(code),
	source	TEXT NOT NULL
		CHECK (source IN ('phone', 'walk-in', 'visit', 'inspection', 'online')),
	description TEXT NOT NULL,
	status	TEXT NOT NULL DEFAULT 'new'
		CHECK (status IN ('new', 'assigned', 'in_progress', 'waiting',
		    'resolved', 'called_back', 'closed', 'cancelled')),
	level	INTEGER NOT NULL CHECK (level IN (1, 2, 3)),
	level_reason TEXT NOT NULL,
	escalated INTEGER NOT NULL DEFAULT 0 CHECK (escalated IN (0, 1)),
	-- First-ask responsibility: the receiver never changes.
	receiver TEXT NOT NULL REFERENCES staff(login),
	assignee TEXT REFERENCES staff(login),
	received_at TEXT NOT NULL,
	notice_due TEXT,		-- level 1 and 2: the manager or lead told
	onsite_due TEXT,		-- emergency categories: someone on site
	same_day_due TEXT,		-- the end of the local day of receipt
	feedback_due TEXT,
	completion_due TEXT,
	noticed_at TEXT,
	onsite_at TEXT,
	feedback_at TEXT,
	resolved_at TEXT,
	callback_at TEXT,
	callback_by TEXT REFERENCES staff(login),
	satisfaction TEXT
		CHECK (satisfaction IN ('satisfied', 'basic', 'dissatisfied')),
	callback_comment TEXT,
	closed_at TEXT,
	cancelled_at TEXT,
	-- A paused clock: since when, why, and the status to go back to.
	paused_at TEXT,
	wait_reason TEXT,
	resume_status TEXT,
	paused_seconds INTEGER NOT NULL DEFAULT 0,
	reopen_count INTEGER NOT NULL DEFAULT 0
);

-- list --status and the open tickets that pending, due and --overdue read.
CREATE INDEX tickets_status ON tickets(status, received_at);
CREATE INDEX tickets_receiver ON tickets(receiver, received_at);
CREATE INDEX tickets_assignee ON tickets(assignee, received_at);
-- The repeat-repair rule and list --unit / --building.
CREATE INDEX tickets_unit ON tickets(unit, category, received_at);
-- list --since / --until and the reports' periods.
CREATE INDEX tickets_received ON tickets(received_at);
-- A past day's pending list: tickets received before its end and
-- resolved or cancelled after it, read from the index alone.  Partial,
-- so a new ticket costs these indexes nothing.
CREATE INDEX tickets_resolved ON tickets(resolved_at, received_at)
	WHERE resolved_at IS NOT NULL;
CREATE INDEX tickets_cancelled ON tickets(cancelled_at, received_at)
	WHERE cancelled_at IS NOT NULL;

CREATE TABLE ticket_history (
	id	INTEGER PRIMARY KEY,
	ticket_id INTEGER NOT NULL REFERENCES tickets(id),
	at	TEXT NOT NULL,
	who	TEXT NOT NULL,
	action	TEXT NOT NULL,		-- add, assign, start, note, wait, ...
	from_status TEXT,
	to_status TEXT,
	detail	TEXT
);
CREATE INDEX ticket_history_ticket ON ticket_history(ticket_id, id);

-- What "pm-ticket due --mark" has reported, so the next run does not
-- repeat it.  Keyed by the deadline itself: a deadline moved by a pause
-- or an escalation is a new one and is reported again.
CREATE TABLE ticket_notices (
	ticket_id INTEGER NOT NULL REFERENCES tickets(id),
	kind	TEXT NOT NULL
		CHECK (kind IN ('notice', 'onsite', 'feedback', 'completion')),
	due	TEXT NOT NULL,
	at	TEXT NOT NULL,
	PRIMARY KEY (ticket_id, kind, due)
) WITHOUT ROWID;
