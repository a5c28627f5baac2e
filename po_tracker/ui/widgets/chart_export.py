"""Exporting a chart or the progress report from the window: ask for a file, then write
it on a light background (a slide or a printout), whatever the screen's theme.

The figure is built and saved on the UI thread: building a chart switches matplotlib's
global rcParams to its theme for a moment, and a second chart built on another thread at
the same time could pick up the wrong colours. What may take long, reading the
logbook for the report, runs in the background.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ..background import run_in_background
from .save_file import ask_save_path

FILTERS = "PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"
REPORT_FILTERS = "PDF document (*.pdf);;PNG image (*.png);;SVG drawing (*.svg)"
EXPORT_DPI = 150


def _saved(parent: QWidget, path: Path, error: Exception | None, context=None) -> None:
    if error is not None:
        QMessageBox.warning(parent, "Export failed", f"Could not write {path}:\n{error}")
    elif context is not None:
        context.status_message.emit(f"Exported to {path}")


def save_chart(parent: QWidget, name: str, data, path: Path, context=None) -> bool:
    """Write chart ``name`` (light theme, 10 x 6 in, 150 dpi) to ``path``."""
    from ...charts import registry
    from ...charts.export import save_figure
    from ...charts.theme import LIGHT

    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        save_figure(registry.build(name, data, theme=LIGHT), path, dpi=EXPORT_DPI)
    except (OSError, ValueError) as error:
        _saved(parent, path, error)
        return False
    finally:
        QGuiApplication.restoreOverrideCursor()
    _saved(parent, path, None, context)
    return True


def export_chart(parent: QWidget, name: str, data, context=None) -> Path | None:
    path = ask_save_path(parent, "Export chart", f"{name}.png", FILTERS)
    if path is not None and save_chart(parent, name, data, path, context):
        return path
    return None


def export_report(parent: QWidget, context, on_done=None) -> None:
    """File > Export progress report…: the one-page report (PDF by default) as of today."""
    path = ask_save_path(parent, "Export progress report", "progress-report.pdf", REPORT_FILTERS)
    if path is None:
        return
    database = context.database

    def gather():
        from ...services.charts_data.chart_data import report_data

        with database.read() as session:
            return report_data(session, date.today())

    def write(result) -> None:
        if isinstance(result, Exception):
            _saved(parent, path, result)
        else:
            _write_report(parent, result, path, context)
        if on_done is not None:
            on_done(path)

    run_in_background(parent, gather, on_done=write)


def _write_report(parent: QWidget, data, path: Path, context) -> None:
    from ...charts.export import save_figure
    from ...charts.report import build_report

    try:
        save_figure(build_report(data), path, dpi=EXPORT_DPI)
    except (OSError, ValueError) as error:
        _saved(parent, path, error)
        return
    _saved(parent, path, None, context)
