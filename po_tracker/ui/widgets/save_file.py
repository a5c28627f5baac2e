"""Asking where to save an export: the system's save dialog, opened in the user's
Documents folder, with the extension of the chosen filter added when the name the user
typed has none of the filters' extensions."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


def ask_save_path(parent: QWidget, caption: str, name: str, filters: str) -> Path | None:
    """The file picked, or None when the user cancelled. ``filters`` is Qt's filter
    text, such as "PDF document (*.pdf);;Markdown (*.md)"."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    chosen, selected = QFileDialog.getSaveFileName(
        parent, caption, str(Path(folder or ".") / name), filters
    )
    if not chosen:
        return None
    path = Path(chosen)
    suffixes = [part.split(")")[0] for part in filters.split("(*")[1:]]
    if path.suffix.lower() not in suffixes:
        wanted = next((s for s in suffixes if s in (selected or "")), suffixes[0])
        path = path.with_name(path.name + wanted)
    return path
