"""The frozen one-folder bundle: it builds from installer.spec, its --self-test passes,
and its size stays within 1.25 times a minimal PySide6 + matplotlib bundle built the same
way (bench/floor_bundle/floor.spec). Run on its own with `pytest -m packaging`."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from bench.bundle_report import BUDGET as SIZE_BUDGET
from bench.bundle_report import build as _build
from bench.bundle_report import size_on_disk as folder_size

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.packaging


def build(spec: Path, dist: Path, work: Path) -> None:
    _build(spec, dist, work, timeout=1200)


def test_bundle_builds_passes_its_self_test_and_meets_the_size_budget(tmp_path):
    build(ROOT / "installer.spec", tmp_path / "dist", tmp_path / "work")
    app = tmp_path / "dist" / "po-tracker"
    result = subprocess.run(
        [str(app / "po-tracker"), "--self-test"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "self-test passed" in result.stdout
    assert (app / "_internal" / "po_tracker" / "migrations" / "versions").is_dir()
    assert not list(app.rglob("libqgtk3*")) and not list(app.rglob("*WebEngine*"))

    build(
        ROOT / "bench" / "floor_bundle" / "floor.spec",
        tmp_path / "floor-dist",
        tmp_path / "floor-work",
    )
    ratio = folder_size(app) / folder_size(tmp_path / "floor-dist" / "floor")
    assert ratio <= SIZE_BUDGET, f"bundle is {ratio:.2f} x the floor"
