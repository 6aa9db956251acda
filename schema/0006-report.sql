-- 0006: the reports.  The KPIs the estate file gained (combined
-- collection, walk visits, training) get their default targets in a
-- database an estate was applied to before, as "pm-db apply" of a file
-- that does not name them would give them; a database never applied
-- gets them from its first apply.
--
-- The indexes below are those of the report's queries: which repairs
-- and complaints fall due in a period (by the deadline they were
-- received with, or one a resumed pause moved), and which tickets
-- reached level 1 in it.  The partial ones hold only the rows the
-- report reads, so the desk's writes pay little for them.

INSERT OR IGNORE INTO kpi_targets(kpi, target)
SELECT k, t FROM (SELECT 'combined_collection' AS k, NULL AS t
    UNION ALL SELECT 'walk_visits', 10000
    UNION ALL SELECT 'training', 10000)
WHERE EXISTS (SELECT 1 FROM kpi_targets);

CREATE INDEX tickets_completion_due ON tickets(first_completion_due)
	WHERE kind = 'repair' OR kind = 'complaint';
CREATE INDEX ticket_events_moved ON ticket_events(completion_due, ticket_id)
	WHERE event = 'resume' AND completion_due IS NOT NULL;
CREATE INDEX ticket_events_level1 ON ticket_events(at, ticket_id)
	WHERE level = 1 AND (event = 'add' OR event = 'escalate');
