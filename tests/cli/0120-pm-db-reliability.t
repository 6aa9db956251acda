# pm-db under the conditions of a real service center: a backup and a
# migrate while others write, two migrates at once, a database file the
# user may not write, a file that is not a database, zone files missing,
# and the query plans PM_DEBUG_PLAN shows.
. "$PM_TOP/tests/cli/lib.sh"
ex="$PM_TOP/examples/aijia.yaml"

# Wait until another process holds the write lock of database $1 (the
# probe takes it for an instant when free), or give up after 5 s.
wait_locked() {
	i=0
	while sqlite3 -cmd '.timeout 0' "$1" 'BEGIN IMMEDIATE; ROLLBACK;' >/dev/null 2>&1 &&
	    [ $i -lt 50 ]; do
		sleep 0.1; i=$((i + 1))
	done
}

# And until it is free again, so the directory can go.
wait_free() {
	i=0
	while ! sqlite3 -cmd '.timeout 0' "$1" 'BEGIN IMMEDIATE; ROLLBACK;' >/dev/null 2>&1 &&
	    [ $i -lt 50 ]; do
		sleep 0.2; i=$((i + 1))
	done
}

pm-db init && pm-db apply "$ex" > /dev/null

# A backup finishes while other processes commit all the time.  Copied a
# slice at a time, every commit in between started the copy over, so on a
# busy database it never ended (it could, when the writers paused: three
# of them seldom all do).  The writers are sqlite3 shells adding rows to
# a table of their own (the audit table refuses outside writes).
big="$PM_TMP/big.db"
pm-db init -d "$big"
sqlite3 "$big" 'CREATE TABLE filler(x);
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
    INSERT INTO filler SELECT randomblob(1000) FROM n;'
pages=$(sqlite3 "$big" 'PRAGMA page_count')
[ "$pages" -gt 1000 ]; _res $? "the database to copy is a few MB ($pages pages)"
writers=""
for w in 1 2 3; do
	yes 'INSERT INTO filler VALUES (randomblob(300));' |
	    sqlite3 -cmd '.timeout 10000' -cmd 'PRAGMA synchronous = OFF' "$big" \
	    > /dev/null 2>&1 &
	writers="$writers $!"
done
# Wait until they are writing.
i=0
while [ "$(sqlite3 -cmd '.timeout 5000' "$big" 'SELECT count(*) > 5000 FROM filler')" != 1 ] &&
    [ $i -lt 200 ]; do
	sleep 0.1; i=$((i + 1))
done
n0=$(sqlite3 -cmd '.timeout 5000' "$big" 'SELECT count(*) FROM filler')
ok "backup while others write" timeout 60 pm-db backup -d "$big" "$PM_TMP/big-copy.db"
n1=$(sqlite3 -cmd '.timeout 5000' "$big" 'SELECT count(*) FROM filler')
kill $writers 2>/dev/null
wait $writers 2>/dev/null
[ "$n1" -gt "$n0" ]; _res $? "the writers kept writing ($n0 rows before the copy, $n1 after)"
same "the copy is sound" "ok" "$(sqlite3 "$PM_TMP/big-copy.db" 'PRAGMA integrity_check')"
rows=$(sqlite3 "$PM_TMP/big-copy.db" 'SELECT count(*) FROM filler')
[ "$rows" -ge "$n0" ] && [ "$rows" -le "$n1" ]; _res $? "and holds the rows of one moment ($rows)"
same "and is private" "600" "$(stat -c %a "$PM_TMP/big-copy.db")"

# Two migrates at once: the version is read under the write lock, so one
# migrates and the other finds the database current.  Both start while a
# third process holds the lock: read before it, both saw version 1.
v1="$PM_TMP/v1.db"
sqlite3 "$v1" < "$PM_TOP/schema/0001-base.sql"
sqlite3 "$v1" 'PRAGMA user_version = 1; PRAGMA journal_mode = WAL;' > /dev/null
cur=$(sqlite3 "$PM_DB" 'PRAGMA user_version')
(sqlite3 -cmd '.timeout 5000' "$v1" 'BEGIN IMMEDIATE; SELECT 1;' '.shell sleep 2' 'COMMIT;' >/dev/null 2>&1 &)
wait_locked "$v1"
pm-db migrate -d "$v1" > "$PM_TMP/m1.out" 2> "$PM_TMP/m1.err" &
m1=$!
pm-db migrate -d "$v1" > "$PM_TMP/m2.out" 2> "$PM_TMP/m2.err" &
m2=$!
wait "$m1"; s1=$?
wait "$m2"; s2=$?
same "both migrates succeed" "0 0" "$s1 $s2"
same "and say nothing on stderr" "" "$(cat "$PM_TMP/m1.err" "$PM_TMP/m2.err")"
same "one migrates, the other finds it current" \
    "migrated schema version 1 to $cur (backup '$v1.v1.bak')
schema version $cur is current" \
    "$(cat "$PM_TMP/m1.out" "$PM_TMP/m2.out" | sort)"
same "the database is current" "$cur" "$(sqlite3 "$v1" 'PRAGMA user_version')"
same "the backup is of version 1" "1" "$(sqlite3 "$v1.v1.bak" 'PRAGMA user_version')"
same "and sound" "ok" "$(sqlite3 "$v1.v1.bak" 'PRAGMA integrity_check')"
wait_free "$v1"

# A file that is not SQLite at all, such as the estate file given to -d
# by mistake, is "not a pm database", as an empty SQLite file is.
fails 78 "the estate file given as the database" pm-db summary -d "$ex"
same "says what it is not and how to make one" \
    "pm-db: database '$ex': not a pm database (create one with 'pm-db init')" \
    "$(cat "$PM_TMP/err")"
fails 78 "a writer says the same" pm-db apply -d "$ex" "$ex"
has "(the same message)" "$(cat "$PM_TMP/err")" "not a pm database"

# A database file the user may not write: 73 (cannot create/write) with
# the reason, never 77, which is for what a staff role does not allow.
# Root writes any file, so as root the command runs as "nobody".
mkdir "$PM_TMP/ro"
printf 'estate:\n  name: 只读小区\ndepartments:\n  - {code: service, name: 客服部}\nstaff:\n  - {login: zhang.wei, name: 张伟, department: service, role: manager}\nbuildings:\n  - {code: "1", name: A, units: [{entrances: 1, floors: 1, rooms: 1, area: 50}]}\n' \
    > "$PM_TMP/ro/a.yaml"
sed 's/只读小区/只读小区二期/' "$PM_TMP/ro/a.yaml" > "$PM_TMP/ro/b.yaml"
pm-db init -d "$PM_TMP/ro/pm.db" && pm-db apply -d "$PM_TMP/ro/pm.db" "$PM_TMP/ro/a.yaml" > /dev/null
as=""
if [ "$(id -u)" = 0 ]; then
	as=skip
	if setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
		as="setpriv --reuid=65534 --regid=65534 --clear-groups"
		chmod 755 "$PM_TMP"
		chown -R 65534:65534 "$PM_TMP/ro"
	fi
fi
if [ "$as" != skip ]; then
	chmod 0400 "$PM_TMP/ro/pm.db"
	before=$(sha "$PM_TMP/ro/pm.db")
	fails 73 "a change to a read-only database file" $as pm-db apply -d "$PM_TMP/ro/pm.db" "$PM_TMP/ro/b.yaml"
	same "names the file and says why" \
	    "pm-db: database '$PM_TMP/ro/pm.db': cannot write to it (read-only file or directory: check its permissions)" \
	    "$(cat "$PM_TMP/err")"
	same "the file is unchanged" "$before" "$(sha "$PM_TMP/ro/pm.db")"
	fails 73 "any tool's change" $as pm-unit set --as zhang.wei --owner 王建国 -d "$PM_TMP/ro/pm.db" 1-1-101
	has "(the same message)" "$(cat "$PM_TMP/err")" "cannot write to it"
	ok "reading it is still fine" $as pm-db summary -d "$PM_TMP/ro/pm.db"
	has "(the data)" "$(cat "$PM_TMP/out")" "只读小区"
	chmod 0 "$PM_TMP/ro/pm.db"
	fails 66 "a file the user may not even read" $as pm-db summary -d "$PM_TMP/ro/pm.db"
	same "says so" "pm-db: database '$PM_TMP/ro/pm.db': cannot read it (check its permissions)" \
	    "$(cat "$PM_TMP/err")"
	chmod 0600 "$PM_TMP/ro/pm.db"
else
	for t in "a change to a read-only database file" "names the file and says why" \
	    "the file is unchanged" "any tool's change" "(the same message)" \
	    "reading it is still fine" "(the data)" "a file the user may not even read" \
	    "says so"; do
		n=$((n + 1))
		echo "ok $n # skip $t (root without setpriv: chmod does not stop root)"
	done
fi

# The zone files: TZDIR pointing elsewhere, or unset, costs nothing when
# the system has the zone; a zone known nowhere is refused by apply only.
ok "TZDIR without the estate's zone" env TZDIR=/nonexistent pm-db summary
same "(quietly)" "" "$(cat "$PM_TMP/err")"
ok "TZDIR unset" env -u TZDIR pm-db summary
ok "a command that reads times" env TZDIR=/nonexistent PM_NOW=2026-11-20T09:30 pm-db check
sqlite3 "$PM_DB" "UPDATE meta SET value = 'Europe/London' WHERE key = 'timezone'"
ok "TZDIR without another estate zone (Europe/London)" env TZDIR=/nonexistent pm-db summary
same "(quietly)" "" "$(cat "$PM_TMP/err")"
sqlite3 "$PM_DB" "UPDATE meta SET value = 'Mars/Olympus_Mons' WHERE key = 'timezone'"
ok "a zone this system does not know" pm-db summary
same "runs in the default zone and says so" \
    "pm-db: time zone 'Mars/Olympus_Mons': not known on this system, so times are in Asia/Shanghai instead (install tzdata)" \
    "$(cat "$PM_TMP/err")"
printf 'estate:\n  name: 火星小区\n  timezone: Mars/Olympus_Mons\n' > "$PM_TMP/mars.yaml"
fails 78 "apply refuses a zone that exists nowhere" env TZDIR=/nonexistent pm-db apply "$PM_TMP/mars.yaml"
has "names it" "$(cat "$PM_TMP/err")" "time zone 'Mars/Olympus_Mons': no such zone"
sqlite3 "$PM_DB" "UPDATE meta SET value = 'Asia/Shanghai' WHERE key = 'timezone'"

# PM_DEBUG_PLAN: each statement's SQL on one line, then its plan, each
# line "plan: ..." on stderr; the output itself is unchanged.
pm-db summary > "$PM_TMP/plain"
ok "summary with PM_DEBUG_PLAN" env PM_DEBUG_PLAN=1 pm-db summary
same "prints the same" "$(cat "$PM_TMP/plain")" "$(cat "$PM_TMP/out")"
has "shows the SQL on one line" "$(cat "$PM_TMP/err")" \
    "plan: SELECT b.code, b.name, count(u.code), coalesce("
has "and its plan" "$(cat "$PM_TMP/err")" "plan: SEARCH u USING "
same "every line is a plan line" "" "$(grep -v '^plan: ' "$PM_TMP/err")"
sqlite3 "$PM_DB" 'ANALYZE'
PM_DEBUG_PLAN=1 pm-db summary 2> "$PM_TMP/plan" > /dev/null
same "after ANALYZE, no full scan of the units" "" "$(grep -E '^plan: SCAN u( |$)' "$PM_TMP/plan")"
ok "an empty PM_DEBUG_PLAN is off" env PM_DEBUG_PLAN= pm-db summary
same "(nothing on stderr)" "" "$(cat "$PM_TMP/err")"
done_testing
