"""Rate several skills at once (a self-assessment): one row per skill, prefilled with
its current level; only the skills the user touched are recorded.

The first focus is on the first skill, not on the date: arrow keys meant for a level
must never move a date the user is not looking at. The date comes last, today by
default, and a date after today is refused (a rating records what has happened)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...services.career import skill_standing
from ...services.errors import ValidationError
from ...services.logbook import ratings as rating_service
from ...services.logbook.ratings import RatingInput
from ...vocabulary import LEVEL_MAX, LEVEL_MEANINGS
from ..widgets.fit import FitsScreen
from ..widgets.form import DateEdit, error_style

NOT_RATED = "not rated"


def level_legend() -> str:
    return "<br>".join(
        f"<b>{level} {name}</b>: {meaning}" for level, (name, meaning) in LEVEL_MEANINGS.items()
    )


class LevelSpin(QSpinBox):
    """A level with its meaning beside the number ("3 · Practising")."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setRange(0, LEVEL_MAX)
        self.setSpecialValueText(NOT_RATED)
        self.setToolTip(level_legend())

    def textFromValue(self, value: int) -> str:
        if value in LEVEL_MEANINGS:
            return f"{value} · {LEVEL_MEANINGS[value][0]}"
        return str(value)

    def valueFromText(self, text: str) -> int:
        digits = text.strip()[:1]
        return int(digits) if digits.isdigit() else 0

    def validate(self, text: str, pos: int):
        from PySide6.QtGui import QValidator

        stripped = text.strip()
        if not stripped or stripped == NOT_RATED or stripped[:1] in "012345":
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Invalid, text, pos


class SelfAssessmentDialog(FitsScreen, QDialog):
    def __init__(self, context, parent=None, intro: str = ""):
        super().__init__(parent)
        self.context = context
        self.setObjectName("self_assessment_dialog")
        self.setWindowTitle("Self-assessment")
        with context.reading() as session:
            self.standings = skill_standing.standings(session, date.today())
        layout = QVBoxLayout(self)
        intro_label = QLabel(
            intro or "Rate each skill from 1 to 5. Skills you leave as they are are not recorded."
        )
        intro_label.setWordWrap(True)
        layout.addWidget(intro_label)
        legend = QLabel(level_legend())
        legend.setObjectName("level_legend")
        legend.setWordWrap(True)
        layout.addWidget(legend)
        self.spins: dict[str, QSpinBox] = {}
        layout.addWidget(self._skills_area(), 1)
        self.error = QLabel()
        self.error.setStyleSheet(error_style(self))
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        layout.addLayout(self._bottom_row())
        self.ratings: list[RatingInput] = []
        if self.spins:
            next(iter(self.spins.values())).setFocus()
        self.resize(620, 640)

    def _skills_area(self) -> QScrollArea:
        grid_widget = QWidget()
        grid = QGridLayout(grid_widget)
        grid.setColumnStretch(0, 1)
        for row, item in enumerate(self.standings):
            label = QLabel(item.skill)
            label.setWordWrap(True)
            spin = LevelSpin()
            spin.setValue(item.level or 0)
            spin.setAccessibleName(item.skill)
            label.setBuddy(spin)
            target = QLabel(f"target {item.target}" if item.target else "")
            target.setEnabled(False)  # secondary text
            grid.addWidget(label, row, 0)
            grid.addWidget(spin, row, 1)
            grid.addWidget(target, row, 2)
            self.spins[item.skill] = spin
        scroll = QScrollArea()
        scroll.setAccessibleName("Skills to rate")
        scroll.setWidget(grid_widget)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return scroll

    def _bottom_row(self) -> QHBoxLayout:
        self.day = DateEdit(date.today())
        self.day.setMaximumDate(self.day.date())  # no arrow key moves it past today
        self.day.dateChanged.connect(lambda _day: self.error.hide())
        day_label = QLabel("Rated &on:")
        day_label.setBuddy(self.day)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Record ratings")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(day_label)
        row.addWidget(self.day)
        row.addStretch(1)
        row.addWidget(buttons)
        return row

    def changed_ratings(self) -> list[RatingInput]:
        day = self.day.value()
        return [
            RatingInput(skill=item.skill, level=self.spins[item.skill].value(), rated_on=day)
            for item in self.standings
            if self.spins[item.skill].value() and self.spins[item.skill].value() != item.level
        ]

    def accept(self) -> None:
        ratings = self.changed_ratings()
        if not ratings:
            self.error.setText("Change at least one level, or press Cancel.")
            self.error.show()
            return
        try:
            with self.context.reading() as session:
                for data in ratings:
                    rating_service.validate(session, data)
        except ValidationError as error:
            self.error.setText(_sentence(error))
            self.error.show()
            return
        self.ratings = ratings
        super().accept()


def _sentence(error: ValidationError) -> str:
    first = error.errors[0]
    field = "The date" if first.field == "rated_on" else first.field.capitalize()
    return f"{field} {first.message}."
