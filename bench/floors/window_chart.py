"""Floor (b): floor (a) plus matplotlib's QtAgg backend drawing one radar chart.

Timed when the canvas has rendered the figure (its ``draw_event``, inside the paint),
then the end of that event-loop turn: as the probe times the dashboard's charts."""

import json
import sys
import time

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
from radar import radar_figure  # this folder is on sys.path: the script runs from it


def peak_rss() -> int:
    """This process's own high-water mark. Not ru_maxrss: across exec, Linux keeps the
    parent's resident size in it, so a big parent would inflate the floor."""
    with open("/proc/self/status", encoding="ascii") as status:
        for text in status:
            if text.startswith("VmHWM:"):
                return int(text.split()[1]) * 1024
    return 0


def report() -> None:
    line = {"charts": time.monotonic(), "platform": QApplication.platformName()}
    line["peak_rss"] = peak_rss()
    print(json.dumps(line), flush=True)
    QApplication.exit(0)


app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1200, 780)
canvas = FigureCanvasQTAgg(radar_figure())
canvas.mpl_connect("draw_event", lambda _event: QTimer.singleShot(0, report))
window.setCentralWidget(canvas)
window.show()
sys.exit(app.exec())
