#!/bin/sh
# pm-staff: list and show in every format, filters, masking, and the
# errors a user can reach.
. "$PM_TOP/tests/cli/lib.sh"

pm-db init > /dev/null && pm-db apply "$PM_TOP/tests/data/unit-estate.yaml" > /dev/null ||
	{ echo "Bail out! cannot set up the estate"; exit 1; }

err() { cat "$PM_TMP/err"; }
out() { cat "$PM_TMP/out"; }
field() { cut -f"$1" | tr '\n' ' ' | sed 's/ $//'; }

fails 64 "no verb is a usage error" pm-staff
ok "-h prints the usage" pm-staff -h
# That the usage is the SYNOPSIS of the man page: tests/cli/0001-man.t.
ok "--version" pm-staff --version
same "version names the program" "pm-staff (pm) 0.2.0" "$(out)"
fails 64 "an unknown verb" pm-staff add
has "names it" "$(err)" "unknown command 'add'"
fails 64 "an unknown option" pm-staff list --team x
has "names it" "$(err)" "unknown option '--team'"
fails 64 "a bad format" pm-staff list -o yaml
same "lists the formats" "pm-staff: format 'yaml': unknown format (choose table, tsv, csv, json or excel)" "$(err)"
PM_DB=$PM_TMP/none.db fails 66 "no database" pm-staff list
has "says how to make one" "$(err)" "(create one with 'pm-db init"

golden "list as a table" staff-list.table pm-staff list -o table
golden "list as TSV with a header" staff-list.tsv pm-staff list --header
golden "list as CSV" staff-list.csv pm-staff list -o csv
golden "list as JSON" staff-list.json pm-staff list -o json
ok "every JSON line parses" sh -c 'pm-staff list -o json | while read -r l; do printf "%s\n" "$l" | python3 -m json.tool > /dev/null || exit 1; done'
same "CSV parses, 6 columns a row" "6 6 6 6 6 6 6" \
	"$(pm-staff list -o csv | python3 -c 'import csv, sys; print(" ".join(str(len(r)) for r in csv.reader(sys.stdin)))')"
same "by department, then role from the top" "li.qiang zhou.bo wu.gang zhao.min qian.li sun.hao" "$(pm-staff list | field 1)"
same "phones masked" "137****0003" "$(pm-staff list --department engineering --role lead | field 6)"
same "--reveal" "13700000003" "$(pm-staff list --department engineering --role lead --reveal | field 6)"
same "--department" "zhao.min qian.li sun.hao" "$(pm-staff list --department service | field 1)"
same "--role" "zhou.bo wu.gang sun.hao" "$(pm-staff list --role staff | field 1)"
ok "a role nobody has" pm-staff list --role lead --department security
same "is an empty list" "" "$(out)"
fails 66 "an unknown department" pm-staff list --department hr
same "message" "pm-staff: department 'hr': no such department (see 'pm-staff departments')" "$(err)"
same "prints nothing" "" "$(out)"
fails 65 "a bad role" pm-staff list --role boss
same "lists the roles" "pm-staff: role 'boss': unknown role (choose staff, lead, supervisor or manager)" "$(err)"

golden "show, vertical" staff-show.table pm-staff show -o table sun.hao zhou.bo
golden "show --reveal as JSON" staff-show.json pm-staff show --reveal -o json sun.hao
fails 66 "show an unknown login" pm-staff show zhao.min nobody
same "message" "pm-staff: staff 'nobody': no such staff member (see 'pm-staff list')" "$(err)"
same "the known one is printed first" "zhao.min" "$(out | cut -f1)"
fails 66 "an escape in a login is escaped" pm-staff show "$(printf 'x\033[2J')"
same "message" "pm-staff: staff 'x\\x1B[2J': no such staff member (see 'pm-staff list')" "$(err)"
ok "show - reads logins" sh -c 'pm-staff list --role manager | pm-staff show -'
same "shown" "zhao.min" "$(out | cut -f1)"
fails 64 "show needs a login" pm-staff show

# A member who left the estate file is retired: not listed, still shown.
sed '/zhou.bo/d' "$PM_TOP/tests/data/unit-estate.yaml" > "$PM_TMP/less.yaml"
pm-db apply "$PM_TMP/less.yaml" > /dev/null
same "retired staff are not listed" "li.qiang" "$(pm-staff list --department engineering | field 1)"
same "but shown, retired" "zhou.bo	周博	engineering	工程部	staff			1" "$(pm-staff show zhou.bo)"

done_testing
