"""The size and start-up floor of a frozen app: a bare PySide6 window drawing one
matplotlib radar chart, nothing else. Built by floor.spec the same way as the app."""

import sys

import numpy as np
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
figure = Figure(figsize=(6, 4))
axes = figure.add_subplot(projection="polar")
angles = np.linspace(0, 2 * np.pi, 15, endpoint=False)
axes.plot(np.append(angles, angles[0]), np.append(np.arange(15) % 5 + 1, 1))
window = QMainWindow()
window.setCentralWidget(FigureCanvasQTAgg(figure))
window.show()
if "--quit" in sys.argv:
    QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
