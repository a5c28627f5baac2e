"""The shipped schemas work with any draft 2020-12 validator as they are, and agree with
the app on what a date is; every entry's UUID travels with it through the interchange."""

from __future__ import annotations

import json
import re

import pytest

from po_tracker.resources import resource_path
from po_tracker.services.errors import ValidationError
from po_tracker.services.exchange import interchange

from .helpers import base_document, fresh_logbook, shipped_schema_validator, snapshot

SCHEMA_FILES = ("export.schema.json", "framework.schema.json")
UUID_A = "0b6f4a1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b"


def _refs(node):
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            yield node["$ref"]
        for child in node.values():
            yield from _refs(child)
    elif isinstance(node, list):
        for child in node:
            yield from _refs(child)


@pytest.mark.parametrize("name", SCHEMA_FILES)
def test_each_schema_names_itself_and_refers_only_to_files_beside_it(name):
    folder = resource_path("schema", name).parent
    schema = json.loads((folder / name).read_text(encoding="utf-8"))
    assert schema["$id"] == name
    for ref in _refs(schema):
        target = ref.partition("#")[0]
        assert target == "" or (folder / target).is_file(), f"{name}: $ref {ref} names no file"


def _logbook_document() -> dict:
    document = base_document()
    document["contacts"] = [{"ref": 1, "name": "Émilie"}, {"ref": 2, "name": "Zoë"}]
    document["goals"] = [{"ref": 1, "text": "Earn the A-CSPO", "target_date": "2027-06-30"}]
    document["certifications"] = [
        {"ref": 1, "credential": "cspo", "earned_on": "2025-03-01", "credential_number": "007"}
    ]
    return document


def test_an_export_validates_with_jsonschema_from_the_files_as_shipped():
    database = fresh_logbook()
    try:
        with database.write() as session:
            interchange.import_document(session, _logbook_document())
        with database.read() as session:
            exported = interchange.export_document(session)
    finally:
        database.close()
    assert list(shipped_schema_validator().iter_errors(exported)) == []
    assert list(shipped_schema_validator("framework.schema.json").iter_errors(
        exported["framework"])) == []  # fmt: skip


def test_a_validator_and_the_app_agree_that_february_30_is_no_date():
    document = _logbook_document()
    document["goals"][0]["target_date"] = "2025-02-30"
    errors = list(shipped_schema_validator().iter_errors(document))
    # target_date may be null, so the date check sits inside an anyOf.
    assert [list(e.absolute_path) for e in errors] == [["goals", 0, "target_date"]]
    assert "format" in {branch.validator for branch in errors[0].context}
    database = fresh_logbook()
    try:
        with database.write() as session, pytest.raises(ValidationError) as caught:
            interchange.import_document(session, document)
    finally:
        database.close()
    assert [str(e) for e in caught.value.errors] == [
        'goals[0].target_date: is not a real date (got "2025-02-30")'
    ]


def test_uuids_survive_export_import_into_a_new_folder_and_export_again():
    first = fresh_logbook()
    try:
        with first.write() as session:
            interchange.import_document(session, _logbook_document())
        exported = snapshot(first)
    finally:
        first.close()
    second = fresh_logbook()
    try:
        with second.write() as session:
            interchange.import_document(session, exported)
        again = snapshot(second)
    finally:
        second.close()
    identities = [entry["uuid"] for key in ("contacts", "goals", "certifications")
                  for entry in exported[key]]  # fmt: skip
    assert len(set(identities)) == 4
    assert all(re.fullmatch(r"[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}", u) for u in identities)
    assert again == exported


def test_an_entry_whose_uuid_the_logbook_gives_another_entry_gets_a_new_one():
    database = fresh_logbook()
    try:
        document = base_document()
        document["goals"] = [{"ref": 1, "uuid": UUID_A, "text": "Earn the A-CSPO"}]
        with database.write() as session:
            interchange.import_document(session, document)
        # The same entry, edited since: added as a new entry, under a new identity.
        document["goals"][0]["text"] = "Earn the A-CSPO this year"
        with database.write() as session:
            plan = interchange.import_document(session, document)
        goals = snapshot(database)["goals"]
    finally:
        database.close()
    assert plan.total_added == 1
    assert [g["text"] for g in goals] == ["Earn the A-CSPO", "Earn the A-CSPO this year"]
    assert goals[0]["uuid"] == UUID_A
    assert goals[1]["uuid"] != UUID_A


@pytest.mark.parametrize(
    ("identity", "message"),
    [
        ("not-a-uuid", "goals[0].uuid: must be a UUID in lower case with hyphens"),
        (UUID_A.upper(), "goals[0].uuid: must be a UUID in lower case with hyphens"),
    ],
)
def test_a_malformed_uuid_is_refused_with_its_place(identity, message):
    document = base_document()
    document["goals"] = [{"ref": 1, "uuid": identity, "text": "Earn the A-CSPO"}]
    database = fresh_logbook()
    try:
        before = snapshot(database)
        with database.write() as session, pytest.raises(ValidationError) as caught:
            interchange.import_document(session, document)
        assert snapshot(database) == before
    finally:
        database.close()
    assert message in " | ".join(str(e) for e in caught.value.errors)


def test_two_entries_of_one_list_cannot_share_a_uuid():
    document = base_document()
    document["goals"] = [
        {"ref": 1, "uuid": UUID_A, "text": "Earn the A-CSPO"},
        {"ref": 2, "uuid": UUID_A, "text": "Run a workshop"},
    ]
    database = fresh_logbook()
    try:
        with database.write() as session, pytest.raises(ValidationError) as caught:
            interchange.import_document(session, document)
    finally:
        database.close()
    assert [str(e) for e in caught.value.errors] == [
        f"goals[1].uuid: is used by another entry of this list (got '{UUID_A}')"
    ]
