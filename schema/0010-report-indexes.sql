-- 0010: the indexes of pm-report's reads of the other tools' tables.
--
-- The arrears at the start of a period (pm-fee's pm_fee_rates(), the
-- report's collection rates): the lines of earlier months not settled
-- in full before the start, by building.  The statement reads the lines
-- by period, the earlier months being nearly all of them; with the
-- columns it tests and sums in the index, it reads the index alone and
-- not each line's row: at 10,000 units and five years of bills (700,000
-- lines), 0.18 s in place of 0.77 s.
CREATE INDEX fee_lines_arrears ON fee_lines(period, paid_at, posted, amount,
	building);
