#!/bin/sh
# pm-unit: list in every format, show, set and import, masking, and every
# error a user can reach, with its exit status and message; a failed
# command leaves the database as it was, byte for byte.
. "$PM_TOP/tests/cli/lib.sh"

data=$PM_TOP/tests/data
pm-db init > /dev/null && pm-db apply "$data/unit-estate.yaml" > /dev/null ||
	{ echo "Bail out! cannot set up the estate"; exit 1; }
PM_NOW=2026-11-23T09:00
export PM_USER=zhao.min
export PM_NOW

dbsum() { cat "$PM_DB" "$PM_DB-wal" 2>/dev/null | sha256sum | cut -d' ' -f1; }
err() { cat "$PM_TMP/err"; }
out() { cat "$PM_TMP/out"; }
# Run SQL on the database without the sqlite3 shell, which may be absent.
sql() { python3 -c 'import sqlite3, sys
for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]): print("|".join(map(str, r)))' "$PM_DB" "$1"; }

# The frame: usage, help, version, unknown verbs and options.
fails 64 "no verb is a usage error" pm-unit
has "usage on stderr" "$(err)" "usage: pm-unit list"
ok "-h prints the usage" pm-unit -h
# That the usage is the SYNOPSIS of the man page: tests/cli/0001-man.t.
ok "list --help exits 0" pm-unit list --help
has "and prints the verb's usage" "$(out)" "usage: pm-unit list"
has "its options with what they do" "$(out)" "--occupancy state"
has "and the shared ones" "$(out)" "--format format"
ok "--version" pm-unit --version
same "version names the program" "pm-unit (pm) 0.2.0" "$(out)"
fails 64 "an unknown verb" pm-unit frobnicate
has "names it" "$(err)" "unknown command 'frobnicate'"
fails 64 "an unknown option" pm-unit list --colour
has "names it" "$(err)" "unknown option '--colour'"
fails 64 "a bad format" pm-unit list -o xml
same "lists the formats" "pm-unit: format 'xml': unknown format (choose table, tsv, csv, json or excel)" "$(err)"
fails 64 "an operand to list" pm-unit list 3
fails 64 "show needs a code" pm-unit show

# No database.
PM_DB=$PM_TMP/none.db fails 66 "no database" pm-unit list
same "says how to make one" "pm-unit: database '$PM_TMP/none.db': no such file (create one with 'pm-db init -d $PM_TMP/none.db')" "$(err)"
PM_DB=$PM_TMP/none.db fails 66 "no database for set" pm-unit set --occupancy rented 3-1-502
[ ! -e "$PM_TMP/none.db" ]; _res $? "and none was made"

# set: owners with Chinese names for the tables below.
ok "set an owner" pm-unit set --owner 张三 --phone 13812345678 --id-number 11010519491231002x --occupancy occupied 3-1-502
same "prints the code" "3-1-502" "$(out)"
ok "set two units" pm-unit set --owner 欧阳娜娜 --occupancy rented 2-1-101 10-1-101
same "prints both codes" "2-1-101
10-1-101" "$(out)"
ok "set what is already so" pm-unit set --owner 张三 3-1-502
same "prints nothing" "" "$(out)"
ok "-q prints nothing" pm-unit set -q --condition basic 3-1-1002
same "nothing printed" "" "$(out)"
ok "codes from stdin with -" sh -c 'printf "3-1-1001\tx\n\n3-2-101\n" | pm-unit set --occupancy vacant --condition basic -'
same "prints the changed ones" "3-1-1001
3-2-101" "$(out)"
same "the ID's x is stored as X" "11010519491231002X" "$(sql "SELECT owner_id_number FROM units WHERE code = '3-1-502'")"
same "audited, numbers masked" "zhao.min|pm-unit|set|changed: owner_name NULL -> '张三', owner_phone NULL -> '138****5678', owner_id_number NULL -> '110***********002X', occupancy 'vacant' -> 'occupied'" \
	"$(sql "SELECT who, program, verb, summary FROM audit WHERE row_id = '3-1-502' AND program = 'pm-unit'")"

# list, in every format.
golden "list as a table, aligned with Chinese names" unit-list.table pm-unit list -o table
golden "list as TSV" unit-list.tsv pm-unit list
golden "list as TSV with a header" unit-list-header.tsv pm-unit list --header
golden "list as CSV" unit-list.csv pm-unit list -o csv
golden "list as JSON" unit-list.json pm-unit list -o json
ok "every JSON line parses" sh -c 'pm-unit list -o json | while read -r l; do printf "%s\n" "$l" | python3 -m json.tool > /dev/null || exit 1; done'
same "CSV parses, 9 columns a row" "9 9 9 9 9 9 9 9 9" \
	"$(pm-unit list -o csv | python3 -c 'import csv, sys; print(" ".join(str(len(r)) for r in csv.reader(sys.stdin)))')"
same "natural order" "2-1-101 2-2-101 3-1-501 3-1-502 3-1-1001 3-1-1002 3-2-101 10-1-101" \
	"$(pm-unit list | cut -f1 | tr '\n' ' ' | sed 's/ $//')"
same "phones masked by default" "138****5678" "$(pm-unit list -b 3 -s occupied | cut -f9)"
same "--reveal shows them" "13812345678" "$(pm-unit list -b 3 -s occupied --reveal | cut -f9)"

# Filters.
same "-b" "3-1-501 3-1-502 3-1-1001 3-1-1002 3-2-101" "$(pm-unit list -b 3 | cut -f1 | tr '\n' ' ' | sed 's/ $//')"
same "--building, 10 is not 1" "10-1-101" "$(pm-unit list --building 10 | cut -f1)"
same "-s rented" "2-1-101 10-1-101" "$(pm-unit list -s rented | cut -f1 | tr '\n' ' ' | sed 's/ $//')"
same "--occupancy vacant -b 3" "3-1-501 3-1-1001 3-1-1002 3-2-101" "$(pm-unit list --occupancy vacant -b 3 | cut -f1 | tr '\n' ' ' | sed 's/ $//')"
ok "an empty list" pm-unit list -b 2 -s occupied -o csv
same "is the header alone" "code,building,entrance,floor,area,occupancy,condition,owner_name,owner_phone" "$(out | tr -d '\r')"
fails 66 "an unknown building" pm-unit list -b 9
same "message, with the nearest codes" "pm-unit: building '9': no such building (did you mean 2 or 3? see 'pm-unit buildings')" "$(err)"
same "prints no header" "" "$(out)"
fails 65 "a bad occupancy filter" pm-unit list -s empty
same "lists the choices" "pm-unit: occupancy 'empty': unknown occupancy (choose occupied, vacant or rented)" "$(err)"
golden "public areas" unit-public.table pm-unit list --public -o table
golden "public areas as JSON" unit-public.json pm-unit list --public -o json
ok "--public with -b: the common parts of a building" pm-unit list --public -b 3
same "none in this estate" "" "$(out)"
fails 64 "--public with -s" pm-unit list --public -s vacant
same "says why" "pm-unit: --occupancy cannot be used with --public" "$(err)"

# show.
golden "show, vertical, masked" unit-show.table pm-unit show 3-1-502 P-PUMP -o table
golden "show --reveal as JSON" unit-show-reveal.json pm-unit show --reveal 3-1-502 -o json
fails 66 "show an unknown unit" pm-unit show 3-1-502 9-9-999
same "message" "pm-unit: unit '9-9-999': no such unit (see 'pm-unit list')" "$(err)"
same "the known one is printed first" "3-1-502" "$(out | cut -f1)"
ok "show - reads codes" sh -c 'pm-unit list -s rented | pm-unit show -'
same "both shown" "2-1-101 10-1-101" "$(out | cut -f1 | tr '\n' ' ' | sed 's/ $//')"

# set: every refusal writes nothing.
before=$(dbsum)
fails 65 "a bad phone" pm-unit set --phone 12345 3-1-501
same "message" "pm-unit: phone '1***5': digits: 5; a mobile number has 11, starting with 1, a local one 7 or 8" "$(err)"
fails 65 "not a mobile number" pm-unit set --phone 12812345678 3-1-501
fails 65 "a phone with letters" pm-unit set --phone 138-CALL-ME 3-1-501
has "message" "$(err)" "not a phone number (a mobile number such as 13812345678 or a landline such as 010-12345678)"
fails 65 "a wrong ID check digit" pm-unit set --id-number 110101199003071234 3-1-501
same "message" "pm-unit: id number '110***********1234': wrong check digit (a typing error?)" "$(err)"
fails 65 "an ID number too short" pm-unit set --id-number 11010119900307 3-1-501
has "message" "$(err)" "14 characters, not 18"
fails 65 "an ID number with no such date" pm-unit set --id-number 110101199002301231 3-1-501
has "message, the number masked" "$(err)" "id number '110***********1231': not a real birth date in it"
fails 65 "a bad occupancy" pm-unit set --occupancy empty 3-1-501
has "message" "$(err)" "occupancy 'empty': unknown occupancy (choose occupied, vacant or rented)"
fails 65 "a bad condition" pm-unit set --condition fine 3-1-501
has "message" "$(err)" "condition 'fine': unknown condition (choose good, basic or poor)"
fails 66 "an unknown unit" pm-unit set --owner x 9-9-999
same "message" "pm-unit: unit '9-9-999': no such unit (see 'pm-unit list')" "$(err)"
fails 66 "one unknown unit among good ones" pm-unit set --owner x 3-1-501 9-9-999 3-1-1001
same "prints no code" "" "$(out)"
fails 65 "a public area has no owner" pm-unit set --owner x P-PUMP
same "message" "pm-unit: unit 'P-PUMP': a public area has no owner or occupancy" "$(err)"
fails 64 "nothing to set" pm-unit set 3-1-501
has "message" "$(err)" "nothing to set"
fails 64 "no codes" pm-unit set --owner x
esc=$(printf 'evil\033[2J\033]0;owned\007name')
fails 65 "a terminal escape in a name" pm-unit set --owner "$esc" 3-1-501
same "message shows it escaped" "pm-unit: owner name 'evil\\x1B[2J\\x1B]0;owned\\x07name': control character U+001B at byte 5" "$(err)"
fails 65 "a bidi override in a name" pm-unit set --owner "$(printf 'abc\342\200\256def')" 3-1-501
has "message" "$(err)" "bidirectional control U+202E at byte 4"
fails 65 "invalid UTF-8 in a name" pm-unit set --owner "$(printf 'a\377b')" 3-1-501
has "message" "$(err)" "owner name 'a\\xFFb': invalid UTF-8 at byte 2"
fails 66 "an escape in an unknown code is escaped too" pm-unit show "$(printf '9\033[31m')"
same "message" "pm-unit: unit '9\\x1B[31m': no such unit (see 'pm-unit list')" "$(err)"
same "the database is unchanged" "$before" "$(dbsum)"

# Hostile text is text.
hostile="'; DROP TABLE units; --"
ok "a hostile name" pm-unit set --owner "$hostile" 3-1-501
same "stored and printed back verbatim" "$hostile" "$(pm-unit list -b 3 | grep '^3-1-501' | cut -f8)"
same "the units table still exists" "10" "$(sql 'SELECT count(*) FROM units')"
ok "quotes and commas in a name" pm-unit set --owner 'O'"'"'Brien, "Jr"' 3-1-501
same "CSV quotes it" '3-1-501,3,1,5,89.50,vacant,good,"O'"'"'Brien, ""Jr""",' "$(pm-unit list -o csv -b 3 | tr -d '\r' | grep '^3-1-501')"
ok "clear an owner with ''" pm-unit set --owner '' 3-1-501
same "cleared" "" "$(pm-unit list -b 3 | grep '^3-1-501' | cut -f8)"

# import.
ok "import a spreadsheet's CSV (BOM, CRLF)" pm-unit import "$data/unit-owners.csv"
same "prints the codes changed" "3-1-501
3-1-1001
2-1-101
10-1-101" "$(out)"
same "stored" "王芳|13912345678|110101199003071233|occupied" "$(sql "SELECT owner_name, owner_phone, owner_id_number, occupancy FROM units WHERE code = '3-1-501'")"
same "audited" "4" "$(sql "SELECT count(*) FROM audit WHERE verb = 'import'")"
ok "importing it again" pm-unit import "$data/unit-owners.csv"
same "changes nothing" "" "$(out)"
ok "JSON Lines from stdin" sh -c "pm-unit import < '$data/unit-owners.jsonl'"
same "prints the codes" "3-2-101
3-1-502" "$(out)"
same "unicode escapes and a number" "周九|13700001234|rented" "$(sql "SELECT owner_name, owner_phone, occupancy FROM units WHERE code = '3-2-101'")"
same "null keeps the name" "张三|vacant" "$(sql "SELECT owner_name, occupancy FROM units WHERE code = '3-1-502'")"
ok "what list prints imports back" sh -c 'pm-unit list --header --reveal -b 2 | cut -f1,6,8,9 |
	sed "1s/^code/unit/" | pm-unit import -'
same "and changes nothing" "" "$(out)"

before=$(dbsum)
fails 65 "errors in an import" pm-unit import "$data/unit-owners-bad.csv"
same "every error, with its line" "pm-unit: $data/unit-owners-bad.csv:3: unit '9-9-999': no such unit (see 'pm-unit list')
pm-unit: $data/unit-owners-bad.csv:4: phone '1***5': digits: 5; a mobile number has 11, starting with 1, a local one 7 or 8
pm-unit: $data/unit-owners-bad.csv:5: unit '3-1-501': named twice (first on line 2)
pm-unit: $data/unit-owners-bad.csv:6: id number '110***********1234': wrong check digit (a typing error?)
pm-unit: $data/unit-owners-bad.csv:7: occupancy 'empty': unknown occupancy (choose occupied, vacant or rented)
pm-unit: $data/unit-owners-bad.csv: 5 errors, nothing imported" "$(err)"
same "prints no code" "" "$(out)"
fails 65 "one error" sh -c 'printf "unit,owner_name\n3-1-501,x\n9-9-999,y\n" | pm-unit import'
same "one line" "pm-unit: stdin:3: unit '9-9-999': no such unit (see 'pm-unit list')" "$(err)"
fails 65 "a terminal escape in an imported name" pm-unit import "$data/unit-owners-escape.tsv"
same "message" "pm-unit: $data/unit-owners-escape.tsv:2: owner name '周\\x09九': control character U+0009 at byte 4" "$(err)"
fails 65 "an unknown field" sh -c 'printf "unit,owner,phone\n3-1-501,x,1\n" | pm-unit import'
same "lists the known ones" "pm-unit: stdin:1: unknown field 'owner' (known: unit, owner_name, owner_phone, owner_id_number, occupancy)" "$(err)"
fails 65 "no unit field" sh -c 'printf "owner_name\nx\n" | pm-unit import'
has "message" "$(err)" "stdin:2: no 'unit' field"
fails 65 "a CSV syntax error" sh -c 'printf "unit,owner_name\n3-1-501,\"x\n" | pm-unit import'
same "line and column" "pm-unit: stdin:2:9: quoted field never ends" "$(err)"
fails 65 "GBK text" sh -c 'printf "unit,owner_name\n3-1-501,\325\305\310\375\n" | pm-unit import'
same "is not UTF-8" "pm-unit: stdin:2:9: invalid UTF-8 (save the file as UTF-8)" "$(err)"
fails 65 "a nested JSON value" sh -c 'printf "{\"unit\":\"3-1-501\",\"owner_name\":{\"x\":1}}\n" | pm-unit import'
has "message" "$(err)" "stdin:1:32: key 'owner_name': nested values are not supported"
fails 65 "--from csv on JSON" sh -c "pm-unit import --from csv < '$data/unit-owners.jsonl'"
fails 64 "a bad --from" pm-unit import --from xls owners.xls
same "lists the choices" "pm-unit: format 'xls': unknown input format (choose csv, tsv or json)" "$(err)"
fails 66 "a missing file" pm-unit import "$PM_TMP/owners.csv"
same "message" "pm-unit: file '$PM_TMP/owners.csv': No such file or directory" "$(err)"
fails 64 "two files" pm-unit import a.csv b.csv
same "the database is unchanged" "$before" "$(dbsum)"

# A dry run prints what would change and writes nothing.
ok "a dry run of a good file" pm-unit import -n "$data/unit-owners.jsonl"
same "nothing to change" "" "$(out)"
ok "a dry run that would change" sh -c 'printf "unit,occupancy\n3-1-501,rented\n" | pm-unit import --dry-run'
same "prints the code" "3-1-501" "$(out)"
same "but writes nothing" "$before" "$(dbsum)"

done_testing
