# The two commands of the quick start: `make demo` and `make test`.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
DB ?= demo/treatywatch-demo.db
TW := $(BUILD_DIR)/src/cli/treatywatch

.PHONY: deps build test demo bench clean

deps:
	./scripts/install-deps

build:
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(BUILD_DIR) -j $(JOBS)

test: deps build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS) --timeout 900

demo: deps build
	./scripts/demo "$(TW)" "$(DB)"

bench: deps build
	./bench/run "$(BUILD_DIR)"

clean:
	rm -rf $(BUILD_DIR)
