# Two entry points for a fresh machine (README): `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# grlc (the test that serves queries/ with it) pins its own dependencies: its own virtualenv.
GRLC_VERSION := 1.3.11
GRLC_VENV ?= .venv-grlc
GRLC_STAMP := $(GRLC_VENV)/.installed

.PHONY: demo test lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

$(GRLC_STAMP): Makefile
	$(PYTHON) -m venv $(GRLC_VENV)
	$(GRLC_VENV)/bin/pip install --quiet --disable-pip-version-check grlc==$(GRLC_VERSION)
	touch $(GRLC_STAMP)

## Build, validate and answer the article's questions.
demo: $(STAMP)
	$(BIN)/pskg build
	$(BIN)/pskg validate
	$(BIN)/pskg info
	$(BIN)/pskg query members-in-year --param org=CSTO --param year=2019
	$(BIN)/pskg query disagreements
	$(BIN)/pskg query csto-spending-2018

## Lint, type-check, then the whole test suite.
test: $(STAMP) $(GRLC_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	scripts/install-test-services.sh
	PYTHON=$(BIN)/python scripts/fetch-shacl-suite.sh
	$(BIN)/pytest

clean:
	rm -rf dist .pytest_cache .ruff_cache
