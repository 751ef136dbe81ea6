# Every target creates .venv from the pinned requirements on first use, so a
# fresh machine with Python 3.11 needs nothing else.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

BASE ?= main

.PHONY: diff site downloads serve test validate frictionless-cli format coverage lint typecheck audit-workflows pytest browser-deps bench bench-lighthouse bench-scale bench-preview clean

$(STAMP): requirements.txt pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed: install it, or run make PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

## site: build the whole site into site/ (validates the data first; strict; replaced only on success)
site: $(STAMP)
	$(BIN)/csto-site build site

## downloads: validate, then write every download format (xlsx, SQLite, Parquet, JSON, Stata, iCalendar, Atom, zip) to downloads/
downloads: $(STAMP) validate
	$(BIN)/csto-downloads downloads

## serve: preview at http://127.0.0.1:8000; a saved CSV, template or generator change shows in seconds
## (--dirty: only pages whose text changed are rendered again; a bad edit keeps the last good site;
## not --strict, as MkDocs warns on every dirty build: `make site` is the strict build)
serve: $(STAMP) validate
	$(BIN)/mkdocs serve --dirty

## validate: check every CSV against datapackage.json and the project's rules
## (SCHEMA_BASE=origin/main: against datapackage.json as it is on that branch, as CI does for pull requests)
validate: $(STAMP)
	$(BIN)/csto-validate $(if $(SCHEMA_BASE),--schema-from $(SCHEMA_BASE))

## diff: rows added, removed and changed per table since BASE (default main), keyed by primary key
diff: $(STAMP)
	$(BIN)/csto-diff $(BASE)

## format: rewrite every CSV in canonical form (sorted, UTF-8, LF, minimal quoting)
format: $(STAMP)
	$(BIN)/csto-format

## coverage: print what the dataset covers and where its gaps are
coverage: $(STAMP)
	$(BIN)/csto-coverage

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts

typecheck: $(STAMP)
	$(BIN)/mypy

audit-workflows: $(STAMP)
	$(BIN)/zizmor --offline --pedantic .github/workflows

## browser-deps: Debian's chromium and the pinned npm packages (axe-core, lighthouse), only if missing
browser-deps:
	bash scripts/browser_deps.sh

pytest: $(STAMP) browser-deps
	$(BIN)/pytest

## bench: Lighthouse scores of four pages, the preview latency and the 1,000/10,000-event scale benchmark
## with its pipeline/anchor ratio (not a test gate)
bench: bench-lighthouse bench-preview bench-scale

bench-lighthouse: $(STAMP) browser-deps
	$(BIN)/python scripts/bench.py lighthouse

bench-scale: $(STAMP)
	$(BIN)/python scripts/bench.py scale

bench-preview: $(STAMP)
	$(BIN)/python scripts/bench.py preview

## test: every check and test (the command CI runs)
test: validate frictionless-cli lint typecheck audit-workflows pytest

# The plain frictionless CLI must accept the package too, as data users run it.
frictionless-cli: $(STAMP)
	$(BIN)/frictionless validate datapackage/datapackage.json

clean:
	rm -rf site downloads .venv .pytest_cache .mypy_cache .ruff_cache node_modules bench-output
