-- 0005: every KPI of the estate file is a row, a KPI with no target
-- ("arrears_recovery: none") one whose target is NULL, so what apply
-- counts is what the file says (10 KPIs, not 9).

CREATE TABLE kpi_targets_new (
	kpi	TEXT PRIMARY KEY,
	-- basis points (95% = 9500); NULL: no target, the figure is shown
	target	INTEGER CHECK (target IS NULL OR target BETWEEN 0 AND 10000)
) WITHOUT ROWID;
INSERT INTO kpi_targets_new SELECT kpi, target FROM kpi_targets;
DROP TABLE kpi_targets;
ALTER TABLE kpi_targets_new RENAME TO kpi_targets;
