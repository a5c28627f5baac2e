# The everyday commands (docs/development.md). Everything runs from the project's
# virtual environment, which `make install` creates.
PY := .venv/bin/python
PYTEST := $(PY) -m pytest -p no:cacheprovider

.PHONY: install test quick lint format typecheck demo selftest bench bundle hooks

install:    ## the app, its test tools and pre-commit, into .venv
	bash scripts/install.sh --dev

test:       ## everything CI runs: lint, type check, every test
	bash scripts/test.sh

quick:      ## the everyday subset: no slow tests, no packaging
	$(PYTEST) -q -m "not slow and not packaging"

lint:       ## ruff, and the layer contracts of pyproject.toml
	$(PY) -m ruff check po_tracker tests
	.venv/bin/lint-imports

format:     ## rewrites the files; see "Formatting" in docs/development.md
	$(PY) -m ruff format po_tracker tests

typecheck:  ## mypy against scripts/mypy_baseline.json
	$(PY) scripts/typecheck.py

demo:
	$(PY) -m po_tracker --demo

selftest:
	$(PY) -m po_tracker --self-test

bench:      ## writes docs/performance.md
	$(PY) -m bench

bundle:     ## the frozen app, into dist/po-tracker/
	bash scripts/build-bundle.sh

hooks:      ## the git pre-commit hook (ruff, mypy)
	$(PY) -m pre_commit install
