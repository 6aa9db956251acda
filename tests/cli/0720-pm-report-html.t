#!/bin/sh
# pm-report -o html in a real browser: the page of the scripted month is
# rendered by headless Chromium (Debian's chromium package, installed by
# tools/deps.sh when run as root; skipped otherwise, with the command to
# install it), and the screenshot is checked: the charts are drawn (the
# colours of the bars and lines are there in quantity) and the Chinese
# text is drawn with real glyphs (changing the title's characters changes
# the picture; missing glyphs would all be the same empty box).
. "$PM_TOP/tests/cli/lib.sh"

deps=$(sh "$PM_TOP/tools/deps.sh" browser 2>&1)
case $? in
0)	;;
2)	echo "ok 1 # SKIP no headless browser; install it with: $(printf '%s\n' "$deps" | sed -n 's/^ *//; s/^sudo //p')"
	echo "1..1"
	exit 0 ;;
*)	echo "Bail out! cannot install the browser: $deps"
	exit 1 ;;
esac
browser=$(command -v chromium || command -v chromium-browser)
[ -n "$browser" ] || { echo "Bail out! chromium is installed but not on PATH"; exit 1; }

. "$PM_TOP/tests/data/report-month.sh"
at 2026-12-01T07:00
zh() { env LANG=zh_CN.UTF-8 LC_ALL= LANGUAGE= "$@"; }
ok "the month's page" zh pm-report monthly -o html 2026-11
cp "$PM_TMP/out" "$PM_TMP/report.html"
has "a page" "$(head -1 "$PM_TMP/report.html")" "<!DOCTYPE html>"
has "in Chinese" "$(cat "$PM_TMP/report.html")" "<h1>测试花园 月报 2026-11</h1>"
same "the bars, and one trend for each of the thirteen figures" "14" "$(grep -c '^<svg ' "$PM_TMP/report.html")"
same "self-contained: nothing fetched" "" "$(grep -o 'src=\|href=\|@import\|url(' "$PM_TMP/report.html")"
ok "the HTML is well formed XML where SVG is concerned" python3 -c '
import re, sys, xml.dom.minidom
page = open(sys.argv[1], encoding="utf-8").read()
svgs = re.findall(r"<svg .*?</svg>", page, re.S)
assert len(svgs) == 14
for s in svgs:
    xml.dom.minidom.parseString(s)
' "$PM_TMP/report.html"
# The same page with the title's characters changed, for the glyph test.
sed 's|<h1>测试花园 月报|<h1>园花试测 报月|' "$PM_TMP/report.html" > "$PM_TMP/other.html"

shot() {
	"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
	    --no-first-run --disable-dev-shm-usage --window-size=1000,2400 \
	    --screenshot="$2" "file://$1" > "$PM_TMP/chromium.log" 2>&1
}
ok "Chromium renders it" shot "$PM_TMP/report.html" "$PM_TMP/shot.png"
ok "and the other" shot "$PM_TMP/other.html" "$PM_TMP/other.png"
ok "the screenshot shows the charts and the Chinese text" python3 - "$PM_TMP/shot.png" "$PM_TMP/other.png" <<'EOF'
import struct, sys, zlib

def pixels(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and ctype in (2, 6) and interlace == 0, (depth, ctype)
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw, rows, prev = zlib.decompress(idat), [], bytearray(w * bpp)
    stride = w * bpp
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return w, h, bpp, rows

def count(img, rgb, tol=12):
    w, h, bpp, rows = img
    n = 0
    for line in rows:
        for x in range(0, w * bpp, bpp):
            if all(abs(line[x + k] - rgb[k]) <= tol for k in range(3)):
                n += 1
    return n

shot, other = pixels(sys.argv[1]), pixels(sys.argv[2])
blue, red = count(shot, (0x1f, 0x77, 0xb4)), count(shot, (0xd6, 0x27, 0x28))
print("# chart pixels: blue %d, red %d" % (blue, red))
assert blue > 1500, "nothing drawn in blue (a bar met, the trend lines)"
assert red > 3000, "no bars drawn"
dark = count(shot, (0x22, 0x22, 0x22), tol=40)
print("# text pixels: %d" % dark)
assert dark > 2000, "no text drawn"
# The title's characters changed, the picture must change (in the title
# only): missing glyphs would all be the same box.
diff = sum(1 for a, b in zip(shot[3], other[3]) if a != b)
print("# rows that differ: %d" % diff)
assert 0 < diff < 80, diff
EOF
done_testing
