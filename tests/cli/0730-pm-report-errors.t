#!/bin/sh
# pm-report: every error a user can reach, with its status and message,
# and nothing on standard output when it fails.
. "$PM_TOP/tests/cli/lib.sh"
out() { cat "$PM_TMP/out"; }
err() { cat "$PM_TMP/err"; }
zh() { env LANG=zh_CN.UTF-8 LC_ALL= LANGUAGE= "$@"; }
export PM_NOW=2026-12-01T07:00

fails 66 "no database" pm-report daily
has "says how to make one" "$(err)" "pm-db init"
pm-db init > /dev/null && pm-db apply "$PM_TOP/tests/data/ticket-estate.yaml" > /dev/null ||
	{ echo "Bail out! cannot set up the estate"; exit 1; }
export PM_USER=zhang.wei

# Periods.
fails 64 "a week for a month" pm-report monthly 2026-W48
same "says what a month is" "pm-report: period '2026-W48': not a month (use 2026-11, a day in it, this or last)" "$(err)"
same "nothing written" "" "$(out)"
fails 64 "a month for a week" pm-report weekly 2026-11
same "says what a week is" "pm-report: period '2026-11': not a week (use 2026-W48, a day in it, this or last)" "$(err)"
fails 64 "a quarter for a year" pm-report yearly 2026-Q1
same "says what a year is" "pm-report: period '2026-Q1': not a year (use 2026, a day in it, this or last)" "$(err)"
fails 64 "a year for a day" pm-report daily 2026
fails 64 "last-month for a week" pm-report weekly last-month
fails 64 "no such quarter" pm-report quarterly 2026-Q5
same "says so" "pm-report: period '2026-Q5': not a quarter (use 2026-Q4)" "$(err)"
fails 64 "no such month" pm-report monthly 2026-13
same "says so" "pm-report: period '2026-13': no such month" "$(err)"
fails 64 "no period at all" pm-report daily soon
same "says what a day is" "pm-report: period 'soon': not a day (use 2026-11-23, a day in it, this or last)" "$(err)"
fails 65 "a period that has not begun" pm-report monthly 2027-01
same "says so" "pm-report: period '2027-01': has not begun" "$(err)"
fails 65 "nor a day" pm-report daily tomorrow
fails 64 "in Chinese" zh pm-report monthly 2026-W48
same "the message too" "pm-report: 期间“2026-W48”：不是一个月（应如 2026-11、其中的某一天、this 或 last）" "$(err)"
fails 64 "two periods" pm-report monthly 2026-10 2026-11
same "the extra one is named" "pm-report: unexpected argument '2026-11'" "$(head -1 "$PM_TMP/err")"

# Options that cannot go together, and bad values.
fails 64 "--by what?" pm-report monthly --by building
same "says the choices" "pm-report: --by 'building': not department or staff" "$(err)"
fails 64 "--by with --callbacks" pm-report monthly --by staff --callbacks
same "says so" "pm-report: --by and --callbacks: one or the other" "$(err)"
fails 64 "--check with --by" pm-report monthly --check --by staff
same "says so" "pm-report: --check: only for the KPIs, not with --by or --callbacks" "$(err)"
fails 64 "--check with --callbacks" pm-report weekly --check --callbacks
fails 64 "an unknown format names html among the choices" pm-report monthly -o xml
same "says so" "pm-report: format 'xml': unknown format (choose table, tsv, csv, json, excel or html)" "$(err)"
fails 64 "other tools know no html" pm-ticket list -o html
same "and do not offer it" "pm-ticket: format 'html': unknown format (choose table, tsv, csv, json or excel)" "$(err)"
ok "--by in Chinese" pm-report monthly --by 员工 -o tsv

# explain.
fails 64 "explain needs a KPI and a period" pm-report explain repair_timeliness
fails 65 "a survey line no round asked" pm-report explain owner_satisfaction.greening 2026-11
same "names those counted" "pm-report: kpi 'owner_satisfaction.greening': unknown KPI (choose complaint_timeliness, repair_timeliness, callback_rate, callback_satisfaction, first_time_fix, facility_intact, housing_intact, collection_rate, arrears_recovery, combined_collection, owner_satisfaction, walk_visits or training)" "$(err)"
fails 65 "no such KPI" pm-report explain nonsense 2026-11
fails 64 "a bad period" pm-report explain repair_timeliness 2026-99
same "says so" "pm-report: period '2026-99': no such month" "$(err)"
fails 65 "a period that has not begun" pm-report explain repair_timeliness 2027
ok "any period's form" pm-report explain -o tsv first_time_fix 2026-Q4
ok "a day" pm-report explain -o json callback_rate yesterday

# Output that cannot be written, and a database that is not pm's.
if [ -w /dev/full ]; then
	fails 74 "a full disk" sh -c 'pm-report monthly > /dev/full'
	has "says so" "$(err)" "write error"
	fails 74 "for programs too" sh -c 'pm-report monthly -o tsv > /dev/full'
	fails 74 "and a mail" sh -c 'pm-report monthly --mail --to a@example.com > /dev/full'
fi
ok "a closed pipe is a quiet end" sh -c 'pm-report monthly -o html | head -c 10 > /dev/null'
printf 'not a database' > "$PM_TMP/x.db"
fails 78 "a file that is not a database" pm-report monthly -d "$PM_TMP/x.db"
has "says so" "$(err)" "not a pm database"
done_testing
