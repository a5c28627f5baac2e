"""Start-up of the desktop window.

The window is shown before the logbook is opened: its first frame costs only Qt. Right
after it, the dashboard shows what it showed at the day's last start if the data has not
changed since (``services.storage.start_view``, read with plain sqlite3); meanwhile the integrity
check and the ORM's import run off the UI thread, then the logbook opens and the pages
work. matplotlib is imported only when a chart must be drawn anew.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

APP_ID = "io.github.potracker.POTracker"
APP_NAME = "PO Tracker"


def _make_application(qt_options=()):
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from . import __version__
    from .resources import resource_path

    app = QApplication.instance() or QApplication(sys.argv[:1] + list(qt_options))
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(QIcon(str(resource_path("icons", "po-tracker.svg"))))
    return app


def _apply_appearance() -> None:
    """Light or Dark when the user chose one (View > Appearance); System costs nothing."""
    from .ui.theme import appearance

    choice = appearance.saved_choice()
    if choice != "system":
        appearance.apply(choice, remember=False)


def _data_dir(args) -> Path:
    from .paths import resolve_data_dir

    if getattr(args, "demo", False):
        # A throwaway folder: the demo never touches the user's own logbook.
        return Path(tempfile.mkdtemp(prefix="po-tracker-demo-"))
    return resolve_data_dir(getattr(args, "data_dir", None))


def _open_checked(window, data_dir: Path, check=None):
    """The logbook behind the start-up checks (``check``: the result of ``quick_check``
    when it already ran); a damaged one is offered its backup."""
    from PySide6.QtWidgets import QMessageBox

    from .paths import database_path
    from .schema import SchemaError
    from .services.storage import backup
    from .services.storage.checked_open import open_checked, raise_if_damaged
    from .services.storage.integrity import DamagedDatabaseError
    from .ui.dialogs.recovery_dialog import offer_restore

    try:
        try:
            if check is not None:
                raise_if_damaged(database_path(data_dir), check)
            return open_checked(data_dir, verify=check is None)
        except DamagedDatabaseError as error:
            if not offer_restore(window, error):
                return None
            backup.restore(error.path, error.backup)
            return open_checked(data_dir)
    except (SchemaError, backup.BackupError, OSError) as error:
        QMessageBox.critical(window, "PO Tracker cannot open your logbook", str(error))
    return None


def open_into(window, data_dir: Path, demo: bool = False, context=None, check=None) -> bool:
    """Open the logbook and hand it to the window; on failure, say why and close.
    ``context``: the one a start view is already shown with."""
    from .ui.context import AppContext

    database = _open_checked(window, data_dir, check)
    if database is None:
        window.close()
        return False
    if demo:
        from .demo import fill_demo_profile

        fill_demo_profile(database)
    if context is None:
        context = AppContext(database, window)
    else:
        context.database = database
    window.attach(context)
    window.offer_first_run()
    window.start_daily_backup()
    return True


# What opening the logbook and showing the dashboard import: loaded off the UI thread
# while the start view is on screen, so the window stays responsive meanwhile.
OPENING_MODULES = (
    "po_tracker.services.storage.backup",
    "po_tracker.services.storage.opening",
    "po_tracker.services.career.status",
    "po_tracker.services.logbook.recent",
)


def _prepare_open(path: Path):
    """Off the UI thread: the file's integrity check runs in SQLite (which releases the
    GIL, so on the other core) while the modules the open needs are imported. Returns
    the check's result, or None when there is no file yet."""
    import threading
    from importlib import import_module

    from .services.storage.integrity import quick_check

    found = []
    checker = None
    if path.exists() and path.stat().st_size > 0:
        checker = threading.Thread(target=lambda: found.append(quick_check(path)))
        checker.start()
    for module in OPENING_MODULES:
        import_module(module)
    # SQLAlchemy configures the mappers on the first query; 30 ms better spent here.
    from sqlalchemy.orm import configure_mappers

    configure_mappers()
    if checker is None:
        return None
    checker.join()
    return found[0]


def start(window, data_dir: Path, demo: bool = False) -> None:
    """After the first frame: what the dashboard showed at this day's last start, when
    the data has not changed since (no SQLAlchemy needed for that), then the logbook."""
    from .paths import database_path
    from .ui.background import run_in_background
    from .ui.context import AppContext
    from .ui.next_paint import after_next_paint

    path = database_path(data_dir)
    context = AppContext(None, window)

    def open_prepared(check) -> None:
        # A failed preparation only loses the head start: open_into checks again itself.
        open_into(window, data_dir, demo, context, None if isinstance(check, Exception) else check)

    def prepare() -> None:
        run_in_background(window, lambda: _prepare_open(path), on_done=open_prepared)

    if not demo and _show_start_view(window, context, path):
        after_next_paint(window, prepare)
    else:
        prepare()


def _show_start_view(window, context, path: Path) -> bool:
    from datetime import date

    from .services.storage import start_view

    kept = start_view.load(path, date.today())
    # Nothing kept (the first start of a day, or after a change): no page is built for it.
    return kept is not None and bool(kept.parts) and window.show_start_view(context, kept)


# The longest a start may run without garbage collection (see ``main``).
GC_BACK_AFTER_MS = 20_000


def main(args=None) -> int:
    import gc

    # Collections would run ~150 times during the start's imports, for no garbage worth
    # it; MainWindow turns them back on once the first page is drawn.
    gc.disable()
    if args is None:
        from .cli.parser import build_parser

        args = build_parser().parse_args()
    from PySide6.QtWidgets import QMessageBox

    from .ui import pyside_import_hook

    pyside_import_hook.install()  # before the app's own modules are imported
    from .ui.main_window import MainWindow
    from .ui.next_paint import after_next_paint
    from .ui.single_instance import InstanceGuard, hand_over

    app = _make_application(getattr(args, "qt", ()))
    data_dir = _data_dir(args)
    from .ui import crash_handler

    crash_handler.install(data_dir)
    demo = getattr(args, "demo", False)
    if demo:
        from .ui.demo_mode import isolate_settings

        isolate_settings(data_dir)
    _apply_appearance()
    guard = InstanceGuard(data_dir)
    if not guard.acquire():
        if hand_over(data_dir):
            return 0  # the running window comes forward instead
        QMessageBox.warning(
            None,
            APP_NAME,
            "PO Tracker is already open with this data "
            f"folder ({data_dir}), or its lock could not be taken.",
        )
        return 1
    window = MainWindow()
    if demo:
        window.mark_as_demo()
    from .ui import startup_probe

    startup_probe.install(window)
    guard.activated.connect(window.bring_forward)
    window.show()
    # Collections come back whatever happens to the start (a logbook that cannot be
    # opened never draws a page); enabling twice does nothing.
    from PySide6.QtCore import QTimer

    QTimer.singleShot(GC_BACK_AFTER_MS, gc.enable)

    def after_first_frame() -> None:
        guard.listen()
        start(window, data_dir, demo)

    after_next_paint(window, after_first_frame)
    try:
        return app.exec()
    finally:
        # A backup or a write still running holds the logbook until it is done.
        from .ui.background import wait_for_background

        wait_for_background()
        guard.release()
        if demo:
            from .ui.demo_mode import remove_folder

            remove_folder(data_dir)
