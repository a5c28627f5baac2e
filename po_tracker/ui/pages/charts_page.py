"""Charts: every chart of the registry, its own options above it, its numbers as a table
below it on request, and an export button.

The chart's data is read, and the chart built and drawn, in a background job (readiness
history over years of log takes a moment, and drawing a chart a few hundred ms): the
page shows at once and stays responsive, the picture arrives when ready. It is drawn
again after a resize, and when the data changes while the page is shown (on the next
show otherwise).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...charts import registry, tables
from ...services.changes import STANDING_KINDS
from ..background import run_in_background
from ..theme.header import PageHeader
from ..widgets.chart_export import export_chart
from ..widgets.chart_options import ChartOptions
from ..widgets.chart_view import ChartView, RenderRequest, build_figure, render_figure
from ..widgets.numbers_table import NumbersTable
from ..widgets.save_file import ask_save_path


def _load(database, name: str, as_of, options: dict, request: RenderRequest):
    """Off the UI thread: the chart's data and the choices its options offer, the
    chart built from them and drawn for ``request``."""
    from ...services.career.skill_standing import standings
    from ...services.charts_data.chart_data import chart_data
    from ...services.charts_data.chart_data_logs import renewable_credentials

    started = time.perf_counter()
    skills = credentials = None
    with database.read() as session:
        data = chart_data(session, name, as_of, **options)
        if name == "skill-trends":
            skills = [s.skill for s in standings(session, as_of)]
        if name == "learning":
            credentials = renewable_credentials(session, as_of)
    figure = build_figure(name, data, request)
    return Loaded(data, skills, credentials, figure, render_figure(figure, request), started)


@dataclass(frozen=True)
class Loaded:
    data: object
    skills: list | None
    credentials: list | None
    figure: object
    png: bytes
    started: float  # perf_counter when the job began


class ChartsPage(QWidget):
    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("charts_page")
        self.setAccessibleName("Charts")
        self.data = None
        self._stale = True
        self._generation = 0
        self.chart_list = self._chart_list()
        self.options = ChartOptions()
        self.options.changed.connect(self.refresh)
        # The export's own size: the screen shows the slide's layout, scaled to fit.
        self.view = ChartView(design=(10.0, 6.0))
        self.view.setMinimumSize(420, 280)
        self.view.resized.connect(self._redraw)
        self.numbers = NumbersTable()
        self.numbers.hide()
        self.description = QLabel()
        self.description.setWordWrap(True)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.chart_list)
        splitter.addWidget(self._chart_area())
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([190, 1000])
        layout = QVBoxLayout(self)
        layout.addWidget(
            PageHeader(
                "Charts",
                "Your log over time: choose a chart, set what it shows, and export it.",
                self.export_button,
                icon="export",
            )
        )
        layout.addWidget(splitter, 1)
        context.data_changed.connect(self._on_data_changed)

    def _chart_list(self) -> QListWidget:
        charts = QListWidget()
        charts.setObjectName("chart_list")
        charts.setAccessibleName("Charts")
        for name in registry.names():
            item = QListWidgetItem(registry.title(name))
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setToolTip(registry.get(name).description)
            charts.addItem(item)
        charts.setStyleSheet("QListWidget#chart_list::item { padding: 6px 10px; }")
        charts.setMaximumWidth(240)
        charts.setCurrentRow(0)
        charts.currentRowChanged.connect(self._on_chart_chosen)
        return charts

    def _chart_area(self) -> QWidget:
        self.export_button = QPushButton("&Export…")
        self.export_button.setAccessibleName("Export the chart to a file")
        self.export_button.setToolTip("PNG, SVG or PDF, on a light background")
        self.export_button.clicked.connect(self.export_current)
        self.numbers_button = QPushButton("Show &numbers")
        self.numbers_button.setCheckable(True)
        self.numbers_button.setAccessibleName("Show the chart's numbers as a table")
        self.numbers_button.toggled.connect(self._toggle_numbers)
        top = QHBoxLayout()
        top.addWidget(self.description, 1)
        top.addWidget(self.numbers_button)
        area = QWidget()
        column = QVBoxLayout(area)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.options)
        body = QSplitter(Qt.Orientation.Vertical)
        self.body_splitter = body
        body.addWidget(self.view)
        body.addWidget(self._numbers_panel())
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 1)
        column.addWidget(body, 1)
        QShortcut(QKeySequence.StandardKey.Save, self, self.export_current)
        return area

    def _numbers_panel(self) -> QWidget:
        """The numbers table with what people do with numbers: copy them, keep them."""
        self.copy_numbers_button = QPushButton("&Copy table")
        self.copy_numbers_button.setToolTip("Tab-separated, pastes into a spreadsheet as cells")
        self.copy_numbers_button.clicked.connect(self._copy_numbers)
        self.save_numbers_button = QPushButton("Save as CS&V…")
        self.save_numbers_button.clicked.connect(self.save_numbers)
        tools = QHBoxLayout()
        tools.addStretch(1)
        tools.addWidget(self.copy_numbers_button)
        tools.addWidget(self.save_numbers_button)
        self.numbers_panel = QWidget()
        column = QVBoxLayout(self.numbers_panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.numbers, 1)
        column.addLayout(tools)
        self.numbers_panel.hide()
        self.numbers.show()
        return self.numbers_panel

    # -- which chart -------------------------------------------------------------------
    @property
    def chart(self) -> str:
        item = self.chart_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else registry.names()[0]

    def show_argument(self, name) -> None:
        """Open chart ``name`` (``context.navigate.emit("charts", "radar")``)."""
        if name in registry.CHARTS:
            self.chart_list.setCurrentRow(registry.names().index(name))

    def _on_chart_chosen(self, _row: int) -> None:
        self.data = None
        self.refresh()

    # -- refreshing --------------------------------------------------------------------
    def _on_data_changed(self, changes) -> None:
        if changes.concerns(STANDING_KINDS):
            self._redraw_soon()

    def _redraw_soon(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._redraw_soon()  # light or dark now: the chart is built anew

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            # After the first paint: the page shows at once, the chart a moment later.
            QTimer.singleShot(0, self._refresh_if_stale)

    def _refresh_if_stale(self) -> None:
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        self._generation += 1
        generation, name = self._generation, self.chart
        self.options.set_chart(name)
        self.description.setText(f"<b>{registry.title(name)}</b>: {registry.get(name).description}")
        options = self.options.values()
        if options.get("skills") == []:
            self.view.show_message("Choose at least one skill in the list above.")
            return
        database, as_of = self.context.database, self.options.as_of_date()
        request = self.view.request()
        run_in_background(
            self,
            lambda: _load(database, name, as_of, options, request),
            on_done=lambda result: self._loaded(generation, name, request, result),
        )

    def _loaded(self, generation: int, name: str, request, result) -> None:
        if generation != self._generation:
            return  # the user moved on; a newer load is on its way
        if isinstance(result, Exception):
            self.view.show_message(f"This chart could not be drawn: {result}")
            return
        if result.skills is not None:
            self.options.set_skills(result.skills)
        if result.credentials is not None:
            self.options.set_credentials(result.credentials)
        self.data = result.data
        self.view.show_figure(name, result.figure, result.png, request.key, result.started)
        self.view.setAccessibleName(f"{registry.title(name)} chart")
        self.view.setAccessibleDescription(registry.get(name).description)
        if self.numbers_panel.isVisible():
            self._fill_numbers()
        if self.view.request().key != request.key:
            self._redraw()  # resized while it was drawn

    def _redraw(self) -> None:
        """The chart shown, drawn again for the view's new size."""
        figure, generation = self.view.figure, self._generation
        if figure is None:
            return
        request = self.view.request()
        run_in_background(
            self,
            lambda: render_figure(figure, request),
            on_done=lambda png: self._redrawn(generation, figure, request, png),
        )

    def _redrawn(self, generation: int, figure, request, png) -> None:
        if generation != self._generation or figure is not self.view.figure:
            return  # another chart, or other data, is on its way
        if isinstance(png, Exception):
            self.view.show_message(f"This chart could not be drawn: {png}")
        elif self.view.request().key == request.key:
            self.view.show_png(png, request.key)

    # -- numbers and export ------------------------------------------------------------
    def _toggle_numbers(self, shown: bool) -> None:
        self.numbers_button.setText("Hide &numbers" if shown else "Show &numbers")
        self.numbers_panel.setVisible(shown)
        if shown:
            # Room for a readable table: two fifths of the height, the chart the rest.
            total = sum(self.body_splitter.sizes())
            self.body_splitter.setSizes([total * 3 // 5, total * 2 // 5])
            self._fill_numbers()

    def _fill_numbers(self) -> None:
        if self.data is not None:
            self.numbers.set_table(*tables.table_rows(self.data))

    def _copy_numbers(self) -> None:
        self.numbers.copy_all()
        self.context.status_message.emit("The table is on the clipboard.")

    def save_numbers(self, path: Path | None = None) -> Path | None:
        """Save as CSV…: the table shown, for a spreadsheet."""
        headers, rows = self.numbers.table
        if not headers:
            return None
        if path is None:
            path = ask_save_path(self, "Save the numbers", f"{self.chart}.csv", "CSV table (*.csv)")
            if path is None:
                return None
        from ...services.exchange import table_csv

        try:
            table_csv.save(path, headers, rows)
        except OSError as error:
            QMessageBox.warning(self, "Not saved", f"Could not write {path}: {error}")
            return None
        self.context.status_message.emit(f"Saved the numbers to {path}")
        return path

    def export_current(self):
        """Export…: the chart as shown, to PNG (SVG or PDF by extension), light."""
        if self.data is None:
            return None
        return export_chart(self, self.chart, self.data, self.context)
