# Two entry points (see README): `make run` and `make test`. Each creates .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CORPUS ?= ../shared/corpus/JPRS-UPA-89-042.txt

.PHONY: run test lint bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

run: $(BIN)/.installed
	$(BIN)/kartoteka outline $(CORPUS)

lint: $(BIN)/.installed
	$(BIN)/ruff check --no-cache src tests bench

# pytest exit code 5 means no test ran: that is a failure, not a pass.
test: lint
	$(BIN)/pytest -q; rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests were collected"; exit 1; fi; exit $$rc

bench: $(BIN)/.installed
	$(BIN)/python bench/outline.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
