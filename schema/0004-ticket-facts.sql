-- 0004: facts that never change.  A figure for a closed day (the pending
-- list, the day's counts, a KPI) must read the same whenever it is
-- asked, so what happened to a ticket is kept as facts nothing rewrites:
--
--   * tickets: what was received, its first level and first deadlines,
--     and when it was first resolved, in columns triggers keep as they
--     were written; beside them the columns of where it stands now,
--     which follow the events;
--   * ticket_events: every event (who, when, what), with the status,
--     level and assignee after it, the deadlines it set (the values in
--     force from then on), and which deadlines it met; append-only;
--   * ticket_spans: each stretch during which a ticket was unresolved,
--     written when the stretch ends; append-only.  A past day's pending
--     list is the stretches that cover its end.
--
-- The old ticket_history becomes ticket_events; tickets already in the
-- database get their first values from their history where it has them.
--
-- The CHECKs are written as OR chains, not IN lists: SQLite builds a
-- temporary table for each IN list every time a row is written, which
-- made adding a ticket five times dearer.

CREATE TABLE tickets_new (
	id	INTEGER PRIMARY KEY,
	-- What was received (首问负责制: the receiver never changes).
	kind	TEXT NOT NULL
		CHECK (kind = 'repair' OR kind = 'complaint' OR
		    kind = 'inquiry' OR kind = 'suggestion'),
	category TEXT NOT NULL REFERENCES categories(code),
	unit	TEXT NOT NULL REFERENCES units(code),
	source	TEXT NOT NULL
		CHECK (source = 'phone' OR source = 'walk-in' OR
		    source = 'visit' OR source = 'inspection' OR
		    source = 'online'),
	description TEXT NOT NULL,
	receiver TEXT NOT NULL REFERENCES staff(login),
	received_at TEXT NOT NULL,
	first_level INTEGER NOT NULL CHECK (first_level BETWEEN 1 AND 3),
	first_level_reason TEXT NOT NULL,
	first_notice_due TEXT,
	first_onsite_due TEXT,
	first_same_day_due TEXT,
	first_feedback_due TEXT,
	first_completion_due TEXT,
	-- Written once, when it first happens.
	first_resolved_at TEXT,
	-- Where it stands now.
	status	TEXT NOT NULL DEFAULT 'new'
		CHECK (status = 'new' OR status = 'assigned' OR
		    status = 'in_progress' OR status = 'waiting' OR
		    status = 'resolved' OR status = 'called_back' OR
		    status = 'closed' OR status = 'cancelled'),
	level	INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
	level_reason TEXT NOT NULL,
	escalated INTEGER NOT NULL DEFAULT 0 CHECK (escalated = 0 OR
	    escalated = 1),
	assignee TEXT REFERENCES staff(login),
	notice_due TEXT,
	onsite_due TEXT,
	same_day_due TEXT,
	feedback_due TEXT,
	completion_due TEXT,
	noticed_at TEXT,
	onsite_at TEXT,
	feedback_at TEXT,
	resolved_at TEXT,
	resolved_by TEXT REFERENCES staff(login),
	callback_at TEXT,
	callback_by TEXT REFERENCES staff(login),
	satisfaction TEXT
		CHECK (satisfaction = 'satisfied' OR satisfaction = 'basic' OR
		    satisfaction = 'dissatisfied'),
	callback_comment TEXT,
	closed_at TEXT,
	cancelled_at TEXT,
	paused_at TEXT,
	wait_reason TEXT,
	resume_status TEXT,
	paused_seconds INTEGER NOT NULL DEFAULT 0,
	reopen_count INTEGER NOT NULL DEFAULT 0,
	-- Since when it has been unresolved (received, or reopened); NULL
	-- while it is resolved, called back, closed or cancelled.
	open_since TEXT,
	-- 1 while the ticket is open (not closed or cancelled), else NULL:
	-- the open tickets are few, and every list of them reads them
	-- through their own small index (the view open_tickets).
	open	INTEGER GENERATED ALWAYS AS
		(CASE WHEN status = 'closed' OR status = 'cancelled' THEN NULL
		ELSE 1 END)
		VIRTUAL
);

INSERT INTO tickets_new(id, kind, category, unit, source, description,
    receiver, received_at, first_level, first_level_reason,
    first_notice_due, first_onsite_due, first_same_day_due,
    first_feedback_due, first_completion_due, first_resolved_at, status,
    level, level_reason, escalated, assignee, notice_due, onsite_due,
    same_day_due, feedback_due, completion_due, noticed_at, onsite_at,
    feedback_at, resolved_at, resolved_by, callback_at, callback_by,
    satisfaction, callback_comment, closed_at, cancelled_at, paused_at,
    wait_reason, resume_status, paused_seconds, reopen_count, open_since)
SELECT t.id, t.kind, t.category, t.unit, t.source, t.description,
    t.receiver, t.received_at,
    -- An escalated ticket's first level is in its first escalation.
    coalesce((SELECT CAST(substr(h.detail, 7, 1) AS INTEGER)
	FROM ticket_history h WHERE h.ticket_id = t.id
	AND h.action = 'escalate' AND h.detail LIKE 'level _ -> %'
	ORDER BY h.id LIMIT 1), t.level),
    CASE WHEN t.escalated THEN 'before escalation' ELSE t.level_reason END,
    t.notice_due, t.onsite_due, t.same_day_due, t.feedback_due,
    t.completion_due,
    (SELECT min(h.at) FROM ticket_history h WHERE h.ticket_id = t.id
	AND h.action = 'resolve'),
    t.status, t.level, t.level_reason, t.escalated, t.assignee,
    t.notice_due, t.onsite_due, t.same_day_due, t.feedback_due,
    t.completion_due, t.noticed_at, t.onsite_at, t.feedback_at,
    t.resolved_at,
    (SELECT h.who FROM ticket_history h WHERE h.ticket_id = t.id
	AND h.action = 'resolve' ORDER BY h.id DESC LIMIT 1),
    t.callback_at, t.callback_by, t.satisfaction, t.callback_comment,
    t.closed_at, t.cancelled_at, t.paused_at, t.wait_reason,
    t.resume_status, t.paused_seconds, t.reopen_count,
    CASE WHEN t.status IN ('new', 'assigned', 'in_progress', 'waiting')
	THEN coalesce((SELECT max(h.at) FROM ticket_history h
	WHERE h.ticket_id = t.id AND h.action = 'reopen'), t.received_at) END
FROM tickets t;

-- The history moves to ticket_events in three steps, so that no table
-- refers to the old tickets when it is dropped: copied aside, the old
-- tables dropped, copied into the new table made after the rename.
CREATE TABLE ticket_events_copy AS
SELECT h.id, h.ticket_id, h.at, h.who, h.action, h.from_status,
    coalesce(h.to_status, (SELECT h2.to_status FROM ticket_history h2
	WHERE h2.ticket_id = h.ticket_id AND h2.id < h.id
	AND h2.to_status IS NOT NULL ORDER BY h2.id DESC LIMIT 1), 'new'),
    t.level, t.assignee,
    CASE h.action WHEN 'add' THEN t.first_notice_due END,
    CASE h.action WHEN 'add' THEN t.first_onsite_due END,
    CASE h.action WHEN 'add' THEN t.first_same_day_due END,
    CASE h.action WHEN 'add' THEN t.first_feedback_due END,
    CASE h.action WHEN 'add' THEN t.first_completion_due END,
    CASE h.action WHEN 'assign' THEN 'feedback'
	WHEN 'start' THEN 'onsite,feedback' WHEN 'feedback' THEN 'feedback'
	WHEN 'resolve' THEN 'onsite,same_day,feedback,completion'
	WHEN 'reopen' THEN '-same_day,-completion'
	WHEN 'due' THEN CASE WHEN h.detail LIKE 'notice %' THEN 'notice' END
    END,
    CASE h.action WHEN 'callback' THEN t.satisfaction END,
    h.detail
FROM ticket_history h JOIN tickets_new t ON t.id = h.ticket_id ORDER BY h.id;
CREATE TABLE ticket_notices_copy AS SELECT * FROM ticket_notices;
DROP TABLE ticket_history;
DROP TABLE ticket_notices;
DROP TABLE tickets;
ALTER TABLE tickets_new RENAME TO tickets;

CREATE TABLE ticket_events (
	id	INTEGER PRIMARY KEY,
	ticket_id INTEGER NOT NULL REFERENCES tickets(id),
	at	TEXT NOT NULL,		-- when it happened
	who	TEXT NOT NULL,		-- the staff member acting
	event	TEXT NOT NULL CHECK (event = 'add' OR event = 'assign' OR
	    event = 'start' OR event = 'note' OR event = 'feedback' OR
	    event = 'wait' OR event = 'resume' OR event = 'resolve' OR
	    event = 'reopen' OR event = 'callback' OR event = 'close' OR
	    event = 'cancel' OR event = 'escalate' OR event = 'due'),
	from_status TEXT,
	status	TEXT NOT NULL,		-- after it
	level	INTEGER NOT NULL,	-- after it
	assignee TEXT,			-- after it
	-- The deadlines it set, in force from then on (NULL: unchanged).
	notice_due TEXT,
	onsite_due TEXT,
	same_day_due TEXT,
	feedback_due TEXT,
	completion_due TEXT,
	-- The deadlines it met ("onsite,feedback"), or un-met ("-completion"
	-- for a reopen); NULL for none.
	meets	TEXT,
	satisfaction TEXT,		-- a callback's
	detail	TEXT
);

INSERT INTO ticket_events SELECT * FROM ticket_events_copy;
DROP TABLE ticket_events_copy;

CREATE TABLE ticket_notices (
	ticket_id INTEGER NOT NULL REFERENCES tickets(id),
	kind	TEXT NOT NULL
		CHECK (kind = 'notice' OR kind = 'onsite' OR kind = 'feedback' OR
		    kind = 'completion'),
	due	TEXT NOT NULL,
	at	TEXT NOT NULL,
	PRIMARY KEY (ticket_id, kind, due)
) WITHOUT ROWID;
INSERT INTO ticket_notices SELECT * FROM ticket_notices_copy;
DROP TABLE ticket_notices_copy;

CREATE TABLE ticket_spans (
	ticket_id INTEGER NOT NULL REFERENCES tickets(id),
	opened_at TEXT NOT NULL,	-- received, or reopened
	closed_at TEXT NOT NULL,	-- resolved or cancelled
	-- How long it lasted: 0 up to a day, 1 a week, 2 31 days, 3 366
	-- days, 4 longer.  A day's query reads each class only as far back
	-- as its longest stretch, so its cost does not grow with history.
	class	INTEGER NOT NULL CHECK (class BETWEEN 0 AND 4)
);

INSERT INTO ticket_spans(ticket_id, opened_at, closed_at, class)
SELECT id, o, c, CASE WHEN julianday(c) - julianday(o) <= 1 THEN 0
    WHEN julianday(c) - julianday(o) <= 7 THEN 1
    WHEN julianday(c) - julianday(o) <= 31 THEN 2
    WHEN julianday(c) - julianday(o) <= 366 THEN 3 ELSE 4 END
FROM (SELECT t.id, coalesce((SELECT max(e.at) FROM ticket_events e
	WHERE e.ticket_id = t.id AND e.event = 'reopen'), t.received_at) AS o,
    coalesce(t.resolved_at, t.cancelled_at) AS c FROM tickets t
    WHERE t.open_since IS NULL AND coalesce(t.resolved_at, t.cancelled_at)
    IS NOT NULL);

-- What was received stays as it was received.
CREATE TRIGGER tickets_facts BEFORE UPDATE OF kind, category, unit, source,
    description, receiver, received_at, first_level, first_level_reason,
    first_notice_due, first_onsite_due, first_same_day_due,
    first_feedback_due, first_completion_due ON tickets
BEGIN
	SELECT RAISE(ABORT, 'a ticket''s received facts cannot be changed');
END;
CREATE TRIGGER tickets_first_resolved BEFORE UPDATE OF first_resolved_at
    ON tickets WHEN OLD.first_resolved_at IS NOT NULL
    AND NEW.first_resolved_at IS NOT OLD.first_resolved_at
BEGIN
	SELECT RAISE(ABORT, 'a ticket''s first resolution cannot be changed');
END;
CREATE TRIGGER tickets_no_delete BEFORE DELETE ON tickets
BEGIN
	SELECT RAISE(ABORT, 'tickets cannot be deleted (cancel them)');
END;
CREATE TRIGGER ticket_events_no_update BEFORE UPDATE ON ticket_events
BEGIN
	SELECT RAISE(ABORT, 'ticket events cannot be changed');
END;
CREATE TRIGGER ticket_events_no_delete BEFORE DELETE ON ticket_events
BEGIN
	SELECT RAISE(ABORT, 'ticket events cannot be deleted');
END;
CREATE TRIGGER ticket_spans_no_update BEFORE UPDATE ON ticket_spans
BEGIN
	SELECT RAISE(ABORT, 'ticket spans cannot be changed');
END;
CREATE TRIGGER ticket_spans_no_delete BEFORE DELETE ON ticket_spans
BEGIN
	SELECT RAISE(ABORT, 'ticket spans cannot be deleted');
END;

-- The open tickets, read through their own index whatever the
-- statistics say: an ANALYZE must never turn a list of the few hundred
-- open tickets into a walk over years of closed ones.
CREATE INDEX tickets_open ON tickets(received_at) WHERE open = 1;
CREATE VIEW open_tickets AS
	SELECT * FROM tickets INDEXED BY tickets_open WHERE open = 1;

-- list --all with --status, --receiver, --assignee, --unit, periods.
CREATE INDEX tickets_status ON tickets(status, received_at);
CREATE INDEX tickets_receiver ON tickets(receiver, received_at);
CREATE INDEX tickets_assignee ON tickets(assignee, received_at);
-- The repeat-repair rule and list --unit / --building.
CREATE INDEX tickets_unit ON tickets(unit, category, received_at);
-- Periods: what was received, by kind.
CREATE INDEX tickets_received ON tickets(received_at, kind);

CREATE INDEX ticket_events_ticket ON ticket_events(ticket_id, at, id);
-- Periods: what happened, by event.
CREATE INDEX ticket_events_at ON ticket_events(at, event, ticket_id);
CREATE INDEX ticket_spans_class ON ticket_spans(class, opened_at, closed_at,
	ticket_id);
