-- 0013: the pre-job trainings by their time, for pm-train unqualified.
--
-- Whether a staff member passed a pre-job training (岗前培训) was read
-- from their whole attendance, one search per staff member, which grows
-- with every week's training: with five years of it, "unqualified" took
-- 2.7 times as long as with half a year (bench/people.sh).  The pre-job
-- sessions are few, one or two per hire; read by this index, with their
-- attendance, they are one short search whatever the years behind them.
CREATE INDEX training_sessions_kind ON training_sessions(kind, at);
