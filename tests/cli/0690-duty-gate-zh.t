#!/bin/sh
# pm-duty and pm-gate in Chinese: messages, headings and words for
# people; the same machine output in every language.
. "$PM_TOP/tests/cli/lib.sh"

# Set up before the month: a post's rule holds from when it is applied.
PM_NOW=2026-10-31T08:00 pm-db init > /dev/null &&
    PM_NOW=2026-10-31T08:00 pm-db apply "$PM_TOP/tests/data/duty-gate-estate.yaml" > /dev/null ||
	{ echo "Bail out! cannot set up the estate"; exit 1; }
export PM_USER=xie.bin
PM_NOW=2026-11-10T21:00; export PM_NOW
out() { cat "$PM_TMP/out"; }
err() { cat "$PM_TMP/err"; }
zh() { env LANG=zh_CN.UTF-8 LC_ALL= LANGUAGE= "$@"; }
ID=110101199003071233

pm-duty shift -q --post fire-control --staff xie.bin,han.dong \
    --from 2026-11-10T08:00 --to 2026-11-10T20:00 &&
for t in 08:00 10:00 12:00 15:00 17:00 19:00; do
	pm-duty log -q --post fire-control --at 2026-11-10T$t --kind 巡查 巡查正常
done || echo "Bail out! cannot write the log"

# pm-duty
fails 1 "check in Chinese" zh pm-duty check -o table --post fire-control 2026-11-10
has "headings in Chinese" "$(head -1 "$PM_TMP/out")" "缺口"
has "the kind of gap in Chinese" "$(out)" "记录间隔超时"
has "so is a shortage of staff" "$(out)" "在岗人数不足"
same "no English heading left" "" "$(head -1 "$PM_TMP/out" | grep -o '[a-z_]\{3,\}')"
for f in tsv csv json; do
	pm-duty check -o $f 2026-11-10 > "$PM_TMP/en.$f"
	zh pm-duty check -o $f 2026-11-10 > "$PM_TMP/zh.$f"
	same "check -o $f is the same in Chinese" "$(cat "$PM_TMP/en.$f")" "$(cat "$PM_TMP/zh.$f")"
done
ok "entries in Chinese" zh pm-duty entries -o table
has "the kind in Chinese" "$(out)" "巡查"
fails 65 "an entry by one not on duty" zh pm-duty log --as tang.kai --post fire-control 记录
has "the message in Chinese" "$(err)" "不在"
fails 65 "two shifts at once" zh pm-duty shift --post patrol --from 2026-11-10T09:00 --to 2026-11-10T10:00
has "the message in Chinese" "$(err)" "该时间已在班次 1 中"
ok "help in Chinese" zh pm-duty check --help
has "the verb's help" "$(out)" "选项"

# pm-gate
PM_NOW=2026-11-10T09:00; export PM_NOW
pm-gate visitor -q --name 李四 --unit 3-1-502 --id-number $ID --phone 13812345678 --purpose 探亲 ||
	echo "Bail out! cannot register a visitor"
ok "the day's list in Chinese" zh pm-gate day -o table
has "the kind in Chinese" "$(out)" "访客"
has "numbers masked" "$(out)" "110***********1233"
same "no English heading left" "" "$(head -1 "$PM_TMP/out" | grep -o '[a-z_]\{3,\}')"
for f in tsv csv json; do
	pm-gate day -o $f > "$PM_TMP/en.$f"
	zh pm-gate day -o $f > "$PM_TMP/zh.$f"
	same "day -o $f is the same in Chinese" "$(cat "$PM_TMP/en.$f")" "$(cat "$PM_TMP/zh.$f")"
done
fails 65 "a move 20 hours ahead, refused in Chinese" zh pm-gate move --unit 3-1-502 --at 2026-11-11T05:00
has "says how far ahead" "$(err)" "仅提前"
has "and who may allow it" "$(err)" "经理可用 --override"
fails 77 "an override by a guard" zh pm-gate move --unit 3-1-502 --at 2026-11-11T05:00 --override 急
has "the message in Chinese" "$(err)" "准许提前不足时限的搬运"
fails 65 "a visitor's goods out unconfirmed" zh pm-gate goods --direction 出 --carrier 访客 --unit 3-1-502 --items 电视 --id-number $ID
has "the message in Chinese" "$(err)" "访客带出物品须经业主确认"
ok "an offence" zh pm-gate offence --unit 3-1-502 --rule 快递员进楼
same "a warning, in Chinese" "pm-gate: 第 1 次违规：警告" "$(err)"
ok "offenders in Chinese" zh pm-gate offenders -o table
has "the action in Chinese" "$(out)" "警告"
done_testing
