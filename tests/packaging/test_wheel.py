"""The wheel: `pip install` into a clean virtual environment gives working `po-tracker`
and `po-tracker-gui` commands that find their resources and migrations."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.packaging


def test_wheel_installs_into_a_clean_venv_and_passes_its_self_test(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            "-w",
            str(tmp_path / "wheels"),
            str(ROOT),
        ],
        check=True,
    )
    (wheel,) = (tmp_path / "wheels").glob("po_tracker-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "po_tracker/_resources/framework/default.json" in names
    assert any(n.startswith("po_tracker/migrations/versions/0001") for n in names)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [
        str(venv / "bin" / "python"),
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        "-c",
        str(ROOT / "constraints.txt"),
    ]
    subprocess.run([*pip, str(wheel)], check=True, timeout=900)
    assert (venv / "bin" / "po-tracker-gui").exists()
    result = subprocess.run(
        [str(venv / "bin" / "po-tracker"), "--self-test"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "self-test passed" in result.stdout
