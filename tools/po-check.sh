#!/bin/sh
# po-check.sh - the message catalogue is complete: every message, usage
# line, heading and label in the code has its Chinese translation, none is
# fuzzy, and the formats of each pair agree (msgfmt -c).
#
#	sh tools/po-check.sh BUILD_DIR          check (make check runs it)
#	sh tools/po-check.sh BUILD_DIR update   merge new messages into the .po
#
# What is a message: the text of _() and N_(), the format of pm_err(),
# pm_warn() and pm_die(), and of the file-position helpers of the readers
# (rerr/here in rec.c, est_at/est_at_code of the estate file's sections,
# line_err in clock.c).
# Text made at run time (pm_errs) is not.  The catalogue keeps no source
# locations: they would change with every edit of any file and make
# every branch's catalogue conflict with every other's.
set -eu
o=${1:?build directory}
mode=${2:-check}
mkdir -p "$o"
xgettext --from-code=UTF-8 --language=C --no-wrap --sort-output \
	--no-location \
	--add-comments=TRANSLATORS --package-name=pm \
	-k_ -kN_ -kpm_err:2 -kpm_warn:1 -kpm_die:2 \
	-krerr:4 -khere:2 -kest_at_code:4 -kest_at:3 -kline_err:5 \
	--flag=pm_err:2:c-format --flag=pm_warn:1:c-format \
	--flag=pm_die:2:c-format --flag=rerr:4:c-format --flag=here:2:c-format \
	--flag=est_at_code:4:c-format --flag=est_at:3:c-format --flag=line_err:5:c-format \
	-o "$o/pm.pot" libpm/*.c cmd/*.c
if [ "$mode" = update ]; then
	msgmerge --quiet --update --no-wrap --backup=none po/zh_CN.po "$o/pm.pot"
	msgfmt --statistics -o /dev/null po/zh_CN.po
	exit 0
fi
status=0
# Every message of the code is in the catalogue...
msgcmp po/zh_CN.po "$o/pm.pot" || status=1
# ...translated, not fuzzy, with formats that agree.
stats=$(msgfmt -c --statistics -o /dev/null po/zh_CN.po 2>&1) || status=1
case "$stats" in
*untranslated*|*fuzzy*) echo "po-check: po/zh_CN.po: $stats" >&2; status=1 ;;
esac
[ $status -eq 0 ] && echo "po-check: $(grep -c '^msgid ' "$o/pm.pot") messages, all translated"
exit $status
