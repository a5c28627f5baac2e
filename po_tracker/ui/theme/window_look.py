"""The main window's look: View > Appearance, and the sidebar and toolbar icons."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup

from ..navigation import PAGES
from . import appearance, icons
from .header import PageHeader


def build_appearance_menu(window, view_menu) -> dict[str, QAction]:
    """System, Light, Dark: one checked, applied live when chosen."""
    menu = view_menu.addMenu("&Appearance")
    group = QActionGroup(window)
    group.setExclusive(True)
    chosen = appearance.saved_choice()
    actions = {}
    for choice in appearance.CHOICES:
        action = QAction(appearance.LABELS[choice], window, checkable=True)
        action.setChecked(choice == chosen)
        action.triggered.connect(lambda _=False, c=choice: appearance.apply(c))
        group.addAction(action)
        menu.addAction(action)
        actions[choice] = action
    return actions


def apply_icons(window) -> None:
    """Sidebar, toolbar and page header icons in the palette's colours (again after a switch between
    light and dark); nothing until the icon font is loaded."""
    if not icons.ready():
        return
    palette = window.palette()
    for row, spec in enumerate(PAGES):
        window.sidebar.item(row).setIcon(icons.icon(spec.key, palette))
    for name, action in (
        ("new", window.new_action),
        ("undo", window.undo_action),
        ("redo", window.redo_action),
        ("find", window.find_action),
    ):
        action.setIcon(icons.icon(name, palette))
    for header in window.findChildren(PageHeader):
        header.apply_icon(palette)
