"""Dry runs write nothing, duplicates are skipped, the framework is applied without
losing entries, and bad documents thrown at random change nothing."""

from __future__ import annotations

import copy
import json
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from po_tracker.paths import database_path
from po_tracker.resources import resource_path
from po_tracker.services.errors import ValidationError
from po_tracker.services.exchange import interchange
from po_tracker.services.exchange.interchange_schema import schema_errors
from po_tracker.services.storage.opening import open_logbook
from tests.interchange.helpers import base_document, fresh_logbook, snapshot
from tests.interchange.strategies import documents

SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _folder_bytes(folder) -> dict:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def _sample() -> dict:
    document = base_document()
    document["contacts"] = [{"ref": 1, "name": "Ann"}, {"ref": 2, "name": "Ann"}]
    document["events"] = [
        {
            "ref": 1,
            "title": "Forum",
            "event_type": "forum",
            "event_date": "2024-05-01",
            "contacts": [1, 2],
        }
    ]
    document["goals"] = [{"ref": 1, "text": "Earn CSPO", "credential": "cspo"}]
    return document


def test_dry_run_reports_and_leaves_the_file_byte_for_byte(data_dir):
    fresh_logbook(data_dir).close()
    before = _folder_bytes(data_dir)
    database = open_logbook(data_dir)
    with database.write() as session:
        plan = interchange.import_document(session, _sample(), dry_run=True)
    database.close()
    assert _folder_bytes(data_dir) == before
    assert not plan.applied
    assert plan.added["contacts"] == 2 and plan.added["events"] == 1
    assert "Would add 4 entries" in plan.summary()


def test_reimport_skips_what_is_there_and_adds_only_the_new(db):
    with db.write() as session:
        interchange.import_document(session, _sample())
    document = _sample()
    document["goals"].append({"ref": 2, "text": "Speak at a meetup"})
    with db.write() as session:
        plan = interchange.import_document(session, document)
    assert plan.added == {**dict.fromkeys(plan.added, 0), "goals": 1}
    assert plan.skipped["contacts"] == 2 and plan.skipped["events"] == 1
    assert "Skipped 4 entries" in plan.summary()
    assert len(snapshot(db)["goals"]) == 2


def test_a_new_event_with_known_people_links_to_the_stored_contacts(db):
    with db.write() as session:
        interchange.import_document(session, _sample())
    document = _sample()
    document["events"].append(
        {
            "ref": 2,
            "title": "Dinner",
            "event_type": "meetup",
            "event_date": "2024-06-01",
            "contacts": [2],
        }
    )
    with db.write() as session:
        interchange.import_document(session, document)
    exported = snapshot(db)
    assert len(exported["contacts"]) == 2
    assert exported["events"][1]["contacts"] == [2]


def test_a_framework_without_a_used_skill_retires_it_and_keeps_the_entries(db):
    document = base_document()
    document["ratings"] = [{"ref": 1, "skill": "leadership", "level": 4, "rated_on": "2024-01-01"}]
    with db.write() as session:
        interchange.import_document(session, document)
    smaller = base_document()
    framework = smaller["framework"]
    framework["skills"] = [s for s in framework["skills"] if s["slug"] != "leadership"]
    for stage in framework["stages"]:
        stage["requirements"]["skills"].pop("leadership", None)
    with db.write() as session:
        plan = interchange.import_document(session, smaller)
    assert plan.framework_dropped["skills"] == 1
    exported = snapshot(db)
    assert exported["ratings"][0]["skill"] == "leadership"
    retired = [s for s in exported["framework"]["skills"] if s["slug"] == "leadership"]
    assert retired[0]["retired"] is True


def test_a_document_without_framework_keeps_the_logbook_framework(db):
    document = {
        "format": "po-tracker-export",
        "version": 1,
        "goals": [{"ref": 1, "text": "Mentor someone", "skill": "mentoring-and-coaching"}],
    }
    before = snapshot(db)["framework"]
    with db.write() as session:
        plan = interchange.import_document(session, document)
    assert "kept as it is" in plan.summary()
    assert snapshot(db)["framework"] == before


@cache
def _reference_validator() -> Draft202012Validator:
    schemas = [
        json.loads(resource_path("schema", name).read_text(encoding="utf-8"))
        for name in ("export.schema.json", "framework.schema.json")
    ]
    registry = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema)) for schema in schemas
    )
    Draft202012Validator.check_schema(schemas[0])
    return Draft202012Validator(schemas[0], registry=registry)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)


def _paths(node, path=()):
    yield path
    children = (
        node.items()
        if isinstance(node, dict)
        else enumerate(node)
        if isinstance(node, list)
        else ()
    )
    for key, child in children:
        yield from _paths(child, (*path, key))


@st.composite
def broken(draw):
    document = copy.deepcopy(draw(documents(max_entries=2)))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(list(_paths(document))[1:]))
        parent = document
        for key in path[:-1]:
            parent = parent[key]
        if draw(st.booleans()) and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent[path[-1]] = draw(JSON_VALUES)
    return document


@SETTINGS
@given(documents(max_entries=2))
def test_valid_documents_pass_both_schema_validators(document):
    assert schema_errors(document) == []
    assert not list(_reference_validator().iter_errors(document))


@SETTINGS
@given(broken())
def test_fuzzed_documents_are_refused_cleanly_or_imported_whole(document):
    fast = bool(schema_errors(document))
    reference = any(True for _ in _reference_validator().iter_errors(document))
    assert fast == reference, "the fast validator and jsonschema disagree"
    database = fresh_logbook()
    try:
        before = snapshot(database)
        size = database_path(database.path.parent).stat().st_size
        try:
            with database.write() as session:
                interchange.import_document(session, document)
        except ValidationError as error:
            assert error.errors and all(e.field and e.message for e in error.errors)
            assert snapshot(database) == before
            assert database.path.stat().st_size == size
    finally:
        database.close()
