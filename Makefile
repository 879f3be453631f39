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

# Every stage on its gold corpus in ../shared (minutes), then the annotated reports, scored by the shared tool.
SHARED := ../shared
eval: setup
	$(BIN)/dateline evaluate geo --corpus lgl $(SHARED)/data/lgl --gold-spans --split heldout
	$(BIN)/dateline evaluate geo --corpus lgl $(SHARED)/data/lgl --split heldout
	$(BIN)/dateline evaluate geo --corpus tr-news $(SHARED)/data/tr-news --gold-spans
	$(BIN)/dateline evaluate time --corpus timeml $(SHARED)/data/tempeval3/Training
	$(BIN)/dateline evaluate time --corpus timeml $(SHARED)/data/tempeval3/Training --split heldout
	$(BIN)/dateline evaluate events --corpus plover-gsr $(SHARED)/data/plover-gsr
	$(BIN)/dateline evaluate events --corpus plover-gsr $(SHARED)/data/plover-gsr --split heldout
	$(BIN)/dateline evaluate attribution --corpus polnear $(SHARED)/data/polnear --split dev
	$(BIN)/dateline extract $(SHARED)/examples/dzhankoi/article.txt --published 2023-03-21 --outlet CNN > .eval-dzhankoi.json
	python3 $(SHARED)/tools/score_report.py .eval-dzhankoi.json $(SHARED)/examples/dzhankoi/expected.json | tail -1
	for d in src/dateline/samples/*/; do \
	  $(BIN)/dateline extract $$d/article.txt --published $$($(BIN)/python -c "import json,sys; print(json.load(open(sys.argv[1]))['published'])" $$d/meta.json) > .eval-sample.json && \
	  echo "$$(basename $$d): $$(python3 $(SHARED)/tools/score_report.py .eval-sample.json $$d/expected.json | tail -1)"; \
	done
	rm -f .eval-dzhankoi.json .eval-sample.json

# Throughput and memory against plain spaCy on ../shared/data (minutes; prints, asserts nothing).
# BENCH_ARGS="--reports 500 --long 2000" for a quicker look.
bench: setup
	$(BIN)/python bench/bench.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) demo.duckdb .eval-*.json
