"""Editing the texts of framework items (a stage's path and description, a skill's
description and journal prompt, a credential's full name and body), and the framework
file's import and export guards."""

from __future__ import annotations

import json

import pytest

from po_tracker.services.errors import ValidationError
from po_tracker.services.framework import document as framework_io
from po_tracker.services.framework import edit as framework_edit


def _by_slug(document: dict, kind: str, slug: str) -> dict:
    return next(item for item in document[kind] if item["slug"] == slug)


def test_stage_details_change_path_and_description(session):
    framework_edit.set_stage_details(
        session, "UX Strategist", path="ladder", description="Owns the user experience."
    )
    stage = _by_slug(framework_io.export_document(session), "stages", "ux-strategist")
    assert (stage["path"], stage["description"]) == ("ladder", "Owns the user experience.")


def test_stage_details_refuse_an_unknown_path_and_change_nothing(session):
    before = framework_io.export_document(session)
    with pytest.raises(ValidationError) as caught:
        framework_edit.set_stage_details(session, "UX Strategist", path="sideways")
    assert [e.field for e in caught.value.errors] == ["path"]
    assert framework_io.export_document(session) == before


def test_skill_details_change_description_and_prompt(session):
    framework_edit.set_skill_details(
        session, "Leadership", description="Sets direction.", prompt="Whom did you lead?"
    )
    skill = _by_slug(framework_io.export_document(session), "skills", "leadership")
    assert (skill["description"], skill["prompt"]) == ("Sets direction.", "Whom did you lead?")


def test_skill_details_refuse_a_nul_character(session):
    with pytest.raises(ValidationError) as caught:
        framework_edit.set_skill_details(session, "Leadership", prompt="bad\x00")
    assert caught.value.errors[0].field == "prompt"


def test_credential_details_change_full_name_and_body(session):
    framework_edit.set_credential_details(
        session, "CSPO", full_name="Certified Scrum Product Owner®", body="Scrum Alliance"
    )
    credential = _by_slug(framework_io.export_document(session), "credentials", "cspo")
    assert credential["full_name"] == "Certified Scrum Product Owner®"


def test_import_file_reads_with_the_command_line_guards(session, tmp_path):
    path = tmp_path / "twice.json"
    path.write_text('{"format": "po-tracker-framework", "format": "x"}', encoding="utf-8")
    with pytest.raises(ValidationError, match="twice|duplicate"):
        framework_edit.import_file(session, path)


def test_export_file_replaces_the_target_whole(session, tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    path = folder / "framework.json"
    path.write_text("old", encoding="utf-8")
    framework_edit.export_file(session, path, "Mine")
    assert json.loads(path.read_text(encoding="utf-8"))["name"] == "Mine"
    assert [p.name for p in folder.iterdir()] == ["framework.json"]


def test_a_skills_level_texts_are_stored_exported_and_emptied_back_to_general(session):
    framework_edit.set_skill_levels(session, "Leadership", {2: "Leads a squad.", 4: " "})
    skill = _by_slug(framework_io.export_document(session), "skills", "leadership")
    assert skill["levels"] == {"2": "Leads a squad."}
    framework_edit.set_skill_levels(session, "Leadership", {2: ""})
    skill = _by_slug(framework_io.export_document(session), "skills", "leadership")
    assert "levels" not in skill


def test_a_bad_level_text_is_refused_by_field_and_changes_nothing(session):
    framework_edit.set_skill_levels(session, "Leadership", {1: "Kept."})
    before = framework_io.export_document(session)
    with pytest.raises(ValidationError) as caught:
        framework_edit.set_skill_levels(session, "Leadership", {1: "New", 3: "bad\x1b[2J", 6: "x"})
    assert sorted(e.field for e in caught.value.errors) == ["level_3", "level_6"]
    assert framework_io.export_document(session) == before
