"""Preferences that the data depends on: how much each component weighs in the
readiness score, how many backups are kept, and how the calendar export reminds. They
live in the logbook, not in the window's settings, so they travel with the data."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
)

from ...services.changes import Changes
from ...services.errors import ValidationError
from ...services.exchange import calendar_preferences
from ...services.limits import MAX_WEIGHT
from ...services.logbook import profile
from ...services.storage import backup_rotation
from ...vocabulary import DEFAULT_WEIGHTS
from ..widgets.fit import FitsScreen
from ..widgets.form import error_style

KEEP_LABELS = {
    "daily": "&Days:",
    "weekly": "&Weeks:",
    "monthly": "&Months:",
}
LABELS = {
    "skills": "&Skills:",
    "certifications": "&Certifications:",
    "experience": "&Experience:",
    "learning": "&Learning:",
    "networking": "&Networking:",
}


class PreferencesDialog(FitsScreen, QDialog):
    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("preferences_dialog")
        self.setWindowTitle("Preferences")
        with context.reading() as session:
            weights = profile.get(session).weights
        layout = QVBoxLayout(self)
        intro = QLabel(
            "<b>Readiness weights</b><br>How much each component counts in your "
            "overall readiness. Only the ratio between them matters."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.spins: dict[str, QDoubleSpinBox] = {}
        for name, label in LABELS.items():
            spin = QDoubleSpinBox()
            spin.setRange(0, MAX_WEIGHT)
            spin.setDecimals(0)
            spin.setValue(weights[name])
            caption = QLabel(label)
            caption.setBuddy(spin)
            form.addRow(caption, spin)
            self.spins[name] = spin
        layout.addLayout(form)
        with context.reading() as session:
            limits = backup_rotation.get_limits(session)
        keep = QLabel(
            "<b>Backups kept</b><br>Besides every backup of the last day, the "
            "newest one of each recent day, week and month."
        )
        keep.setWordWrap(True)
        layout.addWidget(keep)
        keep_form = QFormLayout()
        self.keep: dict[str, QSpinBox] = {}
        for name, label in KEEP_LABELS.items():
            spin = QSpinBox()
            spin.setRange(0, backup_rotation.MAX_LIMIT)
            spin.setValue(getattr(limits, name))
            caption = QLabel(label)
            caption.setBuddy(spin)
            keep_form.addRow(caption, spin)
            self.keep[name] = spin
        layout.addLayout(keep_form)
        self._add_calendar(layout)
        self.error = QLabel()
        self.error.setStyleSheet(error_style(self))
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            self.restore_defaults
        )
        layout.addWidget(buttons)

    def _add_calendar(self, layout) -> None:
        with self.context.reading() as session:
            prefs = calendar_preferences.get(session)
        intro = QLabel(
            "<b>Calendar export</b><br>When its reminders go off before a renewal or a "
            "goal date, and how early a renewal is put in the calendar."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.reminders = QLineEdit(", ".join(str(day) for day in prefs.reminder_days))
        self.reminders.setPlaceholderText("no reminder")
        self.reminders.setToolTip("Days before the date, separated by commas: 30, 7")
        self.lead = QSpinBox()
        self.lead.setRange(0, calendar_preferences.MAX_DAYS)
        self.lead.setSuffix(" days before the expiry")
        self.lead.setToolTip(
            "For credentials whose catalog entry sets no lead time of its own"
            " (Edit > Career framework > Credentials > Renew ahead)"
        )
        self.lead.setValue(prefs.renewal_lead_days)
        for label, field in (
            ("&Reminders, days before:", self.reminders),
            ("Rene&wals:", self.lead),
        ):
            caption = QLabel(label)
            caption.setBuddy(field)
            form.addRow(caption, field)
        layout.addLayout(form)

    def restore_defaults(self) -> None:
        for name, spin in self.spins.items():
            spin.setValue(DEFAULT_WEIGHTS[name])
        for name, spin in self.keep.items():
            spin.setValue(getattr(backup_rotation.RotationLimits(), name))
        defaults = calendar_preferences.CalendarPreferences()
        self.reminders.setText(", ".join(str(day) for day in defaults.reminder_days))
        self.lead.setValue(defaults.renewal_lead_days)

    def accept(self) -> None:
        weights = {name: spin.value() for name, spin in self.spins.items()}
        try:
            limits = backup_rotation.RotationLimits(
                **{name: spin.value() for name, spin in self.keep.items()}
            )
            calendar = calendar_preferences.CalendarPreferences(
                calendar_preferences.parse_days(self.reminders.text(), "reminders"),
                self.lead.value(),
            )
            with self.context.writing(Changes.of("profile")) as session:
                profile.set_weights(session, weights)
                backup_rotation.set_limits(session, limits)
                calendar_preferences.set_preferences(session, calendar)
        except ValidationError as error:
            self.error.setText(error.errors[0].message.capitalize())
            self.error.show()
            return
        super().accept()
