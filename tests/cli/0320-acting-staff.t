#!/bin/sh
# Who is acting: every change acts as a staff member who exists; the
# audit keeps the real Unix user beside it; when the estate binds staff
# to Unix accounts, acting as someone else is refused except for a
# manager.  root may act as anyone.
. "$PM_TOP/tests/cli/lib.sh"

pm-db init > /dev/null && pm-db apply "$PM_TOP/tests/data/ticket-estate.yaml" > /dev/null ||
	{ echo "Bail out! cannot set up the estate"; exit 1; }
PM_NOW=2026-11-23T09:00; export PM_NOW
unset PM_USER
err() { cat "$PM_TMP/err"; }
sql() { python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for r in c.execute(sys.argv[2]): print("|".join(map(str, r)))
c.commit()' "$PM_DB" "$1"; }

# No --as and no PM_USER: the Unix login name, which is no staff member.
fails 66 "a Unix user who is no staff member" pm-ticket add -c door-lock -u 3-1-502 门锁
same "says how to name the acting staff member" \
	"pm-ticket: staff '$(id -un)': no such staff member (say who is acting with --as LOGIN or PM_USER=LOGIN)" "$(err)"
fails 66 "pm-unit set too, as pm-ticket" pm-unit set --as ghost --owner 王五 3-1-502
same "names the stranger" "pm-unit: staff 'ghost': no such staff member" "$(err)"
same "and changed nothing" "" "$(sql "SELECT owner_name FROM units WHERE code = '3-1-502'" | grep -v None)"
fails 66 "pm-unit import too" sh -c 'printf "unit,owner_name\n3-1-502,王五\n" | pm-unit import --as ghost'
fails 66 "due --mark too" pm-ticket due --mark --as ghost
ok "reading needs no staff member" pm-ticket list

# Bindings.  The commands run as a Unix user who is not root: "nobody"
# when the tests run as root, else the user running them.
if [ "$(id -u)" -eq 0 ]; then
	chmod 0777 "$PM_TMP" && chmod 0666 "$PM_DB"* 2>/dev/null
	me=nobody
	as_me() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
	ok "root may act as anyone, bound or not" pm-ticket add --as li.na -c door-lock -u 3-1-502 x
else
	me=$(id -un)
	as_me() { "$@"; }
fi
sql "UPDATE staff SET unix_user = '$me' WHERE login = 'wang.qiang'"
ok "bound to wang.qiang, acting as wang.qiang" as_me pm-ticket add --as wang.qiang -c door-lock -u 3-1-501 门锁
fails 77 "acting as someone else" as_me pm-ticket add --as li.na -c door-lock -u 3-1-501 门锁
same "says who is who" "pm-ticket: Unix user '$me' is staff 'wang.qiang' and may not act as 'li.na' (only a manager may act for others)" "$(err)"
same "the audit has both" "wang.qiang|$me" "$(sql "SELECT who, unix_user FROM audit ORDER BY id DESC LIMIT 1")"
ok "with neither --as nor PM_USER, the bound staff member acts" as_me pm-ticket add -c door-lock -u 3-1-501 门锁
same "the receiver is wang.qiang" "wang.qiang" "$(pm-ticket list | tail -1 | cut -f8)"
sql "UPDATE staff SET unix_user = NULL WHERE login = 'wang.qiang'"
sql "UPDATE staff SET unix_user = '$me' WHERE login = 'chen.jing'"
ok "a manager may act for others" as_me pm-ticket add --as li.na -c door-lock -u 3-1-501 门锁
sql "UPDATE staff SET unix_user = 'someone.else' WHERE login = 'chen.jing'"
fails 77 "bound to no one while others are" as_me pm-ticket add --as li.na -c door-lock -u 3-1-501 门锁
has "says so" "$(err)" "Unix user '$me' is bound to no staff member, so may not act as 'li.na'"
sql "UPDATE staff SET unix_user = NULL"
ok "no bindings at all: --as is taken as given" as_me pm-ticket add --as li.na -c door-lock -u 3-1-501 门锁
done_testing
