"""Journal prompts and templates: the skills' prompts, the user's own, and the shipped
templates seeded once."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from po_tracker.services.errors import NotFoundError, ValidationError
from po_tracker.services.framework import edit as framework_edit
from po_tracker.services.logbook import journal_prompts
from po_tracker.services.logbook.journal_prompts import PromptInput, TemplateInput


def fields(error: ValidationError) -> dict[str, str]:
    return {e.field: e.message for e in error.errors}


def test_defaults_are_seeded_once_with_their_skills(session):
    added = journal_prompts.seed_defaults(session)
    templates = journal_prompts.list_templates(session)
    assert added == len(templates) >= 4
    names = [t.name for t in templates]
    assert names[0] == "Weekly reflection"
    assert {"After a sprint review", "Decision record"} <= set(names)
    stakeholder = next(t for t in templates if t.name.startswith("After a hard stakeholder"))
    assert stakeholder.skill == "Stakeholder management"
    assert "## " in stakeholder.body
    assert journal_prompts.seed_defaults(session) == 0


def test_a_deleted_default_does_not_come_back(session):
    journal_prompts.seed_defaults(session)
    weekly = journal_prompts.list_templates(session)[0]
    journal_prompts.delete_template(session, weekly.id)
    journal_prompts.seed_defaults(session)
    assert weekly.name not in [t.name for t in journal_prompts.list_templates(session)]


def test_skill_prompts_come_first_in_framework_order(session):
    prompts = journal_prompts.list_prompts(session)
    assert len(prompts) == 15
    assert prompts[0].skill == "Communication" and not prompts[0].editable
    critical = next(p for p in prompts if p.skill == "Critical thinking and decision-making")
    assert critical.text.startswith("What decision did you make this week")


def test_user_prompts_join_their_skill_group_or_stand_alone(session):
    tied = journal_prompts.create_prompt(
        session, PromptInput("Who did I surprise this week?", skill="communication")
    )
    loose = journal_prompts.create_prompt(session, PromptInput("  What drained me?  "))
    assert tied.skill == "Communication" and tied.editable
    assert loose.text == "What drained me?" and loose.skill is None
    prompts = journal_prompts.list_prompts(session)
    assert prompts[1] == tied  # right after Communication's own prompt
    assert prompts[-1] == loose


def test_prompt_update_and_delete(session):
    prompt = journal_prompts.create_prompt(session, PromptInput("What did I ship?"))
    changed = journal_prompts.update_prompt(
        session, prompt.id, PromptInput("What did we ship?", "Leadership")
    )
    assert changed == journal_prompts.get_prompt(session, prompt.id)
    assert changed.skill == "Leadership"
    journal_prompts.delete_prompt(session, prompt.id)
    with pytest.raises(NotFoundError, match="no prompt"):
        journal_prompts.get_prompt(session, prompt.id)


@pytest.mark.parametrize(
    ("text", "skill", "field", "message"),
    [
        ("", None, "text", "must not be empty"),
        ("Two\nlines?", None, "text", "one line"),
        ("x" * 301, None, "text", "too long"),
        ("Fine?", "juggling", "skill", "unknown skill 'juggling'; valid skills: Communication"),
    ],
)
def test_bad_prompts_are_refused_with_clear_messages(session, text, skill, field, message):
    with pytest.raises(ValidationError) as caught:
        journal_prompts.create_prompt(session, PromptInput(text, skill))
    assert message in fields(caught.value)[field]
    assert [p for p in journal_prompts.list_prompts(session) if p.editable] == []


def test_duplicate_prompts_are_refused(session):
    journal_prompts.create_prompt(session, PromptInput("What did I ship?"))
    with pytest.raises(ValidationError, match="already have this prompt"):
        journal_prompts.create_prompt(session, PromptInput("what did i ship?"))
    skill_prompt = journal_prompts.list_prompts(session)[0].text
    with pytest.raises(ValidationError, match="prompt of the skill 'Communication'"):
        journal_prompts.create_prompt(session, PromptInput(skill_prompt))


def test_template_crud(session):
    created = journal_prompts.create_template(
        session,
        TemplateInput("Retro notes", "## Keep\n\n## Drop", skill="Agile and Scrum practice"),
    )
    assert created.body == "## Keep\n\n## Drop\n\n"
    assert created.skill == "Agile and Scrum practice"
    updated = journal_prompts.update_template(
        session, created.id, TemplateInput("Retro", "## Keep", skill=None)
    )
    assert updated == journal_prompts.get_template(session, created.id)
    assert (updated.name, updated.skill) == ("Retro", None)
    assert updated in journal_prompts.list_templates(session)
    journal_prompts.delete_template(session, created.id)
    assert journal_prompts.list_templates(session) == []


def test_bad_templates_report_every_field(session):
    journal_prompts.create_template(session, TemplateInput("Weekly", "## Went well"))
    with pytest.raises(ValidationError) as caught:
        journal_prompts.create_template(session, TemplateInput("WEEKLY", " ", skill="nope"))
    errors = fields(caught.value)
    assert errors["name"] == "there is already a template called 'Weekly'"
    assert errors["body"] == "must not be empty"
    assert errors["skill"].startswith("unknown skill 'nope'")
    assert len(journal_prompts.list_templates(session)) == 1


def test_renaming_a_template_to_its_own_name_is_fine(session):
    created = journal_prompts.create_template(session, TemplateInput("Weekly", "## A"))
    journal_prompts.validate_template(session, TemplateInput("weekly", "## B"), created.id)


def test_a_removed_skill_unties_its_template(session):
    from po_tracker.models import Skill

    template = journal_prompts.create_template(
        session, TemplateInput("Mentoring notes", "## Who", skill="Mentoring and coaching")
    )
    outcome = framework_edit.remove_skill(session, "Mentoring and coaching")
    assert outcome.outcome == "deleted"
    session.expire_all()
    assert (
        session.scalars(select(Skill).where(Skill.name == "Mentoring and coaching")).first() is None
    )
    assert journal_prompts.get_template(session, template.id).skill is None


def test_a_retired_skill_keeps_its_ties_on_update(session):
    from po_tracker.services.logbook import ratings

    ratings.create(
        session, ratings.RatingInput(skill="Leadership", level=3, rated_on=date(2026, 1, 5))
    )
    prompt = journal_prompts.create_prompt(session, PromptInput("Did I lead?", "Leadership"))
    assert framework_edit.remove_skill(session, "Leadership").outcome == "retired"
    kept = journal_prompts.update_prompt(
        session, prompt.id, PromptInput("Did I lead well?", "Leadership")
    )
    assert kept.skill == "Leadership"
