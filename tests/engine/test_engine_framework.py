"""The default framework is sound, round-trips, and editing it never loses a logged entry."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from po_tracker.models import (
    Certification,
    Credential,
    Goal,
    Skill,
    SkillRating,
    Stage,
    StageMove,
    StageSkillTarget,
    TrainingSession,
)
from po_tracker.services.career import readiness, renewal
from po_tracker.services.career.renewal_rules import RenewalRule
from po_tracker.services.errors import ValidationError
from po_tracker.services.framework import document as framework_io
from po_tracker.services.framework import edit as framework_edit
from po_tracker.services.logbook import goals, profile


def _count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


def test_default_framework_validates_and_matches_the_graph(session):
    document = framework_io.default_document()
    framework_io.validate_document(document)
    stage_slugs = {stage["slug"] for stage in document["stages"]}
    skill_slugs = {skill["slug"] for skill in document["skills"]}
    assert len(stage_slugs) == 14 and len(skill_slugs) == 15
    for move in document["moves"]:
        assert {move["from"], move["to"]} <= stage_slugs
    for stage in document["stages"]:
        assert set(stage["requirements"].get("skills", {})) <= skill_slugs
    # Seeded into the logbook as written: every stage and move, nothing retired.
    assert _count(session, Stage) == 14 and _count(session, StageMove) == len(document["moves"])
    assert session.scalar(select(func.count()).where(Stage.retired.is_(True))) == 0


def test_default_framework_round_trips_through_json(session, tmp_path):
    path = tmp_path / "framework.json"
    framework_edit.export_file(session, path, "Default")
    exported = json.loads(path.read_text(encoding="utf-8"))
    default = framework_io.default_document()
    for key in ("skills", "credentials", "stages", "moves"):
        assert exported[key] == default[key]
    framework_edit.import_file(session, path)
    assert framework_io.export_document(session, "Default") == exported


def test_every_default_stage_can_be_scored(session):
    for stage_id in session.scalars(select(Stage.id)):
        result = readiness.readiness_for(session, stage_id, date(2025, 1, 1))
        assert 0 <= result.overall <= 100


def test_removing_items_in_use_retires_them_and_keeps_every_entry(session, log):
    log.rate("Communication", 3, date(2024, 1, 1))
    log.cert("CSPO", date(2024, 1, 1))
    log.train(5, date(2024, 2, 1), credits=[("CSPO", 5)])
    goals.create(session, goals.GoalInput("Speak at a meetup", skill="Communication"))
    profile.set_stages(session, current="Product Owner", target="Senior Product Owner")
    counts = {m: _count(session, m) for m in (SkillRating, Certification, TrainingSession, Goal)}

    removals = [
        framework_edit.remove_skill(session, "Communication"),
        framework_edit.remove_credential(session, "CSPO"),
        framework_edit.remove_stage(session, "Senior Product Owner"),
    ]
    assert [r.outcome for r in removals] == ["retired"] * 3
    assert {m: _count(session, m) for m in counts} == counts
    # Retired: no stage asks for the skill or the credential any more...
    assert (
        session.scalar(
            select(func.count()).select_from(StageSkillTarget).join(Skill).where(Skill.retired)
        )
        == 0
    )
    # ...the certification is still tracked, and the target still stands.
    assert [s.name for s in renewal.statuses(session, date(2024, 6, 1))] == ["CSPO"]
    assert profile.get(session).target_stage == "Senior Product Owner"


def test_removing_an_unused_item_deletes_it(session):
    assert framework_edit.remove_skill(session, "Adaptability").outcome == "deleted"
    assert session.scalar(select(Skill).where(Skill.slug == "adaptability")) is None
    framework_edit.remove_stage(session, "UX Strategist")
    assert _count(session, StageMove) == len(framework_io.default_document()["moves"]) - 1


def test_loading_a_framework_without_used_items_retires_them(session, log):
    log.rate("Communication", 3, date(2024, 1, 1))
    document = framework_io.default_document()
    document["skills"] = [s for s in document["skills"] if s["slug"] != "communication"]
    for stage in document["stages"]:
        stage["requirements"]["skills"].pop("communication", None)
    framework_io.load_document(session, document)
    assert _count(session, SkillRating) == 1
    assert session.scalar(select(Skill.retired).where(Skill.slug == "communication"))


def test_add_rename_and_requirements_reach_readiness(session):
    framework_edit.add_skill(session, "Storytelling")
    framework_edit.add_stage(session, "Evangelist", path="side")
    framework_edit.add_move(session, "Senior Product Owner", "Evangelist")
    framework_edit.set_skill_target(session, "Evangelist", "Storytelling", 3)
    framework_edit.rename_skill(session, "storytelling", "Narrative craft")
    profile.set_stages(session, target="Evangelist")
    result = readiness.readiness(session, date(2025, 1, 1))
    assert result.next_actions == ("Reach level 3 in Narrative craft (not rated yet)",)
    assert session.scalar(select(Skill.slug).where(Skill.name == "Narrative craft")) == (
        "storytelling"  # slugs stay, so exported files keep referring to it
    )
    framework_edit.remove_skill_target(session, "Evangelist", "Narrative craft")
    assert readiness.readiness(session, date(2025, 1, 1)).overall == 100


def test_adding_a_retired_name_brings_it_back(session, log):
    log.rate("Leadership", 3, date(2024, 1, 1))
    framework_edit.remove_skill(session, "Leadership")
    item = framework_edit.add_skill(session, "leadership")
    assert (item.name, item.retired) == ("Leadership", False)


def test_renewal_rule_changes_the_cycle(session, log):
    rule = RenewalRule(validity_months=12, credits_needed=10, credit_unit="PDU")
    framework_edit.add_credential(session, "Custom Cert", body="Acme", rule=rule)
    log.cert("Custom Cert", date(2024, 1, 1))
    item = next(s for s in renewal.statuses(session, date(2024, 6, 1)))
    assert (item.expires, item.credits_needed) == (date(2025, 1, 1), 10)
    framework_edit.set_renewal_rule(session, "Custom Cert", replace(rule, validity_months=36))
    item = next(s for s in renewal.statuses(session, date(2024, 6, 1)))
    assert item.expires == date(2027, 1, 1)


@pytest.mark.parametrize(
    ("edit", "field", "words"),
    [
        (lambda s: framework_edit.add_stage(s, "product owner"), "name", "already exists"),
        (lambda s: framework_edit.add_stage(s, "  "), "name", "must not be empty"),
        (lambda s: framework_edit.add_stage(s, "X", path="diagonal"), "path", "ladder"),
        (lambda s: framework_edit.add_move(s, "Product Owner", "Nowhere"), "to", "valid stages"),
        (lambda s: framework_edit.add_move(s, "Product Owner", "Product Owner"), "to", "another"),
        (
            lambda s: framework_edit.add_move(s, "Product Owner", "Senior Product Owner"),
            "to",
            "exists",
        ),
        (
            lambda s: framework_edit.set_skill_target(s, "Product Owner", "Communication", 6),
            "level",
            "1 to 5",
        ),
        (
            lambda s: framework_edit.set_requirement(s, "Product Owner", "sprints_as_po", 2.5),
            "sprints_as_po",
            "whole number",
        ),
        (
            lambda s: framework_edit.set_requirement(s, "Product Owner", "height", 1),
            "requirement",
            "valid",
        ),
        (
            lambda s: framework_edit.add_credential_group(s, "Product Owner", ["CSPO", "Nope"]),
            "credentials",
            "unknown credential",
        ),
        (
            lambda s: framework_edit.set_renewal_rule(s, "PSPO I", RenewalRule(credits_needed=5)),
            "credits_needed",
            "validity",
        ),
        (
            lambda s: framework_edit.rename_credential(s, "CSPO", "csm"),
            "name",
            "already exists",
        ),
    ],
)
def test_edits_are_validated_with_clear_messages(session, edit, field, words):
    with pytest.raises(ValidationError) as raised:
        edit(session)
    error = raised.value.errors[0]
    assert error.field == field and words in error.message


def test_credential_groups_can_be_added_and_removed(session):
    framework_edit.add_credential_group(session, "Scrum Master", ["CSM", "PSM I"])
    with pytest.raises(ValidationError):
        framework_edit.add_credential_group(session, "Scrum Master", ["PSM I", "CSM"])
    framework_edit.remove_credential_group(session, "Scrum Master", ["psm-i", "csm"])
    with pytest.raises(ValidationError):
        framework_edit.remove_credential_group(session, "Scrum Master", ["CSM", "PSM I"])


def test_removing_a_credential_leaves_no_empty_group(session):
    framework_edit.add_stage(session, "Needs CSM")
    framework_edit.add_credential_group(session, "Needs CSM", ["CSM"])
    assert framework_edit.remove_credential(session, "CSM").outcome == "deleted"
    profile.set_stages(session, target="Needs CSM")
    assert readiness.readiness(session, date(2025, 1, 1)).overall == 100
    assert session.scalar(select(Credential).where(Credential.slug == "csm")) is None


def test_import_of_a_broken_file_is_a_validation_error(session, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValidationError):
        framework_edit.import_file(session, path)
