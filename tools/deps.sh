#!/bin/sh
# Make sure the build dependencies are installed (Debian 12 names).  As
# root, install what is missing; otherwise print the exact command and fail.
# The libraries and tools to build; mandoc, sqlite3, python3 and gettext
# (xgettext, msgfmt: the message catalogue is complete) are for the
# tests, tzdata for the estate's time zone.
#
# "deps.sh browser": the headless browser and a Chinese font that the
# screenshot test of pm-report's HTML uses (tests/cli/0720); as another
# user it prints the command and exits 2, so that test is skipped.
pkgs="libsqlite3-dev libyaml-dev check pkg-config mandoc tzdata sqlite3 python3 gettext"
[ "${1:-}" = browser ] && pkgs="chromium fonts-wqy-microhei"
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'install ok installed' ||
	    missing="$missing $p"
done
if [ "${1:-}" != browser ]; then
	command -v cc >/dev/null 2>&1 || missing="$missing gcc"
	command -v make >/dev/null 2>&1 || missing="$missing make"
fi
[ -z "$missing" ] && exit 0
if ! command -v dpkg-query >/dev/null 2>&1; then
	echo "deps: not a Debian system; install SQLite 3, libyaml 0.2, Check, pkg-config, mandoc and tzdata" >&2
	exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
	echo "deps: installing$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing
	exit $?
fi
echo "deps: missing$missing; install them with:" >&2
echo "  sudo apt-get install -y$missing" >&2
[ "${1:-}" = browser ] && exit 2
exit 1
