#!/usr/bin/env bash
# Installs PO Tracker and everything it needs on Debian or Ubuntu: the system libraries
# Qt loads, then the Python packages at the versions in constraints.txt.
#   scripts/install.sh          the app
#   scripts/install.sh --test   the app and its test tools
set -euo pipefail
cd "$(dirname "$0")/.."

extras=""
[ "${1:-}" = "--test" ] && extras="[test]"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if command -v apt-get >/dev/null 2>&1; then
    # Qt's platform plugins (offscreen and xcb) and fonts for the window and the charts.
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        python3-pip libgl1 libegl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 \
        libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 \
        libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 \
        libxcb-xkb1 libxcb-xfixes0 libx11-xcb1 fonts-dejavu-core >/dev/null
    if [ -n "$extras" ]; then
        # The tests validate the desktop files and build the frozen bundle and the wheel.
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
            --no-install-recommends desktop-file-utils appstream python3-venv binutils \
            >/dev/null
    fi
fi

# No virtual environment on purpose: the set-up is one command on a fresh machine.
# Debian's own Python marks itself externally managed; this app installs beside it.
export PIP_BREAK_SYSTEM_PACKAGES=1 PIP_DISABLE_PIP_VERSION_CHECK=1
python3 -m pip install --quiet -c constraints.txt -e ".${extras}"
