# workreport: `make run` serves the API on the bundled SQLite database; `make test` checks everything.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PIP_INSTALL := $(BIN)/python -m pip install --quiet --disable-pip-version-check

.PHONY: install test lint typecheck pytest schema dataset clients run bench fuzz clean

$(STAMP): pyproject.toml constraints.txt schema/pyproject.toml pipeline/pyproject.toml api/pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP_INSTALL) "pip>=25.1,<27"
	$(PIP_INSTALL) -c constraints.txt -e ./schema -e ./pipeline -e ./api --group dev
	@touch $(STAMP)

install: $(STAMP) ## Create .venv and install every distribution and the dev tools.

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy

pytest: install
	$(BIN)/pytest

test: lint typecheck pytest ## ruff, mypy and the whole test suite.

schema: install ## Regenerate the published JSON Schema files.
	$(BIN)/workreport-schema export

clean:
	rm -rf $(VENV) var
