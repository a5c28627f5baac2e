#!/usr/bin/env bash
# Installs PO Tracker on this machine (into .venv) and opens it. Arguments go to po-tracker.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
exec .venv/bin/python -m po_tracker "$@"
