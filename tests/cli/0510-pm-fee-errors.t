#!/bin/sh
# pm-fee: every error a user can reach, with its exit status and its
# message, in English and (zh) in Chinese; nothing is written by a
# command that fails.
. "$PM_TOP/tests/cli/lib.sh"

err() { cat "$PM_TMP/err"; }
zh() { env LANG=zh_CN.UTF-8 LC_ALL= LANGUAGE= "$@"; }
# e STATUS NAME MESSAGE CMD...: fails with STATUS, says MESSAGE.
e() {
	want=$1 name=$2 msg=$3; shift 3
	fails "$want" "$name" "$@"
	has "$name: the message" "$(err)" "$msg"
}

# An estate without a fees section: no receipt series.
pm-db init > /dev/null && pm-db apply "$PM_TOP/tests/data/estate-small.yaml" > /dev/null ||
	{ echo "Bail out! cannot set up the estate"; exit 1; }
export PM_USER=wang.fang PM_NOW=2024-01-01T09:00
e 78 "no fees section" "pm-fee: no receipt series (the estate file's fees section names them: pm-db apply)" pm-fee pay 1-1-101 10
e 78 "no fees section, in Chinese" "没有收据系列" zh pm-fee pay 1-1-101 10
rm -f "$PM_DB"
pm-db init > /dev/null && pm-db apply "$PM_TOP/tests/data/fee-estate.yaml" > /dev/null ||
	{ echo "Bail out! cannot set up the estate"; exit 1; }
ok "bill January" pm-fee bill 2024-01
PM_NOW=2024-02-10T09:00
ok "a payment" pm-fee pay 1-1-101 100
ok "a refund" pm-fee refund --reason 测试 R0001 10
lines=$(pm-fee lines --all)
receipts=$(pm-fee receipts)

# The command line (64).
e 64 "a bad period" "pm-fee: period '2024-13': not a month, quarter or year" pm-fee bill 2024-13
e 64 "a bad period, in Chinese" "期间“2024-13”：不是月份、季度或年份" zh pm-fee bill 2024-13
e 64 "no period" "usage: pm-fee bill [-n] period" pm-fee bill
e 64 "two periods" "pm-fee: unexpected argument '2024-02'" pm-fee bill 2024-01 2024-02
e 64 "rate: a bad period" "pm-fee: period '2024-1': not a month" pm-fee rate 2024-1
e 64 "ledger: a bad period" "pm-fee: period 'x': not a month" pm-fee ledger x
e 64 "disclose: a bad period" "pm-fee: period '2024-99': not a month" pm-fee disclose 2024-99
e 64 "pay: a bad day" "pm-fee: date '2024-13-01': no such month" pm-fee pay --date 2024-13-01 1-1-101 10
e 64 "pay: a bad line id" "pm-fee: bill line 'x': not an id (see 'pm-fee lines')" pm-fee pay --line x 1-1-101 10
e 64 "pay: a bad line id, in Chinese" "账单行“x”：不是编号（见 pm-fee lines）" zh pm-fee pay --line x 1-1-101 10
e 64 "void without a reason" "pm-fee: void: --reason is needed" pm-fee void R0001
e 64 "refund without a reason" "pm-fee: refund: --reason is needed" pm-fee refund R0001
e 64 "handover without a day" "pm-fee: handover: --date is needed" pm-fee handover 1-1-101
e 64 "vacancy with neither" "pm-fee: vacancy: give --from or --until (one of them)" pm-fee vacancy 1-1-101
e 64 "vacancy with both" "pm-fee: vacancy: give --from or --until (one of them)" pm-fee vacancy --from 2024-01-01 --until 2024-01-02 1-1-101
e 64 "vacancy, in Chinese" "vacancy：给出 --from 或 --until（二者之一）" zh pm-fee vacancy 1-1-101
e 64 "share: a quarter" "pm-fee: period '2024-Q1': share a month at a time" pm-fee share property 2024-Q1 100
e 64 "arrears: a bad --min-months" "pm-fee: min-months '0': not a number of months from 1 to 1200" pm-fee arrears --min-months 0
e 64 "arrears: --count and --building" "pm-fee: --count counts the whole estate: leave out --building" pm-fee arrears --count --building 1
e 64 "statement: a bad day" "pm-fee: date 'x': not a date" pm-fee statement --day x 1-1-101
e 64 "expense without a book" "pm-fee: expense: --book is needed" pm-fee expense 100
e 64 "expense without a category" "pm-fee: expense: --category is needed" pm-fee expense --book service 100
e 64 "expense without a payee" "pm-fee: expense: --payee is needed" pm-fee expense --book service --category 电梯维保 100
e 64 "income without a payer" "pm-fee: income: --payer is needed" pm-fee income --book common --category 广告 100
e 64 "import: an unknown channel" "pm-fee: format 'icbc': not wechat, alipay or a statement format of the estate file" pm-fee import --channel icbc "$PM_TOP/tests/data/fee-estate.yaml"
e 64 "import: a pipe, no channel" "pm-fee: stdin: cannot tell a WeChat from an Alipay statement in a pipe (give --channel)" sh -c 'echo x | pm-fee import'

# Bad data (65).
e 65 "pay: not an amount" "pm-fee: amount 'abc': not a number" pm-fee pay 1-1-101 abc
e 65 "pay: 0" "pm-fee: amount '0.00': a payment is more than 0" pm-fee pay 1-1-101 0
e 65 "pay: 0, in Chinese" "缴费金额须大于 0" zh pm-fee pay 1-1-101 0
e 65 "pay: a public area" "pm-fee: unit 'P-GATE': a public area pays no fees" pm-fee pay P-GATE 10
e 65 "pay: an unknown method" "pm-fee: method 'bitcoin': unknown method (choose cash, transfer, wechat, alipay or other)" pm-fee pay -m bitcoin 1-1-101 10
e 65 "pay: in the future" "pm-fee: paid on '2030-01-01': in the future" pm-fee pay --date 2030-01-01 1-1-101 10
e 65 "pay: another unit's line" "pm-fee: line 2: billed to '1-1-102', not '1-1-101'" pm-fee pay --line 2 1-1-101 10
e 65 "pay: a settled line" "pm-fee: line 1: settled already" pm-fee pay --line 1 1-1-101 10
e 65 "pay: credit beyond the cap" "pm-fee: unit '1-1-101': 99810.00 would be left as credit, more than the 12 months of fees (3120.00) the estate takes ahead" pm-fee pay 1-1-101 100000
e 65 "the cap, in Chinese" "超过小区可预收的 12 个月费用（3120.00 元）" zh pm-fee pay 1-1-101 100000
e 65 "refund: 0" "pm-fee: amount '0': a refund is more than 0" pm-fee refund --reason x R0001 0
e 65 "refund: more than is left" "pm-fee: amount '95.00': more than the 90.00 left of receipt 'R0001'" pm-fee refund --reason x R0001 95
e 65 "refund of a refund" "pm-fee: receipt 'R0002': a refund itself" pm-fee refund --reason x R0002
e 65 "void a refunded receipt" "pm-fee: receipt 'R0001': has refunds" pm-fee void --reason x R0001
e 65 "void a refund" "pm-fee: receipt 'R0002': a refund cannot be voided" pm-fee void --reason x R0002
e 65 "vacancy: not vacant" "pm-fee: unit '1-1-101': not vacant (nothing to end)" pm-fee vacancy --until 2024-01-02 1-1-101
ok "vacant from a day" pm-fee vacancy --from 2024-01-20 1-1-101
e 65 "vacant twice" "pm-fee: unit '1-1-101': vacant since 2024-01-20 already" pm-fee vacancy --from 2024-01-25 1-1-101
e 65 "a vacancy going back" "pm-fee: unit '1-1-101': day 2024-01-10 is before its last vacancy record (2024-01-20)" pm-fee vacancy --until 2024-01-10 1-1-101
e 65 "handover after billing" "pm-fee: unit '1-1-101': billed from 2024-01-01 already, before a handover on 2024-01-15" pm-fee handover --date 2024-01-15 1-1-101
e 65 "meter: an item not metered" "pm-fee: fee item 'property': not metered (basis area)" pm-fee meter 1-1-101 property 10
e 65 "meter: not a reading" "pm-fee: reading 'x': not a number" pm-fee meter 1-1-101 property x
e 65 "share: an item not shared" "pm-fee: fee item 'property': not shared (basis area)" pm-fee share property 2024-01 100
e 65 "arrears: in the future" "pm-fee: day '2030-01-01': in the future" pm-fee arrears 2030-01-01
e 65 "expense: not an amount" "pm-fee: amount 'abc': not a number" pm-fee expense --book service --category x --payee y abc
echo '物业费,100' > "$PM_TMP/plain.csv"
e 65 "import: not a statement" "pm-fee: $PM_TMP/plain.csv: not a WeChat Pay or Alipay statement (for a bank's, give --channel with its code)" pm-fee import "$PM_TMP/plain.csv"
e 65 "import: no header" "pm-fee: $PM_TOP/tests/data/fee-estate.yaml: no table header with the columns of a wechat statement" pm-fee import --channel wechat "$PM_TOP/tests/data/fee-estate.yaml"
printf '%s\n' '微信支付账单明细' '交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注' \
	'2024-02-03 10:12:00,商户消费,甲,物业费,收入,¥1.00,零钱,支付成功,`4200001,`m1,1-1-101' \
	'2024-02-03 10:13:00,商户消费,甲,物业费,收入,¥1.00,零钱,支付成功,`4200001,`m2,1-1-101' \
	'2024-02-03 10:14:00,商户消费,甲,物业费,收入,¥1.00,零钱,支付成功,,`m3,1-1-101' \
	'2024-03-03 10:14:00,商户消费,甲,物业费,收入,¥1.00,零钱,支付成功,`4200004,`m4,1-1-101' \
	'2024-02-03 10:14:00,商户消费,甲,物业费,收入,¥1.00,零钱' > "$PM_TMP/bad.csv"
e 65 "import: every bad line named" "pm-fee: $PM_TMP/bad.csv: 4 errors, nothing imported" pm-fee import "$PM_TMP/bad.csv"
has "a transaction twice" "$(err)" "bad.csv:4: transaction '4200001': also on line 3"
has "no transaction id" "$(err)" "bad.csv:5: no transaction id"
has "in the future" "$(err)" "bad.csv:6: time '2024-03-03 10:14:00': in the future"
has "too few fields" "$(err)" "bad.csv:7: 7 fields, the header has 11"
fails 65 "in Chinese: 65" zh pm-fee import "$PM_TMP/bad.csv"
has "in Chinese: the lines named" "$(err)" "bad.csv:4: 交易“4200001”：第 3 行也有"

# Nothing there (66).
e 66 "pay: no such unit" "pm-fee: unit '1-9-999': no such unit" pm-fee pay 1-9-999 10
e 66 "pay: no such line" "pm-fee: line 999: no such bill line" pm-fee pay --line 999 1-1-101 10
e 66 "pay: no such series" "pm-fee: series 'ZZ': no such receipt series" pm-fee pay --series ZZ 1-1-101 10
e 66 "pay: no such staff" "pm-fee: staff 'nobody': no such staff member" pm-fee pay --as nobody 1-1-101 10
e 66 "void: no such receipt" "pm-fee: receipt 'R9999': no such receipt (see 'pm-fee receipts')" pm-fee void --reason x R9999
e 66 "refund: no such receipt" "pm-fee: receipt 'R9999': no such receipt (see 'pm-fee receipts')" pm-fee refund --reason x R9999
e 66 "refund: no such receipt, in Chinese" "收据“R9999”不存在" zh pm-fee refund --reason x R9999
e 66 "handover: no such unit" "pm-fee: unit '1-9-999': no such unit" pm-fee handover --date 2024-02-01 1-9-999
e 66 "meter: no such item" "pm-fee: fee item 'water': no such item (see 'pm-fee items')" pm-fee meter 1-1-101 water 10
e 66 "import: no such file" "pm-fee: file '/nonexistent/x.csv': No such file or directory" pm-fee import /nonexistent/x.csv
e 66 "arrears: no such building" "pm-fee: building '9': no such building" pm-fee arrears --building 9
e 66 "statement: no such unit" "pm-fee: unit '1-9-999': no such unit" pm-fee statement 1-9-999
e 66 "expense: no such book" "pm-fee: book 'nosuch': no such book (the estate file's fees: books)" pm-fee expense --book nosuch --category x --payee y 100
e 66 "item: no such item" "pm-fee: fee item 'nosuch': no such item" pm-fee item nosuch
e 66 "line: no such line" "pm-fee: line '999': no such bill line" pm-fee line 999
e 66 "receipt: no such receipt" "pm-fee: receipt 'R9999': no such receipt" pm-fee receipt R9999

# Not allowed (77): staff may not void or give money back.
e 77 "void by staff" "pm-fee: receipt 'R0001': 'li.lei' may not void receipts or give money back (a supervisor or manager does)" pm-fee void --as li.lei --reason x R0001
e 77 "refund by staff" "may not void receipts or give money back" pm-fee refund --as li.lei --reason x R0001 1
e 77 "in Chinese" "无权作废收据或退款" zh pm-fee refund --as li.lei --reason x R0001 1

# Whatever failed wrote nothing (one vacancy was recorded on purpose).
same "no line billed or changed" "$lines" "$(pm-fee lines --all)"
same "no receipt issued" "$receipts" "$(pm-fee receipts)"
done_testing
