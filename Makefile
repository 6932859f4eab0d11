# The two commands of the quick start: `make demo` and `make test`.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
DB ?= demo/treatywatch-demo.db
TW := $(BUILD_DIR)/src/cli/treatywatch

.PHONY: deps build test test-postgres demo bench fuzz clean

deps:
	./scripts/install-deps

# `make demo` and `make test` share one tree built for compile time (-O1, no debug info: CI has
# a time budget); `make bench` builds its own tree at -O2 with line tables, and the benchmarks.
# The benchmark tree goes without precompiled headers: its code is what gets measured, and GCC
# inlines a little differently under one.
BENCH ?= OFF
OPT ?= -O1
DEBUG_INFO ?= -g0
PCH ?= ON
build:
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTW_OPT_LEVEL=$(OPT) -DTW_DEBUG_INFO=$(DEBUG_INFO) -DTW_BUILD_BENCH=$(BENCH) -DTW_PRECOMPILED_HEADERS=$(PCH)
	cmake --build $(BUILD_DIR) -j $(JOBS)

# Every test, the store tests on SQLite and on a throw-away PostgreSQL cluster alike.
test: deps build
	./scripts/with-postgres sh -c 'cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS) --timeout 900'

# Only the PostgreSQL store tests (conformance suite, PostgreSQL-only tests, migrate).
test-postgres: deps build
	./scripts/with-postgres sh -c 'cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS) --timeout 900 -R "Postgres"'

# Ends by serving the demo database in the browser until Ctrl-C (TW_DEMO_SERVE=0: don't).
PORT ?= 8080
demo: deps build
	TW_DEMO_PORT=$(PORT) ./scripts/demo "$(TW)" "$(DB)"

BENCH_DIR ?= build-bench
bench: deps
	$(MAKE) build BUILD_DIR=$(BENCH_DIR) BENCH=ON OPT=-O2 DEBUG_INFO=-g1 PCH=OFF
	./bench/run "$(BENCH_DIR)"

# Short fuzzing runs of the readers and the parser (clang, ASan/UBSan), seeded from the corpus.
FUZZ_SECONDS ?= 60
fuzz:
	./scripts/install-deps fuzz
	cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DTW_FUZZ=ON -DTW_BUILD_TESTS=OFF -DTW_BUILD_BENCH=OFF -DTW_WERROR=OFF
	cmake --build build-fuzz -j $(JOBS) --target structure_parser_fuzzer reader_fuzzer
	mkdir -p build-fuzz/corpus-parser && cp ../shared/corpus/*.txt demo/*.txt build-fuzz/corpus-parser/ 2>/dev/null || true
	build-fuzz/tests/fuzz/structure_parser_fuzzer -max_total_time=$(FUZZ_SECONDS) -max_len=65536 build-fuzz/corpus-parser
	build-fuzz/tests/fuzz/reader_fuzzer -max_total_time=$(FUZZ_SECONDS) -max_len=65536

clean:
	rm -rf $(BUILD_DIR)
