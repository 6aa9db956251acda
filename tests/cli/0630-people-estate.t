#!/bin/sh
# The estate file's people sections (visit_quotas, training_quotas,
# survey_lines, duty_posts, gate): every error pm-db apply reports with
# its position, applying twice changes nothing, and a quota changed from
# a day on leaves the months before as they were.
. "$PM_TOP/tests/cli/lib.sh"

at() { PM_NOW=$1; export PM_NOW; }
out() { cat "$PM_TMP/out"; }
err() { cat "$PM_TMP/err"; }

at 2026-10-31T08:00
pm-db init > /dev/null || { echo "Bail out! cannot make the database"; exit 1; }

# Each bad section: exit 78, FILE:LINE:COLUMN and what is wrong.
bad() {
	printf 'estate: {name: x}\ndepartments: [{code: service, name: 客服部}]\n%s\n' "$2" > bad.yaml
	fails 78 "$1" pm-db apply bad.yaml
	same "says where and what" "pm-db: bad.yaml:3:$3" "$(err)"
}
bad "a visit quota without roles" 'visit_quotas: [{department: service, per: day, households: 5}]' \
	"16: visit quota: missing 'roles'"
bad "an empty list of roles" 'visit_quotas: [{roles: [], per: day, households: 5}]' \
	"24: roles: name one to 4 roles"
bad "a role that is none" 'visit_quotas: [{roles: cook, per: day, households: 5}]' \
	"24: roles 'cook': not one of staff, lead, supervisor, manager"
bad "a quota per week" 'visit_quotas: [{roles: staff, per: week, households: 5}]' \
	"36: per 'week': not one of day, month"
bad "too many households" 'visit_quotas: [{roles: staff, per: day, households: 1000}]' \
	"53: households '1000': not a whole number from 0 to 999"
bad "days that are neither" 'visit_quotas: [{roles: staff, per: day, households: 5, days: some}]' \
	"62: days 'some': not one of working, all"
bad "a from that is no day" 'visit_quotas: [{roles: staff, per: day, households: 5, from: 2026-13-01}]' \
	"62: from '2026-13-01': not a day like 2026-01-01"
bad "a role's quota twice" 'visit_quotas: [{roles: staff, per: day, households: 5}, {roles: [lead, staff], per: day, households: 4}]' \
	"57: duplicate visit quota '* staff day -' (first at 3:16)"
bad "a department the file has not" 'visit_quotas: [{department: cleaning, roles: staff, per: day, households: 5}]' \
	"29: visit quota 'department': unknown department 'cleaning' (known: service)"
bad "a list expected" 'visit_quotas: {roles: staff}' \
	"15: visit_quotas: expected a list, found a mapping"
bad "a training quota without per_week" 'training_quotas: [{department: service}]' \
	"19: training quota: missing 'per_week'"
bad "a range backwards" 'training_quotas: [{department: service, per_week: 3-1}]' \
	"51: per_week '3-1': range runs backwards"
bad "a range that is none" 'training_quotas: [{department: service, per_week: a}]' \
	"51: per_week 'a': not a number or a range like 1-2"
bad "a department's quota twice" 'training_quotas: [{department: service, per_week: 2}, {department: service, per_week: 1-2}]' \
	"55: duplicate training quota 'service -' (first at 3:19)"
bad "a line named all" 'survey_lines: [{code: all, name: 全部}]' \
	"23: survey line 'all': the name of the overall figure, not a line"
bad "a target without %" 'survey_lines: [{code: a, name: A, target: 95}]' \
	"43: target '95': not a percentage from 0% to 100% (like 90%)"
bad "a line twice" 'survey_lines: [{code: a, name: A}, {code: a, name: B}]' \
	"43: duplicate survey line 'a' (first at 3:23)"
bad "a line without a name" 'survey_lines: [{code: a}]' \
	"16: survey line: missing 'name'"
bad "a post at no place" 'duty_posts: [{code: p, name: P, place: NOPE}]' \
	"40: duty post 'p': unknown unit, public area or common part 'NOPE'"
bad "a log every 0 minutes" 'duty_posts: [{code: p, name: P, log_every: 0m}]' \
	"44: log_every '0m': not longer than zero"
bad "fewer than no staff" 'duty_posts: [{code: p, name: P, min_staff: -1}]' \
	"44: min_staff '-1': not a whole number from 0 to 999"
bad "a notice that is no duration" 'gate: {move_notice: soon}' \
	"21: duration 'soon': not a duration (use 30m, 2h, 1d12h or 90s)"
bad "an unknown key of gate" 'gate: {notice: 24h}' \
	"8: gate: unknown key 'notice' (allowed: move_notice)"
same "nothing applied by any" "" "$(pm-survey lines)"

# The example estate applies, and again changes nothing.
cp "$PM_TOP/examples/aijia.yaml" "$PM_TOP/examples/cn-holidays-2026.tsv" .
ok "the example estate" pm-db apply -o tsv aijia.yaml
has "its people sections" "$(out)" "$(printf 'visit quotas\t3\t0\t0')"
ok "again" pm-db apply aijia.yaml
same "changes nothing" "" "$(awk 'NR > 1 && ($2 != 0 || $3 != 0 || $4 != 0)' "$PM_TMP/out")"
same "its survey lines, in order" "callbacks
repairs
security
cleaning
greening
activities" "$(pm-survey lines | cut -f1)"

# A quota from a day on: December owes 6 a day, November 5 as before.
export PM_USER=zhang.wei
at 2026-12-02T09:00
sed 's/^  - {department: service, roles: \[staff, lead\], per: day, households: 5}$/&\n  - {department: service, roles: [staff, lead], per: day, households: 6, from: 2026-12-01}/' \
	aijia.yaml > aijia2.yaml
ok "a new quota from December 1st" pm-db apply aijia2.yaml
same "two added, one a role" "kind          added  changed  retired
visit quotas      2        0        0" "$(out)"
same "November: 5 a working day" "5" "$(pm-visit quota 2026-11-30 | awk -F'\t' '$1 != "all" { print $5; exit }')"
same "December: 6" "6" "$(pm-visit quota 2026-12-01 | awk -F'\t' '$1 != "all" { print $5; exit }')"
done_testing
