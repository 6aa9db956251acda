#!/bin/sh
# demo-day.sh - one morning at the 爱家名邸 service desk, replayed with a
# fixed clock (PM_NOW), then the evening's pending list and the cron job's
# due report.  Run by "make demo" on demo.db; any pm database with the
# demo estate applied will do:  PM_DB=demo.db sh examples/demo-day.sh
set -e
: "${PM_DB:=demo.db}"
export PM_DB
# The cron job acts as the manager, who reads its mail.
PM_USER=zhang.wei
export PM_USER

at() { PM_NOW="2026-11-23T$1"; export PM_NOW; }

at 08:40
a=$(pm-ticket add --as chen.jing --kind repair --category water-outage --unit 3-1-502 全单元停水)
at 08:41
echo "== 2026-11-23 08:41 cron: pm-ticket due --within 10m --mark (mailed to the manager)"
pm-ticket due --within 10m --mark || true
at 08:52
b=$(pm-ticket add --as liu.yang --kind repair --category water-leak --unit 5-2-1101 --source walk-in 卫生间天花板漏水)
at 09:05
c=$(pm-ticket add --as chen.jing --kind complaint --category noise --unit 2-1-301 楼上夜间装修噪音)
at 09:20
d=$(pm-ticket add --as zhao.min --kind inquiry --category fee-inquiry --unit 1-1-101 询问物业费缴费方式)
at 09:30
pm-ticket assign --as wang.fang --to wu.gang "$a" "$b" > /dev/null
pm-ticket start --as wu.gang "$b" > /dev/null
at 10:30
pm-ticket resolve --as wu.gang --message 更换止水阀 "$b" > /dev/null
pm-ticket resolve --as zhao.min --message 已告知线上缴费方式 "$d" > /dev/null
pm-ticket close --as zhao.min "$d" > /dev/null
at 11:00
pm-ticket callback --as li.na --satisfaction satisfied --comment 业主表示满意 "$b" > /dev/null
pm-ticket close --as li.na "$b" > /dev/null

echo
echo "== 2026-11-23 18:00 日未处理工作盘点表 (pm-ticket pending)"
at 18:00
pm-ticket pending -o table
echo
echo "== 2026-11-23 18:00 到期提醒 (pm-ticket due)"
pm-ticket due || true
echo
echo "== 2026-11-23 18:00 今日统计 (pm-ticket stats)"
pm-ticket stats -o table
