#!/bin/sh
# Chinese for the people who use pm, the same machine output for
# programs: the language follows the environment, else the estate file;
# words and codes are read as a Chinese input method types them; the
# spreadsheet format is safe to open.
. "$PM_TOP/tests/cli/lib.sh"

pm-db init > /dev/null && pm-db apply "$PM_TOP/examples/aijia.yaml" > /dev/null ||
	{ echo "Bail out! cannot set up the estate"; exit 1; }
export PM_USER=zhang.wei
PM_NOW=2026-11-23T09:00; export PM_NOW
out() { cat "$PM_TMP/out"; }
err() { cat "$PM_TMP/err"; }
zh() { env LANG=zh_CN.UTF-8 LC_ALL= LANGUAGE= "$@"; }
# cjk: whether the input holds Chinese (a script, so sh -c can run it).
printf '%s\n' '#!/bin/sh' 'exec python3 -c "import sys, re; sys.exit(0 if re.search(\"[\\u4e00-\\u9fff]\", sys.stdin.read()) else 1)"' > "$PM_TMP/cjk"
chmod +x "$PM_TMP/cjk"
PATH=$PM_TMP:$PATH

ok "set an owner, occupancy in Chinese" pm-unit set --occupancy 自住 --owner 王建国 ３－１－５０２
same "the full-width code is 3-1-502" "3-1-502" "$(out)"
same "stored as the identifier" "occupied" "$(pm-unit show 3-1-502 | cut -f8)"
ok "a public area in lower case" pm-ticket add -c lift-trapped -u p-gate-n 门岗电梯
same "is found" "P-GATE-N" "$(pm-ticket list | cut -f6)"
ok "kinds and sources in Chinese" pm-ticket add -k 投诉 -s 来访 -c noise -u 3-1-502 夜间噪音
same "stored as identifiers" "complaint	walk-in" "$(pm-ticket show -o json 2 | python3 -c 'import json, sys; t = json.load(sys.stdin); print(t["kind"] + "\t" + t["source"])')"

# Machine output is the same in every language.
for f in tsv csv json; do
	pm-ticket list -o $f > "$PM_TMP/en.$f"
	zh pm-ticket list -o $f > "$PM_TMP/zh.$f"
	same "$f is the same in Chinese" "$(cat "$PM_TMP/en.$f")" "$(cat "$PM_TMP/zh.$f")"
done

# People read Chinese: headings, values, messages, usage and help.
ok "a table in Chinese" zh pm-unit list -o table -b 3
has "headings in Chinese" "$(head -1 "$PM_TMP/out")" "$(zh pm-unit list -o table -b 3 | head -1 | grep -o '^[^ ]*')"
same "not the English headings" "" "$(head -1 "$PM_TMP/out" | grep -o 'occupancy')"
has "values in Chinese" "$(out)" "自住"
ok "every heading has its translation" sh -c 'head -1 "$PM_TMP/out" | python3 -c "import sys, re; sys.exit(1 if re.search(\"[a-z_]{3,}\", sys.stdin.read()) else 0)"'
fails 65 "a wrong word" zh pm-unit list -s 空房子
has "lists the valid ones in Chinese" "$(err)" "自住"
has "quotes the value the Chinese way" "$(err)" "“空房子”"
fails 66 "an unknown code" zh pm-ticket add -c leak -u 3-1-502 x
has "suggests the nearest, in Chinese" "$(err)" "water-leak"
ok "usage in Chinese" sh -c 'env LANG=zh_CN.UTF-8 pm-ticket add --help | cjk'
ok "the English stays for C" sh -c 'env LC_ALL=C pm-ticket add --help | grep -q "^usage: "'

# The environment decides; when it names none (cron), the estate does.
ok "no language in the environment: the estate's (zh_CN)" \
	sh -c 'env -u LANG -u LC_ALL -u LC_MESSAGES -u LANGUAGE pm-ticket list -o table | head -1 | cjk'
ok "LANGUAGE picks Chinese under an English locale" \
	sh -c 'env LANG=en_US.UTF-8 LC_ALL= LANGUAGE=zh_CN:en pm-ticket list -o table | head -1 | cjk'
ok "but not under C" \
	sh -c 'env LC_ALL=C LANGUAGE=zh_CN pm-ticket list -o table | head -1 | grep -q "^id "'
ok "LC_MESSAGES counts" \
	sh -c 'env LANG= LC_ALL= LC_MESSAGES=zh_CN.UTF-8 pm-ticket list -o table | head -1 | cjk'

# The spreadsheet format: a byte order mark, headings for people, and
# text cells that a spreadsheet would take for a formula made inert.
ok "a complaint that looks like a formula" pm-ticket add -k complaint -c noise -u 3-1-501 '=HYPERLINK("http://x","点我")'
ok "and others" pm-ticket add -c noise -u 3-1-501 '+86 138 0000'
ok "excel" pm-ticket list -o excel
same "starts with a byte order mark" "efbbbf" "$(head -c 3 "$PM_TMP/out" | od -An -tx1 | tr -d ' \n')"
has "the formula is text" "$(out)" "\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\""
has "so is the plus" "$(out)" ",'+86 138 0000"
has "numbers stay numbers" "$(sed -n 2p "$PM_TMP/out")" "1,2026-11-23T09:00,1,"
ok "in Chinese" zh pm-ticket list -o excel
has "with Chinese headings and values" "$(out)" "投诉"
ok "plain csv stays exact" pm-ticket list -o csv
has "the formula as it was typed" "$(out)" "\"=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\""
ok "no byte order mark" sh -c 'pm-ticket list -o csv | head -c 2 | grep -q "^id"'
done_testing
