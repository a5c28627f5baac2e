#!/usr/bin/env bash
# Installs a built bundle for the current user on Linux: the app in ~/.local/lib,
# a po-tracker command in ~/.local/bin, the menu entry, icons and AppStream metadata.
# Your data (~/.local/share/po-tracker) is never touched, so installing a new version
# over an old one keeps everything you logged.
#   scripts/install-desktop.sh [BUNDLE_DIR]        default: dist/po-tracker
#   scripts/install-desktop.sh --uninstall
set -euo pipefail
cd "$(dirname "$0")/.."
APP_ID=io.github.potracker.POTracker
prefix="${XDG_DATA_HOME:-$HOME/.local/share}"
lib="$HOME/.local/lib/po-tracker"
bin="$HOME/.local/bin/po-tracker"
desktop="$prefix/applications/$APP_ID.desktop"
metainfo="$prefix/metainfo/$APP_ID.metainfo.xml"
icon_svg="$prefix/icons/hicolor/scalable/apps/$APP_ID.svg"
icon_png="$prefix/icons/hicolor/256x256/apps/$APP_ID.png"

refresh_menus() {
    command -v update-desktop-database >/dev/null && update-desktop-database -q "$prefix/applications" || true
    command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$prefix/icons/hicolor" || true
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$lib"
    rm -f "$bin" "$desktop" "$metainfo" "$icon_svg" "$icon_png"
    refresh_menus
    echo "PO Tracker removed. Your data is still in ${PO_TRACKER_DATA_DIR:-$prefix/po-tracker}."
    exit 0
fi

bundle="${1:-dist/po-tracker}"
if [ ! -x "$bundle/po-tracker" ]; then
    echo "install-desktop: no bundle at $bundle; build one with scripts/build-bundle.sh" >&2
    exit 2
fi
mkdir -p "$(dirname "$lib")" "$(dirname "$bin")" "$(dirname "$desktop")" \
    "$(dirname "$metainfo")" "$(dirname "$icon_svg")" "$(dirname "$icon_png")"
# Copy beside the old version, then swap, so a failed copy leaves the old one working.
rm -rf "$lib.new"
cp -a "$bundle" "$lib.new"
rm -rf "$lib.old"
[ -d "$lib" ] && mv "$lib" "$lib.old"
mv "$lib.new" "$lib"
rm -rf "$lib.old"
ln -sfn "$lib/po-tracker" "$bin"
sed "s|^Exec=.*|Exec=$lib/po-tracker|" "resources/desktop/$APP_ID.desktop" > "$desktop"
cp "resources/desktop/$APP_ID.metainfo.xml" "$metainfo"
cp resources/icons/po-tracker.svg "$icon_svg"
cp resources/icons/po-tracker-256.png "$icon_png"
refresh_menus
echo "PO Tracker installed: find it in your applications menu, or run $bin"
