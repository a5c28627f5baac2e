from __future__ import annotations

from ..dialogs.certification_dialog import CertificationDialog
from ..table_models.entry_table_model import Column
from .log_page import LogPage


class CertificationsPage(LogPage):
    kind = "certification"
    noun = "certification"
    title = "Certifications"
    dialog_class = CertificationDialog
    stretch_column = 0
    filters = (
        ("All", None),
        ("Earned", lambda c: c.status == "earned"),
        ("Planned or in progress", lambda c: c.status in ("planned", "in-progress")),
        ("Expired", lambda c: c.status == "expired"),
    )

    def columns(self):
        return [
            Column("Certification", lambda c: c.name),
            Column("Status", lambda c: c.status),
            Column("Earned", lambda c: c.earned_on),
            Column("Expires", lambda c: c.expires, display=lambda d: str(d) if d else "never"),
            Column("Issuer", lambda c: c.issuer),
            Column("Credential ID", lambda c: c.credential_number),
        ]
