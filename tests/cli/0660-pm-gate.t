#!/bin/sh
# pm-gate: visitors and their leaving, goods in and out, decoration
# workers, tenants, large moves and their notice, offences counted; the
# day's list; ID and phone numbers masked; and every error a user can
# reach, with its exit status and message.
. "$PM_TOP/tests/cli/lib.sh"

# Set up before the month: a post's rule holds from when it is applied.
PM_NOW=2026-10-31T08:00 pm-db init > /dev/null &&
    PM_NOW=2026-10-31T08:00 pm-db apply "$PM_TOP/tests/data/duty-gate-estate.yaml" > /dev/null ||
	{ echo "Bail out! cannot set up the estate"; exit 1; }
export PM_USER=xie.bin
PM_NOW=2026-11-10T09:00
export PM_NOW
ID=110101199003071233
ID2=11010519850610005X

dbsum() { cat "$PM_DB" "$PM_DB-wal" 2>/dev/null | sha256sum | cut -d' ' -f1; }
err() { cat "$PM_TMP/err"; }
out() { cat "$PM_TMP/out"; }
sql() { sqlite3 "$PM_DB" "$1"; }

fails 64 "no verb is a usage error" pm-gate
fails 64 "an unknown verb" pm-gate courier
has "names it" "$(err)" "unknown command 'courier'"

# visitor and leave
ok "a visitor" pm-gate visitor --name 李四 --unit 3-1-502 --id-number $ID \
    --phone 13812345678 --purpose 探亲 --at 2026-11-10T08:30
same "prints the id" "1" "$(out)"
ok "a visitor by full-width unit code, now" pm-gate visitor --name 王五 --unit ３－１－６０１
same "its id" "2" "$(out)"
ok "list masks ID and phone numbers" pm-gate list --kind 访客
same "masked" "1	2026-11-10T08:30	visitor	3-1-502	李四	110***********1233	138****5678		探亲
2	2026-11-10T09:00	visitor	3-1-601	王五				" "$(out)"
ok "--reveal shows them" pm-gate list --kind visitor --reveal --unit 3-1-502
same "in full" "1	2026-11-10T08:30	visitor	3-1-502	李四	$ID	13812345678		探亲" "$(out)"
ok "show masks too" pm-gate show -o json 1
has "the ID number" "$(out)" '"id_number":"110***********1233","phone":"138****5678"'
ok "show --reveal" pm-gate show --reveal -o json 1
has "in full" "$(out)" "\"id_number\":\"$ID\",\"phone\":\"13812345678\""
same "the audit trail has no number" "added: visitor at 3-1-502" \
    "$(sql "SELECT summary FROM audit WHERE tbl = 'gate_records' AND row_id = '1'")"
ok "the visitor leaves" pm-gate leave --at 2026-11-10T08:50 1
same "prints the leaving's id" "3" "$(out)"
before=$(dbsum)
fails 65 "leaves twice" pm-gate leave 1
same "message" "pm-gate: visitor '1': left already" "$(err)"
fails 65 "leaves before arriving" pm-gate leave --at 2026-11-10T08:00 2
same "message" "pm-gate: visitor '2': cannot leave before arriving" "$(err)"
fails 65 "a record that is not a visitor leaves" pm-gate leave 3
same "message" "pm-gate: gate record '3': not a visitor" "$(err)"
fails 66 "an unknown record leaves" pm-gate leave 99
same "message" "pm-gate: gate record '99': no such record (see 'pm-gate list')" "$(err)"
fails 65 "leaves in the future" pm-gate leave --at 2026-11-10T10:00 2
same "message" "pm-gate: gate time '2026-11-10T10:00': in the future" "$(err)"
fails 64 "no --name" pm-gate visitor --unit 3-1-502
same "message" "pm-gate: visitor: --name is needed" "$(err)"
fails 64 "no --unit" pm-gate visitor --name 李四
same "message" "pm-gate: visitor: --unit is needed" "$(err)"
fails 66 "an unknown unit" pm-gate visitor --name 李四 --unit 9-9-999
same "message" "pm-gate: unit '9-9-999': no such unit (see 'pm-unit list')" "$(err)"
fails 65 "a public area is no household" pm-gate visitor --name 李四 --unit P-GATE-N
same "message" "pm-gate: unit 'P-GATE-N': a public area, not a household" "$(err)"
fails 65 "a wrong ID number, masked in the message" pm-gate visitor --name 李四 --unit 3-1-502 --id-number 110101199003071234
same "message" "pm-gate: id number '110***********1234': wrong check digit (a typing error?)" "$(err)"
fails 65 "a wrong phone number, masked in the message" pm-gate visitor --name 李四 --unit 3-1-502 --phone 1381234567
has "message" "$(err)" "pm-gate: phone '1********7': digits: 10"
fails 65 "a visitor in the future" pm-gate visitor --name 李四 --unit 3-1-502 --at 2026-11-10T10:00
same "message" "pm-gate: gate time '2026-11-10T10:00': in the future" "$(err)"
fails 65 "control characters in a name" pm-gate visitor --name "$(printf 'a\033b')" --unit 3-1-502
has "message" "$(err)" "name 'a\\x1Bb': control character U+001B at byte 2"
fails 64 "--override is for moves" pm-gate visitor --name 李四 --unit 3-1-502 --override x
has "message" "$(err)" "pm-gate: unknown option '--override'"
fails 64 "an operand" pm-gate visitor --name 李四 --unit 3-1-502 extra
has "message" "$(err)" "pm-gate: unexpected argument 'extra'"
same "nothing written by any refused record" "$before" "$(dbsum)"

# goods: a visitor's taken out only with the owner's confirmation.
ok "goods a resident carries in" pm-gate goods --direction 进 --unit 3-1-502 --items 洗衣机 --id-number $ID
same "its id" "4" "$(out)"
before=$(dbsum)
fails 65 "goods a visitor takes out, unconfirmed" pm-gate goods --direction out --unit 3-1-601 --items 电视机 --id-number $ID2 --visitor 2
same "message" "pm-gate: goods a visitor takes out need the owner's confirmation (--confirmed-by, such as 业主王建国电话确认)" "$(err)"
fails 65 "a confirmation of spaces says nothing" pm-gate goods --direction out --unit 3-1-601 --items 电视机 --id-number $ID2 --visitor 2 --confirmed-by " 　"
same "message" "pm-gate: confirmed by: empty" "$(err)"
fails 65 "also when the carrier is named a visitor" pm-gate goods --direction 出 --carrier 访客 --unit 3-1-601 --items 电视机 --id-number $ID2
same "nothing written" "$before" "$(dbsum)"
ok "confirmed by the owner" pm-gate goods --direction out --unit 3-1-601 --items 电视机 --id-number $ID2 --visitor 2 --confirmed-by 业主王建国电话确认
same "its id" "5" "$(out)"
ok "show it" pm-gate show -o json 5
has "the carrier, the visitor and the confirmation" "$(out)" '"direction":"out","detail":"电视机","carrier":"visitor","refers":2,"company":null,"valid_until":null,"confirmed_by":"业主王建国电话确认"'
ok "a worker carries out without confirmation" pm-gate goods --direction out --carrier worker --unit 3-1-601 --items 旧地板 --id-number $ID2
before=$(dbsum)
fails 64 "no --direction" pm-gate goods --unit 3-1-502 --items x --id-number $ID
same "message" "pm-gate: goods: --direction is needed" "$(err)"
fails 64 "no --items" pm-gate goods --direction in --unit 3-1-502 --id-number $ID
same "message" "pm-gate: goods: --items is needed" "$(err)"
fails 64 "no --id-number" pm-gate goods --direction in --unit 3-1-502 --items x
same "message" "pm-gate: goods: --id-number is needed" "$(err)"
fails 64 "no --unit" pm-gate goods --direction in --items x --id-number $ID
same "message" "pm-gate: goods: --unit is needed" "$(err)"
fails 65 "an unknown direction" pm-gate goods --direction sideways --unit 3-1-502 --items x --id-number $ID
same "message" "pm-gate: direction 'sideways': unknown direction (choose in or out)" "$(err)"
fails 65 "an unknown carrier" pm-gate goods --direction in --carrier courier --unit 3-1-502 --items x --id-number $ID
same "message" "pm-gate: carrier 'courier': unknown carrier (choose resident, visitor or worker)" "$(err)"
fails 65 "--visitor names a record that is no visitor" pm-gate goods --direction out --unit 3-1-502 --items x --id-number $ID --visitor 4 --confirmed-by 业主确认
same "message" "pm-gate: gate record '4': not a visitor" "$(err)"
fails 66 "--visitor names no record" pm-gate goods --direction out --unit 3-1-502 --items x --id-number $ID --visitor 99 --confirmed-by 业主确认
same "nothing written" "$before" "$(dbsum)"

# worker
ok "a decoration worker's pass" pm-gate worker --name 赵工 --id-number $ID2 \
    --unit 3-1-601 --until 2026-11-30 --company 美家装饰 --phone 13912345678
same "its id" "7" "$(out)"
before=$(dbsum)
fails 64 "no --until" pm-gate worker --name 赵工 --id-number $ID2 --unit 3-1-601
same "message" "pm-gate: worker: --until is needed (the last day of the pass)" "$(err)"
fails 64 "no --id-number" pm-gate worker --name 赵工 --unit 3-1-601 --until 2026-11-30
same "message" "pm-gate: worker: --id-number is needed" "$(err)"
fails 64 "a last day that is no day" pm-gate worker --name 赵工 --id-number $ID2 --unit 3-1-601 --until 2026-11
same "message" "pm-gate: until '2026-11': not a day like 2026-12-31" "$(err)"
fails 64 "a day that does not exist" pm-gate worker --name 赵工 --id-number $ID2 --unit 3-1-601 --until 2026-11-31
same "message" "pm-gate: until '2026-11-31': not a day like 2026-12-31" "$(err)"
fails 65 "a pass that ended before it is registered" pm-gate worker --name 赵工 --id-number $ID2 --unit 3-1-601 --until 2026-11-09
same "message" "pm-gate: until '2026-11-09': before the day it is registered" "$(err)"
same "nothing written" "$before" "$(dbsum)"

# tenant
fails 65 "a tenant of a unit not rented" pm-gate tenant --name 孙租 --id-number $ID2 --unit 3-1-602
same "message" "pm-gate: unit '3-1-602': not rented (pm-unit set --occupancy rented first)" "$(err)"
pm-unit set -q --as chen.jing --occupancy rented 3-1-602
ok "once it is rented" pm-gate tenant --name 孙租 --id-number 11010519850610005x --unit 3-1-602 --phone 13912345679 --until 2027-06-30
same "its id" "8" "$(out)"
same "the check character stored as X" "$ID2" "$(sql "SELECT id_number FROM gate_records WHERE id = 8")"
fails 64 "no --name" pm-gate tenant --id-number $ID2 --unit 3-1-602
same "message" "pm-gate: tenant: --name is needed" "$(err)"

# move: 24 hours ahead, or a manager's override, recorded.
ok "a move a day and more ahead" pm-gate move --unit 3-1-502 --at 2026-11-11T10:00 --direction 搬出 --items "沙发 床"
same "its id" "9" "$(out)"
before=$(dbsum)
fails 65 "a move 20 hours ahead is refused" pm-gate move --unit 3-1-601 --at 2026-11-11T05:00 --items 钢琴
same "message" "pm-gate: move at '2026-11-11T05:00': applied for 20h ahead, 1d is needed (a manager may allow it with --override REASON)" "$(err)"
fails 77 "only a manager overrides" pm-gate move --unit 3-1-601 --at 2026-11-11T05:00 --items 钢琴 --override 业主急需
same "message" "pm-gate: allow a move at short notice: only a manager may ('xie.bin' is not one)" "$(err)"
fails 64 "an override a move does not need" pm-gate move --as chen.jing --unit 3-1-601 --at 2026-11-12T05:00 --override 急
same "message" "pm-gate: move at '2026-11-12T05:00': --override is for a move less than 1d ahead" "$(err)"
fails 65 "a move in the past" pm-gate move --unit 3-1-601 --at 2026-11-10T08:00
same "message" "pm-gate: move at '2026-11-10T08:00': not ahead (apply before the move)" "$(err)"
fails 64 "no --at" pm-gate move --unit 3-1-601
same "message" "pm-gate: move: --at is needed (when it is to be)" "$(err)"
fails 64 "no --unit" pm-gate move --at 2026-11-12T05:00
same "message" "pm-gate: move: --unit is needed" "$(err)"
fails 65 "an empty override reason" pm-gate move --as chen.jing --unit 3-1-601 --at 2026-11-11T05:00 --override ''
same "message" "pm-gate: override: empty" "$(err)"
fails 65 "a reason of spaces" pm-gate move --as chen.jing --unit 3-1-601 --at 2026-11-11T05:00 --override "　"
same "message" "pm-gate: override: empty" "$(err)"
same "nothing written by any refused move" "$before" "$(dbsum)"
ok "the manager overrides" pm-gate move --as chen.jing --unit 3-1-601 --at 2026-11-11T05:00 --items 钢琴 --override 业主出国，航班提前
same "its id" "10" "$(out)"
ok "the override is recorded" pm-gate show -o json 10
has "who, why, and when it was applied for" "$(out)" '"applied_at":"2026-11-10T09:00","override_by":"chen.jing","override_reason":"业主出国，航班提前"'
same "and audited" "added: move at 3-1-601, notice overridden by a manager" \
    "$(sql "SELECT summary FROM audit WHERE tbl = 'gate_records' AND row_id = '10'")"

# offence: a warning the first time, a fine or restriction after.
ok "a first offence" pm-gate offence --unit 3-1-502 --rule 快递员进楼
same "its id" "11" "$(out)"
same "a warning" "pm-gate: offence 1: a warning" "$(err)"
ok "a second" pm-gate offence --unit 3-1-502 --rule 高空抛物 --at 2026-11-10T08:45
same "a fine or restriction" "pm-gate: offence 2: a fine or restriction (a repeat offender)" "$(err)"
ok "-q says nothing" pm-gate offence -q --id-number $ID2 --rule 装修超时施工
same "nothing" "" "$(err)"
ok "offenders" pm-gate offenders
same "repeat ones first, a person's ID masked" \
"3-1-502		2	fine	2026-11-10T09:00	快递员进楼
	110***********005X	1	warning	2026-11-10T09:00	装修超时施工" "$(out)"
ok "offenders --repeat --reveal" pm-gate offenders --repeat --reveal
same "one" "3-1-502		2	fine	2026-11-10T09:00	快递员进楼" "$(out)"
before=$(dbsum)
fails 64 "no --rule" pm-gate offence --unit 3-1-502
same "message" "pm-gate: offence: --rule is needed" "$(err)"
fails 64 "no offender" pm-gate offence --rule x
same "message" "pm-gate: offence: name the offender by --unit or by --id-number" "$(err)"
fails 64 "two offenders" pm-gate offence --rule x --unit 3-1-502 --id-number $ID
same "nothing written" "$before" "$(dbsum)"

# void: kept, marked void, and the count follows.
ok "void an offence recorded by mistake" pm-gate void --reason 登记错误 11
same "prints its id" "11" "$(out)"
same "the offence no longer counts" "3-1-502		1	warning	2026-11-10T08:45	高空抛物" "$(pm-gate offenders --unit 3-1-502)"
same "kept in the table" "1" "$(sql "SELECT max(voided) FROM gate_records WHERE record = 11")"
same "the void audited with its reason" "void voided: 登记错误" \
    "$(sql "SELECT verb || ' ' || summary FROM audit WHERE tbl = 'gate_records' AND row_id = '11' ORDER BY id DESC LIMIT 1")"
fails 65 "void it again" pm-gate void --reason 登记错误 11
same "message" "pm-gate: gate record '11': voided (登记错误)" "$(err)"
fails 64 "void without --reason" pm-gate void 11
same "message" "pm-gate: void: --reason is needed" "$(err)"
fails 66 "void an unknown record" pm-gate void --reason x 99
has "a gate record cannot be changed" "$(sql "UPDATE gate_records SET name = 'x' WHERE id = 1" 2>&1)" \
    "gate records cannot be changed (void them)"
has "nor deleted" "$(sql "DELETE FROM gate_records WHERE id = 1" 2>&1)" \
    "gate records cannot be deleted (void them)"

# The day's list: the day's records with the visitor's leaving, the
# workers' passes that hold that day, the moves the day will see.
ok "the day's list" pm-gate day
same "masked, in order of time" \
"1	2026-11-10T08:30	visitor	3-1-502	李四	110***********1233	138****5678		探亲	2026-11-10T08:50				
12	2026-11-10T08:45	offence	3-1-502					高空抛物					2
2	2026-11-10T09:00	visitor	3-1-601	王五									
4	2026-11-10T09:00	goods	3-1-502		110***********1233		in	洗衣机					
5	2026-11-10T09:00	goods	3-1-601		110***********005X		out	电视机			业主王建国电话确认		
6	2026-11-10T09:00	goods	3-1-601		110***********005X		out	旧地板					
7	2026-11-10T09:00	worker	3-1-601	赵工	110***********005X	139****5678				2026-11-30			
8	2026-11-10T09:00	tenant	3-1-602	孙租	110***********005X	139****5679				2027-06-30			
13	2026-11-10T09:00	offence			110***********005X			装修超时施工					1" "$(out)"
ok "tomorrow's: the pass, the moves, one overridden" pm-gate day --reveal 2026-11-11
same "in full" \
"7	2026-11-10T09:00	worker	3-1-601	赵工	$ID2	13912345678				2026-11-30			
10	2026-11-11T05:00	move	3-1-601					钢琴				chen.jing	
9	2026-11-11T10:00	move	3-1-502				out	沙发 床					" "$(out)"
# The notice comes from the estate file's gate.move_notice.
sed 's/move_notice: 24h/move_notice: 2h/' "$PM_TOP/tests/data/duty-gate-estate.yaml" > "$PM_TMP/e.yaml"
pm-db apply "$PM_TMP/e.yaml" > /dev/null || echo "Bail out! cannot apply"
ok "with 2 hours' notice, a move 3 hours ahead" pm-gate move --unit 3-1-502 --at 2026-11-10T12:00
fails 65 "and one 1 hour ahead is refused" pm-gate move --unit 3-1-502 --at 2026-11-10T10:00
same "message" "pm-gate: move at '2026-11-10T10:00': applied for 1h ahead, 2h is needed (a manager may allow it with --override REASON)" "$(err)"
sed '/^gate:/,$d' "$PM_TMP/e.yaml" > "$PM_TMP/f.yaml"
pm-db apply "$PM_TMP/f.yaml" > /dev/null || echo "Bail out! cannot apply"
fails 65 "without the setting, 24 hours again" pm-gate move --unit 3-1-502 --at 2026-11-10T12:00
has "message" "$(err)" "applied for 3h ahead, 1d is needed"
fails 64 "a bad day" pm-gate day 2026-02-30
fails 64 "two days" pm-gate day 2026-11-10 2026-11-11
done_testing
