# Two entry points (see README): `make run` and `make test`. Each creates .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CORPUS ?= ../shared/corpus/JPRS-UPA-89-042.txt
DB ?= kartoteka.db
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

$(BIN)/.installed-web: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[web]'
	touch $@

# Install with the web extra, ingest the corpus into $(DB) (idempotent), then serve it (prints the address).
run: $(BIN)/.installed-web
	$(BIN)/kartoteka ingest $(CORPUS) --db $(DB)
	$(BIN)/kartoteka serve --db $(DB) --host $(HOST) --port $(PORT)

lint: $(BIN)/.installed
	$(BIN)/ruff check --no-cache src tests bench

# pytest exit code 5 means no test ran: that is a failure, not a pass.
test: lint
	$(BIN)/pytest -q; rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests were collected"; exit 1; fi; exit $$rc

# Each prints its own baseline measured in the same run. bench/entities.py compares with spaCy
# when the `bench` extra is installed; bench/corpus.py and bench/web.py build stores and take minutes.
bench: $(BIN)/.installed
	$(BIN)/python bench/outline.py
	$(BIN)/python bench/repair.py
	$(BIN)/python bench/facts.py
	$(BIN)/python bench/entities.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
