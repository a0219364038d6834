# recview - a terminal browser for review-team recommendations.
#
#   make run      install what is missing, build, open the bundled data set
#   make check    build and run every test; ends with "N passed, N failed"
#   make stress   crash (SIGKILL), two-process and full-disk tests of saving (tests/stress/)
#   make bench    load-time and memory benchmark on generated data sets
#   make fuzz     libFuzzer run of the loader (clang)
#   make install  PREFIX=/usr/local DESTDIR=

VERSION   = 0.1.0
PREFIX   ?= /usr/local
BINDIR    = $(PREFIX)/bin
DATADIR   = $(PREFIX)/share/recview/data
MANDIR    = $(PREFIX)/share/man/man1

CC       ?= cc
BUILD    ?= build
SAN      ?=
OPT      ?= -O2
PKG_CONFIG ?= pkg-config

CURSES_CFLAGS := $(filter-out -D_XOPEN_SOURCE% -D_DEFAULT_SOURCE,$(shell $(PKG_CONFIG) --cflags ncursesw 2>/dev/null))
CURSES_LIBS   := $(shell $(PKG_CONFIG) --libs ncursesw 2>/dev/null || echo -lncursesw)

WARN      = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CFLAGS   ?= $(OPT) -g
ALL_CFLAGS = -std=c11 $(WARN) $(CFLAGS) $(SAN)
CPPFLAGS += -Iinclude -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE \
	-DRECVIEW_VERSION='"$(VERSION)"' -DRECVIEW_DATADIR='"$(DATADIR)"'
LDLIBS_CORE = -lcsv -pthread

# The pure core: no curses header anywhere in it.
CORE_SRC = $(filter-out src/main.c,$(wildcard src/*.c))
UI_SRC   = $(wildcard src/ui/*.c)
CORE_OBJ = $(CORE_SRC:src/%.c=$(BUILD)/%.o)
UI_OBJ   = $(UI_SRC:src/%.c=$(BUILD)/%.o)
MAIN_OBJ = $(BUILD)/main.o
UNIT_SRC = $(wildcard tests/unit/*.c)
UNIT_OBJ = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/unit/%.o)

ifeq ($(BUILD),build)
BIN = recview
else
BIN = $(BUILD)/recview
endif

DEBIAN_PACKAGES = build-essential pkg-config libncurses-dev libcsv-dev libcmocka-dev tmux git

.PHONY: all run check check-unit check-screen stress deps bench fuzz install uninstall clean sanitize screenshots

all: $(BIN)

$(BIN): $(MAIN_OBJ) $(UI_OBJ) $(BUILD)/libcore.a
	$(CC) $(ALL_CFLAGS) -o $@ $(MAIN_OBJ) $(UI_OBJ) $(BUILD)/libcore.a $(CURSES_LIBS) $(LDLIBS_CORE) $(LDFLAGS)

$(BUILD)/libcore.a: $(CORE_OBJ)
	$(AR) rcs $@ $^

$(BUILD)/ui/%.o: src/ui/%.c | $(BUILD)/ui
	$(CC) $(ALL_CFLAGS) $(CPPFLAGS) $(CURSES_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/%.o: src/%.c | $(BUILD)
	$(CC) $(ALL_CFLAGS) $(CPPFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/unit/%.o: tests/unit/%.c | $(BUILD)/unit
	$(CC) $(ALL_CFLAGS) $(CPPFLAGS) -Wno-missing-prototypes -MMD -MP -c $< -o $@

$(BUILD)/unit-tests: $(UNIT_OBJ) $(BUILD)/libcore.a
	$(CC) $(ALL_CFLAGS) -o $@ $(UNIT_OBJ) $(BUILD)/libcore.a $(LDLIBS_CORE) -lcmocka $(LDFLAGS)

$(BUILD) $(BUILD)/ui $(BUILD)/unit $(BUILD)/bench:
	mkdir -p $@

-include $(CORE_OBJ:.o=.d) $(UI_OBJ:.o=.d) $(MAIN_OBJ:.o=.d) $(UNIT_OBJ:.o=.d)

# Installs the Debian packages that are missing (through sudo when not root).
deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

run: deps
	$(MAKE) all
	./$(BIN) data

check: deps
	$(MAKE) all $(BUILD)/unit-tests
	@BIN=./$(BIN) BUILD=$(BUILD) sh tests/run.sh

# Saving under stress: bursts of changes killed with SIGKILL, two processes on one data set, a full
# disk (root only: a tmpfs). About two minutes on two cores; each test prints the seed to replay it.
stress: all
	@BIN=./$(BIN) bash tests/stress/run.sh

# The same tests built with AddressSanitizer and UBSan, in a separate build directory.
sanitize: deps
	$(MAKE) check BUILD=build-san OPT=-O1 SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"

bench: $(BIN) $(BUILD)/libcore.a | $(BUILD)/bench
	$(CC) $(ALL_CFLAGS) $(CPPFLAGS) -o $(BUILD)/bench/gen tests/bench/gen.c
	$(CC) $(ALL_CFLAGS) $(CPPFLAGS) -o $(BUILD)/bench/bench tests/bench/bench.c $(BUILD)/libcore.a $(LDLIBS_CORE)
	RECVIEW_BIN=./$(BIN) sh tests/bench/run.sh $(BUILD)/bench

FUZZ_SECONDS ?= 60
fuzz:
	mkdir -p build-fuzz/corpus
	clang -std=c11 -g -O1 -Iinclude -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -fsanitize=fuzzer,address,undefined \
		-o build-fuzz/fuzz-load tests/fuzz/fuzz_load.c $(CORE_SRC) -lcsv -pthread
	cp -n tests/fuzz/seeds/*.csv tests/data/*/*.csv data/*.csv tests/data/csv-spectrum/csvs/*.csv tests/data/exports/*/*.csv tests/data/exports/*/*.txt \
		build-fuzz/corpus/ 2>/dev/null || true
	build-fuzz/fuzz-load -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -len_control=0 -timeout=10 \
		-dict=tests/fuzz/recview.dict -artifact_prefix=build-fuzz/ build-fuzz/corpus

# PNGs of the browser for the README, in screenshots/ (tmux, aha and headless Chromium).
screenshots: all
	BIN=./$(BIN) sh tests/screenshots/make.sh

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/recview
	install -m 644 data/*.csv data/README.md $(DESTDIR)$(DATADIR)/
	install -m 644 recview.1 $(DESTDIR)$(MANDIR)/recview.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/recview $(DESTDIR)$(MANDIR)/recview.1
	rm -rf $(DESTDIR)$(PREFIX)/share/recview

clean:
	rm -rf build build-san build-fuzz recview
