# Two commands: `make demo` (set up, then build the graph of data/samples/) and
# `make test` (set up with the dev extras, then run every test).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STORE  := out/store

.PHONY: demo test lint browser bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	rm -rf $(STORE)
	$(BIN)/diplograph ingest data/samples --store $(STORE)
	$(BIN)/diplograph stats --store $(STORE)
	@echo; echo "Who met in Brussels on 2022-01-12?"
	$(BIN)/diplograph query who_met --store $(STORE) -p place=Brussels -p day=2022-01-12
	@echo; echo "Who met where, when (all meetings)?"
	$(BIN)/diplograph query meetings --store $(STORE)
	@echo; echo "Which positions did each actor take?"
	$(BIN)/diplograph query positions --store $(STORE)
	$(BIN)/diplograph validate --store $(STORE)
	$(BIN)/diplograph view --store $(STORE) --output out/graph.html
	$(BIN)/diplograph view --store $(STORE) --page timeline --output out/timeline.html
	$(BIN)/diplograph view --store $(STORE) --actor Grushko --hops 1 --lang ar --output out/grushko-ar.html

# Debian packages the tests drive: Chromium (browser tests) and Virtuoso (the external
# SPARQL database). Installed when we may (root); else those tests skip, saying so.
SYSTEM_PACKAGES := chromium virtuoso-opensource-7-bin
browser:
	@missing=""; command -v chromium >/dev/null 2>&1 || missing="chromium"; \
	command -v virtuoso-t >/dev/null 2>&1 || missing="$$missing virtuoso-opensource-7-bin"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "not installed: $$missing (their tests will be skipped)"; fi; fi

test: $(VENV)/.installed-dev browser
	$(BIN)/pytest

# Benchmarks (not part of `make test`): each prints a table with its anchor from the same run.
# SCALE lists the store sizes (quads) for the query benchmark; add 10000000 for the 10M row
# (about 20 minutes and 2 GB of disk more).
SCALE ?= 1000000
bench: $(VENV)/.installed-dev browser
	$(BIN)/python benchmarks/extract.py --docs 300
	$(BIN)/python benchmarks/length.py
	$(BIN)/python benchmarks/scale.py --quads $(SCALE)
	$(BIN)/python benchmarks/views.py

lint: $(VENV)/.installed-dev
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/ruff check src tests benchmarks

clean:
	rm -rf out $(VENV)
