"""Rate several skills at once (a self-assessment): one row per skill, prefilled with
its current level; only the skills the user touched are recorded."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
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
from ...vocabulary import LEVEL_MAX
from ..widgets.form import DateEdit, error_style

NOT_RATED = "not rated"


class SelfAssessmentDialog(QDialog):
    def __init__(self, context, parent=None, intro: str = ""):
        super().__init__(parent)
        self.context = context
        self.setObjectName("self_assessment_dialog")
        self.setWindowTitle("Self-assessment")
        self.resize(560, 620)
        with context.reading() as session:
            self.standings = skill_standing.standings(session, date.today())
        layout = QVBoxLayout(self)
        intro_label = QLabel(
            intro
            or "Rate each skill from 1 (beginner) to 5 (expert). "
            "Skills you leave as they are are not recorded."
        )
        intro_label.setWordWrap(True)
        layout.addWidget(intro_label)
        self.day = DateEdit(date.today())
        day_form = QFormLayout()
        day_label = QLabel("&Date:")
        day_label.setBuddy(self.day)
        day_form.addRow(day_label, self.day)
        layout.addLayout(day_form)
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        self.spins: dict[str, QSpinBox] = {}
        for item in self.standings:
            spin = QSpinBox()
            spin.setRange(0, LEVEL_MAX)
            spin.setSpecialValueText(NOT_RATED)
            spin.setValue(item.level or 0)
            target = f" (target {item.target})" if item.target else ""
            label = QLabel(f"{item.skill}{target}:")
            label.setWordWrap(True)
            label.setBuddy(spin)
            spin.setAccessibleName(item.skill)
            form.addRow(label, spin)
            self.spins[item.skill] = spin
        scroll = QScrollArea()
        scroll.setAccessibleName("Skills to rate")
        scroll.setWidget(form_widget)
        scroll.setWidgetResizable(True)
        layout.addWidget(scroll, 1)
        self.error = QLabel()
        self.error.setStyleSheet(error_style(self))
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Record ratings")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.ratings: list[RatingInput] = []

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
            self.error.setText(str(error))
            self.error.show()
            return
        self.ratings = ratings
        super().accept()
