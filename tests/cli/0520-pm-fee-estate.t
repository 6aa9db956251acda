#!/bin/sh
# The estate file's fees section (pm-estate(5)): each mistake pm-db apply
# can find in it, named with its FILE:LINE:COLUMN and exit status 78, in
# English and Chinese; nothing is applied.
. "$PM_TOP/tests/cli/lib.sh"

zh() { env LANG=zh_CN.UTF-8 LC_ALL= LANGUAGE= "$@"; }
pm-db init > /dev/null || { echo "Bail out! cannot create the database"; exit 1; }
export PM_USER=wang.fang
# The core of the tests' fee estate, then a fees section from stdin.
sed -n '/^estate:/,/^fees:/p' "$PM_TOP/tests/data/fee-estate.yaml" > "$PM_TMP/core.yaml"
fees() { { cat "$PM_TMP/core.yaml"; cat; } > "$PM_TMP/e.yaml"; }
# bad NAME MESSAGE: applying e.yaml fails with 78 and says MESSAGE.
bad() {
	fails 78 "$1" pm-db apply "$PM_TMP/e.yaml"
	same "$1: the message" "pm-db: $PM_TMP/e.yaml:$2" "$(cat "$PM_TMP/err")"
}

fees <<'EOF'
  default_series: R
  books: [{code: s, name: x, kind: income}]
EOF
bad "no receipt series" "27:3: fees: missing 'series' (the receipt series, at least one)"
fees <<'EOF'
  default_series: Z
  books: [{code: s, name: x, kind: income}]
  series: [{code: R, name: 收据}]
EOF
bad "an unknown default series" "27:19: default_series 'Z': unknown series"
fees <<'EOF'
  default_series: R
  books: [{code: s, name: x, kind: wages}]
  series: [{code: R, name: 收据}]
EOF
bad "a book of no kind" "28:36: kind 'wages': not one of income, common, collected, deposit"
fees <<'EOF'
  default_series: R
  prepay_months: 200
  books: [{code: s, name: x, kind: income}]
  series: [{code: R, name: 收据}]
EOF
bad "prepay_months out of range" "28:18: prepay_months '200': not a number from 0 to 120"
for v in 0 121 three 2.5; do
	fees <<EOF
  default_series: R
  persistent_after: $v
  books: [{code: s, name: x, kind: income}]
  series: [{code: R, name: 收据}]
EOF
	bad "persistent_after $v" "28:21: persistent_after '$v': not a number from 1 to 120"
done
fees <<'EOF'
  default_series: R
  persistent_after: [3]
  books: [{code: s, name: x, kind: income}]
  series: [{code: R, name: 收据}]
EOF
bad "persistent_after a list" "28:21: persistent_after: expected a number, found a list"
fees <<'EOF'
  default_series: R
  books: [{code: s, name: x, kind: income}]
  series: [{code: R, name: 收据}]
  items: [{code: p, name: 物业费, book: nosuch, basis: area, formula: f, rates: [{from: 2024-01-01, rate: 1}]}]
EOF
bad "an unknown book" "30:38: item 'p': unknown book 'nosuch' (the books come first, under 'books')"
fees <<'EOF'
  default_series: R
  books: [{code: s, name: x, kind: income}]
  series: [{code: R, name: 收据}]
  items: [{code: p, name: 物业费, book: s, basis: volume, formula: f, rates: [{from: 2024-01-01, rate: 1}]}]
EOF
bad "an unknown basis" "30:48: basis 'volume': not one of area, unit, space, meter, shared"
fees <<'EOF'
  default_series: R
  books: [{code: s, name: x, kind: income}]
  series: [{code: R, name: 收据}]
  items: [{code: p, name: 物业费, book: s, basis: area, formula: f}]
EOF
bad "an item without rates" "30:11: item 'p': missing 'rates' (a list of {from: DAY, rate: PRICE})"
fees <<'EOF'
  default_series: R
  books: [{code: s, name: x, kind: income}]
  series: [{code: R, name: 收据}]
  items: [{code: p, name: 物业费, book: s, basis: area, formula: f, rates: []}]
EOF
bad "an empty list of rates" "30:73: item 'p': 'rates' is an empty list"
fees <<'EOF'
  default_series: R
  books: [{code: s, name: x, kind: income}]
  series: [{code: R, name: 收据}]
  items: [{code: p, name: 物业费, book: s, basis: area, formula: f, rates: [{from: 2024-01-01, rate: 1.23456}]}]
EOF
bad "a price of five decimals" "30:99: rate '1.23456': more than four decimals (a price in yuan such as 1.85, up to four decimals)"
fees <<'EOF'
  default_series: R
  books: [{code: s, name: x, kind: income}]
  series: [{code: R, name: 收据}]
  items: [{code: p, name: 物业费, book: s, basis: area, formula: f, rates: [{from: 2024-13-01, rate: 1}]}]
EOF
bad "a rate from no day" "30:81: from '2024-13-01': not a day like 2026-07-01"
fees <<'EOF'
  default_series: R
  books: [{code: s, name: x, kind: income}]
  series: [{code: R, name: 收据}]
  items: [{code: p, name: 物业费, book: s, basis: shared, formula: f, rates: [{from: 2024-01-01, rate: 1}]}]
EOF
bad "a shared item with a rate" "30:75: item 'p': a shared item has no rate (its amount is split: pm-fee share)"
fees <<'EOF'
  default_series: R
  books: [{code: s, name: x, kind: income}]
  series: [{code: R, name: 收据}]
  items: [{code: p, name: 物业费, book: s, basis: meter, frequency: monthly, formula: f, rates: [{from: 2024-01-01, rate: 1}]}]
EOF
bad "a meter item billed by period" "30:11: item 'p': frequency, start and vacancy are for items billed by period, not by meter"
fees <<'EOF'
  default_series: R
  books: [{code: s, name: x, kind: income}]
  series: [{code: R, name: 收据}]
  items: [{code: p, name: 物业费, book: s, basis: area, formula: f, rates: [{from: 2024-01-01, rate: 1}], late_fee: {daily: 0%}}]
EOF
bad "a late fee of 0%" "30:122: late_fee: daily 0% charges nothing (leave late_fee out)"
fees <<'EOF'
  default_series: R
  books: [{code: s, name: x, kind: income}]
  series: [{code: R, name: 收据}]
  items: [{code: p, name: 物业费, book: s, basis: area, formula: f, rates: [{from: 2024-01-01, rate: 1}], late_fee: {grace: 3}}]
EOF
bad "a late fee without a daily rate" "30:114: late_fee: missing 'daily' (a rate a day, such as 0.05%)"
fees <<'EOF'
  default_series: R
  books: [{code: s, name: x, kind: income}]
  series: [{code: R, name: 收据}]
  items: [{code: p, name: 物业费, book: s, basis: area, formula: f, rates: [{from: 2024-01-01, rate: 1}], late_fee: {daily: 2%}}]
EOF
bad "a late fee above 1% a day" "30:122: daily '2%': too large (a percentage such as 50% or 0.05%)"
fees <<'EOF'
  default_series: R
  books: [{code: s, name: x, kind: income}]
  series: [{code: R, name: 收据}]
  items: [{code: p, name: 物业费, book: s, basis: area, formula: f, rates: [{from: 2024-01-01, rate: 1}], vacancy: {after: 6}}]
EOF
bad "a vacancy rule without its share" "30:113: vacancy: give 'after' (whole months vacant) and 'pays' (the share a vacant unit pays)"
fees <<'EOF'
  default_series: R
  books: [{code: s, name: x, kind: income}]
  series: [{code: R, name: 收据}]
  items: [{code: p, name: 物业费, book: s, basis: area, formula: f, rates: [{from: 2024-01-01, rate: 1}], units: ["9"]}]
EOF
bad "an unknown building" "30:112: item 'p': unknown building '9'"
fees <<'EOF'
  default_series: R
  books: [{code: s, name: x, kind: income}]
  series: [{code: R, name: 收据}]
  items: [{code: p, name: 物业费, book: s, basis: area, formula: f, rates: [{from: 2024-01-01, rate: 1}], units: [1-9-999]}]
EOF
bad "an unknown unit" "30:112: item 'p': unknown unit, public area or common part '1-9-999'"
fees <<'EOF'
  default_series: R
  books: [{code: s, name: x, kind: income}]
  series: [{code: R, name: 收据}]
  items: [{code: k, name: 车位, book: s, basis: space, formula: f, rates: [{from: 2024-01-01, rate: 1}], units: ["1"]}]
EOF
bad "units of a parking item" "30:111: item 'k': 'units' is not for an item paid by parking space (each space names its item)"
fees <<'EOF'
  default_series: R
  books: [{code: s, name: x, kind: income}]
  series: [{code: R, name: 收据}]
  items: [{code: p, name: 物业费, book: s, basis: area, formula: f, rates: [{from: 2024-01-01, rate: 1}]}]
  parking: [{code: B-1, item: p}]
EOF
bad "a parking space of an area item" "31:31: parking space: item 'p' is not paid by parking space (basis: space)"
fees <<'EOF'
  default_series: R
  books: [{code: s, name: x, kind: income}]
  series: [{code: R, name: 收据}]
  items: [{code: k, name: 车位, book: s, basis: space, formula: f, rates: [{from: 2024-01-01, rate: 1}]}]
  parking: [{code: B-1, item: nosuch}]
EOF
bad "a parking space of an unknown item" "31:31: parking space: unknown item 'nosuch'"
fees <<'EOF'
  default_series: R
  books: [{code: s, name: x, kind: income}]
  series: [{code: R, name: 收据}]
  items: [{code: k, name: 车位, book: s, basis: space, formula: f, rates: [{from: 2024-01-01, rate: 1}]}]
  parking: [{code: B-1, item: k, holder: 1-1-101}]
EOF
bad "a holder without a day" "31:13: parking space: a holder needs 'holder' (a unit) and 'from' (a day)"
fees <<'EOF'
  default_series: R
  books: [{code: s, name: x, kind: income}]
  series: [{code: R, name: 收据}]
  items: [{code: k, name: 车位, book: s, basis: space, formula: f, rates: [{from: 2024-01-01, rate: 1}]}]
  parking: [{item: k}]
EOF
bad "a space without a code" "31:13: parking space: missing 'code' (or 'prefix' and 'numbers' for a range)"
fees <<'EOF'
  default_series: R
  books: [{code: s, name: x, kind: income}]
  series: [{code: R, name: 收据}]
  items: [{code: k, name: 车位, book: s, basis: space, formula: f, rates: [{from: 2024-01-01, rate: 1}]}]
  parking: [{code: B-1, prefix: B-, numbers: 1-3, item: k}]
EOF
bad "a code and a range" "31:13: parking space: give 'code', or 'prefix' and 'numbers', not both"
fees <<'EOF'
  default_series: R
  books: [{code: s, name: x, kind: income}]
  series: [{code: R, name: 收据}]
  items: [{code: k, name: 车位, book: s, basis: space, formula: f, rates: [{from: 2024-01-01, rate: 1}]}]
  parking: [{prefix: B-, numbers: 1-3, item: k, holder: 1-1-101, from: 2024-01-01}]
EOF
bad "a range with a holder" "31:13: parking space: a range of spaces has no holder (give each held space its own entry)"
fees <<'EOF'
  default_series: R
  books: [{code: s, name: x, kind: income}]
  series: [{code: R, name: 收据}]
  items: [{code: k, name: 车位, book: s, basis: space, formula: f, rates: [{from: 2024-01-01, rate: 1}]}]
  parking: [{code: B-1, item: k, holder: 1-1-101, from: 2024-01-01, holders: [{unit: 1-1-102, from: 2024-02-01}]}]
EOF
bad "holder and holders" "31:13: parking space: give 'holder' or 'holders', not both"
fees <<'EOF'
  default_series: R
  books: [{code: s, name: x, kind: income}]
  series: [{code: R, name: 收据}]
  items: [{code: k, name: 车位, book: s, basis: space, formula: f, rates: [{from: 2024-01-01, rate: 1}]}]
  parking: [{code: B-1, item: k, holder: 1-1-101, from: 2024-02-01, until: 2024-01-01}]
EOF
bad "a holding that ends before it begins" "31:76: holder: until '2024-01-01' is before from '2024-02-01'"
fees <<'EOF'
  default_series: R
  books: [{code: s, name: x, kind: income}]
  series: [{code: R, name: 收据}]
  items: [{code: k, name: 车位, book: s, basis: space, formula: f, rates: [{from: 2024-01-01, rate: 1}]}]
  parking: [{code: B-1, item: k, holders: [{unit: 1-1-101, from: 2024-01-01}, {unit: 1-1-102, from: 2024-02-01}]}]
EOF
bad "holders that overlap" "31:101: parking space 'B-1': holders must follow one another (each from after the last until)"
fees <<'EOF'
  default_series: R
  books: [{code: s, name: x, kind: income}]
  series: [{code: R, name: 收据}]
  formats: [{code: wechat, name: x, transaction: a, date: b, amount: c, reference: d}]
EOF
bad "a format named like a built-in one" "30:20: format 'wechat': the name of a built-in format (wechat, alipay)"
fees <<'EOF'
  default_series: R
  books: [{code: s, name: x, kind: income}]
  series: [{code: R, name: 收据}]
  formats: [{code: bank, name: x, transaction: a, date: b, amount: c, reference: []}]
EOF
bad "a format without a reference" "30:82: format: 'reference' is an empty list"
fees <<'EOF'
  default_series: R
  books: [{code: s, name: x, kind: income}]
  series: [{code: R, name: 收据}]
  formats: [{code: bank, name: x, transaction: a, date: b, amount: c, reference: ["d|e"]}]
EOF
bad "a column with a bar" "30:83: format: a column named 'd|e' cannot be mapped (it holds '|')"
fees <<'EOF'
  default_series: R
  books: [{code: s, name: x, kind: income}]
  series: [{code: R, name: 收据}]
  formats: [{code: bank, name: x, encoding: latin1, transaction: a, date: b, amount: c, reference: d}]
EOF
bad "an unknown encoding" "30:45: encoding 'latin1': not one of utf-8, gbk"
fees <<'EOF'
  default_series: R
  books: [{code: s, name: x, kind: income}, {code: s, name: y, kind: common}]
  series: [{code: R, name: 收据}]
EOF
bad "a book twice" "28:52: duplicate book 's' (first at 28:18)"

# In Chinese.
fees <<'EOF'
  default_series: R
  books: [{code: s, name: x, kind: income}]
  series: [{code: R, name: 收据}]
  items: [{code: p, name: 物业费, book: nosuch, basis: area, formula: f, rates: [{from: 2024-01-01, rate: 1}]}]
EOF
fails 78 "in Chinese" zh pm-db apply "$PM_TMP/e.yaml"
has "the message" "$(cat "$PM_TMP/err")" "收费项目“p”：未知账簿“nosuch”（账簿须先在 'books' 下列出）"
same "nothing applied" "" "$(pm-fee items)"
done_testing
