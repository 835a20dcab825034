# Entry points a new user runs (README): `make demo` and `make test`. Both install dependencies first.
BUILD ?= build
PRESET ?= release
JOBS ?= $(shell nproc)

.PHONY: deps build demo test asan fuzz bench clean

deps:
	bash scripts/install-deps.sh

build: deps
	cmake --preset $(PRESET) >/dev/null
	cmake --build --preset $(PRESET) -j $(JOBS)

demo: build
	bash scripts/demo.sh $(BUILD)/mdbc

test: build
	ctest --preset $(PRESET) -j $(JOBS)

asan: deps
	cmake --preset asan >/dev/null
	cmake --build --preset asan -j $(JOBS)
	ctest --preset asan -j $(JOBS)

fuzz: deps
	cmake --preset fuzz >/dev/null
	cmake --build --preset fuzz -j $(JOBS)

clean:
	rm -rf build build-asan build-fuzz
