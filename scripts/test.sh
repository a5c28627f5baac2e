#!/usr/bin/env bash
# Installs PO Tracker with its test tools into .venv, then runs the linter, the format
# check, the type checker against its baseline, and every test. Arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install.sh --test
# Everything below runs from the project's environment, whatever else is on PATH.
export VIRTUAL_ENV="$PWD/.venv" PATH="$PWD/.venv/bin:$PATH"
python -m ruff check po_tracker tests
python -m ruff format --check po_tracker tests
python scripts/typecheck.py
python -m pytest "$@"
