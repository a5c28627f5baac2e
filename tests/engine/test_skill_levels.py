"""What each level of a skill means: the framework's words where it has them, the
generic ones otherwise; the words travel with the framework document."""

from __future__ import annotations

import pytest

from po_tracker.services.errors import ValidationError
from po_tracker.services.framework import document as framework_io
from po_tracker.services.framework import levels
from po_tracker.vocabulary import LEVEL_MEANINGS

COMMUNICATION_3 = "Presents the roadmap to executives without help."


def _with_levels(described: dict) -> dict:
    document = framework_io.default_document()
    skill = next(s for s in document["skills"] if s["slug"] == "communication")
    skill["levels"] = described
    return document


def test_without_descriptions_every_skill_has_the_generic_meanings(session):
    by_skill = levels.levels_by_skill(session)
    assert by_skill and all(texts == levels.generic_levels() for texts in by_skill.values())
    assert [(t.name, t.meaning) for t in by_skill["Communication"]] == list(LEVEL_MEANINGS.values())


def test_the_frameworks_words_come_first_and_the_rest_stay_generic(session):
    framework_io.load_document(session, _with_levels({"3": COMMUNICATION_3, "5": "  "}))
    texts = levels.levels_by_skill(session)["Communication"]
    assert texts[2].meaning == COMMUNICATION_3 and texts[2].from_framework
    assert texts[2].name == LEVEL_MEANINGS[3][0]  # the short name stays the generic one
    assert texts[4].meaning == LEVEL_MEANINGS[5][1] and not texts[4].from_framework
    assert texts[0].meaning == LEVEL_MEANINGS[1][1]
    others = [t for name, t in levels.levels_by_skill(session).items() if name != "Communication"]
    assert others and all(texts == levels.generic_levels() for texts in others)


def test_the_descriptions_round_trip_and_a_document_without_them_clears_them(session):
    framework_io.load_document(session, _with_levels({"3": COMMUNICATION_3}))
    exported = framework_io.export_document(session)
    [skill] = [s for s in exported["skills"] if s["slug"] == "communication"]
    assert skill["levels"] == {"3": COMMUNICATION_3}
    assert all("levels" not in s for s in exported["skills"] if s is not skill)
    framework_io.load_document(session, framework_io.default_document())
    assert levels.levels_by_skill(session)["Communication"] == levels.generic_levels()


@pytest.mark.parametrize("bad", [{"6": "Beyond expert"}, {"3": 3}])
def test_a_level_outside_1_to_5_or_not_words_is_refused(session, bad):
    with pytest.raises(ValidationError):
        framework_io.load_document(session, _with_levels(bad))
    assert levels.stored_descriptions(session) == {}
