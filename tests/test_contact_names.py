"""People are matched by name without regard to case in any script or to how accents
were typed: from ``add event --met``, from a CSV import, and in an older logbook."""

from __future__ import annotations

import json
import unicodedata
from datetime import date

import pytest

from po_tracker.launcher import main
from po_tracker.names import name_key
from po_tracker.services.exchange import csv_import
from po_tracker.services.logbook import contacts, events
from po_tracker.services.logbook.events import EventInput

ZOE_COMPOSED = "Zo\u00eb"
ZOE_DECOMPOSED = "Zoe\u0308"


def run(capsys, data_dir, *args):
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Émilie", "ÉMILIE"),
        (ZOE_COMPOSED, ZOE_DECOMPOSED.upper()),
        ("Straße", "STRASSE"),
        ("Σωκράτης", "ΣΩΚΡΆΤΗΣ"),
        ("Ann  Lee", "ann lee"),
    ],
)
def test_met_twice_under_two_spellings_is_one_person(capsys, data_dir, first, second):
    run(capsys, data_dir, "add", "event", "Forum", "--type", "forum", "--met", first)
    run(capsys, data_dir, "add", "event", "Meetup", "--type", "meetup", "--met", second)
    people = json.loads(run(capsys, data_dir, "list", "contacts", "--json"))
    assert [(p["name"], p["events_count"]) for p in people] == [(first, 2)]


def test_one_person_named_twice_in_one_event_is_linked_once(session):
    event = events.create(
        session,
        EventInput("Forum", "forum", date(2026, 5, 1), contacts=(ZOE_COMPOSED, ZOE_DECOMPOSED)),
    )
    assert event.contacts == (ZOE_COMPOSED,)
    assert [c.name for c in contacts.list_all(session)] == [ZOE_COMPOSED]


def test_different_people_stay_apart(session):
    events.create(session, EventInput("Forum", "forum", date(2026, 5, 1), contacts=("Zoe", "Zoë")))
    assert sorted(c.name for c in contacts.list_all(session)) == ["Zoe", "Zoë"]


def test_a_csv_import_links_the_people_already_logged(session, tmp_path):
    events.create(session, EventInput("Forum", "forum", date(2026, 5, 1), contacts=("Émilie",)))
    source = tmp_path / "events.csv"
    source.write_text(
        "title,event_type,event_date,contacts\nMeetup,meetup,2026-06-01,ÉMILIE\n",
        encoding="utf-8",
    )
    csv_import.import_csv(session, "event", source)
    (person,) = contacts.list_all(session)
    assert (person.name, person.events_count) == ("Émilie", 2)


def test_the_key_is_normalised_whatever_the_input():
    for text in ("İstanbul", ZOE_DECOMPOSED, "ﬁle", "Ǆemal"):
        key = name_key(text)
        assert key == unicodedata.normalize("NFC", key)
        assert name_key(text.upper()) == name_key(text.lower()) == key
        assert name_key(unicodedata.normalize("NFD", text)) == key
