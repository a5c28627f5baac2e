"""Light, dark, or as the system says: the user's choice (View > Appearance), applied
live to the whole window; charts on screen follow the palette (exports stay light).

With "System", Qt's own palette and the platform's colour scheme rule (Qt 6's
``QStyleHints.colorScheme``), as do Qt's ``-style`` and ``-platform`` options. "Light"
and "Dark" ask the platform for that scheme, and set a matching palette as well, since
not every platform theme (X11 without a desktop, say) answers the request."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

CHOICES = ("system", "light", "dark")
LABELS = {"system": "&System", "light": "&Light", "dark": "&Dark"}
SETTINGS_KEY = "appearance/scheme"

_system_palette: QPalette | None = None


def saved_choice() -> str:
    value = QSettings().value(SETTINGS_KEY, "system")
    return value if value in CHOICES else "system"


def apply(choice: str, remember: bool = True) -> None:
    """Switch the running application to ``choice``; every window repaints at once."""
    global _system_palette
    app = QGuiApplication.instance()
    if choice not in CHOICES:
        raise ValueError(f"unknown appearance {choice!r}; choose one of {', '.join(CHOICES)}")
    if _system_palette is None:
        _system_palette = QPalette(app.palette())
    hints = app.styleHints()
    if choice == "system":
        hints.unsetColorScheme()
        app.setPalette(_system_palette)
    else:
        dark = choice == "dark"
        hints.setColorScheme(Qt.ColorScheme.Dark if dark else Qt.ColorScheme.Light)
        app.setPalette(dark_palette() if dark else light_palette())
    if remember:
        QSettings().setValue(SETTINGS_KEY, choice)


def is_dark(palette: QPalette) -> bool:
    return palette.window().color().lightness() < 128


R = QPalette.ColorRole


def _palette(colours: dict, muted: str) -> QPalette:
    palette = QPalette()
    for role, value in colours.items():
        palette.setColor(role, QColor(value))
    for role in (R.Text, R.WindowText, R.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(muted))
    return palette


def light_palette() -> QPalette:
    return _palette(
        {
            R.Window: "#F6F5F4",
            R.WindowText: "#1A1A1A",
            R.Base: "#FFFFFF",
            R.AlternateBase: "#F2F1F0",
            R.Text: "#1A1A1A",
            R.Button: "#EDEBE9",
            R.ButtonText: "#1A1A1A",
            R.Highlight: "#0072B2",
            R.HighlightedText: "#FFFFFF",
            R.Link: "#005A8C",
            R.ToolTipBase: "#FFFFFF",
            R.ToolTipText: "#1A1A1A",
            R.PlaceholderText: "#6B6B6B",
            R.Mid: "#BDBAB6",
            R.Midlight: "#E3E1DE",
            R.Dark: "#8C8985",
            R.Light: "#FFFFFF",
            R.Shadow: "#555555",
        },
        muted="#8C8C8C",
    )


def dark_palette() -> QPalette:
    return _palette(
        {
            R.Window: "#242424",
            R.WindowText: "#EDEDED",
            R.Base: "#1B1B1B",
            R.AlternateBase: "#2A2A2A",
            R.Text: "#EDEDED",
            R.Button: "#333333",
            R.ButtonText: "#EDEDED",
            R.Highlight: "#3584C4",
            R.HighlightedText: "#FFFFFF",
            R.Link: "#78B9EB",
            R.ToolTipBase: "#333333",
            R.ToolTipText: "#EDEDED",
            R.PlaceholderText: "#9A9A9A",
            R.Mid: "#4A4A4A",
            R.Midlight: "#3A3A3A",
            R.Dark: "#151515",
            R.Light: "#505050",
            R.Shadow: "#000000",
        },
        muted="#7A7A7A",
    )
