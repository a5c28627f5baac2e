"""The dashboard: where the user stands toward the target stage, what to do next,
renewals and follow-ups due, and what they logged lately. Every row opens the place
where the user would act on it."""

from __future__ import annotations

import json
from datetime import date

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...charts import registry
from ...services.changes import STANDING_KINDS
from .. import startup_probe
from ..background import run_in_background
from ..next_paint import after_next_paint
from ..theme import tokens
from ..theme.header import PageHeader
from ..widgets.cards import Card, LinkList, heading
from ..widgets.chart_view import ChartView
from ..widgets.refresh import RefreshWhenShown
from .dashboard_view import (
    COMPONENT_LABELS,
    SMALL_CHARTS,
    SMALL_DESIGNS,
    VIEW_PART,
    argument,
    compute_view,
    view_body,
)
from .dashboard_view import render_small_chart as _render_small_chart

# The charts' sizes on a page one column wide, and the width below which it is one.
SMALL_CHART_MIN_HEIGHT = 170
ONE_COLUMN_CHART = 340
# Below this page width the two columns become one.
ONE_COLUMN_BELOW = 980


class DashboardPage(RefreshWhenShown, QScrollArea):
    watched_kinds = STANDING_KINDS

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("dashboard_page")
        self.setAccessibleName("Dashboard")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Text wraps or elides: the page never scrolls sideways.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.report = None  # the last StatusReport computed; None while a start view shows
        self.start_view = None  # what the last start left (services.start_view.StartView)
        self._after_charts: list = []  # called once both small charts are on screen
        self.shown: tuple | None = None  # (data revision, day) of the numbers on screen
        self.columns = 0
        body = QWidget()
        self.setWidget(body)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(tokens.MARGIN, tokens.SPACE, tokens.MARGIN, tokens.GAP)
        outer.setSpacing(tokens.GAP)
        new_entry = QPushButton("New entry…")
        new_entry.setObjectName("dashboard_new_entry")
        new_entry.clicked.connect(self._ask_new_entry)
        outer.addWidget(
            PageHeader(
                "Dashboard",
                "Where you stand, what to do next, and what is due.",
                new_entry,
                icon="new",
            )
        )
        self.grid = QGridLayout()
        self.grid.setSpacing(tokens.GAP)
        outer.addLayout(self.grid, 1)
        self.cards = {"standing": self._standing_card()}
        self.actions = LinkList("Next actions", "Nothing missing for your target stage.")
        self.cards["actions"] = self._card("Next actions", self.actions)
        self.renewals = LinkList("Renewals", "No credential needs renewal soon.")
        self.reminders = LinkList("Follow-ups and goals due", "No follow-up or goal is due.")
        self.cards["due"] = self._due_card()
        self.recent = LinkList("Recent entries", "Nothing logged yet: press Ctrl+N.")
        self.recent.max_rows = 4  # the latest few; each log's page has the rest
        self.cards["recent"] = self._card("Recent entries", self.recent)
        # Pictures, drawn after the numbers are on screen.
        self.small_charts = {
            name: self._small_chart(name, registry.title(name)) for name in SMALL_CHARTS
        }
        startup_probe.expect("charts")
        for links in (self.actions, self.renewals, self.reminders, self.recent):
            links.opened.connect(context.navigate.emit)
        self._place_cards(2)
        self.watch(context)

    def _card(self, title: str, widget) -> Card:
        card = Card(title)
        card.body.addWidget(widget)
        card.body.addStretch(1)
        return card

    def _due_card(self) -> Card:
        card = Card("Renewals and due dates")
        card.body.addWidget(self.renewals)
        card.body.addWidget(self.reminders)
        card.body.addStretch(1)
        return card

    def _place_cards(self, columns: int) -> None:
        """Two columns on a wide page; one below ``ONE_COLUMN_BELOW`` px (the page then
        scrolls down, never sideways)."""
        if columns == self.columns:
            return
        self.columns = columns
        order = ("standing", "actions", "radar", "readiness", "due", "recent")
        widgets = self.cards
        for widget in widgets.values():
            self.grid.removeWidget(widget)
        for index, key in enumerate(order):
            row, column = divmod(index, columns)
            self.grid.addWidget(widgets[key], row, column)
        # Every row the other placing used gives up its stretch: an empty row left
        # stretched (one column's fourth) took the charts' height back in two columns.
        for row in range(len(order)):
            self.grid.setRowStretch(row, 0)
        charts_row = 1 if columns == 2 else 2
        self.grid.setRowStretch(charts_row, 1)
        if columns == 1:
            self.grid.setRowStretch(charts_row + 1, 1)
        self.grid.setColumnStretch(1, 1 if columns == 2 else 0)
        # One column scrolls anyway: the charts take the height a full-width one needs.
        for view in self.small_charts.values():
            view.setMinimumHeight(SMALL_CHART_MIN_HEIGHT if columns == 2 else ONE_COLUMN_CHART)
        self.grid.setColumnStretch(0, 1)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_cards(1 if event.size().width() < ONE_COLUMN_BELOW else 2)

    def _ask_new_entry(self) -> None:
        window = self.window()
        if hasattr(window, "new_entry"):
            window.new_entry()

    def _standing_card(self) -> Card:
        card = Card("Where you stand")
        self.stages = heading("")
        self.stages.setObjectName("stages_label")
        row = QHBoxLayout()
        row.addWidget(self.stages, 1)
        change = QPushButton("&Change target…")
        change.clicked.connect(lambda: self.context.navigate.emit("career", None))
        row.addWidget(change)
        card.body.addLayout(row)
        self.score = QLabel()
        self.score.setObjectName("readiness_label")
        card.body.addWidget(self.score)
        self.bars: dict[str, QProgressBar] = {}
        self.bar_values: dict[str, QLabel] = {}
        bars = QGridLayout()
        bars.setHorizontalSpacing(tokens.SPACE)
        bars.setVerticalSpacing(tokens.TIGHT)
        bars.setColumnStretch(1, 1)
        for row_index, (name, label) in enumerate(COMPONENT_LABELS.items()):
            caption = QLabel(label)
            bar = QProgressBar()
            bar.setRange(0, 100)
            bar.setTextVisible(False)  # the value stands beside it, readable in any theme
            bar.setFixedHeight(tokens.SPACE + tokens.TIGHT)
            bar.setAccessibleName(f"{label} readiness")
            caption.setBuddy(bar)
            value = QLabel()
            value.setMinimumWidth(value.fontMetrics().horizontalAdvance("not required"))
            bars.addWidget(caption, row_index, 0)
            bars.addWidget(bar, row_index, 1)
            bars.addWidget(value, row_index, 2)
            self.bars[name] = bar
            self.bar_values[name] = value
        card.body.addLayout(bars)
        return card

    # -- refreshing ----------------------------------------------------------------------
    def refresh(self) -> None:
        if self.context.database is None:
            return  # showing the start view; refreshed once the logbook is open
        from ...services.storage import start_view

        today = date.today()
        with self.context.reading() as session:
            revision = start_view.revision(session)
            if self.shown == (revision, today):
                view = None  # what is on screen is still exactly what the data gives
            else:
                self.report, view = compute_view(session, today)
                self.context.keep_facts(revision, self.report.facts)
        self._stale = False
        if view is not None:
            self._show_view(view, revision, today)
            self._keep_view(view, revision, today)
        # The small charts' jobs load matplotlib, which holds Python's lock for a while:
        # they start once the frame with the user's numbers is painted, not before.
        self.update()
        after_next_paint(self.window(), self._refresh_small_charts)

    def show_start_view(self, start) -> bool:
        """Show the numbers the last start left for this day and data, before the
        logbook is open; False when there are none."""
        try:
            view = json.loads(start.parts[VIEW_PART])
            self._show_view(view, start.revision, start.as_of)
        except (KeyError, ValueError, TypeError):
            # None kept, or not readable: the dashboard is computed once the logbook is
            # open, as on a first start. Nothing is written here.
            self.shown = None
            return False
        self.start_view = start
        QTimer.singleShot(0, self._refresh_small_charts)
        return True

    def _show_view(self, view: dict, revision: int, as_of: date) -> None:
        self.shown = (revision, as_of)
        self.stages.setText(view["stages"])
        self.score.setText(view["score"])
        for name, value, text in view["bars"]:
            self.bars[name].setValue(value)
            self.bars[name].setFormat(text)
            self.bar_values[name].setText(text)
        for links, key in (
            (self.actions, "actions"),
            (self.renewals, "renewals"),
            (self.reminders, "reminders"),
            (self.recent, "recent"),
        ):
            rows = [(text, page, argument(arg)) for text, page, arg in view[key]]
            links.set_rows(rows, view.get(key.removesuffix("s") + "_status"))
        startup_probe.mark("numbers")

    def _keep_view(self, view: dict, revision: int, as_of: date) -> None:
        from ...services.storage import start_view

        database = self.context.database
        body = view_body(view)
        run_in_background(self, lambda: start_view.save(database, VIEW_PART, revision, as_of, body))

    # -- small charts (row 3) ------------------------------------------------------------
    def _small_chart(self, name: str, title: str) -> ChartView:
        view = ChartView(design=SMALL_DESIGNS[name], clickable=True)
        view.setObjectName(f"small_{name.replace('-', '_')}_chart")
        view.setAccessibleName(f"{title} chart; press Enter to open it on the Charts page")
        view.setToolTip("Open on the Charts page")
        view.setMinimumHeight(SMALL_CHART_MIN_HEIGHT)
        view.clicked.connect(lambda: self.context.navigate.emit("charts", name))
        view.resized.connect(lambda: self._draw_small_chart(name))
        card = Card(title)
        card.heading.hide()  # the picture carries its own title
        card.body.addWidget(view, 1)
        self.cards[name] = card  # kept here: the card owns the view until it is placed
        return view

    def _refresh_small_charts(self) -> None:
        # Settle the layout first (the scroll bar the new rows may need), so the pictures
        # are drawn for the size they will keep.
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        for name in self.small_charts:
            self._draw_small_chart(name)

    def _draw_small_chart(self, name: str) -> None:
        """From the start view when it has this chart at this size for the data shown,
        else rendered in the background (and kept for the next start)."""
        view = self.small_charts[name]
        request = view.request()
        key = f"chart:{name}:{request.key}"
        if view.shows(key, self.shown):
            return
        kept = self.start_view
        if kept is not None and (kept.revision, kept.as_of) == self.shown and key in kept.parts:
            view.show_png(kept.parts[key], key, self.shown)
            self._small_chart_shown()
            return
        if self.context.database is None:
            return  # drawn once the logbook is open
        database = self.context.database
        run_in_background(
            self,
            lambda: _render_small_chart(database, name, key, request),
            on_done=lambda result: self._show_small_chart(name, key, result),
        )

    def _show_small_chart(self, name: str, key: str, result) -> None:
        view = self.small_charts[name]
        if isinstance(result, Exception):
            view.show_message(f"The chart could not be drawn: {result}")
        elif key != f"chart:{name}:{view.request().key}":
            self._draw_small_chart(name)  # resized meanwhile: drawn again at the new size
            return
        else:
            png, state = result
            view.show_png(png, key, state)
        self._small_chart_shown()

    def _small_chart_shown(self) -> None:
        if all(view.drawn for view in self.small_charts.values()):
            pictures = [view.pixmap() for view in self.small_charts.values()]
            if all(p is not None and not p.isNull() for p in pictures):
                startup_probe.mark("charts")
            waiting, self._after_charts = self._after_charts, []
            for then in waiting:
                then()

    def after_charts(self, then) -> None:
        """``then()`` once both small charts are on screen (or could not be drawn)."""
        if all(view.drawn for view in self.small_charts.values()):
            then()
        else:
            self._after_charts.append(then)
