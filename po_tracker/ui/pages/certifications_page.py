from __future__ import annotations

from ..table_models.entry_table_model import Column
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
