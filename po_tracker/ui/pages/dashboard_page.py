"""The dashboard: where the user stands toward the target stage, what to do next,
renewals and follow-ups due, and what they logged lately. Every row opens the place
where the user would act on it."""

from __future__ import annotations

import json
from datetime import date

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QWidget,
)

from .. import startup_probe
from ..background import run_in_background
from ..navigation import PAGE_OF_KIND
from ..next_paint import after_next_paint
from ..widgets.cards import Card, LinkList, heading
from ..widgets.chart_view import ChartView
from ..widgets.refresh import RefreshWhenShown

# Where the user acts on a gap of each kind.
PAGE_OF_GAP = {
    "skill": "skills",
    "certification": "certifications",
    "experience": "experience",
    "learning": "training",
    "networking": "networking",
}
# The start view part that holds the numbers (the charts' parts are "chart:NAME:SIZE").
VIEW_PART = "dashboard"
# The charts the dashboard shows small, in row 3; a click opens one on the Charts page.
SMALL_CHARTS = {"radar": "Skills radar", "readiness": "Readiness over time"}
SMALL_CHART_HEIGHT = 320
COMPONENT_LABELS = {
    "skills": "Skills",
    "certifications": "Certifications",
    "experience": "Experience",
    "learning": "Learning (12 months)",
    "networking": "Networking (12 months)",
}


KIND_LABELS = {
    "journal": "Journal",
    "training": "Training",
    "event": "Event",
    "rating": "Rating",
    "certification": "Certification",
    "experience": "Experience",
    "goal": "Goal",
}


def _recent_label(entry) -> str:
    """A goal's date is when it is due, not when it was logged: say so."""
    when = f"due {entry.day}" if entry.kind == "goal" and entry.day else str(entry.day or "")
    return (
        f"{KIND_LABELS[entry.kind]}: {entry.title}  ({when})"
        if when
        else f"{KIND_LABELS[entry.kind]}: {entry.title}"
    )


def dashboard_view(report, recent_rows, reminder_rows) -> dict:
    """What the dashboard shows, as plain JSON-ready values: the page shows it, and keeps
    it as the start view of the next start."""
    from ...services.career.status import renewal_reminder

    current = report.current_stage or "Current stage not set"
    target = report.target_stage or "no target yet"
    return {
        "stages": f"<h2>{current} → {target}</h2>",
        **_standing(report.readiness),
        "actions": _action_rows(report),
        "renewals": [
            (renewal_reminder(item), "certifications", None)
            for item in report.credentials
            if item.status not in ("active", "lifetime")
        ],
        "reminders": [
            (r.text + f" ({r.day})", PAGE_OF_KIND[r.kind], (r.kind, r.id)) for r in reminder_rows
        ],
        "recent": [(_recent_label(r), PAGE_OF_KIND[r.kind], (r.kind, r.id)) for r in recent_rows],
    }


def _standing(result) -> dict:
    if result is None:
        return {
            "score": "Choose a target stage to see how ready you are.",
            "bars": [(name, 0, "—") for name in COMPONENT_LABELS],
        }
    return {
        "score": (
            f"<span style='font-size: 28pt; font-weight: 600'>"
            f"{result.overall:.0f}%</span> ready for {result.stage}"
        ),
        "bars": [
            (c.name, round(c.percent), f"{c.percent:.0f}%" if c.scored else "not required")
            for c in result.components
        ],
    }


def _action_rows(report) -> list[tuple]:
    result = report.readiness
    if result is None:
        return [(report.next_actions[0], "career", None)]
    rows = []
    for gap in result.gaps[:6]:
        gain = f"  (+{gap.gain:.1f} points)" if gap.gain >= 0.05 else ""
        argument = ("skill", gap.name) if gap.kind == "skill" else None
        rows.append((gap.action + gain, PAGE_OF_GAP.get(gap.kind, "career"), argument))
    return rows


def _argument(value):
    """A row's argument back from JSON: (kind, id) pairs come back as lists."""
    return tuple(value) if isinstance(value, list) else value


class DashboardPage(RefreshWhenShown, QScrollArea):
    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("dashboard_page")
        self.setAccessibleName("Dashboard")
        self.setWidgetResizable(True)
        self.report = None  # the last StatusReport computed; None while a start view shows
        self.start_view = None  # what the last start left (services.start_view.StartView)
        self.shown: tuple | None = None  # (data revision, day) of the numbers on screen
        body = QWidget()
        self.setWidget(body)
        grid = QGridLayout(body)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.addWidget(self._standing_card(), 0, 0)
        self.actions = LinkList("Next actions", "Nothing missing for your target stage.")
        grid.addWidget(self._card("Next actions", self.actions), 0, 1)
        self.renewals = LinkList("Renewals", "No credential needs renewal soon.")
        grid.addWidget(self._card("Renewals", self.renewals), 1, 0)
        self.reminders = LinkList("Follow-ups and goals due", "No follow-up or goal is due.")
        grid.addWidget(self._card("Follow-ups and goals due", self.reminders), 1, 1)
        self.recent = LinkList("Recent entries", "Nothing logged yet: press Ctrl+N.")
        grid.addWidget(self._card("Recent entries", self.recent), 2, 0, 1, 2)
        self.grid = grid
        # Row 3: pictures, drawn after the numbers are on screen.
        self.small_charts = {
            name: self._small_chart(name, title, column)
            for column, (name, title) in enumerate(SMALL_CHARTS.items())
        }
        startup_probe.expect("charts")
        grid.setRowStretch(4, 1)
        for links in (self.actions, self.renewals, self.reminders, self.recent):
            links.opened.connect(context.navigate.emit)
        self.watch(context)

    def _card(self, title: str, widget) -> Card:
        card = Card(title)
        card.body.addWidget(widget)
        card.body.addStretch(1)
        return card

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
        bars = QGridLayout()
        for row_index, (name, label) in enumerate(COMPONENT_LABELS.items()):
            caption = QLabel(label)
            bar = QProgressBar()
            bar.setRange(0, 100)
            bar.setAccessibleName(f"{label} readiness")
            caption.setBuddy(bar)
            bars.addWidget(caption, row_index, 0)
            bars.addWidget(bar, row_index, 1)
            self.bars[name] = bar
        card.body.addLayout(bars)
        return card

    # -- refreshing ----------------------------------------------------------------------
    def refresh(self) -> None:
        if self.context.database is None:
            return  # showing the start view; refreshed once the logbook is open
        from ...services.career import status
        from ...services.logbook import recent
        from ...services.storage import start_view

        today = date.today()
        with self.context.reading() as session:
            revision = start_view.revision(session)
            if self.shown == (revision, today):
                view = None  # what is on screen is still exactly what the data gives
            else:
                self.report = status.build(session, today)
                view = dashboard_view(
                    self.report,
                    recent.recent_entries(session),
                    recent.reminders(session, today),
                )
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
        for links, key in (
            (self.actions, "actions"),
            (self.renewals, "renewals"),
            (self.reminders, "reminders"),
            (self.recent, "recent"),
        ):
            links.set_rows([(text, page, _argument(arg)) for text, page, arg in view[key]])
        startup_probe.mark("numbers")

    def _keep_view(self, view: dict, revision: int, as_of: date) -> None:
        from ...services.storage import start_view

        database = self.context.database
        body = json.dumps(view).encode()
        run_in_background(self, lambda: start_view.save(database, VIEW_PART, revision, as_of, body))

    # -- small charts (row 3) ------------------------------------------------------------
    def _small_chart(self, name: str, title: str, column: int) -> ChartView:
        view = ChartView(design=(8.0, 4.8), clickable=True)
        view.setObjectName(f"small_{name.replace('-', '_')}_chart")
        view.setAccessibleName(f"{title} chart; press Enter to open it on the Charts page")
        view.setToolTip("Open on the Charts page")
        view.setFixedHeight(SMALL_CHART_HEIGHT)
        view.clicked.connect(lambda: self.context.navigate.emit("charts", name))
        view.resized.connect(lambda: self._draw_small_chart(name))
        self.grid.addWidget(self._card(title, view), 3, column)
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
        if all(
            t.pixmap() is not None and not t.pixmap().isNull() for t in self.small_charts.values()
        ):
            startup_probe.mark("charts")


def _render_small_chart(database, name: str, key: str, request) -> tuple[bytes, tuple]:
    """Runs off the UI thread: the chart's data, its picture, and the picture kept in
    the start view for the data it was drawn from."""
    from ...services.charts_data.chart_data import chart_data
    from ...services.storage import start_view
    from ..widgets.chart_view import render_png

    today = date.today()
    with database.read() as session:
        revision = start_view.revision(session)
        data = chart_data(session, name, today)
    png = render_png(name, data, request)
    start_view.save(database, key, revision, today, png, replaces=f"chart:{name}:")
    return png, (revision, today)
