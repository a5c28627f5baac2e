"""The dashboard: where the user stands toward the target stage, what to do next,
renewals and follow-ups due, and what they logged lately. Every row opens the place
where the user would act on it."""

from __future__ import annotations

from datetime import date

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
from ..navigation import PAGE_OF_KIND
from ..widgets.cards import Card, LinkList, heading

# Where the user acts on a gap of each kind.
PAGE_OF_GAP = {
    "skill": "skills",
    "certification": "certifications",
    "experience": "experience",
    "learning": "training",
    "networking": "networking",
}
COMPONENT_LABELS = {
    "skills": "Skills",
    "certifications": "Certifications",
    "experience": "Experience",
    "learning": "Learning (12 months)",
    "networking": "Networking (12 months)",
}


class DashboardPage(QScrollArea):
    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("dashboard_page")
        self.setAccessibleName("Dashboard")
        self.setWidgetResizable(True)
        self.report = None
        self._stale = True
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
        grid.setRowStretch(3, 1)
        for links in (self.actions, self.renewals, self.reminders, self.recent):
            links.opened.connect(context.navigate.emit)
        context.data_changed.connect(self._on_data_changed)

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
    def _on_data_changed(self, _kinds) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        today = date.today()
        with self.context.reading() as session:
            self.report = status.build(session, today)
            recent_rows = recent.recent_entries(session)
            reminder_rows = recent.reminders(session, today)
        self._stale = False
        self._show_standing(self.report)
        self._show_actions(self.report)
        self._show_renewals(self.report)
        self.reminders.set_rows(
            [(r.text + f" ({r.day})", PAGE_OF_KIND[r.kind], (r.kind, r.id)) for r in reminder_rows]
        )
        self.recent.set_rows(
            [
                (f"{r.day or ''}  {r.title}  ·  {r.kind}", PAGE_OF_KIND[r.kind], (r.kind, r.id))
                for r in recent_rows
            ]
        )

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
