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
    from PySide6.QtWidgets import QApplication

    from . import __version__

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    return app


def _data_dir(args) -> Path:
    from .paths import resolve_data_dir

    if getattr(args, "demo", False):
        # A throwaway folder: the demo never touches the user's own logbook.
        return Path(tempfile.mkdtemp(prefix="po-tracker-demo-"))
    return resolve_data_dir(getattr(args, "data_dir", None))


def open_into(window, data_dir: Path, demo: bool = False) -> bool:
    """Open the logbook and hand it to the window; on failure, say why in plain words."""
    from PySide6.QtWidgets import QMessageBox

    from .schema import SchemaError
    from .services.logbook import open_logbook
    from .ui.context import AppContext

    try:
        database = open_logbook(data_dir)
    except (SchemaError, OSError) as error:
        QMessageBox.critical(window, "PO Tracker cannot open your logbook", str(error))
        window.close()
        return False
    if demo:
        from .demo import fill_demo_profile

        fill_demo_profile(database)
    context = AppContext(database, window)
    window.attach(context)
    window.offer_first_run()
    return True


def main(args=None) -> int:
    if args is None:
        from .cli.parser import build_parser

        args = build_parser().parse_args()
    from PySide6.QtCore import QTimer

    from .ui.main_window import MainWindow

    app = _make_application()
    window = MainWindow()
    window.show()
    data_dir = _data_dir(args)
    QTimer.singleShot(0, lambda: open_into(window, data_dir, getattr(args, "demo", False)))
    return app.exec()
