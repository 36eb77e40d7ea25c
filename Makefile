# Every target sets itself up: a fresh clone needs only Python >= 3.11.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-test
BENCH_STAMP := $(VENV)/.installed-bench
SHARED ?= ../shared

.PHONY: run test bench lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install -q -e '.[test,bench]'
	touch $@

run: $(STAMP)
	$(BIN)/newsclean seeds/ -o out/ -f json
	$(BIN)/newsclean seeds/ -o out/ -f markdown
	@ls out

test: $(STAMP)
	$(BIN)/ruff check -q newsclean tests
	$(BIN)/python -m pytest -q

bench: $(BENCH_STAMP)
	$(BIN)/python tests/bench.py --shared $(SHARED)

lint: $(STAMP)
	$(BIN)/ruff check newsclean tests

clean:
	rm -rf $(VENV) out
