-- 0009: fees.  What the estate file says (books, receipt series, fee
-- items and their dated rates, who pays which item, parking spaces and
-- their holders, the column maps of bank statements), and what happens
-- day by day: handovers and vacancies, bill lines, meter readings,
-- receipts, the money each receipt settles, voids, refunds, and the
-- income and expenses of the books.
--
-- Money is INTEGER fen; areas and meter readings INTEGER hundredths;
-- a rate INTEGER ten-thousandths of a yuan (1.85 yuan = 18500); a
-- percentage INTEGER basis points (50% = 5000), a daily late-fee rate
-- INTEGER parts per million (0.05% = 500).  Days are local dates
-- ("2026-03-18"), periods months ("2026-03"), times UTC ("...Z").
--
-- Every figure of a closed period is computed from facts that nothing
-- rewrites: bill lines, receipts, settlements (fee_allocs), voids,
-- readings, handovers, vacancy events and ledger entries are
-- append-only (the triggers below refuse UPDATE and DELETE), each with
-- the time it was posted.  A void or a refund does not change what it
-- corrects: it adds negative settlements, posted when it happens.  Two
-- columns follow the facts for speed and are never read "as of" a
-- past day alone: fee_lines.paid / paid_at (what is settled now, and
-- when the line was last settled in full) and fee_docs.credit (what of
-- a receipt is not yet spent on bills).

CREATE TABLE fee_books (
	code	TEXT PRIMARY KEY,	-- service, common, utility, deposit
	name	TEXT NOT NULL,		-- 物业服务收入
	kind	TEXT NOT NULL CHECK (kind = 'income' OR kind = 'common' OR
	    kind = 'collected' OR kind = 'deposit'),
	retired	INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
) WITHOUT ROWID;

-- Receipts are numbered per series, from 1, without gaps.
CREATE TABLE fee_series (
	code	TEXT PRIMARY KEY,	-- SJ
	name	TEXT NOT NULL,		-- 物业收费收据
	prefix	TEXT NOT NULL,		-- "SJ2026-"
	digits	INTEGER NOT NULL CHECK (digits BETWEEN 1 AND 12),
	retired	INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
) WITHOUT ROWID;

CREATE TABLE fee_items (
	code	TEXT PRIMARY KEY,	-- service, parking, garbage, water
	name	TEXT NOT NULL,		-- 物业服务费
	book	TEXT NOT NULL REFERENCES fee_books(code),
	basis	TEXT NOT NULL CHECK (basis = 'area' OR basis = 'unit' OR
	    basis = 'space' OR basis = 'meter' OR basis = 'shared'),
	frequency TEXT NOT NULL CHECK (frequency = 'monthly' OR
	    frequency = 'quarterly' OR frequency = 'yearly'),
	due_day	INTEGER NOT NULL CHECK (due_day BETWEEN 1 AND 31),
	start_rule TEXT NOT NULL CHECK (start_rule = 'next-month' OR
	    start_rule = 'prorate'),
	formula	TEXT NOT NULL,		-- as written for owners
	vacancy_after INTEGER,		-- months vacant before the discount
	vacancy_pays INTEGER,		-- basis points a vacant unit pays
	late_daily INTEGER,		-- ppm of the unpaid amount a day
	late_grace INTEGER,		-- days after the due day
	late_cap INTEGER,		-- basis points of the line, at most
	retired	INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
) WITHOUT ROWID;

-- A rate is in force from its day until the next one's.  The key is
-- "ITEM FROM" so the merge of pm-db apply sorts it as a whole.
CREATE TABLE fee_rates (
	key	TEXT PRIMARY KEY,	-- "service 2026-07-01"
	item	TEXT NOT NULL REFERENCES fee_items(code),
	from_day TEXT NOT NULL,
	rate	INTEGER NOT NULL CHECK (rate >= 0)
) WITHOUT ROWID;
CREATE INDEX fee_rates_item ON fee_rates(item, from_day);

-- Which buildings or units pay an item; an item with no row here is
-- paid by every unit.
CREATE TABLE fee_scopes (
	key	TEXT PRIMARY KEY,	-- "garbage 3", "service 3-1-502"
	item	TEXT NOT NULL REFERENCES fee_items(code),
	building TEXT REFERENCES buildings(code),
	unit	TEXT REFERENCES units(code),
	CHECK ((building IS NULL) <> (unit IS NULL))
) WITHOUT ROWID;
CREATE INDEX fee_scopes_item ON fee_scopes(item);

CREATE TABLE fee_spaces (
	code	TEXT PRIMARY KEY,	-- B1-001
	item	TEXT NOT NULL REFERENCES fee_items(code),
	retired	INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
) WITHOUT ROWID;

-- Who holds a space, from a day until a day (NULL: still).
CREATE TABLE fee_holders (
	key	TEXT PRIMARY KEY,	-- "B1-001 2026-01-01"
	space	TEXT NOT NULL REFERENCES fee_spaces(code),
	unit	TEXT NOT NULL REFERENCES units(code),
	from_day TEXT NOT NULL,
	until_day TEXT
) WITHOUT ROWID;
CREATE INDEX fee_holders_space ON fee_holders(space, from_day);

-- A bank's statement: which column holds what.
CREATE TABLE fee_formats (
	code	TEXT PRIMARY KEY,	-- icbc
	name	TEXT NOT NULL,
	encoding TEXT NOT NULL CHECK (encoding = 'utf-8' OR encoding = 'gbk'),
	txn_col	TEXT NOT NULL,
	date_col TEXT NOT NULL,
	amount_col TEXT NOT NULL,
	reference_col TEXT NOT NULL,	-- one column, or several joined by '|'
	payer_col TEXT,
	retired	INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
) WITHOUT ROWID;

-- Day by day.

CREATE TABLE fee_handovers (
	unit	TEXT PRIMARY KEY REFERENCES units(code),
	day	TEXT NOT NULL,		-- 交房 day
	posted	TEXT NOT NULL,
	who	TEXT NOT NULL
) WITHOUT ROWID;

-- A vacancy starts on a day (vacant 1) and ends after a day (vacant 0).
CREATE TABLE fee_vacancies (
	id	INTEGER PRIMARY KEY,
	unit	TEXT NOT NULL REFERENCES units(code),
	day	TEXT NOT NULL,		-- the first vacant day, or the last
	vacant	INTEGER NOT NULL CHECK (vacant IN (0, 1)),
	posted	TEXT NOT NULL,
	who	TEXT NOT NULL
);
CREATE INDEX fee_vacancies_unit ON fee_vacancies(unit, day, id);

-- One billing run: pm-fee bill, share.
CREATE TABLE fee_runs (
	id	INTEGER PRIMARY KEY,
	verb	TEXT NOT NULL,		-- bill, share
	period	TEXT NOT NULL,
	posted	TEXT NOT NULL,
	who	TEXT NOT NULL
);

CREATE TABLE fee_readings (
	id	INTEGER PRIMARY KEY,
	unit	TEXT NOT NULL REFERENCES units(code),
	item	TEXT NOT NULL REFERENCES fee_items(code),
	day	TEXT NOT NULL,
	reading	INTEGER NOT NULL CHECK (reading >= 0),	-- hundredths
	posted	TEXT NOT NULL,
	who	TEXT NOT NULL
);
CREATE INDEX fee_readings_unit ON fee_readings(unit, item, day);

CREATE TABLE fee_lines (
	id	INTEGER PRIMARY KEY,
	unit	TEXT NOT NULL REFERENCES units(code),
	building TEXT,			-- the unit's, for the rates by building
	item	TEXT NOT NULL REFERENCES fee_items(code),
	space	TEXT REFERENCES fee_spaces(code),
	kind	TEXT NOT NULL CHECK (kind = 'charge' OR kind = 'vacancy' OR
	    kind = 'meter' OR kind = 'shared'),
	period	TEXT NOT NULL,		-- the month billed: "2026-03"
	from_day TEXT NOT NULL,		-- what it covers, both days in
	to_day	TEXT NOT NULL,
	quantity INTEGER NOT NULL,	-- hundredths: m², units, m³...
	rate	INTEGER NOT NULL,	-- ten-thousandths of a yuan
	amount	INTEGER NOT NULL,	-- fen; a vacancy discount < 0
	due_day	TEXT NOT NULL,
	note	TEXT,			-- "14/31 days", "vacant: pays 50%"
	run	INTEGER REFERENCES fee_runs(id),
	reading	INTEGER REFERENCES fee_readings(id),
	posted	TEXT NOT NULL,
	who	TEXT NOT NULL,
	-- Follow the settlements: settled now, and when last in full.
	paid	INTEGER NOT NULL DEFAULT 0,
	paid_at	TEXT
);
-- Billing a period twice bills it once.
CREATE UNIQUE INDEX fee_lines_once ON fee_lines(unit, item,
	coalesce(space, ''), period, kind) WHERE kind <> 'meter';
-- A unit's open lines, oldest first, for payments and credit.
CREATE INDEX fee_lines_open ON fee_lines(unit, due_day, period, id)
	WHERE paid < amount;
CREATE INDEX fee_lines_unit ON fee_lines(unit, period, id);
-- The current-period rate: a period's lines.
CREATE INDEX fee_lines_period ON fee_lines(period, posted, building,
	amount);
-- Arrears as of a day: the lines not settled in full before it.
CREATE INDEX fee_lines_paid_at ON fee_lines(paid_at);

-- A receipt (收据) or a refund (a negative receipt of the same series,
-- linked to the payment it gives money back from).
CREATE TABLE fee_docs (
	id	INTEGER PRIMARY KEY,
	series	TEXT NOT NULL REFERENCES fee_series(code),
	number	INTEGER NOT NULL CHECK (number >= 1),
	receipt	TEXT NOT NULL UNIQUE,	-- prefix and number: "SJ000042"
	kind	TEXT NOT NULL CHECK (kind = 'payment' OR kind = 'refund'),
	unit	TEXT NOT NULL REFERENCES units(code),
	amount	INTEGER NOT NULL,	-- fen: > 0 a payment, < 0 a refund
	method	TEXT NOT NULL CHECK (method = 'cash' OR method = 'transfer' OR
	    method = 'wechat' OR method = 'alipay' OR method = 'other'),
	day	TEXT NOT NULL,		-- when the money came or went
	txn	TEXT,			-- the channel's transaction id
	reverses INTEGER REFERENCES fee_docs(id),
	note	TEXT,
	posted	TEXT NOT NULL,
	who	TEXT NOT NULL,
	credit	INTEGER NOT NULL DEFAULT 0,	-- not yet spent on bills
	UNIQUE (series, number),
	CHECK ((kind = 'payment') = (amount > 0)),
	CHECK ((kind = 'refund') = (reverses IS NOT NULL))
);
CREATE UNIQUE INDEX fee_docs_txn ON fee_docs(method, txn)
	WHERE txn IS NOT NULL;
CREATE INDEX fee_docs_unit ON fee_docs(unit, day, id);
CREATE INDEX fee_docs_day ON fee_docs(day);
CREATE INDEX fee_docs_credit ON fee_docs(unit, id) WHERE credit > 0;
CREATE INDEX fee_docs_reverses ON fee_docs(reverses) WHERE reverses IS NOT NULL;

CREATE TABLE fee_voids (
	doc	INTEGER PRIMARY KEY REFERENCES fee_docs(id),
	reason	TEXT NOT NULL,
	posted	TEXT NOT NULL,
	who	TEXT NOT NULL
);

-- Money settling a line: a payment's (pay), credit spent on a new line
-- (credit), a vacancy discount (discount, no receipt), or taken back
-- (void, refund: negative).
CREATE TABLE fee_allocs (
	id	INTEGER PRIMARY KEY,
	line	INTEGER NOT NULL REFERENCES fee_lines(id),
	doc	INTEGER REFERENCES fee_docs(id),	-- whose money
	by_doc	INTEGER REFERENCES fee_docs(id),	-- a refund's
	cause	TEXT NOT NULL CHECK (cause = 'pay' OR cause = 'credit' OR
	    cause = 'discount' OR cause = 'void' OR cause = 'refund'),
	amount	INTEGER NOT NULL,
	value_day TEXT NOT NULL,	-- paid as of this day (late fees)
	posted	TEXT NOT NULL,
	CHECK ((cause = 'discount') = (doc IS NULL))
);
CREATE INDEX fee_allocs_line ON fee_allocs(line, posted, cause, amount);
CREATE INDEX fee_allocs_posted ON fee_allocs(posted, line, cause, amount);
CREATE INDEX fee_allocs_doc ON fee_allocs(doc, line);

-- The books' other income and their expenses (ledger, disclose).
CREATE TABLE fee_entries (
	id	INTEGER PRIMARY KEY,
	kind	TEXT NOT NULL CHECK (kind = 'income' OR kind = 'expense'),
	book	TEXT NOT NULL REFERENCES fee_books(code),
	category TEXT NOT NULL,
	amount	INTEGER NOT NULL CHECK (amount > 0),
	party	TEXT NOT NULL,		-- payer or payee
	day	TEXT NOT NULL,
	note	TEXT,
	posted	TEXT NOT NULL,
	who	TEXT NOT NULL
);
CREATE INDEX fee_entries_day ON fee_entries(day, book);

-- Facts stay as they were written.
CREATE TRIGGER fee_lines_facts BEFORE UPDATE OF id, unit, building, item,
    space, kind, period, from_day, to_day, quantity, rate, amount, due_day,
    note, run, reading, posted, who ON fee_lines
BEGIN
	SELECT RAISE(ABORT, 'bill lines cannot be changed');
END;
CREATE TRIGGER fee_lines_no_delete BEFORE DELETE ON fee_lines
BEGIN
	SELECT RAISE(ABORT, 'bill lines cannot be deleted');
END;
CREATE TRIGGER fee_docs_facts BEFORE UPDATE OF id, series, number, receipt,
    kind, unit, amount, method, day, txn, reverses, note, posted, who
    ON fee_docs
BEGIN
	SELECT RAISE(ABORT, 'receipts cannot be changed (void them)');
END;
CREATE TRIGGER fee_docs_no_delete BEFORE DELETE ON fee_docs
BEGIN
	SELECT RAISE(ABORT, 'receipts cannot be deleted (void them)');
END;
CREATE TRIGGER fee_allocs_no_update BEFORE UPDATE ON fee_allocs
BEGIN
	SELECT RAISE(ABORT, 'settlements cannot be changed');
END;
CREATE TRIGGER fee_allocs_no_delete BEFORE DELETE ON fee_allocs
BEGIN
	SELECT RAISE(ABORT, 'settlements cannot be deleted');
END;
CREATE TRIGGER fee_voids_no_update BEFORE UPDATE ON fee_voids
BEGIN
	SELECT RAISE(ABORT, 'voids cannot be changed');
END;
CREATE TRIGGER fee_voids_no_delete BEFORE DELETE ON fee_voids
BEGIN
	SELECT RAISE(ABORT, 'voids cannot be deleted');
END;
CREATE TRIGGER fee_readings_no_update BEFORE UPDATE ON fee_readings
BEGIN
	SELECT RAISE(ABORT, 'meter readings cannot be changed');
END;
CREATE TRIGGER fee_readings_no_delete BEFORE DELETE ON fee_readings
BEGIN
	SELECT RAISE(ABORT, 'meter readings cannot be deleted');
END;
CREATE TRIGGER fee_handovers_no_update BEFORE UPDATE ON fee_handovers
BEGIN
	SELECT RAISE(ABORT, 'handovers cannot be changed');
END;
CREATE TRIGGER fee_handovers_no_delete BEFORE DELETE ON fee_handovers
BEGIN
	SELECT RAISE(ABORT, 'handovers cannot be deleted');
END;
CREATE TRIGGER fee_vacancies_no_update BEFORE UPDATE ON fee_vacancies
BEGIN
	SELECT RAISE(ABORT, 'vacancy records cannot be changed');
END;
CREATE TRIGGER fee_vacancies_no_delete BEFORE DELETE ON fee_vacancies
BEGIN
	SELECT RAISE(ABORT, 'vacancy records cannot be deleted');
END;
CREATE TRIGGER fee_runs_no_update BEFORE UPDATE ON fee_runs
BEGIN
	SELECT RAISE(ABORT, 'billing runs cannot be changed');
END;
CREATE TRIGGER fee_runs_no_delete BEFORE DELETE ON fee_runs
BEGIN
	SELECT RAISE(ABORT, 'billing runs cannot be deleted');
END;
CREATE TRIGGER fee_entries_no_update BEFORE UPDATE ON fee_entries
BEGIN
	SELECT RAISE(ABORT, 'ledger entries cannot be changed');
END;
CREATE TRIGGER fee_entries_no_delete BEFORE DELETE ON fee_entries
BEGIN
	SELECT RAISE(ABORT, 'ledger entries cannot be deleted');
END;
