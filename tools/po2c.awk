# po2c.awk - compile a PO catalogue into C: an array of (msgid, msgstr)
# pairs for libpm/i18n.c.  The strings of a PO file are C string
# literals already, so they are copied as they stand.  Fuzzy entries and
# the header are left out; a msgctxt is joined to its msgid by \004, as
# GNU gettext does; a plural entry gives its msgid and its msgid_plural
# the one form Chinese has (msgstr[0]).
#
#	awk -v name=pm_catalog_zh -f tools/po2c.awk po/zh_CN.po > catalog.c

function flush() {
	if (id != "" && id != "\"\"" && str != "" && !fuzzy) {
		print "\t{ " (ctxt != "" ? ctxt " \"\\004\" " : "") id ", " str " },"
		n++
		if (plural != "") {
			print "\t{ " (ctxt != "" ? ctxt " \"\\004\" " : "") plural ", " str " },"
			n++
		}
	}
	id = str = ctxt = plural = ""
	fuzzy = 0
	cur = ""
}
function append(s) {
	if (cur == "id") id = id " " s
	else if (cur == "str") str = str " " s
	else if (cur == "ctxt") ctxt = ctxt " " s
	else if (cur == "plural") plural = plural " " s
}
BEGIN {
	print "/* Generated from a PO file by tools/po2c.awk: do not edit. */"
	print "#include \"i18n.h\""
	print ""
	print "const struct pm_msg " name "[] = {"
	n = 0
}
/^#,.*fuzzy/ { flush(); fuzzy = 1; next }
/^#/ { if (cur != "") { f = fuzzy; flush(); fuzzy = f } next }
/^[ \t]*$/ { flush(); next }
/^msgctxt / { if (cur == "str" || cur == "") { f = fuzzy; flush(); fuzzy = f } cur = "ctxt"; ctxt = substr($0, 9); next }
/^msgid / { if (cur == "str") { f = fuzzy; flush(); fuzzy = f } cur = "id"; id = substr($0, 7); next }
/^msgid_plural / { cur = "plural"; plural = substr($0, 14); next }
/^msgstr\[0\] / { cur = "str"; str = substr($0, 11); next }
/^msgstr\[[1-9]/ { cur = "skip"; next }
/^msgstr / { cur = "str"; str = substr($0, 8); next }
/^"/ { append($0); next }
END {
	flush()
	print "\t{ 0, 0 }"
	print "};"
	print "const int " name "_n = " n ";"
}
