# pm-db: init, apply (idempotent, all or nothing), migrate, check, backup,
# summary, and the errors a user can reach.
. "$PM_TOP/tests/cli/lib.sh"
ex="$PM_TOP/examples/aijia.yaml"

fails 66 "a missing database is refused" pm-db summary -d "$PM_TMP/none.db"
has "the message names pm-db init" "$(cat "$PM_TMP/err")" "pm-db init"
has "the message names the file" "$(cat "$PM_TMP/err")" "'$PM_TMP/none.db'"
fails 66 "PM_DB names the database" env PM_DB="$PM_TMP/x.db" pm-db check
ok "init creates a database" pm-db init
same "init prints nothing" "" "$(cat "$PM_TMP/out")"
same "the file is mode 0600" "600" "$(stat -c %a "$PM_DB")"
fails 73 "init refuses an existing file" pm-db init
has "and says so" "$(cat "$PM_TMP/err")" "already exists"
fails 73 "init in a missing directory" pm-db init -d "$PM_TMP/no/such/dir.db"

# apply: counts, then nothing.  Its reader is a person: a table even in
# a pipe, unless a format is asked for; TSV, CSV and JSON stay records.
ok "apply the demo estate" pm-db apply -o tsv "$ex"
for f in g g2 g3; do pm-db init -d "$PM_TMP/$f.db"; done
golden "apply prints a table of what it added, even in a pipe" db-apply.table pm-db apply -d "$PM_TMP/g.db" "$ex"
golden "apply -o tsv prints the same as TSV" db-apply.tsv pm-db apply -o tsv -d "$PM_TMP/g2.db" "$ex"
golden "apply -o json prints it as JSON Lines" db-apply.json pm-db apply -o json -d "$PM_TMP/g3.db" "$ex"
ok "apply again" pm-db apply "$ex"
same "a second apply changes nothing" "no changes" "$(cat "$PM_TMP/out")"
ok "apply -n on an unchanged file" pm-db apply -n "$ex"
same "apply -n says no changes" "no changes" "$(cat "$PM_TMP/out")"
for f in tsv csv json; do
	ok "apply -o $f with nothing to change" pm-db apply -n -o $f "$ex"
	same "prints no records" "" "$(cat "$PM_TMP/out")"
done
ok "apply -q" pm-db apply -q "$ex"
same "prints nothing" "" "$(cat "$PM_TMP/out")"

# Common parts are places like public areas: lists and tickets name them.
ok "pm-unit list --public" pm-unit list --public -o tsv
has "lists a building's lift" "$(cat "$PM_TMP/out")" "3-1-LIFT	3号楼1单元电梯	"
has "and a roof" "$(cat "$PM_TMP/out")" "8-ROOF	8号楼屋面	"
same "12 public areas and 56 common parts" "68" "$(wc -l < "$PM_TMP/out")"
ok "a ticket names a lift" pm-ticket add --as chen.jing -c lift-fault -u 3-1-LIFT 电梯运行异响
id=$(cat "$PM_TMP/out")
same "its place is the lift, and a lift fault is level 1" "3-1-LIFT 1" \
    "$(sqlite3 "$PM_DB" "SELECT unit || ' ' || level FROM tickets WHERE id = $id")"
ok "people trapped in a lift" pm-ticket add --as chen.jing -c lift-trapped -u 5-2-LIFT 电梯困人
id=$(cat "$PM_TMP/out")
same "is level 1 and needs someone on site" "1 1" \
    "$(sqlite3 "$PM_DB" "SELECT level || ' ' || (onsite_due IS NOT NULL) FROM tickets WHERE id = $id")"

# A bad file: file:line:column, exit 78, database unchanged.
before=$(sha "$PM_DB")
sed 's/^  name: 爱家名邸/   name: 爱家名邸/' "$ex" > "$PM_TMP/bad.yaml"
cp "$PM_TOP"/examples/cn-holidays-2026.tsv "$PM_TMP/"
fails 78 "a badly indented estate file" pm-db apply "$PM_TMP/bad.yaml"
same "the error has file:line:column and a hint" \
    "pm-db: $PM_TMP/bad.yaml:11:3: did not find the expected key (is this line indented like the keys above it?)" \
    "$(cat "$PM_TMP/err")"
same "the database is unchanged" "$before" "$(sha "$PM_DB")"
printf 'estate:\n\tname: x\n' > "$PM_TMP/tab.yaml"
fails 78 "a tab in the indentation" pm-db apply "$PM_TMP/tab.yaml"
same "is named as a tab" \
    "pm-db: $PM_TMP/tab.yaml:2:1: found a tab (YAML indents with spaces only: replace the tab with spaces)" \
    "$(cat "$PM_TMP/err")"
printf 'estate:\n  name: 爱家: 名邸\n' > "$PM_TMP/colon.yaml"
fails 78 "a second ': ' in a value" pm-db apply "$PM_TMP/colon.yaml"
same "says what to look at" \
    "pm-db: $PM_TMP/colon.yaml:2:11: mapping values are not allowed here (is the indentation right, or is a space missing after a ':'?)" \
    "$(cat "$PM_TMP/err")"
same "the database is still as it was" "$before" "$(sha "$PM_DB")"
printf 'estate:\n  name: x\n  colour: red\n' > "$PM_TMP/unknown.yaml"
fails 78 "an unknown key" pm-db apply "$PM_TMP/unknown.yaml"
has "names the key and where" "$(cat "$PM_TMP/err")" "unknown.yaml:3:3:"
same "the database is still unchanged" "$before" "$(sha "$PM_DB")"
fails 66 "a missing estate file" pm-db apply "$PM_TMP/nope.yaml"
fails 64 "apply without a file" pm-db apply
fails 64 "apply with two files" pm-db apply "$ex" "$ex"

# Change one thing: one row changed, and a dry run keeps nothing.  A dry
# run names each row it would write after the counts, in a second record
# stream (action, kind, key, change), a blank line between the two.
sed 's/name: 爱家名邸/name: 爱家名邸二期/' "$ex" > "$PM_TMP/renamed.yaml"
ok "apply -n of a change" pm-db apply -n -o tsv "$PM_TMP/renamed.yaml"
same "apply -n prints the count and the row" "settings	0	1	0

change	settings	estate_name	value '爱家名邸' -> '爱家名邸二期'" "$(cat "$PM_TMP/out")"
same "apply -n keeps nothing" "$before" "$(sha "$PM_DB")"
# Several kinds of change at once.
sed -e 's/name: 爱家名邸/name: 爱家名邸二期/' \
    -e '/wang.fang/s/role: lead,      /role: supervisor,/' \
    -e '/chen.gang/d' \
    -e 's/{code: 8-S02, area: 72.50/{code: 8-S02, area: 75.00/' \
    -e 's/^  - {code: P-WASTE.*/&\n  - {code: P-BIKE,    name: 非机动车棚, area: 150.00}/' \
    -e 's/first_time_fix:        90%/first_time_fix:        none/' \
    "$ex" > "$PM_TMP/changed.yaml"
golden "apply -n names each row (table)" db-apply-n.table pm-db apply -n "$PM_TMP/changed.yaml"
golden "apply -n names each row (TSV)" db-apply-n.tsv pm-db apply -n -o tsv "$PM_TMP/changed.yaml"
golden "apply -n names each row (CSV)" db-apply-n.csv pm-db apply -n -o csv "$PM_TMP/changed.yaml"
golden "apply -n names each row (JSON Lines)" db-apply-n.json pm-db apply -n -o json "$PM_TMP/changed.yaml"
ok "apply -n --header" pm-db apply -n -o tsv --header "$PM_TMP/changed.yaml"
same "each stream has its header" "kind	added	changed	retired
action	kind	key	change" "$(grep '^kind	\|^action	' "$PM_TMP/out")"
same "a dry run keeps none of them" "$before" "$(sha "$PM_DB")"
ok "apply without -n" pm-db apply -o tsv "$PM_TMP/renamed.yaml"
same "prints only the counts" "settings	0	1	0" "$(cat "$PM_TMP/out")"
ok "summary" pm-db summary -o tsv
has "the total row names the new estate" "$(tail -1 "$PM_TMP/out")" "all	爱家名邸二期	592	"

# Summary in every format.
golden "summary as TSV with a header" db-summary.tsv pm-db summary -d "$PM_TMP/g.db" --header
golden "summary as CSV" db-summary.csv pm-db summary -d "$PM_TMP/g.db" -o csv
golden "summary as JSON" db-summary.json pm-db summary -d "$PM_TMP/g.db" -o json
golden "summary as a table" db-summary.table pm-db summary -d "$PM_TMP/g.db" -o table
fails 64 "an unknown format" pm-db summary -o xml
has "lists the choices" "$(cat "$PM_TMP/err")" "format 'xml': unknown format (choose table, tsv, csv, json or excel)"

# check, backup, migrate.
ok "check a sound database" env PM_NOW=2026-11-20 pm-db check
same "check says ok" "ok" "$(cat "$PM_TMP/out")"
# In December, next year's holidays must be known: 元旦 is not a working day.
fails 1 "check in December without next year's calendar" env PM_NOW=2026-12-01 pm-db check
same "names the year" "calendar: no public holidays or make-up working days for 2027 (add them to the estate's calendar file and apply it)" "$(cat "$PM_TMP/out")"
fails 1 "check in a year with no calendar" env PM_NOW=2027-03-01 pm-db check
ok "backup" pm-db backup "$PM_TMP/copy.db"
ok "the backup is a database" env PM_NOW=2026-11-20 pm-db check -d "$PM_TMP/copy.db"
same "the backup has the same units" \
    "$(pm-db summary -o tsv | tail -1)" "$(pm-db summary -d "$PM_TMP/copy.db" -o tsv | tail -1)"
fails 73 "backup never overwrites" pm-db backup "$PM_TMP/copy.db"
ok "migrate a current database" pm-db migrate
has "migrate says it is current" "$(cat "$PM_TMP/out")" "is current"
sqlite3 "$PM_TMP/copy.db" 'PRAGMA user_version = 1'
v=$(sqlite3 "$PM_TMP/copy.db" 'PRAGMA user_version')
cur=$(sqlite3 "$PM_DB" 'PRAGMA user_version')
if [ "$cur" -gt 1 ]; then
	fails 78 "an older schema is refused" pm-db summary -d "$PM_TMP/copy.db"
	has "and the fix is named" "$(cat "$PM_TMP/err")" "pm-db migrate"
fi
sqlite3 "$PM_TMP/copy.db" 'PRAGMA user_version = 999'
fails 78 "a newer schema is refused" pm-db summary -d "$PM_TMP/copy.db"
has "and says a newer pm is needed" "$(cat "$PM_TMP/err")" "newer"
printf 'not a database at all, just some text that is long enough to look like a header.....\n' > "$PM_TMP/junk.db"
fails 78 "a file that is not a database" pm-db summary -d "$PM_TMP/junk.db"
sqlite3 "$PM_TMP/empty.db" 'CREATE TABLE t(x)'
before=$(sha "$PM_TMP/empty.db")
fails 78 "a SQLite file that is not a pm database" pm-db summary -d "$PM_TMP/empty.db"
has "says how to create one" "$(cat "$PM_TMP/err")" "pm-db init"
fails 78 "a writer refuses it too" pm-db apply -d "$PM_TMP/empty.db" "$ex"
same "someone else's database is left as it was" "$before" "$(sha "$PM_TMP/empty.db")"
same "and keeps its journal mode" "delete" "$(sqlite3 "$PM_TMP/empty.db" 'PRAGMA journal_mode')"
: > "$PM_TMP/zero.db"
fails 78 "an empty file is not a pm database" pm-db check -d "$PM_TMP/zero.db"
same "and stays empty" "0" "$(stat -c %s "$PM_TMP/zero.db")"

# The audit trail refuses changes.
na=$(sqlite3 "$PM_DB" 'SELECT count(*) FROM audit')
[ "$na" -gt 600 ]; _res $? "apply wrote audit rows ($na)"
sqlite3 "$PM_DB" "DELETE FROM audit" 2>/dev/null
same "audit rows cannot be deleted" "$na" "$(sqlite3 "$PM_DB" 'SELECT count(*) FROM audit')"
sqlite3 "$PM_DB" "UPDATE audit SET who = 'x'" 2>/dev/null
same "audit rows cannot be changed" "0" "$(sqlite3 "$PM_DB" "SELECT count(*) FROM audit WHERE who = 'x'")"

# Busy: a writer holding the lock makes another give up with 69.  The
# holder waits out the probe below, which holds the lock for an instant.
(sqlite3 -cmd '.timeout 5000' "$PM_DB" 'BEGIN IMMEDIATE; SELECT 1;' '.shell sleep 3' 'COMMIT;' >/dev/null 2>&1 &)
# Wait until the other writer holds the lock (a machine under load may
# take a while to start it).
i=0
while sqlite3 -cmd '.timeout 0' "$PM_DB" 'BEGIN IMMEDIATE; ROLLBACK;' >/dev/null 2>&1 && [ $i -lt 50 ]; do
	sleep 0.1; i=$((i + 1))
done
fails 69 "a busy database past the timeout" env PM_BUSY_TIMEOUT=100 pm-db apply "$PM_TMP/renamed.yaml"
has "the message says busy" "$(cat "$PM_TMP/err")" "busy"
fails 64 "a bad PM_BUSY_TIMEOUT" env PM_BUSY_TIMEOUT=soon pm-db check
fails 64 "a bad PM_NOW" env PM_NOW=yesterday-ish pm-db check
has "PM_NOW is named" "$(cat "$PM_TMP/err")" "PM_NOW"
# Let the other writer finish before the directory is removed.
i=0
while ! sqlite3 -cmd '.timeout 0' "$PM_DB" 'BEGIN IMMEDIATE; ROLLBACK;' >/dev/null 2>&1 && [ $i -lt 50 ]; do
	sleep 0.2; i=$((i + 1))
done
done_testing
