# Two commands for a fresh machine with Python 3.11+ and make:
#   make run    open the program on sample data (sets up .venv on first use)
#   make test   run every test headless, with ruff and mypy
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum < constraints.txt | cut -d' ' -f1)
SAMPLE_DB := build/sample-workbench.sqlite

.PHONY: run test lint benchmark clean

run: $(STAMP)
	@mkdir -p build
	$(BIN)/python main.py --db $(SAMPLE_DB) demo
	$(BIN)/python main.py --db $(SAMPLE_DB)

test: $(STAMP)
	@bash .ci/system-packages
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python -m pytest -n 2 --dist loadgroup

benchmark: $(STAMP)
	$(BIN)/python benchmarks/run.py

$(STAMP): constraints.txt pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r constraints.txt
	@rm -f $(VENV)/.installed-*
	@touch $@

clean:
	rm -rf $(VENV) build .mypy_cache .ruff_cache .pytest_cache
