"""Floor (a): a bare PySide6 QMainWindow process, to its first painted frame.

The frame is timed as the start-up probe times the app's: the first paint of the window,
then the end of that event-loop turn. With ``--orm`` (floor a+ORM), SQLAlchemy's ORM is
imported first: what no start that reads the logbook through it can go below."""

import json
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class FirstFrame(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.seen = False

    def eventFilter(self, watched, event) -> bool:
        if (
            not self.seen
            and event.type() == QEvent.Type.Paint
            and watched.isWidgetType()
            and watched.window() is self.window
        ):
            self.seen = True
            QTimer.singleShot(0, self.report)
        return False

    def report(self) -> None:
        line = {"first_frame": time.monotonic(), "platform": QApplication.platformName()}
        print(json.dumps(line), flush=True)
        QApplication.exit(0)


if "--orm" in sys.argv[1:]:
    import sqlalchemy.orm  # noqa: F401

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("Floor")
window.resize(1200, 780)
app.installEventFilter(FirstFrame(window))
window.show()
sys.exit(app.exec())
