"""The first run: where the user is and where they want to go, and an offer to rate
their skills. Everything here can be skipped and changed later."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
)

from ...services.changes import Changes
from ...services.framework import lookup
from ...services.logbook import onboarding, profile
from ..widgets.fit import FitsScreen


class WelcomeDialog(FitsScreen, QDialog):
    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("welcome_dialog")
        self.setWindowTitle("Welcome to PO Tracker")
        self.setMinimumWidth(520)
        with context.reading() as session:
            stages = lookup.stage_names(session)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "<h2>Welcome</h2><p>PO Tracker keeps a private log of how you grow as a Product "
            "Owner and shows how ready you are for the stage you aim for. Your data stays on "
            "this computer.</p><p>Two questions to start; you can change both later on the "
            "Career path page.</p>"
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.current = QComboBox()
        self.current.addItems(stages)
        self.current.setCurrentText("Product Owner")
        self.target = QComboBox()
        self.no_target = QLabel()
        self.no_target.setWordWrap(True)
        self.no_target.hide()
        self.current.currentTextChanged.connect(self._offer_targets)
        self._offer_targets(self.current.currentText(), preferred="Senior Product Owner")
        for label, combo in (("I am &now a:", self.current), ("I &aim to become:", self.target)):
            caption = QLabel(label)
            caption.setBuddy(combo)
            form.addRow(caption, combo)
        layout.addLayout(form)
        layout.addWidget(self.no_target)
        self.assess = QCheckBox("&Rate my skills now (a two-minute self-assessment)")
        self.assess.setChecked(True)
        layout.addWidget(self.assess)
        buttons = QDialogButtonBox()
        buttons.addButton("&Start", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("S&kip", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _offer_targets(self, current: str, preferred: str | None = None) -> None:
        """Only the stages a route leads to from ``current``: never the same stage, and
        never one the framework's moves cannot reach."""
        keep = preferred or self.target.currentText()
        with self.context.reading() as session:
            targets = onboarding.reachable_targets(session, current) if current else []
        self.target.clear()
        self.target.addItems(targets)
        if keep in targets:
            self.target.setCurrentText(keep)
        self.target.setEnabled(bool(targets))
        self.no_target.setText(
            f"No stage in your career framework follows {current}: you can add one later "
            "in Edit > Career framework."
        )
        self.no_target.setVisible(bool(current) and not targets)

    def accept(self) -> None:
        with self.context.writing(Changes.of("profile")) as session:
            profile.set_stages(
                session,
                current=self.current.currentText() or None,
                target=self.target.currentText() or None,
            )
        super().accept()
