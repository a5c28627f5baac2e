"""The options above a chart on the Charts page: the dates it covers, and what only one
chart has (the radar's earlier date, the trends' skills, readiness stacked or as lines,
the learning chart's credential). ``values()`` gives them as the keyword options of
``services.chart_data.chart_data``."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...charts import registry
from ...services.dates import add_months

# The charts that take a "From" date (their data starts there).
TIME_CHARTS = registry.taking("since")
EARLIEST = date(1990, 1, 1)  # "From" at this date means: from the first entry


def _date_edit(name: str, special: str | None = None) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setAccessibleName(name)
    if special:
        edit.setMinimumDate(QDate(EARLIEST.year, EARLIEST.month, EARLIEST.day))
        edit.setSpecialValueText(special)  # shown at the minimum date: "no date set"
    return edit


def _labelled(row: QHBoxLayout, text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    row.addWidget(label)
    row.addWidget(widget)
    return label


class ChartOptions(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("chart_options")
        self.chart = "radar"
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.since = _date_edit("From", special="first entry")
        self.since_label = _labelled(row, "&From:", self.since)
        self.as_of = _date_edit("Up to")
        self.as_of_label = _labelled(row, "&Up to:", self.as_of)
        self.earlier = _date_edit("Compare with the levels on")
        self.earlier_label = _labelled(row, "Compare &with:", self.earlier)
        self.stacked = QComboBox()
        self.stacked.addItems(["as lines", "stacked shares"])
        self.stacked.setAccessibleName("Components")
        self.stacked_label = _labelled(row, "&Components:", self.stacked)
        self.credential = QComboBox()
        self.credential.setAccessibleName("Credential")
        self.credential.setMinimumContentsLength(14)
        self.credential_label = _labelled(row, "Cre&dential:", self.credential)
        row.addStretch(1)
        self.skills = self._skill_list()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.skills_box)
        self.reset_dates(date.today())
        for edit in (self.since, self.as_of, self.earlier):
            edit.dateChanged.connect(self.changed)
        self.stacked.currentIndexChanged.connect(self.changed)
        self.credential.activated.connect(self.changed)
        self.skills.itemChanged.connect(self.changed)
        self.set_chart("radar")

    def _skill_list(self) -> QListWidget:
        skills = QListWidget()
        skills.setAccessibleName("Skills to show")
        skills.setFlow(QListWidget.Flow.LeftToRight)
        skills.setWrapping(True)
        skills.setResizeMode(QListWidget.ResizeMode.Adjust)
        skills.setMaximumHeight(96)
        every = QPushButton("&All skills")
        every.setAccessibleName("Show all skills")
        every.clicked.connect(lambda: self._check_all(True))
        none = QPushButton("&No skill")
        none.setAccessibleName("Show no skill")
        none.clicked.connect(lambda: self._check_all(False))
        buttons = QVBoxLayout()
        buttons.addWidget(every)
        buttons.addWidget(none)
        buttons.addStretch(1)
        self.skills_box = QWidget()
        box = QHBoxLayout(self.skills_box)
        box.setContentsMargins(0, 0, 0, 0)
        caption = QLabel("S&kills:")
        caption.setBuddy(skills)
        caption.setAlignment(Qt.AlignmentFlag.AlignTop)
        box.addWidget(caption)
        box.addWidget(skills, 1)
        box.addLayout(buttons)
        return skills

    # -- what is shown ---------------------------------------------------------------
    def set_chart(self, name: str) -> None:
        self.chart = name
        shown = {
            self.since_label: name in TIME_CHARTS,
            self.since: name in TIME_CHARTS,
            self.earlier_label: name == "radar",
            self.earlier: name == "radar",
            self.stacked_label: name == "readiness",
            self.stacked: name == "readiness",
            self.credential_label: name == "learning",
            self.credential: name == "learning",
            self.skills_box: name == "skill-trends",
        }
        for widget, visible in shown.items():
            widget.setVisible(visible)

    def reset_dates(self, today: date) -> None:
        for edit, day in (
            (self.as_of, today),
            (self.earlier, add_months(today, -6)),
            (self.since, EARLIEST),
        ):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)

    def set_skills(self, names) -> None:
        """Offer ``names``; a skill the user unchecked stays unchecked."""
        unchecked = {
            self.skills.item(i).text()
            for i in range(self.skills.count())
            if self.skills.item(i).checkState() != Qt.CheckState.Checked
        }
        self.skills.blockSignals(True)
        self.skills.clear()
        for name in names:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = name not in unchecked
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.skills.addItem(item)
        self.skills.blockSignals(False)

    def set_credentials(self, names) -> None:
        current = self.credential.currentData()
        self.credential.clear()
        self.credential.addItem("All credentials", None)
        for name in names:
            self.credential.addItem(name, name)
        index = self.credential.findData(current)
        self.credential.setCurrentIndex(max(index, 0))

    def _check_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        self.skills.blockSignals(True)
        for i in range(self.skills.count()):
            self.skills.item(i).setCheckState(state)
        self.skills.blockSignals(False)
        self.changed.emit()

    # -- the values ------------------------------------------------------------------
    def as_of_date(self) -> date:
        return self.as_of.date().toPython()

    def values(self) -> dict:
        """The chart_data options of the current chart."""
        name = self.chart
        options: dict = {}
        since = self.since.date().toPython()
        if name in TIME_CHARTS and since > EARLIEST:
            options["since"] = since
        if name == "radar":
            options["earlier"] = self.earlier.date().toPython()
        if name == "readiness":
            options["stacked"] = self.stacked.currentIndex() == 1
        if name == "learning":
            options["credential"] = self.credential.currentData()
        if name == "skill-trends" and self.skills.count():
            options["skills"] = [
                self.skills.item(i).text()
                for i in range(self.skills.count())
                if self.skills.item(i).checkState() == Qt.CheckState.Checked
            ]
        return options
