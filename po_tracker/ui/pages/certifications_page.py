from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton

from ...services.errors import ValidationError
from ...services.logbook import certification_renewal
from ..table_models.entry_table_model import Column
from ..undo import RenewCertification
from .log_page import LogPage


class CertificationsPage(LogPage):
    kind = "certification"
    noun = "certification"
    title = "Certifications"
    purpose = "What you hold, when each expires, and the credits toward renewing it."
    dialog_class = "certification_dialog:CertificationDialog"
    stretch_column = 0
    filters = (
        ("All", None),
        ("Earned", "earned"),
        ("Planned or in progress", "planned"),
        ("Expired", "expired"),
    )

    def columns(self):
        return [
            Column("Certification", lambda c: c.name, sort_key="name"),
            Column("Status", lambda c: c.status, sort_key="status"),
            Column("Earned", lambda c: c.earned_on, sort_key="earned"),
            Column(
                "Expires",
                lambda c: c.expires,
                display=lambda d: str(d) if d else "never",
                sort_key="expires",
            ),
            Column("Issuer", lambda c: c.issuer, sort_key="issuer"),
            Column("Credential ID", lambda c: c.credential_number, sort_key="number"),
        ]

    def extend_layout(self, layout) -> None:
        row = QHBoxLayout()
        self.renew_button = QPushButton("&Renew…")
        self.renew_button.setToolTip(
            "Log the renewal of the selected certification today: its expiry moves one"
            " cycle on (a Scrum Alliance renewal renews every one you hold). Undoable."
        )
        self.renew_button.clicked.connect(self.renew_selected)
        row.addWidget(self.renew_button)
        row.addStretch(1)
        layout.addLayout(row)

    def renew_selected(self) -> None:
        item = self.selected_item()
        if item is None:
            return
        today = date.today()
        try:
            with self.context.reading() as session:
                plan = certification_renewal.preview(session, item.name, today)
        except ValidationError as error:
            QMessageBox.warning(self, "Cannot renew", error.errors[0].message)
            return
        answer = QMessageBox.question(self, "Renew", f"{plan}\n\nYou can undo this.")
        if answer == QMessageBox.StandardButton.Yes:
            command = RenewCertification(self.context, item.name, today, self.label_of(item))
            self.context.undo_stack.push(command)
