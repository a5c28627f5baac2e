#!/usr/bin/env bash
# Installs PO Tracker on this machine and opens it. Arguments go to po-tracker.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
exec python3 -m po_tracker "$@"
