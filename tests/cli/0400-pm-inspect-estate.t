#!/bin/sh
# pm-inspect's sections of the estate file (pm-estate(5)): checklists,
# facilities, maintenance, rounds and work_plans applied, counted,
# changed and retired like the core sections, and every mistake in them
# reported at FILE:LINE:COLUMN with exit 78 and nothing written.
. "$PM_TOP/tests/cli/lib.sh"

ex="$PM_TOP/tests/data/inspect-estate.yaml"
cp "$ex" "$PM_TMP/e.yaml"
PM_NOW=2026-01-05T08:00; export PM_NOW
out() { cat "$PM_TMP/out"; }
err() { cat "$PM_TMP/err"; }
sql() { sqlite3 "$PM_DB" "$1"; }

ok "init" pm-db init
ok "apply the test estate" pm-db apply -o tsv "$PM_TMP/e.yaml"
same "each section's tables counted" "checklists	3	0	0
checklist items	11	0	0
facilities	4	0	0
maintenance plans	6	0	0
rounds	4	0	0
round places	3	0	0
work plans	5	0	0" "$(grep -E '^(checklist|facilit|mainten|round|work)' "$PM_TMP/out")"
ok "apply again" pm-db apply "$PM_TMP/e.yaml"
same "changes nothing" "no changes" "$(out)"
same "a plan of 'kind: lift' is one per lift" "LIFT-3-1 service|15|0|1
LIFT-3-2 service|15|0|1" "$(sql "SELECT key, every_days, every_months, hard FROM maint_plans WHERE task = 'service' ORDER BY key")"
same "a lead time of a month" "LIFT-3-1 statutory|0|12|0|1" \
	"$(sql "SELECT key, every_days, every_months, ahead_days, ahead_months FROM maint_plans WHERE key = 'LIFT-3-1 statutory'")"
same "items numbered, a reading with its range in thousandths" "pump 002|2|MPa|500|1000|0" \
	"$(sql "SELECT key, n, reading, min, max, unchanged FROM checklist_items WHERE key = 'pump 002'")"
same "pass scores in basis points, 100% by default" "clean|7500
pump|10000
vacant|10000" "$(sql "SELECT code, pass_score FROM checklists ORDER BY code")"
same "work plans: months and weekdays as bit sets" "leaves|2026|512|daily|0
training|0|7|days|10" "$(sql "SELECT code, year, months, often, weekdays FROM work_plans WHERE code IN ('training', 'leaves') ORDER BY code")"
same "a round of vacant units has no places of its own" "vacant|1|0" \
	"$(sql "SELECT code, vacant, (SELECT count(*) FROM round_places WHERE round = 'vacant') FROM rounds WHERE code = 'vacant'")"
same "a round's place may be a facility" "lifts LIFT-3-1|facility" \
	"$(sql "SELECT key, place_kind FROM round_places WHERE round = 'lifts'")"
same "the register keeps when each entered it" "4" \
	"$(sql "SELECT count(*) FROM inspect_register WHERE tbl = 'facilities' AND event = 'add' AND at = '2026-01-05T00:00:00Z'")"

# Change, retire and restore: audited, and the register's history grows.
PM_NOW=2026-02-01T08:00; export PM_NOW
sed -e 's/every: quarterly, facilities: \[FP-1\]/every: monthly, facilities: [FP-1]/' \
    -e '/code: TANK-1/d' -e '/task: clean,/d' "$ex" > "$PM_TMP/e2.yaml"
ok "a plan changed, a facility and its plan removed" pm-db apply -o tsv "$PM_TMP/e2.yaml"
same "counted as changed and retired" "facilities	0	0	1
maintenance plans	0	1	1" "$(grep -E '^(facilit|mainten)' "$PM_TMP/out")"
same "retired, not deleted" "1" "$(sql "SELECT retired FROM facilities WHERE code = 'TANK-1'")"
same "the audit says what changed" "changed: every_months 3 -> 1" \
	"$(sql "SELECT summary FROM audit WHERE tbl = 'maint_plans' AND row_id = 'FP-1 flow-test' ORDER BY id DESC LIMIT 1")"
same "the register has its retirement" "retire|2026-02-01T00:00:00Z" \
	"$(sql "SELECT event, at FROM inspect_register WHERE tbl = 'facilities' AND key = 'TANK-1' ORDER BY rowid DESC LIMIT 1")"
fails 65 "a retired facility takes no record" pm-inspect maint record --as wu.gang --task clean TANK-1
has "says it left the file" "$(err)" "retired"
PM_NOW=2026-03-01T08:00; export PM_NOW
ok "back in the file" pm-db apply "$PM_TMP/e.yaml"
same "restored in the register" "add retire restore" \
	"$(sql "SELECT group_concat(event, ' ') FROM (SELECT event FROM inspect_register WHERE tbl = 'facilities' AND key = 'TANK-1' ORDER BY rowid)")"
refused() {
	sqlite3 "$PM_DB" "$2" > "$PM_TMP/out" 2> "$PM_TMP/err"
	[ $? -ne 0 ] && _res 0 "$1" || _res 1 "$1"
}
refused "the register's history cannot be deleted" "DELETE FROM inspect_register"
has "says so" "$(err)" "the register's history cannot be deleted"
refused "nor changed" "UPDATE inspect_register SET at = '2020-01-01T00:00:00Z'"
ok "apply -n shows the rows it would write" pm-db apply -n -o tsv "$PM_TMP/e2.yaml"
has "a plan retired" "$(out)" "retire	maintenance plans	TANK-1 clean"

# Mistakes: each one FILE:LINE:COLUMN, exit 78, the database as it was.
before=$(sha "$PM_DB")
n=0
bad() {
	n=$((n + 1))
	sed "$2" "$ex" > "$PM_TMP/bad$n.yaml"
	_msg=$3
	fails 78 "$1" pm-db apply "$PM_TMP/bad$n.yaml"
	has "$1: the message" "$(err)" "$_msg"
}
# The files below differ from the good one by one line; each message is
# placed where the mistake is.
bad "an unknown key in a checklist" 's/    department: service$/    departement: service/' \
	"bad1.yaml:59:5: checklist: unknown key 'departement'"
bad "a checklist's unknown category" 's/    category: hygiene/    category: nothing/' \
	"checklist 'clean': unknown category 'nothing'"
bad "a checklist's unknown department" 's/    department: cleaning$/    department: sales/' \
	"checklist 'clean': unknown department 'sales'"
bad "a checklist with no items" '/^      - 门封完好/,/电表读数/d' \
	"checklist 'vacant': no items"
bad "a pass score that is no percentage" 's/pass: 75%/pass: 175%/' \
	"pass '175%': not a percentage from 0% to 100%"
bad "a weight out of range" 's/weight: 2}/weight: 0}/' "weight '0': not a number from 1 to 100"
bad "min above max" 's/min: 0.50, max: 1.00/min: 1.50, max: 1.00/' "max is below min"
bad "min without a reading" 's/{check: 管网压力, reading: MPa, min/{check: 管网压力, min/' \
	"min, max and unchanged are for a reading"
bad "a reading limit that is no number" 's/min: 0.50/min: low/' "reading 'low': not a number"
bad "a duplicate checklist" 's/  - code: clean$/  - code: pump/' "duplicate checklist 'pump'"
bad "a facility's kind" 's/kind: fire, location/kind: gas, location/' \
	"kind 'gas': not one of power, water, fire, lift, security, other"
bad "a facility's location" 's/location: P-PUMP, department: engineering, contractor/location: P-NONE, department: engineering, contractor/' \
	"facility 'FP-1': unknown unit, public area or common part 'P-NONE'"
bad "a certificate that is no day" 's/certificate: 2026-12-15/certificate: 2026-02-30/' \
	"certificate '2026-02-30': not a day like 2027-03-31"
bad "a duplicate facility, in another case" 's/code: TANK-1/code: fp-1/' "duplicate facility 'fp-1'"
bad "a plan of no facility" 's/facilities: \[FP-1\]}/facilities: [FP-9]}/' \
	"maintenance plan 'flow-test': unknown facility 'FP-9'"
bad "a plan with facilities and a kind" 's/every: quarterly, facilities/every: quarterly, kind: fire, facilities/' \
	"give either 'facilities' (their codes) or 'kind'"
bad "a plan of a kind no facility is" 's/hard: true, kind: lift/hard: true, kind: security/' \
	"no facility is of kind 'security'"
bad "an interval that is no word" 's/every: half-yearly/every: sometimes/' \
	"interval 'sometimes': not an interval"
bad "an interval in an unknown unit" 's/every: 15d/every: 15x/' "interval '15x': unknown unit"
bad "an interval over ten years" 's/every: 15d/every: 11y/' "interval '11y': longer than ten years"
bad "a task twice for a facility" 's/task: statutory, name: 电梯定期检验, every: yearly/task: service, name: 电梯定期检验, every: yearly/' \
	"duplicate maintenance task 'LIFT-3-1 service'"
bad "a round's unknown checklist" 's/checklist: pump, places: \[P-PUMP\]/checklist: pumps, places: [P-PUMP]/' \
	"round 'pumps': unknown checklist 'pumps'"
bad "a round's unknown place" 's/places: \[P-CLUB\]/places: [P-NOWHERE]/' \
	"round 'clean': unknown place 'P-NOWHERE'"
bad "places neither codes nor vacant" 's/places: vacant/places: empty/' \
	"places 'empty': not a list of codes nor vacant"
bad "no places" 's/places: \[P-CLUB\], //' "round: missing 'places'"
bad "a round's level" 's/level: lead/level: boss/' "level 'boss': not one of self, lead, supervisor"
bad "a work plan without every" 's/months: 10, every: daily, /months: 10, /' \
	"work plan 'leaves': missing 'every'"
bad "days for a monthly plan" 's/months: 1-3, days/months: 1-3, every: monthly, days/' \
	"days are for a weekly plan"
bad "a weekday that is none" 's/days: \[tue, thu\]/days: [tue, thurs]/' \
	"day 'thurs': not one of mon, tue, wed, thu, fri, sat, sun"
bad "a month out of range" 's/months: 1-3,/months: 1-13,/' "months '1-13': out of range (1-12)"
bad "a year before 1970" 's/year: 2026/year: 1969/' "year '1969': before 1970"
bad "an unknown section" '$a unknown_section: []' "unknown key 'unknown_section'"
same "and the database was left as it was" "$before" "$(sha "$PM_DB")"

# A place that is both a facility and a public area cannot be told apart.
sed -e 's/code: TANK-1, name: 水箱/code: P-CLUB, name: 水箱/' -e '/task: clean,/d' \
    -e 's/places: \[LIFT-3-1\]/places: [LIFT-3-1, P-CLUB]/' "$ex" > "$PM_TMP/both.yaml"
fails 78 "a round place both a facility and a public area" pm-db apply "$PM_TMP/both.yaml"
has "says so" "$(err)" "place 'P-CLUB' is both a facility and a unit or public area"
# Chinese words are taken as the estate's staff write them.
sed -e 's/kind: fire, location/kind: 消防, location/' -e 's/level: lead/level: 班长检查/' \
    -e 's/days: \[tue, thu\]/days: [周二, 星期四]/' -e 's/every: 15d/every: 每15天/' \
    -e 's/every: half-yearly/every: 每半年/' "$ex" > "$PM_TMP/zh.yaml"
pm-db init -d "$PM_TMP/zh.db" > /dev/null
ok "words in Chinese" pm-db apply -d "$PM_TMP/zh.db" "$PM_TMP/zh.yaml"
same "stored as the identifiers" "fire|lead|10|15|6" "$(sqlite3 "$PM_TMP/zh.db" "SELECT (SELECT kind FROM facilities WHERE code = 'FP-1'), (SELECT level FROM rounds WHERE code = 'lifts'), (SELECT weekdays FROM work_plans WHERE code = 'training'), (SELECT every_days FROM maint_plans WHERE key = 'LIFT-3-1 service'), (SELECT every_months FROM maint_plans WHERE key = 'TANK-1 clean')")"
done_testing
