"""Icons for the sidebar, the toolbar and buttons, from the Material Design Icons set
that QtAwesome bundles (one font, tinted with the palette's text colours, so they follow
light and dark).

QtAwesome and its Qt layer (qtpy) take about a third of a second to import: they are
imported off the UI thread once the logbook is open (``load_in_background``), and only
the one icon font is loaded (25 ms), so start-up pays nothing and the icons appear a
moment after the window's first frame."""

from __future__ import annotations

import os

from PySide6.QtGui import QIcon, QPalette

# What each place shows: a page key or an action name -> MDI 6 glyph.
GLYPHS = {
    "dashboard": "view-dashboard-outline",
    "certifications": "certificate-outline",
    "training": "school-outline",
    "networking": "account-group-outline",
    "skills": "star-outline",
    "experience": "briefcase-outline",
    "evidence": "trophy-outline",
    "journal": "notebook-outline",
    "career": "stairs-up",
    "charts": "chart-box-outline",
    "new": "plus",
    "undo": "undo",
    "redo": "redo",
    "find": "magnify",
    "export": "export-variant",
    "delete": "delete-outline",
    "edit": "pencil-outline",
    "assess": "clipboard-check-outline",
}
_FONT = (
    "mdi6",
    "materialdesignicons6-webfont-6.9.96.ttf",
    "materialdesignicons6-webfont-charmap-6.9.96.json",
)
_font = None


def import_library() -> None:
    """Off the UI thread: the module imports only (no Qt object is made)."""
    os.environ.setdefault("QT_API", "pyside6")  # qtpy: no probing for other bindings
    import qtawesome.iconic_font  # noqa: F401


def ready() -> bool:
    return _font is not None


def load() -> None:
    """On the UI thread, after ``import_library``: the one font the app uses."""
    global _font
    if _font is None:
        import_library()
        from qtawesome.iconic_font import IconicFont

        _font = IconicFont(_FONT)


def icon(name: str, palette: QPalette) -> QIcon:
    """``name`` of ``GLYPHS`` in the palette's text colour (white when selected)."""
    if _font is None:
        return QIcon()
    text = palette.windowText().color().name()
    return _font.icon(
        f"mdi6.{GLYPHS[name]}",
        color=text,
        color_active=text,
        color_selected=palette.highlightedText().color().name(),
        color_disabled=palette.placeholderText().color().name(),
    )


def load_in_background(parent, on_ready) -> None:
    """Import the library off the UI thread, then load the font and call ``on_ready``."""
    from ..background import run_in_background

    def done(result) -> None:
        if isinstance(result, Exception):
            return  # no icons: every control still has its words
        load()
        on_ready()

    run_in_background(parent, import_library, on_done=done)
