"""The event form completes the name being typed after the others, and matches names as
the app does everywhere: "émi", "ÉMI" or an "E" typed with a combining accent all offer
"Émilie"."""

from __future__ import annotations

import pytest

from po_tracker.services.logbook import contacts
from po_tracker.services.logbook.contacts import ContactInput
from po_tracker.ui.dialogs.event_dialog import EventDialog


@pytest.fixture
def dialog(context, qtbot):
    with context.database.write() as session:
        for name in ("Émilie Durand", "Zoë Martin", "Emma Stone", "Bob Lee"):
            contacts.create(session, ContactInput(name))
    found = EventDialog(context)
    qtbot.addWidget(found)
    return found


def _offered(dialog, typed: str) -> list[str]:
    completer = dialog.people.completer()
    dialog.people.setText(typed)
    completer.setCompletionPrefix(completer.splitPath(typed)[0])
    model = completer.completionModel()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


@pytest.mark.parametrize("typed", ["émi", "ÉMI", "E\u0301mi", "Bob Lee, émi", "Bob Lee;ÉMILIE"])
def test_a_name_is_offered_whatever_case_or_accent_form_was_typed(dialog, typed):
    assert _offered(dialog, typed) == ["Émilie Durand"]


def test_a_decomposed_umlaut_finds_the_composed_name(dialog):
    assert _offered(dialog, "zoe\u0308") == ["Zoë Martin"]
    assert _offered(dialog, "e") == ["Emma Stone"]  # an accent typed is an accent meant
    assert _offered(dialog, "EM") == ["Emma Stone"]


def test_choosing_a_name_keeps_the_names_before_it(dialog):
    completer = dialog.people.completer()
    dialog.people.setText("Bob Lee, zoë")
    completer.setCompletionPrefix(completer.splitPath(dialog.people.text())[0])
    index = completer.completionModel().index(0, 0)
    assert completer.pathFromIndex(index) == "Bob Lee, Zoë Martin"
    dialog.people.setText("zo")
    assert completer.pathFromIndex(index) == "Zoë Martin"
