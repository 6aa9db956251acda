#!/bin/sh
# pm-fee: a scripted year of a small estate (PM_NOW moves on), every
# figure computed by hand: a unit handed over mid-month and prorated, monthly
# and quarterly lines, a parking space, billing a month twice, a payment
# settling the oldest lines first and leaving credit, credit spent by the
# next bill, late fees (the worked figure of domain/fees.md), a back-dated
# payment, a void, a refund, a rate change after billing, a WeChat Pay and
# an Alipay (GBK) statement each imported twice, the rest of the year
# billed at once, a bank's statement by the estate's column map, and the
# arrears, rates, statement and ledger; a past month's rates do not move
# when later money arrives.
. "$PM_TOP/tests/cli/lib.sh"

out() { cat "$PM_TMP/out"; }
err() { cat "$PM_TMP/err"; }
cp "$PM_TOP/tests/data/fee-estate.yaml" "$PM_TMP/estate.yaml"
pm-db init > /dev/null && pm-db apply "$PM_TMP/estate.yaml" > /dev/null ||
	{ echo "Bail out! cannot set up the estate"; exit 1; }
export PM_USER=wang.fang
T='	'

# January: 1-1-201 is handed over on 18 March, so it pays nothing before;
# property 100.00 m² × 2.50 = 250.00 and 89.37 × 2.50 = 223.425 → 223.43;
# garbage is quarterly: 3 × 10.00 = 30.00 a unit; parking 80.00.
PM_NOW=2024-01-01T09:00; export PM_NOW
ok "handover" pm-fee handover --date 2024-03-18 1-1-201
same "prints the unit" "1-1-201" "$(out)"
fails 65 "a second handover" pm-fee handover --date 2024-03-19 1-1-201
has "is refused" "$(err)" "1-1-201"
ok "bill -n" pm-fee bill -n 2024-01
same "shows what it would bill" "garbage${T}2024-01${T}2${T}2${T}60.00${T}0
parking${T}2024-01${T}1${T}1${T}80.00${T}0
property${T}2024-01${T}2${T}2${T}473.43${T}0" "$(out)"
same "and keeps nothing" "" "$(pm-fee lines)"
ok "bill January" pm-fee bill 2024-01
same "bills the same" "garbage${T}2024-01${T}2${T}2${T}60.00${T}0
parking${T}2024-01${T}1${T}1${T}80.00${T}0
property${T}2024-01${T}2${T}2${T}473.43${T}0" "$(out)"
ok "bill January again" pm-fee bill 2024-01
same "bills nothing the second time" "garbage${T}2024-01${T}0${T}0${T}0.00${T}0
parking${T}2024-01${T}0${T}0${T}0.00${T}0
property${T}2024-01${T}0${T}0${T}0.00${T}0" "$(out)"
same "five lines, not ten" "5" "$(pm-fee lines | wc -l | tr -d ' ')"
ok "bill -q" pm-fee bill -q 2024-01
same "prints nothing" "" "$(out)"

# February, and 1-1-102 pays 700.00 by WeChat: its Jan and Feb lines are
# 30.00 + 80.00 + 223.43 + 80.00 + 223.43 = 636.86, 63.14 left as credit.
PM_NOW=2024-02-01T09:00
ok "bill February" pm-fee bill 2024-02
same "no garbage in mid-quarter" "parking${T}2024-02${T}1${T}1${T}80.00${T}0
property${T}2024-02${T}2${T}2${T}473.43${T}0" "$(out)"
PM_NOW=2024-02-10T10:00
ok "pay" pm-fee pay -m 微信 1-1-102 700
same "prints the receipt" "R0001" "$(out)"
same "settles the oldest lines, credit left" "R0001${T}payment${T}1-1-102${T}700.00${T}wechat${T}2024-02-10${T}valid${T}63.14${T}${T}${T}" "$(pm-fee receipts)"
same "nothing of 1-1-102 open" "" "$(pm-fee lines --unit 1-1-102)"

# March: 1-1-201 is prorated from the 18th, 250.00 × 14/31 = 112.90; the
# credit settles 63.14 of 1-1-102's parking line.
PM_NOW=2024-03-01T09:00
ok "bill March" pm-fee bill 2024-03
same "with the prorated line" "parking${T}2024-03${T}1${T}1${T}80.00${T}0
property${T}2024-03${T}3${T}3${T}586.33${T}0" "$(out)"
has "112.90 for 14 days of 31" "$(pm-fee lines --unit 1-1-201)" "2024-03${T}112.90${T}0.00${T}112.90${T}2024-03-31${T}14/31"
has "the credit spent on parking" "$(pm-fee lines --unit 1-1-102)" "parking${T}B-01${T}charge${T}2024-03${T}80.00${T}63.14${T}16.86"

# 31 March: 1-1-101 owes garbage 30.00 (76 days), January 250.00 (60
# days) and February 250.00 (31 days): 530.00, all 31-90 days; late fees
# at 0.05% a day on the property lines: 7.50 + 3.875 → 3.88 = 11.38.
PM_NOW=2024-04-01T09:00
ok "arrears on 31 March" pm-fee arrears 2024-03-31
same "530.00 by age, late fee 11.38" "1-1-101${T}1${T}${T}${T}2${T}2024-01${T}0.00${T}530.00${T}0.00${T}0.00${T}0.00${T}530.00${T}11.38" "$(out)"
ok "the dunning list" pm-fee arrears --min-months 2 -o csv 2024-03-31
has "names the unit" "$(out)" "1-1-101,1,"
ok "persistent defaulters" pm-fee arrears --min-months 2 --count 2024-03-31
same "one" "1" "$(out)"
ok "three months" pm-fee arrears --min-months 3 --count 2024-03-31
same "none" "0" "$(out)"
# March: billed 80.00 + 250.00 + 223.43 + 112.90 = 666.33, collected 63.14
# (the credit) → 9.48%; arrears at the start 530.00, none recovered;
# combined 63.14 / 1196.33 → 5.28%.
ok "rate for March" pm-fee rate 2024-03
rate_march="1${T}63.14${T}666.33${T}9.48${T}0.00${T}530.00${T}0.00${T}63.14${T}1196.33${T}5.28
${T}63.14${T}666.33${T}9.48${T}0.00${T}530.00${T}0.00${T}63.14${T}1196.33${T}5.28"
same "current, recovery, combined" "$rate_march" "$(out)"
# The quarter: billed 613.43 + 553.43 + 666.33 = 1833.19, collected 700.00.
ok "rate for the quarter" pm-fee rate -o csv 2024-Q1
has "38.18%" "$(out)" ",700.00,1833.19,38.18,0.00,0.00,,700.00,1833.19,38.18"

# April: the quarter's garbage for all three; a payment written up late
# (paid on 20 March) settles garbage, January and February exactly.
ok "bill April" pm-fee bill 2024-04
same "April" "garbage${T}2024-04${T}3${T}3${T}90.00${T}0
parking${T}2024-04${T}1${T}1${T}80.00${T}0
property${T}2024-04${T}3${T}3${T}723.43${T}0" "$(out)"
PM_NOW=2024-04-05T10:00
ok "a back-dated payment" pm-fee pay --date 2024-03-20 --note 补录 1-1-101 530
same "R0002" "R0002" "$(out)"
has "dated the day it was paid" "$(pm-fee receipt R0002)" "2024-03-20"
ok "March's rates, asked again" pm-fee rate 2024-03
same "do not change when later payments arrive" "$rate_march" "$(out)"
ok "April's rates count it as recovered" pm-fee rate -o csv 2024-04
# April: billed 90.00 + 80.00 + 723.43 = 893.43; open at its start:
# 1-1-101 780.00, 1-1-102 240.29, 1-1-201 112.90 = 1133.19, of which 530.00
# recovered → 46.77%; combined 530.00 / 2026.62 → 26.15%.
has "the payment counts as recovered in April" "$(out)" "
,0.00,893.43,0.00,530.00,1133.19,46.77,530.00,2026.62,26.15"

# A payment on the wrong unit, voided by a manager (not by staff); the
# receipt keeps its number; a refund of 50.00 linked to what it reverses.
ok "a wrong payment" pm-fee pay 1-1-201 300
same "R0003" "R0003" "$(out)"
fails 77 "staff may not void" pm-fee void --as li.lei --reason 录错房号 R0003
has "says who may" "$(err)" "supervisor or manager"
ok "void" pm-fee void --reason 录错房号 R0003
fails 65 "void twice" pm-fee void --reason 录错房号 R0003
has "voided already" "$(err)" "voided already"
ok "paid again, right" pm-fee pay -m cash 1-1-201 200
same "R0004: no gap, no reuse" "R0004" "$(out)"
ok "refund 50" pm-fee refund --reason 多缴退还 R0004 50
same "R0005" "R0005" "$(out)"
same "the receipts, nothing deleted" "R0003${T}payment${T}1-1-201${T}300.00${T}cash${T}2024-04-05${T}void${T}0.00${T}${T}${T}
R0004${T}payment${T}1-1-201${T}200.00${T}cash${T}2024-04-05${T}valid${T}0.00${T}${T}${T}
R0005${T}refund${T}1-1-201${T}-50.00${T}cash${T}2024-04-05${T}valid${T}0.00${T}R0004${T}${T}多缴退还" "$(pm-fee receipts --unit 1-1-201)"
# 1-1-201: billed 112.90 + 30.00 + 250.00 = 392.90, paid 300 (voided),
# 200, refunded 50: 242.90 owed.
ok "statement" pm-fee statement 1-1-201
same "the last balance" "242.90" "$(tail -1 "$PM_TMP/out" | cut -f7)"
has "the void is on it with its reason" "$(out)" "void${T}R0003${T}${T}${T}300.00${T}242.90${T}录错房号"

# A new rate from 1 April, after April was billed: April is reported and
# not billed again; May is billed at 2.60: 260.00, 89.37 × 2.60 = 232.362
# → 232.36.
sed 's/{from: 2024-01-01, rate: 2.50}/&\n        - {from: 2024-04-01, rate: 2.60}/' "$PM_TMP/estate.yaml" > "$PM_TMP/estate2.yaml"
PM_NOW=2024-04-20T09:00
ok "the new rate applied" pm-db apply "$PM_TMP/estate2.yaml"
ok "bill April again" pm-fee bill 2024-04
same "bills nothing, three lines changed" "garbage${T}2024-04${T}0${T}0${T}0.00${T}0
parking${T}2024-04${T}0${T}0${T}0.00${T}0
property${T}2024-04${T}0${T}0${T}0.00${T}3" "$(out)"
has "each named" "$(err)" "unit '1-1-102': property 2024-04 was billed 223.43; the rates now give 232.36 (not billed again)"
PM_NOW=2024-05-01T09:00
ok "bill May" pm-fee bill 2024-05
same "at the new rate" "parking${T}2024-05${T}1${T}1${T}80.00${T}0
property${T}2024-05${T}3${T}3${T}752.36${T}0" "$(out)"

# The month's WeChat Pay and Alipay statements, each imported twice.
PM_NOW=2024-05-31T20:00
printf '%s\n' '微信支付账单明细' '微信昵称：[测试小区物业]' \
	'起始时间：[2024-05-01 00:00:00] 终止时间：[2024-05-31 23:59:59]' '' \
	'----------------------微信支付账单明细列表--------------------' \
	'交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注' \
	'2024-05-03 10:12:00,商户消费,业主甲,物业费,收入,¥260.00,零钱,支付成功,`4200001,`m1,1-1-101' \
	'2024-05-04 11:00:00,商户消费,业主乙,物业费,收入,¥100.00,零钱,支付成功,`4200002,`m2,１－１－１０２' \
	'2024-05-05 11:00:00,商户消费,路人,停车,收入,¥5.00,零钱,支付成功,`4200003,`m3,临时停车' > "$PM_TMP/wx.csv"
printf '%s\n' '#支付宝交易记录明细查询' '#账号:[test@example.com]' \
	'#起始日期:[2024-05-01 00:00:00]    终止日期:[2024-06-01 00:00:00]' \
	'#---------------------------------交易记录明细列表------------------------------------' \
	'交易号,商家订单号,交易创建时间,付款时间,最近修改时间,交易来源地,类型,交易对方,商品名称,金额（元）,收/支,交易状态,服务费（元）,成功退款（元）,备注,资金状态' \
	'2024050622001,T1,2024-05-06 09:00:00,2024-05-06 09:00:01,2024-05-06 09:00:01,其他,即时到账,业主丙,1号楼1单元201物业费,150.00,收入,交易成功,0.00,0.00,,已收入' \
	'#------------------------------------------------------------------------------------' \
	'#共1笔记录' | iconv -f UTF-8 -t GBK > "$PM_TMP/ali.csv"
# One bad amount: nothing of the file is imported, the line is named.
sed 's/¥100.00/¥1O0.00/' "$PM_TMP/wx.csv" > "$PM_TMP/bad.csv"
fails 65 "an import with one bad line" pm-fee import "$PM_TMP/bad.csv"
same "names the line" "pm-fee: $PM_TMP/bad.csv:8: amount '¥1O0.00': not an amount in yuan" "$(err)"
same "imports nothing" "5" "$(pm-fee receipts | wc -l | tr -d ' ')"
fails 1 "WeChat: one line left for a person" pm-fee import "$PM_TMP/wx.csv"
same "two receipts" "R0006
R0007" "$(out)"
has "the line without a unit" "$(err)" "wx.csv:9: transaction '4200003', 5.00 on 2024-05-05, '临时停车 停车': no unit code in the reference"
fails 1 "WeChat again" pm-fee import "$PM_TMP/wx.csv"
same "records nothing twice" "" "$(out)"
ok "Alipay, in GBK" pm-fee import "$PM_TMP/ali.csv"
same "one receipt" "R0008" "$(out)"
ok "Alipay again" pm-fee import "$PM_TMP/ali.csv"
same "nothing twice" "" "$(out)"
same "each payment once" "R0006${T}payment${T}1-1-101${T}260.00${T}wechat${T}2024-05-03${T}valid${T}0.00${T}${T}4200001${T}1-1-101 物业费
R0007${T}payment${T}1-1-102${T}100.00${T}wechat${T}2024-05-04${T}valid${T}0.00${T}${T}4200002${T}１－１－１０２ 物业费
R0008${T}payment${T}1-1-201${T}150.00${T}alipay${T}2024-05-06${T}valid${T}0.00${T}${T}2024050622001${T}1号楼1单元201物业费 T1" "$(pm-fee receipts | sed -n '6,$p')"
fails 65 "the same WeChat transaction by hand" pm-fee pay -m wechat --transaction 4200001 1-1-101 260
has "recorded already" "$(err)" "transaction '4200001': recorded already (receipt R0006)"

# The ledger of the quarter, by the day money moved: R0004 200.00 (March
# 112.90 and April 57.10 of 1-1-201's property, its garbage 30.00), R0006
# 260.00 (1-1-101's March 250.00, 10.00 of its garbage), R0007 100.00
# (1-1-102's parking 16.86, property 83.14), R0008 150.00 (property), the
# refund -50.00; R0002 was paid in March, R0003 is void.
ok "ledger" pm-fee ledger 2024-Q2
same "income by item, refunds, balance" "service${T}物业服务收入${T}received${T}garbage${T}40.00
service${T}物业服务收入${T}received${T}parking${T}16.86
service${T}物业服务收入${T}received${T}property${T}653.14
service${T}物业服务收入${T}refunded${T}property${T}-50.00
service${T}物业服务收入${T}balance${T}${T}660.00" "$(out)"
# 1-1-101 at the end of May: April's 250.00 and May's 260.00 and 20.00 of
# the garbage open; late fee on April's line 31 days: 3.875 → 3.88.
ok "statement of 1-1-101" pm-fee statement --day 2024-05-31 1-1-101
same "ends with the late fee" "2024-05-31${T}late_fee${T}${T}${T}${T}3.88${T}533.88${T}" "$(tail -1 "$PM_TMP/out")"
# The rest of the year billed at once: billing 2024 bills June to December
# only (January to May were billed); 7 × (752.36 + 80.00) and the garbage
# of July and October, 90.00 each.
PM_NOW=2024-12-01T09:00
ok "bill the year" pm-fee bill 2024
same "January to May bill nothing" "0" "$(awk -F'\t' '$2 < "2024-06" && $3 != 0' "$PM_TMP/out" | wc -l | tr -d ' ')"
same "June to December" "6006.52" "$(awk -F'\t' '{ s += $5 * 100 } END { printf "%.2f", s / 100 }' "$PM_TMP/out")"
same "34 new lines" "34" "$(awk -F'\t' '{ s += $3 } END { print s }' "$PM_TMP/out")"
ok "bill the year again" pm-fee bill 2024
same "nothing" "0" "$(awk -F'\t' '$3 != 0' "$PM_TMP/out" | wc -l | tr -d ' ')"

# 1-1-102 clears its account by bank transfer, read from the bank's
# statement by the estate's column map: its lines came to 3832.60, it
# paid 800.00, so 3032.60.
printf '%s\n' '流水号,交易日期,贷方金额,摘要,附言,对方户名' \
	'B20241220001,2024-12-20,"3,032.60",物业费,1-1-102,业主乙' > "$PM_TMP/bank.csv"
PM_NOW=2024-12-31T12:00
ok "a bank statement" pm-fee import --channel bank "$PM_TMP/bank.csv"
same "one receipt" "R0009" "$(out)"
ok "again" pm-fee import --channel bank "$PM_TMP/bank.csv"
same "once" "" "$(out)"
same "1-1-102 owes nothing" "" "$(pm-fee lines --unit 1-1-102)"

# The year: billed 613.43 + 553.43 + 666.33 + 893.43 + 832.36 + 832.36 +
# 922.36 + 832.36 + 832.36 + 922.36 + 832.36 + 832.36 = 9565.50; collected
# all the money received, none left as credit, net of the void and the
# refund: 700 + 530 + 200 - 50 + 260 + 100 + 150 + 3032.60 = 4922.60
# → 51.46%; nothing was owed before the year.
PM_NOW=2025-01-02T09:00
ok "rate for the year" pm-fee rate 2024
same "51.46%" "${T}4922.60${T}9565.50${T}51.46${T}0.00${T}0.00${T}${T}4922.60${T}9565.50${T}51.46" "$(tail -1 "$PM_TMP/out")"
ok "ledger for the year" pm-fee ledger 2024
same "the money received" "4922.60" "$(awk -F'\t' '$3 == "balance" { print $5 }' "$PM_TMP/out")"
# 31 December, by age: 1-1-101 owes 20.00 of April's garbage and April's
# 250.00, May and June 260.00 each (181-365 days: 790.00), July's garbage
# and July to September (91-180: 810.00), October's garbage, October and
# November (31-90: 550.00); December is not yet past due.  Late fees,
# each line's days past due × 0.05%: 250.00 × 245 = 30.625 → 30.63,
# then 260.00 × 214, 184, 153, 122, 92, 61, 31 days = 27.82, 23.92, 19.89,
# 15.86, 11.96, 7.93, 4.03: 142.04.  1-1-201 the same, but of April's line
# 92.90 open (242.90 until 150.00 came on 6 May): 242.90 × 5 + 92.90 ×
# 240 days = 11.755 → 11.76, and 111.41 for May to November: 123.17.
ok "arrears at the year's end" pm-fee arrears 2024-12-31
same "by age, with late fees" "1-1-101${T}1${T}${T}${T}8${T}2024-04${T}0.00${T}550.00${T}810.00${T}790.00${T}0.00${T}2150.00${T}142.04
1-1-201${T}1${T}${T}${T}8${T}2024-04${T}0.00${T}550.00${T}810.00${T}612.90${T}0.00${T}1972.90${T}123.17" "$(out)"
ok "March's rates at the year's end" pm-fee rate 2024-03
same "still as they were" "$rate_march" "$(out)"
# The public statement of the year: the items and their standards as
# posted, the money by book, the rates with their figures, the phone.
ok "disclose" pm-fee disclose 2024
has "the items as posted" "$(out)" "物业服务费 (property): 建筑面积 × 2.50 元/m²·月"
has "a rate from its day" "$(out)" "2.60 yuan from 2024-04-01"
has "the year's rate" "$(out)" "current-period collection: 51.46% (4922.60 / 9565.50)"
has "the complaint phone" "$(out)" "Questions and complaints: 0531-12345"
ok "disclose for the accountant" pm-fee disclose -o csv 2024
has "as rows" "$(out)" "section,book,name,detail,amount"
ok "disclose in Chinese" env LANG=zh_CN.UTF-8 LC_ALL= LANGUAGE= pm-fee disclose 2024
has "the headings in Chinese" "$(out)" "一、收费项目和收费标准"
has "the phone in Chinese" "$(out)" "咨询投诉电话：0531-12345"
done_testing
