"""Floor (c): render the radar chart to a PNG file with the Agg backend, at the size and
resolution ``po-tracker export chart`` writes by default (10 x 6 in at 150 dpi).
``python chart_png.py OUT.png``; the process's wall time is the figure."""

import sys

from matplotlib.backends.backend_agg import FigureCanvasAgg
from radar import radar_figure  # this folder is on sys.path: the script runs from it

figure = radar_figure(size=(10, 6))
FigureCanvasAgg(figure)
figure.savefig(sys.argv[1], dpi=150)
