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
            "must be at most 5 (got 6)",
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
            lambda s: framework_edit.set_renewal_rule(
                s, "CSPO", RenewalRule(24, 20, "SEU", renewal_lead_days=366)
            ),
            "renewal_lead_days",
            "at most 365",
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


def test_no_skill_target_drops_moving_up_the_ladder():
    """Someone ready for a stage is at least as ready for the stage below it."""
    document = framework_io.default_document()
    stages = {stage["slug"]: stage for stage in document["stages"]}
    for move in document["moves"]:
        lower, upper = stages[move["from"]], stages[move["to"]]
        if lower["path"] != "ladder" or upper["path"] != "ladder":
            continue
        upper_skills = upper["requirements"]["skills"]
        for skill, level in lower["requirements"]["skills"].items():
            assert upper_skills.get(skill, 0) >= level, (upper["name"], skill)


def test_the_catalog_groups_scrum_alliance_and_fills_its_fees():
    document = framework_io.default_document()
    groups = {group["slug"]: group for group in document["renewal_groups"]}
    assert (groups["scrum-alliance"]["renews"], groups["scrum-alliance"]["pooled"]) == (
        "group",
        True,
    )
    credentials = {c["slug"]: c for c in document["credentials"]}
    for slug in ("cspo", "a-cspo", "csp-po", "csm", "a-csm", "csp-sm"):
        assert credentials[slug]["renewal_group"] == "scrum-alliance"
        assert credentials[slug]["fee_amount"] is not None
    assert (credentials["a-csm"]["fee_amount"], credentials["csp-sm"]["fee_amount"]) == (175, 250)


def test_a_version_1_framework_file_still_loads(session):
    document = framework_io.default_document()
    document["version"] = 1
    del document["renewal_groups"]
    for credential in document["credentials"]:
        for key in ("renewal_group", "addon_credits", "renewable_days", "ends_day_before"):
            credential.pop(key)
    framework_io.load_document(session, document)
    exported = framework_io.export_document(session)
    assert exported["version"] == 3
    # The file names no group, so none is kept, and the result loads again.
    assert exported["renewal_groups"] == []
    assert {c["renewal_group"] for c in exported["credentials"]} == {None}
    framework_io.load_document(session, exported)


def test_a_credential_naming_an_unknown_group_is_refused(session):
    document = framework_io.default_document()
    document["credentials"][0]["renewal_group"] = "no-such-group"
    with pytest.raises(ValidationError, match="unknown renewal group 'no-such-group'"):
        framework_io.load_document(session, document)


def test_a_credentials_lead_time_travels_through_the_framework_file(session):
    rule = replace(framework_edit.renewal_rule(session, "CSPO"), renewal_lead_days=45)
    framework_edit.set_renewal_rule(session, "CSPO", rule)
    document = framework_io.export_document(session)
    (cspo,) = [c for c in document["credentials"] if c["slug"] == "cspo"]
    assert cspo["renewal_lead_days"] == 45
    framework_edit.set_renewal_rule(session, "CSPO", replace(rule, renewal_lead_days=None))
    framework_io.load_document(session, document)
    assert framework_edit.renewal_rule(session, "CSPO").renewal_lead_days == 45
    # A file giving more than a year is refused whole, before anything is loaded.
    cspo["renewal_lead_days"] = 400
    with pytest.raises(ValidationError, match="renewal_lead_days"):
        framework_io.load_document(session, document)
