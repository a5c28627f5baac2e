#!/usr/bin/env bash
# Builds the desktop app as one folder with PyInstaller: dist/po-tracker/po-tracker.
# Installs what the build needs first (the app itself and PyInstaller, pinned).
#   scripts/build-bundle.sh [DIST_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
dist="${1:-dist}"
# The test extra carries PyInstaller, pinned in constraints.txt.
bash scripts/install.sh --test
.venv/bin/python -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$dist" --workpath "build/pyinstaller" installer.spec
"$dist/po-tracker/po-tracker" --self-test
echo "Built $dist/po-tracker ($(du -sh "$dist/po-tracker" | cut -f1))"
