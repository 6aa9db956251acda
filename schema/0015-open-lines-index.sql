-- 0015: the open bill lines' index covers the dunning list too.
--
-- The persistent defaulters of a report (pm_fee_owing(): the units
-- owing so many months or more at a day's end) read every line open
-- then, which a unit that never pays piles up for years: at five years
-- of the generated estate, 14,000 lines for 103 units.  Each was found
-- in 0010's index and then read from the table for its unit and due
-- day, one random page at a time: 66-87 ms against 18 at half a year.
-- With the unit and the due day in the index too, the statement reads
-- the index alone (30 ms), and the arrears at a period's start, which
-- 0010 made read it alone, still do.
DROP INDEX fee_lines_open_at;
CREATE INDEX fee_lines_open_at ON fee_lines(paid_at, period, posted, amount,
	building, unit, due_day);
