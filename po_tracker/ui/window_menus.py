"""The main window's menus and toolbar: every action, its shortcut and the window method
it calls. The actions that need the logbook stay disabled until it is open
(``MainWindow.attach``)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import QToolBar

from .navigation import PAGES

ICON_SIZE = 18


def blank_icon() -> QIcon:
    """A transparent stand-in until the icon font is loaded: the sidebar and toolbar
    keep the size they will have, so nothing below them moves when the icons come."""
    pixmap = QPixmap(ICON_SIZE, ICON_SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    return QIcon(pixmap)


def add_action(window, text: str, slot, shortcut=None, menu=None) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    if menu is not None:
        menu.addAction(action)
    return action


def build_menus(window) -> None:
    """The menu bar and the toolbar of ``window``; sets ``window.logbook_actions``, the
    actions ``attach`` enables once the logbook is open."""
    _file_menu(window)
    _edit_menu(window)
    _view_menu(window)
    _help_menu(window)
    _toolbar(window)
    window.logbook_actions = (
        window.new_action,
        window.find_action,
        window.preferences_action,
        window.framework_action,
        window.export_chart_action,
        window.export_report_action,
        window.export_case_action,
        window.export_review_action,
        *window.data_menu_actions,
    )
    # Undo and redo follow the undo stack once there is one.
    for action in (*window.logbook_actions, window.undo_action, window.redo_action):
        action.setEnabled(False)


def _file_menu(window) -> None:
    keys = QKeySequence.StandardKey
    menu = window.menuBar().addMenu("&File")
    window.new_action = add_action(window, "&New entry…", window.new_entry, keys.New, menu)
    menu.addSeparator()
    from .data_actions import DataActions

    window.data_actions = DataActions(window)
    window.data_menu_actions = window.data_actions.add_to(menu)
    menu.addSeparator()
    for name, text, slot in (
        ("export_chart_action", "Export &chart…", window.export_chart),
        ("export_report_action", "Export progress &report…", window.export_report),
        ("export_case_action", "Export &promotion case…", window.export_case),
        ("export_review_action", "Export re&view…", window.export_review),
    ):
        setattr(window, name, add_action(window, text, slot, None, menu))
    menu.addSeparator()
    window.quit_action = add_action(window, "&Quit", window.close, keys.Quit, menu)


def _edit_menu(window) -> None:
    keys = QKeySequence.StandardKey
    menu = window.menuBar().addMenu("&Edit")
    window.undo_action = add_action(window, "&Undo", window._undo, keys.Undo, menu)
    window.redo_action = add_action(window, "&Redo", window._redo, keys.Redo, menu)
    menu.addSeparator()
    window.find_action = add_action(
        window, "&Find in every log…", window.open_search, keys.Find, menu
    )
    # Ctrl+K as well: the quick-open key of Obsidian, Linear and most launchers.
    window.find_action.setShortcuts([QKeySequence(keys.Find), QKeySequence("Ctrl+K")])
    window.framework_action = add_action(
        window, "&Career framework…", window.open_framework, None, menu
    )
    window.preferences_action = add_action(
        window, "&Preferences…", window.open_preferences, keys.Preferences, menu
    )
    window.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)


def _view_menu(window) -> None:
    menu = window.menuBar().addMenu("&View")
    for number, spec in enumerate(PAGES, start=1):
        add_action(
            window,
            spec.title,
            lambda _=False, k=spec.key: window.show_page(k),
            f"Ctrl+{number % 10}",  # the tenth page is Ctrl+0
            menu,
        )
    menu.addSeparator()
    from .theme.window_look import build_appearance_menu

    window.appearance_actions = build_appearance_menu(window, menu)


def _help_menu(window) -> None:
    keys = QKeySequence.StandardKey
    menu = window.menuBar().addMenu("&Help")
    add_action(
        window, "PO Tracker &guide", lambda: window._help("GuideDialog"), keys.HelpContents, menu
    )
    add_action(
        window, "&Keyboard shortcuts", lambda: window._help("ShortcutsDialog"), "Ctrl+?", menu
    )
    add_action(window, "&About PO Tracker", window.about, None, menu)


def _toolbar(window) -> None:
    toolbar = QToolBar("Main toolbar")
    toolbar.setObjectName("main_toolbar")
    toolbar.setMovable(False)
    toolbar.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for action in (window.new_action, window.undo_action, window.redo_action, window.find_action):
        action.setIcon(blank_icon())
        toolbar.addAction(action)
    window.addToolBar(toolbar)
    window.toolbar = toolbar
