# The frame every binary shares (libpm/cli.c): operands, ids on stdin,
# write errors on stdout.
. "$PM_TOP/tests/cli/lib.sh"

pm-db init && pm-db apply "$PM_TOP/examples/aijia.yaml" > /dev/null
export PM_USER=zhang.wei

fails 64 "an extra operand" pm-staff list extra
same "names it, then the usage" "pm-staff: unexpected argument 'extra'" "$(head -1 "$PM_TMP/err")"
has "the usage follows" "$(sed -n 2p "$PM_TMP/err")" "usage: "
fails 64 "an extra operand to pm-ticket list" pm-ticket list extra
same "is named" "pm-ticket: unexpected argument 'extra'" "$(head -1 "$PM_TMP/err")"
fails 64 "pm-ticket add without a category" pm-ticket add -u 1-1-101 漏水
same "says what is needed" "pm-ticket: add: --category is needed" "$(cat "$PM_TMP/err")"
fails 64 "pm-ticket add without a description" pm-ticket add -c water-leak -u 1-1-101
same "says a description is needed" "pm-ticket: add: a description is needed" "$(cat "$PM_TMP/err")"
fails 64 "a missing operand" pm-db backup
same "says what is missing" "pm-db: backup: missing argument" "$(head -1 "$PM_TMP/err")"

# Ids on stdin: the first field, right-aligned ids and blank lines too.
printf ' 1-1-101\tx\n\n   \n1-1-102 y\n' > "$PM_TMP/ids"
ok "ids from stdin" sh -c 'pm-unit show -o tsv - < "$PM_TMP/ids"'
same "leading spaces are not part of an id" "1-1-101
1-1-102" "$(cut -f1 "$PM_TMP/out")"
printf '1-1-101\0001-1-102\n' > "$PM_TMP/nul"
fails 65 "a NUL byte in an id line" sh -c 'pm-unit show - < "$PM_TMP/nul"'
has "is named with its line" "$(cat "$PM_TMP/err")" "stdin:1: a NUL byte"

# A full disk is an error, said once.
fails 74 "list to a full disk" sh -c 'pm-unit list > /dev/full'
same "one message" "pm-unit: write error: No space left on device" "$(cat "$PM_TMP/err")"
fails 74 "ids to a full disk" sh -c 'pm-unit set --owner 王五 1-1-101 > /dev/full'
same "one message for ids" "pm-unit: write error: No space left on device" "$(cat "$PM_TMP/err")"
fails 74 "version to a full disk" sh -c 'pm-db --version > /dev/full'
done_testing
