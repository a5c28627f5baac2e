#!/usr/bin/env bash
# Installs PO Tracker and everything it needs on Debian or Ubuntu: the system libraries
# Qt loads, then the Python packages at the versions in constraints.txt, into the
# project's own virtual environment (.venv). Links po-tracker into ~/.local/bin.
#   scripts/install.sh          the app
#   scripts/install.sh --test   the app and its test tools
#   scripts/install.sh --dev    the app, its test tools and the pre-commit hooks' runner
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
    "") extras="" ;;
    --test) extras="[test]" ;;
    --dev) extras="[dev]" ;;
    *) echo "install: unknown option ${1}; use --test or --dev" >&2; exit 2 ;;
esac

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if command -v apt-get >/dev/null 2>&1; then
    # Qt's platform plugins (offscreen and xcb) and fonts for the window and the charts;
    # python3-venv because Debian's Python cannot create a virtual environment without it.
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        python3-venv libgl1 libegl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 \
        libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 \
        libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 \
        libxcb-xkb1 libxcb-xfixes0 libx11-xcb1 fonts-dejavu-core >/dev/null
    if [ -n "$extras" ]; then
        # The tests validate the desktop files and build the frozen bundle and the wheel.
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
            --no-install-recommends desktop-file-utils appstream binutils >/dev/null
    fi
fi

# A virtual environment made by a Python since removed, or in the folder before it was
# moved (its scripts name their old path), no longer runs: build it again.
if ! .venv/bin/python -c "" >/dev/null 2>&1 || [ "$(cat .venv/made-in 2>/dev/null)" != "$PWD" ]; then
    rm -rf .venv
    python3 -m venv .venv
    echo "$PWD" > .venv/made-in
fi
export PIP_DISABLE_PIP_VERSION_CHECK=1
.venv/bin/python -m pip install --quiet -c constraints.txt -e ".${extras}"

# The command on the user's PATH is a link to the environment's own script, so it runs
# with the environment's packages without activating anything.
bin_dir="$HOME/.local/bin"
link="$bin_dir/po-tracker"
mkdir -p "$bin_dir"
if [ -e "$link" ] && [ ! -L "$link" ]; then
    echo "install: $link exists and is not a link; left as it is" >&2
else
    ln -sfn "$PWD/.venv/bin/po-tracker" "$link"
fi
case ":$PATH:" in
    *":$bin_dir:"*) ;;
    *) echo "install: $bin_dir is not on your PATH; see the README's Set-up to add it" >&2 ;;
esac
