# newsevents — the two commands a new user needs are `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(CURDIR)/$(VENV)/bin
export PATH := $(BIN):$(PATH)
export AIRFLOW_HOME ?= $(CURDIR)/var/airflow
export AIRFLOW__CORE__DAGS_FOLDER := $(CURDIR)/dags
export AIRFLOW__CORE__LOAD_EXAMPLES := False
export AIRFLOW__CORE__UNIT_TEST_MODE := False
export GX_ANALYTICS_ENABLED := false
export NEWSEVENTS_HOME ?= $(CURDIR)
export NEWSEVENTS_SETTLE_SECONDS ?= 0

.PHONY: setup demo test test-fast lint airflow-db dag-test standalone eval eval-dev eval-validation eval-heldout eval-clean bench bench-clean train docs clean-var scale-setup scale-moto scale-test

$(VENV)/.installed: pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip==26.3"
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	touch $@

setup: $(VENV)/.installed airflow-db  ## venv with pinned dependencies, Airflow metadata DB (SQLite), Chromium if possible
	@command -v chromium >/dev/null || { command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "note: Chromium not installed; the browser test will be skipped"; }

airflow-db: $(VENV)/.installed
	mkdir -p $(AIRFLOW_HOME)
	$(BIN)/airflow db migrate >/dev/null

demo: setup  ## set up, run the main DAG on samples/ with Airflow, print where the results are
	AIRFLOW__LOGGING__LOGGING_LEVEL=WARNING $(BIN)/airflow dags test newsevents_ingest
	$(BIN)/newsevents report --limit 3
	$(BIN)/newsevents sql "SELECT count(*) AS articles, (SELECT count(*) FROM curated.events) AS events, (SELECT count(*) FROM curated.event_mentions) AS mentions, (SELECT count(*) FROM curated.quarantine) AS quarantined FROM curated.articles"
	$(BIN)/newsevents sql "SELECT event_date, event_type, coalesce(actor_name, actor_country) AS actor, coalesce(recipient_name, recipient_country) AS recipient, n_mentions, n_articles FROM curated.events ORDER BY n_mentions DESC, event_date LIMIT 10"
	@echo "warehouse:  $(CURDIR)/var/warehouse.duckdb"
	@echo "reports:    $(CURDIR)/var/reports/index.html"

run: setup  ## the same pipeline without Airflow
	$(BIN)/newsevents run

lint: $(VENV)/.installed  ## the shape of the code: import layers and cycles (import-linter), ruff
	$(BIN)/lint-imports --no-cache
	$(BIN)/ruff check .

test: setup lint  ## the shape checks, then the whole test suite
	$(BIN)/python -m pytest -q -p no:cacheprovider

test-fast: $(VENV)/.installed
	$(BIN)/python -m pytest -q -m "not slow" -p no:cacheprovider

# `make standalone` listens on this machine only; `make standalone AIRFLOW_HOST=0.0.0.0` opens it to the
# network (then put it behind TLS and real users). Task slots follow the cores (`AIRFLOW_PARALLELISM=N`).
AIRFLOW_HOST ?= 127.0.0.1
AIRFLOW_PORT ?= 8080
AIRFLOW_PARALLELISM ?= $(shell nproc 2>/dev/null || echo 2)

standalone: setup  ## Airflow UI on http://127.0.0.1:8080 (the generated admin password is printed)
	AIRFLOW__API__HOST=$(AIRFLOW_HOST) AIRFLOW__API__PORT=$(AIRFLOW_PORT) \
	AIRFLOW__CORE__EXECUTION_API_SERVER_URL=http://$(if $(filter 0.0.0.0,$(AIRFLOW_HOST)),127.0.0.1,$(AIRFLOW_HOST)):$(AIRFLOW_PORT)/execution/ \
	AIRFLOW__CORE__PARALLELISM=$(AIRFLOW_PARALLELISM) AIRFLOW__CORE__MAX_ACTIVE_TASKS_PER_DAG=$(AIRFLOW_PARALLELISM) \
	AIRFLOW__API__WORKERS=1 $(BIN)/airflow standalone

eval: $(VENV)/.installed  ## event precision/recall on ../shared seeds
	$(BIN)/newsevents extract ../shared/seeds/*.txt | $(BIN)/newsevents eval --gold ../shared/gold/seed_events.jsonl -

eval-dev: $(VENV)/.installed  ## event P/R/F1 on the development sets (iterate on these)
	for set in dev dev2 dev3 dev4 dev5 dev6 dev7 dev8 dev9 dev10; do for lang in fr en; do echo "== $$set $$lang"; $(BIN)/newsevents extract tests/data/$$set/$$lang/*.txt | $(BIN)/newsevents eval --gold tests/data/$$set/$${lang}_events.jsonl - | head -3; done; done

eval-validation: $(VENV)/.installed  ## event P/R/F1 on the validation sets (summary only: decide between variants, never study errors)
	for lang in fr en; do $(BIN)/newsevents extract tests/data/validation/$$lang/*.txt | $(BIN)/newsevents eval --gold tests/data/validation/$${lang}_events.jsonl - | head -3; done

eval-heldout: $(VENV)/.installed  ## event P/R/F1 on the held-out sets (report once; never tune on them)
	for lang in fr en; do $(BIN)/newsevents extract tests/data/heldout/$$lang/*.txt | $(BIN)/newsevents eval --gold tests/data/heldout/$${lang}_events.jsonl - | head -1; done

eval-clean: $(VENV)/.installed  ## boilerplate removal F1 on ../shared seeds
	$(BIN)/newsevents clean ../shared/seeds/*.txt | $(BIN)/newsevents eval --bodies ../shared/gold/bodies --articles ../shared/gold/articles.jsonl -

bench: $(VENV)/.installed  ## throughput benchmark (2,000 articles)
	$(BIN)/newsevents bench

bench-clean: $(VENV)/.installed  ## cleaner vs trafilatura vs line filter: ../shared AEB real pages (HTML + flattened), generated pages, seeds, own plain-text set
	$(BIN)/python -m pipeline.lab.bench_clean --shared $${SHARED:-../shared}

train: $(VENV)/.installed  ## rebuild the learned layer's training files and models (pipeline/data/models/), reproducibly
	PYTHONPATH=. $(BIN)/python scripts/train_classifier.py all
	PYTHONPATH=. $(BIN)/python scripts/count_training.py

docs: $(VENV)/.installed
	$(BIN)/python -m pipeline.lab.docs

$(VENV)/.scale-installed: $(VENV)/.installed pyproject.toml constraints.txt
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev,scale]"
	touch $@

scale-setup: $(VENV)/.scale-installed  ## the optional scale-out extra: CeleryExecutor, DuckLake on PostgreSQL (duckdb 1.5.5)

scale-moto:  ## a local S3 server for the scale test's S3 data path, in its own venv (moto's botocore needs python-dateutil<3)
	test -x var/moto-venv/bin/python || $(PYTHON) -m venv var/moto-venv
	var/moto-venv/bin/python -m pip install --quiet "moto[server]==5.2.5"

scale-test: scale-setup  ## Celery + DuckLake on PostgreSQL vs `dags test` into a file, a worker killed mid-run (docs/scaling.md)
	$(BIN)/python scripts/scale_test.py

clean-var:
	rm -rf var
