#!/usr/bin/env bash
# Installs PO Tracker with its test tools, then runs the linter and every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh --test
python3 -m ruff check po_tracker tests
python3 -m pytest "$@"
