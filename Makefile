# Two entry points for a fresh machine: `make demo` and `make test` (both install first).
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= accord-demo.db

.PHONY: install demo test lint format lock bench

install: $(VENV)/.installed

$(VENV)/.installed: requirements.lock pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

demo: install
	$(BIN)/accord --db $(DB) demo

test: install
	sh scripts/ensure_chromium.sh
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts
	$(BIN)/pytest -q

format: install
	$(BIN)/ruff check --fix src tests benchmarks scripts
	$(BIN)/ruff format src tests benchmarks scripts

# Re-resolve requirements.in into requirements.lock with hashes (needs the `uv` tool).
lock:
	python3 scripts/lock.py

bench: install
	$(BIN)/python benchmarks/bench_pipeline.py
