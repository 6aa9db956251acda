#!/bin/sh
# pm-fee: meter readings, a shared utility split by floor area (largest
# remainder), and a vacancy discount as a line of its own, each figure by
# hand; their errors with status and message.
. "$PM_TOP/tests/cli/lib.sh"

out() { cat "$PM_TMP/out"; }
err() { cat "$PM_TMP/err"; }
T='	'
# The tests' fee estate with three more items: water by meter at 4.20 a
# ton, the lifts' electricity shared by area, and a service fee of 50.00
# a unit a month of which a unit vacant two whole months pays 50%.
cat > "$PM_TMP/extra.yaml" <<'YAML'
    - code: water
      name: 水费
      book: service
      basis: meter
      due_day: 20
      formula: （本次读数 − 上次读数）× 4.20 元/吨
      rates:
        - {from: 2024-01-01, rate: 4.20}
    - code: lift-power
      name: 电梯公摊电费
      book: service
      basis: shared
      due_day: 20
      formula: 按建筑面积分摊
    - code: service
      name: 综合服务费
      book: service
      basis: unit
      due_day: end
      formula: 每户 50 元/月
      rates:
        - {from: 2024-01-01, rate: 50}
      vacancy: {after: 2, pays: 50%}
YAML
sed "/^  parking:/e cat $PM_TMP/extra.yaml" "$PM_TOP/tests/data/fee-estate.yaml" > "$PM_TMP/estate.yaml"
pm-db init > /dev/null && pm-db apply "$PM_TMP/estate.yaml" > /dev/null ||
	{ echo "Bail out! cannot set up the estate"; exit 1; }
export PM_USER=wang.fang

PM_NOW=2024-01-05T09:00; export PM_NOW
ok "vacant from 1 January" pm-fee vacancy --from 2024-01-01 1-1-101
ok "the first reading" pm-fee meter 1-1-101 water 100
same "bills nothing" "" "$(out)"
has "and says so" "$(err)" "unit '1-1-101': the first water reading starts the meter; nothing billed"
PM_NOW=2024-02-05T09:00
fails 65 "a reading that goes down" pm-fee meter 1-1-101 water 99
has "is refused" "$(err)" "unit '1-1-101': water reading '99.00': less than the last one (100.00)"
fails 65 "a reading before the last" pm-fee meter --date 2024-01-04 1-1-101 water 120
has "is refused" "$(err)" "unit '1-1-101': water reading on 2024-01-04: not after the last one (2024-01-05)"
# (112.50 - 100.00) × 4.20 = 52.50, due on the 20th of the next month.
ok "the second reading" pm-fee meter 1-1-101 water 112.5
ok "its line" pm-fee line "$(out)"
has "bills the difference" "$(out)" "${T}1-1-101${T}water${T}${T}meter${T}2024-02${T}2024-01-06${T}2024-02-05${T}12.50${T}4.20${T}52.50${T}0.00${T}52.50${T}2024-03-20${T}100.00 -> 112.50${T}"

# 100.00 among 100.00, 89.37 and 100.00 m² (289.37): 34.5578, 30.8843,
# 34.5578; the whole fen 34.55 + 30.88 + 34.55 = 99.98, and the two fen
# left go to the largest remainders: 34.56, 30.88, 34.56.
ok "share -n" pm-fee share -n lift-power 2024-01 100.00
same "the split" "lift-power${T}2024-01${T}3${T}3${T}100.00${T}0" "$(out)"
same "keeps nothing" "" "$(pm-fee lines --item lift-power)"
ok "share" pm-fee share lift-power 2024-01 100.00
same "adds up to the amount exactly" "1-1-101 34.56
1-1-102 30.88
1-1-201 34.56" "$(pm-fee lines --item lift-power | cut -f2,7 | tr '\t' ' ')"
fails 65 "sharing a month twice" pm-fee share lift-power 2024-01 100.00
has "is refused" "$(err)" "fee item 'lift-power': 2024-01 is shared already"
fails 65 "a share of nothing" pm-fee share lift-power 2024-02 0
has "is refused" "$(err)" "amount '0.00': not more than 0"

# March: 1-1-101 has been vacant January to March, two whole months and
# more: the service fee 50.00 and a line of its own, -25.00, with its
# reason; the others pay 50.00.
PM_NOW=2024-04-01T09:00
ok "bill March" pm-fee bill 2024-03
has "three charges and a discount" "$(out)" "service${T}2024-03${T}4${T}3${T}125.00${T}0"
same "the discount" "1-1-101${T}service${T}${T}vacancy${T}2024-03${T}-25.00${T}-25.00${T}0.00${T}2024-03-31${T}vacant 2+ months: pays 50%" "$(pm-fee lines --all --unit 1-1-101 --kind vacancy | cut -f2-)"
same "the charge half settled by it" "1-1-101${T}service${T}${T}charge${T}2024-03${T}50.00${T}25.00${T}25.00${T}2024-03-31${T}" "$(pm-fee lines --unit 1-1-101 --item service | cut -f2-)"
ok "the vacancy ends" pm-fee vacancy --until 2024-03-31 1-1-101
PM_NOW=2024-05-01T09:00
ok "bill April" pm-fee bill 2024-04
same "no discount after it" "" "$(pm-fee lines --all --kind vacancy --period 2024-04)"
done_testing
