# The two quick-start commands: `make demo` and `make test` (see README.md).
SWIFT ?= swift
BANSOU = .build/debug/bansou

.PHONY: setup build demo test fuzz fuzz-merge bench clean

setup:
	@scripts/setup

build: setup
	$(SWIFT) build

## Installs what is missing, builds, and generates the sample portal and reports from Content/.
## Pagefind is optional (scripts/setup), and `--pagefind` without it exits 3: ask for it only when present.
demo: build
	$(BANSOU) build --pdf $$(python3 -c 'import pagefind_bin_extended' 2>/dev/null || command -v pagefind_extended >/dev/null || command -v pagefind >/dev/null || exit 0; echo --pagefind)
	@echo "Open Output/site/index.html (portal) and Output/reports/index.html (internal dashboard)."

## The whole test suite: unit, end-to-end (the real binary on fixture sites) and the PDF check;
## then tests/browser on the sample portal: Nu HTML checker, axe-core and headless Chromium.
## pytest exits non-zero on a failure and also when it collects no test (5), failing the target.
## Before the browser tests, the libFuzzer targets of Fuzz/: a sanitizer build in .build-fuzz, each
## target 30 s on the committed seed corpus (Fuzz/Corpus); a crash fails the target (docs/design.md, "Fuzzing").
test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	scripts/fuzz build
	scripts/fuzz check 30
	PYTHONDONTWRITEBYTECODE=1 python3 -m pytest -q -p no:cacheprovider tests/browser

## Fuzzing campaign: each target FUZZ_SECONDS (default 600) on the growing working corpus in
## .build-fuzz/corpus; prints one summary line per target (executions, coverage, crashes).
FUZZ_SECONDS ?= 600
fuzz: setup
	scripts/fuzz build
	scripts/fuzz run $(FUZZ_SECONDS)

## Adds the inputs of the working corpus that reach new coverage to the committed seeds (Fuzz/Corpus).
fuzz-merge:
	scripts/fuzz merge

## Not a test: times a build of N synthetic stories (default 10,000) on /dev/shm.
bench: setup
	scripts/bench

clean:
	rm -rf .build .build-fuzz Output/site Output/reports
