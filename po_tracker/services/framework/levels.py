"""What each level 1-5 of a skill means: the one place every front end asks.

A framework may describe the levels of a skill in its own words (a company's ladder
says what "3" means for stakeholder management); where it does, those words are the
meaning, and the generic ones of ``vocabulary.LEVEL_MEANINGS`` fill the levels it leaves
out. The level's short name ("Practising") stays the generic one, so a rating reads the
same on every skill.

The descriptions are part of the framework document (a skill's ``levels``) and are kept
in the logbook's settings table, by skill slug, as one JSON value."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...models import Setting, Skill
from ...vocabulary import LEVEL_MEANINGS

SETTINGS_KEY = "framework_skill_levels"


@dataclass(frozen=True)
class LevelText:
    level: int
    name: str  # "Practising"
    meaning: str  # the framework's words for this skill, or the generic ones
    from_framework: bool


def generic_levels() -> tuple[LevelText, ...]:
    return tuple(
        LevelText(level, name, meaning, False) for level, (name, meaning) in LEVEL_MEANINGS.items()
    )


def skill_levels(described: dict[int, str] | None) -> tuple[LevelText, ...]:
    """Levels 1-5 for a skill whose framework describes ``described`` (level -> words)."""
    described = described or {}
    return tuple(
        LevelText(level, name, described[level], True)
        if described.get(level, "").strip()
        else LevelText(level, name, meaning, False)
        for level, (name, meaning) in LEVEL_MEANINGS.items()
    )


def levels_by_skill(session: Session) -> dict[str, tuple[LevelText, ...]]:
    """Every skill's levels, by the skill's name (as the window lists skills)."""
    stored = stored_descriptions(session)
    return {
        name: skill_levels(stored.get(slug))
        for slug, name in session.execute(select(Skill.slug, Skill.name))
    }


def stored_descriptions(session: Session) -> dict[str, dict[int, str]]:
    row = session.get(Setting, SETTINGS_KEY)
    if row is None:
        return {}
    raw = json.loads(row.value)
    return {
        slug: {int(level): text for level, text in texts.items()} for slug, texts in raw.items()
    }


def store_skill_descriptions(session: Session, slug: str, texts: dict[int, str]) -> None:
    """Replace one skill's descriptions (the framework editor saved them); an empty text
    gives that level its generic meaning back."""
    by_slug: dict[str, dict] = dict(stored_descriptions(session))
    by_slug[slug] = texts
    store_descriptions(session, by_slug)


def store_descriptions(session: Session, by_slug: dict[str, dict]) -> None:
    """Replace every skill's descriptions (a framework document was loaded)."""
    cleaned = {
        slug: {str(level): text.strip() for level, text in texts.items() if text.strip()}
        for slug, texts in by_slug.items()
    }
    cleaned = {slug: texts for slug, texts in cleaned.items() if texts}
    row = session.get(Setting, SETTINGS_KEY)
    if not cleaned:
        if row is not None:
            session.delete(row)
            session.flush()  # until flushed, the session would still hand the row back
        return
    value = json.dumps(cleaned, ensure_ascii=False, sort_keys=True)
    if row is None:
        session.add(Setting(key=SETTINGS_KEY, value=value))
    else:
        row.value = value
