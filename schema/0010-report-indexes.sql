-- 0010: the indexes of pm-report's reads of the other tools' tables.
--
-- The arrears at the start of a period (pm-fee's pm_fee_rates(), the
-- report's collection rates): the lines of earlier months not settled
-- in full before the start, by building.  Those are the lines never
-- settled in full (paid_at NULL) and those settled in full from the
-- start on, two ranges of paid_at; with the columns the statement tests
-- and sums after it, it reads those ranges of the index alone, neither
-- the lines settled before nor any line's row: at 10,000 units and five
-- years of bills (715,000 lines, 39,700 in the ranges, 13,700 of them
-- open at the start), 0.03 s in place of 0.05 s warm, 0.10 s cold.  Its
-- first column is the index of paid_at alone (0009), which goes; the
-- index by period this one replaces read every earlier month's lines.
DROP INDEX fee_lines_paid_at;
CREATE INDEX fee_lines_open_at ON fee_lines(paid_at, period, posted, amount,
	building);
