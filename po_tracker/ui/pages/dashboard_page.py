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
from .. import startup_probe
from ..background import run_in_background
from ..navigation import PAGE_OF_KIND
from ..next_paint import after_next_paint
from ..theme import tokens
from ..theme.header import PageHeader
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
SMALL_CHARTS = ("radar", "readiness")
# Each drawn at a size designed for a card about a third of the screen high: the radar
# needs room around its ring for the skill names, the line chart less.
SMALL_DESIGNS = {"radar": (8.0, 4.8), "readiness": (6.4, 3.4)}
SMALL_CHART_MIN_HEIGHT = 170
ONE_COLUMN_CHART = 340
# A credential's renewal status as a status chip (theme.tokens.STATUSES).
RENEWAL_STATUS = {"grace": "overdue", "expired": "expired"}
# Below this page width the two columns become one.
ONE_COLUMN_BELOW = 980
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
    renewal_rows = [
        (item.line, RENEWAL_STATUS.get(item.status, "due-soon"))
        for item in report.renewals
        if item.status != "active"
    ] + [
        (renewal_reminder(item), "expired")
        for item in report.credentials
        if item.status == "expired" and item.renewable_until is None
    ]
    return {
        "stages": f"<b>{current} → {target}</b>",
        **_standing(report.readiness),
        "actions": _action_rows(report),
        # One line per renewal (a Scrum Alliance group once), then what can no longer be.
        "renewals": [(line, "certifications", None) for line, _ in renewal_rows],
        "renewal_status": [status for _, status in renewal_rows],
        "reminders": [
            (
                f"{_reminder_text(r.text)} ({relative_day(r.day, report.as_of)})",
                PAGE_OF_KIND[r.kind],
                (r.kind, r.id),
            )
            for r in reminder_rows
        ],
        "reminder_status": [
            "overdue" if r.day < report.as_of else "due-soon" for r in reminder_rows
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
            f"<span style='font-size: 26pt; font-weight: 600'>"
            f"{result.overall:.0f}%</span>&nbsp; ready for {result.stage}"
        ),
        "bars": [
            (c.name, round(c.percent), f"{c.percent:.0f}%" if c.scored else "not required")
            for c in result.components
        ],
    }


def _action_rows(report) -> list[tuple]:
    result = report.readiness
    if result is None:
        # The window's own words, not the command line's (services.status).
        return [("Choose the stage you aim for on the Career path page", "career", None)]
    rows = []
    for gap in result.gaps[:6]:
        gain = f"  (+{gap.gain:.1f} points)" if gap.gain >= 0.05 else ""
        argument = ("skill", gap.name) if gap.kind == "skill" else None
        rows.append((gap.action + gain, PAGE_OF_GAP.get(gap.kind, "career"), argument))
    return rows


def _reminder_text(text: str) -> str:
    """The status chip already says "Overdue": the line need not say it again."""
    return "Goal: " + text[len("Overdue goal: ") :] if text.startswith("Overdue goal: ") else text


def relative_day(day: date, today: date) -> str:
    """ "today", "tomorrow", "in 41 days", "3 days ago": how people say a date that is
    near; the date itself further off."""
    days = (day - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    if abs(days) > 120:
        return str(day)
    return f"in {days} days" if days > 0 else f"{-days} days ago"


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
        for row in range(4 if columns == 1 else 3):
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
            self.bar_values[name].setText(text)
        for links, key in (
            (self.actions, "actions"),
            (self.renewals, "renewals"),
            (self.reminders, "reminders"),
            (self.recent, "recent"),
        ):
            rows = [(text, page, _argument(arg)) for text, page, arg in view[key]]
            links.set_rows(rows, view.get(key.removesuffix("s") + "_status"))
        startup_probe.mark("numbers")

    def _keep_view(self, view: dict, revision: int, as_of: date) -> None:
        from ...services.storage import start_view

        database = self.context.database
        body = json.dumps(view).encode()
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
