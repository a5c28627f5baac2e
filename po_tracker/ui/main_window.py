"""The main window: it only wires navigation, menus (``window_menus``), toolbar and
status bar together. Everything a page shows comes from the page itself."""

from __future__ import annotations

import gc

from PySide6.QtCore import QEvent, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .navigation import PAGES, PageSpec
from .widgets.fit import fit_to_screen
from .window_menus import ICON_SIZE, blank_icon, build_menus

# The other pages' modules load in the background this long after the logbook opened,
# once the dashboard's own work is done, so their first visit only builds widgets.
PRELOAD_AFTER_MS = 500


# The sidebar as in GNOME and KDE apps: rows with room around them, the current page
# in the highlight colour with rounded corners, no focus rectangle inside it.
SIDEBAR_STYLE = (
    "QListWidget#navigation { background: palette(window); padding: 8px 6px; outline: 0; }"
    " QListWidget#navigation::item { padding: 6px 8px; border-radius: 6px; margin: 1px 0; }"
    " QListWidget#navigation::item:selected { background: palette(highlight);"
    " color: palette(highlighted-text); }"
    " QListWidget#navigation::item:hover:!selected { background: palette(midlight); }"
)


class MainWindow(QMainWindow):
    # Made by ``window_menus.build_menus``, with every other action of the menus.
    undo_action: QAction
    redo_action: QAction
    logbook_actions: tuple[QAction, ...]

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("main_window")
        self.setWindowTitle("PO Tracker")
        self.context = None
        self.pages: dict[str, object] = {}
        self._build_navigation()
        build_menus(self)
        self.statusBar().showMessage("Opening your logbook…")
        self._restore_settings()

    # -- layout --------------------------------------------------------------------------
    def _build_navigation(self) -> None:
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("navigation")
        self.sidebar.setAccessibleName("Pages")
        for spec in PAGES:
            self.sidebar.addItem(spec.title)
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")
        self.placeholder = QLabel("Opening your logbook…")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.placeholder)
        self.sidebar.setFrameShape(QFrame.Shape.NoFrame)
        self.sidebar.setStyleSheet(SIDEBAR_STYLE)
        self.sidebar.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        for row in range(self.sidebar.count()):
            self.sidebar.item(row).setIcon(blank_icon())
        # Room for the icons that arrive a moment after the first frame.
        self.sidebar.setFixedWidth(self.sidebar.sizeHintForColumn(0) + 64)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sidebar)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.VLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        row.addWidget(line)
        right = QWidget()
        self.page_column = QVBoxLayout(right)
        self.page_column.setContentsMargins(0, 0, 0, 0)
        self.page_column.setSpacing(0)
        self.page_column.addWidget(self.stack, 1)
        row.addWidget(right, 1)
        self.setCentralWidget(central)
        self._toast = None  # made on its first message: its style sheet costs start-up time
        self.sidebar.currentRowChanged.connect(self._on_row_changed)

    @property
    def toast(self):
        """The in-window notification (``widgets.toast``)."""
        if self._toast is None:
            from .widgets.toast import Toast

            self._toast = Toast(self.centralWidget())
        return self._toast

    # -- once the logbook is open --------------------------------------------------------
    def show_start_view(self, context, kept) -> bool:
        """Before the logbook is open: the dashboard as the day's last start left it
        (``services.start_view``), when the dashboard is the page this start shows. The
        rest of the window stays disabled until ``attach``."""
        if self._last_page != "dashboard":
            return False
        dashboard = next(spec for spec in PAGES if spec.key == "dashboard").build(context)
        if not dashboard.show_start_view(kept):
            dashboard.deleteLater()
            return False
        self.pages["dashboard"] = dashboard
        self.stack.addWidget(dashboard)
        self.stack.setCurrentWidget(dashboard)
        self._select_in_sidebar("dashboard")
        return True

    def attach(self, context) -> None:
        """Show the user's data: called once the logbook is open, after the first frame."""
        self.context = context
        stack = context.undo_stack
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        # Bound methods, not lambdas: Qt drops them with the window.
        stack.undoTextChanged.connect(self._show_undo_text)
        stack.redoTextChanged.connect(self._show_redo_text)
        for action in self.logbook_actions:
            action.setEnabled(True)
        context.navigate.connect(self.show_page)
        context.status_message.connect(self._show_status)
        from .feedback import Feedback

        self.feedback = Feedback(lambda: self.toast, context, self)
        from .start_view_keeper import StartViewKeeper

        self.start_view_keeper = StartViewKeeper(self, context)
        self.statusBar().showMessage("Ready", 3000)
        self.show_page(self._last_page)
        # A page built for the start view is already on screen: no show event refreshes it.
        current = self.stack.currentWidget()
        if getattr(current, "_stale", False):
            current.refresh()
        # What start-up built (modules, widgets, the ORM's mappers: ~160,000 objects) lives
        # as long as the window. Frozen, it is left out of Python's full collections, which
        # otherwise stop the UI for 100-170 ms at some later click.
        gc.freeze()
        # The other pages and the icon font load once the page on screen has drawn
        # its charts: they would compete with them for Python's lock.
        after = getattr(current, "after_charts", lambda then: then())
        after(self._start_up_done)
        from . import startup_probe

        startup_probe.mark("ready")

    def _start_up_done(self) -> None:
        # app.main turns the garbage collector off for the start (its imports create
        # ~200,000 objects and no garbage worth a collection); what they built is
        # frozen, then collections resume.
        gc.freeze()
        gc.enable()
        QTimer.singleShot(PRELOAD_AFTER_MS, self._preload_pages)

    def _preload_pages(self) -> None:
        if not self.isVisible():
            return  # closed meanwhile: nothing will be visited
        from .background import run_in_background
        from .navigation import import_page_modules
        from .theme import icons

        run_in_background(self, import_page_modules)
        icons.load_in_background(self, self.apply_icons)

    def apply_icons(self) -> None:
        from .theme.window_look import apply_icons

        apply_icons(self)

    def mark_as_demo(self) -> None:
        from .demo_mode import mark_as_demo

        mark_as_demo(self)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.apply_icons()

    def page(self, key: str):
        if key not in self.pages:
            spec: PageSpec = next(p for p in PAGES if p.key == key)
            widget = spec.build(self.context)
            self.pages[key] = widget
            self.stack.addWidget(widget)
        return self.pages[key]

    def show_page(self, key: str, argument=None) -> None:
        if self.context is None:
            # Chosen while the logbook is still opening: shown as soon as it is open.
            self._last_page = key
            self._select_in_sidebar(key)
            return
        widget = self.page(key)
        self.stack.setCurrentWidget(widget)
        self._select_in_sidebar(key)
        if argument is not None and hasattr(widget, "show_argument"):
            widget.show_argument(argument)

    def _select_in_sidebar(self, key: str) -> None:
        index = next(i for i, spec in enumerate(PAGES) if spec.key == key)
        if self.sidebar.currentRow() != index:
            self.sidebar.blockSignals(True)
            self.sidebar.setCurrentRow(index)
            self.sidebar.blockSignals(False)

    def _on_row_changed(self, row: int) -> None:
        if row >= 0:
            self.show_page(PAGES[row].key)

    def current_page_key(self) -> str:
        row = self.sidebar.currentRow()
        return PAGES[row].key if row >= 0 else "dashboard"

    # -- actions -------------------------------------------------------------------------
    def _show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 5000)

    def _show_undo_text(self, text: str) -> None:
        self.undo_action.setText(f"&Undo {text}".rstrip())

    def _show_redo_text(self, text: str) -> None:
        self.redo_action.setText(f"&Redo {text}".rstrip())

    def _undo(self) -> None:
        if self.context is not None:
            self.context.undo_stack.undo()

    def _redo(self) -> None:
        if self.context is not None:
            self.context.undo_stack.redo()

    def new_entry(self) -> None:
        """New (Ctrl+N): an entry of the page's own kind; on a page without one
        (Dashboard, Charts), the user says which kind first."""
        widget = self.stack.currentWidget()
        if hasattr(widget, "add_entry"):
            widget.add_entry()
            return
        from .dialogs.new_entry_dialog import NewEntryDialog

        chooser = NewEntryDialog(self.context, self)
        if not chooser.exec():
            return
        key, tab = chooser.chosen()
        self.show_page(key)
        page = self.page(key)
        if tab is not None:
            page.tabs.setCurrentWidget(getattr(page, tab))
        page.add_entry()

    def open_search(self) -> None:
        from .dialogs.search_dialog import SearchDialog

        SearchDialog(self.context, self).exec()

    def export_chart(self) -> None:
        self.show_page("charts")
        self.page("charts").export_current()

    def export_report(self) -> None:
        from .widgets.chart_export import export_report

        export_report(self, self.context)

    def export_case(self) -> None:
        from .document_export import export_case

        export_case(self, self.context)

    def export_review(self) -> None:
        from .document_export import export_review

        export_review(self, self.context)

    def open_framework(self) -> None:
        from .dialogs.framework_dialog import FrameworkDialog

        FrameworkDialog(self.context, self).exec()

    def open_preferences(self) -> None:
        from .dialogs.preferences_dialog import PreferencesDialog

        PreferencesDialog(self.context, self).exec()

    def about(self) -> None:
        self._help("AboutDialog")

    def _help(self, name: str) -> None:
        from .dialogs import help_dialogs

        getattr(help_dialogs, name)(self.context, self).exec()

    # -- settings ------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        # Saved on a larger screen, or the default on a small one: brought onto this one.
        fit_to_screen(self)
        self._last_page = settings.value("window/page", "dashboard")
        if self._last_page not in {p.key for p in PAGES}:
            self._last_page = "dashboard"
        # Selected now: a list with no current row selects its first when focused, which
        # would read as the user choosing the dashboard.
        self._select_in_sidebar(self._last_page)

    def closeEvent(self, event) -> None:
        journal = self.pages.get("journal")
        if journal is not None and not journal.confirm_leave():
            event.ignore()  # the user chose to keep editing an unsaved entry
            return
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        if self.context is not None:
            settings.setValue("window/page", self.current_page_key())
            self.start_view_keeper.flush()
        super().closeEvent(event)

    def reopen_logbook(self) -> None:
        """After a restore: the same window over the restored file."""
        from ..services.changes import EVERYTHING
        from ..services.storage.checked_open import open_checked

        database = open_checked(self.context.database.path.parent)
        self.context.database = database
        self.context.undo_stack.clear()
        self.context.notify(EVERYTHING)

    def bring_forward(self) -> None:
        """Another start of the app asked for this window."""
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()

    def start_daily_backup(self) -> None:
        from .daily_backup import start_daily_backup

        start_daily_backup(self)

    def offer_first_run(self) -> None:
        from .first_run import offer_first_run

        offer_first_run(self)
