#!/bin/sh
# pm-report's list of persistent defaulters (the dunning list, 催费):
# the units owing the estate's fees persistent_after months or more at
# the period's end, worked out by hand on a scripted autumn: units owing
# 2, 3 and 5 months with persistent_after 3 give exactly the two that
# owe 3 and 5, with their money and oldest month, the phones masked; a
# payment made after the month's end leaves the month's list as it was;
# the estate's default is 3; a threshold changed later leaves a closed
# month's list as it was.
. "$PM_TOP/tests/cli/lib.sh"
out() { cat "$PM_TMP/out"; }
zh() { env LANG=zh_CN.UTF-8 LC_ALL= LANGUAGE= "$@"; }
at() { PM_NOW=$1; export PM_NOW; }
run() { "$@" > /dev/null || { echo "Bail out! $*"; exit 1; }; }
# The list of the report in out: its title to the blank line after it.
list() { awk '/^Persistent defaulters$/ { on = 1 } on && /^$/ { exit } on' "$PM_TMP/out"; }
count() { awk '/^persistent defaulters / { print $3 }' "$PM_TMP/out"; }

# Four units of 100.00 m² at 1.00 a m² a month: 100.00 a month, due on
# the 15th.
estate() {
	cat > "$PM_TMP/estate.yaml" <<EOF
estate:
  name: 测试花园
  timezone: Asia/Shanghai

departments:
  - {code: service, name: 客服部}

staff:
  - {login: li.na, name: 李娜, department: service, role: supervisor}

buildings:
  - code: "1"
    name: 1号楼
    units:
      - {entrances: 1, floors: 1-2, rooms: 1-2, area: 100.00}

fees:
  default_series: SJ
$1
  books:
    - {code: service, name: 物业服务收入, kind: income}
  series:
    - {code: SJ, name: 物业收费收据, prefix: SJ, digits: 6}
  items:
    - code: service
      name: 物业服务费
      book: service
      basis: area
      due_day: 15
      formula: 建筑面积 × 1.00 元/m²/月
      rates:
        - {from: 2026-01-01, rate: 1.00}
EOF
}
export PM_USER=li.na
at 2026-06-01T08:00
run pm-db init
estate "  persistent_after: 3"
ok "the estate" pm-db apply "$PM_TMP/estate.yaml"
settings() { awk '/^fee settings/ { print $3, $4, $5 }' "$PM_TMP/out"; }
same "default_series and persistent_after added" "2 0 0" "$(settings)"
run pm-unit set --owner 王建国 --phone 13812345678 1-1-101
run pm-unit set --owner 李秀英 --phone 13900001111 1-1-102
run pm-unit set --owner 赵敏 --phone 13700002222 1-1-201

# June to October billed on the 1st of each; 1-1-202 pays each month on
# the 20th; 1-1-102 pays two months and 1-1-201 three on 20 August
# (oldest first); 1-1-101 pays nothing.
for m in 06 07 08 09 10; do
	at 2026-$m-01T09:00; run pm-fee bill 2026-$m
	at 2026-$m-20T10:00; run pm-fee pay 1-1-202 100.00
	if [ $m = 08 ]; then
		run pm-fee pay 1-1-102 200.00
		run pm-fee pay 1-1-201 300.00
	fi
done

# The morning of 1 November, before anyone pays.  As of the end of 31
# October, October's lines (due the 15th) are past due:
#   1-1-101  June to October, 5 months        500.00  since 2026-06
#   1-1-102  August to October, 3 months      300.00  since 2026-08
#   1-1-201  September and October, 2 months  200.00 (under 3: out)
#   1-1-202  nothing owed
at 2026-11-01T07:00
ok "October's report" pm-report monthly 2026-10
oct=$(out)
same "the two owing 3 months or more" "Persistent defaulters
record   name                months owed  amount  oldest
1-1-101  王建国 138****5678            5  500.00  2026-06
1-1-102  李秀英 139****1111            3  300.00  2026-08" "$(list)"
same "counted" 2 "$(count)"
ok "pm-fee's dunning list agrees" pm-fee arrears --min-months 3 -o tsv 2026-10-31
same "the same units, months and money" "1-1-101	5	2026-06	500.00
1-1-102	3	2026-08	300.00" "$(cut -f1,5,6,12 "$PM_TMP/out")"

# November: billed on the 1st; 1-1-101 pays all it owes on the 5th,
# 1-1-102 one month.
at 2026-11-01T09:00; run pm-fee bill 2026-11
at 2026-11-05T10:00
run pm-fee pay 1-1-101 600.00
run pm-fee pay 1-1-102 100.00
run pm-fee pay 1-1-202 100.00
ok "October's report again" pm-report monthly 2026-10
same "reads the same, byte for byte" "$oct" "$(out)"

# November's list at its end: 1-1-101 owes nothing; 1-1-102 September
# to November less one month paid (oldest first: August), 3 months
# 300.00 since 2026-09; 1-1-201 September to November, 3 months 300.00.
at 2026-12-01T07:00
ok "November's report" pm-report monthly 2026-11
same "as November left them" "Persistent defaulters
record   name                months owed  amount  oldest
1-1-102  李秀英 139****1111            3  300.00  2026-09
1-1-201  赵敏 137****2222              3  300.00  2026-09" "$(list)"
ok "in Chinese" zh pm-report monthly 2026-11
has "the list's title" "$(out)" "长期欠费"

# Without persistent_after the estate's default is 3: the same lists;
# with 5, only 1-1-101 in October.
estate ""
ok "no setting" pm-db apply "$PM_TMP/estate.yaml"
same "persistent_after retired" "0 0 1" "$(settings)"
ok "October by the default" pm-report monthly 2026-10
same "the same" "$oct" "$(out)"
# With 5 from 1 December on: a month before keeps the list of its end
# (the threshold is dated like the other settings); December's has no
# one (1-1-102 and 1-1-201 owe 3 months), where 3 would have named both.
at 2026-12-01T08:00
estate "  persistent_after: 5"
ok "five months" pm-db apply "$PM_TMP/estate.yaml"
same "persistent_after added again" "1 0 0" "$(settings)"
ok "October again" pm-report monthly 2026-10
same "reads as it did: the threshold at its end" "$oct" "$(out)"
at 2026-12-02T07:00
ok "December so far" pm-report monthly 2026-12
same "no one owes 5 months" "Persistent defaulters
(none)" "$(list)"
same "counted" 0 "$(count)"
done_testing
