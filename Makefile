# onrecord: `make run` and `make test` set everything up on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Written after a complete install, so a second `make install` does nothing.
STAMP := $(VENV)/.installed
# Where `make run` serves the example store.
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test bench lint format clean postgres chromium

install: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "onrecord needs Python 3.11 or newer; set PYTHON=python3.11")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.txt -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

run: install
	mkdir -p examples build
	$(BIN)/onrecord extract examples/ --format table
	$(BIN)/onrecord ingest examples/ --db build/examples.db --workers 1
	$(BIN)/onrecord speakers --top 8 --db build/examples.db
	@echo "Serving build/examples.db; stop with Ctrl-C."
	$(BIN)/onrecord serve --db build/examples.db --host $(HOST) --port $(PORT)

test: install postgres chromium
	$(BIN)/python -m pytest -q

# The store tests start their own PostgreSQL server on 127.0.0.1; this installs its package.
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || { \
	  echo "installing the PostgreSQL server (Debian package postgresql) for the store tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq postgresql >/dev/null; }

# The browser tests drive the system Chromium through Playwright (never `playwright install`).
chromium:
	@test -x /usr/bin/chromium || { \
	  echo "installing Chromium (Debian package chromium) for the browser tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

# Speed per stage against spaCy alone, accuracy on PolNeAR dev (needs ../shared), ingest
# throughput (local workers, Dask), the store's rates and latencies, the web app under load.
# bench/speed.py (the dense-article and memory checks) runs on its own.
bench: install postgres
	$(BIN)/python bench/stages.py --plot docs/bench/stages.png
	test ! -d ../shared/data/polnear || $(BIN)/python bench/polnear_dev.py
	test ! -d ../shared/data/polnear || $(BIN)/python bench/error_analysis.py
	test ! -d ../shared/data/polnear || $(BIN)/python bench/train_samples.py addressees
	test ! -d ../shared/data/polnear || $(BIN)/python bench/train_samples.py addressees --labels bench/data/train_addressees_heldout.jsonl
	test ! -d ../shared/data/polnear || $(BIN)/python bench/train_samples.py speakers
	test ! -d ../shared/data/polnear || $(BIN)/python bench/train_samples.py speakers --labels bench/data/train_pronouns.jsonl
	test ! -d ../shared/data/polnear || $(BIN)/python bench/train_samples.py speakers --labels bench/data/train_pronouns_heldout.jsonl
	test ! -d ../shared/data/polnear || $(BIN)/python bench/ingest.py
	$(BIN)/python bench/store.py
	$(BIN)/python bench/settle.py --sizes 20000 100000 200000
	$(BIN)/python bench/load.py

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache
