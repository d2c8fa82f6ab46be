# The two quick-start commands: `make demo` and `make test` (see README.md).
SWIFT ?= swift
BANSOU = .build/debug/bansou

.PHONY: setup build demo test bench clean

setup:
	@scripts/setup

build: setup
	$(SWIFT) build

## Installs what is missing, builds, and generates the sample portal and reports from Content/.
demo: build
	$(BANSOU) build --pdf --pagefind
	@echo "Open Output/site/index.html (portal) and Output/reports/index.html (internal dashboard)."

## The whole test suite: unit, end-to-end (the real binary on fixture sites) and the PDF check;
## then tests/browser on the sample portal: Nu HTML checker, axe-core and headless Chromium.
## pytest exits non-zero on a failure and also when it collects no test (5), failing the target.
test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	PYTHONDONTWRITEBYTECODE=1 python3 -m pytest -q -p no:cacheprovider tests/browser

## Not a test: times a build of N synthetic stories (default 10,000) on /dev/shm.
bench: setup
	scripts/bench

clean:
	rm -rf .build Output/site Output/reports
