"""The certifications page: renewing from the window (undoable), the renewal fee field,
and a lifetime credential's expiry refused next to its field."""

from __future__ import annotations

from datetime import date, timedelta

from po_tracker.services.dates import add_months
from po_tracker.services.logbook import certifications
from po_tracker.ui.pages.certifications_page import CertificationsPage


def _page(qtbot, context):
    page = CertificationsPage(context)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    return page


def _stored(context):
    with context.reading() as session:
        return certifications.list_all(session)


def test_renew_from_the_window_and_undo_it(qtbot, context, answer_yes):
    # Earned 23 months ago: due in about a month, so renewing today is early.
    earned = add_months(date.today(), -23)
    with context.database.write() as session:
        certifications.create(session, certifications.CertificationInput("CSPO", earned_on=earned))
    page = _page(qtbot, context)
    page.table.selectRow(0)
    page.renew_selected()
    (renewed,) = _stored(context)
    # One cycle after the current expiry (earned + 24 months), not after today.
    assert renewed.expires == add_months(add_months(earned, 24), 24)
    assert "Renew" in context.undo_stack.undoText()
    context.undo_stack.undo()
    (restored,) = _stored(context)
    assert (restored.expires_on, restored.expires) == (None, add_months(earned, 24))


def test_an_expired_certification_cannot_be_renewed_from_the_window(qtbot, context, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    earned = date.today() - timedelta(days=3 * 365)
    with context.database.write() as session:
        certifications.create(session, certifications.CertificationInput("CSPO", earned_on=earned))
    page = _page(qtbot, context)
    page.table.selectRow(0)
    page.renew_selected()
    assert len(warnings) == 1 and "can no longer be renewed" in warnings[0]
    assert context.undo_stack.count() == 0
    assert _stored(context)[0].expires_on is None


def test_lifetime_expiry_and_bad_fee_are_shown_next_to_their_fields(qtbot, context, fill_dialog):
    page = _page(qtbot, context)

    def fill(d):
        d.name.setCurrentText("PSPO I")
        d.earned.set_value(date(2024, 1, 1))
        d.expires.set_value(date(2026, 1, 1))

    dialogs = fill_dialog(fill)
    page.add_entry()
    dialog = dialogs[-1]
    assert dialog.result() == 0
    assert "PSPO I is a lifetime credential" in dialog.form.error_text("expires_on")

    def fill_fee(d):
        d.name.setCurrentText("CSPO")
        d.earned.set_value(date(2024, 1, 1))
        d.fee.setText("lots")

    dialogs = fill_dialog(fill_fee)
    page.add_entry()
    assert "such as USD 100" in dialogs[-1].form.error_text("renewal_fee_amount")
    assert _stored(context) == []


def test_a_renewal_fee_typed_in_the_window_is_kept(qtbot, context, fill_dialog):
    page = _page(qtbot, context)

    def fill(d):
        d.name.setCurrentText("CSPO")
        d.earned.set_value(date(2024, 1, 1))
        d.fee.setText("EUR 95")

    fill_dialog(fill)
    page.add_entry()
    (stored,) = _stored(context)
    assert (stored.renewal_fee_amount, stored.renewal_fee_currency) == (95, "EUR")
