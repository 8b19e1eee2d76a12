# Two commands on a fresh clone: `make run` (extract the seed pages) and `make test`.
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= extractions.db

.PHONY: install run test lint browser schemas bench clean

$(BIN)/extractor: pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

install: $(BIN)/extractor

run: install
	$(BIN)/extractor run seeds/ --db $(DB)

lint: install
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy

# Chromium, its WebDriver and a Chinese font for tests/test_browser.py (apt-get, once).
browser:
	sh .ci/install-browser

test: lint browser
	$(BIN)/pytest

schemas: install
	$(BIN)/extractor schemas --out schemas

bench: install
	$(BIN)/python benchmarks/bench_offline.py

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm .pytest_cache .mypy_cache .ruff_cache .hypothesis
