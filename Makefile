# One command each; every target sets up .venv from the lock file first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# Prefect on its embedded server, state kept in the project; no telemetry anywhere.
export PREFECT_HOME := $(CURDIR)/.prefect
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

test: setup  ## the whole test suite
	$(BIN)/python -m pytest

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
