# Every target sets itself up: a fresh clone needs only Python >= 3.11.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-test
BENCH_STAMP := $(VENV)/.installed-bench
SHARED ?= ../shared

# The package is installed editable; the modules in newsclean/_compiled.py are compiled in place
# by mypyc (about a minute on 2 cores: setup.py compiles the C files on every core). `make test` compiles them on a fresh clone, not after each edit:
# a compiled module older than its source is then loaded from the source, with a warning, so an
# edit is tested at once. `make run`, `make bench` and `make fuzz` rebuild first. `make pure`
# installs without compiling.
SOURCES := $(wildcard newsclean/*.py)
BUILT := $(VENV)/.built

.PHONY: run test bench fuzz lint clean pure

$(STAMP): pyproject.toml setup.py newsclean/_compiled.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	rm -f newsclean/*.so
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@ $(BUILT)

$(BUILT): $(STAMP) $(SOURCES)
	rm -f newsclean/*.so
	$(BIN)/python -m pip install -q -e '.[test]'
	@# pip only warns when mypyc's C fails to compile: with a C compiler at hand, say so and stop.
	@$(BIN)/python -c "import shutil, sys; from newsclean._compiled import is_compiled; \
	sys.exit(0 if is_compiled() or not shutil.which('cc') else \
	'make: the mypyc build failed (pip install -v -e . shows why); the modules would run as plain Python')"
	touch $@

pure:
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	rm -f newsclean/*.so $(STAMP) $(BUILT)
	NEWSCLEAN_PURE_PYTHON=1 $(BIN)/python -m pip install -q -e '.[test]'

$(BENCH_STAMP): $(BUILT)
	$(BIN)/python -m pip install -q -e '.[test,bench]'
	touch $@

run: $(BUILT)
	$(BIN)/newsclean seeds/ -o out/ -f json
	$(BIN)/newsclean seeds/ -o out/ -f markdown
	@ls out

test: $(STAMP)
	$(BIN)/ruff check -q .
	$(BIN)/python -m mypy
	$(BIN)/python -m pytest -q -rs -n auto

bench: $(BENCH_STAMP)
	$(BIN)/python tests/bench.py --shared $(SHARED)

# Mutation fuzzing of clean() on the bench pages, bounded (MINUTES=10): counts per outcome, the
# slowest input, the peak memory; exits 1 if anything but an article, no article or InputError.
MINUTES ?= 10
fuzz: $(BUILT)
	$(BIN)/python -m tests.fuzz --shared $(SHARED) --minutes $(MINUTES)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m mypy
	$(BIN)/python -m tests.test_layout

clean:
	rm -rf $(VENV) out build newsclean/*.so
