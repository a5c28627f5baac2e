"""The dashboard: where the user stands toward the target stage, what to do next,
renewals and follow-ups due, and what they logged lately. Every row opens the place
where the user would act on it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QWidget,
)

from ...services import recent, status
from .. import startup_probe
from ..navigation import PAGE_OF_KIND
from ..widgets.cards import Card, LinkList, heading
from ..widgets.refresh import RefreshWhenShown

# Where the user acts on a gap of each kind.
PAGE_OF_GAP = {
    "skill": "skills",
    "certification": "certifications",
    "experience": "experience",
    "learning": "training",
    "networking": "networking",
}
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


class DashboardPage(RefreshWhenShown, QScrollArea):
    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("dashboard_page")
        self.setAccessibleName("Dashboard")
        self.setWidgetResizable(True)
        self.report = None
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
        self.small_charts: dict[str, object] = {}  # row 3, filled after the first paint
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
        today = date.today()
        with self.context.reading() as session:
            self.report = status.build(session, today)
            recent_rows = recent.recent_entries(session)
            reminder_rows = recent.reminders(session, today)
        self._stale = False
        # The small charts load matplotlib: after the user's numbers are on screen.
        QTimer.singleShot(0, self._refresh_small_charts)
        self._show_standing(self.report)
        self._show_actions(self.report)
        self._show_renewals(self.report)
        self.reminders.set_rows(
            [(r.text + f" ({r.day})", PAGE_OF_KIND[r.kind], (r.kind, r.id)) for r in reminder_rows]
        )
        self.recent.set_rows(
            [(_recent_label(r), PAGE_OF_KIND[r.kind], (r.kind, r.id)) for r in recent_rows]
        )
        startup_probe.mark("numbers")

    def _show_standing(self, report) -> None:
        current = report.current_stage or "Current stage not set"
        target = report.target_stage or "no target yet"
        self.stages.setText(f"<h2>{current} → {target}</h2>")
        result = report.readiness
        if result is None:
            self.score.setText("Choose a target stage to see how ready you are.")
            for bar in self.bars.values():
                bar.setValue(0)
                bar.setFormat("—")
            return
        self.score.setText(
            f"<span style='font-size: 28pt; font-weight: 600'>"
            f"{result.overall:.0f}%</span> ready for {result.stage}"
        )
        for component in result.components:
            bar = self.bars[component.name]
            bar.setValue(round(component.percent))
            bar.setFormat(f"{component.percent:.0f}%" if component.scored else "not required")

    def _show_actions(self, report) -> None:
        result = report.readiness
        if result is None:
            self.actions.set_rows([(report.next_actions[0], "career", None)])
            return
        rows = []
        for gap in result.gaps[:6]:
            gain = f"  (+{gap.gain:.1f} points)" if gap.gain >= 0.05 else ""
            argument = ("skill", gap.name) if gap.kind == "skill" else None
            rows.append((gap.action + gain, PAGE_OF_GAP.get(gap.kind, "career"), argument))
        self.actions.set_rows(rows)

    def _show_renewals(self, report) -> None:
        rows = []
        for item in report.credentials:
            if item.status in ("active", "lifetime"):
                continue
            rows.append((status.renewal_reminder(item), "certifications", None))
        self.renewals.set_rows(rows)

    # -- small charts (row 3) ------------------------------------------------------------
    def _small_chart(self, name: str, title: str, column: int):
        from ..widgets.chart_view import ChartView

        view = ChartView(design=(8.0, 4.8), clickable=True)
        view.setObjectName(f"small_{name.replace('-', '_')}_chart")
        view.setAccessibleName(f"{title} chart; press Enter to open it on the Charts page")
        view.setToolTip("Open on the Charts page")
        view.setFixedHeight(SMALL_CHART_HEIGHT)
        view.clicked.connect(lambda: self.context.navigate.emit("charts", name))
        self.grid.addWidget(self._card(title, view), 3, column)
        return view

    def _refresh_small_charts(self) -> None:
        if not self.small_charts:
            for column, (name, title) in enumerate(SMALL_CHARTS.items()):
                self.small_charts[name] = self._small_chart(name, title, column)
        from ..background import run_in_background

        database = self.context.database
        for name, view in self.small_charts.items():
            run_in_background(
                self,
                lambda n=name: _small_chart_data(database, n),
                on_done=lambda data, v=view, n=name: self._show_small_chart(v, n, data),
            )

    def _show_small_chart(self, view, name: str, data) -> None:
        if isinstance(data, Exception):
            view.show_message(f"The chart could not be drawn: {data}")
        else:
            view.show_chart(name, data)
        view.setProperty("drawn", True)
        if all(v.property("drawn") for v in self.small_charts.values()):
            startup_probe.mark("charts", after_paint=False)


def _small_chart_data(database, name: str):
    from ...services.chart_data import chart_data

    with database.read() as session:
        return chart_data(session, name, date.today())
