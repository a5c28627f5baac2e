from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit

from ...services.errors import ValidationError
from ...services.framework import lookup
from ...services.logbook.certifications import CertificationInput, parse_fee
from ...vocabulary import CERTIFICATION_STATUSES
from ..widgets.attachment_field import attachment_row
from ..widgets.fields import cost_fields
from ..widgets.form import OptionalDateEdit
from .entry_dialog import EntryDialog


class CertificationDialog(EntryDialog):
    kind = "certification"
    noun = "certification"

    def build_form(self, form) -> None:
        with self.context.reading() as session:
            catalog = lookup.credential_names(session)
        self.name = QComboBox()
        self.name.setEditable(True)
        self.name.addItems(catalog)
        self.name.setCurrentText("")
        form.add_row("name", "&Credential:", self.name)
        self.custom = QCheckBox("Not in the catalog (a custom certification)")
        form.add_row("custom", "", self.custom)
        self.status = QComboBox()
        self.status.addItems(CERTIFICATION_STATUSES)
        self.status.setCurrentText("earned")
        form.add_row("status", "S&tatus:", self.status)
        self.earned = OptionalDateEdit("Earned on")
        self.earned.set_value(None)
        self.earned.enabled.setChecked(True)
        form.add_row("earned_on", "&Earned:", self.earned)
        self.expires = OptionalDateEdit("Set by hand")
        self.expires.setToolTip("Leave unticked to follow the catalog's renewal cycle")
        form.add_row("expires_on", "E&xpires:", self.expires)
        self.issuer = QLineEdit()
        self.issuer.setPlaceholderText("Defaults to the certifying body")
        form.add_row("issuer", "&Issuer:", self.issuer)
        self.number = QLineEdit()
        form.add_row("credential_number", "Credential &ID:", self.number)
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://")
        form.add_row("verification_url", "&Verification URL:", self.url)
        self.cost, self.currency = cost_fields(form)
        self.fee = QLineEdit()
        self.fee.setPlaceholderText("e.g. USD 100; empty: the catalog's fee")
        self.fee.setToolTip(
            "What you pay to renew it. Catalog fees are the bodies' published ones and may"
            " have changed: enter yours if it differs."
        )
        form.add_row("renewal_fee_amount", "Rene&wal fee:", self.fee)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(90)
        form.add_row("notes", "&Notes:", self.notes)
        self.attachment = attachment_row(self, form)

    def load(self, item) -> None:
        self.name.setCurrentText(item.name)
        self.custom.setChecked(item.credential_slug is None)
        self.status.setCurrentText(item.status)
        self.earned.set_value(item.earned_on)
        self.expires.set_value(item.expires_on)
        self.issuer.setText(item.issuer)
        self.number.setText(item.credential_number)
        self.url.setText(item.verification_url)
        self.cost.setValue(item.cost_amount or 0)
        self.currency.setText(item.cost_currency or "")
        if item.renewal_fee_amount is not None:
            self.fee.setText(
                f"{item.renewal_fee_currency or ''} {item.renewal_fee_amount:g}".strip()
            )
        self.notes.setPlainText(item.notes)
        self.attachment.set_name(item.attachment)

    def check_form(self, data) -> None:
        parse_fee(self.fee.text(), "renewal_fee_amount")  # a typo is shown at the field

    def collect(self) -> CertificationInput:
        try:
            fee, fee_currency = parse_fee(self.fee.text(), "renewal_fee_amount")
        except ValidationError:
            fee = fee_currency = None  # reported by validate
        return CertificationInput(
            name=self.name.currentText(),
            custom=self.custom.isChecked(),
            status=self.status.currentText(),
            earned_on=self.earned.value(),
            expires_on=self.expires.value(),
            issuer=self.issuer.text(),
            credential_number=self.number.text(),
            verification_url=self.url.text(),
            cost_amount=self.cost.value() or None,
            cost_currency=self.currency.text() or None,
            notes=self.notes.toPlainText(),
            renewal_fee_amount=fee,
            renewal_fee_currency=fee_currency,
            attachment=self.attachment.name(),
        )
