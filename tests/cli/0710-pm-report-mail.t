#!/bin/sh
# pm-report --mail: a whole RFC 5322 message that Python's email package
# parses, its Subject decoded intact (Chinese, the estate and the
# period), its text and HTML parts, the recipients; as cron runs it, with
# no language set, in the estate's.
. "$PM_TOP/tests/cli/lib.sh"
. "$PM_TOP/tests/data/report-month.sh"
out() { cat "$PM_TMP/out"; }
err() { cat "$PM_TMP/err"; }
# cron names no language: the estate's (set here) decides.
cron() { env -u LANG -u LC_ALL -u LC_MESSAGES -u LANGUAGE "$@"; }
sqlite3 "$PM_DB" "INSERT INTO meta VALUES ('language', 'zh_CN')" ||
	{ echo "Bail out! cannot set the language"; exit 1; }

at 2026-12-01T07:00
ok "a mail of last month's report" cron pm-report monthly --mail --to manager@example.com,boss@example.com --to desk@example.com --from pm@example.com
cp "$PM_TMP/out" "$PM_TMP/mail"
ok "parses as a mail, with every header, the subject intact" python3 -c '
import email, email.policy, sys
m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
assert m.defects == [], m.defects
assert m["Subject"] == "测试花园 月报 2026-11", m["Subject"]
assert m["From"] == "pm@example.com", m["From"]
assert [a.addr_spec for a in m["To"].addresses] == ["manager@example.com",
    "boss@example.com", "desk@example.com"], m["To"]
assert m["Date"].datetime.isoformat() == "2026-12-01T07:00:00+08:00", m["Date"]
assert m["Message-ID"] and m["MIME-Version"] == "1.0"
assert m.get_content_type() == "text/plain" and m.get_content_charset() == "utf-8"
body = m.get_content()
assert body.startswith("测试花园 月报 2026-11\n2026-11-01 至 2026-11-30\n"), body[:80]
assert "维修及时率            4/7  57.1%   95%  ✗" in body, body
' "$PM_TMP/mail"
ok "the body is the report itself" python3 -c '
import email, email.policy, sys
m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
sys.stdout.write(m.get_content())' "$PM_TMP/mail"
cp "$PM_TMP/out" "$PM_TMP/body"
ok "the report as cron reads it" cron pm-report monthly
same "is the mail's body" "$(out)" "$(cat "$PM_TMP/body")"
ok "every line of the mail is short" awk 'length($0) > 78 { exit 1 }' "$PM_TMP/mail"
same "its raw subject is RFC 2047 words" "Subject: =?UTF-8?B?5rWL6K+V6Iqx5ZutIOaciOaKpSAyMDI2LTEx?=" "$(grep '^Subject:' "$PM_TMP/mail")"

# A long subject is folded into several words, each cut between
# characters, and still decodes intact.
sqlite3 "$PM_DB" "UPDATE meta SET value = '爱家名邸物业管理服务中心第一分中心北区' WHERE key = 'estate_name'"
ok "a long subject" cron pm-report monthly --by staff --mail --to manager@example.com
cp "$PM_TMP/out" "$PM_TMP/mail2"
ok "folds and decodes intact" python3 -c '
import email, email.policy, sys
raw = open(sys.argv[1], "rb").read()
m = email.message_from_bytes(raw, policy=email.policy.default)
assert m["Subject"] == "爱家名邸物业管理服务中心第一分中心北区 员工考核 2026-11", m["Subject"]
head = raw.split(b"\n\n")[0].decode("ascii")
words = [w for w in head.split() if w.startswith("=?UTF-8?B?")]
assert len(words) >= 2 and all(len(w) <= 75 for w in words), words
' "$PM_TMP/mail2"
sqlite3 "$PM_DB" "UPDATE meta SET value = '测试花园' WHERE key = 'estate_name'"

# With -o html: multipart/alternative, the text first, then the page.
ok "a mail with the page" cron pm-report monthly --mail -o html --to manager@example.com
cp "$PM_TMP/out" "$PM_TMP/mail3"
ok "multipart/alternative: text, then HTML" python3 -c '
import email, email.policy, sys
m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
assert m.defects == [], m.defects
assert m.get_content_type() == "multipart/alternative", m.get_content_type()
parts = list(m.iter_parts())
assert [p.get_content_type() for p in parts] == ["text/plain", "text/html"]
assert "维修及时率" in parts[0].get_content()
html = parts[1].get_content()
assert html.startswith("<!DOCTYPE html>") and "<svg" in html and "维修及时率" in html
assert "http://" not in html.replace("http://www.w3.org/2000/svg", "")
' "$PM_TMP/mail3"

# The sender: --from, else PM_MAIL_FROM, else pm-report@ this host.
ok "PM_MAIL_FROM" env PM_MAIL_FROM=report@example.org pm-report daily --mail --to a@example.com
same "is the sender" "From: report@example.org" "$(grep '^From:' "$PM_TMP/out")"
ok "no sender named" env -u PM_MAIL_FROM pm-report daily --mail --to a@example.com
has "pm-report at this host" "$(grep '^From:' "$PM_TMP/out")" "From: pm-report@"

# --check with a mail: the mail is written and the status says 1.
fails 1 "--check --mail" pm-report monthly --check --mail --to a@example.com
has "still a mail" "$(out)" "MIME-Version: 1.0"

# Addresses that could forge a header are refused, and nothing written.
for a in 'a@example.com
Bcc: x@evil.example' 'Boss <boss@example.com>' 'no-at-sign' '@example.com' 'a@' 'a@b..c' 'a b@example.com'; do
	fails 64 "a bad address is refused" pm-report daily --mail --to "$a"
	has "named" "$(err)" "not a mail address (like manager@example.com)"
	same "nothing written" "" "$(out)"
done
fails 64 "a bad --from" pm-report daily --mail --to a@example.com --from 'x y'
fails 78 "a bad PM_MAIL_FROM" env PM_MAIL_FROM='x y' pm-report daily --mail --to a@example.com
same "says so" "pm-report: PM_MAIL_FROM 'x y': not a mail address (like pm@example.com)" "$(err)"
fails 64 "--mail without --to" pm-report daily --mail
same "says what is needed" "pm-report: daily: --to is needed" "$(err)"
fails 64 "--to without --mail" pm-report daily --to a@example.com
same "says so" "pm-report: --to: only with --mail" "$(err)"
fails 64 "--from without --mail" pm-report daily --from a@example.com
same "says so" "pm-report: --from: only with --mail" "$(err)"
fails 64 "--mail as TSV" pm-report daily --mail --to a@example.com -o tsv
same "says so" "pm-report: --mail: a mail is text or html, not 'tsv'" "$(err)"
fails 64 "more than 32 recipients" pm-report daily --mail --to "$(seq -s, -f 'r%g@example.com' 33)"
same "says so" "pm-report: --to: at most 32 recipients" "$(err)"
done_testing
