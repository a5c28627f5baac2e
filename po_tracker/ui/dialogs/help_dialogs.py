"""Help: a short guide (first steps, how readiness is computed, what each chart shows),
the keyboard shortcuts (Ctrl+?, read from the window's own actions so the list is
never out of date), and About with the versions and the data folder."""

from __future__ import annotations

import platform
import sqlite3
from html import escape
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
)

from ... import __version__
from ...charts import registry
from ..widgets.fit import FitsScreen

# Keys that belong to a place in a page rather than to a menu.
PAGE_KEYS = (
    ("Delete", "Delete the selected entry (Undo brings it back)"),
    ("Ctrl+S", "Save the journal entry you are writing"),
    ("Up / Down", "Move through Find's results from the search field"),
    ("Enter", "Open the selected result, row or chart"),
    ("Ctrl+C", "Copy the selected cells of a numbers table"),
)

GUIDE = """
<h2>First steps</h2>
<ol>
<li>On <b>Career path</b>, choose the stage you aim for and press <i>Set as my target</i>;
press <i>I am here now</i> on the stage you hold.</li>
<li>On <b>Skills</b>, press <i>Self-assessment…</i> and rate each skill from 1 to 5.</li>
<li>Log what you do as it happens: certifications, training, events and people, experience,
a journal, and on <b>Wins &amp; feedback</b> what came of your work and what others said.
<b>New entry</b> (Ctrl+N) adds one on the page you are on.</li>
<li>The <b>Dashboard</b> then says how ready you are and what to do next; each row opens
the page where you act on it.</li>
</ol>
<h2>How readiness is computed</h2>
<p>Readiness toward a stage has five parts: skills, certifications, experience, learning
and networking. Each requirement of the stage counts as the share of it you meet (at most
all of it, so exceeding one never makes up for another); a part is the mean of its
requirements, and the overall figure weighs the parts (Edit &gt; Preferences). A part the
stage does not ask for is left out. Next actions list the gaps that would add the most.</p>
<h2>The charts</h2>
<ul>{charts}</ul>
<p>Every chart can be exported (PNG, SVG or PDF, on a light background) and shown as a
table of numbers to copy or save as CSV.</p>
"""


def guide_html() -> str:
    charts = "".join(
        f"<li><b>{escape(registry.title(name))}</b>: {escape(registry.get(name).description)}</li>"
        for name in registry.names()
    )
    return GUIDE.format(charts=charts)


def menu_shortcuts(window) -> list[tuple[str, str]]:
    """(keys, what they do) for every menu action that has a shortcut."""
    rows = []

    def walk(actions) -> None:
        for action in actions:
            if action.menu() is not None:
                walk(action.menu().actions())
            elif not action.isSeparator() and action.shortcuts():
                keys = " or ".join(
                    k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
                )
                rows.append((keys, action.text().replace("&", "").rstrip("…")))

    walk(window.menuBar().actions())
    return rows


def shortcuts_html(window) -> str:
    rows = menu_shortcuts(window) + list(PAGE_KEYS)
    body = "".join(
        f"<tr><td style='padding: 2px 16px 2px 0'><b>{escape(keys)}</b></td>"
        f"<td>{escape(what)}</td></tr>"
        for keys, what in rows
    )
    return f"<table>{body}</table>"


class _TextDialog(FitsScreen, QDialog):
    def __init__(self, title: str, html: str, parent=None, size=(640, 560)):
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.text = QTextBrowser()
        self.text.setAccessibleName(title)
        self.text.setOpenExternalLinks(True)
        self.text.setHtml(html)
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.buttons = buttons
        self.resize(*size)


class GuideDialog(_TextDialog):
    def __init__(self, context=None, parent=None):
        super().__init__("PO Tracker guide", guide_html(), parent)
        self.setObjectName("guide_dialog")


class ShortcutsDialog(_TextDialog):
    def __init__(self, context=None, parent=None):
        window = parent.window() if parent is not None else None
        html = shortcuts_html(window) if window is not None and window.menuBar() else ""
        super().__init__("Keyboard shortcuts", html, parent, size=(520, 460))
        self.setObjectName("shortcuts_dialog")


def about_html(data_folder: Path | None) -> str:
    folder = escape(str(data_folder)) if data_folder else "not open yet"
    return (
        f"<h2>PO Tracker {escape(__version__)}</h2>"
        "<p>A private, offline career log for Product Owners. Your data stays on this "
        "computer.</p>"
        f"<p><b>Data folder:</b> {folder}</p>"
        f"<p>Python {platform.python_version()} · Qt {qVersion()} · PySide6 "
        f"{pyside_version} · SQLite {sqlite3.sqlite_version}</p>"
    )


class AboutDialog(_TextDialog):
    def __init__(self, context=None, parent=None):
        database = getattr(context, "database", None)
        folder = Path(database.path).parent if database is not None else None
        super().__init__("About PO Tracker", about_html(folder), parent, size=(520, 300))
        self.setObjectName("about_dialog")
        self.folder = folder
        if folder is not None:
            open_folder = QPushButton("Open data &folder")
            open_folder.clicked.connect(
                lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
            )
            self.buttons.addButton(open_folder, QDialogButtonBox.ButtonRole.ActionRole)
