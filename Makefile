# Two entry points for a fresh machine: `make demo` and `make test` (both install first).
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= accord-demo.db

.PHONY: install demo test lint format lock bench train fit-tracking eval

install: $(VENV)/.installed

# A pinned, hash-checked pip first (the venv's own may be old), then the complete lock exactly as
# written (--no-deps: nothing is resolved again, whatever the registry publishes next), then a
# consistency check of what was installed.
$(VENV)/.installed: requirements-bootstrap.txt requirements.lock pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements-bootstrap.txt
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip check
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

demo: install
	$(BIN)/accord --db $(DB) demo

test: install
	sh scripts/ensure_chromium.sh
	sh scripts/ensure_postgres.sh
	npm ci --no-audit --no-fund --silent  # axe-core for the browser tests' accessibility check
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

# Every dev figure (news, notes, golden, PLOVER dev, coverage folds, sentence sets), tune and
# check side by side; check folds as totals only.
eval: install
	$(BIN)/python scripts/dev_eval.py

# Rebuild the shipped event-type model from training/sentences (fixed seed: the same bytes).
train: install
	$(BIN)/python -m accord.learn.train

# Refit tracking's pair model on the tune data (tests/corpus_coverage/tune, tests/corpus_tracking)
# and choose its threshold by cross-validation: writes src/accord/data/track_pair_model.json.
fit-tracking: install
	$(BIN)/python scripts/fit_pair_model.py
