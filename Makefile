# pm - the property-management toolkit.  One hand-written Makefile.
#
#   make            build bin/pm-* (into $(O), default build/)
#   make demo       build, play a month at the demo estate into demo.db
#                   (examples/demo-month.sh) and print its report
#   make check      unit tests, CLI tests, man page lint, then all again
#                   built with -fsanitize=address,undefined
#   make bench      the benchmarks in bench/
#   make install    PREFIX, DESTDIR, BINDIR, MANDIR as usual
#
# CFLAGS is yours; the project's warnings and flags are added apart.

VERSION = 0.2.0
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man

CC ?= cc
CFLAGS ?= -O2 -g
PKG_CONFIG ?= pkg-config
O ?= build

PM_CFLAGS = -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -Wshadow \
	-Wno-unused-parameter -Ilibpm -I$(O) -DPM_VERSION='"$(VERSION)"' \
	$(SAN_FLAGS) $(shell $(PKG_CONFIG) --cflags sqlite3 yaml-0.1 2>/dev/null)
# --as-needed: a tool that never reads YAML does not load libyaml at start.
PM_LIBS = -Wl,--as-needed $(shell $(PKG_CONFIG) --libs sqlite3 yaml-0.1 2>/dev/null) -lm
CHECK_CFLAGS = $(shell $(PKG_CONFIG) --cflags check 2>/dev/null)
CHECK_LIBS = $(shell $(PKG_CONFIG) --libs check 2>/dev/null)

LIB_SRC = $(sort $(wildcard libpm/*.c))
LIB_OBJ = $(LIB_SRC:%.c=$(O)/%.o) $(O)/schema.o $(O)/catalog_zh.o
CMD_SRC = $(sort $(wildcard cmd/pm-*.c))
BINS = $(CMD_SRC:cmd/%.c=$(O)/bin/%)
UNIT_SRC = $(sort $(wildcard tests/unit/check_*.c))
UNIT_OBJ = $(UNIT_SRC:%.c=$(O)/%.o) $(O)/tests/unit/runner.o
SCHEMA = $(sort $(wildcard schema/*.sql))
MAN1 = $(sort $(wildcard man/man1/*.1))
MAN5 = $(sort $(wildcard man/man5/*.5))
MAN7 = $(sort $(wildcard man/man7/*.7))
FUZZ_SRC = $(sort $(wildcard tests/fuzz/fuzz_*.c))

all: $(BINS)

$(O)/libpm.a: $(LIB_OBJ)
	@mkdir -p $(@D)
	rm -f $@
	ar rcs $@ $(LIB_OBJ)

$(O)/%.o: %.c $(wildcard libpm/*.h)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(PM_CFLAGS) -c -o $@ $<

# The version is compiled into the frame of every binary.
$(O)/libpm/cli.o: Makefile

$(O)/schema.c: $(SCHEMA) tools/embed-schema.sh
	@mkdir -p $(@D)
	sh tools/embed-schema.sh $(SCHEMA) > $@.tmp && mv $@.tmp $@

$(O)/schema.o: $(O)/schema.c libpm/db.h
	$(CC) $(CFLAGS) $(PM_CFLAGS) -c -o $@ $<

# The Chinese message catalogue, compiled into the library (see i18n.h).
$(O)/catalog_zh.c: po/zh_CN.po tools/po2c.awk
	@mkdir -p $(@D)
	awk -v name=pm_catalog_zh -f tools/po2c.awk po/zh_CN.po > $@.tmp && mv $@.tmp $@

$(O)/catalog_zh.o: $(O)/catalog_zh.c libpm/i18n.h
	$(CC) $(CFLAGS) $(PM_CFLAGS) -c -o $@ $<

$(O)/bin/%: $(O)/cmd/%.o $(O)/libpm.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SAN_FLAGS) $(LDFLAGS) -o $@ $< $(O)/libpm.a $(PM_LIBS)

# The unit-test runner learns its suites from the file names.
$(O)/tests/unit/suites.h: $(UNIT_SRC)
	@mkdir -p $(@D)
	for f in $(UNIT_SRC); do n=$${f##*/check_}; echo "PM_SUITE($${n%.c})"; done > $@

$(O)/tests/unit/%.o: tests/unit/%.c $(O)/tests/unit/suites.h $(wildcard libpm/*.h) $(wildcard tests/unit/*.h)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(PM_CFLAGS) $(CHECK_CFLAGS) -Itests/unit -I$(O)/tests/unit -c -o $@ $<

$(O)/check_pm: $(UNIT_OBJ) $(O)/libpm.a
	$(CC) $(CFLAGS) $(SAN_FLAGS) $(LDFLAGS) -o $@ $(UNIT_OBJ) $(O)/libpm.a $(CHECK_LIBS) $(PM_LIBS)

deps:
	@sh tools/deps.sh

# Run one build's tests: unit tests, then the CLI scripts with that
# build's binaries first on PATH.
test: $(BINS) $(O)/check_pm
	CK_FORK=yes $(O)/check_pm
	PM_TEST_BIN=$(CURDIR)/$(O)/bin sh tests/cli/run.sh tests/cli/*.t

lint-man:
	mandoc -Tlint -Wwarning $(MAN1) $(MAN5) $(MAN7)

# Every message in the code has its zh_CN translation (tools/po-check.sh);
# "make po" merges new messages into po/zh_CN.po for a translator.
po-check:
	sh tools/po-check.sh $(O)

po:
	sh tools/po-check.sh $(O) update

# The fuzz smoke runs where clang is (its libFuzzer builds the targets).
# The sanitizers slow the unit tests severalfold: Check's timeouts are
# stretched for them, so a busy machine does not fail a test for time.
check: deps
	$(MAKE) test
	$(MAKE) lint-man
	$(MAKE) po-check
	CK_TIMEOUT_MULTIPLIER=5 $(MAKE) O=build/asan SAN_FLAGS='-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all' CFLAGS='-O1 -g' test
	@if command -v clang >/dev/null 2>&1; then $(MAKE) fuzz-smoke; \
	else echo "make check: no clang, fuzz smoke skipped"; fi
	@echo "make check: all passed"

# deps runs first and alone: the pkg-config flags above are read when make
# starts, so what deps installs is seen by the make it starts next.
demo: deps
	$(MAKE) all
	rm -f demo.db demo.db-wal demo.db-shm
	PATH="$(CURDIR)/$(O)/bin:$$PATH" PM_DB=demo.db sh examples/demo-month.sh

bench: all
	sh bench/run.sh $(O)/bin

# The library is compiled once for the fuzzers (instrumented, not linked
# with libFuzzer's main), and each target links it: six targets do not
# compile it six times.
FUZZ_CFLAGS = -g -O1 -Ilibpm -D_GNU_SOURCE -DPM_VERSION='"$(VERSION)"'
FUZZ_OBJ = $(patsubst %.c,build/fuzz/%.o,$(LIB_SRC) $(O)/schema.c $(O)/catalog_zh.c)

build/fuzz/%.o: %.c
	@mkdir -p $(@D)
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link,address,undefined -c -o $@ $<

fuzz: $(FUZZ_OBJ)
	@for f in $(FUZZ_SRC); do n=$${f##*/}; n=$${n%.c}; \
	  clang $(FUZZ_CFLAGS) -fsanitize=fuzzer,address,undefined \
	    -o build/$$n $$f $(FUZZ_OBJ) $(PM_LIBS) || exit 1; done

# A short, repeatable run of every fuzz target (fixed seed and count), so
# a parser that crashes on odd input is caught in CI; "make fuzz" builds
# them for longer runs by hand.
fuzz-smoke: fuzz
	@for f in $(FUZZ_SRC); do n=$${f##*/}; n=$${n%.c}; \
	  echo "fuzz: $$n"; build/$$n -seed=1 -runs=20000 -max_len=4096 2>build/$$n.log || \
	    { tail -30 build/$$n.log; exit 1; }; done

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7
	cp $(BINS) $(DESTDIR)$(BINDIR)/
	cp $(MAN1) $(DESTDIR)$(MANDIR)/man1/
	cp $(MAN5) $(DESTDIR)$(MANDIR)/man5/
	cp $(MAN7) $(DESTDIR)$(MANDIR)/man7/

uninstall:
	for b in $(BINS); do rm -f $(DESTDIR)$(BINDIR)/$${b##*/}; done
	for m in $(MAN1) $(MAN5) $(MAN7); do rm -f $(DESTDIR)$(MANDIR)/$${m#man/}; done

clean:
	rm -rf build demo.db demo.db-wal demo.db-shm

.PHONY: all deps test lint-man po-check po check demo bench fuzz fuzz-smoke install uninstall clean
.SUFFIXES:
# Keep objects make would see as intermediate, so a second build relinks nothing.
.SECONDARY:
