# Two commands on a fresh clone: `make run` (extract the seed pages) and `make test`.
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= extractions.db

.PHONY: install run test fuzz lint browser schemas bench clean

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

# The property tests with fresh random examples, FUZZ_SCALE (20) times as many as
# `make test` draws; a failure is kept in .hypothesis/ and replayed by the next fuzz.
fuzz: install
	HYPOTHESIS_PROFILE=fuzz $(BIN)/pytest \
		tests/reliability/test_properties.py tests/test_numbers.py tests/test_segment.py \
		tests/test_check.py tests/test_review.py

schemas: install
	$(BIN)/extractor schemas --out schemas

bench: install
	$(BIN)/python benchmarks/bench_offline.py

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm .pytest_cache .mypy_cache .ruff_cache .hypothesis
