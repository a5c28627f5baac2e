"""Rate several skills at once (a self-assessment): one row per skill, prefilled with
its current level; only the skills the user touched are recorded. Under each skill, the
chosen level's meaning, in the framework's words where it describes that skill's levels
(``services.framework.levels``), the generic words otherwise.

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
from ...services.framework import levels as level_texts
from ...services.logbook import ratings as rating_service
from ...services.logbook.ratings import RatingInput
from ...vocabulary import LEVEL_MAX, LEVEL_MEANINGS
from ..theme import tokens
from ..theme.header import scaled_font
from ..widgets.fit import FitsScreen
from ..widgets.form import DateEdit, error_style

NOT_RATED = "not rated"


def level_legend(levels=None) -> str:
    return "<br>".join(
        f"<b>{text.level} {text.name}</b>: {text.meaning}"
        for text in levels or level_texts.generic_levels()
    )


class LevelSpin(QSpinBox):
    """A level with its name beside the number ("3 · Practising"); its tooltip says
    what each level means for this skill."""

    def __init__(self, levels=None, parent=None):
        super().__init__(parent)
        self.levels = levels or level_texts.generic_levels()
        self.setRange(0, LEVEL_MAX)
        self.setSpecialValueText(NOT_RATED)
        self.setToolTip(level_legend(self.levels))

    def meaning(self) -> str:
        """The chosen level in words ("3 · Practising: does it alone…"), or ""."""
        value = self.value()
        if not value:
            return ""
        text = self.levels[value - 1]
        return f"{text.level} · {text.name}: {text.meaning}"

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
            self.levels = level_texts.levels_by_skill(session)
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
        for index, item in enumerate(self.standings):
            row = 2 * index
            label = QLabel(item.skill)
            label.setWordWrap(True)
            spin = LevelSpin(self.levels.get(item.skill))
            spin.setValue(item.level or 0)
            spin.setAccessibleName(item.skill)
            label.setBuddy(spin)
            target = QLabel(f"target {item.target}" if item.target else "")
            target.setEnabled(False)  # secondary text
            grid.addWidget(label, row, 0)
            grid.addWidget(spin, row, 1)
            grid.addWidget(target, row, 2)
            grid.addWidget(self._meaning_line(spin), row + 1, 0, 1, 3)
            self.spins[item.skill] = spin
        scroll = QScrollArea()
        scroll.setAccessibleName("Skills to rate")
        scroll.setWidget(grid_widget)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return scroll

    def _meaning_line(self, spin: LevelSpin) -> QLabel:
        """What the chosen level means for this skill, following the spin box."""
        line = QLabel(spin.meaning())
        line.setObjectName("level_meaning")
        line.setWordWrap(True)
        line.setEnabled(False)  # secondary text
        line.setFont(scaled_font(line, tokens.CAPTION_SCALE))
        line.setContentsMargins(0, 0, 0, tokens.TIGHT)
        spin.valueChanged.connect(lambda _value: line.setText(spin.meaning()))
        return line

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
