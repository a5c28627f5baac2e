"""Finds files shipped in ``resources/`` from a source checkout, a wheel or a frozen bundle."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def resources_dir() -> Path:
    candidates = [
        # PyInstaller unpacks data next to the executable's support files.
        Path(getattr(sys, "_MEIPASS", "")) / "resources" if hasattr(sys, "_MEIPASS") else None,
        # An installed wheel carries resources inside the package.
        _PACKAGE_DIR / "_resources",
        # A source checkout (and an editable install) keeps them at the repository root.
        _PACKAGE_DIR.parent / "resources",
    ]
    for candidate in candidates:
        if candidate is not None and candidate.is_dir():
            return candidate
    raise FileNotFoundError("the app's resources folder is missing from this installation")


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
