"""What the journal offers to write from: each skill's reflective prompt (from the
framework), the user's own prompts, and Markdown templates. The shipped templates
(``resources/journal/templates.json``) are seeded on first use, once: a template the user
deletes does not come back."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...models import JournalPrompt, JournalTemplate, Setting, Skill
from ...resources import resource_path
from ..framework import lookup
from ..limits import MAX_TEXT
from ..validation import Checker
from .crud import get_row, save

SEEDED_KEY = "journal_templates_seeded"
MAX_NAME = 200
MAX_PROMPT = 300


@dataclass(frozen=True)
class TemplateInput:
    name: str
    body: str
    skill: str | None = None


@dataclass(frozen=True)
class Template:
    id: int
    name: str
    body: str
    skill: str | None


@dataclass(frozen=True)
class PromptInput:
    text: str
    skill: str | None = None


@dataclass(frozen=True)
class Prompt:
    """A question to answer. ``id`` is None for a skill's own prompt, which is edited
    with the framework, not here."""

    text: str
    skill: str | None
    id: int | None = None

    @property
    def editable(self) -> bool:
        return self.id is not None


# -- defaults ----------------------------------------------------------------------------
def default_templates() -> list[TemplateInput]:
    document = json.loads(resource_path("journal", "templates.json").read_text("utf-8"))
    return [
        TemplateInput(item["name"], item["body"], item.get("skill"))
        for item in document["templates"]
    ]


def seed_defaults(session: Session) -> int:
    """Add the shipped templates the first time only; returns how many were added. A
    default tied to a skill the user's framework lacks is added without the skill."""
    if session.get(Setting, SEEDED_KEY) is not None:
        return 0
    added = 0
    for data in default_templates():
        taken = _find_template(session, data.name) is not None
        if not taken:
            skill_id = _skill_or_none(session, data.skill)
            session.add(
                JournalTemplate(name=data.name, body=data.body, skill_id=skill_id, position=added)
            )
            added += 1
    session.add(Setting(key=SEEDED_KEY, value="1"))
    session.flush()
    return added


def _skill_or_none(session: Session, text: str | None) -> int | None:
    checker = Checker()
    return checker.resolve(lookup.skill_id, session, text, "skill") if text else None


# -- templates ---------------------------------------------------------------------------
def list_templates(session: Session) -> list[Template]:
    query = (
        select(JournalTemplate, Skill.name)
        .outerjoin(Skill, Skill.id == JournalTemplate.skill_id)
        .order_by(JournalTemplate.position, func.lower(JournalTemplate.name))
    )
    return [_template(row, skill) for row, skill in session.execute(query)]


def get_template(session: Session, template_id: int) -> Template:
    return _get(session, _TEMPLATES, template_id)


def create_template(session: Session, data: TemplateInput) -> Template:
    return _create(session, _TEMPLATES, data)


def update_template(session: Session, template_id: int, data: TemplateInput) -> Template:
    return _update(session, _TEMPLATES, template_id, data)


def delete_template(session: Session, template_id: int) -> None:
    _delete(session, _TEMPLATES, template_id)


def validate_template(session: Session, data: TemplateInput, template_id=None) -> None:
    row = session.get(JournalTemplate, template_id) if template_id is not None else None
    _clean_template(session, data, row)


def _clean_template(session: Session, data: TemplateInput, row) -> dict:
    check = Checker()
    name = check.text("name", data.name, required=True, limit=MAX_NAME)
    check.text("body", data.body, required=True, limit=MAX_TEXT)
    other = _find_template(session, name) if name else None
    if other is not None and other is not row:
        check.fail("name", f"there is already a template called {other.name!r}")
    skill_id = _clean_skill(session, check, data.skill, row)
    check.done()
    # Stored with its indentation as typed, and a blank line after the last heading so
    # that the cursor lands where the user writes.
    return dict(name=name, body=data.body.strip("\n") + "\n\n", skill_id=skill_id)


def _find_template(session: Session, name: str) -> JournalTemplate | None:
    query = select(JournalTemplate).where(func.lower(JournalTemplate.name) == name.lower())
    return session.scalars(query).first()


def _template(row: JournalTemplate, skill: str | None) -> Template:
    return Template(row.id, row.name, row.body, skill)


def _template_dto(session: Session, row: JournalTemplate) -> Template:
    return _template(row, _skill_name(session, row.skill_id))


# -- prompts -----------------------------------------------------------------------------
def list_prompts(session: Session) -> list[Prompt]:
    """Every prompt, grouped by skill in framework order (each skill's own prompt first),
    then the user's prompts tied to no skill."""
    skills = session.execute(
        select(Skill.id, Skill.name, Skill.prompt)
        .where(Skill.retired.is_(False))
        .order_by(Skill.position, Skill.id)
    ).all()
    own = session.execute(
        select(JournalPrompt.id, JournalPrompt.text, JournalPrompt.skill_id).order_by(
            JournalPrompt.position, JournalPrompt.id
        )
    ).all()
    prompts = []
    for skill_id, name, text in skills:
        if text.strip():
            prompts.append(Prompt(text.strip(), name))
        prompts += [Prompt(t, name, i) for i, t, s in own if s == skill_id]
    listed = {skill_id for skill_id, _name, _text in skills}
    prompts += [Prompt(t, None, i) for i, t, s in own if s not in listed]
    return prompts


def get_prompt(session: Session, prompt_id: int) -> Prompt:
    return _get(session, _PROMPTS, prompt_id)


def create_prompt(session: Session, data: PromptInput) -> Prompt:
    return _create(session, _PROMPTS, data)


def update_prompt(session: Session, prompt_id: int, data: PromptInput) -> Prompt:
    return _update(session, _PROMPTS, prompt_id, data)


def delete_prompt(session: Session, prompt_id: int) -> None:
    _delete(session, _PROMPTS, prompt_id)


def _clean_prompt(session: Session, data: PromptInput, row) -> dict:
    check = Checker()
    text = check.text("text", data.text, required=True, limit=MAX_PROMPT)
    if "\n" in text or "\r" in text:
        check.fail("text", "must be one line: a single question")
    elif text:
        _check_prompt_is_new(session, check, text, row)
    skill_id = _clean_skill(session, check, data.skill, row)
    check.done()
    return dict(text=text, skill_id=skill_id)


def _check_prompt_is_new(session: Session, check: Checker, text: str, row) -> None:
    other = session.scalars(
        select(JournalPrompt).where(func.lower(JournalPrompt.text) == text.lower())
    ).first()
    if other is not None and other is not row:
        check.fail("text", "you already have this prompt")
        return
    skill = session.scalars(
        select(Skill.name).where(func.lower(func.trim(Skill.prompt)) == text.lower())
    ).first()
    if skill is not None:
        check.fail("text", f"is already the prompt of the skill {skill!r}")


def _prompt_dto(session: Session, row: JournalPrompt) -> Prompt:
    return Prompt(row.text, _skill_name(session, row.skill_id), row.id)


# -- shared ------------------------------------------------------------------------------
def _clean_skill(session: Session, check: Checker, text: str | None, row) -> int | None:
    text = (text or "").strip()
    if not text:
        return None
    # A skill retired since the item was tied to it stays tied: lookup no longer finds
    # it by name, but the user did not ask to change it.
    if row is not None and row.skill_id is not None:
        current = _skill_name(session, row.skill_id)
        if current is not None and lookup.slugify(current) == lookup.slugify(text):
            return row.skill_id
    return check.resolve(lookup.skill_id, session, text, "skill")


def _skill_name(session: Session, skill_id: int | None) -> str | None:
    return session.scalar(select(Skill.name).where(Skill.id == skill_id)) if skill_id else None


def _next_position(session: Session, model) -> int:
    return (session.scalar(select(func.max(model.position))) or 0) + 1


# -- what templates and prompts share ----------------------------------------------------
@dataclass(frozen=True)
class _Table:
    """A user's list kept in order (templates, prompts): its rows, the word that names
    one in "there is no …", how an input is checked and how a row is shown."""

    model: type
    noun: str
    clean: Callable
    dto: Callable


_TEMPLATES = _Table(JournalTemplate, "template", _clean_template, _template_dto)
_PROMPTS = _Table(JournalPrompt, "prompt", _clean_prompt, _prompt_dto)


def _get(session: Session, table: _Table, row_id: int):
    return table.dto(session, get_row(session, table.model, row_id, table.noun))


def _create(session: Session, table: _Table, data):
    values = table.clean(session, data, None)
    values["position"] = _next_position(session, table.model)  # added at the end
    return table.dto(session, save(session, table.model(), values))


def _update(session: Session, table: _Table, row_id: int, data):
    row = get_row(session, table.model, row_id, table.noun)
    return table.dto(session, save(session, row, table.clean(session, data, row)))


def _delete(session: Session, table: _Table, row_id: int) -> None:
    session.delete(get_row(session, table.model, row_id, table.noun))
    session.flush()
