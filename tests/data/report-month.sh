# report-month.sh - November 2026 at the service desk of the test estate,
# scripted so that every figure of pm-report can be worked out by hand;
# sourced by the pm-report tests (tests/cli/07*.t) after lib.sh.  Sets up
# the database, then plays the month through pm-ticket itself.
#
# Working hours 08:30-12:00 and 13:30-17:30 (7.5 h a day), no holiday in
# November; feedback is due in 2 working days, completion in 5.  The
# tickets (ids in order of adding; R repairs, C complaints; received by
# zhang.wei unless said; wang.qiang repairs, zhao.lei takes complaints,
# li.na calls back):
#
#   1 R9  Oct 28 09:00, due Nov 4 09:00; resolved Nov 2 11:00, called back
#   2 R1  Nov 2 09:00, due Nov 9 09:00; resolved Nov 3 10:00, called back
#   3 R2  Nov 2 09:30, due Nov 9 09:30; resolved Nov 10 (late), basic
#   4 C1  Nov 2 10:00, assigned 11:00, resolved Nov 5, called back
#   5 C2  Nov 2 10:30, nothing said to the owner until resolved Nov 5
#         10:00, after its feedback deadline of Nov 4 10:30; basic
#   6 R3  Nov 3 09:00 (li.na), resolved 11:00, dissatisfied 14:00,
#         reopened Nov 4 09:00, resolved 16:00, satisfied Nov 5
#   7 I1  Nov 3 09:00 an inquiry, answered 10:00
#   8 S1  Nov 4 09:00 a suggestion, never answered (feedback overdue)
#   9 R4  Nov 5 10:00, due Nov 12 10:00; waiting for parts from Nov 6
#  10 R5  Nov 9 10:00, cancelled Nov 10 09:00, before its deadline
#  11 R6  Nov 10 09:00, due Nov 17 09:00; never done
#  12 R8  Nov 11 09:00, due Nov 18 09:00; cancelled Nov 19, after it
#  13 W1  Nov 12 09:00 (li.na) water outage: level 1, noticed 09:02,
#         resolved 10:00, called back
#  14 C3  Nov 16 09:00 (li.na), due Nov 23 09:00; waiting Nov 20 09:00
#         to Nov 30 09:00, which moves the deadline to Dec 1 09:00
#  15 C4  Nov 20 09:00 (li.na); escalated Nov 25 (level 1, the notice
#         never given); never done
#  16 R7  Nov 25 09:00, due Dec 2 09:00; resolved Nov 26, no callback
export PM_USER=zhang.wei
at() { PM_NOW=$1; export PM_NOW; }
# The estate, with its targets, set up before the month (a target holds
# from when it was applied).
at 2026-10-01T08:00
pm-db init > /dev/null && pm-db apply "$PM_TOP/tests/data/ticket-estate.yaml" > /dev/null ||
	{ echo "Bail out! cannot set up the estate"; exit 1; }
tk() { pm-ticket "$@" > /dev/null || { echo "Bail out! pm-ticket $*"; exit 1; }; }

at 2026-10-28T09:00; tk add -c door-lock -u 3-2-102 楼道门锁
at 2026-11-02T09:00; tk add -c door-lock -u 3-1-502 门锁坏了
at 2026-11-02T09:30; tk add -c door-lock -u 3-1-601 门锁坏了
at 2026-11-02T10:00; tk add -c noise -u 3-1-501 楼上噪音
at 2026-11-02T10:30; tk add -c noise -u 3-1-402 楼上噪音
at 2026-11-02T11:00
tk assign --to wang.qiang 2 3
tk assign --to zhao.lei 4
tk resolve --as wang.qiang 1
at 2026-11-02T15:00; tk callback --as li.na -s 满意 1
at 2026-11-03T09:00
tk add --as li.na -c water-leak -u 3-2-101 卫生间漏水
tk add -c fee-question -u 3-1-101 物业费怎么交
at 2026-11-03T10:00; tk resolve --as wang.qiang 2; tk resolve 7
at 2026-11-03T11:00; tk resolve --as wang.qiang 6
at 2026-11-03T14:00; tk callback --as li.na -s 不满意 -c 还在滴水 6
at 2026-11-03T15:00; tk callback --as li.na -s satisfied 2
at 2026-11-04T09:00
tk reopen --reason 又漏了 6
tk add -c idea -u P-GARDEN 花园加座椅
at 2026-11-04T16:00; tk resolve --as wang.qiang 6
at 2026-11-05T10:00
tk resolve --as zhao.lei 4 5
tk add -c door-lock -u 5-1-101 门锁坏了
at 2026-11-05T11:00
tk callback --as li.na -s 满意 6 4
tk callback --as li.na -s 基本满意 -c 处理太慢 5
at 2026-11-06T10:00; tk wait --as wang.qiang --reason parts 9
at 2026-11-09T10:00; tk add -c door-lock -u 5-1-102 门锁坏了
at 2026-11-10T09:00
tk add -c door-lock -u 5-1-201 门锁坏了
tk cancel --reason 业主自行修好 10
at 2026-11-10T10:00; tk resolve --as wang.qiang 3
at 2026-11-10T11:00; tk callback --as li.na -s basic -c 拖了一周 3
at 2026-11-11T09:00; tk add -c door-lock -u 3-1-102 门锁坏了
at 2026-11-12T09:00; tk add --as li.na -c water-outage -u 3-1-502 全单元停水
at 2026-11-12T09:02
pm-ticket due --within 10m --mark > /dev/null
at 2026-11-12T10:00; tk resolve --as wang.qiang 13
at 2026-11-12T14:00; tk callback --as li.na -s 满意 13
at 2026-11-16T09:00; tk add --as li.na -c noise -u 3-2-201 夜间噪音
at 2026-11-16T09:30; tk assign --to zhao.lei 14
at 2026-11-19T09:00; tk cancel --reason 重复报修 12
at 2026-11-20T09:00
tk add --as li.na -c noise -u 3-2-301 广场舞噪音
tk wait --reason owner 14
at 2026-11-25T09:00
tk add -c door-lock -u 5-1-202 门锁坏了
tk escalate --reason 业主再次投诉 15
at 2026-11-26T10:00
tk assign --to wang.qiang 16
tk resolve --as wang.qiang 16
at 2026-11-30T09:00; tk resume 14
