"""Start-up of the desktop window.

The window is shown before the logbook is opened: its first frame costs only Qt, and the
database, the ORM and the user's numbers follow right after, on the next turn of the
event loop. matplotlib is imported only when a chart is first drawn.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

APP_ID = "io.github.potracker.POTracker"
APP_NAME = "PO Tracker"


def _make_application():
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from . import __version__
    from .resources import resource_path

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(QIcon(str(resource_path("icons", "po-tracker.svg"))))
    return app


def _data_dir(args) -> Path:
    from .paths import resolve_data_dir

    if getattr(args, "demo", False):
        # A throwaway folder: the demo never touches the user's own logbook.
        return Path(tempfile.mkdtemp(prefix="po-tracker-demo-"))
    return resolve_data_dir(getattr(args, "data_dir", None))


def _open_checked(window, data_dir: Path):
    """The logbook behind the start-up checks; a damaged one is offered its backup."""
    from PySide6.QtWidgets import QMessageBox

    from .schema import SchemaError
    from .services import backup
    from .services.integrity import DamagedDatabaseError, open_checked
    from .ui.dialogs.recovery_dialog import offer_restore

    try:
        try:
            return open_checked(data_dir)
        except DamagedDatabaseError as error:
            if not offer_restore(window, error):
                return None
            backup.restore(error.path, error.backup)
            return open_checked(data_dir)
    except (SchemaError, backup.BackupError, OSError) as error:
        QMessageBox.critical(window, "PO Tracker cannot open your logbook", str(error))
    return None


def open_into(window, data_dir: Path, demo: bool = False) -> bool:
    """Open the logbook and hand it to the window; on failure, say why and close."""
    from .ui.context import AppContext

    database = _open_checked(window, data_dir)
    if database is None:
        window.close()
        return False
    if demo:
        from .demo import fill_demo_profile

        fill_demo_profile(database)
    context = AppContext(database, window)
    window.attach(context)
    window.offer_first_run()
    window.start_daily_backup()
    return True


def main(args=None) -> int:
    if args is None:
        from .cli.parser import build_parser

        args = build_parser().parse_args()
    from PySide6.QtWidgets import QMessageBox

    from .ui.first_paint import after_first_paint
    from .ui.main_window import MainWindow
    from .ui.single_instance import InstanceGuard, hand_over

    app = _make_application()
    data_dir = _data_dir(args)
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
    from .ui import startup_probe

    startup_probe.install(window)
    guard.activated.connect(window.bring_forward)
    window.show()
    after_first_paint(window, lambda: open_into(window, data_dir, getattr(args, "demo", False)))
    try:
        return app.exec()
    finally:
        guard.release()
