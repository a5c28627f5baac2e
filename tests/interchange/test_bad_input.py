"""Every kind of bad file or document: a ValidationError that names the problem, and a
logbook left exactly as it was."""

from __future__ import annotations

import json

import pytest

from po_tracker.services.errors import ValidationError
from po_tracker.services.exchange import interchange
from po_tracker.services.storage import json_stream
from tests.interchange.helpers import base_document, snapshot, write_json


def _valid() -> dict:
    document = base_document()
    document["contacts"] = [{"ref": 1, "name": "Ann"}]
    document["events"] = [
        {
            "ref": 1,
            "title": "Meetup",
            "event_type": "meetup",
            "event_date": "2024-05-01",
            "contacts": [1],
        }
    ]
    document["trainings"] = [
        {
            "ref": 1,
            "title": "Course",
            "start_date": "2024-01-01",
            "hours": 3,
            "skills": ["communication"],
            "credits": [{"credential": "cspo", "credits": 3}],
        }
    ]
    document["ratings"] = [{"ref": 1, "skill": "leadership", "level": 3, "rated_on": "2024-01-01"}]
    document["journal"] = [
        {
            "ref": 1,
            "entry_date": "2024-05-02",
            "body": "Met Ann",
            "links": [{"kind": "event", "ref": 1}],
        }
    ]
    return document


def _set(path: str, value):
    def change(document):
        *parents, last = path.split(".")
        node = document
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        node[int(last) if last.isdigit() else last] = value
        return document

    return change


BAD_DOCUMENTS = {
    "newer version": (_set("version", 6), "newer version"),
    "wrong format": (_set("format", "something-else"), "not a PO Tracker export"),
    "unknown slug": (_set("ratings.0.skill", "juggling"), "unknown skill 'juggling'"),
    "unknown credential": (_set("trainings.0.credits.0.credential", "nope"), "unknown credential"),
    "dangling contact": (_set("events.0.contacts", [7]), "ref 7 is not in contacts"),
    "dangling link": (_set("journal.0.links", [{"kind": "goal", "ref": 1}]), "goal ref 1"),
    "self link": (_set("journal.0.links", [{"kind": "journal", "ref": 1}]), "itself"),
    "negative hours": (_set("trainings.0.hours", -1), "trainings[0].hours"),
    "end before start": (_set("trainings.0.end_date", "2023-12-31"), "before the start date"),
    "rating 6": (_set("ratings.0.level", 6), "ratings[0].level: must be at most 5"),
    "huge string": (_set("contacts.0.name", "x" * 1_000_000), "too long"),
    "impossible date": (_set("ratings.0.rated_on", "2023-02-30"), "not a real date"),
    "date out of range": (_set("ratings.0.rated_on", "1900-01-01"), "between 1950-01-01"),
    "duplicate ref": (
        _set("contacts", [{"ref": 1, "name": "A"}, {"ref": 1, "name": "B"}]),
        "ref: is used twice",
    ),
    "unknown field": (_set("contacts.0.nickname", "Annie"), 'unknown field "nickname"'),
    "huge number": (_set("trainings.0.hours", 1e300), "at most 10000"),
    "bool as number": (_set("ratings.0.level", True), "must be integer"),
    "unknown stage": (_set("profile.target_stage", "astronaut"), "unknown stage"),
    "zero weights": (
        _set(
            "profile.weights",
            dict.fromkeys(["skills", "certifications", "experience", "learning", "networking"], 0),
        ),
        "at least one weight",
    ),
    "framework dangling move": (
        _set("framework.moves", [{"from": "x", "to": "y"}]),
        "unknown stage",
    ),
    "not an object": (lambda document: [document], "must be a JSON object"),
}


@pytest.mark.parametrize("name", sorted(BAD_DOCUMENTS))
def test_bad_document_is_refused_and_changes_nothing(db, name):
    change, expected = BAD_DOCUMENTS[name]
    before = snapshot(db)
    with db.write() as session, pytest.raises(ValidationError) as caught:
        interchange.import_document(session, change(_valid()))
    assert expected in " | ".join(str(e) for e in caught.value.errors)
    assert snapshot(db) == before


def test_the_valid_fixture_itself_imports(db):
    with db.write() as session:
        plan = interchange.import_document(session, _valid())
    assert plan.total_added == 5


def _text(document) -> bytes:
    return json.dumps(document).encode()


BAD_FILES = {
    "truncated": (lambda: _text(_valid())[:-40], "is not valid JSON"),
    "not JSON": (
        lambda: b"hello, world",
        "is not valid JSON: invalid char in json text at 'hello, world'",
    ),
    "empty": (lambda: b"  \n", "empty"),
    "latin-1": (lambda: _text(_valid()).replace(b"Ann", "Änn".encode("latin-1")), "UTF-8"),
    "utf-16": (lambda: json.dumps(_valid()).encode("utf-16"), "UTF-16"),
    "deeply nested": (lambda: b"[" * 100_000 + b"]" * 100_000, "nests deeper"),
    "nested in a field": (
        lambda: _text(_valid()).replace(b'"Met Ann"', b"[[[[[[[[[1]]]]]]]]]"),
        "nests deeper",
    ),
    "duplicate key": (lambda: b'{"format": "po-tracker-export", "format": 1}', "twice"),
    "NaN": (lambda: _text(_valid()).replace(b'"hours": 3', b'"hours": NaN'), "NaN"),
    "huge integer": (
        lambda: _text(_valid()).replace(b'"hours": 3', b'"hours": ' + b"9" * 5000),
        "is not valid JSON",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_is_refused_before_import(db, tmp_path, name):
    content, expected = BAD_FILES[name]
    path = tmp_path / "bad.json"
    path.write_bytes(content())
    before = snapshot(db)
    with pytest.raises(ValidationError) as caught:
        interchange.read_document(path)
    assert expected in str(caught.value)
    assert snapshot(db) == before


def test_brackets_inside_strings_do_not_count_as_nesting(tmp_path):
    document = _valid()
    document["journal"][0]["body"] = '[[[[[[[[[[[[[[[[ {{{{{{{{{{{{ \\" [[[['
    read = interchange.read_document(write_json(tmp_path / "f.json", document))
    assert [entry for _, entry in read.entries("journal")] == document["journal"]


def test_a_text_longer_than_any_field_is_refused_as_it_is_read(tmp_path, monkeypatch):
    """A file has no size limit, but one value has: the parser holds a string whole, so
    a longer one is refused before it is parsed (the limit is lowered here)."""
    monkeypatch.setattr(json_stream, "MAX_TOKEN_BYTES", 1000)
    document = _valid()
    document["contacts"][0]["notes"] = "x" * 990
    interchange.read_document(write_json(tmp_path / "fits.json", document))
    document["contacts"][0]["notes"] = "x" * 1001
    with pytest.raises(ValidationError, match="holds a text longer than any field takes"):
        interchange.read_document(write_json(tmp_path / "long.json", document))


def test_a_framework_file_is_pointed_elsewhere(tmp_path):
    framework = base_document()["framework"]
    with pytest.raises(ValidationError, match="framework file"):
        interchange.read_document(write_json(tmp_path / "f.json", framework))


def test_a_folder_is_not_a_file(tmp_path):
    with pytest.raises(ValidationError, match="not a regular file"):
        interchange.read_document(tmp_path)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(ValidationError, match="does not exist"):
        interchange.read_document(tmp_path / "missing.json")
