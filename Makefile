# The one task runner, the same locally and in CI.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint eval bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev]"
	touch $(STAMP)

setup: $(STAMP)
	$(BIN)/dateline build-gazetteer

demo: setup
	$(BIN)/dateline demo --db demo.duckdb

test: setup
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/mypy src

eval: setup
	$(BIN)/dateline evaluate report ../shared/examples/dzhankoi

# Throughput and memory against plain spaCy on ../shared/data (minutes; prints, asserts nothing).
# BENCH_ARGS="--reports 500 --long 2000" for a quicker look.
bench: setup
	$(BIN)/python bench/bench.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) demo.duckdb
