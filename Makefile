# MotCua: `make demo` to see it, `make test` to check it. Everything it needs is installed from here.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
MOTCUA := $(VENV)/bin/motcua
STAMP := $(VENV)/.installed-stamp
DEV_ENV := MOTCUA_DEBUG=1
REPORTS_ROWS ?= 200000
IMPORT_ROWS ?= 200000
INDEX_ROWS ?= 300000

.PHONY: install system-packages messages demo test lint format bench

install: system-packages $(STAMP) messages

system-packages:
	@sh scripts/install-system-packages.sh

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

messages: $(STAMP)
	@cd motcua && $(DEV_ENV) ../$(MOTCUA) compilemessages --ignore '*/node_modules/*' > /dev/null

demo: install
	$(DEV_ENV) $(MOTCUA) migrate --noinput
	$(DEV_ENV) $(MOTCUA) demo-data
	$(DEV_ENV) MOTCUA=$(MOTCUA) sh scripts/demo-serve.sh

test: install lint
	$(PY) scripts/run_tests.py $(ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: install
	$(DEV_ENV) $(PY) bench/worktime.py
	$(DEV_ENV) $(PY) bench/outbox.py
	$(DEV_ENV) $(PY) bench/intake.py
	$(PY) bench/legacy_import.py --rows $(IMPORT_ROWS)
	$(PY) bench/reports.py --rows $(REPORTS_ROWS)
	$(PY) bench/indexes.py --rows $(INDEX_ROWS)
