"""The typeface of the PDF documents: DejaVu Sans, which covers Latin, Greek and Cyrillic
names ("Zoë", "Łukasz", "Дмитрий") and is embedded as a subset of the glyphs used. For
the scripts it lacks (Chinese, Japanese, Korean), a fallback font of the computer's own
is used when there is one.

The font files are the ones matplotlib ships in its mpl-data (the app depends on
matplotlib for its charts, and the frozen bundle carries mpl-data with it), found
without importing matplotlib: that import would cost a PDF export about a second."""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path

FAMILY = "DejaVu Sans"
# fpdf2's style letters: "" regular, "B" bold, "I" italic (no style is both, so the
# fourth file is not loaded).
FILES = {
    "": "DejaVuSans.ttf",
    "B": "DejaVuSans-Bold.ttf",
    "I": "DejaVuSans-Oblique.ttf",
}


def _candidates() -> list[Path]:
    folders = []
    spec = importlib.util.find_spec("matplotlib")  # finds the package, does not run it
    if spec is not None and spec.submodule_search_locations:
        folders += [Path(p) for p in spec.submodule_search_locations]
    if hasattr(sys, "_MEIPASS"):  # the frozen bundle keeps mpl-data under matplotlib/
        folders.append(Path(sys._MEIPASS) / "matplotlib")
    return [folder / "mpl-data" / "fonts" / "ttf" for folder in folders]


@cache
def font_folder() -> Path:
    """The folder holding the DejaVu Sans files the documents use."""
    for folder in _candidates():
        if all((folder / name).is_file() for name in FILES.values()):
            return folder
    raise FileNotFoundError(
        "the PDF font (DejaVu Sans, shipped with matplotlib) is missing from this installation"
    )


def font_files() -> dict[str, Path]:
    """Each fpdf2 style with the file that draws it."""
    folder = font_folder()
    return {style: folder / name for style, name in FILES.items()}


# Fonts with Chinese, Japanese and Korean glyphs that systems commonly have; the first
# one present is used for the characters DejaVu Sans lacks.
FALLBACK_CANDIDATES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/YuGothR.ttc",
    "C:/Windows/Fonts/malgun.ttf",
    "C:/Windows/Fonts/arialuni.ttf",
)


def fallback_files() -> list[Path]:
    """The fallback fonts present on this computer, best first."""
    return [Path(p) for p in FALLBACK_CANDIDATES if Path(p).is_file()]
