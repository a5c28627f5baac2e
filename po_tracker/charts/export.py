"""Write a figure to PNG, SVG or PDF, chosen by the file's extension.

The file goes through ``files.write_atomic_with``: the target is checked first (never the
logbook, a folder or a link), the figure is written to a private temporary file in the same
folder, then renamed into place: a reader never sees half a file, and an export that fails
leaves nothing behind. What goes into each format is ``file_formats``'s business.
"""

from __future__ import annotations

import os
from pathlib import Path

from matplotlib.figure import Figure

from ..files import check_target, write_atomic_with
from .file_formats import write_figure

FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}


def format_of(path: str | os.PathLike) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        allowed = ", ".join(FORMATS)
        raise ValueError(
            f"cannot export to {suffix or 'a file without extension'!r}: use one of {allowed}"
        )
    return FORMATS[suffix]


def save_figure(
    figure: Figure,
    path: str | os.PathLike,
    *,
    dpi: float = 150,
    width: float | None = None,
    height: float | None = None,
    force: bool = True,
) -> Path:
    """Save ``figure``; ``width`` and ``height`` in inches (one alone keeps the aspect).

    ``force`` defaults to replacing a file, since a window's save dialog asked already.
    A PNG comes out at exactly round(width * dpi) x round(height * dpi) pixels: no
    ``bbox_inches="tight"``, the figure's own layout keeps its labels inside.
    """
    fmt = format_of(path)
    if dpi <= 0 or (width is not None and width <= 0) or (height is not None and height <= 0):
        raise ValueError("dpi, width and height must be positive")
    target = check_target(path, force=force)
    old_size = tuple(figure.get_size_inches())
    figure.set_size_inches(_size(old_size, width, height))
    try:
        return write_atomic_with(
            target, lambda out: write_figure(figure, out, fmt, dpi), force=force
        )
    finally:
        figure.set_size_inches(old_size)


def _size(old, width, height) -> tuple[float, float]:
    if width is None and height is None:
        return old
    if width is None:
        return (old[0] * height / old[1], height)
    if height is None:
        return (width, old[1] * width / old[0])
    return (width, height)
