"""Desktop integration files: valid for the freedesktop tools, and one application id
everywhere (desktop file, AppStream metadata, icon name, the app itself)."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from po_tracker.app import APP_ID

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
DESKTOP = RESOURCES / "desktop" / f"{APP_ID}.desktop"
METAINFO = RESOURCES / "desktop" / f"{APP_ID}.metainfo.xml"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is missing: scripts/install.sh --test installs it")
    return path


def test_desktop_file_passes_desktop_file_validate():
    result = subprocess.run(
        [_tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


def test_metainfo_passes_appstreamcli_validate():
    result = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_one_application_id_everywhere():
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(DESKTOP)
    assert entry["Desktop Entry"]["Icon"] == APP_ID
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == DESKTOP.name
    assert root.find("provides/binary").text == entry["Desktop Entry"]["Exec"].split()[0]


def test_icons_exist_in_every_format():
    icons = RESOURCES / "icons"
    assert (icons / "po-tracker.svg").read_text().lstrip().startswith("<?xml")
    assert (icons / "po-tracker-256.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (icons / "po-tracker.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert (icons / "po-tracker.icns").read_bytes()[:4] == b"icns"


def test_install_script_installs_and_uninstalls_without_touching_data(tmp_path):
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / "po-tracker").write_text("#!/bin/sh\necho fake\n")
    (bundle / "po-tracker").chmod(0o755)
    home = tmp_path / "home"
    data = home / ".local" / "share" / "po-tracker"
    data.mkdir(parents=True)
    (data / "po-tracker.sqlite3").write_text("my logbook")
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin"}
    script = Path(__file__).resolve().parents[2] / "scripts" / "install-desktop.sh"
    subprocess.run(["bash", str(script), str(bundle)], env=env, check=True, capture_output=True)
    installed = home / ".local" / "share" / "applications" / DESKTOP.name
    assert f"Exec={home}/.local/lib/po-tracker/po-tracker" in installed.read_text()
    assert (home / ".local" / "bin" / "po-tracker").resolve().read_text().startswith("#!")
    icon = home / ".local/share/icons/hicolor/scalable/apps" / f"{APP_ID}.svg"
    assert icon.exists()
    subprocess.run(["bash", str(script), "--uninstall"], env=env, check=True, capture_output=True)
    assert not installed.exists() and not icon.exists()
    assert not (home / ".local" / "lib" / "po-tracker").exists()
    assert (data / "po-tracker.sqlite3").read_text() == "my logbook"
