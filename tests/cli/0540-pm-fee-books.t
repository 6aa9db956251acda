#!/bin/sh
# pm-fee: the books: money received by item and book, a book's other
# income and its expenses, the balance, prepayments received and spent;
# a prepayment counts in no period's collection rate until a bill meets
# it.  Figures by hand.
. "$PM_TOP/tests/cli/lib.sh"

out() { cat "$PM_TMP/out"; }
T='	'
pm-db init > /dev/null && pm-db apply "$PM_TOP/tests/data/fee-estate.yaml" > /dev/null ||
	{ echo "Bail out! cannot set up the estate"; exit 1; }
export PM_USER=wang.fang
PM_NOW=2024-01-02T09:00; export PM_NOW

# January: garbage 30.00 each, parking 80.00 (1-1-102), property 250.00,
# 223.43 and 250.00 (1-1-201 has no handover day: billed from the start).
ok "bill January" pm-fee bill 2024-01
ok "1-1-101 pays its 280.00" pm-fee pay 1-1-101 280
ok "1-1-102 pays 400.00 for 333.43" pm-fee pay -m transfer 1-1-102 400
ok "lift advertising, the owners' money" pm-fee income --book common --category 电梯广告 --payer 某传媒公司 1200
same "its id" "1" "$(out)"
ok "the lifts' upkeep from it" pm-fee expense --book common --category 电梯维保 --payee 某电梯公司 --note 一月 300
same "its id" "2" "$(out)"
ok "cleaning supplies from the service income" pm-fee expense --book service --category 保洁用品 --payee 某超市 45.50
# service: garbage 60.00, parking 80.00, property 250.00 + 223.43 =
# 473.43, less 45.50: 567.93; common: 1200.00 - 300.00 = 900.00; 66.57
# received ahead of any bill.
ok "the ledger of January" pm-fee ledger 2024-01
same "by book and item, the balances, the prepayment" "common${T}共有部分收入${T}income${T}电梯广告${T}1200.00
common${T}共有部分收入${T}expense${T}电梯维保${T}300.00
common${T}共有部分收入${T}balance${T}${T}900.00
service${T}物业服务收入${T}received${T}garbage${T}60.00
service${T}物业服务收入${T}received${T}parking${T}80.00
service${T}物业服务收入${T}received${T}property${T}473.43
service${T}物业服务收入${T}expense${T}保洁用品${T}45.50
service${T}物业服务收入${T}balance${T}${T}567.93
${T}${T}prepaid${T}${T}66.57" "$(out)"
# January's rate: 613.43 of 893.43 (68.66%); the 66.57 ahead is not in it.
ok "the rate of January" pm-fee rate 2024-01
same "without the prepayment" "${T}613.43${T}893.43${T}68.66${T}0.00${T}0.00${T}${T}613.43${T}893.43${T}68.66" "$(tail -1 "$PM_TMP/out")"

# February: the credit meets 1-1-102's first line (parking, due with the
# property on the 29th, billed first): income of the month, prepayment
# spent.
PM_NOW=2024-02-01T09:00
ok "bill February" pm-fee bill 2024-02
ok "the ledger of February" pm-fee ledger 2024-02
same "the credit counts when a bill meets it" "service${T}物业服务收入${T}received${T}parking${T}66.57
service${T}物业服务收入${T}balance${T}${T}66.57
${T}${T}prepaid${T}${T}-66.57" "$(out)"
ok "February's rate" pm-fee rate -o csv 2024-02
has "counts it there" "$(out)" ",66.57,"
ok "the ledger in Chinese" env LANG=zh_CN.UTF-8 LC_ALL= LANGUAGE= pm-fee ledger -o table 2024-01
has "headings in Chinese" "$(head -1 "$PM_TMP/out")" "账簿"
# The dunning list on 1 April, for an SMS gateway: 1-1-201 owes January
# (280.00) and February (250.00); late fees 250.00 × 61 and 32 days ×
# 0.05% = 7.625 → 7.63 and 4.00.  Phone numbers masked unless revealed.
PM_NOW=2024-04-01T09:00
ok "an owner and a phone" pm-unit set --owner 王建国 --phone 13812345678 1-1-201
ok "the dunning list" pm-fee arrears --min-months 2 -o csv
same "masked" "unit,building,owner_name,owner_phone,months,oldest,days_0_30,days_31_90,days_91_180,days_181_365,over_365,total,late_fee
1-1-201,1,王建国,138****5678,2,2024-01,0.00,530.00,0.00,0.00,0.00,530.00,11.63" "$(out | tr -d '\r')"
ok "revealed" pm-fee arrears --min-months 2 --reveal -o csv
has "the whole number" "$(out)" "1-1-201,1,王建国,13812345678,2,"

# The fee items with their formulas as posted, and the parking spaces.
ok "items" pm-fee items
same "each with its rate in force and its formula" "garbage${T}垃圾清运费${T}service${T}unit${T}quarterly${T}15${T}10.00${T}每户 10 元/月，按季计收
parking${T}车位管理费${T}service${T}space${T}monthly${T}31${T}80.00${T}每个车位 80 元/月
property${T}物业服务费${T}service${T}area${T}monthly${T}31${T}2.50${T}建筑面积 × 2.50 元/m²·月" "$(out)"
ok "spaces" pm-fee spaces
same "and who holds them" "B-01${T}parking${T}1-1-102" "$(out)"
done_testing
