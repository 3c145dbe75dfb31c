# Two entry points for a fresh machine (README): `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

## Build, validate and answer the article's questions.
demo: $(STAMP)
	$(BIN)/pskg build
	$(BIN)/pskg validate
	$(BIN)/pskg info
	$(BIN)/pskg query members-in-year --param org=CSTO --param year=2019
	$(BIN)/pskg query disagreements
	$(BIN)/pskg query csto-spending-2018

## Lint, type-check, then the whole test suite.
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	scripts/install-test-services.sh
	PYTHON=$(BIN)/python scripts/fetch-shacl-suite.sh
	$(BIN)/pytest

clean:
	rm -rf dist .pytest_cache .ruff_cache
