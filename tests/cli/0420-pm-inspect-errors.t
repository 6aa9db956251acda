#!/bin/sh
# pm-inspect: every mistake a user can make, with its exit status and its
# message (in English, and a few in Chinese), and nothing written by any
# refused command.  On the demo estate (爱家名邸), in October 2026.
. "$PM_TOP/tests/cli/lib.sh"

at() { PM_NOW=$1; export PM_NOW; }
out() { cat "$PM_TMP/out"; }
err() { cat "$PM_TMP/err"; }
zh() { env LANG=zh_CN.UTF-8 LC_ALL= LANGUAGE= "$@"; }
facts() { sqlite3 "$PM_DB" "SELECT (SELECT count(*) FROM inspections),
	(SELECT count(*) FROM inspection_items), (SELECT count(*) FROM maint_records),
	(SELECT count(*) FROM facility_states), (SELECT count(*) FROM housing_grades),
	(SELECT count(*) FROM work_records), (SELECT count(*) FROM audit)"; }

at 2026-07-01T08:00
pm-db init > /dev/null && pm-db apply "$PM_TOP/examples/aijia.yaml" > /dev/null &&
	pm-unit import --as zhang.wei "$PM_TOP/examples/owners.csv" > /dev/null ||
	{ echo "Bail out! cannot set up the estate"; exit 1; }
export PM_USER=wu.gang
at 2026-10-05T10:00
before=$(facts)

# The command line.
fails 64 "an unknown verb" pm-inspect frob
has "names it" "$(err)" "unknown command 'frob'"
fails 64 "a group without its verb" pm-inspect facility
has "says so" "$(err)" "facility: missing command"
fails 64 "an unknown verb of a group" pm-inspect maint show 1
has "names it" "$(err)" "unknown command 'show'"

# record: the checklist, the place, the results.
fails 64 "record needs a checklist" pm-inspect record -u P-PUMP 2=0.6
has "says so" "$(err)" "record: --checklist is needed"
fails 64 "record needs a place" pm-inspect record -c fire-pump-room 2=0.6
has "says so" "$(err)" "record: give one place: --unit, --facility or --ticket"
fails 64 "and only one" pm-inspect record -c fire-pump-room -u P-PUMP -f FP-1 2=0.6
has "says so" "$(err)" "record: give one place"
fails 66 "an unknown checklist" pm-inspect record -c nope -u P-PUMP 2=0.6
has "says so" "$(err)" "checklist 'nope': no such checklist (see 'pm-inspect checklist list')"
fails 66 "an unknown unit" pm-inspect record -c fire-pump-room -u 9-9-999 2=0.6
has "says so" "$(err)" "unit '9-9-999': no such unit"
fails 66 "an unknown facility" pm-inspect record -c fire-pump-room -f FP-9 2=0.6
has "with the near ones" "$(err)" "facility 'FP-9': no such facility (did you mean FP-1, FP-2 or SP-1?"
fails 66 "an unknown ticket" pm-inspect record -c repair-check -t 99
has "says so" "$(err)" "ticket '99': no such ticket"
pm-ticket add -c water-leak -u 3-1-502 厨房水管漏水 > /dev/null
before=$(facts)
fails 65 "a ticket not resolved has no repair to check" pm-inspect record -c repair-check -t 1
has "says so" "$(err)" "ticket '1': not resolved yet, nothing to check after the repair"
fails 64 "a result not ITEM=RESULT" pm-inspect record -c fire-pump-room -u P-PUMP pass
has "shows the form" "$(err)" "result 'pass': not ITEM=RESULT (3=pass, 4=fail:阀门未铅封, 5=1234.5)"
fails 65 "an item the checklist lacks" pm-inspect record -c fire-pump-room -u P-PUMP 2=0.6 9=pass
has "says how many it has" "$(err)" "item 9: checklist 'fire-pump-room' has 6 items"
fails 65 "a result neither pass nor fail" pm-inspect record -c fire-pump-room -u P-PUMP 2=0.6 3=maybe
has "lists the words" "$(err)" "result 'maybe': unknown result (choose pass or fail)"
fails 65 "a reading that is not a number" pm-inspect record -c fire-pump-room -u P-PUMP 2=high
has "names the item and unit" "$(err)" "item 2 (管网压力在正常范围): 'high' is not a reading in MPa"
fails 65 "a reading item left out" pm-inspect record -c fire-pump-room -u P-PUMP 3=pass
has "says it is needed" "$(err)" "item 2 (管网压力在正常范围): a reading in MPa is needed"
fails 65 "an item given twice" pm-inspect record -c fire-pump-room -u P-PUMP 2=0.6 2=0.7
has "says so" "$(err)" "item 2: given twice"
fails 65 "a note with a control character" pm-inspect record -c fire-pump-room -u P-PUMP \
	-m "$(printf 'a\033b')" 2=0.6
has "says where" "$(err)" "note 'a\\x1Bb': control character U+001B at byte 2"
fails 65 "a check in the future" pm-inspect record -c fire-pump-room -u P-PUMP --at 2026-10-06 2=0.6
has "says so" "$(err)" "time '2026-10-06T00:00': in the future"
fails 64 "a bad time" pm-inspect record -c fire-pump-room -u P-PUMP --at 2026-13-01 2=0.6
has "says so" "$(err)" "date '2026-13-01': no such month"

# Results from stdin: each bad line at its number.
fails 65 "stdin: an item that is no number" sh -c 'printf "item\tresult\tnote\n2\t0.6\t\nx\tpass\t\n" |
	pm-inspect record -c fire-pump-room -u P-PUMP -'
has "at its line" "$(err)" "stdin:3: item 'x': not an item number"
fails 65 "stdin: no item" sh -c 'printf "item\tresult\tnote\n2\t0.6\t\n\tpass\t\n" |
	pm-inspect record -c fire-pump-room -u P-PUMP -'
has "at its line" "$(err)" "stdin:3: item: missing"
fails 65 "stdin: no result" sh -c 'printf "item\tresult\tnote\n2\t0.6\t\n3\t\t\n" |
	pm-inspect record -c fire-pump-room -u P-PUMP -'
has "at its line" "$(err)" "stdin:3: result: missing"
fails 65 "stdin: a bad result" sh -c 'printf "item\tresult\tnote\n2\t0.6\t\n3\tmaybe\t\n" |
	pm-inspect record -c fire-pump-room -u P-PUMP -'
has "at its line" "$(err)" "stdin:3: result 'maybe': unknown result"

# The levels: who may check at which, and what a check re-examines.
fails 77 "a staff member's lead check" pm-inspect record -c fire-pump-room -u P-PUMP -l lead 2=0.6
has "says who may" "$(err)" "staff 'wu.gang' is staff: a lead check (班长检查) is made by a team lead, supervisor or manager"
fails 77 "a team lead's spot check" pm-inspect record --as wang.qiang -c fire-pump-room -u P-PUMP \
	-i zhou.jun -l supervisor 2=0.6
has "says who may" "$(err)" "staff 'zhou.jun' is lead: a spot check (主管抽查) is made by a supervisor or manager"
fails 65 "an unknown level" pm-inspect record -c fire-pump-room -u P-PUMP -l boss 2=0.6
has "lists the levels" "$(err)" "level 'boss': unknown level (choose self, lead or supervisor)"
fails 66 "an unknown inspector" pm-inspect record -c fire-pump-room -u P-PUMP -i nobody 2=0.6
has "says so" "$(err)" "staff 'nobody': no such staff member"
fails 66 "re-examining no such check" pm-inspect record -c fire-pump-room -u P-PUMP --of 99 2=0.6
has "says so" "$(err)" "inspection '99': no such inspection"
same "nothing written by any refused record" "$before" "$(facts)"
ok "a self-check" pm-inspect record -c fire-pump-room -u P-PUMP 2=0.6
self=$(out)
fails 65 "a lead check made before the check it names" pm-inspect record --as zhou.jun \
	-c fire-pump-room -u P-PUMP --at 2026-10-05T09:00 --of "$self" 2=0.6
has "says so" "$(err)" "inspection $self was made after this one: a check re-examines an earlier one"
fails 65 "naming a check of another checklist and place" pm-inspect record --as zhou.jun \
	-c water-supply -f TANK-1 --of "$self"
has "says so" "$(err)" "inspection $self is of checklist 'fire-pump-room' at 'P-PUMP': not the same check"
fails 65 "a self-check names no check" pm-inspect record --as wang.qiang -l self \
	-c fire-pump-room -u P-PUMP --of "$self" 2=0.6
has "says so" "$(err)" "inspection $self is self: a check re-examines one of a lower level"
ok "the lead's check of it" pm-inspect record --as zhou.jun -c fire-pump-room -u P-PUMP --of "$self" 2=0.6
lead=$(out)
fails 65 "a lead check names no lead check" pm-inspect record --as wang.qiang -l lead \
	-c fire-pump-room -u P-PUMP --of "$lead" 2=0.6
has "says so" "$(err)" "inspection $lead is lead: a check re-examines one of a lower level"

# Reading: show, items, failures, compare, due, rates, checklists.
fails 66 "show: no such check" pm-inspect show 99
has "says so" "$(err)" "inspection '99': no such inspection"
fails 66 "items: no such check" pm-inspect items 99
fails 65 "failures of a month to come" pm-inspect failures 2027-01
has "says so" "$(err)" "period '2027-01': in the future"
fails 64 "failures of no month" pm-inspect failures 2026-13
has "says so" "$(err)" "period '2026-13': no such month"
fails 66 "failures of an unknown checklist" pm-inspect failures -c nope
has "says so" "$(err)" "checklist 'nope': no such checklist"
fails 66 "failures of an unknown department" pm-inspect failures -D nope
has "says so" "$(err)" "department 'nope': no such department"
fails 65 "compare a year to come" pm-inspect compare 2027
has "says so" "$(err)" "period '2027': in the future"
fails 66 "compare an unknown inspector" pm-inspect compare --inspector nobody
has "says so" "$(err)" "staff 'nobody': no such staff member"
fails 64 "due on no day" pm-inspect due 2026-13-01
has "says so" "$(err)" "date '2026-13-01': no such month"
fails 66 "due of an unknown department" pm-inspect due -D nope
has "says so" "$(err)" "department 'nope': no such department"
fails 65 "the rates of a day to come" pm-inspect rates 2026-12-01
has "says so" "$(err)" "day '2026-12-01': in the future"
fails 64 "the rates of no day" pm-inspect rates x
has "says so" "$(err)" "date 'x': not a date"
fails 66 "the items of an unknown checklist" pm-inspect checklist items nope
has "says so" "$(err)" "checklist 'nope': no such checklist"
fails 66 "an unknown facility's archive" pm-inspect facility show FP-9
has "says so" "$(err)" "facility 'FP-9': no such facility"
fails 65 "facilities of an unknown kind" pm-inspect facility list --kind rocket
has "lists the kinds" "$(err)" "kind 'rocket': unknown kind (choose power, water, fire, lift, security or other)"
fails 65 "facilities in an unknown state" pm-inspect facility list --state broken
has "lists the states" "$(err)" "state 'broken': unknown state (choose good, faulty or out_of_service)"

# Facility states.
before=$(facts)
fails 64 "set-state needs a state" pm-inspect facility set-state --reason x FP-1
has "says so" "$(err)" "facility set-state: --state is needed"
fails 64 "and a reason" pm-inspect facility set-state --state faulty FP-1
has "says so" "$(err)" "facility set-state: --reason is needed"
fails 65 "an unknown state" pm-inspect facility set-state --state broken --reason x FP-1
has "lists the states" "$(err)" "state 'broken': unknown state"
fails 65 "a state in the future" pm-inspect facility set-state --state faulty --reason x --at 2026-10-06 FP-1
has "says so" "$(err)" "time '2026-10-06T00:00': in the future"
fails 66 "an unknown facility" pm-inspect facility set-state --state faulty --reason x FP-9
has "says so" "$(err)" "facility 'FP-9': no such facility"
same "nothing written" "$before" "$(facts)"
ok "the state it has: nothing to do" pm-inspect facility set-state --state good --reason x FP-1
has "says so" "$(err)" "facility 'FP-1': good already"
same "and writes nothing" "$before" "$(facts)"
ok "a fault at 9:00" pm-inspect facility set-state --state faulty --reason 泵体漏水 --at 2026-10-05T09:00 FP-1
fails 65 "a change dated before it" pm-inspect facility set-state --state good --reason x \
	--at 2026-10-05T08:00 FP-1
has "says when the last was" "$(err)" "facility 'FP-1': its state was set at 2026-10-05T09:00, after this; a change cannot be dated before it"

# Maintenance records.
before=$(facts)
fails 64 "maint record needs a task or what was done" pm-inspect maint record FP-1
has "says so" "$(err)" "maint record: give --task, or --done for a repair"
fails 64 "and a facility" pm-inspect maint record --task flow-test
has "says so" "$(err)" "maint record: missing argument"
fails 66 "a task the facility lacks" pm-inspect maint record --task nope FP-1
has "says where to look" "$(err)" "facility 'FP-1': no task 'nope' (see 'pm-inspect facility show FP-1')"
fails 66 "an unknown facility" pm-inspect maint record --task flow-test FP-9
has "says so" "$(err)" "facility 'FP-9': no such facility"
fails 65 "a cost below zero" pm-inspect maint record --task flow-test --cost -5 FP-1
has "says so" "$(err)" "cost: not below zero"
fails 65 "a cost that is no amount" pm-inspect maint record --task flow-test --cost abc FP-1
has "says so" "$(err)" "amount 'abc': not a number"
fails 65 "a result that is no state" pm-inspect maint record --task flow-test --result broken FP-1
has "says so" "$(err)" "state 'broken': unknown state"
fails 65 "an empty account of a repair" pm-inspect maint record --done "" FP-1
has "says so" "$(err)" "done: empty"
fails 65 "a next due day not after the record" pm-inspect maint record --task flow-test \
	--next-due 2026-10-05 FP-1
has "says so" "$(err)" "next due '2026-10-05': not after the day of the record"
fails 64 "a next due day that is no day" pm-inspect maint record --task flow-test \
	--next-due 2026-10-32 FP-1
has "says so" "$(err)" "date '2026-10-32': no such day"
fails 65 "a next due day past a lift's 15 days" pm-inspect maint record --task service \
	--next-due 2026-10-30 LIFT-3-1
has "names the limit" "$(err)" "next due '2026-10-30': past the hard limit of task 'service' (one interval after the record, 2026-10-20)"
fails 65 "a certificate that expires before the record" pm-inspect maint record \
	--task statutory --certificate 2026-10-01 LIFT-3-1
has "says so" "$(err)" "certificate '2026-10-01': expires before the record"
fails 65 "maintenance in the future" pm-inspect maint record --task flow-test --at 2026-10-06 FP-1
has "says so" "$(err)" "in the future"
same "nothing written by any refused record" "$before" "$(facts)"

# Work plans and housing grades.
fails 66 "an unknown work-plan entry" pm-inspect work done nope
has "says so" "$(err)" "work-plan entry 'nope': no such entry (see 'pm-inspect work list')"
fails 65 "work done in the future" pm-inspect work done --at 2026-10-06 cln-leaves
has "says so" "$(err)" "time '2026-10-06T00:00': in the future"
fails 65 "a note with a control character" pm-inspect work done --note "$(printf 'a\033b')" cln-leaves
has "says where" "$(err)" "note 'a\\x1Bb': control character U+001B at byte 2"
fails 64 "grade set needs a grade" pm-inspect grade set 3-1-101
has "says so" "$(err)" "grade set: --grade is needed"
fails 65 "an unknown grade" pm-inspect grade set --grade ruined 3-1-101
has "lists the grades" "$(err)" "grade 'ruined': unknown grade (choose good, basic, damaged, serious or dangerous)"
fails 65 "a public area has no grade" pm-inspect grade set --grade good P-PUMP
has "says what to grade" "$(err)" "unit 'P-PUMP': a public area or common part has no housing grade (grade units and buildings)"
fails 66 "an unknown unit" pm-inspect grade set --grade good 9-9-999
has "says so" "$(err)" "unit '9-9-999': no such unit"
fails 65 "a grade in the future" pm-inspect grade set --grade good --at 2026-10-06 3
has "says so" "$(err)" "time '2026-10-06T00:00': in the future"
same "nothing written by any refused work or grade" "$before" "$(facts)"
ok "3-1-101 graded at 9:00" pm-inspect grade set --grade good --at 2026-10-05T09:00 3-1-101
fails 65 "a grade dated before it" pm-inspect grade set --grade basic --at 2026-10-05T08:00 3-1-101
has "says when the last was" "$(err)" "unit '3-1-101': graded at 2026-10-05T09:00, after this; a grade cannot be dated before it"
ok "the grade it has: nothing to do" pm-inspect grade set --grade good 3-1-101
has "says so" "$(err)" "unit '3-1-101': graded good already"

# In Chinese.
fails 65 "zh: a reading item left out" zh pm-inspect record -c fire-pump-room -u P-PUMP 3=pass
has "says it in Chinese" "$(err)" "检查项 2（管网压力在正常范围）：需要以MPa计的读数"
fails 77 "zh: a staff member's lead check" zh pm-inspect record -c fire-pump-room -u P-PUMP -l 班长检查 2=0.6
has "says it in Chinese" "$(err)" "员工“wu.gang”是员工：班长检查须由班长、主管或经理进行"
fails 65 "zh: past a hard limit" zh pm-inspect maint record --task service --next-due 2026-10-30 LIFT-3-1
has "says it in Chinese" "$(err)" "下次到期“2026-10-30”：超过任务“service”的硬性期限（记录后一个周期，2026-10-20）"
ok "zh: graded already" zh pm-inspect grade set --grade 完好 3-1-101
has "says it in Chinese" "$(err)" "房屋“3-1-101”已评为完好"
done_testing
