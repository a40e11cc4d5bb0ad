# One command each; every target sets up .venv from the lock file first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# No telemetry anywhere. `make run` keeps Prefect's state where the CLI does (the operator's
# Prefect setup, else ~/.local/share/trending-papers/prefect: see README, "Where Prefect keeps
# its state"); `make test` and `make bench` use a throwaway one in the project, so that
# no operator profile (a production PREFECT_API_URL) is ever touched by a test.
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export DO_NOT_TRACK := 1
export GX_ANALYTICS_ENABLED := false
export HF_HUB_DISABLE_TELEMETRY := 1

.PHONY: setup run test bench eval lock clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

setup: $(STAMP)

run: setup  ## the main job on the bundled sample
	$(BIN)/trending-papers run raw/ --output output/

test: export PREFECT_HOME := $(CURDIR)/.prefect
test: setup  ## the whole test suite
	$(BIN)/python -m pytest

bench: export PREFECT_HOME := $(CURDIR)/.prefect
bench: setup  ## throughput and peak memory at 10k, 100k, 1M papers
	$(BIN)/python bench/run.py

eval: setup  ## claims precision/recall/F1 on the gold sets, segmentation on ../shared/corpus
	$(BIN)/python bench/eval.py

lock:  ## re-resolve the pinned dependencies (needs the package index)
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --upgrade pip
	.lock-venv/bin/python -m pip install --quiet -e '.[dev]'
	.lock-venv/bin/python -m pip freeze --exclude-editable | grep -v '^-e' > requirements.lock
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) .prefect output .pytest_cache
